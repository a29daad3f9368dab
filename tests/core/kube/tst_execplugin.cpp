// SPDX-License-Identifier: GPL-2.0-or-later
// Exec credential plugins without a cluster: interactiveMode as client-go
// honours it (what KUBERNETES_EXEC_INFO says, and Always refused without a
// terminal), a plugin found only on the login shell's PATH, which is the
// case of Shipyard started from a desktop menu, a failing plugin left alone
// for a while instead of run for every request, and plugins that wait (for
// a person, or for nothing) stopped after their timeout.
#include "kube/CredentialSource.h"
#include "kube/ExecCredentialPlugin.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <atomic>
#include <future>
#include <unistd.h>

using namespace Shipyard;
using namespace std::chrono_literals;

namespace {

using Mode = KubeExecConfig::InteractiveMode;

// Records what it was given (exec info, PATH) next to itself and answers a token.
const char kPlugin[] = "#!/bin/sh\n"
                       "dir=$(dirname \"$0\")\n"
                       "printf '%s' \"$KUBERNETES_EXEC_INFO\" > \"$dir/info.json\"\n"
                       "printf '%s' \"$PATH\" > \"$dir/path.txt\"\n"
                       "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                       "\"status\":{\"token\":\"plugin-token\"}}'\n";

// Counts its runs in fail.count beside itself; fails while fail.now exists.
const char kFlakyPlugin[] = "#!/bin/sh\n"
                            "dir=$(dirname \"$0\")\n"
                            "echo run >> \"$dir/fail.count\"\n"
                            "if [ -e \"$dir/fail.now\" ]; then echo 'token expired, log in again' >&2; exit 3; fi\n"
                            "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                            "\"status\":{\"token\":\"recovered\"}}'\n";

// Asks for a password on stdin and answers it as the token.
const char kAskingPlugin[] = "#!/bin/sh\n"
                             "printf 'Password: ' >&2\n"
                             "if ! read -r answer; then echo 'no terminal to read the password from' >&2; exit 1; fi\n"
                             "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":"
                             "\"ExecCredential\",\"status\":{\"token\":\"%s\"}}' \"$answer\"\n";

// Never answers.
const char kStuckPlugin[] = "#!/bin/sh\nexec sleep 600\n";

bool writeExecutable(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return false;
    file.close();
    return file.setPermissions(file.permissions() | QFile::ExeOwner);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

KubeCluster stubCluster()
{
    KubeCluster cluster;
    cluster.server = QStringLiteral("https://127.0.0.1:1");
    return cluster;
}

KubeExecConfig execConfig(const QString &command, Mode mode)
{
    KubeExecConfig exec;
    exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
    exec.command = command;
    exec.interactiveMode = mode;
    return exec;
}

KubeConnection connectionFor(const KubeExecConfig &exec)
{
    KubeConnection connection;
    connection.cluster = stubCluster();
    connection.user.name = QStringLiteral("u");
    connection.user.exec = exec;
    return connection;
}

// What a request gets, whichever thread answers it.
KubeCredentials acquire(CredentialSource &source)
{
    auto promise = std::make_shared<std::promise<KubeCredentials>>();
    std::future<KubeCredentials> answer = promise->get_future();
    source.acquire([promise](KubeCredentials credentials) { promise->set_value(std::move(credentials)); });
    if (answer.wait_for(60s) != std::future_status::ready) {
        KubeCredentials timedOut;
        timedOut.error = QStringLiteral("no answer within a minute");
        return timedOut;
    }
    return answer.get();
}

// Stands a pipe in for the terminal on stdin while it lives.
class StdinPipe
{
public:
    StdinPipe()
    {
        if (::pipe(m_fds) != 0)
            return;
        m_savedStdin = ::dup(STDIN_FILENO);
        ::dup2(m_fds[0], STDIN_FILENO);
    }
    ~StdinPipe()
    {
        if (m_savedStdin >= 0) {
            ::dup2(m_savedStdin, STDIN_FILENO);
            ::close(m_savedStdin);
        }
        ::close(m_fds[0]);
        ::close(m_fds[1]);
    }
    StdinPipe(const StdinPipe &) = delete;
    StdinPipe &operator=(const StdinPipe &) = delete;
    bool isValid() const { return m_savedStdin >= 0; }
    bool type(const QByteArray &line)
    {
        return ::write(m_fds[1], line.constData(), size_t(line.size())) == line.size();
    }

private:
    int m_fds[2] = { -1, -1 };
    int m_savedStdin = -1;
};

} // namespace

class TestExecPlugin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("plugins")));
        m_plugin = m_dir.filePath(QStringLiteral("plugins/shipyard-test-credential"));
        QVERIFY(writeExecutable(m_plugin, kPlugin));
    }

    void cleanup() { QFile::remove(m_dir.filePath(QStringLiteral("plugins/info.json"))); }

    void interactiveMode_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("terminal");
        QTest::addColumn<bool>("succeeds");
        QTest::addColumn<bool>("interactive");
        QTest::newRow("Never, no terminal") << int(Mode::Never) << false << true << false;
        QTest::newRow("Never, terminal") << int(Mode::Never) << true << true << false;
        QTest::newRow("IfAvailable, no terminal") << int(Mode::IfAvailable) << false << true << false;
        QTest::newRow("IfAvailable, terminal") << int(Mode::IfAvailable) << true << true << true;
        QTest::newRow("Always, no terminal") << int(Mode::Always) << false << false << false;
        QTest::newRow("Always, terminal") << int(Mode::Always) << true << true << true;
    }

    void interactiveMode()
    {
        QFETCH(int, mode);
        QFETCH(bool, terminal);
        QFETCH(bool, succeeds);
        QFETCH(bool, interactive);
        // ctest's stdin is never a terminal; the override stands in for one.
        ExecCredentialPlugin::setStdinIsInteractive(terminal);
        KubeExecConfig exec;
        exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
        exec.command = m_plugin;
        exec.interactiveMode = Mode(mode);
        const KubeCredentials credentials = ExecCredentialPlugin(exec, stubCluster(), QStringLiteral("u")).run();
        ExecCredentialPlugin::setStdinIsInteractive(false);
        if (!succeeds) {
            QCOMPARE(credentials.error,
                QStringLiteral("exec plugin of user \"u\" needs a terminal (interactiveMode: Always) and standard "
                               "input is not one"));
            QVERIFY2(!QFile::exists(m_dir.filePath(QStringLiteral("plugins/info.json"))), "the plugin ran anyway");
            return;
        }
        QVERIFY2(credentials.error.isEmpty(), qPrintable(credentials.error));
        QCOMPARE(credentials.bearerToken, QByteArray("plugin-token"));
        const QJsonObject info =
            QJsonDocument::fromJson(readFile(m_dir.filePath(QStringLiteral("plugins/info.json")))).object();
        QCOMPARE(info[QLatin1String("kind")].toString(), QStringLiteral("ExecCredential"));
        QVERIFY(info[QLatin1String("spec")][QLatin1String("interactive")].isBool());
        QCOMPARE(info[QLatin1String("spec")][QLatin1String("interactive")].toBool(), interactive);
    }

    void v1beta1WithoutModeIsIfAvailable()
    {
        ExecCredentialPlugin::setStdinIsInteractive(false);
        KubeExecConfig exec;
        exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1beta1");
        exec.command = m_plugin;
        // The plugin answers v1; a v1beta1 config must reject that, after running it.
        const KubeCredentials credentials = ExecCredentialPlugin(exec, stubCluster(), QStringLiteral("u")).run();
        QVERIFY(credentials.error.contains(QLatin1String("plugin returned version client.authentication.k8s.io/v1")));
        const QJsonObject info =
            QJsonDocument::fromJson(readFile(m_dir.filePath(QStringLiteral("plugins/info.json")))).object();
        QCOMPARE(info[QLatin1String("spec")][QLatin1String("interactive")].toBool(true), false);
    }

    // What ExecCredentialPlugin does: a command not on PATH is looked up on
    // the PATH that `$SHELL -l -c` prints (computed once per process), and
    // the plugin then runs with that PATH appended to its own.
    void pluginOnlyOnLoginShellPath()
    {
        const QString home = m_dir.filePath(QStringLiteral("home"));
        QVERIFY(QDir().mkpath(home));
        const QString plugins = QFileInfo(m_plugin).absolutePath();
        // dash as a login shell reads /etc/profile, then ~/.profile.
        QFile profile(home + QStringLiteral("/.profile"));
        QVERIFY(profile.open(QIODevice::WriteOnly));
        profile.write(QStringLiteral("PATH=\"$PATH:%1\"\nexport PATH\n").arg(plugins).toUtf8());
        profile.close();
        qputenv("HOME", home.toLocal8Bit());
        qputenv("SHELL", "/bin/sh");
        // What a desktop menu launch typically gets: no per-user directories.
        qputenv("PATH", "/usr/bin:/bin");
        const QString command = QFileInfo(m_plugin).fileName();
        QVERIFY2(QStandardPaths::findExecutable(command).isEmpty(), "the plugin must not be on PATH for this test");

        QVERIFY(ExecCredentialPlugin::loginShellPath().contains(plugins));
        QStringList searched;
        QCOMPARE(ExecCredentialPlugin::findExecutable(command, &searched), m_plugin);
        QVERIFY(searched.contains(plugins));

        ExecCredentialPlugin::setStdinIsInteractive(false);
        KubeExecConfig exec;
        exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
        exec.command = command;
        exec.interactiveMode = Mode::Never;
        const KubeCredentials credentials = ExecCredentialPlugin(exec, stubCluster(), QStringLiteral("u")).run();
        QVERIFY2(credentials.error.isEmpty(), qPrintable(credentials.error));
        QCOMPARE(credentials.bearerToken, QByteArray("plugin-token"));
        const QStringList pluginPath =
            QString::fromLocal8Bit(readFile(m_dir.filePath(QStringLiteral("plugins/path.txt"))))
                .split(QLatin1Char(':'));
        QCOMPARE(pluginPath.mid(0, 2), QStringList({ QStringLiteral("/usr/bin"), QStringLiteral("/bin") }));
        QVERIFY(pluginPath.contains(plugins));

        // Found on neither: the message still says what is missing, and
        // the installHint comes with the first report (CredentialSource).
        exec.command = QStringLiteral("shipyard-nowhere-credential");
        exec.installHint = QStringLiteral("Install shipyard-nowhere-credential.");
        const KubeCredentials missing = ExecCredentialPlugin(exec, stubCluster(), QStringLiteral("u")).run();
        QVERIFY(missing.error.startsWith(QLatin1String("exec: executable shipyard-nowhere-credential not found")));
        CredentialSource source(connectionFor(exec));
        const KubeCredentials reported = acquire(source);
        QVERIFY(reported.error.startsWith(missing.error));
        QVERIFY2(reported.error.endsWith(QStringLiteral("\n\n") + exec.installHint), qPrintable(reported.error));
    }

    void retryDelay()
    {
        const auto delay = [](int failures) { return qint64(CredentialSource::execRetryDelay(failures).count()); };
        QCOMPARE(delay(0), 0);
        QCOMPARE(delay(1), 1000);
        QCOMPARE(delay(2), 2000);
        QCOMPARE(delay(3), 4000);
        QCOMPARE(delay(6), 32000);
        QCOMPARE(delay(7), 60000);
        QCOMPARE(delay(1000), 60000);
    }

    // A failing plugin runs once for all the requests waiting on it, then
    // not again before its delay: every request meanwhile gets its error at
    // once, the installHint only with the first report.
    void failingPluginBacksOff()
    {
        ExecCredentialPlugin::setStdinIsInteractive(false);
        const QString dir = m_dir.filePath(QStringLiteral("flaky"));
        QVERIFY(QDir().mkpath(dir));
        const QString plugin = dir + QStringLiteral("/plugin");
        QVERIFY(writeExecutable(plugin, kFlakyPlugin));
        QFile failNow(dir + QStringLiteral("/fail.now"));
        QVERIFY(failNow.open(QIODevice::WriteOnly));
        failNow.close();
        const auto runs = [&] { return readFile(dir + QStringLiteral("/fail.count")).count('\n'); };
        KubeExecConfig exec = execConfig(plugin, Mode::Never);
        exec.installHint = QStringLiteral("Log in with: shipyard-test-login");
        CredentialSource source(connectionFor(exec));

        // Five requests at once share one run and one report, hint included.
        std::vector<std::future<KubeCredentials>> answers;
        for (int i = 0; i < 5; ++i)
            answers.push_back(std::async(std::launch::async, [&source] { return acquire(source); }));
        int hints = 0;
        for (auto &answer : answers) {
            const QString error = answer.get().error;
            QVERIFY2(error.contains(QLatin1String("failed with exit code 3: token expired, log in again")),
                qPrintable(error));
            QVERIFY(error.count(exec.installHint) <= 1);
            hints += int(error.count(exec.installHint));
        }
        QVERIFY(hints >= 1); // all who waited on the run heard it; a late one got the short form
        QCOMPARE(runs(), 1);

        // Until a second has passed: the same error, said at once, no hint.
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 20; ++i) {
            const KubeCredentials meanwhile = acquire(source);
            QVERIFY2(meanwhile.error.contains(QLatin1String("token expired, log in again (failures in a row: 1; the "
                                                            "plugin runs again in 1 s)")),
                qPrintable(meanwhile.error));
            QVERIFY(!meanwhile.error.contains(exec.installHint));
        }
        QVERIFY(clock.elapsed() < 900);
        QCOMPARE(runs(), 1);

        // Then it runs again, fails again, and waits twice as long.
        QTest::qWait(1100);
        const KubeCredentials second = acquire(source);
        QVERIFY(second.error.contains(QLatin1String("token expired")));
        QVERIFY2(!second.error.contains(exec.installHint), qPrintable(second.error));
        QCOMPARE(runs(), 2);
        clock.restart();
        QVERIFY(acquire(source).error.contains(QLatin1String("(failures in a row: 2; the plugin runs again in 2 s)")));
        QTest::qWait(1100);
        QVERIFY(acquire(source).error.contains(QLatin1String("(failures in a row: 2; the plugin runs again in 1 s)")));
        QCOMPARE(runs(), 2);

        // Fixed (the user logged in): the next run after the delay succeeds.
        QVERIFY(failNow.remove());
        QTest::qWait(int(std::max<qint64>(0, 2100 - clock.elapsed())));
        const KubeCredentials fixed = acquire(source);
        QVERIFY2(fixed.error.isEmpty(), qPrintable(fixed.error));
        QCOMPARE(fixed.bearerToken, QByteArray("recovered"));
        QCOMPARE(runs(), 3);
        QCOMPARE(acquire(source).bearerToken, QByteArray("recovered")); // cached
        QCOMPARE(runs(), 3);

        // A new failure (the server refused the token) starts over: the hint
        // again, and a second's wait.
        QVERIFY(failNow.open(QIODevice::WriteOnly));
        failNow.close();
        QVERIFY(source.invalidate(fixed));
        const KubeCredentials again = acquire(source);
        QVERIFY2(again.error.endsWith(QStringLiteral("\n\n") + exec.installHint), qPrintable(again.error));
        QCOMPARE(runs(), 4);
        QVERIFY(acquire(source).error.contains(QLatin1String("(failures in a row: 1; the plugin runs again in 1 s)")));
        QCOMPARE(runs(), 4);
    }

    // interactiveMode Always with a terminal: the plugin asks, and waits.
    // Answered, its answer is the token; unanswered, it is stopped after the
    // interactive timeout, and the wait took no thread of the shared pool.
    void interactivePluginIsBounded()
    {
        StdinPipe terminal;
        QVERIFY(terminal.isValid());
        ExecCredentialPlugin::setStdinIsInteractive(true);
        ExecCredentialPlugin::setTimeouts(60s, 1500ms);
        const QString plugin = m_dir.filePath(QStringLiteral("plugins/asking"));
        QVERIFY(writeExecutable(plugin, kAskingPlugin));
        const KubeExecConfig exec = execConfig(plugin, Mode::Always);

        QVERIFY(terminal.type("typed-at-the-terminal\n"));
        CredentialSource answered(connectionFor(exec));
        const KubeCredentials credentials = acquire(answered);
        QVERIFY2(credentials.error.isEmpty(), qPrintable(credentials.error));
        QCOMPARE(credentials.bearerToken, QByteArray("typed-at-the-terminal"));

        CredentialSource unanswered(connectionFor(exec));
        QElapsedTimer clock;
        clock.start();
        auto answer = std::async(std::launch::async, [&unanswered] { return acquire(unanswered); });
        QTest::qWait(500);
        QCOMPARE(QThreadPool::globalInstance()->activeThreadCount(), 0);
        const KubeCredentials stopped = answer.get();
        ExecCredentialPlugin::setTimeouts(
            ExecCredentialPlugin::defaultTimeout, ExecCredentialPlugin::defaultInteractiveTimeout);
        ExecCredentialPlugin::setStdinIsInteractive(false);
        QVERIFY2(stopped.error.startsWith(QStringLiteral("exec plugin %1 of user \"u\" did not finish within 1.5 s, "
                                                         "waiting for an answer on the terminal; it was stopped")
                         .arg(plugin)),
            qPrintable(stopped.error));
        QVERIFY(clock.elapsed() >= 1500);
        QVERIFY2(clock.elapsed() < 10000, "the plugin was not stopped in time");
    }

    // A plugin that asks nobody and never answers is stopped too.
    void stuckPluginIsStopped()
    {
        ExecCredentialPlugin::setStdinIsInteractive(false);
        ExecCredentialPlugin::setTimeouts(1s, 1s);
        const QString plugin = m_dir.filePath(QStringLiteral("plugins/stuck"));
        QVERIFY(writeExecutable(plugin, kStuckPlugin));
        QElapsedTimer clock;
        clock.start();
        const KubeCredentials stopped =
            ExecCredentialPlugin(execConfig(plugin, Mode::Never), stubCluster(), QStringLiteral("u")).run();
        ExecCredentialPlugin::setTimeouts(
            ExecCredentialPlugin::defaultTimeout, ExecCredentialPlugin::defaultInteractiveTimeout);
        QCOMPARE(stopped.error,
            QStringLiteral("exec plugin %1 of user \"u\" did not finish within 1 s; it was stopped").arg(plugin));
        QVERIFY(clock.elapsed() < 10000);
    }

    // The plugins of contexts that hang (a login that waits for a browser, a
    // dead identity provider) never hold back another context's plugin,
    // however many of them there are: each runs on a thread of its own.
    void hungPluginsHoldNoOther()
    {
        ExecCredentialPlugin::setStdinIsInteractive(false);
        ExecCredentialPlugin::setTimeouts(3s, 3s);
        const QString stuck = m_dir.filePath(QStringLiteral("plugins/stuck"));
        QVERIFY(writeExecutable(stuck, kStuckPlugin));
        const QString good = m_dir.filePath(QStringLiteral("plugins/good"));
        QVERIFY(writeExecutable(good, kPlugin));
        // More hung contexts than a machine has cores, or than a small pool would have threads.
        constexpr int hung = 40;
        std::vector<std::unique_ptr<CredentialSource>> sources;
        auto pending = std::make_shared<std::atomic<int>>(hung);
        for (int i = 0; i < hung; ++i) {
            sources.push_back(std::make_unique<CredentialSource>(connectionFor(execConfig(stuck, Mode::Never))));
            sources.back()->acquire([pending](const KubeCredentials &) { --*pending; });
        }
        // The sources live until their plugins have ended, whatever the test says.
        const auto waitForHung = qScopeGuard([pending] { QTRY_COMPARE_WITH_TIMEOUT(pending->load(), 0, 30000); });
        CredentialSource live(connectionFor(execConfig(good, Mode::Never)));
        QElapsedTimer clock;
        clock.start();
        const KubeCredentials credentials = acquire(live);
        const qint64 elapsed = clock.elapsed();
        qInfo("the live context's plugin answered after %lld ms beside %d hung ones", elapsed, hung);
        QCOMPARE(credentials.bearerToken, QByteArray("plugin-token"));
        QVERIFY2(elapsed < 2000, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
        // The hung ones end by their timeout.
        QTRY_COMPARE_WITH_TIMEOUT(pending->load(), 0, 30000);
        qInfo("the hung ones were stopped after %lld ms", clock.elapsed());
        ExecCredentialPlugin::setTimeouts(
            ExecCredentialPlugin::defaultTimeout, ExecCredentialPlugin::defaultInteractiveTimeout);
    }

    // The window has no terminal: a plugin that needs one is refused at
    // once, saying so; one that may do without runs with stdin closed.
    void windowHasNoTerminal()
    {
        const QString why = QStringLiteral("the Shipyard window has no terminal to ask in");
        ExecCredentialPlugin::setStdinIsInteractive(false, why);
        const QString plugin = m_dir.filePath(QStringLiteral("plugins/asking"));
        QVERIFY(writeExecutable(plugin, kAskingPlugin));
        QElapsedTimer clock;
        clock.start();
        const KubeCredentials always =
            ExecCredentialPlugin(execConfig(plugin, Mode::Always), stubCluster(), QStringLiteral("u")).run();
        QCOMPARE(always.error,
            QStringLiteral("exec plugin of user \"u\" needs a terminal (interactiveMode: Always) and ") + why);
        const KubeCredentials ifAvailable =
            ExecCredentialPlugin(execConfig(plugin, Mode::IfAvailable), stubCluster(), QStringLiteral("u")).run();
        ExecCredentialPlugin::setStdinIsInteractive(false);
        QVERIFY2(ifAvailable.error.contains(QLatin1String("no terminal to read the password from")),
            qPrintable(ifAvailable.error));
        QVERIFY(clock.elapsed() < 10000);
    }

private:
    QTemporaryDir m_dir;
    QString m_plugin;
};

QTEST_GUILESS_MAIN(TestExecPlugin)
#include "tst_execplugin.moc"
