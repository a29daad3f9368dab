// SPDX-License-Identifier: GPL-2.0-or-later
#include "doctor/DoctorCheck.h"

#include <utility>

namespace Shipyard {

DoctorCheck::DoctorCheck(QString component, QString check, bool neededForDelivery)
    : m_component(std::move(component)), m_check(std::move(check)), m_needed(neededForDelivery)
{ }

DoctorResult DoctorCheck::make(DoctorResult::Verdict verdict, const QString &detail, const QString &remedy) const
{
    DoctorResult result;
    result.component = m_component;
    result.check = m_check;
    result.verdict = verdict;
    result.detail = detail;
    result.remedy = remedy;
    result.neededForDelivery = m_needed;
    return result;
}

DoctorResult DoctorCheck::ok(const QString &detail) const
{
    return make(DoctorResult::Verdict::Ok, detail, {});
}

DoctorResult DoctorCheck::warning(const QString &detail, const QString &remedy) const
{
    return make(DoctorResult::Verdict::Warning, detail, remedy);
}

DoctorResult DoctorCheck::broken(const QString &detail, const QString &remedy) const
{
    return make(DoctorResult::Verdict::Broken, detail, remedy);
}

DoctorResult DoctorCheck::skipped(const QString &detail) const
{
    return make(DoctorResult::Verdict::Skipped, detail, {});
}

DoctorResult DoctorCheck::unanswered(std::chrono::milliseconds timeout) const
{
    const QString seconds = QString::number(double(timeout.count()) / 1000.0, 'g', 3);
    return broken(QStringLiteral("no answer within %1 s").arg(seconds),
        m_silenceRemedy.isEmpty() ? QStringLiteral("find out why it does not answer, or give it longer with --timeout")
                                  : m_silenceRemedy);
}

} // namespace Shipyard
