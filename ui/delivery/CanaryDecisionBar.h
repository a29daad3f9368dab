// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "model/Ecosystem.h"
#include "releases/CanaryState.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTimer;

namespace Shipyard {

// "Promote canary" and "Abort canary" for a canary that waits for a person
// in the environment shown. It reads the canary Deployments' annotations —
// whoever started the delivery, from whichever machine — in the background,
// every few seconds while active, and shows itself only while one waits.
// A click asks for confirmation (a protected environment's name typed) and
// writes the decision, audited, in the background; the delivery running the
// canary acts on it at its next check, as on `shipyardctl canary`.
class CanaryDecisionBar : public QWidget
{
    Q_OBJECT
public:
    explicit CanaryDecisionBar(QWidget *parent = nullptr);

    // Where to look; nothing (or an invalid client) hides the bar.
    void setEnvironment(const Ecosystem &ecosystem, const QString &environment, const KubeClient &client);
    // Polls while ACTIVE (the view is shown); reads at once when it becomes so.
    void setActive(bool active);
    // Reads now, as when a delivery says its canary moved.
    void refresh();

    // The canary waiting for a person, as last read.
    std::optional<CanaryState> waiting() const { return m_waiting; }
    QPushButton *promoteButton() const { return m_promote; }
    QPushButton *abortButton() const { return m_abort; }

Q_SIGNALS:
    // A decision was written (or refused: MESSAGE says why); the text is for a status line.
    void decided(const QString &message);

private:
    void showWaiting(const std::optional<CanaryState> &waiting, const QString &error);
    void decide(bool promote);

    Ecosystem m_ecosystem;
    QString m_environment;
    KubeClient m_client;
    QTimer *m_poll = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_promote = nullptr;
    QPushButton *m_abort = nullptr;
    std::optional<CanaryState> m_waiting;
    int m_query = 0; // answers of older reads (another environment) are dropped
    bool m_writing = false;
};

} // namespace Shipyard
