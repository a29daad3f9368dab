// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "live/LogFilter.h"
#include "live/LogLine.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace Shipyard {

class SystemLogHighlighter;
class SystemLogStream;

// The log of a whole system: every pod of a Deployment, each container,
// merged by time and followed (SystemLogStream), each line led by its time
// (local, to the millisecond, dimmed; Times off hides it, remembered) and
// its pod and container in the pod's color. A filter (text or regular
// expression, case-insensitive, on the line's own text as `shipyardctl logs
// --grep` matches it) and a pod box choose what is shown; Follow off pauses
// the view (lines are still collected, within the stream's bound) and
// keeps it where the user reads. The status says how many lines are kept
// and how many fell off.
class SystemLogView : public QWidget
{
    Q_OBJECT
public:
    explicit SystemLogView(QWidget *parent = nullptr);
    ~SystemLogView() override;

    // Follows every pod of DEPLOYMENT in NS; an empty name stops.
    void setDeployment(const KubeClient &client, const QString &ns, const QString &deployment);
    // Or of a label selector.
    void setLabelSelector(const KubeClient &client, const QString &ns, const QString &selector);
    void stop();
    // Lines kept at most (older ones fall off); before setDeployment.
    void setMaximumLines(int lines) { m_maximumLines = lines; }

    SystemLogStream *stream() const { return m_stream.get(); }
    QString deployment() const { return m_deployment; }
    void setFilterText(const QString &text, bool regularExpression = false);
    void setPodFilter(const QString &pod); // empty: all pods
    void setFollowing(bool follow);
    bool isFollowing() const;
    // Each line led by its time; remembered for the next view.
    void setShowingTimes(bool show);
    bool isShowingTimes() const;

    // What is shown, one line per block.
    int shownLineCount() const;
    QString text() const;
    QString statusText() const;
    QStringList podChoices() const;

Q_SIGNALS:
    void linesShown();

private:
    void begin(const KubeClient &client, const QString &ns, const QString &deployment, const QString &selector);
    void appendLines(const QList<LogLine> &lines);
    void rebuild();
    void updatePods();
    void updateStatus();
    void applyFilter();
    QString shownText(const LogLine &line) const;

    std::unique_ptr<SystemLogStream> m_stream;
    QString m_deployment;
    int m_maximumLines = 20000;
    LogFilter m_filter;
    QString m_error;
    QComboBox *m_podBox = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QCheckBox *m_regex = nullptr;
    QCheckBox *m_times = nullptr;
    QToolButton *m_follow = nullptr;
    QLabel *m_status = nullptr;
    QPlainTextEdit *m_text = nullptr;
    SystemLogHighlighter *m_highlighter = nullptr;
};

} // namespace Shipyard
