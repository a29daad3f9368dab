// SPDX-License-Identifier: GPL-2.0-or-later
#include "gating/PushGate.h"

#include "gating/GateEvaluator.h"
#include "model/TaskKeyExtractor.h"
#include "tracker/Tracker.h"

#include <QRegularExpression>

namespace Shipyard {

namespace {

bool isZero(const QString &id)
{
    return !id.isEmpty() && id.count(QLatin1Char('0')) == id.size();
}

} // namespace

bool RefUpdate::isCreation() const
{
    return isZero(oldId);
}

bool RefUpdate::isDeletion() const
{
    return isZero(newId);
}

QString RefUpdate::branch() const
{
    static const QLatin1String heads("refs/heads/");
    return ref.startsWith(heads) ? ref.mid(heads.size()) : QString();
}

QList<RefUpdate> RefUpdate::parse(const QByteArray &input, QString *error)
{
    // SHA-1 or SHA-256 object names.
    static const QRegularExpression line(
        QStringLiteral("^([0-9a-f]{40}|[0-9a-f]{64}) ([0-9a-f]{40}|[0-9a-f]{64}) (\\S+)$"));
    QList<RefUpdate> updates;
    const QList<QByteArray> lines = input.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString text = QString::fromUtf8(lines.at(i)).trimmed();
        if (text.isEmpty())
            continue;
        const QRegularExpressionMatch match = line.match(text);
        if (!match.hasMatch()) {
            if (error)
                *error = QStringLiteral("line %1 of the hook's input is not \"OLD NEW REF\"").arg(i + 1);
            return {};
        }
        updates.append({ match.captured(1), match.captured(2), match.captured(3) });
    }
    return updates;
}

PushGate::PushGate(const Ecosystem &ecosystem, const System &system, Tracker *tracker, const QString &trackerError)
    : m_gating(ecosystem.gating), m_upstream(system.upstream), m_tracker(tracker), m_trackerError(trackerError)
{ }

QList<PushGate::Refusal> PushGate::check(const QList<RefUpdate> &updates, const QString &pusher) const
{
    QList<Refusal> refusals;
    for (const RefUpdate &update : updates) {
        if (const std::optional<QString> reason = refusal(update, pusher))
            refusals.append({ update.ref, *reason });
    }
    return refusals;
}

std::optional<QString> PushGate::refusal(const RefUpdate &update, const QString &pusher) const
{
    const QString branch = update.branch();
    if (branch.isEmpty())
        return std::nullopt;
    const bool trusted = m_gating.upstreamPushers.contains(pusher);
    if (branch == m_upstream) {
        if (m_gating.upstreamPushers.isEmpty() || trusted)
            return std::nullopt;
        return QStringLiteral("only %1 may push to %2 (you are %3): upstream changes through a delivery, "
                              "which merges a task's branch once its gates pass")
            .arg(m_gating.upstreamPushers.join(QStringLiteral(", ")), branch,
                pusher.isEmpty() ? QStringLiteral("unknown") : pusher);
    }
    if (trusted || update.isDeletion())
        return std::nullopt;

    // The delivery's own gates, with the same reasons.
    GateInput input;
    input.branch = branch;
    input.upstream = m_upstream;
    const TaskKeyExtractor keys(m_gating.taskKeyPattern);
    input.taskKey = keys.extract(branch);
    if (!input.taskKey.isEmpty()) {
        if (m_tracker)
            input.task = m_tracker->task(input.taskKey);
        else
            input.task = TaskLookup { std::nullopt, { TrackerError::Kind::Other, m_trackerError } };
    }
    const QList<GateVerdict> verdicts = GateEvaluator(m_gating).evaluate(input);
    for (const GateVerdict &verdict : verdicts) {
        if (verdict.gate != GateVerdict::Gate::TaskKey && verdict.gate != GateVerdict::Gate::BranchUpdateStatus)
            continue;
        if (verdict.state == GateVerdict::State::Failed)
            return verdict.reason;
        if (verdict.state == GateVerdict::State::Unknown)
            return QStringLiteral("cannot check %1's status, so the branch takes no push now: %2")
                .arg(input.taskKey, verdict.reason);
    }
    return std::nullopt;
}

} // namespace Shipyard
