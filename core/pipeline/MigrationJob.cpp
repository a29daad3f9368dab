// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/MigrationJob.h"

#include "kube/PodLogs.h"
#include "manifests/ManifestReader.h"
#include "model/Labels.h"
#include "support/FutureWait.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QSet>
#include <QThread>
#include <QUrlQuery>

#include <algorithm>

namespace Shipyard {

namespace {

// Kept from the application's pod: what configures it. A PersistentVolume
// is not (a Job pod would wait for a volume the running pods hold), nor
// probes, ports and lifecycle hooks, which mean nothing to a command that ends.
const QStringList keptVolumeSources { QStringLiteral("secret"), QStringLiteral("configMap"),
    QStringLiteral("projected"), QStringLiteral("downwardAPI"), QStringLiteral("emptyDir") };

// The condition TYPE of a Job whose status is "True", or an empty object.
QJsonObject condition(const QJsonObject &job, const QString &type)
{
    for (const QJsonValue &value : job[QLatin1String("status")][QLatin1String("conditions")].toArray()) {
        const QJsonObject c = value.toObject();
        if (c.value(QLatin1String("type")).toString() == type &&
            c.value(QLatin1String("status")).toString() == QLatin1String("True"))
            return c;
    }
    return {};
}

} // namespace

MigrationJob::MigrationJob(KubeClient client, SecretMasker masker)
    : m_client(std::move(client)), m_masker(std::move(masker))
{ }

QString MigrationJob::jobName(const QString &system, const QString &releaseId, const QString &phase)
{
    const QString suffix = QLatin1Char('-') + phase + QLatin1Char('-') + releaseId;
    constexpr qsizetype limit = 63;
    if (system.size() + suffix.size() <= limit)
        return system + suffix;
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(system.toUtf8(), QCryptographicHash::Sha256).toHex().left(6));
    QString shortened = system.left(std::max<qsizetype>(limit - suffix.size() - hash.size() - 1, 1));
    while (shortened.endsWith(QLatin1Char('-')))
        shortened.chop(1);
    return shortened + QLatin1Char('-') + hash + suffix;
}

QJsonObject MigrationJob::manifest(const Spec &spec, QString *error)
{
    const QJsonObject podSpec = ManifestReader::podSpecOf(spec.deployment);
    QJsonObject app;
    for (const QJsonValue &container : podSpec.value(QLatin1String("containers")).toArray()) {
        const QString image = container[QLatin1String("image")].toString();
        if (image == spec.image ||
            (!spec.repository.isEmpty() && ManifestReader::matchesRepository(image, spec.repository))) {
            app = container.toObject();
            break;
        }
    }
    if (app.isEmpty()) {
        *error = QStringLiteral("%1: its Deployment has no container of the image %2 to take the migration's "
                                "settings from")
                     .arg(spec.system, spec.repository.isEmpty() ? spec.image : spec.repository);
        return {};
    }
    QJsonArray volumes;
    QSet<QString> volumeNames;
    for (const QJsonValue &value : podSpec.value(QLatin1String("volumes")).toArray()) {
        const QJsonObject volume = value.toObject();
        for (const QString &source : keptVolumeSources) {
            if (volume.contains(source)) {
                volumes.append(volume);
                volumeNames.insert(volume.value(QLatin1String("name")).toString());
                break;
            }
        }
    }
    QJsonArray mounts;
    for (const QJsonValue &mount : app.value(QLatin1String("volumeMounts")).toArray()) {
        if (volumeNames.contains(mount[QLatin1String("name")].toString()))
            mounts.append(mount);
    }

    QJsonObject container { { QStringLiteral("name"), QStringLiteral("migrate") },
        { QStringLiteral("image"), spec.image },
        { QStringLiteral("command"), QJsonArray::fromStringList(spec.command) } };
    for (const char *key : { "env", "envFrom", "resources", "workingDir", "securityContext", "imagePullPolicy" }) {
        if (app.contains(QLatin1String(key)))
            container.insert(QLatin1String(key), app.value(QLatin1String(key)));
    }
    if (!mounts.isEmpty())
        container.insert(QStringLiteral("volumeMounts"), mounts);

    QJsonObject pod { { QStringLiteral("restartPolicy"), QStringLiteral("Never") },
        { QStringLiteral("containers"), QJsonArray { container } } };
    if (!volumes.isEmpty())
        pod.insert(QStringLiteral("volumes"), volumes);
    for (const char *key : { "serviceAccountName", "imagePullSecrets", "securityContext", "nodeSelector", "tolerations",
             "priorityClassName" }) {
        if (podSpec.contains(QLatin1String(key)))
            pod.insert(QLatin1String(key), podSpec.value(QLatin1String(key)));
    }

    // Not the application's labels: its Service and Deployment select by
    // them, and a migration must receive no traffic nor be taken for a replica.
    const QJsonObject labels { { Labels::system, spec.system }, { Labels::release, spec.releaseId },
        { Labels::migration, spec.phase }, { Labels::managedBy, Labels::managedByShipyard } };
    QJsonObject templateMetadata { { QStringLiteral("labels"), labels } };
    // The same annotations as the application's pods: sidecars and
    // configuration injected by annotation reach the migration too.
    const QJsonObject annotations = spec.deployment[QLatin1String("spec")][QLatin1String("template")]
                                                   [QLatin1String("metadata")][QLatin1String("annotations")]
                                                       .toObject();
    if (!annotations.isEmpty())
        templateMetadata.insert(QStringLiteral("annotations"), annotations);

    return QJsonObject {
        { QStringLiteral("apiVersion"), QStringLiteral("batch/v1") },
        { QStringLiteral("kind"), QStringLiteral("Job") },
        { QStringLiteral("metadata"),
            QJsonObject { { QStringLiteral("name"), jobName(spec.system, spec.releaseId, spec.phase) },
                { QStringLiteral("namespace"), spec.ns }, { QStringLiteral("labels"), labels } } },
        { QStringLiteral("spec"),
            QJsonObject { { QStringLiteral("backoffLimit"), 0 },
                { QStringLiteral("activeDeadlineSeconds"), qint64(spec.timeout.count()) },
                { QStringLiteral("template"),
                    QJsonObject {
                        { QStringLiteral("metadata"), templateMetadata }, { QStringLiteral("spec"), pod } } } } },
    };
}

void MigrationJob::log(const QString &line) const
{
    if (m_log)
        m_log(line);
}

MigrationJob::Outcome MigrationJob::run(const Spec &spec) const
{
    Outcome outcome;
    outcome.job = jobName(spec.system, spec.releaseId, spec.phase);
    const QJsonObject job = manifest(spec, &outcome.error);
    if (job.isEmpty())
        return outcome;
    if (m_writeGuard) {
        if (const QString why = m_writeGuard(); !why.isEmpty()) {
            outcome.error = why;
            return outcome;
        }
    }
    const QString collection = QStringLiteral("/apis/batch/v1/namespaces/%1/jobs").arg(spec.ns);
    const KubeResponse created = await(m_client.create(collection, job));
    if (created.error.isConflict()) {
        // An earlier run for this release and phase: its result stands.
        const KubeResponse existing = await(m_client.get(collection + QLatin1Char('/') + outcome.job));
        const QJsonObject labels = existing.json()[QLatin1String("metadata")][QLatin1String("labels")].toObject();
        if (!existing.ok()) {
            outcome.error =
                QStringLiteral("Job %1 exists but cannot be read: %2").arg(outcome.job, existing.error.message);
            return outcome;
        }
        if (labels.value(Labels::release).toString() != spec.releaseId ||
            labels.value(Labels::migration).toString() != spec.phase) {
            outcome.error = QStringLiteral("a Job named %1 is there, but it is not the %2 migration of release %3")
                                .arg(outcome.job, spec.phase, spec.releaseId);
            return outcome;
        }
        outcome.reused = true;
        log(QStringLiteral("%1: migration %2 already ran as Job %3: its result is taken, it does not run again")
                .arg(spec.system, spec.phase, outcome.job));
    } else if (!created.ok()) {
        outcome.error = QStringLiteral("Job %1 not created: %2").arg(outcome.job, created.error.message);
        return outcome;
    } else {
        log(QStringLiteral("%1: migration %2 runs as Job %3 (%4)")
                .arg(spec.system, spec.phase, outcome.job, spec.command.join(QLatin1Char(' '))));
    }
    outcome.started = true;
    const Outcome waited = wait(spec, outcome.job);
    outcome.result = waited.result;
    outcome.message = waited.message;
    outcome.error = waited.error;
    if (outcome.result != Result::Running)
        readPod(spec, outcome);
    return outcome;
}

MigrationJob::Outcome MigrationJob::follow(const Spec &spec, bool *neverCreated) const
{
    Outcome outcome;
    outcome.job = jobName(spec.system, spec.releaseId, spec.phase);
    outcome.reused = true;
    const KubeResponse existing =
        await(m_client.get(QStringLiteral("/apis/batch/v1/namespaces/%1/jobs/%2").arg(spec.ns, outcome.job)));
    *neverCreated = existing.error.isNotFound();
    if (!existing.ok()) {
        outcome.error = *neverCreated
            ? QStringLiteral("Job %1 was never created").arg(outcome.job)
            : QStringLiteral("Job %1 cannot be read: %2").arg(outcome.job, existing.error.message);
        return outcome;
    }
    outcome.started = true;
    const Outcome waited = wait(spec, outcome.job);
    outcome.result = waited.result;
    outcome.message = waited.message;
    outcome.error = waited.error;
    if (outcome.result != Result::Running)
        readPod(spec, outcome);
    return outcome;
}

MigrationJob::Outcome MigrationJob::wait(const Spec &spec, const QString &job) const
{
    Outcome outcome;
    const QString path = QStringLiteral("/apis/batch/v1/namespaces/%1/jobs/%2").arg(spec.ns, job);
    // The Job's deadline ends it; the margin is for the Job controller to say so.
    QDeadlineTimer deadline(
        std::chrono::duration_cast<std::chrono::milliseconds>(spec.timeout) + std::chrono::minutes(1));
    QDeadlineTimer nextNote(std::chrono::seconds(30));
    KubeError lastError;
    while (true) {
        const KubeResponse response = await(m_client.get(path));
        if (response.ok()) {
            const QJsonObject object = response.json();
            if (!condition(object, QStringLiteral("Complete")).isEmpty()) {
                outcome.result = Result::Succeeded;
                outcome.message = QStringLiteral("completed");
                return outcome;
            }
            const QJsonObject failed = condition(object, QStringLiteral("Failed"));
            if (!failed.isEmpty()) {
                outcome.result = Result::Failed;
                outcome.message = failed.value(QLatin1String("message")).toString();
                if (outcome.message.isEmpty())
                    outcome.message = failed.value(QLatin1String("reason")).toString();
                return outcome;
            }
        } else if (response.error.isNotFound()) {
            outcome.error = QStringLiteral("Job %1 was deleted before it ended").arg(job);
            return outcome;
        } else {
            lastError = response.error;
        }
        if (deadline.hasExpired()) {
            outcome.error = QStringLiteral("Job %1 did not end within %2 s%3")
                                .arg(job)
                                .arg(spec.timeout.count() + 60)
                                .arg(lastError.isError() ? QStringLiteral(" (%1)").arg(lastError.message) : QString());
            return outcome;
        }
        if (nextNote.hasExpired()) {
            log(QStringLiteral("%1: Job %2 still running").arg(spec.system, job));
            nextNote.setRemainingTime(std::chrono::seconds(30));
        }
        QThread::sleep(m_pollInterval);
    }
}

void MigrationJob::readPod(const Spec &spec, Outcome &outcome) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("labelSelector"), QStringLiteral("job-name=%1").arg(outcome.job));
    const KubeResponse listed = await(m_client.get(QStringLiteral("/api/v1/namespaces/%1/pods").arg(spec.ns), query));
    QJsonObject newest;
    for (const QJsonValue &pod : listed.json()[QLatin1String("items")].toArray()) {
        const QString created = pod[QLatin1String("metadata")][QLatin1String("creationTimestamp")].toString();
        if (newest.isEmpty() ||
            created >= newest[QLatin1String("metadata")][QLatin1String("creationTimestamp")].toString())
            newest = pod.toObject();
    }
    if (newest.isEmpty()) {
        outcome.log = { QStringLiteral("(no pod of Job %1 left to read a log from)").arg(outcome.job) };
        return;
    }
    // How the container ended says more than the Job's "reached the backoff limit".
    if (outcome.result == Result::Failed) {
        for (const QJsonValue &status : newest[QLatin1String("status")][QLatin1String("containerStatuses")].toArray()) {
            const QJsonObject terminated = status[QLatin1String("state")][QLatin1String("terminated")].toObject();
            if (terminated.isEmpty() || terminated.value(QLatin1String("exitCode")).toInt() == 0)
                continue;
            QString ended = QStringLiteral("exit code %1").arg(terminated.value(QLatin1String("exitCode")).toInt());
            const QString said = terminated.value(QLatin1String("message")).toString().trimmed();
            if (!said.isEmpty())
                ended += QStringLiteral(": ") + said;
            outcome.message =
                outcome.message.isEmpty() ? ended : ended + QStringLiteral(" (") + outcome.message + QLatin1Char(')');
        }
    }
    PodLogs::Options options;
    options.container = QStringLiteral("migrate");
    options.tailLines = int(ReleaseRecord::maxMigrationLogLines);
    const QString pod = newest[QLatin1String("metadata")][QLatin1String("name")].toString();
    const KubeResponse text = await(m_client.send(PodLogs::request(spec.ns, pod, options)));
    if (!text.ok()) {
        outcome.log = { QStringLiteral("(the log of pod %1 could not be read: %2)").arg(pod, text.error.message) };
        return;
    }
    QStringList lines = QString::fromUtf8(text.body).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    outcome.log = ReleaseRecord::logTail(
        lines, m_masker, ReleaseRecord::maxMigrationLogLines, ReleaseRecord::maxMigrationLogBytes);
}

} // namespace Shipyard
