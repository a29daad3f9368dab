// SPDX-License-Identifier: GPL-2.0-or-later
#include "live/ReplicaTimeline.h"

#include "kube/DeploymentRollout.h"
#include "kube/KubeObjectStatus.h"

#include <QLocale>

namespace Shipyard {

ReplicaTimeline::ReplicaTimeline(QObject *parent) : QAbstractTableModel(parent)
{ }

void ReplicaTimeline::setLimits(int maxSamples, std::chrono::seconds maxAge)
{
    m_maxSamples = std::max(2, maxSamples);
    m_maxAge = maxAge;
    trim();
}

void ReplicaTimeline::clear()
{
    if (!m_samples.isEmpty()) {
        beginRemoveRows({}, 0, int(m_samples.size()) - 1);
        m_samples.clear();
        endRemoveRows();
    }
    m_key.clear();
    m_uid.clear();
    m_template = {};
    m_revision = 0;
    m_rolling = false;
    m_startedAt = {};
}

bool ReplicaTimeline::record(const QJsonObject &deployment, const QDateTime &at)
{
    const QJsonObject metadata = deployment.value(QLatin1String("metadata")).toObject();
    const QJsonObject spec = deployment.value(QLatin1String("spec")).toObject();
    const QString key = metadata.value(QLatin1String("namespace")).toString() + QLatin1Char('/') +
        metadata.value(QLatin1String("name")).toString();
    if (!m_key.isEmpty() && key != m_key)
        return false;

    Sample sample;
    sample.time = at.isValid() ? at.toUTC() : QDateTime::currentDateTimeUtc();
    const DeploymentStatus status = KubeObjectStatus::deployment(deployment);
    sample.desired = status.desired;
    sample.updated = status.updated;
    sample.ready = status.ready;
    sample.available = status.available;
    sample.unavailable = status.unavailable;
    sample.revision = status.revision;
    const QJsonObject podTemplate = spec.value(QLatin1String("template")).toObject();
    const QString uid = metadata.value(QLatin1String("uid")).toString();

    if (m_key.isEmpty()) {
        // The first state: a rollout may be under way, but when it began is unknown.
        m_key = key;
        m_rolling = status.rollout == DeploymentStatus::Rollout::Progressing;
        if (m_rolling && m_firstStateStarts) {
            sample.events |= RolloutStarted;
            m_startedAt = sample.time;
        }
    } else {
        const bool recreated = !uid.isEmpty() && !m_uid.isEmpty() && uid != m_uid;
        const bool templateChanged = !DeploymentRollout::equalIgnoringHash(m_template, podTemplate);
        // A deployment's first revision is its creation, not a rollout of something else.
        const bool revisionMoved = sample.revision != m_revision && sample.revision != 0 && m_revision != 0;
        // During a rollout the revision moves when the controller takes up
        // the template already seen; otherwise its move is a rollout whose
        // template change was not seen (a rollback between two states).
        const bool started = recreated || templateChanged || (revisionMoved && !m_rolling);
        if (started) {
            sample.events |= RolloutStarted;
            m_rolling = true;
            m_startedAt = sample.time;
        }
    }
    m_uid = uid;
    m_template = podTemplate;
    if (sample.revision != 0)
        m_revision = sample.revision;

    if (m_rolling) {
        const RolloutResult result = DeploymentRollout::evaluateStatus(deployment, m_startedAt);
        if (result.done || result.error.isError()) {
            sample.events |= result.done ? RolloutCompleted : RolloutFailed;
            sample.message = result.message;
            m_rolling = false;
        }
    }

    if (!m_samples.isEmpty() && sample.events == NoEvent) {
        const Sample &last = m_samples.constLast();
        if (last.desired == sample.desired && last.updated == sample.updated && last.ready == sample.ready &&
            last.available == sample.available && last.unavailable == sample.unavailable &&
            last.revision == sample.revision)
            return false;
    }
    append(sample);
    if (sample.events & RolloutStarted)
        Q_EMIT rolloutStarted(sample.revision, sample.time);
    if (sample.events & (RolloutCompleted | RolloutFailed))
        Q_EMIT rolloutEnded(sample.events.testFlag(RolloutCompleted), sample.message, sample.time);
    return true;
}

void ReplicaTimeline::append(const Sample &sample)
{
    const int row = int(m_samples.size());
    beginInsertRows({}, row, row);
    m_samples.append(sample);
    endInsertRows();
    trim();
}

void ReplicaTimeline::trim()
{
    if (m_samples.isEmpty())
        return;
    const QDateTime oldest = m_samples.constLast().time.addSecs(-qint64(m_maxAge.count()));
    int drop = std::max(0, int(m_samples.size()) - m_maxSamples);
    while (drop < int(m_samples.size()) - 1 && m_samples.at(drop).time < oldest)
        ++drop;
    if (drop == 0)
        return;
    beginRemoveRows({}, 0, drop - 1);
    m_samples.remove(0, drop);
    endRemoveRows();
}

int ReplicaTimeline::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_samples.size());
}

int ReplicaTimeline::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReplicaTimeline::describe(Events events, const QString &message)
{
    QStringList parts;
    if (events.testFlag(RolloutStarted))
        parts.append(tr("rollout started"));
    if (events.testFlag(RolloutCompleted))
        parts.append(tr("rolled out"));
    if (events.testFlag(RolloutFailed))
        parts.append(message.isEmpty() ? tr("rollout failed") : tr("rollout failed: %1").arg(message));
    return parts.join(QStringLiteral(", "));
}

QVariant ReplicaTimeline::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Sample &sample = m_samples.at(index.row());
    if (role == ValueRole) {
        switch (Column(index.column())) {
        case TimeColumn:
            return sample.time;
        case DesiredColumn:
            return sample.desired;
        case UpdatedColumn:
            return sample.updated;
        case ReadyColumn:
            return sample.ready;
        case AvailableColumn:
            return sample.available;
        case UnavailableColumn:
            return sample.unavailable;
        case RevisionColumn:
            return sample.revision;
        case EventColumn:
            return int(sample.events);
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == EventColumn)
        return sample.message;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case TimeColumn:
        return QLocale().toString(sample.time.toLocalTime(), QStringLiteral("HH:mm:ss"));
    case EventColumn:
        return describe(sample.events, sample.message);
    default:
        return data(index, ValueRole);
    }
}

QVariant ReplicaTimeline::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case DesiredColumn:
        return tr("Desired");
    case UpdatedColumn:
        return tr("Updated");
    case ReadyColumn:
        return tr("Ready");
    case AvailableColumn:
        return tr("Available");
    case UnavailableColumn:
        return tr("Unavailable");
    case RevisionColumn:
        return tr("Revision");
    case EventColumn:
        return tr("Event");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Shipyard
