// SPDX-License-Identifier: GPL-2.0-or-later
// DORA measures from constructed release records, and commit times from a
// real git repository.
#include "monitoring/DoraMetrics.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Shipyard;
using namespace std::chrono_literals;

namespace {

QDateTime at(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 1, day), QTime(hour, minute), QTimeZone::UTC);
}

ReleaseRecord release(const QString &id, const QDateTime &time, ReleaseRecord::Result result,
    const QString &gitSha = {}, const QString &reason = {})
{
    ReleaseRecord record;
    record.id = id;
    record.time = time;
    record.result = result;
    record.reason = reason;
    ReleaseRecord::SystemRelease system;
    system.system = QStringLiteral("catalog");
    system.image = QStringLiteral("demo/catalog:") + id;
    system.gitSha = gitSha;
    record.systems.append(system);
    return record;
}

} // namespace

class TestDoraMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void measuresAWeek()
    {
        using R = ReleaseRecord::Result;
        QList<ReleaseRecord> records {
            release(
                QStringLiteral("before"), QDateTime(QDate(2025, 12, 30), QTime(10, 0), QTimeZone::UTC), R::Succeeded),
            release(QStringLiteral("baseline"), at(1, 9), R::Succeeded, {},
                QStringLiteral("the state found before the first delivery")),
            release(QStringLiteral("r1"), at(1, 10), R::Succeeded, QStringLiteral("s1")),
            release(QStringLiteral("r2"), at(2, 10), R::Failed, {}, QStringLiteral("deploy: timed out")),
            release(QStringLiteral("r3"), at(2, 11), R::Succeeded, QStringLiteral("s2")),
            release(QStringLiteral("r4"), at(3, 12), R::RolledBack, QStringLiteral("s3")),
            release(QStringLiteral("r6"), at(5, 9), R::Succeeded, QStringLiteral("unknown-sha")),
            release(QStringLiteral("r7"), at(7, 10), R::Failed),
        };
        // A person's rollback restores r4's environment: not a deployment, but a restore.
        ReleaseRecord rollback = release(QStringLiteral("r5"), at(3, 12, 20), R::Succeeded);
        rollback.restoredFrom = QStringLiteral("r3");
        records.append(rollback);
        std::reverse(records.begin(), records.end()); // any order will do

        const DoraMetrics::CommitTime commits = [](const QString &system,
                                                    const QString &sha) -> std::optional<QDateTime> {
            if (system != QLatin1String("catalog"))
                return std::nullopt;
            if (sha == QLatin1String("s1"))
                return at(1, 8);
            if (sha == QLatin1String("s2"))
                return at(2, 7);
            return std::nullopt;
        };
        const DoraMetrics::Summary summary = DoraMetrics::compute(records, at(1, 0), at(8, 0), commits);
        QCOMPARE(summary.deployments, 6);
        QCOMPARE(summary.failures, 3);
        QCOMPARE(summary.changeFailureRate.value_or(-1), 0.5);
        QCOMPARE(summary.perDay, 6.0 / 7.0);
        QCOMPARE(summary.perWeek, 6.0);
        // r2 → r3 in 1 h, r4 → the rollback in 20 min; r7 has nothing after it.
        QCOMPARE(summary.restored, 2);
        QCOMPARE(summary.unrestored, 1);
        QCOMPARE(summary.timeToRestore.value_or(0s), std::chrono::seconds((3600 + 1200) / 2));
        // r1: 2 h, r3: 4 h; r6's commit is unknown; r4 failed and counts for nothing.
        QCOMPARE(summary.leadTimeSamples, 2);
        QCOMPARE(summary.leadTimeUnknown, 1);
        QCOMPARE(summary.leadTime.value_or(0s), std::chrono::seconds(3 * 3600));

        QCOMPARE(summary.days.size(), 8);
        QCOMPARE(summary.days.first().date, QDate(2026, 1, 1));
        const QList<std::pair<int, int>> expected { { 1, 0 }, { 1, 1 }, { 0, 1 }, { 0, 0 }, { 1, 0 }, { 0, 0 },
            { 0, 1 }, { 0, 0 } };
        for (int i = 0; i < expected.size(); ++i) {
            QCOMPARE(summary.days[i].succeeded, expected[i].first);
            QCOMPARE(summary.days[i].failed, expected[i].second);
        }
    }

    void anAutomaticRollbackRestoresAtOnce()
    {
        using R = ReleaseRecord::Result;
        ReleaseRecord failed = release(QStringLiteral("r2"), at(2, 10), R::Failed, {}, QStringLiteral("smoke"));
        failed.restoredAt = at(2, 10, 3); // its own rollback took 3 minutes
        const QList<ReleaseRecord> records { release(QStringLiteral("r1"), at(1, 10), R::Succeeded), failed,
            release(QStringLiteral("r3"), at(4, 10), R::Succeeded) };
        const DoraMetrics::Summary summary = DoraMetrics::compute(records, at(1, 0), at(8, 0), {});
        QCOMPARE(summary.failures, 1);
        QCOMPARE(summary.restored, 1);
        QCOMPARE(summary.timeToRestore.value_or(0s), std::chrono::seconds(180));

        // The record keeps the time through the ConfigMap's JSON.
        QCOMPARE(ReleaseRecord::fromJson(failed.toJson())->restoredAt, failed.restoredAt);
    }

    void withoutRecordsNothingIsKnown()
    {
        const DoraMetrics::Summary summary = DoraMetrics::compute({}, at(1, 0), at(3, 0));
        QCOMPARE(summary.deployments, 0);
        QVERIFY(!summary.changeFailureRate);
        QVERIFY(!summary.timeToRestore);
        QVERIFY(!summary.leadTime);
        QCOMPARE(summary.days.size(), 3);
        QCOMPARE(summary.perDay, 0.0);
    }

    void leadTimeIsUnknownWithoutLookup()
    {
        const QList<ReleaseRecord> records {
            release(QStringLiteral("r1"), at(1, 10), ReleaseRecord::Result::Succeeded, QStringLiteral("abc")),
        };
        const DoraMetrics::Summary summary = DoraMetrics::compute(records, at(1, 0), at(2, 0));
        QVERIFY(!summary.leadTime);
        QCOMPARE(summary.leadTimeUnknown, 1);
    }

    void commitTimesFromALocalRepository()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString repository = dir.filePath(QStringLiteral("systems/catalog"));
        QVERIFY(QDir().mkpath(repository));
        QProcess git;
        git.setWorkingDirectory(repository);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("GIT_AUTHOR_DATE"), QStringLiteral("2026-01-02T03:04:05Z"));
        environment.insert(QStringLiteral("GIT_COMMITTER_DATE"), QStringLiteral("2026-01-02T03:04:05Z"));
        git.setProcessEnvironment(environment);
        const auto run = [&](const QStringList &arguments) {
            git.start(QStringLiteral("git"),
                QStringList { QStringLiteral("-c"), QStringLiteral("user.name=T"), QStringLiteral("-c"),
                    QStringLiteral("user.email=t@example.org") } +
                    arguments);
            git.waitForFinished();
            return git.exitCode() == 0 ? QString::fromUtf8(git.readAllStandardOutput()).trimmed() : QString();
        };
        run({ QStringLiteral("init"), QStringLiteral("-q") });
        run({ QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("--allow-empty"), QStringLiteral("-m"),
            QStringLiteral("first") });
        const QString sha = run({ QStringLiteral("rev-parse"), QStringLiteral("HEAD") });
        QCOMPARE(sha.size(), 40);

        Ecosystem ecosystem;
        ecosystem.filePath = dir.filePath(QStringLiteral("ecosystem.yaml"));
        System local;
        local.name = QStringLiteral("catalog");
        local.repository = QStringLiteral("systems/catalog");
        System remote;
        remote.name = QStringLiteral("mailer");
        remote.repository = QStringLiteral("https://git.example.org/mailer.git");
        ecosystem.systems = { local, remote };

        const DoraMetrics::CommitTime commits = DoraMetrics::localRepositories(ecosystem);
        QCOMPARE(commits(QStringLiteral("catalog"), sha).value_or(QDateTime()),
            QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone::UTC));
        QVERIFY(!commits(QStringLiteral("catalog"), QString(40, QLatin1Char('0'))));
        QVERIFY(!commits(QStringLiteral("mailer"), sha));

        const QList<ReleaseRecord> records {
            release(QStringLiteral("r1"), QDateTime(QDate(2026, 1, 2), QTime(5, 4, 5), QTimeZone::UTC),
                ReleaseRecord::Result::Succeeded, sha),
        };
        const DoraMetrics::Summary summary = DoraMetrics::compute(records, at(1, 0), at(3, 0), commits);
        QCOMPARE(summary.leadTime.value_or(0s), 2h);
    }

    void formatsDurations()
    {
        QCOMPARE(DoraMetrics::formatDuration(45s), QStringLiteral("45 s"));
        QCOMPARE(DoraMetrics::formatDuration(200min), QStringLiteral("3 h 20 min"));
        QCOMPARE(DoraMetrics::formatDuration(52h), QStringLiteral("2 d 4 h"));
        QCOMPARE(DoraMetrics::formatDuration(600s), QStringLiteral("10 min"));
    }
};

QTEST_GUILESS_MAIN(TestDoraMetrics)
#include "tst_dorametrics.moc"
