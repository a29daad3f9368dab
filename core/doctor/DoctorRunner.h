// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "doctor/DoctorCheck.h"
#include "doctor/DoctorResult.h"
#include "support/SecretMasker.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <chrono>
#include <memory>
#include <optional>

class QTimer;

namespace Shipyard {

// Runs checks all at once, each in a thread of its own, and reports each
// result in the runner's thread as soon as it is there: the window fills
// its rows one by one, and a context that never answers costs the others
// nothing. A check still running when its time is up is reported broken
// ("no answer within 5 s") and told to stop; whatever it says later is
// dropped.
class DoctorRunner : public QObject
{
    Q_OBJECT
public:
    using Checks = QList<std::shared_ptr<const DoctorCheck>>;

    explicit DoctorRunner(QObject *parent = nullptr);
    ~DoctorRunner() override;

    // Starts CHECKS, after stopping a run that has not finished. Emits
    // started() at once, then resultReady() for each check, then finished().
    void start(const Checks &checks, std::chrono::milliseconds timeout);
    // Every detail and remedy goes through MASKER before it is reported:
    // a server's error may quote what it was sent.
    void setMasker(const SecretMasker &masker) { m_masker = masker; }
    void cancel();
    bool isRunning() const { return m_running; }

    const Checks &checks() const { return m_checks; }
    // Each check's result, in the order of checks(); nullopt while it runs.
    const QList<std::optional<DoctorResult>> &results() const { return m_results; }
    // From start() to the last result (or now, while running).
    qint64 elapsedMs() const;

    // Waits until no thread of any run is left, at most MS; false when some
    // still are. For a program about to exit, whose threads might otherwise
    // be cut off in the middle of a library call.
    bool waitForThreads(int ms) const;

Q_SIGNALS:
    void started();
    void resultReady(int index, const Shipyard::DoctorResult &result);
    void finished();

private:
    struct Shared;
    struct Run;
    void deliver(quint64 generation, int index, const DoctorResult &result);
    void timeUp();

    std::shared_ptr<Shared> m_shared;
    std::shared_ptr<Run> m_run;
    quint64 m_generation = 0;
    Checks m_checks;
    QList<std::optional<DoctorResult>> m_results;
    std::chrono::milliseconds m_timeout { 5000 };
    QElapsedTimer m_clock;
    qint64 m_elapsedMs = 0;
    bool m_running = false;
    QTimer *m_deadline = nullptr;
    SecretMasker m_masker;
};

} // namespace Shipyard
