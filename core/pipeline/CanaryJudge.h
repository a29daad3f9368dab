// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace Shipyard {

class MonitoringWatch;

// What judges a step of a canary while it is held: signals that watch the
// environment from the start of the hold, any of which may object at once;
// the step passes when its hold ends without an objection. The one signal
// today is the ecosystem's monitoring query (rollback.monitoring, read as
// the monitor step reads it); another, such as Alertmanager's alerts, is
// started beside it in start() and objects the same way.
//
// Lives in the thread that runs the hold's event loop.
class CanaryJudge : public QObject
{
    Q_OBJECT
public:
    // MONITORING: the query to judge by; nothing: no signal, every hold passes.
    explicit CanaryJudge(const std::optional<MonitoringTrigger> &monitoring, QObject *parent = nullptr);
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
    std::optional<MonitoringTrigger> m_monitoring;
    std::unique_ptr<MonitoringWatch> m_watch;
    int m_answers = 0;
    QString m_lastError;
};

} // namespace Shipyard
