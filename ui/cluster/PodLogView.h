// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"

#include <QJsonObject>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTimer;

namespace Shipyard {

class LogHighlighter;

// A pod's log, followed as it grows: the last maximumLines() lines only
// (older ones fall off), a search box that highlights every match and
// jumps between them, error and warning lines colored. Text arrives in the
// HTTP worker thread and is handed over every 100 ms, so a chatty pod never
// floods the event loop. A pod of several containers offers them in a box:
// the API has no log for the pod as a whole.
class PodLogView : public QWidget
{
    Q_OBJECT
public:
    explicit PodLogView(QWidget *parent = nullptr);
    ~PodLogView() override;

    static constexpr int maximumLines() { return 10000; }

    // Follows the log of POD (an object as the API gives it) in NS, of the
    // container PodContainers shows first; an empty pod stops. A container
    // that crash-loops shows its previous run's log, not followed.
    void setPod(const KubeClient &client, const QString &ns, const QJsonObject &pod);
    void stop();

    QStringList containers() const;
    QString container() const;
    void setContainer(const QString &name);

    int lineCount() const;
    QString text() const;
    QString statusText() const;
    void setSearchText(const QString &text);
    bool findNext(bool backward = false);

Q_SIGNALS:
    void linesAppended();

private:
    struct Pipe;
    void follow(const QString &container);
    void drain();

    QComboBox *m_containerBox = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_status = nullptr;
    QPlainTextEdit *m_text = nullptr;
    LogHighlighter *m_highlighter = nullptr;
    QTimer *m_drainTimer = nullptr;
    std::shared_ptr<Pipe> m_pipe;
    std::optional<KubeStream> m_stream;
    KubeClient m_client;
    QString m_ns;
    QJsonObject m_podObject;
    QString m_pod;
    QString m_container;
    bool m_previous = false;
};

} // namespace Shipyard
