// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "gating/FreezeCalendar.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace Shipyard {

// An environment's freeze windows as time passes, for views that show
// "frozen until …" and the next window: changed() comes when a window
// begins or ends, so a view open over a weekend needs no refresh by hand.
class FreezeWatch : public QObject
{
    Q_OBJECT
public:
    explicit FreezeWatch(QObject *parent = nullptr);

    void setWindows(const QList<FreezeWindow> &windows);
    const QList<FreezeWindow> &windows() const { return m_windows; }
    // The clock read for "now"; the default is the system's. For tests.
    void setClock(std::function<QDateTime()> clock);

    // The window holding now, if any, and the next one to begin after it
    // (after the current one's end while frozen), as of the last change.
    const std::optional<FreezeCalendar::Occurrence> &frozen() const { return m_frozen; }
    const std::optional<FreezeCalendar::Occurrence> &next() const { return m_next; }
    bool isFrozen() const { return m_frozen.has_value(); }

    // "Frozen until Mon 7 Dec 08:00 (Europe/Berlin): the weekend" and, on a
    // line of its own, the next window; empty when there are no windows.
    QString describe() const;

Q_SIGNALS:
    void changed();

private:
    void update();

    QList<FreezeWindow> m_windows;
    std::function<QDateTime()> m_clock;
    std::optional<FreezeCalendar::Occurrence> m_frozen;
    std::optional<FreezeCalendar::Occurrence> m_next;
    QTimer m_timer;
};

} // namespace Shipyard
