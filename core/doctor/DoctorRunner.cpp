// SPDX-License-Identifier: GPL-2.0-or-later
#include "doctor/DoctorRunner.h"

#include <QMetaObject>
#include <QTimer>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace Shipyard {

namespace {

// A check's clients give up at the timeout themselves; the runner waits a
// little longer, so that their own words (which server, which error) win
// over a plain "no answer" whenever they come in time.
constexpr std::chrono::milliseconds grace { 750 };

} // namespace

// What the threads of every run share with the runner: the runner may be
// gone before a thread that waited on a silent server ends.
struct DoctorRunner::Shared
{
    std::mutex mutex;
    DoctorRunner *runner = nullptr; // null once the runner is destroyed
    int threads = 0;
    std::condition_variable idle;
};

struct DoctorRunner::Run
{
    std::atomic_bool cancelled { false };
};

DoctorRunner::DoctorRunner(QObject *parent)
    : QObject(parent), m_shared(std::make_shared<Shared>()), m_deadline(new QTimer(this))
{
    m_shared->runner = this;
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, &DoctorRunner::timeUp);
}

DoctorRunner::~DoctorRunner()
{
    if (m_run)
        m_run->cancelled = true;
    const std::lock_guard lock(m_shared->mutex);
    m_shared->runner = nullptr;
}

void DoctorRunner::start(const Checks &checks, std::chrono::milliseconds timeout)
{
    cancel();
    ++m_generation;
    m_run = std::make_shared<Run>();
    m_checks = checks;
    m_timeout = timeout;
    m_results = QList<std::optional<DoctorResult>>(checks.size());
    m_running = true;
    m_clock.start();
    Q_EMIT started();
    if (checks.isEmpty()) {
        m_running = false;
        m_elapsedMs = 0;
        Q_EMIT finished();
        return;
    }
    for (int index = 0; index < checks.size(); ++index) {
        {
            const std::lock_guard lock(m_shared->mutex);
            ++m_shared->threads;
        }
        std::thread([shared = m_shared, run = m_run, check = checks[index], generation = m_generation, index, timeout] {
            QElapsedTimer clock;
            clock.start();
            DoctorResult result = check->run({ timeout, &run->cancelled });
            result.latencyMs = clock.elapsed();
            const std::lock_guard lock(shared->mutex);
            if (DoctorRunner *runner = shared->runner) {
                // Queued to the runner's thread; dropped if the runner goes first.
                QMetaObject::invokeMethod(
                    runner, [runner, generation, index, result] { runner->deliver(generation, index, result); },
                    Qt::QueuedConnection);
            }
            --shared->threads;
            shared->idle.notify_all();
        }).detach();
    }
    m_deadline->start(timeout + grace);
}

void DoctorRunner::cancel()
{
    if (!m_running)
        return;
    m_run->cancelled = true;
    m_deadline->stop();
    m_running = false;
    m_elapsedMs = m_clock.elapsed();
    ++m_generation; // late results of the stopped run are dropped
}

qint64 DoctorRunner::elapsedMs() const
{
    return m_running ? m_clock.elapsed() : m_elapsedMs;
}

bool DoctorRunner::waitForThreads(int ms) const
{
    std::unique_lock lock(m_shared->mutex);
    return m_shared->idle.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_shared->threads == 0; });
}

void DoctorRunner::deliver(quint64 generation, int index, const DoctorResult &answer)
{
    if (generation != m_generation || !m_running || m_results[index])
        return;
    DoctorResult result = answer;
    result.detail = m_masker.mask(result.detail);
    result.remedy = m_masker.mask(result.remedy);
    m_results[index] = result;
    Q_EMIT resultReady(index, result);
    for (const std::optional<DoctorResult> &each : std::as_const(m_results)) {
        if (!each)
            return;
    }
    m_deadline->stop();
    m_running = false;
    m_elapsedMs = m_clock.elapsed();
    Q_EMIT finished();
}

void DoctorRunner::timeUp()
{
    if (!m_running)
        return;
    m_run->cancelled = true;
    const quint64 generation = m_generation;
    for (int index = 0; index < m_checks.size(); ++index) {
        if (m_results[index])
            continue;
        DoctorResult result = m_checks[index]->unanswered(m_timeout);
        result.latencyMs = m_clock.elapsed();
        deliver(generation, index, result);
    }
}

} // namespace Shipyard
