// SPDX-License-Identifier: GPL-2.0-or-later
#include "delivery/PipelineView.h"

#include "delivery/CanaryDecisionBar.h"
#include "delivery/CanaryStepsView.h"
#include "delivery/DeliverDialog.h"
#include "delivery/DeliveryCanaryModel.h"
#include "delivery/DeliveryLogView.h"
#include "delivery/DeliveryPipelineModel.h"
#include "delivery/DeliveryQueueModel.h"
#include "delivery/DeliveryRolloutView.h"
#include "delivery/PipelineGraphView.h"
#include "widgets/BackgroundTask.h"
#include "widgets/ConfirmationDialog.h"
#include "widgets/EnvironmentComboBox.h"

#include "gating/FreezeWatch.h"
#include "kube/KubeClient.h"
#include "releases/ReleaseStore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTime>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace Shipyard {

PipelineView::PipelineView(QWidget *parent)
    : QWidget(parent)
    , m_model(new DeliveryPipelineModel(this))
    , m_queueModel(new DeliveryQueueModel(this))
    , m_freezes(new FreezeWatch(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto *bar = new QHBoxLayout;
    auto *environmentLabel = new QLabel(tr("E&nvironment:"));
    m_environment = new EnvironmentComboBox;
    m_environment->setSettingsKey(QStringLiteral("pipeline"));
    m_environment->setAccessibleName(tr("Environment of the pipeline"));
    environmentLabel->setBuddy(m_environment);
    bar->addWidget(environmentLabel);
    bar->addWidget(m_environment);
    m_lock = new QLabel;
    m_lock->setAccessibleName(tr("Holder of the environment's delivery lock"));
    m_lock->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar->addSpacing(12);
    bar->addWidget(m_lock);
    m_freeze = new QLabel;
    m_freeze->setAccessibleName(tr("Freeze windows of the environment"));
    m_freeze->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar->addSpacing(12);
    bar->addWidget(m_freeze);
    // The queue stays one button wide; its list opens on demand.
    m_queue = new QToolButton;
    m_queue->setAccessibleName(tr("Deliveries waiting for the environment"));
    m_queue->setPopupMode(QToolButton::InstantPopup);
    m_queue->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *queueMenu = new QMenu(m_queue);
    m_queueList = new QListView;
    m_queueList->setAccessibleName(tr("Holder and queue of the environment's delivery lock"));
    m_queueList->setModel(m_queueModel);
    m_queueList->setMinimumSize(420, 120);
    m_queueList->setSelectionMode(QAbstractItemView::NoSelection);
    auto *queueAction = new QWidgetAction(queueMenu);
    queueAction->setDefaultWidget(m_queueList);
    queueMenu->addAction(queueAction);
    m_queue->setMenu(queueMenu);
    bar->addWidget(m_queue);
    bar->addStretch(1);
    m_deliver = new QPushButton(QIcon::fromTheme(QStringLiteral("media-playback-start")), tr("&Deliver…"));
    m_deliver->setAccessibleName(tr("Deliver systems into an environment"));
    m_cancel = new QPushButton(QIcon::fromTheme(QStringLiteral("process-stop")), tr("&Cancel Delivery"));
    m_cancel->setAccessibleName(tr("Cancel the running delivery"));
    m_cancel->setToolTip(tr("Stops at the next check; whatever was applied is rolled back."));
    m_deliverAnyway = new QPushButton(tr("Deliver &Anyway…"));
    m_deliverAnyway->setAccessibleName(tr("Deliver although alerts fire, saying why"));
    m_deliverAnyway->setToolTip(tr("Alerts of the environment fire: deliver only if it cannot wait."));
    m_deliverAnyway->hide();
    bar->addWidget(m_deliverAnyway);
    bar->addWidget(m_deliver);
    bar->addWidget(m_cancel);
    layout->addLayout(bar);

    m_title = new QLabel(tr("<b>No delivery started from this window yet.</b>"));
    m_title->setAccessibleName(tr("What the delivery delivers"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);
    // Below the buttons, so that a long failure reason wraps instead of widening the window.
    m_status = new QLabel;
    m_status->setAccessibleName(tr("State of the delivery"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_canaryDecisions = new CanaryDecisionBar;
    layout->addWidget(m_canaryDecisions);

    auto *splitter = new QSplitter(Qt::Vertical);
    m_graph = new PipelineGraphView;
    m_graph->setModel(m_model);
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_graph);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::StyledPanel);
    splitter->addWidget(scroll);
    m_log = new DeliveryLogView;
    splitter->addWidget(m_log);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    // Room for about three systems; the log takes the rest.
    splitter->setSizes({ 250, 600 });
    m_rollouts = new DeliveryRolloutView;
    m_rollouts->hide();
    splitter->insertWidget(1, m_rollouts);
    splitter->setStretchFactor(1, 2);
    m_canaryModel = new DeliveryCanaryModel(this);
    m_canaryView = new CanaryStepsView;
    m_canaryView->setModel(m_canaryModel);
    m_canaryView->hide();
    connect(m_canaryModel, &QAbstractItemModel::rowsInserted, m_canaryView, &QWidget::show);
    connect(m_canaryModel, &QAbstractItemModel::modelReset, m_canaryView,
        [this] { m_canaryView->setVisible(m_canaryModel->rowCount() > 0); });
    splitter->insertWidget(1, m_canaryView);
    layout->addWidget(splitter, 1);

    connect(m_deliver, &QPushButton::clicked, this, &PipelineView::requestDelivery);
    connect(m_cancel, &QPushButton::clicked, this, &PipelineView::cancelDelivery);
    connect(m_deliverAnyway, &QPushButton::clicked, this, &PipelineView::deliverDespiteAlerts);
    connect(m_environment, &QComboBox::currentIndexChanged, this, &PipelineView::showLatestRecord);
    connect(m_environment, &QComboBox::currentIndexChanged, this, &PipelineView::watchQueue);
    connect(m_environment, &QComboBox::currentIndexChanged, this, &PipelineView::watchCanaries);
    connect(m_canaryDecisions, &CanaryDecisionBar::decided, m_status, &QLabel::setText);
    connect(m_environment, &QComboBox::currentIndexChanged, this, [this] {
        const Environment *environment = m_ecosystem.environment(this->environment());
        m_freezes->setWindows(environment ? environment->freezes : QList<FreezeWindow>());
    });
    connect(m_freezes, &FreezeWatch::changed, this, &PipelineView::showFreezes);
    // The queue's watch sees every holder, from any machine, as it changes.
    connect(m_queueModel, &DeliveryQueueModel::summaryChanged, this, [this] {
        showQueueSummary();
        showLock();
    });
    connect(m_queueModel, &DeliveryQueueModel::errorOccurred, this, [this] {
        showQueueSummary();
        showLock();
    });
    showLock();
    showQueueSummary();
    updateButtons();
}

PipelineView::~PipelineView()
{
    // The delivery's thread must not outlive the model it reports to.
    if (m_delivery) {
        m_delivery->cancel();
        m_delivery->wait(std::chrono::minutes(2));
    }
}

void PipelineView::setEcosystem(const Ecosystem &ecosystem, const ClusterAccess &cluster)
{
    m_ecosystem = ecosystem;
    m_cluster = cluster;
    m_loaded = true;
    // Staging is where most deliveries run: show it first.
    m_environment->setEcosystem(ecosystem, EnvironmentKind::Staging);
    const Environment *shown = m_ecosystem.environment(environment());
    m_freezes->setWindows(shown ? shown->freezes : QList<FreezeWindow>());
    showFreezes();
    watchQueue();
    watchCanaries();
    showLatestRecord();
    updateButtons();
}

void PipelineView::watchCanaries()
{
    const Environment *environment = m_ecosystem.environment(this->environment());
    m_canaryDecisions->setEnvironment(
        m_ecosystem, this->environment(), environment ? m_cluster.client(environment->context) : KubeClient());
}

void PipelineView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_canaryDecisions->setActive(true);
}

void PipelineView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_canaryDecisions->setActive(false);
}

void PipelineView::showLatestRecord()
{
    const Environment *environment = m_ecosystem.environment(this->environment());
    if (!environment || m_delivery || m_external)
        return;
    const KubeClient client = m_cluster.client(environment->context);
    if (!client.isValid())
        return;
    const int query = ++m_recordQuery;
    const QString name = environment->name;
    runInBackground([client, ns = environment->namespaceName] {
        KubeError readError;
        const QList<ReleaseRecord> records = ReleaseStore(client, ns).list(&readError);
        for (const ReleaseRecord &record : records) {
            if (!record.steps.isEmpty())
                return std::optional<ReleaseRecord>(record);
        }
        return std::optional<ReleaseRecord>();
    }).then(this, [this, query, name](const std::optional<ReleaseRecord> &record) {
        if (query != m_recordQuery || m_delivery || m_external)
            return;
        m_log->clear();
        m_canaryModel->clear();
        if (!record) {
            m_model->applySteps({});
            m_title->setText(tr("<b>No delivery recorded in %1 yet.</b>").arg(name.toHtmlEscaped()));
            m_status->clear();
            return;
        }
        m_model->applySteps(Delivery::stepsFromJson(record->steps));
        for (const ReleaseRecord::SystemRelease &release : record->systems)
            m_canaryModel->applySteps(release.system, release.canary);
        // Records written before logs were kept with them have none.
        m_log->setText(record->log.isEmpty() ? tr("(release %1 was recorded without its log)").arg(record->id)
                                             : record->log.join(QLatin1Char('\n')));
        m_title->setText(tr("<b>The latest delivery into %1</b>: release %2 by %3, %4")
                .arg(name.toHtmlEscaped(), record->id, record->who.toHtmlEscaped(),
                    QLocale().toString(record->time.toLocalTime(), QLocale::ShortFormat)));
        const QString result = ReleaseRecord::keyword(record->result);
        // Running, or left running by a delivery that stopped: not a failure.
        const bool unfinished = record->result == ReleaseRecord::Result::InProgress;
        const QString text = unfinished ? unfinishedText(*record, name)
            : record->reason.isEmpty()  ? result
                                        : tr("%1: %2").arg(result, record->reason);
        m_status->setText(record->isGood() || unfinished
                ? text.toHtmlEscaped()
                : QStringLiteral("<span style=\"color:#d64545\"><b>%1</b></span>").arg(text.toHtmlEscaped()));
        m_status->setToolTip(text);
    });
}

QString PipelineView::unfinishedText(const ReleaseRecord &record, const QString &environment) const
{
    if (m_lockHolder.isEmpty()) {
        return tr("Unfinished: the delivery of release %1 stopped before it ended, and none holds the lock now. "
                  "The next delivery into %2 restores the last good release first (rollback.onInterrupted), "
                  "or run shipyardctl rollback.")
            .arg(record.id, environment);
    }
    // Where it stands: the last step begun and not ended.
    std::optional<Delivery::StepState> at;
    for (const Delivery::StepState &state : Delivery::stepsFromJson(record.steps)) {
        if (state.state == Delivery::State::Running)
            at = state;
    }
    if (!at)
        return tr("In progress, run by %1.").arg(m_lockHolder);
    const QString step = DeliveryPipelineModel::stepTitle(at->step);
    const QString where = at->system.isEmpty() ? step : tr("%1 of %2").arg(step, at->system);
    return at->message.isEmpty() ? tr("In progress, run by %1: %2.").arg(m_lockHolder, where)
                                 : tr("In progress, run by %1: %2, %3.").arg(m_lockHolder, where, at->message);
}

QString PipelineView::environment() const
{
    return m_environment->environment();
}

bool PipelineView::setEnvironment(const QString &name)
{
    return m_environment->setEnvironment(name);
}

QString PipelineView::statusText() const
{
    return m_status->text();
}

QString PipelineView::titleText() const
{
    return m_title->text();
}

void PipelineView::requestDelivery()
{
    if (!m_loaded || isBusy())
        return;
    DeliverDialog choose(m_ecosystem, environment(), this);
    if (choose.exec() != QDialog::Accepted)
        return;
    const QString target = choose.environment();
    const QList<Delivery::Target> targets = choose.targets();
    const Environment *environment = m_ecosystem.environment(target);
    if (!environment || targets.isEmpty())
        return;
    confirmDelivery(target, targets);
}

Delivery *PipelineView::confirmDelivery(const QString &target, const QList<Delivery::Target> &targets,
    const QString &note, const Delivery::Options &options)
{
    const Environment *environment = m_ecosystem.environment(target);
    if (!m_loaded || !environment || targets.isEmpty() || isBusy())
        return nullptr;
    // Inside a freeze window the delivery goes ahead only with a person's
    // reason, which the delivery audits and records (Options::freezeOverride).
    FreezeWatch freezes;
    freezes.setWindows(environment->freezes);
    QString freezeNote;
    if (freezes.isFrozen())
        freezeNote = tr("<p><b>❄ %1 is frozen %2.</b> Deliver now only if it cannot wait: say why below. "
                        "Your reason is kept in the audit journal and the release record.</p>")
                         .arg(environment->name.toHtmlEscaped(), freezes.frozen()->describeEnd().toHtmlEscaped());
    ConfirmationDialog confirm(tr("Deliver into %1").arg(target),
        freezeNote + note + DeliverDialog::summary(m_ecosystem, target, targets), tr("&Deliver"),
        environment->isProtected ? environment->name : QString(), this);
    if (freezes.isFrozen())
        confirm.requireReason(tr("Why it cannot wait for the freeze to end:"));
    if (confirm.exec() != QDialog::Accepted)
        return nullptr;
    Delivery::Options withReason = options;
    if (freezes.isFrozen())
        withReason.freezeOverride = confirm.reason();
    return startDelivery(target, targets, withReason);
}

Delivery *PipelineView::startDelivery(
    const QString &environment, const QList<Delivery::Target> &targets, const Delivery::Options &options)
{
    if (!m_loaded || !m_ecosystem.environment(environment)) {
        m_status->setText(tr("No environment named %1.").arg(environment));
        return nullptr;
    }
    if (isBusy()) {
        m_status->setText(tr("A delivery into %1 is still running.").arg(m_deliveryEnvironment));
        return nullptr;
    }
    if (m_delivery)
        m_delivery->deleteLater();
    setEnvironment(environment);
    m_deliveryEnvironment = environment;
    m_deliveryTargets = targets;
    m_deliveryOptions = options;
    m_refusalReason.clear();
    m_deliverAnyway->hide();
    m_log->clear();
    Delivery::Options withCluster = options;
    if (!withCluster.cluster.isValid())
        withCluster.cluster = m_cluster;
    m_delivery = new Delivery(m_ecosystem, environment, targets, withCluster, this);
    connect(m_delivery, &Delivery::logLine, m_log, &DeliveryLogView::appendLine);
    m_rollouts->clear();
    m_rollouts->hide();
    connect(m_delivery, &Delivery::deploymentState, m_rollouts,
        [this](const QString &system, const QJsonObject &deployment) {
            m_rollouts->record(system, deployment);
            m_rollouts->show();
        });
    connect(m_delivery, &Delivery::finished, this, &PipelineView::finished);
    // A step that begins or ends may be a pause: read the annotations at once.
    connect(m_delivery, &Delivery::canaryChanged, m_canaryDecisions, &CanaryDecisionBar::refresh);
    QStringList what;
    for (const Delivery::Target &target : targets) {
        what.append(target.image.isEmpty()
                ? tr("%1 (built from %2)").arg(target.system, target.usesUpstream() ? tr("upstream") : target.branch)
                : tr("%1 (%2)").arg(target.system, target.image));
    }
    m_title->setText(tr("<b>Delivery into %1</b> — %2 — started %3")
            .arg(environment.toHtmlEscaped(), what.join(QStringLiteral(", ")).toHtmlEscaped(),
                QLocale().toString(QTime::currentTime(), QStringLiteral("HH:mm:ss"))));
    m_model->setDelivery(m_delivery);
    m_canaryModel->setDelivery(m_delivery);
    m_delivery->start();
    m_status->setText(tr("Delivering into %1…").arg(environment));
    updateButtons();
    Q_EMIT deliveryStarted(environment);
    return m_delivery;
}

void PipelineView::cancelDelivery()
{
    if (externalCancellable())
        *m_externalCancel = true;
    else if (m_delivery && m_delivery->isRunning())
        m_delivery->cancel();
    else
        return;
    m_status->setText(tr("Cancelling: what was applied is being rolled back…"));
    m_cancel->setEnabled(false);
}

bool PipelineView::externalCancellable() const
{
    return m_external && m_externalCancel && !*m_externalCancel;
}

void PipelineView::finished(const Delivery::Result &result)
{
    QString text;
    switch (result.outcome) {
    case Delivery::Outcome::Succeeded:
        text = tr("Delivered into %1 in %2 s (release %3).")
                   .arg(m_deliveryEnvironment)
                   .arg(double(result.duration.count()) / 1000.0, 0, 'f', 1)
                   .arg(result.releaseId);
        break;
    case Delivery::Outcome::Failed:
        text = tr("Failed at %1: %2").arg(result.failedStep, result.reason);
        break;
    case Delivery::Outcome::RolledBack:
        text =
            tr("Rolled back to %1 after %2 failed: %3").arg(result.previousReleaseId, result.failedStep, result.reason);
        break;
    case Delivery::Outcome::Cancelled:
        text = tr("Cancelled; %1 restored.")
                   .arg(result.previousReleaseId.isEmpty() ? tr("nothing was applied, nothing")
                                                           : result.previousReleaseId);
        break;
    }
    // A failure stands out; the text itself says what happened, for those who cannot tell colours apart.
    m_status->setText(result.succeeded()
            ? text.toHtmlEscaped()
            : QStringLiteral("<span style=\"color:#d64545\"><b>%1</b></span>").arg(text.toHtmlEscaped()));
    m_status->setToolTip(text);
    if (result.refusedByAlerts) {
        m_refusalReason = result.reason;
        m_deliverAnyway->show();
    }
    updateButtons();
    Q_EMIT deliveryFinished(result);
}

void PipelineView::deliverDespiteAlerts()
{
    const Environment *environment = m_ecosystem.environment(m_deliveryEnvironment);
    if (!environment || m_refusalReason.isEmpty() || isBusy())
        return;
    ConfirmationDialog confirm(tr("Deliver into %1 although alerts fire").arg(environment->name),
        tr("<p><b>%1</b></p><p>Deliver now only if it cannot wait: say why below. Your reason is kept in the audit "
           "journal and the release record, and the alerts firing now are not held against this release; a new "
           "one still rolls it back.</p>")
                .arg(m_refusalReason.toHtmlEscaped()) +
            DeliverDialog::summary(m_ecosystem, environment->name, m_deliveryTargets),
        tr("Deliver &Anyway"), environment->isProtected ? environment->name : QString(), this);
    confirm.requireReason(tr("Why it cannot wait for the alerts to stop:"));
    if (confirm.exec() != QDialog::Accepted)
        return;
    Delivery::Options options = m_deliveryOptions;
    options.alertOverride = confirm.reason();
    startDelivery(environment->name, m_deliveryTargets, options);
}

void PipelineView::updateButtons()
{
    const bool running = m_delivery && m_delivery->isRunning();
    m_deliver->setEnabled(m_loaded && !isBusy() && m_environment->count() > 0);
    m_cancel->setEnabled(running || externalCancellable());
}

bool PipelineView::isBusy() const
{
    return m_external || (m_delivery && m_delivery->isRunning());
}

bool PipelineView::beginExternalDelivery(const QString &title)
{
    if (isBusy())
        return false;
    if (m_delivery)
        m_delivery->deleteLater();
    m_model->setDelivery(nullptr);
    m_canaryModel->setDelivery(nullptr);
    m_external = true;
    m_externalCancel = std::make_shared<std::atomic_bool>(false);
    m_deliveryEnvironment.clear();
    // The environment and lock shown belong to this view's deliveries, not to the one followed.
    m_environment->setEnabled(false);
    m_lock->setText(tr("Lock: the delivery's own"));
    m_lock->setToolTip(tr("The delivery shown holds the lock of the namespace it delivers into."));
    m_log->clear();
    m_title->setText(tr("<b>%1</b> — started %2")
            .arg(title.toHtmlEscaped(), QLocale().toString(QTime::currentTime(), QStringLiteral("HH:mm:ss"))));
    m_status->setText(tr("%1…").arg(title));
    m_status->setToolTip({});
    updateButtons();
    return true;
}

void PipelineView::showExternalSteps(const QList<Delivery::StepState> &steps)
{
    if (m_external)
        m_model->applySteps(steps);
}

void PipelineView::appendExternalLog(const QString &line)
{
    if (m_external)
        m_log->appendLine(line);
}

void PipelineView::endExternalDelivery(const QString &text, bool succeeded)
{
    if (!m_external)
        return;
    m_external = false;
    m_environment->setEnabled(true);
    showLock();
    m_status->setText(succeeded
            ? text.toHtmlEscaped()
            : QStringLiteral("<span style=\"color:#d64545\"><b>%1</b></span>").arg(text.toHtmlEscaped()));
    m_status->setToolTip(text);
    updateButtons();
}

void PipelineView::watchQueue()
{
    const Environment *environment = m_ecosystem.environment(this->environment());
    if (!environment) {
        m_queueModel->clear();
        showQueueSummary();
        showLock();
        return;
    }
    QString error;
    const KubeClient client = m_cluster.client(environment->context, &error);
    m_queueModel->watch(client, environment->namespaceName);
    showQueueSummary();
    showLock();
    if (!client.isValid()) {
        m_queue->setText(tr("Queue: unknown"));
        m_queue->setToolTip(error);
        m_lock->setText(tr("Lock: unknown"));
        m_lock->setToolTip(error);
    }
}

void PipelineView::showQueueSummary()
{
    m_queue->setText(m_queueModel->summary());
    m_queue->setToolTip(m_queueModel->lastError().isEmpty()
            ? tr("Who holds the environment's delivery lock and who waits for it, first come, first served.")
            : m_queueModel->lastError());
}

QString PipelineView::freezeText() const
{
    return m_freeze->text();
}

void PipelineView::showFreezes()
{
    if (m_freezes->isFrozen()) {
        m_freeze->setText(tr("<b>❄ Frozen until %1</b>").arg(m_freezes->frozen()->endOnClock().toHtmlEscaped()));
    } else if (m_freezes->next()) {
        m_freeze->setText(tr("Next freeze: %1").arg(m_freezes->next()->startOnClock().toHtmlEscaped()));
    } else {
        m_freeze->clear();
    }
    m_freeze->setToolTip(m_freezes->describe());
}

void PipelineView::showLock()
{
    if (m_external)
        return;
    const QString holder = m_queueModel->holder();
    const QString error = m_queueModel->lastError();
    if (!error.isEmpty()) {
        m_lock->setText(tr("Lock: unknown"));
        m_lock->setToolTip(error);
    } else if (holder.isEmpty()) {
        m_lock->setText(tr("Lock: free"));
        m_lock->setToolTip(tr("No delivery holds this environment."));
    } else {
        m_lock->setText(tr("Lock held by <b>%1</b>").arg(holder.toHtmlEscaped()));
        m_lock->setToolTip(tr("Deliveries into this environment wait for %1 to finish.").arg(holder));
    }
    if (holder != m_lockHolder) {
        m_lockHolder = holder;
        // A delivery of another machine began or ended: its record says how.
        showLatestRecord();
        Q_EMIT lockHolderChanged(holder);
    }
}

} // namespace Shipyard
