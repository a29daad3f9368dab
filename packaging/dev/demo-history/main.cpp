// SPDX-License-Identifier: GPL-2.0-or-later
// Gives the demo world a past worth looking at: about a month of releases in
// each staging and production environment, written as Shipyard writes them
// (ReleaseStore) with the times they would have had. Each is a copy of the
// environment's newest good release of the most systems (its objects, so that a rollback to any
// of them restores what runs now) under its own id, time, author, tasks and
// outcome: mostly good, some failed and rolled back on their own (a rollout,
// a smoke test, the monitoring query), one rolled back by hand. Their
// commits are left out, since the demo's commits are younger than this past.
//
// usage: shipyard-demo-history --ecosystem FILE --kubeconfig FILE [--days N]
#include "kube/ClusterAccess.h"
#include "model/EcosystemLoader.h"
#include "pipeline/Delivery.h"
#include "releases/ReleaseStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimeZone>

using namespace Shipyard;

namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

// A failure as the demo's past had them: the step that failed, what it said.
struct Failure
{
    Delivery::Step step;
    QString system;
    QString message;
};

// TEMPLATE's steps moved to START, the failed one (if any) failed with its
// message, those after it skipped, and a rollback step after it.
QJsonArray stepsFor(const ReleaseRecord &model, const QDateTime &start, const std::optional<Failure> &failure)
{
    QList<Delivery::StepState> steps = Delivery::stepsFromJson(model.steps);
    const qint64 shift = model.time.secsTo(start);
    bool failed = false;
    for (Delivery::StepState &step : steps) {
        step.started = step.started.isValid() ? step.started.addSecs(shift) : QDateTime();
        step.finished = step.finished.isValid() ? step.finished.addSecs(shift) : QDateTime();
        if (failed) {
            step.state = Delivery::State::Skipped;
            step.message.clear();
            step.started = step.finished = QDateTime();
        } else if (failure && step.step == failure->step &&
            (failure->system.isEmpty() || step.system.isEmpty() || step.system == failure->system)) {
            step.state = Delivery::State::Failed;
            step.message = failure->message;
            failed = true;
        }
    }
    if (failure) {
        const QDateTime at = start.addSecs(240);
        steps.append({ Delivery::Step::Rollback, {}, Delivery::State::Succeeded, at, at.addSecs(35),
            QStringLiteral("the previous release is back") });
    }
    return Delivery::stepsToJson(steps);
}

int writeHistory(const Environment &environment, const KubeClient &client, int days)
{
    const ReleaseStore store(client, environment.namespaceName);
    KubeError error;
    const QList<ReleaseRecord> existing = store.list(&error);
    if (error.isError()) {
        err() << environment.name << ": " << error.message << '\n';
        return 1;
    }
    // The newest good release of the most systems: a past of whole releases,
    // not of the one system the latest delivery happened to carry.
    auto model = existing.cend();
    for (auto it = existing.cbegin(); it != existing.cend(); ++it) {
        if (it->isGood() && it->restoredFrom.isEmpty() &&
            (model == existing.cend() || it->systems.size() > model->systems.size()))
            model = it;
    }
    if (model == existing.cend() || model->systems.isEmpty()) {
        err() << environment.name << ": no good release to model a past on\n";
        return 1;
    }
    const bool production = environment.kind == EnvironmentKind::Production;
    const QStringList people { QStringLiteral("anna@release-laptop"), QStringLiteral("ben@dev-box"),
        QStringLiteral("robot@shipyard-robot-7d9f4") };
    // The same past on every run: a demo's screenshots stay comparable.
    QRandomGenerator random(production ? 1701 : 4242);
    const QDate today = QDateTime::currentDateTimeUtc().date();
    // Days before today of production's incidents, and staging's.
    const QMap<int, Failure> incidents = production
        ? QMap<int, Failure> { { 19,
                                   { Delivery::Step::Deploy, QStringLiteral("catalog"),
                                       QStringLiteral(
                                           "deployment \"catalog\": 0 of 2 pods ready after 5m (ImagePullBackOff)") } },
              { 11,
                  { Delivery::Step::Monitor, {},
                      QStringLiteral("the error rate 0.083 rose above the threshold 0.05, 70 s after the "
                                     "release") } } }
        : QMap<int, Failure> { { 24,
                                   { Delivery::Step::Smoke, QStringLiteral("storefront"),
                                       QStringLiteral("make smoke: GET /cart answered 500") } },
              { 15,
                  { Delivery::Step::Deploy, QStringLiteral("mailer"),
                      QStringLiteral("deployment \"mailer\": 0 of 1 pods ready after 5m (CrashLoopBackOff)") } },
              { 4,
                  { Delivery::Step::Smoke, QStringLiteral("catalog"),
                      QStringLiteral("make smoke: GET /products took 4.2 s, over the 2 s limit") } } };
    const int handRollbackDay = production ? 6 : 9;

    int written = 0;
    int task = 1;
    std::optional<ReleaseRecord> lastGood;
    for (int daysAgo = days; daysAgo >= 1; --daysAgo) {
        const QDate day = today.addDays(-daysAgo);
        if (day.dayOfWeek() > 5)
            continue; // nobody releases at the weekend
        int deliveries = production ? (day.dayOfWeek() % 2 == 1 ? 1 : 0) : 1 + int(random.bounded(3));
        if (incidents.contains(daysAgo) || daysAgo == handRollbackDay)
            deliveries = std::max(deliveries, 1);
        for (int n = 0; n < deliveries; ++n) {
            const QDateTime time(day,
                QTime(9 + 3 * n + int(random.bounded(3)), int(random.bounded(60)), int(random.bounded(60))),
                QTimeZone::UTC);
            ReleaseRecord record = *model;
            record.id = ReleaseRecord::newId(time);
            record.time = time;
            record.who = people[int(random.bounded(qint64(people.size())))];
            record.environment = environment.name;
            record.tasks = { QStringLiteral("SHOP-%1").arg(task) };
            if (random.bounded(4) == 0)
                record.tasks.append(QStringLiteral("SHOP-%1").arg(++task));
            ++task;
            record.restoredFrom.clear();
            record.restoredAt = QDateTime();
            record.migrations.clear();
            record.reason.clear();
            for (ReleaseRecord::SystemRelease &system : record.systems)
                system.gitSha.clear();
            const std::optional<Failure> failure =
                n == 0 && incidents.contains(daysAgo) ? std::optional<Failure>(incidents[daysAgo]) : std::nullopt;
            record.steps = stepsFor(*model, time, failure);
            record.log = { QStringLiteral("delivery to %1 by %2").arg(environment.name, record.who) };
            if (failure) {
                record.result = ReleaseRecord::Result::Failed;
                record.reason = QStringLiteral("%1: %2").arg(Delivery::keyword(failure->step), failure->message);
                record.restoredAt = time.addSecs(275);
                record.log.append(record.reason);
                record.log.append(QStringLiteral("rolled back: the previous release is back"));
            } else {
                record.result = ReleaseRecord::Result::Succeeded;
            }
            if (const KubeError saved = store.save(record); saved.isError()) {
                err() << environment.name << ": " << saved.message << '\n';
                return 1;
            }
            ++written;
            // A person undoes the day's release an hour later: it is marked
            // rolled back, and the release before it is recorded again as restored.
            if (daysAgo == handRollbackDay && n == 0 && !failure && lastGood) {
                record.result = ReleaseRecord::Result::RolledBack;
                record.reason = QStringLiteral("rolled back to %1").arg(lastGood->id);
                store.save(record);
                ReleaseRecord restored = *lastGood;
                restored.time = time.addSecs(3600);
                restored.id = ReleaseRecord::newId(restored.time);
                restored.who = people.first();
                restored.restoredFrom = lastGood->id;
                restored.result = ReleaseRecord::Result::Succeeded;
                restored.steps = QJsonArray();
                restored.log = { QStringLiteral("rollback to %1 by %2: customers report wrong prices")
                        .arg(lastGood->id, restored.who) };
                store.save(restored);
                ++written;
                lastGood = restored;
                continue;
            }
            if (record.isGood())
                lastGood = record;
        }
    }
    err() << environment.name << ": " << written << " releases over the last " << days << " days\n";
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption(
        { QStringLiteral("ecosystem"), QStringLiteral("the demo's ecosystem file"), QStringLiteral("FILE") });
    parser.addOption(
        { QStringLiteral("kubeconfig"), QStringLiteral("the local cluster's kubeconfig"), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("days"), QStringLiteral("how far back (default 30)"), QStringLiteral("N"),
        QStringLiteral("30") });
    parser.process(app);
    const EcosystemLoadResult loaded = EcosystemLoader().loadFile(parser.value(QStringLiteral("ecosystem")));
    if (!loaded.ecosystem) {
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            err() << diagnostic.toString() << '\n';
        return 1;
    }
    const ClusterAccess cluster = ClusterAccess::load(parser.value(QStringLiteral("kubeconfig")));
    int status = 0;
    for (const Environment &environment : loaded.ecosystem->environments) {
        if (environment.kind != EnvironmentKind::Staging && environment.kind != EnvironmentKind::Production)
            continue;
        QString error;
        const KubeClient client = cluster.client(environment.context, &error);
        if (!client.isValid()) {
            err() << environment.name << ": " << error << '\n';
            status = 1;
            continue;
        }
        status |= writeHistory(environment, client, parser.value(QStringLiteral("days")).toInt());
    }
    return status;
}
