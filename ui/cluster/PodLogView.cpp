// SPDX-License-Identifier: GPL-2.0-or-later
#include "cluster/PodLogView.h"

#include "cluster/LogHighlighter.h"

#include "kube/PodContainers.h"
#include "kube/PodLogs.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMutex>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace Shipyard {

namespace {
// What may wait between two drains; beyond it the oldest text is dropped.
constexpr qsizetype maximumPending = 4 * 1024 * 1024;
} // namespace

// Filled by the worker thread, emptied by the UI thread.
struct PodLogView::Pipe
{
    QMutex mutex;
    QByteArray pending;
    bool dropped = false;
    bool ended = false;
    QString endError;
};

PodLogView::PodLogView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_containerBox = new QComboBox;
    m_containerBox->setAccessibleName(tr("Container"));
    m_containerBox->setToolTip(tr("The container whose log is shown"));
    m_containerBox->setVisible(false);
    bar->addWidget(m_containerBox);
    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Search the log (Enter: next, Shift+Enter: previous)"));
    m_search->setAccessibleName(tr("Search the log"));
    m_search->setClearButtonEnabled(true);
    bar->addWidget(m_search, 1);
    m_status = new QLabel;
    m_status->setAccessibleName(tr("Log status"));
    bar->addWidget(m_status);
    layout->addLayout(bar);

    m_text = new QPlainTextEdit;
    m_text->setReadOnly(true);
    m_text->setAccessibleName(tr("Pod log"));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setMaximumBlockCount(maximumLines());
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlaceholderText(tr("Select a pod to follow its log."));
    layout->addWidget(m_text, 1);
    m_highlighter = new LogHighlighter(m_text->document());

    connect(m_search, &QLineEdit::textChanged, m_highlighter, &LogHighlighter::setSearchText);
    connect(m_search, &QLineEdit::returnPressed, this,
        [this] { findNext(QGuiApplication::keyboardModifiers() & Qt::ShiftModifier); });

    connect(m_containerBox, &QComboBox::textActivated, this, &PodLogView::follow);

    m_drainTimer = new QTimer(this);
    m_drainTimer->setInterval(100);
    connect(m_drainTimer, &QTimer::timeout, this, &PodLogView::drain);
}

PodLogView::~PodLogView()
{
    stop();
}

void PodLogView::stop()
{
    if (m_stream)
        m_stream->cancel();
    m_stream.reset();
    m_pipe.reset();
    m_drainTimer->stop();
}

void PodLogView::setPod(const KubeClient &client, const QString &ns, const QJsonObject &pod)
{
    m_client = client;
    m_ns = ns;
    m_podObject = pod;
    m_pod = pod.value(QLatin1String("metadata"))[QLatin1String("name")].toString();
    const PodContainers containers = PodContainers::of(pod);
    {
        const QSignalBlocker blocker(m_containerBox);
        m_containerBox->clear();
        m_containerBox->addItems(containers.names);
        m_containerBox->setCurrentText(containers.shownFirst);
    }
    m_containerBox->setVisible(containers.names.size() > 1);
    follow(containers.shownFirst);
}

QStringList PodLogView::containers() const
{
    QStringList names;
    for (int i = 0; i < m_containerBox->count(); ++i)
        names.append(m_containerBox->itemText(i));
    return names;
}

QString PodLogView::container() const
{
    return m_container;
}

void PodLogView::setContainer(const QString &name)
{
    if (m_containerBox->findText(name) < 0)
        return;
    m_containerBox->setCurrentText(name);
    follow(name);
}

void PodLogView::follow(const QString &container)
{
    stop();
    m_text->clear();
    m_container = container;
    m_previous = PodContainers::crashed(m_podObject, container);
    const bool previous = m_previous;
    if (m_pod.isEmpty() || !m_client.isValid()) {
        m_status->clear();
        m_text->setPlaceholderText(tr("Select a pod to follow its log."));
        return;
    }
    m_text->setPlaceholderText(tr("No log lines yet."));
    m_status->setText(tr("Connecting…"));
    auto pipe = std::make_shared<Pipe>();
    m_pipe = pipe;
    PodLogs::Options options;
    options.container = container;
    options.follow = !previous;
    options.previous = previous;
    options.tailLines = 1000;
    m_stream = PodLogs::stream(
        m_client, m_ns, m_pod, options,
        [pipe](QByteArrayView chunk) {
            QMutexLocker lock(&pipe->mutex);
            pipe->pending.append(chunk);
            if (pipe->pending.size() > maximumPending) {
                pipe->pending.remove(0, pipe->pending.size() - maximumPending);
                pipe->dropped = true;
            }
            return true;
        },
        [pipe](const KubeResponse &response) {
            QMutexLocker lock(&pipe->mutex);
            pipe->ended = true;
            if (response.error.isError() && response.error.kind != KubeError::Kind::Cancelled)
                pipe->endError = response.error.message;
        });
    m_drainTimer->start();
}

void PodLogView::drain()
{
    if (!m_pipe)
        return;
    QByteArray text;
    bool ended = false;
    bool dropped = false;
    QString error;
    {
        QMutexLocker lock(&m_pipe->mutex);
        // Whole lines only; a partial one waits for its end.
        const qsizetype end = m_pipe->ended ? m_pipe->pending.size() : m_pipe->pending.lastIndexOf('\n') + 1;
        text = m_pipe->pending.left(end);
        m_pipe->pending.remove(0, end);
        ended = m_pipe->ended && m_pipe->pending.isEmpty();
        dropped = std::exchange(m_pipe->dropped, false);
        error = m_pipe->endError;
    }
    if (!text.isEmpty()) {
        if (text.endsWith('\n'))
            text.chop(1);
        QScrollBar *scroll = m_text->verticalScrollBar();
        const bool atEnd = scroll->value() >= scroll->maximum() - 2;
        if (dropped)
            m_text->appendPlainText(tr("… (lines dropped: the log grew faster than it could be shown)"));
        m_text->appendPlainText(QString::fromUtf8(text));
        // Keep following unless the user scrolled up to read.
        if (atEnd)
            scroll->setValue(scroll->maximum());
        Q_EMIT linesAppended();
    }
    if (ended) {
        m_drainTimer->stop();
        m_status->setText(!error.isEmpty() ? tr("Cannot read the log of %1: %2").arg(m_pod, error)
                : m_previous               ? tr("The crashed container's log")
                                           : tr("Log ended"));
        m_status->setToolTip(error);
    } else if (m_status->text() == tr("Connecting…") && !text.isEmpty()) {
        m_status->setText(m_previous ? tr("The crashed container's log") : tr("Following"));
    }
}

int PodLogView::lineCount() const
{
    return m_text->document()->isEmpty() ? 0 : m_text->blockCount();
}

QString PodLogView::text() const
{
    return m_text->toPlainText();
}

QString PodLogView::statusText() const
{
    return m_status->text();
}

void PodLogView::setSearchText(const QString &text)
{
    m_search->setText(text);
}

bool PodLogView::findNext(bool backward)
{
    const QString needle = m_search->text();
    if (needle.isEmpty())
        return false;
    const QTextDocument::FindFlags flags = backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (m_text->find(needle, flags))
        return true;
    // Wrap around once.
    QTextCursor cursor = m_text->textCursor();
    cursor.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
    m_text->setTextCursor(cursor);
    return m_text->find(needle, flags);
}

} // namespace Shipyard
