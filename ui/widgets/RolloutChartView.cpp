// SPDX-License-Identifier: GPL-2.0-or-later
#include "widgets/RolloutChartView.h"

#include "live/ReplicaTimeline.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

namespace Shipyard {

namespace {

const QColor readyColor(0x2e, 0x9d, 0x55);
const QColor failedColor(0xd6, 0x45, 0x45);
const QColor startColor(0xd9, 0x8b, 0x1a);

// The shortest span shown, so that the first seconds are not stretched
// across the chart, yet a rollout of a few seconds stays readable.
constexpr qint64 minimumSpanMs = 20 * 1000;

int valueOf(const ReplicaTimeline::Sample &sample, RolloutChartView::Line line)
{
    switch (line) {
    case RolloutChartView::Line::Desired:
        return sample.desired;
    case RolloutChartView::Line::Updated:
        return sample.updated;
    case RolloutChartView::Line::Ready:
        return sample.ready;
    }
    return 0;
}

QString clock(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QStringLiteral("HH:mm:ss"));
}

} // namespace

RolloutChartView::RolloutChartView(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setAccessibleName(tr("Ready replicas over time"));
    setMinimumHeight(180);
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_desired = new QLineSeries;
    m_desired->setName(tr("desired"));
    m_updated = new QLineSeries;
    m_updated->setName(tr("updated"));
    m_ready = new QLineSeries;
    m_ready->setName(tr("ready"));
    m_time = new QDateTimeAxis;
    m_time->setFormat(QStringLiteral("HH:mm:ss"));
    m_time->setTickCount(5);
    m_count = new QValueAxis;
    m_count->setLabelFormat(QStringLiteral("%d"));
    m_count->setTickType(QValueAxis::TicksDynamic);
    m_count->setTickAnchor(0);
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_count, Qt::AlignLeft);
    // Desired (dashed) last, on top: it mostly runs along the ready line.
    for (QLineSeries *series : { m_updated, m_ready, m_desired }) {
        chart->addSeries(series);
        series->attachAxis(m_time);
        series->attachAxis(m_count);
    }
    // setChart() lets go of the chart QChartView made for itself without deleting it.
    QChart *made = this->chart();
    setChart(chart);
    delete made;
    applyPalette();
    m_clock.setInterval(1000);
    // Hidden (another tab, another view): nothing to move until shown again.
    connect(&m_clock, &QTimer::timeout, this, [this] {
        if (isVisible())
            extendToNow();
    });
    setTimeline(nullptr);
}

RolloutChartView::~RolloutChartView() = default;

void RolloutChartView::setTimeline(ReplicaTimeline *timeline, const QString &title)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_timeline = timeline;
    m_title = title;
    if (timeline) {
        m_connections.append(connect(
            timeline, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
                for (int row = first; row <= last; ++row)
                    appendRow(row);
                extendToNow();
                updateSummary();
            }));
        // Rows leave only from the front (age, count) or all at once: drawing anew is simplest.
        m_connections.append(connect(timeline, &QAbstractItemModel::rowsRemoved, this, &RolloutChartView::rebuild));
        m_connections.append(connect(timeline, &QAbstractItemModel::modelReset, this, &RolloutChartView::rebuild));
        m_connections.append(connect(timeline, &QObject::destroyed, this, [this] { setTimeline(nullptr); }));
        m_clock.start();
    } else {
        m_clock.stop();
    }
    rebuild();
}

QLineSeries *RolloutChartView::series(Line line) const
{
    switch (line) {
    case Line::Desired:
        return m_desired;
    case Line::Updated:
        return m_updated;
    case Line::Ready:
        return m_ready;
    }
    return nullptr;
}

QList<QDateTime> RolloutChartView::marks(Mark kind) const
{
    QList<QDateTime> times;
    for (const MarkLine &mark : m_marks) {
        if (mark.kind == kind)
            times.append(mark.time);
    }
    return times;
}

void RolloutChartView::rebuild()
{
    for (QLineSeries *series : { m_desired, m_updated, m_ready })
        series->clear();
    for (const MarkLine &mark : std::as_const(m_marks)) {
        chart()->removeSeries(mark.series);
        delete mark.series;
    }
    m_marks.clear();
    m_highest = 0;
    if (m_timeline) {
        // All points at once: a series redraws on every append, and a full
        // timeline drops a row from its front on every new one.
        for (Line line : { Line::Desired, Line::Updated, Line::Ready }) {
            QList<QPointF> points;
            points.reserve(2 * m_timeline->sampleCount());
            for (const ReplicaTimeline::Sample &sample : m_timeline->samples()) {
                const double at = double(sample.time.toMSecsSinceEpoch());
                const int value = valueOf(sample, line);
                m_highest = std::max(m_highest, value);
                if (!points.isEmpty())
                    points.back().setX(at);
                points.append(QPointF(at, value));
                points.append(QPointF(at, value));
            }
            series(line)->replace(points);
        }
        for (int row = 0; row < m_timeline->sampleCount(); ++row)
            addMarks(row);
    }
    extendToNow();
    updateSummary();
}

void RolloutChartView::appendRow(int row)
{
    const ReplicaTimeline::Sample &sample = m_timeline->sample(row);
    const double at = double(sample.time.toMSecsSinceEpoch());
    for (Line line : { Line::Desired, Line::Updated, Line::Ready }) {
        QLineSeries *series = this->series(line);
        const int value = valueOf(sample, line);
        m_highest = std::max(m_highest, value);
        // Each line ends in a point that extendToNow() moves along: the step
        // is that point brought back to this sample's time, then the new value.
        if (series->count() > 0) {
            const int last = series->count() - 1;
            series->replace(last, QPointF(at, series->at(last).y()));
        }
        series->append(at, value);
        series->append(at, value);
    }
    addMarks(row);
}

void RolloutChartView::addMarks(int row)
{
    const ReplicaTimeline::Sample &sample = m_timeline->sample(row);
    const auto add = [&](Mark kind, const QString &name, const QPen &pen) {
        bool first = true;
        for (const MarkLine &mark : std::as_const(m_marks))
            first &= mark.kind != kind;
        auto *series = new QLineSeries;
        series->setName(name);
        series->setPen(pen);
        const double at = double(sample.time.toMSecsSinceEpoch());
        series->append(at, 0);
        series->append(at, m_count->max());
        chart()->addSeries(series);
        series->attachAxis(m_time);
        series->attachAxis(m_count);
        // One legend entry per kind of mark.
        if (!first) {
            for (QLegendMarker *legend : chart()->legend()->markers(series))
                legend->setVisible(false);
        }
        m_marks.append({ kind, sample.time, series });
    };
    if (sample.events.testFlag(ReplicaTimeline::RolloutStarted))
        add(Mark::Started, tr("rollout started"), QPen(startColor, 2));
    if (sample.events.testFlag(ReplicaTimeline::RolloutCompleted))
        add(Mark::Completed, tr("rolled out"), QPen(readyColor, 1.5, Qt::DashLine));
    if (sample.events.testFlag(ReplicaTimeline::RolloutFailed))
        add(Mark::Failed, tr("rollout failed"), QPen(failedColor, 2, Qt::DashLine));
}

void RolloutChartView::extendToNow()
{
    if (m_timeline && m_timeline->sampleCount() > 0) {
        const double now = double(
            std::max(QDateTime::currentMSecsSinceEpoch(), m_timeline->samples().constLast().time.toMSecsSinceEpoch()));
        for (QLineSeries *series : { m_desired, m_updated, m_ready }) {
            const int last = series->count() - 1;
            if (last > 0)
                series->replace(last, QPointF(now, series->at(last).y()));
        }
    }
    updateAxes();
}

void RolloutChartView::updateAxes()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 from = now - minimumSpanMs;
    qint64 to = now;
    if (m_timeline && m_timeline->sampleCount() > 0) {
        to = std::max(now, m_timeline->samples().constLast().time.toMSecsSinceEpoch());
        const qint64 first = m_timeline->sample(0).time.toMSecsSinceEpoch();
        // A little room before the first sample, so that a change there is not lost in the axis.
        from = std::min(first - std::max<qint64>(1000, (to - first) / 30), to - minimumSpanMs);
    }
    // Points are milliseconds since the epoch; the axis shows them in local time.
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
    const int top = std::max(1, m_highest) + 1;
    if (int(m_count->max()) != top) {
        m_count->setRange(0, top);
        m_count->setTickInterval(std::max(1, top / 5));
        for (const MarkLine &mark : std::as_const(m_marks))
            mark.series->replace(1, QPointF(mark.series->at(1).x(), top));
    }
}

QString RolloutChartView::summary() const
{
    return summaryText(true);
}

QString RolloutChartView::summaryText(bool withReason) const
{
    if (!m_timeline || m_timeline->sampleCount() == 0)
        return tr("No replica counts recorded yet.");
    const ReplicaTimeline::Sample &last = m_timeline->samples().constLast();
    QString text = tr("%1 of %2 replicas ready, %3 updated").arg(last.ready).arg(last.desired).arg(last.updated);
    // The latest rollout: when it started and how it ended, if it did.
    for (int row = m_timeline->sampleCount() - 1; row >= 0; --row) {
        const ReplicaTimeline::Sample &sample = m_timeline->sample(row);
        if (sample.events == ReplicaTimeline::NoEvent)
            continue;
        if (sample.events.testFlag(ReplicaTimeline::RolloutCompleted))
            text += tr("; rolled out at %1").arg(clock(sample.time));
        else if (sample.events.testFlag(ReplicaTimeline::RolloutFailed) && withReason)
            text += tr("; rollout failed at %1: %2").arg(clock(sample.time), sample.message);
        else if (sample.events.testFlag(ReplicaTimeline::RolloutFailed))
            text += tr("; rollout failed at %1").arg(clock(sample.time));
        else
            text += tr("; rollout of revision %1 started at %2").arg(sample.revision).arg(clock(sample.time));
        break;
    }
    return text;
}

void RolloutChartView::updateSummary()
{
    const QString text = summary();
    setAccessibleDescription(text);
    setToolTip(text);
    // The title stays one line; the failure's reason is in the tooltip.
    const QString brief = summaryText(false);
    chart()->setTitle(m_title.isEmpty() ? brief : tr("%1 — %2").arg(m_title, brief));
}

void RolloutChartView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyPalette();
}

void RolloutChartView::applyPalette()
{
    QChart *chart = this->chart();
    const QPalette palette = this->palette();
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    chart->setBackgroundBrush(palette.base());
    chart->setTitleBrush(palette.text());
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    QColor grid = palette.color(QPalette::Text);
    grid.setAlpha(40);
    for (QAbstractAxis *axis : { static_cast<QAbstractAxis *>(m_time), static_cast<QAbstractAxis *>(m_count) }) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
    QColor desired = palette.color(QPalette::Text);
    desired.setAlpha(150);
    m_desired->setPen(QPen(desired, 1.5, Qt::DashLine));
    m_updated->setPen(QPen(dark ? QColor(0x5a, 0xa0, 0xff) : QColor(0x1f, 0x5f, 0xbf), 2));
    m_ready->setPen(QPen(readyColor, 2.5));
}

} // namespace Shipyard
