// SPDX-License-Identifier: GPL-2.0-or-later
#include "releases/CanaryStepResult.h"

namespace Shipyard {

namespace {

struct VerdictWord
{
    CanaryStepResult::Verdict verdict;
    const char *word;
};

constexpr VerdictWord verdictWords[] = {
    { CanaryStepResult::Verdict::Pending, "pending" },
    { CanaryStepResult::Verdict::Holding, "holding" },
    { CanaryStepResult::Verdict::Passed, "passed" },
    { CanaryStepResult::Verdict::Failed, "failed" },
    { CanaryStepResult::Verdict::Promoted, "promoted" },
    { CanaryStepResult::Verdict::Aborted, "aborted" },
    { CanaryStepResult::Verdict::Skipped, "skipped" },
    { CanaryStepResult::Verdict::Cancelled, "cancelled" },
};

} // namespace

int CanaryStepResult::podShare() const
{
    const int all = replicas + oldReplicas;
    return all > 0 ? (replicas * 100 + all / 2) / all : 0;
}

QString CanaryStepResult::describe() const
{
    if (share == 100)
        return QStringLiteral("100 %: the main Deployment updated");
    return QStringLiteral("%1 %: %2 new %3 beside %4 old")
        .arg(share)
        .arg(replicas)
        .arg(replicas == 1 ? QStringLiteral("pod") : QStringLiteral("pods"))
        .arg(oldReplicas);
}

QString CanaryStepResult::keyword(Verdict verdict)
{
    for (const VerdictWord &entry : verdictWords) {
        if (entry.verdict == verdict)
            return QString::fromLatin1(entry.word);
    }
    return {};
}

QJsonObject CanaryStepResult::toJson() const
{
    QJsonObject object { { QStringLiteral("share"), share }, { QStringLiteral("replicas"), replicas },
        { QStringLiteral("oldReplicas"), oldReplicas }, { QStringLiteral("verdict"), keyword(verdict) } };
    if (!message.isEmpty())
        object.insert(QStringLiteral("message"), message);
    return object;
}

CanaryStepResult CanaryStepResult::fromJson(const QJsonObject &object)
{
    CanaryStepResult step;
    step.share = object.value(QLatin1String("share")).toInt();
    step.replicas = object.value(QLatin1String("replicas")).toInt();
    step.oldReplicas = object.value(QLatin1String("oldReplicas")).toInt();
    step.message = object.value(QLatin1String("message")).toString();
    const QString word = object.value(QLatin1String("verdict")).toString();
    for (const VerdictWord &entry : verdictWords) {
        if (word == QLatin1String(entry.word))
            step.verdict = entry.verdict;
    }
    return step;
}

QJsonArray CanaryStepResult::toJson(const QList<CanaryStepResult> &steps)
{
    QJsonArray array;
    for (const CanaryStepResult &step : steps)
        array.append(step.toJson());
    return array;
}

QList<CanaryStepResult> CanaryStepResult::fromJson(const QJsonArray &steps)
{
    QList<CanaryStepResult> list;
    for (const QJsonValue &step : steps)
        list.append(fromJson(step.toObject()));
    return list;
}

} // namespace Shipyard
