// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDeadlineTimer>
#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

namespace Shipyard {

// A watch over a window of time: one check every interval, never two at
// once, and one verdict. A subclass asks its server (check()) and hands the
// answer back through settle(); this class times the next check so that the
// last one falls on the end of the window, and concludes: passed when the
// window ends with at least one answer, inconclusive when none came, since
// a server that never answered must not read as "all quiet". A subclass's
// own verdict (a threshold exceeded, an alert fired) ends it sooner.
class WindowedWatch : public QObject
{
    Q_OBJECT
public:
    ~WindowedWatch() override;

    // The first check follows start() at once, from the event loop.
    void setInterval(std::chrono::milliseconds interval) { m_interval = interval; }
    std::chrono::milliseconds interval() const { return m_interval; }
    void setWindow(std::chrono::milliseconds window) { m_window = window; }
    std::chrono::milliseconds window() const { return m_window; }

    void start();
    // Stops without a verdict (the release is being rolled back anyway).
    void stop();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    // A check that failed; the watch goes on.
    void queryFailed(const QString &error);
    void passed();
    void inconclusive(const QString &reason);

protected:
    WindowedWatch(std::chrono::milliseconds interval, std::chrono::milliseconds window, QObject *parent);

    // Starts one check, off this thread; its answer comes back through
    // settle(), in this object's thread.
    virtual void check() = 0;
    // A check's answer: ERROR when it failed, else JUDGE, which looks at the
    // answer and returns true when it gave the watch's verdict itself (after
    // stop()). LASTING: ERROR is one no later check can cure (the server
    // refused the credentials, which are read once), so the watch concludes
    // now, as it would at the end of the window, instead of asking again.
    void settle(const QString &error, const std::function<bool()> &judge, bool lasting = false);

    // Runs ASK on a pool thread and hands its result to ANSWERED in this
    // object's thread (not at all once the watch is gone). ASK gets a flag
    // set when this watch goes, for its request to end early; the worker
    // holds the flag, which thus outlives a watch deleted while a request is
    // still being read.
    template<typename Result>
    void askOffThread(
        std::function<Result(const std::atomic_bool *cancelled)> ask, std::function<void(const Result &)> answered)
    {
        QPromise<Result> promise;
        QFuture<Result> future = promise.future();
        QThreadPool::globalInstance()->start(
            [promise = std::move(promise), ask = std::move(ask), cancelled = m_cancelled]() mutable {
                promise.start();
                promise.addResult(ask(cancelled.get()));
                promise.finish();
            });
        future.then(this, std::move(answered));
    }
    // What one request may take: not much beyond an interval.
    int requestTimeoutMs() const;

private:
    void next();
    void conclude();

    std::shared_ptr<std::atomic_bool> m_cancelled;
    std::chrono::milliseconds m_interval;
    std::chrono::milliseconds m_window;
    QDeadlineTimer m_deadline;
    QTimer m_timer;
    bool m_running = false;
    bool m_inFlight = false;
    int m_answers = 0;
    QString m_lastError;
};

} // namespace Shipyard
