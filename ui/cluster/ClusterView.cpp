// SPDX-License-Identifier: GPL-2.0-or-later
#include "cluster/ClusterView.h"

#include "cluster/ApplyDiffView.h"
#include "cluster/ClusterFilterProxyModel.h"
#include "cluster/ClusterTreeModel.h"
#include "cluster/DeploymentPanel.h"
#include "cluster/EventListModel.h"
#include "cluster/PodLogView.h"
#include "cluster/SystemLogView.h"
#include "live/SystemLogStream.h"
#include "support/YamlText.h"
#include "widgets/EcosystemSourceView.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace Shipyard {

using Kind = ClusterTreeModel::Kind;

namespace {

QString kubeKind(Kind kind)
{
    static const char *const kinds[] = { "", "", "Deployment", "ReplicaSet", "Pod", "" };
    return QLatin1String(kinds[int(kind)]);
}

} // namespace

ClusterView::ClusterView(ClusterTreeModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new ClusterFilterProxyModel(this)), m_events(new EventListModel(this))
{
    m_proxy->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Horizontal);
    layout->addWidget(splitter);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 6, 6);
    m_filter = new QLineEdit;
    m_filter->setPlaceholderText(tr("Filter by name…"));
    m_filter->setAccessibleName(tr("Filter the cluster tree by name"));
    m_filter->setClearButtonEnabled(true);
    m_showOld = new QCheckBox(tr("&Old replica sets"));
    m_showOld->setAccessibleName(tr("Show replica sets scaled to zero"));
    m_showOld->setToolTip(tr("Show the replica sets of earlier revisions, kept for rollbacks"));
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_showOld);
    leftLayout->addLayout(filterRow);
    m_tree = new QTreeView;
    m_tree->setModel(m_proxy);
    m_tree->setAccessibleName(tr("Cluster objects"));
    m_tree->setUniformRowHeights(true); // 10,000 pods lay out in constant time
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ClusterTreeModel::NameColumn, QHeaderView::Stretch);
    for (int column = ClusterTreeModel::StatusColumn; column < ClusterTreeModel::ColumnCount; ++column)
        m_tree->header()->setSectionResizeMode(column, QHeaderView::Interactive);
    m_tree->header()->resizeSection(ClusterTreeModel::StatusColumn, 150);
    m_tree->header()->resizeSection(ClusterTreeModel::ReadyColumn, 60);
    m_tree->header()->resizeSection(ClusterTreeModel::RestartsColumn, 70);
    m_tree->header()->resizeSection(ClusterTreeModel::AgeColumn, 50);
    leftLayout->addWidget(m_tree, 1);
    splitter->addWidget(left);

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(6, 6, 6, 6);
    m_title = new QLabel(tr("Select an object to see its events, YAML and log."));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_title->setAccessibleName(tr("Selected object"));
    rightLayout->addWidget(m_title);
    m_details = new QTabWidget;
    m_details->setDocumentMode(true);

    m_eventsPage = new QWidget;
    auto *eventsLayout = new QVBoxLayout(m_eventsPage);
    eventsLayout->setContentsMargins(0, 0, 0, 0);
    m_eventsError = new QLabel;
    m_eventsError->setWordWrap(true);
    m_eventsError->hide();
    eventsLayout->addWidget(m_eventsError);
    auto *eventsView = new QTableView;
    eventsView->setModel(m_events);
    eventsView->setAccessibleName(tr("Events of the selected object"));
    eventsView->verticalHeader()->hide();
    eventsView->horizontalHeader()->setStretchLastSection(true);
    eventsView->setWordWrap(false);
    eventsLayout->addWidget(eventsView, 1);
    m_details->addTab(m_eventsPage, tr("Events"));

    m_yaml = new EcosystemSourceView;
    m_yaml->setAccessibleName(tr("YAML of the selected object"));
    m_details->addTab(m_yaml, tr("YAML"));
    m_logs = new PodLogView;
    m_details->addTab(m_logs, tr("Log"));
    m_deployment = new DeploymentPanel;
    m_details->addTab(m_deployment, tr("Rollout"));
    m_systemLog = new SystemLogView;
    m_details->addTab(m_systemLog, tr("System log"));
    m_details->setTabToolTip(m_details->indexOf(m_systemLog),
        tr("Every pod of the deployment, each container, merged by time and followed"));
    m_diff = new ApplyDiffView;
    m_diff->setAccessibleName(tr("Drift of the selected object from what a delivery would apply"));
    m_details->addTab(m_diff, tr("Diff"));
    rightLayout->addWidget(m_details, 1);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        if (!text.isEmpty())
            m_tree->expandAll();
    });
    connect(m_showOld, &QCheckBox::toggled, m_proxy, &ClusterFilterProxyModel::setShowOldReplicaSets);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        m_selected = m_proxy->mapToSource(current.siblingAtColumn(0));
        m_autoSelect = false;
        showSelected();
    });
    connect(m_model, &ClusterTreeModel::idle, this, [this] {
        if (!m_autoSelect || m_selected.isValid())
            return;
        const QModelIndex failing = m_model->firstFailingPod();
        if (!failing.isValid())
            return;
        select(failing);
        m_details->setCurrentWidget(m_logs);
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ClusterView::refreshSelected);
    connect(m_details, &QTabWidget::currentChanged, this, &ClusterView::followSystemLog);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ClusterView::expandNew);
    connect(m_events, &EventListModel::errorChanged, this, [this](const QString &error) {
        m_eventsError->setText(error.isEmpty() ? QString() : tr("Cannot read the events: %1").arg(error));
        m_eventsError->setVisible(!error.isEmpty());
    });
    showSelected();
}

ClusterView::~ClusterView() = default;

void ClusterView::expandNew(const QModelIndex &parent, int first, int last)
{
    // Contexts, namespaces and deployments open as they arrive; a replica set
    // only while it has pods, so old revisions stay folded. A row may arrive
    // with its children (owners that came after what they own).
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_proxy->index(row, 0, parent);
        const auto kind = Kind(index.data(ClusterTreeModel::KindRole).toInt());
        // A pod has no children; asking the proxy would make it map each of
        // tens of thousands, and every removal among them would then cost a
        // pass over its siblings' mappings.
        if (kind == Kind::Pod)
            continue;
        if (kind != Kind::ReplicaSet && m_proxy->rowCount(index) > 0)
            expandNew(index, 0, m_proxy->rowCount(index) - 1);
        const bool open = kind == Kind::Context || kind == Kind::Namespace || kind == Kind::Deployment ||
            (kind == Kind::ReplicaSet &&
                !index.siblingAtColumn(ClusterTreeModel::ReadyColumn).data().toString().endsWith(QLatin1String("/0")));
        if (open)
            m_tree->expand(index);
    }
}

void ClusterView::select(const QModelIndex &sourceIndex)
{
    const QModelIndex index = m_proxy->mapFromSource(sourceIndex);
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        m_tree->expand(parent);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

bool ClusterView::isDetailSettled() const
{
    if (!m_selected.isValid())
        return true;
    const auto kind = Kind(m_selected.data(ClusterTreeModel::KindRole).toInt());
    if (kind != Kind::Deployment && kind != Kind::ReplicaSet && kind != Kind::Pod)
        return true;
    if (!m_events->hasSynced() && m_events->errorString().isEmpty())
        return false;
    if (kind == Kind::Deployment && m_details->currentWidget() == m_systemLog && m_systemLog->stream() &&
        m_systemLog->stream()->lineCount() == 0 && m_systemLog->stream()->isRunning())
        return false;
    return kind != Kind::Pod || m_logs->lineCount() > 0 || m_logs->statusText() != tr("Connecting…");
}

void ClusterView::showSelected()
{
    const QModelIndex index = m_selected;
    const auto kind = index.isValid() ? Kind(index.data(ClusterTreeModel::KindRole).toInt()) : Kind::Error;
    const bool object = kind == Kind::Deployment || kind == Kind::ReplicaSet || kind == Kind::Pod;
    const QString context = index.data(ClusterTreeModel::ContextRole).toString();
    const QString ns = index.data(ClusterTreeModel::NamespaceRole).toString();
    const QString name = index.data(ClusterTreeModel::ObjectNameRole).toString();
    if (!object) {
        m_title->setText(index.isValid() && kind == Kind::Error
                ? index.data(Qt::ToolTipRole).toString()
                : tr("Select a deployment, replica set or pod to see its events, YAML and log."));
        m_events->setObject({}, {}, {}, {});
        m_yaml->setSource({});
        m_logs->setPod({}, {}, {});
        m_deployment->clear();
        m_diff->clear();
        m_systemLogTarget = {};
        followSystemLog();
        return;
    }
    m_title->setText(tr("%1 %2 in namespace %3 (context %4)").arg(ClusterTreeModel::kindName(kind), name, ns, context));
    const KubeClient client = m_model->client(context);
    const QJsonObject json = m_model->object(index);
    m_events->setObject(client, ns, kubeKind(kind), name);
    m_yaml->setSource(YamlText::fromJson(json));
    m_details->setTabEnabled(m_details->indexOf(m_logs), kind == Kind::Pod);
    m_details->setTabEnabled(m_details->indexOf(m_deployment), kind == Kind::Deployment);
    m_logs->setPod(client, ns, kind == Kind::Pod ? json : QJsonObject());
    m_details->setTabEnabled(m_details->indexOf(m_systemLog), kind == Kind::Deployment);
    if (kind == Kind::Deployment)
        m_deployment->setDeployment(client, context, json);
    else
        m_deployment->clear();
    m_systemLogTarget = kind == Kind::Deployment ? SystemLogTarget { client, ns, name } : SystemLogTarget {};
    followSystemLog();
    showDiffOf(index);
}

void ClusterView::followSystemLog()
{
    // Only while the tab is shown; the same deployment keeps its lines.
    const bool shown = m_details->currentWidget() == m_systemLog;
    const SystemLogTarget &target = m_systemLogTarget;
    if (!shown || target.name.isEmpty()) {
        if (target.name != m_systemLog->deployment() || target.name.isEmpty())
            m_systemLog->setDeployment({}, {}, {});
        return;
    }
    if (m_systemLog->deployment() == target.name && m_systemLog->stream() && m_systemLog->stream()->ns() == target.ns &&
        m_systemLog->stream()->isRunning())
        return;
    m_systemLog->setDeployment(target.client, target.ns, target.name);
}

bool ClusterView::showSystemLog(const QString &context, const QString &ns, const QString &deployment)
{
    const QModelIndex index = m_model->findIndex(Kind::Deployment, context, ns, deployment);
    if (!index.isValid())
        return false;
    select(index);
    m_details->setCurrentWidget(m_systemLog);
    return true;
}

void ClusterView::setEcosystem(const Ecosystem &ecosystem)
{
    m_diff->setEcosystem(ecosystem);
    m_deployment->setEcosystem(ecosystem);
}

void ClusterView::showDiffOf(const QModelIndex &index)
{
    // Manifests hold deployments: a replica set or pod is compared as its deployment.
    QModelIndex owner = index;
    while (owner.isValid() && Kind(owner.data(ClusterTreeModel::KindRole).toInt()) != Kind::Deployment)
        owner = owner.parent();
    const QModelIndex subject = owner.isValid() ? owner : index;
    const auto kind = Kind(subject.data(ClusterTreeModel::KindRole).toInt());
    const QString context = subject.data(ClusterTreeModel::ContextRole).toString();
    m_diff->setObject(m_model->client(context), context, subject.data(ClusterTreeModel::NamespaceRole).toString(),
        kubeKind(kind), subject.data(ClusterTreeModel::ObjectNameRole).toString());
}

void ClusterView::refreshSelected(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (!m_selected.isValid() || m_selected.parent() != topLeft.parent() || m_selected.row() < topLeft.row() ||
        m_selected.row() > bottomRight.row())
        return;
    // The object changed: its YAML follows, at the same scroll position.
    const QJsonObject json = m_model->object(m_selected);
    if (json.isEmpty())
        return;
    const int scroll = m_yaml->verticalScrollBar()->value();
    m_yaml->setSource(YamlText::fromJson(json));
    m_yaml->verticalScrollBar()->setValue(scroll);
    if (Kind(m_selected.data(ClusterTreeModel::KindRole).toInt()) == Kind::Deployment) {
        m_deployment->updateDeployment(json);
        m_diff->objectChanged();
    }
}

} // namespace Shipyard
