// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"
#include "monitoring/AlertSelection.h"
#include "monitoring/FiringAlert.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace Shipyard {

class AlertWatch;
class MonitoringWatch;

// What judges a step of a canary while it is held: signals that watch the
// environment from the start of the hold, any of which may object at once;
// the step passes when its hold ends without an objection. The signals are
// the ecosystem's monitoring query (rollback.monitoring, read as the monitor
// step reads it) and the environment's Alertmanager alerts for the system
// (see AlertWatch), with the alerts a person delivered in spite of tolerated.
//
// Lives in the thread that runs the hold's event loop.
class CanaryJudge : public QObject
{
    Q_OBJECT
public:
    // MONITORING: the query to judge by; nothing: no signal, every hold passes.
    explicit CanaryJudge(const std::optional<MonitoringTrigger> &monitoring, QObject *parent = nullptr);
    // ALERTS: the environment's trigger and the delivered system's selection.
    void watchAlerts(
        const AlertTrigger &alerts, const QList<AlertSelection> &selections, const QList<FiringAlert> &tolerated);
    ~CanaryJudge() override;

    // What it judges by, for the log.
    QString describe() const;
    void start();
    void stop();

    struct Verdict
    {
        bool passed = true;
        QString message;
    };
    // At the end of a hold without objection: passed, unless no signal could
    // answer and the ecosystem wants that rolled back (onInconclusive).
    Verdict conclude();

Q_SIGNALS:
    // A signal saw trouble; the hold ends and the canary is aborted.
    void objected(const QString &reason);
    // What the signals saw, for the log.
    void note(const QString &line);

private:
    void startAlerts();

    std::optional<MonitoringTrigger> m_monitoring;
    std::unique_ptr<MonitoringWatch> m_watch;
    std::optional<AlertTrigger> m_alertTrigger;
    QList<AlertSelection> m_alertSelections;
    QList<FiringAlert> m_toleratedAlerts;
    std::unique_ptr<AlertWatch> m_alerts;
    int m_alertAnswers = 0;
    int m_answers = 0;
    QString m_lastError;
};

} // namespace Shipyard
