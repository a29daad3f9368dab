// SPDX-License-Identifier: GPL-2.0-or-later
#include "history/HistoryView.h"

#include "widgets/EnvironmentComboBox.h"

#include "history/ReleaseHistoryModel.h"
#include "widgets/BackgroundTask.h"
#include "widgets/ConfirmationDialog.h"

#include "kube/KubeClient.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Shipyard {

HistoryView::HistoryView(QWidget *parent)
    : QWidget(parent), m_model(new ReleaseHistoryModel(this)), m_filter(new QSortFilterProxyModel(this))
{
    m_relay = std::make_shared<WorkerRelay<HistoryView>>(this);
    m_filter->setSourceModel(m_model);
    m_filter->setFilterKeyColumn(-1);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *bar = new QHBoxLayout;
    auto *environmentLabel = new QLabel(tr("E&nvironment:"));
    m_environment = new EnvironmentComboBox;
    m_environment->setSettingsKey(QStringLiteral("history"));
    m_environment->setAccessibleName(tr("Environment of the history"));
    environmentLabel->setBuddy(m_environment);
    bar->addWidget(environmentLabel);
    bar->addWidget(m_environment);
    m_filterField = new QLineEdit;
    m_filterField->setPlaceholderText(tr("Filter: release, person, task, image, result…"));
    m_filterField->setAccessibleName(tr("Filter the releases"));
    m_filterField->setClearButtonEnabled(true);
    bar->addWidget(m_filterField, 1);
    m_refresh = new QPushButton(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Re&fresh"));
    m_refresh->setAccessibleName(tr("Read the release records again"));
    bar->addWidget(m_refresh);
    m_rollback = new QPushButton(QIcon::fromTheme(QStringLiteral("edit-undo")), tr("&Roll Back to This Release…"));
    m_rollback->setAccessibleName(tr("Roll back to the selected release"));
    bar->addWidget(m_rollback);
    layout->addLayout(bar);

    m_table = new QTableView;
    m_table->setModel(m_filter);
    m_table->setAccessibleName(tr("Releases, newest first"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(ReleaseHistoryModel::IdColumn, 190);
    m_table->setColumnWidth(ReleaseHistoryModel::TimeColumn, 160);
    m_table->setColumnWidth(ReleaseHistoryModel::WhoColumn, 170);
    m_table->setColumnWidth(ReleaseHistoryModel::TasksColumn, 100);
    m_table->setColumnWidth(ReleaseHistoryModel::SystemsColumn, 380);
    m_table->setColumnWidth(ReleaseHistoryModel::ResultColumn, 120);
    layout->addWidget(m_table, 1);
    m_status = new QLabel;
    m_status->setAccessibleName(tr("State of the history"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    connect(m_filterField, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_environment, &QComboBox::currentIndexChanged, this, &HistoryView::environmentChanged);
    connect(m_refresh, &QPushButton::clicked, this, &HistoryView::refresh);
    connect(m_rollback, &QPushButton::clicked, this, &HistoryView::requestRollback);
    connect(m_table, &QTableView::activated, this, &HistoryView::requestRollback);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HistoryView::updateButtons);
    connect(m_model, &ReleaseHistoryModel::loaded, this, [this](const QString &error) {
        const QString count = m_model->rowCount() == 0
            ? tr("No releases recorded in %1 yet: every delivery and rollback records one.").arg(environment())
            : tr("%n release(s) in %1.", nullptr, m_model->rowCount()).arg(environment());
        m_status->setText(!error.isEmpty() ? error
                : m_lastAction.isEmpty()   ? count
                                           : count + QLatin1Char(' ') + m_lastAction);
        updateButtons();
    });
    m_status->setText(tr("Open an ecosystem to see its releases."));
    updateButtons();
}

HistoryView::~HistoryView()
{
    m_relay->detach();
}

void HistoryView::setEcosystem(const Ecosystem &ecosystem, const ClusterAccess &cluster)
{
    m_ecosystem = ecosystem;
    m_cluster = cluster;
    // Staging sees the most deliveries, failed ones included: show it first.
    m_environment->setEcosystem(ecosystem, EnvironmentKind::Staging);
    environmentChanged();
}

QString HistoryView::environment() const
{
    return m_environment->environment();
}

bool HistoryView::setEnvironment(const QString &name)
{
    return m_environment->setEnvironment(name);
}

void HistoryView::environmentChanged()
{
    const Environment *environment = m_ecosystem.environment(this->environment());
    if (!environment) {
        m_model->setSource({}, {});
        updateButtons();
        return;
    }
    QString error;
    const KubeClient client = m_cluster.client(environment->context, &error);
    m_model->setSource(client, environment->namespaceName);
    if (!client.isValid()) {
        m_status->setText(tr("%1: %2").arg(environment->name, error));
        updateButtons();
        return;
    }
    refresh();
}

void HistoryView::refresh()
{
    m_status->setText(tr("Reading the releases of %1…").arg(environment()));
    m_model->refresh();
}

bool HistoryView::isLoading() const
{
    return m_model->isLoading();
}

QString HistoryView::statusText() const
{
    return m_status->text();
}

bool HistoryView::selectRelease(const QString &id)
{
    const int row = m_model->rowOfRelease(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

QString HistoryView::selectedRelease() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(ReleaseHistoryModel::IdRole).toString();
}

void HistoryView::updateButtons()
{
    m_rollback->setEnabled(!m_rollingBack && !selectedRelease().isEmpty());
    m_refresh->setEnabled(!m_rollingBack);
}

void HistoryView::requestRollback()
{
    const QString id = selectedRelease();
    const ReleaseRecord *record = m_model->record(m_model->rowOfRelease(id));
    const Environment *environment = m_ecosystem.environment(this->environment());
    if (!record || !environment || m_rollingBack)
        return;
    QString systems;
    for (const ReleaseRecord::SystemRelease &system : record->systems) {
        systems += system.image.isEmpty()
            ? tr("<li><b>%1</b>: removed (it did not exist then)</li>").arg(system.system.toHtmlEscaped())
            : tr("<li><b>%1</b>: <tt>%2</tt></li>").arg(system.system.toHtmlEscaped(), system.image.toHtmlEscaped());
    }
    const ReleaseRecord *current = m_model->record(0);
    const QString text =
        tr("<p><b>%1</b> (context <tt>%2</tt>, namespace <tt>%3</tt>) goes back to release <b>%4</b> of %5, "
           "exactly as recorded: every object re-applied, objects added since then removed:</p><ul>%6</ul>"
           "<p>The running release%7 is marked rolled back and the restored state recorded as a new release. "
           "The environment's delivery lock is held meanwhile.</p>")
            .arg(environment->name.toHtmlEscaped(), environment->context.toHtmlEscaped(),
                environment->namespaceName.toHtmlEscaped(), record->id,
                QLocale().toString(record->time.toLocalTime(), QLocale::ShortFormat), systems,
                current && current->id != record->id ? QStringLiteral(" ") + current->id : QString());
    ConfirmationDialog confirm(tr("Roll back %1").arg(environment->name), text, tr("&Roll Back"),
        environment->isProtected ? environment->name : QString(), this);
    if (confirm.exec() != QDialog::Accepted)
        return;
    startRollback(id);
}

bool HistoryView::startRollback(const QString &releaseId, const ReleaseRollback::Options &options)
{
    if (m_rollingBack || !m_ecosystem.environment(environment()))
        return false;
    m_rollingBack = true;
    updateButtons();
    const QString environmentName = environment();
    m_status->setText(tr("Rolling %1 back to %2…").arg(environmentName, releaseId));
    ReleaseRollback::Options withCluster = options;
    if (!withCluster.cluster.isValid())
        withCluster.cluster = m_cluster;
    const auto relay = m_relay;
    const QString rolling = m_status->text();
    runInBackground([ecosystem = m_ecosystem, environmentName, options = withCluster, releaseId, relay, rolling] {
        ReleaseRollback rollback(ecosystem, environmentName, options);
        rollback.setLog([relay, rolling](const QString &line) {
            relay->post([rolling, line](HistoryView *view) {
                if (!view->m_rollingBack)
                    return;
                view->m_status->setText(rolling + QLatin1Char(' ') + line);
                Q_EMIT view->rollbackProgressed(line);
            });
        });
        return rollback.run(releaseId);
    }).then(this, [this, environmentName](const ReleaseRollback::Result &result) {
        m_rollingBack = false;
        updateButtons();
        m_lastAction = result.ok ? tr("%1 is back at %2 (new release %3, %4 s).")
                                       .arg(environmentName, result.restoredId, result.newReleaseId)
                                       .arg(double(result.duration.count()) / 1000.0, 0, 'f', 1)
                                 : tr("Rollback of %1 failed: %2").arg(environmentName, result.error);
        m_status->setText(m_lastAction);
        if (environmentName == environment())
            m_model->refresh();
        Q_EMIT rollbackFinished(result);
    });
    return true;
}

} // namespace Shipyard
