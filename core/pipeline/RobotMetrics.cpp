// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/RobotMetrics.h"

#include "pipeline/Delivery.h"

namespace Shipyard {

namespace {

// A label value as the exposition format wants it: backslash, quote and newline escaped.
QString labelValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""))
        .replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return escaped;
}

QString number(double value)
{
    return QString::number(value, 'g', 12);
}

void header(QString &out, const char *name, const char *type, const char *help)
{
    out += QStringLiteral("# HELP %1 %2\n# TYPE %1 %3\n")
               .arg(QLatin1String(name), QLatin1String(help), QLatin1String(type));
}

} // namespace

const QList<double> &RobotMetrics::durationBuckets()
{
    static const QList<double> buckets { 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600 };
    return buckets;
}

void RobotMetrics::observePass(const DeliveryRobot::PassResult &pass, const QDateTime &end)
{
    const std::lock_guard lock(m_mutex);
    ++m_passes[pass.error.isEmpty() ? QStringLiteral("succeeded") : QStringLiteral("failed")];
    m_ready = pass.error.isEmpty();
    m_notReady = pass.error;
    if (pass.error.isEmpty())
        m_lastSuccess = double(end.toMSecsSinceEpoch()) / 1000;
    // An environment that did not answer this time keeps its last figures.
    for (auto it = pass.queues.cbegin(); it != pass.queues.cend(); ++it)
        m_queues.insert(it.key(), *it);
    for (const DeliveryRobot::Action &action : pass.actions) {
        ++m_actions[{ action.stage, action.succeeded ? QStringLiteral("succeeded") : QStringLiteral("failed") }];
        if (action.outcome.isEmpty())
            continue;
        ++m_deliveries[{ action.environment, action.outcome }];
        Durations &durations = m_durations[action.environment];
        const double seconds = double(action.duration.count()) / 1000;
        if (durations.buckets.isEmpty())
            durations.buckets.fill(0, durationBuckets().size());
        for (qsizetype i = 0; i < durationBuckets().size(); ++i) {
            if (seconds <= durationBuckets()[i])
                ++durations.buckets[i];
        }
        ++durations.count;
        durations.sum += seconds;
        // The step whose failure rolled the release back is what triggered it.
        if (action.outcome == Delivery::keyword(Delivery::Outcome::RolledBack))
            ++m_rollbacks[{ action.environment, action.failedStep }];
    }
}

void RobotMetrics::observeUnloadable(const QString &why)
{
    const std::lock_guard lock(m_mutex);
    ++m_passes[QStringLiteral("failed")];
    m_ready = false;
    m_notReady = why;
}

void RobotMetrics::setLeading(bool leading)
{
    const std::lock_guard lock(m_mutex);
    m_leading = leading;
}

void RobotMetrics::observeWebhook(const QString &source, const QString &verdict)
{
    const std::lock_guard lock(m_mutex);
    ++m_webhooks[{ source, verdict }];
}

bool RobotMetrics::ready(QString *why) const
{
    const std::lock_guard lock(m_mutex);
    // A robot waiting for the Lease is what a second replica is for: ready
    // to take over. Were it not ready, a rollout of the robot's Deployment
    // would wait for it forever.
    if (!m_leading) {
        if (why)
            *why = QStringLiteral("standing by: another robot leads");
        return true;
    }
    if (why)
        *why = m_notReady;
    return m_ready;
}

QByteArray RobotMetrics::exposition() const
{
    const std::lock_guard lock(m_mutex);
    QString out;
    header(out, "shipyard_robot_passes_total", "counter", "Passes of the robot over the tracker, by result.");
    for (auto it = m_passes.cbegin(); it != m_passes.cend(); ++it)
        out += QStringLiteral("shipyard_robot_passes_total{result=\"%1\"} %2\n").arg(labelValue(it.key())).arg(*it);
    header(out, "shipyard_robot_actions_total", "counter", "Actions on tasks, by stage and result.");
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it)
        out += QStringLiteral("shipyard_robot_actions_total{stage=\"%1\",result=\"%2\"} %3\n")
                   .arg(labelValue(it.key().first), labelValue(it.key().second))
                   .arg(*it);
    header(out, "shipyard_deliveries_total", "counter", "Deliveries the robot ran, by environment and result.");
    for (auto it = m_deliveries.cbegin(); it != m_deliveries.cend(); ++it)
        out += QStringLiteral("shipyard_deliveries_total{environment=\"%1\",result=\"%2\"} %3\n")
                   .arg(labelValue(it.key().first), labelValue(it.key().second))
                   .arg(*it);
    header(out, "shipyard_delivery_duration_seconds", "histogram", "How long the robot's deliveries took.");
    for (auto it = m_durations.cbegin(); it != m_durations.cend(); ++it) {
        const QString environment = labelValue(it.key());
        for (qsizetype i = 0; i < durationBuckets().size(); ++i)
            out += QStringLiteral("shipyard_delivery_duration_seconds_bucket{environment=\"%1\",le=\"%2\"} %3\n")
                       .arg(environment, number(durationBuckets()[i]))
                       .arg(it->buckets.value(i));
        out += QStringLiteral("shipyard_delivery_duration_seconds_bucket{environment=\"%1\",le=\"+Inf\"} %2\n")
                   .arg(environment)
                   .arg(it->count);
        out += QStringLiteral("shipyard_delivery_duration_seconds_sum{environment=\"%1\"} %2\n")
                   .arg(environment, number(it->sum));
        out += QStringLiteral("shipyard_delivery_duration_seconds_count{environment=\"%1\"} %2\n")
                   .arg(environment)
                   .arg(it->count);
    }
    header(out, "shipyard_rollbacks_total", "counter", "Releases rolled back, by environment and triggering step.");
    for (auto it = m_rollbacks.cbegin(); it != m_rollbacks.cend(); ++it)
        out += QStringLiteral("shipyard_rollbacks_total{environment=\"%1\",trigger=\"%2\"} %3\n")
                   .arg(labelValue(it.key().first), labelValue(it.key().second))
                   .arg(*it);
    header(out, "shipyard_delivery_queue_length", "gauge",
        "Deliveries waiting for an environment's lock, as the last pass read it.");
    for (auto it = m_queues.cbegin(); it != m_queues.cend(); ++it)
        out += QStringLiteral("shipyard_delivery_queue_length{environment=\"%1\"} %2\n")
                   .arg(labelValue(it.key()))
                   .arg(it->waiting);
    header(out, "shipyard_delivery_lock_held", "gauge", "1 while a delivery holds the environment's lock.");
    for (auto it = m_queues.cbegin(); it != m_queues.cend(); ++it)
        out += QStringLiteral("shipyard_delivery_lock_held{environment=\"%1\"} %2\n")
                   .arg(labelValue(it.key()))
                   .arg(it->held ? 1 : 0);
    header(out, "shipyard_robot_webhooks_total", "counter", "Webhook requests, by source and verdict.");
    for (auto it = m_webhooks.cbegin(); it != m_webhooks.cend(); ++it)
        out += QStringLiteral("shipyard_robot_webhooks_total{source=\"%1\",verdict=\"%2\"} %3\n")
                   .arg(labelValue(it.key().first), labelValue(it.key().second))
                   .arg(*it);
    header(out, "shipyard_robot_last_successful_pass_timestamp_seconds", "gauge",
        "When a pass last ran without an error (0: never).");
    out += QStringLiteral("shipyard_robot_last_successful_pass_timestamp_seconds %1\n").arg(number(m_lastSuccess));
    header(out, "shipyard_robot_leader", "gauge", "1 while this robot leads and may act.");
    out += QStringLiteral("shipyard_robot_leader %1\n").arg(m_leading ? 1 : 0);
    return out.toUtf8();
}

} // namespace Shipyard
