// SPDX-License-Identifier: GPL-2.0-or-later
#include "build/CommandRunner.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace Shipyard;
using namespace std::chrono_literals;

class TestCommandRunner : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        CommandResult result;
        QStringList output;
        QStringList errors;
    };

    // Runs COMMAND in RUNNER and waits for its end.
    static Run run(CommandRunner &runner, const QString &command, int waitMs = 20000)
    {
        Run run;
        QObject context;
        QObject::connect(&runner, &CommandRunner::lineReceived, &context,
            [&run](const QString &line, CommandRunner::Channel channel) {
                (channel == CommandRunner::Channel::Output ? run.output : run.errors).append(line);
            });
        QSignalSpy finished(&runner, &CommandRunner::finished);
        runner.startShell(command);
        if (finished.isEmpty() && !finished.wait(waitMs))
            qWarning("command did not finish in time");
        if (!finished.isEmpty())
            run.result = finished.constFirst().constFirst().value<CommandResult>();
        return run;
    }

private Q_SLOTS:
    void splitsOutputIntoLinesPerChannel()
    {
        CommandRunner runner;
        const Run result = run(runner, QStringLiteral("printf 'a\\nb\\r\\nc'; echo oops >&2"));
        QVERIFY(result.result.succeeded());
        QCOMPARE(result.result.exitCode, 0);
        QCOMPARE(result.output, (QStringList { "a", "b", "c" }));
        QCOMPARE(result.errors, QStringList { "oops" });
        QVERIFY(result.result.errorText.isEmpty());
    }

    void reportsTheExitStatus()
    {
        CommandRunner runner;
        const Run result = run(runner, QStringLiteral("echo one; echo two; exit 3"));
        QCOMPARE(result.result.outcome, CommandResult::Outcome::Failed);
        QCOMPARE(result.result.exitCode, 3);
        QVERIFY2(result.result.errorText.contains(QLatin1String("status 3")), qPrintable(result.result.errorText));
        QCOMPARE(result.result.lastLines, (QStringList { "one", "two" }));
    }

    void keepsOnlyTheLastLines()
    {
        CommandRunner runner;
        runner.setKeptLines(3);
        const Run result = run(runner, QStringLiteral("for i in 1 2 3 4 5 6; do echo $i; done; exit 1"));
        QCOMPARE(result.output.size(), 6);
        QCOMPARE(result.result.lastLines, (QStringList { "4", "5", "6" }));
    }

    void usesWorkingDirectoryAndEnvironment()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        CommandRunner runner;
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        environment.insert(QStringLiteral("SHIPYARD_SYSTEM"), QStringLiteral("catalog"));
        runner.setEnvironment(environment);
        runner.setWorkingDirectory(directory.path());
        const Run result = run(runner, QStringLiteral("pwd; echo \"$SHIPYARD_SYSTEM\"; echo \"home=$HOME\""));
        QVERIFY(result.result.succeeded());
        QCOMPARE(result.output, (QStringList { QFileInfo(directory.path()).canonicalFilePath(), "catalog", "home=" }));
    }

    void masksSecretsEverywhere()
    {
        CommandRunner runner;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("API_TOKEN"), QStringLiteral("tok-123456"));
        environment.insert(QStringLiteral("DB_PASSWORD"), QStringLiteral("hunter2"));
        environment.insert(QStringLiteral("SIGNING_KEY"), QStringLiteral("k3y-material"));
        environment.insert(QStringLiteral("OAUTH_secret"), QStringLiteral("shh-it-is"));
        environment.insert(QStringLiteral("PUBLIC_NAME"), QStringLiteral("visible"));
        runner.setEnvironment(environment);
        runner.addSecret(QStringLiteral("from-a-file"));
        const Run result = run(runner,
            QStringLiteral("echo \"token=$API_TOKEN pw=$DB_PASSWORD\"; echo \"$SIGNING_KEY\" >&2; "
                           "echo \"$OAUTH_secret $PUBLIC_NAME\"; echo from-a-file; "
                           "echo hunter2 was typed; exit 1"));
        QCOMPARE(result.output, (QStringList { "token=*** pw=***", "*** visible", "***", "*** was typed" }));
        QCOMPARE(result.errors, QStringList { "***" });
        const QString everything =
            result.result.command + result.result.errorText + result.result.lastLines.join(QLatin1Char('\n'));
        for (const char *secret : { "tok-123456", "hunter2", "k3y-material", "shh-it-is", "from-a-file" })
            QVERIFY2(!everything.contains(QLatin1String(secret)), secret);
        QVERIFY(result.result.command.contains(QLatin1String("echo *** was typed")));
    }

    // A scrubbed environment no longer holds the secrets: the runner still masks them.
    void keepsMaskingWhatTheCommandsEnvironmentLacks()
    {
        qputenv("SHIPYARD_RUNNERTEST_TOKEN", "runner-test-secret-1");
        CommandRunner runner;
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        runner.setEnvironment(environment);
        SecretMasker named;
        named.addSecret(QStringLiteral("named-by-the-ecosystem"));
        runner.addSecrets(named);
        const Run result = run(runner,
            QStringLiteral("echo \"[$SHIPYARD_RUNNERTEST_TOKEN]\"; echo runner-test-secret-1 named-by-the-ecosystem"));
        qunsetenv("SHIPYARD_RUNNERTEST_TOKEN");
        QCOMPARE(result.output, (QStringList { "[]", "*** ***" }));
    }

    void timesOut()
    {
        CommandRunner runner;
        runner.setTimeout(300ms);
        QElapsedTimer clock;
        clock.start();
        const Run result = run(runner, QStringLiteral("echo started; sleep 30"));
        QCOMPARE(result.result.outcome, CommandResult::Outcome::TimedOut);
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(result.result.errorText.contains(QLatin1String("timed out")));
        QCOMPARE(result.result.lastLines, QStringList { "started" });
    }

    void cancelKillsTheWholeProcessGroup()
    {
        CommandRunner runner;
        QSignalSpy lines(&runner, &CommandRunner::lineReceived);
        QSignalSpy finished(&runner, &CommandRunner::finished);
        // A grandchild in the background: killing only the shell would leave it.
        runner.startShell(QStringLiteral("sleep 60 & echo $!; wait"));
        QVERIFY(runner.isRunning());
        QVERIFY(lines.wait(5000));
        const int grandchild = lines.constFirst().constFirst().toString().toInt();
        QVERIFY(grandchild > 0);
        QCOMPARE(::kill(grandchild, 0), 0);
        runner.cancel();
        QVERIFY(finished.wait(5000));
        const auto result = finished.constFirst().constFirst().value<CommandResult>();
        QCOMPARE(result.outcome, CommandResult::Outcome::Cancelled);
        QVERIFY(!runner.isRunning());
        // The grandchild is not ours to reap: init does, shortly.
        QTRY_VERIFY_WITH_TIMEOUT(::kill(grandchild, 0) != 0, 5000);
    }

    void cancelEscalatesToSigkill()
    {
        CommandRunner runner;
        runner.setGracePeriod(300ms);
        QSignalSpy lines(&runner, &CommandRunner::lineReceived);
        QSignalSpy finished(&runner, &CommandRunner::finished);
        runner.startShell(QStringLiteral("trap '' TERM; echo ready; while :; do sleep 0.1; done"));
        QVERIFY(lines.wait(5000));
        QElapsedTimer clock;
        clock.start();
        runner.cancel();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.constFirst().constFirst().value<CommandResult>().outcome, CommandResult::Outcome::Cancelled);
        QVERIFY(clock.elapsed() >= 250);
    }

    void reportsACrash()
    {
        CommandRunner runner;
        const Run result = run(runner, QStringLiteral("kill -KILL $$"));
        QCOMPARE(result.result.outcome, CommandResult::Outcome::Crashed);
        QVERIFY2(result.result.errorText.contains(QLatin1String("signal 9")), qPrintable(result.result.errorText));
    }

    void reportsAProgramThatCannotStart()
    {
        CommandRunner runner;
        QSignalSpy finished(&runner, &CommandRunner::finished);
        runner.start(QStringLiteral("/nonexistent/shipyard-tool"), { QStringLiteral("--flag") });
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        const auto result = finished.constFirst().constFirst().value<CommandResult>();
        QCOMPARE(result.outcome, CommandResult::Outcome::FailedToStart);
        QVERIFY(result.errorText.contains(QLatin1String("/nonexistent/shipyard-tool --flag")));
        QVERIFY(!runner.isRunning());
    }

    void runsTheNextCommandFromFinished()
    {
        CommandRunner runner;
        QStringList output;
        connect(&runner, &CommandRunner::lineReceived, this, [&output](const QString &line) { output.append(line); });
        int finishedCount = 0;
        connect(&runner, &CommandRunner::finished, this, [&](const CommandResult &) {
            if (++finishedCount == 1)
                runner.start(QStringLiteral("/bin/echo"), { QStringLiteral("second") });
        });
        runner.startShell(QStringLiteral("echo first"));
        QTRY_COMPARE_WITH_TIMEOUT(finishedCount, 2, 5000);
        QCOMPARE(output, (QStringList { "first", "second" }));
    }

    // 100 KiB in one line, a secret across the 64 KiB mark where the line
    // is cut: no piece holds a part of it.
    void neverCutsASecretInTwo()
    {
        const QString secret = QStringLiteral("pg-Sekret-9f3e7a21c4d5");
        for (const int before : { 64 * 1024 - 8, 64 * 1024 - 1, 64 * 1024 - 21 }) {
            CommandRunner runner;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("PGPASSWORD"), secret);
            runner.setEnvironment(environment);
            const Run result = run(runner,
                QStringLiteral("head -c %1 /dev/zero | tr '\\0' x; printf %s \"$PGPASSWORD\"; "
                               "head -c 40000 /dev/zero | tr '\\0' y; echo")
                    .arg(before));
            QVERIFY(result.result.succeeded());
            QVERIFY(result.output.size() >= 2);
            const QString joined = result.output.join(QString());
            QCOMPARE(joined,
                QString(before, QLatin1Char('x')) + SecretMasker::replacement() + QString(40000, QLatin1Char('y')));
            for (const QString &line : result.output) {
                QVERIFY(line.size() <= 64 * 1024);
                for (qsizetype length = 4; length < secret.size(); ++length)
                    QVERIFY2(!line.endsWith(secret.left(length)) && !line.startsWith(secret.right(length)),
                        qPrintable(QStringLiteral("%1 before, %2 characters").arg(before).arg(length)));
            }
        }
    }

    void splitsEndlessLines()
    {
        CommandRunner runner;
        const Run result = run(runner, QStringLiteral("head -c 200000 /dev/zero | tr '\\0' x"));
        QVERIFY(result.result.succeeded());
        QCOMPARE(result.output.size(), 4);
        qsizetype total = 0;
        for (const QString &line : result.output)
            total += line.size();
        QCOMPARE(total, 200000);
    }
};

QTEST_GUILESS_MAIN(TestCommandRunner)
#include "tst_commandrunner.moc"
