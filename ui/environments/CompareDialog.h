// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

#include <QDialog>
#include <QHash>

#include <functional>

class QLabel;
class QPushButton;
class QTreeView;

namespace Shipyard {

class EnvironmentComboBox;
class EnvironmentComparisonModel;

// The release manager's release notes: what one environment runs that
// another does not — commits and tasks per system — read from the commits
// the environments run now and the systems' repositories on this machine.
class CompareDialog : public QDialog
{
    Q_OBJECT
public:
    // COMMITSOF: an environment's name → system → the commit it runs.
    using CommitsOf = std::function<QHash<QString, QString>(const QString &environment)>;

    CompareDialog(const Ecosystem &ecosystem, CommitsOf commitsOf, QWidget *parent = nullptr);

    bool setEnvironments(const QString &from, const QString &to);
    EnvironmentComparisonModel *model() const { return m_model; }
    // True while a comparison is being read (off the UI thread).
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void compared();

private:
    void compare();

    Ecosystem m_ecosystem;
    CommitsOf m_commitsOf;
    EnvironmentComboBox *m_from = nullptr;
    EnvironmentComboBox *m_to = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_copy = nullptr;
    EnvironmentComparisonModel *m_model = nullptr;
    bool m_busy = false;
    int m_generation = 0; // answers of older comparisons are dropped
};

} // namespace Shipyard
