// SPDX-License-Identifier: GPL-2.0-or-later
#include "cluster/SystemLogView.h"

#include "cluster/SystemLogHighlighter.h"

#include "live/SystemLogStream.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSettings>
#include <QTextBlock>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Shipyard {

namespace {

const QString timesSetting = QStringLiteral("systemLog/times");

} // namespace

SystemLogView::SystemLogView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_podBox = new QComboBox;
    m_podBox->setAccessibleName(tr("Pod"));
    m_podBox->setToolTip(tr("Show the lines of one pod, or of all"));
    m_podBox->addItem(tr("All pods"), QString());
    m_podBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    bar->addWidget(m_podBox);
    m_filterEdit = new QLineEdit;
    m_filterEdit->setPlaceholderText(tr("Filter lines (case-insensitive)"));
    m_filterEdit->setAccessibleName(tr("Filter the system's log"));
    m_filterEdit->setClearButtonEnabled(true);
    bar->addWidget(m_filterEdit, 1);
    m_regex = new QCheckBox(tr("Regex"));
    m_regex->setToolTip(tr("Read the filter as a regular expression"));
    bar->addWidget(m_regex);
    m_times = new QCheckBox(tr("Times"));
    m_times->setToolTip(tr("Lead each line with its time (local, to the millisecond)"));
    m_times->setChecked(QSettings().value(timesSetting, true).toBool());
    bar->addWidget(m_times);
    m_follow = new QToolButton;
    m_follow->setText(tr("Follow"));
    m_follow->setCheckable(true);
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Show new lines as they come; off: pause here (lines are still collected)"));
    bar->addWidget(m_follow);
    m_status = new QLabel;
    m_status->setAccessibleName(tr("System log status"));
    bar->addWidget(m_status);
    layout->addLayout(bar);

    m_text = new QPlainTextEdit;
    m_text->setReadOnly(true);
    m_text->setAccessibleName(tr("System log"));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlaceholderText(tr("Select a deployment to follow the log of all its pods."));
    layout->addWidget(m_text, 1);
    m_highlighter = new SystemLogHighlighter(m_text->document());
    m_highlighter->setTimesShown(m_times->isChecked());

    connect(m_filterEdit, &QLineEdit::textChanged, this, &SystemLogView::applyFilter);
    connect(m_regex, &QCheckBox::toggled, this, &SystemLogView::applyFilter);
    connect(m_podBox, &QComboBox::currentIndexChanged, this, &SystemLogView::applyFilter);
    connect(m_times, &QCheckBox::toggled, this, [this](bool on) {
        QSettings().setValue(timesSetting, on);
        // Emptied first: the highlighter would otherwise color every old line once more.
        m_text->clear();
        m_highlighter->setTimesShown(on);
        rebuild();
    });
    connect(m_follow, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            rebuild(); // what came while paused
        updateStatus();
    });
}

SystemLogView::~SystemLogView() = default;

void SystemLogView::stop()
{
    if (m_stream)
        m_stream->stop();
}

void SystemLogView::setDeployment(const KubeClient &client, const QString &ns, const QString &deployment)
{
    begin(client, ns, deployment, {});
}

void SystemLogView::setLabelSelector(const KubeClient &client, const QString &ns, const QString &selector)
{
    begin(client, ns, {}, selector);
}

void SystemLogView::begin(
    const KubeClient &client, const QString &ns, const QString &deployment, const QString &selector)
{
    m_stream.reset();
    m_deployment = deployment;
    m_error.clear();
    m_text->clear();
    {
        const QSignalBlocker blocker(m_podBox);
        while (m_podBox->count() > 1)
            m_podBox->removeItem(1);
        m_podBox->setCurrentIndex(0);
    }
    m_filter.setPod({});
    if (!client.isValid() || (deployment.isEmpty() && selector.isEmpty())) {
        m_status->clear();
        return;
    }
    m_stream = std::make_unique<SystemLogStream>(client, ns);
    SystemLogStream::Options options;
    options.maximumLines = m_maximumLines;
    // The start of a long-running system's log is rarely what is wanted.
    options.tailLines = 1000;
    m_stream->setOptions(options);
    if (deployment.isEmpty())
        m_stream->setLabelSelector(selector);
    else
        m_stream->setDeployment(deployment);
    // A document as long as the stream's bound: older blocks fall off with its lines.
    m_text->setMaximumBlockCount(m_maximumLines);
    connect(m_stream.get(), &SystemLogStream::linesAppended, this,
        [this](const QList<LogLine> &lines) { appendLines(lines); });
    connect(m_stream.get(), &SystemLogStream::podsChanged, this, &SystemLogView::updatePods);
    connect(m_stream.get(), &SystemLogStream::errorOccurred, this, [this](const QString &message) {
        m_error = message;
        updateStatus();
    });
    m_text->setPlaceholderText(tr("No log lines yet."));
    m_stream->start();
    updateStatus();
}

void SystemLogView::appendLines(const QList<LogLine> &lines)
{
    if (isFollowing()) {
        QStringList shown;
        for (const LogLine &line : lines)
            if (m_filter.matches(line))
                shown.append(shownText(line));
        if (!shown.isEmpty()) {
            QScrollBar *scroll = m_text->verticalScrollBar();
            const bool atEnd = scroll->value() >= scroll->maximum() - 2;
            const int across = m_text->horizontalScrollBar()->value();
            // One append a batch: a block per line, laid out once.
            m_text->appendPlainText(shown.join(QLatin1Char('\n')));
            if (atEnd) {
                // The cursor at the start of the last line, not its end: the
                // view would scroll across to it and hide the times and pods' names.
                m_text->setTextCursor(QTextCursor(m_text->document()->lastBlock()));
                scroll->setValue(scroll->maximum());
            }
            m_text->horizontalScrollBar()->setValue(across);
            Q_EMIT linesShown();
        }
    }
    updateStatus();
}

void SystemLogView::rebuild()
{
    m_text->clear();
    if (!m_stream)
        return;
    QStringList shown;
    for (int i = 0; i < m_stream->lineCount(); ++i)
        if (m_filter.matches(m_stream->line(i)))
            shown.append(shownText(m_stream->line(i)));
    if (!shown.isEmpty())
        m_text->setPlainText(shown.join(QLatin1Char('\n')));
    m_text->setTextCursor(QTextCursor(m_text->document()->lastBlock()));
    m_text->verticalScrollBar()->setValue(m_text->verticalScrollBar()->maximum());
    m_text->horizontalScrollBar()->setValue(0);
    Q_EMIT linesShown();
}

QString SystemLogView::shownText(const LogLine &line) const
{
    // The time leads, as `shipyardctl logs --timestamps` prints it, but local
    // and without the date: the filter never looks at it, nor at the pod's name.
    if (m_times->isChecked())
        return line.localTimeOfDay() + QLatin1Char(' ') + line.prefixed();
    return line.prefixed();
}

void SystemLogView::applyFilter()
{
    m_filter.setText(m_filterEdit->text(), m_regex->isChecked());
    m_filter.setPod(m_podBox->currentData().toString());
    m_highlighter->setSearchText(m_regex->isChecked() ? QString() : m_filterEdit->text());
    rebuild();
    updateStatus();
}

void SystemLogView::updatePods()
{
    if (!m_stream)
        return;
    const QString current = m_podBox->currentData().toString();
    const QSignalBlocker blocker(m_podBox);
    while (m_podBox->count() > 1)
        m_podBox->removeItem(1);
    QStringList pods = m_stream->pods();
    // A pod chosen and since gone stays a choice: its lines are still there.
    if (!current.isEmpty() && !pods.contains(current))
        pods.append(current);
    std::sort(pods.begin(), pods.end());
    for (const QString &pod : std::as_const(pods)) {
        QPixmap swatch(10, 10);
        swatch.fill(SystemLogHighlighter::colorOf(pod, palette().color(QPalette::Window).lightness() < 128));
        m_podBox->addItem(QIcon(swatch), pod, pod);
    }
    m_podBox->setCurrentIndex(qMax(0, m_podBox->findData(current)));
    updateStatus();
}

void SystemLogView::updateStatus()
{
    if (!m_stream) {
        m_status->clear();
        return;
    }
    QString status = tr("%n line(s) (%1 dropped)", nullptr, m_stream->lineCount()).arg(m_stream->droppedCount());
    if (!m_filter.isEmpty())
        status += tr(", %n shown", nullptr, shownLineCount());
    if (!m_filter.isValid())
        status = m_filter.errorString();
    if (!isFollowing())
        status += tr(", paused");
    status += tr(" · %n pod(s)", nullptr, int(m_stream->pods().size()));
    m_status->setText(status);
    m_status->setToolTip(m_error);
}

void SystemLogView::setFilterText(const QString &text, bool regularExpression)
{
    const QSignalBlocker blocker(m_regex);
    m_regex->setChecked(regularExpression);
    m_filterEdit->setText(text);
    applyFilter();
}

void SystemLogView::setPodFilter(const QString &pod)
{
    if (!pod.isEmpty() && m_podBox->findData(pod) < 0)
        m_podBox->addItem(pod, pod);
    m_podBox->setCurrentIndex(qMax(0, m_podBox->findData(pod)));
}

void SystemLogView::setFollowing(bool follow)
{
    m_follow->setChecked(follow);
}

bool SystemLogView::isFollowing() const
{
    return m_follow->isChecked();
}

void SystemLogView::setShowingTimes(bool show)
{
    m_times->setChecked(show);
}

bool SystemLogView::isShowingTimes() const
{
    return m_times->isChecked();
}

int SystemLogView::shownLineCount() const
{
    return m_text->document()->isEmpty() ? 0 : m_text->blockCount();
}

QString SystemLogView::text() const
{
    return m_text->toPlainText();
}

QString SystemLogView::statusText() const
{
    return m_status->text();
}

QStringList SystemLogView::podChoices() const
{
    QStringList pods;
    for (int i = 1; i < m_podBox->count(); ++i)
        pods.append(m_podBox->itemData(i).toString());
    return pods;
}

} // namespace Shipyard
