// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "releases/ReleaseRecord.h"

#include <QAbstractTableModel>

namespace Shipyard {

// The release records of one environment, newest first. refresh() reads
// them off the UI thread; setRecords() merges a new list into the rows:
// new releases are inserted, gone ones removed, changed ones (a release
// marked rolled back) repainted, so selections survive a refresh.
class ReleaseHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        TimeColumn,
        WhoColumn,
        TasksColumn,
        SystemsColumn,
        ResultColumn,
        MigrationsColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Role {
        IdRole = Qt::UserRole + 1,
        ResultRole, // keyword: succeeded, failed, rolled-back
        TimeRole, // QDateTime
        IsGoodRole,
    };

    explicit ReleaseHistoryModel(QObject *parent = nullptr);

    // The namespace NS through CLIENT; an invalid client empties the model.
    void setSource(const KubeClient &client, const QString &ns);
    void refresh();
    bool isLoading() const { return m_loading; }
    QString lastError() const { return m_error; }

    void setRecords(const QList<ReleaseRecord> &records);
    const ReleaseRecord *record(int row) const;
    int rowOfRelease(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded(const QString &error);

private:
    static QString resultTitle(ReleaseRecord::Result result);
    // "storefront up done", "storefront down failed"
    static QString migrationTitle(const ReleaseRecord::Migration &migration);
    static bool sameRecord(const ReleaseRecord &a, const ReleaseRecord &b);

    KubeClient m_client;
    QString m_ns;
    bool m_hasSource = false;
    bool m_loading = false;
    int m_generation = 0; // answers for an older source are dropped
    QString m_error;
    QList<ReleaseRecord> m_records;
};

} // namespace Shipyard
