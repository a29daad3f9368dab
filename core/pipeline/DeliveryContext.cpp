// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/DeliveryContext.h"

#include "audit/AuditJournal.h"
#include "audit/AuditRecord.h"
#include "build/CommandEnvironment.h"
#include "gating/TaskReturner.h"
#include "git/CommitExport.h"
#include "git/Integrator.h"
#include "git/Repository.h"
#include "model/TaskKeyExtractor.h"
#include "tracker/TrackerFactory.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSysInfo>

namespace Shipyard {

DeliveryContext::DeliveryContext(Delivery &delivery, const Ecosystem &ecosystem, const QString &environment,
    const QList<Delivery::Target> &targets, const Delivery::Options &options, const std::atomic_bool &cancel)
    : m_delivery(delivery)
    , m_ecosystem(ecosystem)
    , m_environmentName(environment)
    , m_targets(targets)
    , m_options(options)
    , m_cancel(cancel)
{
    m_clock.start();
}

QDateTime DeliveryContext::now() const
{
    return m_options.clock.isValid() ? m_options.clock.toUTC() : QDateTime::currentDateTimeUtc();
}

bool DeliveryContext::prepare(QString *error)
{
    m_environment = m_ecosystem.environment(m_environmentName);
    if (!m_environment) {
        *error = QStringLiteral("no environment named %1").arg(m_environmentName);
        return false;
    }
    const TaskKeyExtractor keys(m_ecosystem.gating.taskKeyPattern);
    for (const Delivery::Target &target : m_targets) {
        const System *system = m_ecosystem.system(target.system);
        if (!system) {
            *error = QStringLiteral("no system named %1").arg(target.system);
            return false;
        }
        Work work;
        work.target = target;
        work.system = *system;
        work.directory = m_ecosystem.resolvePath(system->repository);
        work.isGit = QFileInfo::exists(work.directory + QStringLiteral("/.git"));
        work.image = target.image;
        if (!target.usesUpstream())
            work.task = keys.extract(target.branch);
        if (!work.task.isEmpty() && !m_tasks.contains(work.task))
            m_tasks.append(work.task);
        m_work.append(work);
    }
    const QString taskKey = m_options.taskKey.isEmpty() ? m_tasks.value(0) : m_options.taskKey;
    m_ns = m_environment->namespaceFor(taskKey);
    if (m_environment->kind == EnvironmentKind::Showroom)
        m_showroomTask = taskKey;
    m_who = AuditJournal::currentOsUser() + QLatin1Char('@') + QSysInfo::machineHostName();

    m_trail.emplace(m_options.cluster, m_environment->context, m_options.auditJournal);
    m_trail->addSecrets(masker());
    QJsonArray systemNames;
    for (const Work &work : std::as_const(m_work))
        systemNames.append(
            work.target.usesUpstream() ? work.system.name : work.system.name + QLatin1Char('=') + work.target.branch);
    m_auditDetails = QJsonObject { { QStringLiteral("systems"), systemNames },
        { QStringLiteral("tasks"), QJsonArray::fromStringList(m_tasks) } };
    if (m_options.skipGates)
        m_auditDetails.insert(QStringLiteral("skipGates"), true);

    return true;
}

void DeliveryContext::setClient(const KubeClient &client)
{
    m_client = client;
    m_store.emplace(m_client, m_ns);
}

EnvironmentLock &DeliveryContext::setLock(std::unique_ptr<EnvironmentLock> lock)
{
    m_lock = std::move(lock);
    return *m_lock;
}

QString DeliveryContext::whyNotWritable() const
{
    if (!m_lock || !m_lock->isHeld())
        return {};
    if (!m_lock->waitUntilWritable(m_ecosystem.rollback.rolloutTimeout))
        return m_lock->whyNotWritable();
    return {};
}

std::function<QString()> DeliveryContext::writeGuard() const
{
    return [this] { return whyNotWritable(); };
}

QList<AlertSelection> DeliveryContext::alertSelections(QString *error) const
{
    QList<System> systems;
    for (const Work &work : m_work)
        systems.append(work.system);
    return AlertSelection::forSystems(m_ecosystem, *m_environment, systems, m_ns, m_showroomTask, error);
}

void DeliveryContext::releaseLock()
{
    if (m_lock)
        m_lock->release();
}

QHash<QString, QString> DeliveryContext::deploymentSystems() const
{
    QHash<QString, QString> systems;
    for (const Work &work : m_work) {
        for (const QJsonObject &object : work.objects) {
            if (object.value(QLatin1String("kind")).toString() == QLatin1String("Deployment"))
                systems.insert(object[QLatin1String("metadata")][QLatin1String("name")].toString(), work.system.name);
        }
    }
    return systems;
}

std::function<void(const QJsonObject &)> DeliveryContext::deploymentObserver() const
{
    return m_delivery.deploymentObserver(deploymentSystems());
}

void DeliveryContext::recordSystems(const QHash<QString, qint64> &revisions)
{
    m_record.systems.clear();
    for (const DeliveryContext::Work &work : m_work) {
        ReleaseRecord::SystemRelease release;
        release.system = work.system.name;
        release.image = work.image;
        release.gitSha = work.commit;
        release.branch = work.target.usesUpstream() ? work.system.upstream : work.target.branch;
        release.source = work.manifestSource;
        for (const QJsonObject &object : work.objects) {
            release.objects.append(object);
            if (object.value(QLatin1String("kind")).toString() == QLatin1String("Deployment"))
                release.revision = revisions.value(object[QLatin1String("metadata")][QLatin1String("name")].toString());
        }
        m_record.systems.append(release);
    }
}

ReleaseApplier DeliveryContext::applier() const
{
    ReleaseApplier applier(m_client, m_ns);
    applier.setLog(logger());
    applier.setCancelFlag(cancelFlag());
    applier.setWriteGuard(writeGuard());
    return applier;
}

KubeError DeliveryContext::saveRecord()
{
    if (const QString why = whyNotWritable(); !why.isEmpty())
        return KubeError::make(KubeError::Kind::Cancelled, why);
    m_record.steps = m_delivery.recordedSteps();
    m_record.log = ReleaseRecord::logTail(m_delivery.logLines(), masker());
    m_record.reason = masker().mask(m_record.reason);
    return m_store->save(m_record);
}

void DeliveryContext::log(const QString &line)
{
    m_delivery.appendLog(line);
}

std::function<void(const QString &)> DeliveryContext::logger() const
{
    return [delivery = &m_delivery](const QString &line) { delivery->appendLog(line); };
}

void DeliveryContext::setState(
    Delivery::Step step, const QString &system, Delivery::State state, const QString &message)
{
    m_delivery.setState(step, system, state, message);
}

void DeliveryContext::setCanary(const QString &system, const QList<CanaryStepResult> &steps)
{
    m_delivery.setCanary(system, steps);
    for (ReleaseRecord::SystemRelease &release : m_record.systems) {
        if (release.system == system)
            release.canary = m_delivery.canary().value(system);
    }
}

void DeliveryContext::audit(
    const QString &action, const QString &outcome, const QString &releaseId, const QJsonObject &details, bool toCluster)
{
    AuditRecord record;
    record.action = action;
    record.context = m_environment->context;
    record.namespaceName = m_ns;
    record.result = outcome;
    record.releaseId = releaseId;
    record.details = details;
    record.details.insert(QStringLiteral("environment"), m_environment->name);
    const AuditTrail::Outcome audited = m_trail->record(record, toCluster);
    if (!audited.ok())
        log(QStringLiteral("warning: audit: %1").arg(audited.errorMessage()));
}

void DeliveryContext::returnTasks(Delivery::Step step, const QString &reason, const QStringList &only)
{
    QStringList keysToReturn = only.isEmpty() ? m_tasks : only;
    if (keysToReturn.isEmpty())
        return;
    TrackerFactory::Result tracker = TrackerFactory::create(m_ecosystem);
    if (!tracker.tracker) {
        log(QStringLiteral("warning: tasks not returned, no tracker: %1").arg(tracker.error.message()));
        return;
    }
    const TaskReturner returner(*tracker.tracker, m_ecosystem.gating.returnStatus, masker());
    for (const QString &key : keysToReturn) {
        // The comment quotes the log as the release record keeps it.
        const QString excerpt = ReleaseRecord::logTail(m_delivery.logLines(), masker()).join(QLatin1Char('\n'));
        const TrackerError error = returner.returnTask(key, Delivery::keyword(step), reason, excerpt);
        if (error.isError()) {
            log(QStringLiteral("warning: %1 not returned: %2").arg(key, error.message()));
        } else {
            log(QStringLiteral("%1 returned to %2").arg(key, m_ecosystem.gating.returnStatus));
            m_result.returnedTasks.append(key);
        }
    }
}

QProcessEnvironment DeliveryContext::commandEnvironment(const Work &work)
{
    CommandEnvironment environment = CommandEnvironment::forSystem(m_ecosystem, work.system);
    // Said once per system, by name only: a command missing a variable
    // should not leave its author guessing.
    if (!environment.withheld().isEmpty() && !m_toldWithheld.contains(work.system.name)) {
        m_toldWithheld.insert(work.system.name);
        log(QStringLiteral("%1: its commands run without %2 (credentials; a system passes one with 'env:')")
                .arg(work.system.name, environment.withheld().join(QStringLiteral(", "))));
    }
    environment.insert(QStringLiteral("SHIPYARD_ENVIRONMENT"), m_environment->name);
    environment.insert(QStringLiteral("SHIPYARD_CONTEXT"), m_environment->context);
    environment.insert(QStringLiteral("SHIPYARD_NAMESPACE"), m_ns);
    // Commands see the clusters Shipyard sees.
    if (!m_options.cluster.explicitFile().isEmpty())
        environment.insert(QStringLiteral("KUBECONFIG"), m_options.cluster.explicitFile());
    environment.insert(QStringLiteral("SHIPYARD_SYSTEM"), work.system.name);
    // None yet while the build command runs.
    if (!work.image.isEmpty())
        environment.insert(QStringLiteral("SHIPYARD_IMAGE"), work.image);
    return environment.environment();
}

QString DeliveryContext::commandDirectory(const Work &work) const
{
    if (!work.source.isEmpty())
        return work.source;
    return QFileInfo(work.directory).isDir() ? work.directory : QFileInfo(m_ecosystem.filePath).absolutePath();
}

QString DeliveryContext::sourceDirectory(Work &work, QString *error)
{
    if (!work.source.isEmpty())
        return work.source;
    // A system delivered from a folder that is no repository is read as it is.
    if (!work.isGit || work.commit.isEmpty())
        return work.directory;
    if (!m_sources) {
        m_sources = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/shipyard-delivery-XXXXXX"));
        if (!m_sources->isValid()) {
            *error =
                QStringLiteral("cannot make a directory for the delivered sources: %1").arg(m_sources->errorString());
            m_sources.reset();
            return {};
        }
    }
    const QString directory = m_sources->filePath(work.system.name);
    GitError gitError;
    const Repository repository = Repository::open(work.directory, &gitError);
    if (!gitError)
        gitError = CommitExport::run(repository, work.commit, directory);
    if (gitError) {
        *error =
            QStringLiteral("%1: cannot export %2: %3").arg(work.system.name, work.commit.left(12), gitError.message());
        return {};
    }
    work.source = directory;
    return directory;
}

void DeliveryContext::advanceBranches()
{
    for (const Work &work : std::as_const(m_work)) {
        if (work.target.usesUpstream() || !work.isGit || work.branchBefore.isEmpty())
            continue;
        Repository repository = Repository::open(work.directory);
        Integrator integrator(repository);
        // The branch as delivered, rebased as the update step did it.
        if (work.branchBefore != work.commit) {
            const GitError moved = integrator.advanceBranch(work.target.branch, work.branchBefore, work.commit,
                QStringLiteral("shipyard: delivered %1 onto %2").arg(work.target.branch, work.system.upstream), false);
            log(moved ? QStringLiteral("%1: %2 left where it was: %3")
                            .arg(work.system.name, work.target.branch, moved.message())
                      : QStringLiteral("%1: %2 now at %3")
                            .arg(work.system.name, work.target.branch, work.commit.left(12)));
        }
        // The local upstream follows what was pushed, if it can without losing anything.
        if (!work.merged.isEmpty() && !work.upstreamBefore.isEmpty() && work.upstreamBefore != work.merged) {
            const GitError followed = integrator.advanceBranch(work.system.upstream, work.upstreamBefore, work.merged,
                QStringLiteral("shipyard: delivered %1").arg(work.target.branch), true);
            if (followed)
                log(QStringLiteral("%1: the local %2 left where it was: %3")
                        .arg(work.system.name, work.system.upstream, followed.message()));
        }
    }
}

void DeliveryContext::notify(NotificationEvent event, const QString &message)
{
    if (event == NotificationEvent::DeliveryStarted)
        m_startTold = true;
    std::optional<Notification> notification = notificationOf(event, message);
    if (!notification)
        return;
    m_sending = std::async(
        std::launch::async, [this, notification = std::move(*notification), before = std::move(m_sending)]() mutable {
            if (before.valid())
                before.wait();
            for (const QString &warning : m_notifier->send(std::move(notification)))
                log(QStringLiteral("warning: ") + warning);
        });
}

std::optional<Notification> DeliveryContext::notificationOf(NotificationEvent event, const QString &message)
{
    if (!m_notifier)
        m_notifier = std::make_unique<Notifier>(m_ecosystem);
    if (!m_notifier->isRouted(m_environmentName, event))
        return std::nullopt;
    Notification notification;
    notification.event = event;
    notification.environment = m_environmentName;
    notification.namespaceName = m_ns;
    for (const Work &work : std::as_const(m_work))
        notification.systems.append(work.target.usesUpstream()
                ? work.system.name
                : QStringLiteral("%1 (%2)").arg(work.system.name, work.target.branch));
    notification.tasks = m_tasks;
    if (!m_showroomTask.isEmpty() && !notification.tasks.contains(m_showroomTask))
        notification.tasks.prepend(m_showroomTask);
    notification.who = m_who;
    notification.message = message;
    notification.releaseId = m_result.releaseId;
    return notification;
}

void DeliveryContext::notifyEnd(const Delivery::Result &result)
{
    if (!m_startTold)
        return;
    // The end goes after everything before it; the delivery's caller waits
    // for it to be told before it says the delivery is over.
    const auto tell = [this](NotificationEvent event, const QString &message) {
        notify(event, message);
        if (m_sending.valid())
            m_sending.wait();
    };
    const QString seconds = QString::number(double(result.duration.count()) / 1000.0, 'f', 1);
    switch (result.outcome) {
    case Delivery::Outcome::Succeeded:
        tell(NotificationEvent::DeliverySucceeded, QStringLiteral("Delivered in %1 s.").arg(seconds));
        return;
    case Delivery::Outcome::RolledBack:
        // The step that failed says what triggered the rollback: a rollout,
        // smoke, the monitoring query or alerts (monitor), a canary.
        tell(NotificationEvent::DeliveryRolledBack,
            QStringLiteral("%1 failed: %2\nRolled back to release %3 after %4 s.")
                .arg(result.failedStep, result.reason,
                    result.previousReleaseId.isEmpty() ? QStringLiteral("(none)") : result.previousReleaseId, seconds));
        return;
    case Delivery::Outcome::Failed:
    case Delivery::Outcome::Cancelled:
        tell(NotificationEvent::DeliveryFailed,
            QStringLiteral("%1 %2: %3")
                .arg(result.failedStep,
                    result.outcome == Delivery::Outcome::Cancelled ? QStringLiteral("cancelled")
                                                                   : QStringLiteral("failed"),
                    result.reason));
        return;
    }
}

} // namespace Shipyard
