// SPDX-License-Identifier: GPL-2.0-or-later
#include "gating/TaskReturner.h"
#include "tracker/Tracker.h"

namespace Shipyard {

TaskReturner::TaskReturner(Tracker &tracker, const QString &returnStatus, const SecretMasker &masker)
    : m_tracker(tracker), m_returnStatus(returnStatus), m_masker(masker)
{ }

QString TaskReturner::excerpt(const QString &log)
{
    QStringList lines = log.trimmed().split(QLatin1Char('\n'));
    if (lines.size() > excerptLines)
        lines = lines.mid(lines.size() - excerptLines);
    QString text = lines.join(QLatin1Char('\n'));
    if (text.size() > excerptCharacters)
        text = QStringLiteral("…") + text.right(excerptCharacters);
    return text;
}

QString TaskReturner::comment(const QString &failingStep, const QString &reason, const QString &log)
{
    QString text = QStringLiteral("Shipyard returned this task: the step \"%1\" failed.").arg(failingStep);
    if (!reason.isEmpty())
        text += QStringLiteral("\n\n") + reason;
    const QString tail = excerpt(log);
    if (!tail.isEmpty())
        text += QStringLiteral("\n\nEnd of the log:\n\n") + tail;
    return text;
}

TrackerError TaskReturner::returnTask(
    const QString &key, const QString &failingStep, const QString &reason, const QString &log) const
{
    const QString text = comment(m_masker.mask(failingStep), m_masker.mask(reason), m_masker.mask(log));
    if (TrackerError error = m_tracker.addComment(key, text))
        return error;
    return m_tracker.transition(key, m_returnStatus);
}

} // namespace Shipyard
