// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/ClusterAccess.h"
#include "model/Ecosystem.h"
#include "pipeline/ReleaseRollback.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Shipyard {

class EnvironmentComboBox;

class ReleaseHistoryModel;

// The History view: an environment's releases, newest first, filtered as
// one types, and "Roll back to this release…" (confirmed; protected
// environments want their name typed), run off the UI thread.
class HistoryView : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryView(QWidget *parent = nullptr);

    // CLUSTER: the clusters the window reads, for the environments' clients.
    void setEcosystem(const Ecosystem &ecosystem, const ClusterAccess &cluster);
    QString environment() const;
    bool setEnvironment(const QString &name);
    void refresh();

    ReleaseHistoryModel *model() const { return m_model; }
    QSortFilterProxyModel *filterModel() const { return m_filter; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterField() const { return m_filterField; }
    bool selectRelease(const QString &id);
    QString selectedRelease() const;

    // Confirms, then rolls the selected release back into place.
    void requestRollback();
    // What requestRollback() does once confirmed; false when one already runs.
    bool startRollback(const QString &releaseId, const ReleaseRollback::Options &options = {});
    bool isRollingBack() const { return m_rollingBack; }
    bool isLoading() const;
    QString statusText() const;

Q_SIGNALS:
    void rollbackFinished(const Shipyard::ReleaseRollback::Result &result);

private:
    void environmentChanged();
    void updateButtons();

    Ecosystem m_ecosystem;
    ClusterAccess m_cluster;
    ReleaseHistoryModel *m_model = nullptr;
    QSortFilterProxyModel *m_filter = nullptr;
    EnvironmentComboBox *m_environment = nullptr;
    QLineEdit *m_filterField = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_rollback = nullptr;
    QLabel *m_status = nullptr;
    bool m_rollingBack = false;
    QString m_lastAction; // the outcome of the last rollback, kept across refreshes
};

} // namespace Shipyard
