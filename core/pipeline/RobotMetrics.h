// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/DeliveryRobot.h"

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>

#include <mutex>

namespace Shipyard {

// What a running robot tells Prometheus (its /metrics, in the text
// exposition format 0.0.4): its passes and actions, the deliveries it ran by
// environment and result with their durations, rollbacks by what triggered
// them, each environment's delivery queue, when a pass last succeeded, and
// whether it leads. Fed by the robot's
// loop after each pass, read by the HTTP endpoint's thread: every member is
// safe to call from any thread.
class RobotMetrics
{
public:
    // Upper bounds of the delivery duration histogram, in seconds: a
    // delivery takes from seconds (an image given) to most of an hour.
    static const QList<double> &durationBuckets();

    void observePass(const DeliveryRobot::PassResult &pass, const QDateTime &end);
    // The ecosystem file did not load: the pass never ran.
    void observeUnloadable(const QString &why);
    void setLeading(bool leading);
    // A webhook request answered: its source ("github", …) and verdict
    // (WebhookResult::keyword: "accepted", "unauthorized", …).
    void observeWebhook(const QString &source, const QString &verdict);
    // Ready once a pass ran without an error (the ecosystem loads and the
    // tracker answers), and while standing by for the Lease. WHY says what
    // is wrong while it is not.
    bool ready(QString *why = nullptr) const;
    QByteArray exposition() const;

private:
    struct Durations
    {
        QList<quint64> buckets; // cumulative counts, one per bound
        quint64 count = 0;
        double sum = 0;
    };

    mutable std::mutex m_mutex;
    QMap<QString, quint64> m_passes; // result → count
    QMap<QPair<QString, QString>, quint64> m_actions; // (stage, result) → count
    QMap<QPair<QString, QString>, quint64> m_deliveries; // (environment, outcome) → count
    QMap<QString, Durations> m_durations; // environment → histogram
    QMap<QPair<QString, QString>, quint64> m_rollbacks; // (environment, trigger) → count
    QMap<QString, DeliveryRobot::Queue> m_queues; // environment → its lock after the last pass
    QMap<QPair<QString, QString>, quint64> m_webhooks; // (source, verdict) → count
    double m_lastSuccess = 0; // seconds since the epoch
    bool m_leading = true; // without leader election, the only robot leads
    bool m_ready = false;
    QString m_notReady = QStringLiteral("no pass has run yet");
};

} // namespace Shipyard
