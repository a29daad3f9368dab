// SPDX-License-Identifier: GPL-2.0-or-later
#include "doctor/DoctorView.h"

#include "doctor/DoctorModel.h"
#include "doctor/DoctorPlan.h"
#include "doctor/DoctorRunner.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Shipyard {

namespace {

// As `shipyardctl doctor` waits by default.
constexpr std::chrono::milliseconds checkTimeout { 5000 };

} // namespace

DoctorView::DoctorView(QWidget *parent)
    : QWidget(parent), m_runner(new DoctorRunner(this)), m_model(new DoctorModel(this))
{
    m_model->setRunner(m_runner);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *top = new QHBoxLayout;
    auto *title = new QLabel(tr("<b>Health</b>"));
    top->addWidget(title);
    m_summary = new QLabel;
    m_summary->setAccessibleName(tr("Summary of the checks"));
    top->addWidget(m_summary, 1);
    m_again = new QPushButton(tr("Check &Again"));
    m_again->setToolTip(tr("Check every cluster, server, repository and tool again"));
    connect(m_again, &QPushButton::clicked, this, &DoctorView::checkAgain);
    top->addWidget(m_again);
    layout->addLayout(top);

    m_table = new QTableView;
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("What deliveries need, checked"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(DoctorModel::DetailColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    title->setBuddy(m_table);
    layout->addWidget(m_table, 1);

    m_details = new QLabel;
    m_details->setAccessibleName(tr("Details of the selected check"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setFrameShape(QFrame::StyledPanel);
    m_details->setMargin(8);
    m_details->setMinimumHeight(70);
    layout->addWidget(m_details);

    connect(m_model, &QAbstractItemModel::modelReset, this, &DoctorView::updateSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &DoctorView::updateSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &DoctorView::showSelected);
    connect(m_model, &QAbstractItemModel::headerDataChanged, this, &DoctorView::updateSummary);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &DoctorView::showSelected);
    // What needs doing first: the first broken check (else the first
    // warning) is selected once all have answered, unless one is already.
    connect(m_runner, &DoctorRunner::finished, this, [this] {
        if (m_table->currentIndex().isValid())
            return;
        for (const DoctorResult::Verdict wanted : { DoctorResult::Verdict::Broken, DoctorResult::Verdict::Warning }) {
            for (int row = 0; row < m_model->rowCount(); ++row) {
                const QModelIndex index = m_model->index(row, DoctorModel::DetailColumn);
                if (index.data(DoctorModel::VerdictRole).toInt() == int(wanted)) {
                    m_table->setCurrentIndex(index);
                    return;
                }
            }
        }
    });
    updateSummary();
    showSelected();
}

DoctorView::~DoctorView()
{
    // A check waiting on a silent server ends at its timeout; the program
    // must not exit under it (a thread cut off inside libcurl can crash).
    m_runner->cancel();
    m_runner->waitForThreads(int(checkTimeout.count()) + 1000);
}

void DoctorView::setEcosystem(const std::optional<Ecosystem> &ecosystem, const ClusterAccess &cluster)
{
    m_runner->cancel();
    m_ecosystem = ecosystem;
    m_cluster = cluster;
    m_stale = true;
    m_again->setEnabled(m_ecosystem.has_value());
    if (isVisible())
        checkAgain();
    else
        m_runner->start({}, checkTimeout); // empties the rows of the previous ecosystem
}

void DoctorView::checkAgain()
{
    if (!m_ecosystem)
        return;
    m_stale = false;
    m_runner->setMasker(m_ecosystem->secretMasker());
    m_runner->start(DoctorPlan::checksFor(*m_ecosystem, m_cluster), checkTimeout);
}

bool DoctorView::isChecking() const
{
    return m_runner->isRunning();
}

void DoctorView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    checkIfStale();
}

void DoctorView::checkIfStale()
{
    if (m_stale && m_ecosystem)
        checkAgain();
}

void DoctorView::updateSummary()
{
    m_summary->setText(m_model->summary());
    m_again->setEnabled(m_ecosystem.has_value() && !m_runner->isRunning());
}

void DoctorView::showSelected()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_details->setText(tr("Select a check to see what it found and what to do about it."));
        return;
    }
    const QModelIndex row = current.siblingAtColumn(DoctorModel::ComponentColumn);
    m_details->setText(tr("<b>%1 — %2</b><br>%3")
            .arg(row.data().toString().toHtmlEscaped(),
                current.siblingAtColumn(DoctorModel::CheckColumn).data().toString().toHtmlEscaped(),
                current.data(Qt::ToolTipRole)
                    .toString()
                    .toHtmlEscaped()
                    .replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
}

} // namespace Shipyard
