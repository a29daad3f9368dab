// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/ClusterAccess.h"
#include "model/Ecosystem.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTableView;

namespace Shipyard {

class DoctorModel;
class DoctorRunner;

// The Health view: what `shipyardctl doctor` checks, in the window. Only
// shows: the checks run in core (DoctorRunner), and a DoctorModel fills
// row by row. A run starts when the view is first shown after an ecosystem
// opens (the checks touch every server), and again on "Check Again".
class DoctorView : public QWidget
{
    Q_OBJECT
public:
    explicit DoctorView(QWidget *parent = nullptr);
    ~DoctorView() override;

    void setEcosystem(const std::optional<Ecosystem> &ecosystem, const ClusterAccess &cluster);
    void checkAgain();
    // Checks unless the results shown are of the current ecosystem already.
    void checkIfStale();

    DoctorModel *model() const { return m_model; }
    DoctorRunner *runner() const { return m_runner; }
    bool isChecking() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateSummary();
    void showSelected();

    std::optional<Ecosystem> m_ecosystem;
    ClusterAccess m_cluster;
    bool m_stale = true; // the shown results are not of this ecosystem
    DoctorRunner *m_runner = nullptr;
    DoctorModel *m_model = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_again = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_details = nullptr;
};

} // namespace Shipyard
