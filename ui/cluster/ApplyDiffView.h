// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "model/Ecosystem.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
} // namespace KSyntaxHighlighting

namespace Shipyard {

// The Cluster view's Diff tab: for an object of an ecosystem's system, the
// unified diff between what is live and what a delivery of the system would
// apply now (ApplyPreview: a server-side dry run), computed off the UI
// thread, only while the tab is shown.
class ApplyDiffView : public QWidget
{
    Q_OBJECT
public:
    enum class State { Empty, Computing, NotManaged, NoDrift, Drift, Error };
    Q_ENUM(State)

    explicit ApplyDiffView(QWidget *parent = nullptr);
    ~ApplyDiffView() override;

    void setEcosystem(const Ecosystem &ecosystem);
    // KIND is the Kubernetes kind ("Deployment") of the object a system's
    // manifests would hold: a pod's or replica set's deployment.
    void setObject(
        const KubeClient &client, const QString &context, const QString &ns, const QString &kind, const QString &name);
    void clear();
    // The live object changed: compare again, once the changes settle.
    void objectChanged();
    void refresh();

    State state() const { return m_state; }
    QString statusText() const;
    QString diffText() const;
    QPlainTextEdit *textView() const { return m_text; }

Q_SIGNALS:
    void stateChanged(Shipyard::ApplyDiffView::State state);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void compute();
    void setState(State state, const QString &status, const QString &text);
    void applyTheme();

    Ecosystem m_ecosystem;
    KubeClient m_client;
    QString m_context;
    QString m_ns;
    QString m_kind;
    QString m_name;
    bool m_stale = false; // the shown result is not for the current object
    quint64 m_generation = 0; // results of older requests are dropped
    State m_state = State::Empty;
    QLabel *m_status = nullptr;
    QPushButton *m_refresh = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QTimer *m_settle = nullptr;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter = nullptr;
};

} // namespace Shipyard
