// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"

#include <QAbstractTableModel>
#include <QDateTime>

#include <memory>

namespace Shipyard {

class KubeInformer;
struct KubeError;

// The Events about one object (an informer on Events with an
// involvedObject field selector), row for row as the informer holds them.
class EventListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TypeColumn, ReasonColumn, LastSeenColumn, CountColumn, MessageColumn, ColumnCount };

    explicit EventListModel(QObject *parent = nullptr);
    ~EventListModel() override;

    // Watches the events of `kind` `name` in `ns`; an empty name clears.
    void setObject(const KubeClient &client, const QString &ns, const QString &kind, const QString &name);
    bool hasSynced() const;
    QString errorString() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void errorChanged(const QString &error);

private:
    struct Row
    {
        QString type;
        QString reason;
        QDateTime lastSeen;
        int count = 0;
        QString message;
        QString source;
        bool operator==(const Row &) const = default;
    };
    Row extract(int informerRow) const;

    std::unique_ptr<KubeInformer> m_informer;
    QList<Row> m_rows;
    QString m_error;
};

} // namespace Shipyard
