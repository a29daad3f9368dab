// SPDX-License-Identifier: GPL-2.0-or-later
#include "delivery/CanaryDecisionBar.h"

#include "widgets/BackgroundTask.h"
#include "widgets/ConfirmationDialog.h"

#include "audit/AuditTrail.h"
#include "pipeline/CanaryControl.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

namespace Shipyard {

namespace {

// Often enough that the buttons come soon after the pause, rarely enough to
// cost the API server nothing worth saying; the delivery's own signal reads
// at once anyway for deliveries of this window.
constexpr int pollInterval = 3000;

} // namespace

CanaryDecisionBar::CanaryDecisionBar(QWidget *parent) : QWidget(parent), m_poll(new QTimer(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_text = new QLabel;
    m_text->setAccessibleName(tr("Canary waiting for a decision"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_text, 1);
    m_promote = new QPushButton(QIcon::fromTheme(QStringLiteral("go-next")), tr("&Promote Canary…"));
    m_promote->setAccessibleName(tr("Promote the canary waiting for a decision"));
    m_promote->setToolTip(tr("Skips the remaining steps: the new version replaces the old one."));
    m_abort = new QPushButton(QIcon::fromTheme(QStringLiteral("process-stop")), tr("A&bort Canary…"));
    m_abort->setAccessibleName(tr("Abort the canary waiting for a decision"));
    m_abort->setToolTip(tr("Removes the canary; the delivery is rolled back."));
    layout->addWidget(m_promote);
    layout->addWidget(m_abort);
    hide();

    m_poll->setInterval(pollInterval);
    connect(m_poll, &QTimer::timeout, this, &CanaryDecisionBar::refresh);
    connect(m_promote, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_abort, &QPushButton::clicked, this, [this] { decide(false); });
}

void CanaryDecisionBar::setEnvironment(const Ecosystem &ecosystem, const QString &environment, const KubeClient &client)
{
    m_ecosystem = ecosystem;
    m_environment = environment;
    m_client = client;
    ++m_query;
    showWaiting(std::nullopt, {});
    refresh();
}

void CanaryDecisionBar::setActive(bool active)
{
    if (active == m_poll->isActive())
        return;
    if (active) {
        m_poll->start();
        refresh();
    } else {
        m_poll->stop();
    }
}

void CanaryDecisionBar::refresh()
{
    const Environment *environment = m_ecosystem.environment(m_environment);
    if (!environment || !m_client.isValid())
        return;
    const int query = ++m_query;
    runInBackground([control = CanaryControl(m_client, environment->namespaceName)] {
        KubeError error;
        const QList<CanaryState> canaries = control.list({}, &error);
        std::optional<CanaryState> waiting;
        for (const CanaryState &canary : canaries) {
            // Decided but not acted on yet: a second word would only confuse the audit.
            if (!canary.paused.isEmpty() && canary.decision.isEmpty()) {
                waiting = canary;
                break;
            }
        }
        return std::make_pair(waiting, error.isError() ? error.message : QString());
    }).then(this, [this, query](const std::pair<std::optional<CanaryState>, QString> &answer) {
        if (query == m_query)
            showWaiting(answer.first, answer.second);
    });
}

void CanaryDecisionBar::showWaiting(const std::optional<CanaryState> &waiting, const QString &error)
{
    // A failed read keeps what was shown: the poll tries again, and buttons
    // that flicker away under a person's pointer help nobody.
    if (!error.isEmpty()) {
        setToolTip(tr("The canaries could not be read: %1").arg(error));
        return;
    }
    setToolTip({});
    m_waiting = waiting;
    if (!waiting) {
        hide();
        return;
    }
    m_text->setText(tr("<b>%1's canary waits for a decision</b> at step %2 of %3 (%4 %): %5")
            .arg(waiting->system.toHtmlEscaped())
            .arg(waiting->step)
            .arg(waiting->stepCount)
            .arg(waiting->share)
            .arg(waiting->paused.toHtmlEscaped()));
    m_promote->setEnabled(!m_writing);
    m_abort->setEnabled(!m_writing);
    setVisible(true);
}

void CanaryDecisionBar::decide(bool promote)
{
    const Environment *environment = m_ecosystem.environment(m_environment);
    if (!environment || !m_waiting || m_writing)
        return;
    const CanaryState canary = *m_waiting;
    const QString text = promote
        ? tr("<p>Promote <b>%1</b>'s canary in <b>%2</b> now, at step %3 of %4 (%5 %)?</p>"
             "<p>The remaining steps are skipped: the new version replaces the old one for everyone.</p>")
        : tr("<p>Abort <b>%1</b>'s canary in <b>%2</b> at step %3 of %4 (%5 %)?</p>"
             "<p>The canary is removed and the delivery rolled back; the old version keeps serving.</p>");
    // As careful as a delivery: a protected environment's name is typed, either way.
    ConfirmationDialog confirm(
        promote ? tr("Promote canary in %1").arg(environment->name) : tr("Abort canary in %1").arg(environment->name),
        text.arg(canary.system.toHtmlEscaped(), environment->name.toHtmlEscaped())
            .arg(canary.step)
            .arg(canary.stepCount)
            .arg(canary.share),
        promote ? tr("&Promote") : tr("A&bort"), environment->isProtected ? environment->name : QString(), this);
    if (confirm.exec() != QDialog::Accepted)
        return;

    m_writing = true;
    m_promote->setEnabled(false);
    m_abort->setEnabled(false);
    CanaryControl::Request request;
    request.system = canary.system;
    request.decision = promote ? CanaryControl::Decision::Promote : CanaryControl::Decision::Abort;
    request.who = CanaryControl::currentPerson();
    request.environment = environment->name;
    request.context = environment->context;
    const int query = ++m_query;
    runInBackground([control = CanaryControl(m_client, environment->namespaceName), request, client = m_client,
                        masker = m_ecosystem.secretMasker()] {
        AuditTrail trail(client);
        trail.addSecrets(masker);
        return control.decideAudited(request, trail);
    }).then(this, [this, query, request](const CanaryControl::Outcome &outcome) {
        m_writing = false;
        const QString word = CanaryControl::keyword(request.decision);
        QString message = outcome.ok()
            ? tr("%1's canary: %2 requested; the delivery acts on it at its next check").arg(request.system, word)
            : tr("%1's canary: %2 failed: %3").arg(request.system, word, outcome.error.message);
        if (!outcome.auditError.isEmpty())
            message += QLatin1Char(' ') + tr("(audit: %1)").arg(outcome.auditError);
        Q_EMIT decided(message);
        // Decided: the canary no longer waits for a word. Failed: show again what is there.
        if (query == m_query && outcome.ok())
            showWaiting(std::nullopt, {});
        refresh();
    });
}

} // namespace Shipyard
