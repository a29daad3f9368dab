// SPDX-License-Identifier: GPL-2.0-or-later
#include "cluster/DeploymentPanel.h"

#include "cluster/RolloutHistoryModel.h"
#include "widgets/BackgroundTask.h"
#include "widgets/ConfirmationDialog.h"
#include "widgets/RolloutChartView.h"

#include "kube/AccessReview.h"
#include "kube/DeploymentRollout.h"
#include "live/ReplicaTimeline.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace Shipyard {

DeploymentPanel::DeploymentPanel(QWidget *parent)
    : QWidget(parent), m_history(new RolloutHistoryModel(this)), m_timeline(new ReplicaTimeline(this))
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel;
    m_title->setTextFormat(Qt::PlainText);
    layout->addWidget(m_title);
    auto *buttons = new QHBoxLayout;
    m_undo = new QPushButton(tr("&Undo to Selected Revision"));
    m_scale = new QPushButton(tr("&Scale…"));
    m_restart = new QPushButton(tr("&Restart"));
    m_undo->setAccessibleName(tr("Undo the rollout to the selected revision"));
    m_scale->setAccessibleName(tr("Scale the deployment"));
    m_restart->setAccessibleName(tr("Restart the deployment's pods"));
    buttons->addWidget(m_undo);
    buttons->addWidget(m_scale);
    buttons->addWidget(m_restart);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Result of the last action"));
    layout->addWidget(m_status);
    m_historyView = new QTableView;
    m_historyView->setModel(m_history);
    m_historyView->setAccessibleName(tr("Rollout history"));
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->verticalHeader()->hide();
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_chart = new RolloutChartView;
    m_chart->setTimeline(m_timeline);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_chart);
    splitter->addWidget(m_historyView);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_undo, &QPushButton::clicked, this, [this] { undo(selectedRevision()); });
    connect(m_restart, &QPushButton::clicked, this, &DeploymentPanel::restart);
    connect(m_scale, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const int replicas = QInputDialog::getInt(
            this, tr("Scale %1").arg(m_name), tr("Replicas of %1:").arg(m_name), m_replicas, 0, 10000, 1, &ok);
        if (ok)
            scale(replicas);
    });
    clear();
}

void DeploymentPanel::clear()
{
    ++m_generation;
    m_client = {};
    m_name.clear();
    m_title->setText(tr("Select a deployment to see its rollout history."));
    m_status->clear();
    m_history->setRevisions({});
    m_timeline->clear();
    m_chart->setTimeline(m_timeline);
    for (QPushButton *button : { m_undo, m_scale, m_restart }) {
        button->setEnabled(false);
        button->setToolTip({});
    }
}

void DeploymentPanel::setEcosystem(const Ecosystem &ecosystem)
{
    m_ecosystem = ecosystem.environments.isEmpty() ? nullptr : std::make_shared<const Ecosystem>(ecosystem);
}

void DeploymentPanel::setDeployment(const KubeClient &client, const QString &context, const QJsonObject &deployment)
{
    clear();
    const QJsonObject metadata = deployment.value(QLatin1String("metadata")).toObject();
    m_client = client;
    m_context = context;
    m_ns = metadata.value(QLatin1String("namespace")).toString();
    m_name = metadata.value(QLatin1String("name")).toString();
    m_title->setText(tr("Deployment %1 in %2 (%3)").arg(m_name, m_ns, m_context));
    m_chart->setTimeline(m_timeline, tr("Replicas of %1").arg(m_name));
    m_denied.clear();
    updateDeployment(deployment);
    checkAccess();
    reloadHistory();
}

void DeploymentPanel::updateDeployment(const QJsonObject &deployment)
{
    const QJsonObject metadata = deployment.value(QLatin1String("metadata")).toObject();
    if (metadata.value(QLatin1String("name")).toString() != m_name)
        return;
    m_timeline->record(deployment);
    m_replicas = deployment[QLatin1String("spec")][QLatin1String("replicas")].toInt(1);
    const qint64 revision = metadata.value(QLatin1String("annotations"))
                                .toObject()
                                .value(QLatin1String("deployment.kubernetes.io/revision"))
                                .toString()
                                .toLongLong();
    if (revision != m_revision) {
        m_revision = revision;
        m_history->setCurrentRevision(revision);
        reloadHistory();
    }
}

void DeploymentPanel::reloadHistory()
{
    if (!m_client.isValid() || m_name.isEmpty())
        return;
    const quint64 generation = m_generation;
    DeploymentRollout(m_client, m_ns, m_name).history().then(this, [this, generation](const RolloutHistory &history) {
        if (generation != m_generation)
            return;
        if (history.error.isError())
            m_status->setText(tr("Cannot read the rollout history of %1: %2").arg(m_name, history.error.message));
        m_history->setRevisions(history.revisions);
        m_history->setCurrentRevision(m_revision);
        Q_EMIT historyLoaded();
    });
}

void DeploymentPanel::checkAccess()
{
    setActionAllowed(m_undo, QStringLiteral("patch"), QStringLiteral("deployments.apps"));
    setActionAllowed(m_restart, QStringLiteral("patch"), QStringLiteral("deployments.apps"));
    setActionAllowed(m_scale, QStringLiteral("patch"), QStringLiteral("deployments.apps/scale"));
}

void DeploymentPanel::setActionAllowed(QPushButton *button, const QString &verb, const QString &resource)
{
    const quint64 generation = m_generation;
    button->setToolTip(tr("Checking whether you may %1 %2…").arg(verb, resource));
    AccessReview::canI(m_client, verb, resource, m_ns, m_name)
        .then(this, [this, button, generation, verb, resource](const AccessReview::Answer &answer) {
            if (generation != m_generation)
                return;
            const bool allowed = !answer.error.isError() && answer.allowed;
            button->setEnabled(allowed);
            if (allowed) {
                m_denied.remove(button);
                button->setToolTip({});
                return;
            }
            const QString reason = answer.error.isError()
                ? tr("Cannot check whether you may %1 %2 in %3: %4").arg(verb, resource, m_ns, answer.error.message)
                : tr("You may not %1 %2 in %3 (context %4)%5")
                      .arg(verb, resource, m_ns, m_context,
                          answer.reason.isEmpty() ? QString() : QStringLiteral(": ") + answer.reason);
            m_denied.insert(button, reason);
            button->setToolTip(reason);
        });
}

bool DeploymentPanel::confirm(
    const QString &title, const QString &question, const QString &actionText, const DeploymentAction::Place &place)
{
    if (!m_confirm)
        return true;
    QString text = question.toHtmlEscaped();
    if (!place.environment.isEmpty())
        text += QStringLiteral("<p>") +
            tr("This is the environment <b>%1</b>: the action takes its lock, is refused while a delivery runs, "
               "and is audited.")
                .arg(place.environment.toHtmlEscaped()) +
            QStringLiteral("</p>");
    ConfirmationDialog dialog(title, text, actionText, place.isProtected ? place.environment : QString(), this);
    return dialog.exec() == QDialog::Accepted;
}

void DeploymentPanel::act(DeploymentAction::Kind kind, const DeploymentAction::Options &options, const QString &title,
    const QString &question, const QString &actionText)
{
    if (m_acting)
        return;
    m_acting = true;
    const quint64 generation = m_generation;
    const KubeClient client = m_client;
    const QString ns = m_ns;
    const QString name = m_name;
    const std::shared_ptr<const Ecosystem> ecosystem = m_ecosystem;
    // The place is found anew for every action: the lock's Lease may have
    // appeared since the deployment was selected.
    runInBackground([client, ns, ecosystem] {
        return DeploymentAction::locate(ecosystem.get(), client, ns);
    }).then(this, [=, this](const DeploymentAction::Place &place) {
        if (generation != m_generation || !confirm(title, question, actionText, place)) {
            m_acting = false;
            return;
        }
        DeploymentAction::Options withJournal = options;
        withJournal.auditJournal = m_auditJournal;
        runInBackground([client, ns, name, kind, place, withJournal] {
            return DeploymentAction(client, ns, name).run(kind, place, withJournal);
        }).then(this, [this, generation](const DeploymentAction::Outcome &outcome) {
            m_acting = false;
            if (generation != m_generation)
                return;
            QString message = outcome.message();
            if (!outcome.auditWarning.isEmpty())
                message += QLatin1Char('\n') + tr("Warning: %1").arg(outcome.auditWarning);
            finish(outcome.ok(), message);
            reloadHistory();
        });
    });
}

qint64 DeploymentPanel::selectedRevision() const
{
    const QModelIndexList rows = m_historyView->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : m_history->revisionAt(rows.first().row());
}

void DeploymentPanel::finish(bool ok, const QString &message)
{
    m_status->setText(message);
    Q_EMIT actionFinished(ok, message);
}

void DeploymentPanel::undo(qint64 toRevision)
{
    if (!m_client.isValid() || m_denied.contains(m_undo))
        return;
    const QString target = toRevision > 0 ? tr("revision %1").arg(toRevision) : tr("the previous revision");
    DeploymentAction::Options options;
    options.toRevision = toRevision;
    act(DeploymentAction::Kind::Undo, options, tr("Undo the rollout of %1").arg(m_name),
        tr("Roll deployment %1 in %2 (%3) back to %4?").arg(m_name, m_ns, m_context, target), tr("&Undo"));
}

void DeploymentPanel::scale(int replicas)
{
    if (!m_client.isValid() || m_denied.contains(m_scale))
        return;
    DeploymentAction::Options options;
    options.replicas = replicas;
    act(DeploymentAction::Kind::Scale, options, tr("Scale %1").arg(m_name),
        tr("Scale deployment %1 in %2 (%3) from %4 to %5 replicas?")
            .arg(m_name, m_ns, m_context)
            .arg(m_replicas)
            .arg(replicas),
        tr("&Scale"));
}

void DeploymentPanel::restart()
{
    if (!m_client.isValid() || m_denied.contains(m_restart))
        return;
    act(DeploymentAction::Kind::Restart, {}, tr("Restart %1").arg(m_name),
        tr("Restart every pod of deployment %1 in %2 (%3)?").arg(m_name, m_ns, m_context), tr("&Restart"));
}

QString DeploymentPanel::statusText() const
{
    return m_status->text();
}

} // namespace Shipyard
