// SPDX-License-Identifier: GPL-2.0-or-later
#include "environments/DiagnosticsModel.h"

#include <QApplication>
#include <QStyle>

#include <algorithm>

namespace Shipyard {

void DiagnosticsModel::setDiagnostics(const Diagnostics &diagnostics)
{
    // A new file replaces the whole list; this is not a live stream.
    beginResetModel();
    m_diagnostics = diagnostics;
    endResetModel();
}

int DiagnosticsModel::errorCount() const
{
    return int(std::ranges::count_if(m_diagnostics, &Diagnostic::isError));
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diagnostics.size());
}

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Diagnostic &d = m_diagnostics.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (d.location.isValid())
            return tr("Line %1, column %2: %3").arg(d.location.line).arg(d.location.column).arg(d.message);
        return d.message;
    case Qt::ToolTipRole:
        return d.toString();
    case Qt::DecorationRole:
        return QApplication::style()->standardIcon(
            d.isError() ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning);
    case LineRole:
        return d.location.line;
    case ColumnRole:
        return d.location.column;
    case IsErrorRole:
        return d.isError();
    default:
        return {};
    }
}

} // namespace Shipyard
