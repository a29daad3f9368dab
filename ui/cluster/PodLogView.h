// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"

#include <QWidget>

#include <memory>
#include <optional>

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
// floods the event loop.
class PodLogView : public QWidget
{
    Q_OBJECT
public:
    explicit PodLogView(QWidget *parent = nullptr);
    ~PodLogView() override;

    static constexpr int maximumLines() { return 10000; }

    // Follows `pod`'s log (its first container unless `container`); an empty pod stops.
    // `previous`: the log of the container that last exited (a crash loop's), not followed.
    void setPod(const KubeClient &client, const QString &ns, const QString &pod, const QString &container = {},
        bool previous = false);
    void stop();

    int lineCount() const;
    QString text() const;
    QString statusText() const;
    void setSearchText(const QString &text);
    bool findNext(bool backward = false);

Q_SIGNALS:
    void linesAppended();

private:
    struct Pipe;
    void drain();

    QLineEdit *m_search = nullptr;
    QLabel *m_status = nullptr;
    QPlainTextEdit *m_text = nullptr;
    LogHighlighter *m_highlighter = nullptr;
    QTimer *m_drainTimer = nullptr;
    std::shared_ptr<Pipe> m_pipe;
    std::optional<KubeStream> m_stream;
    QString m_pod;
    bool m_previous = false;
};

} // namespace Shipyard
