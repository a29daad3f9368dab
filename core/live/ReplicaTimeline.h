// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <chrono>

namespace Shipyard {

// One Deployment's replica counts over time, recorded from its successive
// states (a watch's events, or the states a rollout wait reads), with the
// moments a rollout started and ended marked. A row per sample, oldest
// first; a state that changes no count and marks nothing adds no row. Older
// rows fall off the front past maxSamples or maxAge (measured from the
// newest sample), so a deployment watched for days costs a bounded amount.
//
// A rollout starts when the pod template changes (hash label ignored) or
// when the revision annotation moves (a rollback, which may restore a
// template equal to an older one); a scale is not a rollout. It ends as
// `kubectl rollout status` would say: done, or failed on its progress
// deadline (DeploymentRollout::evaluateStatus).
class ReplicaTimeline : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        DesiredColumn,
        UpdatedColumn,
        ReadyColumn,
        AvailableColumn,
        UnavailableColumn,
        RevisionColumn,
        EventColumn,
        ColumnCount
    };
    enum Event { NoEvent = 0x0, RolloutStarted = 0x1, RolloutCompleted = 0x2, RolloutFailed = 0x4 };
    Q_DECLARE_FLAGS(Events, Event)
    // The raw value of a cell: QDateTime (UTC) for the time, numbers, the Events flags.
    static constexpr int ValueRole = Qt::UserRole + 1;

    struct Sample
    {
        QDateTime time; // UTC, when the state was seen
        int desired = 0; // spec.replicas
        int updated = 0;
        int ready = 0;
        int available = 0;
        int unavailable = 0;
        qint64 revision = 0;
        Events events;
        QString message; // for an end: kubectl's words ("successfully rolled out", the deadline)
    };

    explicit ReplicaTimeline(QObject *parent = nullptr);

    void setLimits(int maxSamples, std::chrono::seconds maxAge);
    int maxSamples() const { return m_maxSamples; }
    std::chrono::seconds maxAge() const { return m_maxAge; }
    // The first state recorded follows a change just applied (a delivery's
    // wait): a rollout under way then began there, and is marked so.
    // Otherwise (a watch picked up at any time) when it began is unknown.
    void setFirstStateStartsRollout(bool starts) { m_firstStateStarts = starts; }

    // Records DEPLOYMENT as seen at AT (now when invalid). States of another
    // deployment than the first recorded are ignored; true when a row was added.
    bool record(const QJsonObject &deployment, const QDateTime &at = {});
    void clear();

    // "namespace/name" of the deployment recorded, empty before the first state.
    QString deployment() const { return m_key; }
    int sampleCount() const { return int(m_samples.size()); }
    const Sample &sample(int row) const { return m_samples.at(row); }
    const QList<Sample> &samples() const { return m_samples; }
    // A rollout started (or was found under way) and has not ended yet.
    bool isRollingOut() const { return m_rolling; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString describe(Events events, const QString &message);

Q_SIGNALS:
    void rolloutStarted(qint64 revision, const QDateTime &at);
    void rolloutEnded(bool succeeded, const QString &message, const QDateTime &at);

private:
    void append(const Sample &sample);
    void trim();

    QList<Sample> m_samples;
    int m_maxSamples = 3600;
    std::chrono::seconds m_maxAge { 3600 };
    QString m_key;
    QString m_uid;
    QJsonObject m_template;
    qint64 m_revision = 0;
    bool m_rolling = false;
    bool m_firstStateStarts = false;
    QDateTime m_startedAt;
};

} // namespace Shipyard

Q_DECLARE_OPERATORS_FOR_FLAGS(Shipyard::ReplicaTimeline::Events)
