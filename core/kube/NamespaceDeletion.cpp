// SPDX-License-Identifier: GPL-2.0-or-later
#include "kube/NamespaceDeletion.h"

#include "kube/KubeOperation.h"
#include "support/FutureWait.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QThread>

namespace Shipyard {

QFuture<NamespaceDeletion::Result> NamespaceDeletion::run(const KubeClient &client, const QString &ns,
    std::chrono::seconds timeout, std::function<void(const QString &)> progress,
    std::shared_ptr<const std::atomic_bool> stopWaiting)
{
    return KubeOperation::run<Result>([client, ns, timeout, progress, stopWaiting] {
        Result result;
        const QString path = QStringLiteral("/api/v1/namespaces/") + ns;
        const KubeResponse deleted = await(client.remove(path));
        if (deleted.error.isNotFound()) {
            result.alreadyGone = true;
            return result;
        }
        if (!deleted.ok()) {
            result.error = deleted.error;
            return result;
        }
        QElapsedTimer elapsed;
        elapsed.start();
        QString last;
        // Polling is enough here: deletion takes seconds and one GET a half second costs nothing.
        while (true) {
            const KubeResponse current = await(client.get(path));
            if (current.error.isNotFound())
                return result;
            if (!current.ok()) {
                result.error = current.error;
                return result;
            }
            QStringList remaining;
            for (const QJsonValue &condition :
                current.json()[QLatin1String("status")][QLatin1String("conditions")].toArray()) {
                if (condition[QLatin1String("status")].toString() == QLatin1String("True") &&
                    (condition[QLatin1String("type")].toString() == QLatin1String("NamespaceContentRemaining") ||
                        condition[QLatin1String("type")].toString() == QLatin1String("NamespaceFinalizersRemaining")))
                    remaining.append(condition[QLatin1String("message")].toString());
            }
            const QString line = remaining.isEmpty()
                ? QStringLiteral("Terminating")
                : QStringLiteral("Terminating: ") + remaining.join(QStringLiteral("; "));
            if (line != last && progress)
                progress(line);
            last = line;
            if (elapsed.elapsed() > qint64(timeout.count()) * 1000) {
                result.error = KubeError::make(KubeError::Kind::Deadline,
                    QStringLiteral("namespace \"%1\" still exists after %2 s (%3)")
                        .arg(ns)
                        .arg(timeout.count())
                        .arg(last));
                return result;
            }
            for (int slice = 0; slice < 5; ++slice) {
                if (stopWaiting && *stopWaiting) {
                    result.stoppedWaiting = true;
                    return result;
                }
                QThread::msleep(100);
            }
        }
    });
}

} // namespace Shipyard
