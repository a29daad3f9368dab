// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "doctor/DoctorResult.h"

#include <QString>

#include <atomic>
#include <chrono>

namespace Shipyard {

// One thing `shipyardctl doctor` checks. run() blocks (the network, a
// process): DoctorRunner calls it in a thread of its own, beside all the
// others, so that a server that never answers delays nothing else.
class DoctorCheck
{
public:
    struct Context
    {
        // What each request may take: a check passes it on to its clients,
        // so that its thread ends about when the runner stops waiting.
        std::chrono::milliseconds timeout { 5000 };
        const std::atomic_bool *cancelled = nullptr;
        int timeoutMs() const { return int(timeout.count()); }
    };

    DoctorCheck(QString component, QString check, bool neededForDelivery = true);
    virtual ~DoctorCheck() = default;
    DoctorCheck(const DoctorCheck &) = delete;
    DoctorCheck &operator=(const DoctorCheck &) = delete;

    const QString &component() const { return m_component; }
    const QString &check() const { return m_check; }
    bool neededForDelivery() const { return m_needed; }

    virtual DoctorResult run(const Context &context) const = 0;
    // The result of a check whose run() has not ended within TIMEOUT.
    DoctorResult unanswered(std::chrono::milliseconds timeout) const;

protected:
    DoctorResult ok(const QString &detail) const;
    DoctorResult warning(const QString &detail, const QString &remedy) const;
    DoctorResult broken(const QString &detail, const QString &remedy) const;
    DoctorResult skipped(const QString &detail) const;
    // What to do when nothing answers in time (the remedy of unanswered()).
    void setSilenceRemedy(const QString &remedy) { m_silenceRemedy = remedy; }

private:
    DoctorResult make(DoctorResult::Verdict verdict, const QString &detail, const QString &remedy) const;
    QString m_component;
    QString m_check;
    bool m_needed = true;
    QString m_silenceRemedy;
};

} // namespace Shipyard
