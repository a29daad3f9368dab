// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/ClusterAccess.h"
#include "model/Ecosystem.h"
#include "pipeline/ReleaseRollback.h"
#include "widgets/WorkerRelay.h"

#include <QWidget>

#include <memory>

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
// environments want their name typed), run off the UI thread with its
// progress in the status line. A rollback has no Cancel: stopped halfway it
// would leave the environment neither at the release it left nor at the one
// it restores; it ends by itself within the ecosystem's rollout timeout.
class HistoryView : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryView(QWidget *parent = nullptr);
    ~HistoryView() override;

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
    // What the running rollback did last ("deployment/catalog: 1 of 2
    // updated replicas are available"), also shown in the status line.
    void rollbackProgressed(const QString &line);
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
    // The rollback's lines reach the status through it, and nothing once this view is gone.
    std::shared_ptr<WorkerRelay<HistoryView>> m_relay;
    QString m_lastAction; // the outcome of the last rollback, kept across refreshes
};

} // namespace Shipyard
