// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "live/ReplicaTimeline.h"

#include <QChartView>
#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QTimer>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace Shipyard {

// A deployment's desired, updated and ready replicas over time as step
// lines, from a ReplicaTimeline it follows row by row; each rollout's start
// (and its end, green or red) a vertical line. Time runs in local time up to
// now, the last counts held until the next change.
class RolloutChartView : public QChartView
{
    Q_OBJECT
public:
    enum class Line { Desired, Updated, Ready };
    enum class Mark { Started, Completed, Failed };

    explicit RolloutChartView(QWidget *parent = nullptr);
    ~RolloutChartView() override;

    // Follows TIMELINE (not owned; nullptr: an empty chart). TITLE names what it shows.
    void setTimeline(ReplicaTimeline *timeline, const QString &title = {});
    ReplicaTimeline *timeline() const { return m_timeline; }

    // What is drawn, for tests and screen readers: the line's points
    // (x in ms since the epoch), the marks' times.
    QLineSeries *series(Line line) const;
    QList<QDateTime> marks(Mark kind) const;
    QString summary() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct MarkLine
    {
        Mark kind;
        QDateTime time;
        QLineSeries *series;
    };

    void rebuild();
    void appendRow(int row);
    void addMarks(int row);
    void extendToNow();
    void updateAxes();
    void applyPalette();
    void updateSummary();
    QString summaryText(bool withReason) const;

    QPointer<ReplicaTimeline> m_timeline;
    QString m_title;
    QList<QMetaObject::Connection> m_connections;
    QLineSeries *m_desired = nullptr;
    QLineSeries *m_updated = nullptr;
    QLineSeries *m_ready = nullptr;
    QList<MarkLine> m_marks;
    QDateTimeAxis *m_time = nullptr;
    QValueAxis *m_count = nullptr;
    int m_highest = 0;
    QTimer m_clock; // moves "now" along while the lines are drawn
};

} // namespace Shipyard
