// SPDX-License-Identifier: GPL-2.0-or-later
#include "doctor/DoctorModel.h"

#include "doctor/DoctorRunner.h"
#include "widgets/ColorScheme.h"

#include <QColor>

namespace Shipyard {

DoctorModel::DoctorModel(QObject *parent) : QAbstractTableModel(parent)
{ }

void DoctorModel::setRunner(DoctorRunner *runner)
{
    if (m_runner)
        disconnect(m_runner, nullptr, this, nullptr);
    m_runner = runner;
    if (runner) {
        connect(runner, &DoctorRunner::started, this, &DoctorModel::reset);
        connect(runner, &DoctorRunner::resultReady, this, &DoctorModel::fill);
        connect(runner, &DoctorRunner::finished, this, [this] {
            m_checking = false;
            // The summary's elapsed time is final now.
            Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
        });
    }
    reset();
}

void DoctorModel::reset()
{
    beginResetModel();
    m_rows.clear();
    m_checking = m_runner && m_runner->isRunning();
    if (m_runner) {
        const DoctorRunner::Checks &checks = m_runner->checks();
        for (qsizetype i = 0; i < checks.size(); ++i)
            m_rows.append({ checks[i]->component(), checks[i]->check(), m_runner->results().value(i) });
    }
    endResetModel();
}

void DoctorModel::fill(int index, const DoctorResult &result)
{
    if (index < 0 || index >= m_rows.size())
        return;
    m_rows[index].result = result;
    Q_EMIT dataChanged(this->index(index, 0), this->index(index, ColumnCount - 1));
}

int DoctorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DoctorModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DoctorModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    const std::optional<DoctorResult> &result = row.result;
    switch (role) {
    case VerdictRole:
        return result ? int(result->verdict) : -1;
    case RemedyRole:
        return result ? result->remedy : QString();
    case NeededRole:
        return result ? result->neededForDelivery : true;
    case Qt::ToolTipRole:
        if (!result)
            return tr("Waiting for an answer…");
        return result->remedy.isEmpty() ? result->detail
                                        : tr("%1\n\nWhat to do: %2").arg(result->detail, result->remedy);
    case Qt::ForegroundRole: {
        if (index.column() != VerdictColumn || !result)
            return {};
        const bool dark = ColorScheme::isDark();
        switch (result->verdict) {
        case DoctorResult::Verdict::Ok:
            return QColor(dark ? 0x81c995 : 0x1e7e34);
        case DoctorResult::Verdict::Warning:
            return QColor(dark ? 0xfdd663 : 0x9a6700);
        case DoctorResult::Verdict::Broken:
            return QColor(dark ? 0xf28b82 : 0xc5221f);
        case DoctorResult::Verdict::Skipped:
            return {};
        }
        return {};
    }
    case Qt::TextAlignmentRole:
        if (index.column() == LatencyColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case ComponentColumn:
        return row.component;
    case CheckColumn:
        return row.check;
    case VerdictColumn:
        if (!result)
            return tr("checking…");
        if (result->verdict == DoctorResult::Verdict::Broken && !result->neededForDelivery)
            return tr("broken (optional)");
        return DoctorResult::verdictName(result->verdict);
    case LatencyColumn:
        return result ? tr("%1 ms").arg(result->latencyMs) : QString();
    case DetailColumn:
        if (!result)
            return QString();
        return result->remedy.isEmpty() ? result->detail : tr("%1 → %2").arg(result->detail, result->remedy);
    default:
        return {};
    }
}

QVariant DoctorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ComponentColumn:
        return tr("Component");
    case CheckColumn:
        return tr("Check");
    case VerdictColumn:
        return tr("Verdict");
    case LatencyColumn:
        return tr("Latency");
    case DetailColumn:
        return tr("Found / what to do");
    default:
        return {};
    }
}

bool DoctorModel::isChecking() const
{
    return m_checking;
}

int DoctorModel::count(DoctorResult::Verdict verdict) const
{
    int n = 0;
    for (const Row &row : m_rows)
        n += row.result && row.result->verdict == verdict ? 1 : 0;
    return n;
}

bool DoctorModel::blocksDelivery() const
{
    for (const Row &row : m_rows) {
        if (row.result && row.result->blocksDelivery())
            return true;
    }
    return false;
}

QString DoctorModel::summary() const
{
    if (m_rows.isEmpty())
        return m_runner ? tr("Nothing to check.") : tr("Open an ecosystem to check what its deliveries need.");
    int answered = 0;
    for (const Row &row : m_rows)
        answered += row.result ? 1 : 0;
    if (m_checking)
        return tr("Checking… %1 of %2 answered.").arg(answered).arg(m_rows.size());
    const QString seconds = m_runner ? QString::number(double(m_runner->elapsedMs()) / 1000.0, 'f', 1) : QString();
    return tr("%1 checks in %2 s: %3 ok, %4, %5 broken, %6 skipped. %7")
        .arg(m_rows.size())
        .arg(seconds)
        .arg(count(DoctorResult::Verdict::Ok))
        .arg(tr("%n warning(s)", nullptr, count(DoctorResult::Verdict::Warning)))
        .arg(count(DoctorResult::Verdict::Broken))
        .arg(count(DoctorResult::Verdict::Skipped))
        .arg(blocksDelivery() ? tr("Deliveries would fail: fix what is broken first.")
                              : tr("Everything a delivery needs is ok."));
}

} // namespace Shipyard
