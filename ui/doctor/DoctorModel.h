// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "doctor/DoctorResult.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

#include <optional>

namespace Shipyard {

class DoctorRunner;

// The checks of a DoctorRunner, one row each: every row is there as soon as
// the run starts ("checking…"), and each fills in when its result comes,
// so that a server that never answers leaves only its own row waiting.
class DoctorModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ComponentColumn, CheckColumn, VerdictColumn, LatencyColumn, DetailColumn, ColumnCount };
    enum Role {
        VerdictRole = Qt::UserRole + 1, // int(DoctorResult::Verdict), or -1 while checking
        RemedyRole,
        NeededRole,
    };

    explicit DoctorModel(QObject *parent = nullptr);

    // Follows RUNNER's runs from now on (null: none).
    void setRunner(DoctorRunner *runner);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    bool isChecking() const;
    int count(DoctorResult::Verdict verdict) const;
    // Whether anything a delivery needs is broken (of the results so far).
    bool blocksDelivery() const;
    // "Checking… 9 of 14 answered" or "14 checks in 5.8 s: 12 ok, 2 broken".
    QString summary() const;

private:
    struct Row
    {
        QString component;
        QString check;
        std::optional<DoctorResult> result;
    };
    void reset();
    void fill(int index, const DoctorResult &result);

    QPointer<DoctorRunner> m_runner;
    QList<Row> m_rows;
    bool m_checking = false;
};

} // namespace Shipyard
