// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "support/Diagnostic.h"

#include <QAbstractListModel>

namespace Shipyard {

// The problems found in the open ecosystem file, one row each.
class DiagnosticsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        LineRole = Qt::UserRole + 1,
        ColumnRole,
        IsErrorRole,
    };

    using QAbstractListModel::QAbstractListModel;

    void setDiagnostics(const Diagnostics &diagnostics);
    int errorCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    Diagnostics m_diagnostics;
};

} // namespace Shipyard
