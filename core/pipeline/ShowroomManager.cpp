// SPDX-License-Identifier: GPL-2.0-or-later
// A showroom's life: up, down, listed. One file for the conventions they
// all read and write (the namespace's labels and annotations, who did what,
// the audit); the sweep is in ShowroomSweep.cpp, pinning and sleeping in
// ShowroomKeeping.cpp, what is told to people in ShowroomNotices.cpp.
#include "pipeline/ShowroomManager.h"

#include "audit/AuditJournal.h"
#include "kube/NamespaceDeletion.h"
#include "model/Labels.h"
#include "model/TaskKeyExtractor.h"
#include "pipeline/EnvironmentLock.h"
#include "pipeline/ShowroomSleep.h"
#include "pipeline/TaskBranches.h"
#include "support/FutureWait.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSysInfo>
#include <QThread>
#include <QUrlQuery>

#include <algorithm>
#include <memory>

namespace Shipyard {

namespace {

const QString showroomLabel = Labels::showroom;
const QString taskLabel = Labels::task;
const QString environmentLabel = Labels::environment;
const QString creatorAnnotation = Labels::creator;
const QString expiresAnnotation = Labels::expiresAt;

QString namespacePath(const QString &ns)
{
    return QStringLiteral("/api/v1/namespaces/") + ns;
}

QString defaultCreator()
{
    return AuditJournal::currentOsUser() + QLatin1Char('@') + QSysInfo::machineHostName();
}

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

bool isShowroom(const QJsonObject &object, const QString &environment)
{
    const QJsonObject labels = object[QLatin1String("metadata")][QLatin1String("labels")].toObject();
    return labels.value(showroomLabel).toString() == QLatin1String("true") &&
        labels.value(environmentLabel).toString() == environment;
}

} // namespace

bool ShowroomManager::SweepResult::succeeded() const
{
    const auto clean = [](const SweepEntry &entry) { return entry.error.isEmpty(); };
    return error.isEmpty() && std::all_of(removed.cbegin(), removed.cend(), clean) &&
        std::all_of(slept.cbegin(), slept.cend(), clean);
}

ShowroomManager::ShowroomManager(
    const Ecosystem &ecosystem, const QString &environmentName, const ClusterAccess &cluster)
    : m_ecosystem(ecosystem), m_environment(environmentName), m_cluster(cluster)
{
    if (m_environment.isEmpty()) {
        QStringList showrooms;
        for (const Environment *candidate : m_ecosystem.environmentsOf(EnvironmentKind::Showroom))
            showrooms.append(candidate->name);
        if (showrooms.size() != 1) {
            m_error = showrooms.isEmpty()
                ? QStringLiteral("%1: no environment of kind showroom").arg(m_ecosystem.filePath)
                : QStringLiteral("%1: several showroom environments (%2): name one")
                      .arg(m_ecosystem.filePath, showrooms.join(QStringLiteral(", ")));
            return;
        }
        m_environment = showrooms.constFirst();
    }
    const Environment *env = environment();
    if (!env) {
        m_error = QStringLiteral("%1: no environment named %2").arg(m_ecosystem.filePath, m_environment);
        return;
    }
    if (env->kind != EnvironmentKind::Showroom) {
        m_error = QStringLiteral("environment %1 is of kind %2, not showroom").arg(env->name, keyword(env->kind));
        return;
    }
    QString clientError;
    m_client = m_cluster.client(env->context, &clientError);
    if (!m_client.isValid())
        m_error = QStringLiteral("environment %1: %2").arg(env->name, clientError);
}

const Environment *ShowroomManager::environment() const
{
    return m_ecosystem.environment(m_environment);
}

QString ShowroomManager::namespaceFor(const QString &task) const
{
    const Environment *env = environment();
    return env ? env->namespaceFor(task) : QString();
}

QList<Delivery::Target> ShowroomManager::targetsFor(
    const QString &task, const QMap<QString, QString> &images, QString *error) const
{
    const Environment *env = environment();
    if (!env)
        return {};
    return TaskBranches::targets(m_ecosystem, env->systems, task, images, error);
}

void ShowroomManager::audit(
    const QString &action, const QString &ns, const QString &result, const QJsonObject &details) const
{
    const Environment *env = environment();
    AuditJournal journal(m_auditJournal.isEmpty() ? AuditJournal::defaultPath() : m_auditJournal);
    journal.setMasker(m_ecosystem.secretMasker());
    AuditRecord record;
    record.action = action;
    record.context = env ? env->context : QString();
    record.namespaceName = ns;
    record.result = result;
    record.details = details;
    record.details.insert(QStringLiteral("environment"), m_environment);
    // A journal that cannot be written must not undo what already happened in the cluster.
    QString error;
    if (!journal.append(record, &error))
        qWarning("the audit journal could not be written: %s", qPrintable(error));
}

ShowroomManager::UpResult ShowroomManager::up(
    const QString &task, const UpOptions &options, const Progress &progress) const
{
    UpResult result;
    const auto say = [&](const QString &line) {
        if (progress)
            progress(line);
    };
    if (!m_error.isEmpty()) {
        result.error = m_error;
        return result;
    }
    const Environment *env = environment();
    if (TaskKeyExtractor(m_ecosystem.gating.taskKeyPattern).extract(task) != task) {
        result.error =
            QStringLiteral("%1 is not a task key (gating.taskKey is %2)").arg(task, m_ecosystem.gating.taskKeyPattern);
        return result;
    }
    const QString ns = env->namespaceFor(task);
    result.namespaceName = ns;

    QString targetError;
    result.targets = targetsFor(task, options.images, &targetError);
    if (!targetError.isEmpty()) {
        result.error = targetError;
        return result;
    }
    // Upstream alone shows nothing of the task, and the sweep would take it
    // down as an orphan at once. Without local repositories nobody can tell.
    const bool anyLocal = std::any_of(result.targets.cbegin(), result.targets.cend(), [&](const Delivery::Target &t) {
        const System *system = m_ecosystem.system(t.system);
        return QFileInfo::exists(m_ecosystem.resolvePath(system->repository) + QStringLiteral("/.git"));
    });
    if (anyLocal && TaskBranches::branchesOnly(result.targets).isEmpty()) {
        result.error = QStringLiteral("no system's repository has a branch naming %1: nothing to show").arg(task);
        result.fault = Fault::Branch;
        return result;
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const std::chrono::seconds ttl = options.ttl.value_or(env->timeToLive);
    QDateTime expiresAt = now.addSecs(ttl.count());
    const QString creator = options.creator.isEmpty() ? defaultCreator() : options.creator;
    QJsonObject metadata { { QStringLiteral("name"), ns },
        { QStringLiteral("labels"),
            QJsonObject {
                { showroomLabel, QStringLiteral("true") }, { taskLabel, task }, { environmentLabel, env->name } } },
        { QStringLiteral("annotations"),
            QJsonObject { { creatorAnnotation, creator }, { expiresAnnotation, isoUtc(expiresAt) },
                { QString(Labels::deliveredAt), isoUtc(now) } } } };
    const KubeResponse created = await(m_client.create(QStringLiteral("/api/v1/namespaces"),
        QJsonObject { { QStringLiteral("apiVersion"), QStringLiteral("v1") },
            { QStringLiteral("kind"), QStringLiteral("Namespace") }, { QStringLiteral("metadata"), metadata } }));
    if (created.ok()) {
        result.created = true;
        say(QStringLiteral("namespace %1 created, expires at %2").arg(ns, isoUtc(expiresAt)));
    } else if (created.error.isConflict()) {
        const KubeResponse existing = await(m_client.get(namespacePath(ns)));
        if (!existing.ok()) {
            result.error = QStringLiteral("namespace %1: %2").arg(ns, existing.error.message);
            return result;
        }
        const QJsonObject object = existing.json();
        // Never take over a namespace someone made for something else.
        if (!isShowroom(object, env->name)) {
            result.error = QStringLiteral("namespace %1 exists and is not a showroom of %2 (label %3=true, %4=%2)")
                               .arg(ns, env->name, showroomLabel, environmentLabel);
            return result;
        }
        const ShowroomInfo info = ShowroomInfo::fromNamespace(object);
        if (info.terminating) {
            result.error = QStringLiteral("showroom %1 is being deleted; bring it up again once it is gone").arg(ns);
            return result;
        }
        // A delivery into a sleeping showroom would leave its Deployments
        // at zero wherever the manifests do not set replicas: wake it first.
        if (info.isAsleep()) {
            const ShowroomSleep::Result woken =
                ShowroomSleep(m_client, ns, EnvironmentLock::defaultIdentity()).wake(progress);
            if (!woken.succeeded()) {
                result.error = woken.error;
                return result;
            }
            say(QStringLiteral("showroom %1 was asleep; woken").arg(ns));
            audit(QStringLiteral("showroom.wake"), ns, QStringLiteral("succeeded"),
                QJsonObject { { QStringLiteral("task"), task },
                    { QStringLiteral("deployments"), QJsonArray::fromStringList(woken.deployments) } });
        }
        // Updating extends the showroom's life, never shortens what someone asked for.
        if (!options.ttl && info.expiresAt.isValid() && info.expiresAt > expiresAt)
            expiresAt = info.expiresAt;
        const QJsonObject patch { { QStringLiteral("metadata"),
            QJsonObject { { QStringLiteral("labels"), metadata.value(QLatin1String("labels")) },
                { QStringLiteral("annotations"),
                    QJsonObject { { expiresAnnotation, isoUtc(expiresAt) },
                        { QString(Labels::deliveredAt), isoUtc(now) } } } } } };
        const KubeResponse patched = await(m_client.patch(
            namespacePath(ns), QJsonDocument(patch).toJson(QJsonDocument::Compact), "application/merge-patch+json"));
        if (!patched.ok()) {
            result.error = QStringLiteral("namespace %1: %2").arg(ns, patched.error.message);
            return result;
        }
        say(QStringLiteral("namespace %1 exists, updating it; expires at %2").arg(ns, isoUtc(expiresAt)));
    } else {
        result.error = QStringLiteral("namespace %1: %2").arg(ns, created.error.message);
        return result;
    }
    result.expiresAt = expiresAt;

    // Pods are refused until the namespace's default service account exists.
    const QString serviceAccount = namespacePath(ns) + QStringLiteral("/serviceaccounts/default");
    for (int attempt = 0; attempt < 150; ++attempt) {
        if (await(m_client.get(serviceAccount)).ok())
            break;
        QThread::msleep(200);
    }

    for (const Delivery::Target &target : std::as_const(result.targets))
        say(QStringLiteral("%1: %2%3")
                .arg(target.system, target.usesUpstream() ? QStringLiteral("upstream") : target.branch,
                    target.image.isEmpty() ? QString() : QStringLiteral(" (") + target.image + QLatin1Char(')')));

    Delivery::Options deliveryOptions;
    deliveryOptions.cluster = m_cluster;
    deliveryOptions.auditJournal = m_auditJournal;
    deliveryOptions.taskKey = task;
    deliveryOptions.runTests = options.runTests;
    deliveryOptions.waitForLock = options.waitForLock;
    Delivery delivery(m_ecosystem, env->name, result.targets, deliveryOptions);
    if (progress) {
        QObject::connect(&delivery, &Delivery::logLine, &delivery, progress, Qt::DirectConnection);
        QObject::connect(
            &delivery, &Delivery::stepStateChanged, &delivery,
            [progress](Delivery::Step step, const QString &system, Delivery::State state, const QString &message) {
                progress(QStringLiteral("[%1%2] %3%4")
                        .arg(Delivery::keyword(step), system.isEmpty() ? QString() : QLatin1Char(' ') + system,
                            Delivery::keyword(state), message.isEmpty() ? QString() : QStringLiteral(": ") + message));
            },
            Qt::DirectConnection);
    }
    if (options.steps) {
        const auto snapshot = [&delivery, steps = options.steps] { steps(delivery.steps()); };
        QObject::connect(&delivery, &Delivery::stepStateChanged, &delivery, snapshot, Qt::DirectConnection);
        // After the end, the steps that never ran are marked so.
        QObject::connect(&delivery, &Delivery::finished, &delivery, snapshot, Qt::DirectConnection);
        snapshot();
    }
    delivery.start();
    while (!delivery.wait(std::chrono::milliseconds(100))) {
        if (options.cancel && *options.cancel)
            delivery.cancel();
    }
    result.delivery = delivery.result();

    QJsonArray systems;
    for (const Delivery::Target &target : std::as_const(result.targets))
        systems.append(target.usesUpstream() ? target.system : target.system + QLatin1Char('=') + target.branch);
    audit(QStringLiteral("showroom.up"), ns, Delivery::keyword(result.delivery->outcome),
        QJsonObject { { QStringLiteral("task"), task }, { QStringLiteral("systems"), systems },
            { QStringLiteral("created"), result.created }, { QStringLiteral("expiresAt"), isoUtc(expiresAt) },
            { QStringLiteral("release"), result.delivery->releaseId } });
    if (result.delivery->succeeded()) {
        for (const QString &warning : notifyUp(result, task, creator, expiresAt))
            say(QStringLiteral("warning: ") + warning);
    }
    return result;
}

ShowroomManager::DownResult ShowroomManager::remove(
    const QString &ns, const Progress &progress, std::shared_ptr<const std::atomic_bool> stopWaiting) const
{
    DownResult result;
    result.namespaceName = ns;
    const NamespaceDeletion::Result deleted =
        NamespaceDeletion::run(m_client, ns, deletionTimeout, progress, std::move(stopWaiting)).result();
    result.stoppedWaiting = deleted.stoppedWaiting;
    if (deleted.error.isError())
        result.error = QStringLiteral("namespace %1: %2").arg(ns, deleted.error.message);
    return result;
}

ShowroomManager::DownResult ShowroomManager::down(
    const QString &task, const Progress &progress, std::shared_ptr<const std::atomic_bool> stopWaiting) const
{
    DownResult result;
    if (!m_error.isEmpty()) {
        result.error = m_error;
        return result;
    }
    const QString ns = namespaceFor(task);
    result.namespaceName = ns;
    const KubeResponse existing = await(m_client.get(namespacePath(ns)));
    if (existing.error.isNotFound()) {
        result.error = QStringLiteral("no showroom for %1: namespace %2 does not exist").arg(task, ns);
        return result;
    }
    if (!existing.ok()) {
        result.error = QStringLiteral("namespace %1: %2").arg(ns, existing.error.message);
        return result;
    }
    if (!isShowroom(existing.json(), m_environment)) {
        result.error = QStringLiteral("namespace %1 is not a showroom of %2 (label %3=true, %4=%2): not deleted")
                           .arg(ns, m_environment, showroomLabel, environmentLabel);
        return result;
    }
    result = remove(ns, progress, std::move(stopWaiting));
    audit(QStringLiteral("showroom.down"), ns,
        !result.succeeded()         ? QStringLiteral("failed: ") + result.error
            : result.stoppedWaiting ? QStringLiteral("succeeded: deletion accepted, still terminating")
                                    : QStringLiteral("succeeded"),
        QJsonObject { { QStringLiteral("task"), task } });
    if (result.succeeded()) {
        for (const QString &warning : notify(NotificationEvent::ShowroomDown, task, ns, currentPerson(), {},
                 (result.stoppedWaiting ? QStringLiteral("Namespace %1 is being deleted, asked by %2.")
                                        : QStringLiteral("Namespace %1 deleted by %2."))
                     .arg(ns, currentPerson()))) {
            if (progress)
                progress(QStringLiteral("warning: ") + warning);
        }
    }
    return result;
}

QList<ShowroomInfo> ShowroomManager::list(QString *error) const
{
    QList<ShowroomInfo> showrooms;
    if (!m_error.isEmpty()) {
        if (error)
            *error = m_error;
        return showrooms;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("labelSelector"), ShowroomInfo::labelSelector(m_environment));
    const KubeResponse namespaces = await(m_client.get(QStringLiteral("/api/v1/namespaces"), query));
    if (!namespaces.ok()) {
        if (error)
            *error = QStringLiteral("showrooms of %1: %2").arg(m_environment, namespaces.error.message);
        return showrooms;
    }
    for (const QJsonValue &item : namespaces.json().value(QLatin1String("items")).toArray())
        showrooms.append(ShowroomInfo::fromNamespace(item.toObject()));
    std::sort(showrooms.begin(), showrooms.end(),
        [](const ShowroomInfo &a, const ShowroomInfo &b) { return a.namespaceName < b.namespaceName; });

    // Every namespace's counts are asked at once: the client multiplexes them.
    QList<QFuture<KubeResponse>> deployments;
    QList<QFuture<KubeResponse>> pods;
    for (const ShowroomInfo &info : std::as_const(showrooms)) {
        deployments.append(
            m_client.get(QStringLiteral("/apis/apps/v1/namespaces/%1/deployments").arg(info.namespaceName)));
        pods.append(m_client.get(namespacePath(info.namespaceName) + QStringLiteral("/pods")));
    }
    for (qsizetype i = 0; i < showrooms.size(); ++i) {
        const KubeResponse deploymentList = await(deployments[i]);
        const KubeResponse podList = await(pods[i]);
        if (!deploymentList.ok() || !podList.ok()) {
            // The size is informative; a showroom being deleted may refuse lists.
            continue;
        }
        showrooms[i].deployments = int(deploymentList.json().value(QLatin1String("items")).toArray().size());
        for (const QJsonValue &pod : podList.json().value(QLatin1String("items")).toArray()) {
            ++showrooms[i].podsTotal;
            for (const QJsonValue &condition : pod[QLatin1String("status")][QLatin1String("conditions")].toArray()) {
                if (condition[QLatin1String("type")].toString() == QLatin1String("Ready") &&
                    condition[QLatin1String("status")].toString() == QLatin1String("True"))
                    ++showrooms[i].podsReady;
            }
        }
    }
    return showrooms;
}

std::optional<ShowroomInfo> ShowroomManager::find(const QString &task, QString *error) const
{
    if (!m_error.isEmpty()) {
        *error = m_error;
        return std::nullopt;
    }
    const QString ns = namespaceFor(task);
    const KubeResponse existing = await(m_client.get(namespacePath(ns)));
    if (existing.error.httpStatus == 404) {
        *error = QStringLiteral("%1 has no showroom (no namespace %2)").arg(task, ns);
        return std::nullopt;
    }
    if (!existing.ok()) {
        *error = QStringLiteral("namespace %1: %2").arg(ns, existing.error.message);
        return std::nullopt;
    }
    if (!isShowroom(existing.json(), m_environment)) {
        *error = QStringLiteral("namespace %1 is not a showroom of %2").arg(ns, m_environment);
        return std::nullopt;
    }
    const ShowroomInfo info = ShowroomInfo::fromNamespace(existing.json());
    if (info.terminating) {
        *error = QStringLiteral("showroom %1 is being deleted").arg(ns);
        return std::nullopt;
    }
    return info;
}

ShowroomManager::ChangeResult ShowroomManager::annotate(const QString &task, const QString &action,
    const QJsonObject &annotations, const QString &change, const QJsonObject &details) const
{
    ChangeResult result;
    result.namespaceName = namespaceFor(task);
    if (!find(task, &result.error))
        return result;
    const QJsonObject patch { { QStringLiteral("metadata"),
        QJsonObject { { QStringLiteral("annotations"), annotations } } } };
    const KubeResponse patched = await(m_client.patch(namespacePath(result.namespaceName),
        QJsonDocument(patch).toJson(QJsonDocument::Compact), "application/merge-patch+json"));
    if (!patched.ok())
        result.error = QStringLiteral("namespace %1: %2").arg(result.namespaceName, patched.error.message);
    else
        result.changes.append(change);
    QJsonObject audited = details;
    audited.insert(QStringLiteral("task"), task);
    audit(action, result.namespaceName,
        result.succeeded() ? QStringLiteral("succeeded") : QStringLiteral("failed: ") + result.error, audited);
    return result;
}

QString ShowroomManager::currentPerson()
{
    return defaultCreator();
}

} // namespace Shipyard
