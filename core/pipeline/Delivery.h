// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/ClusterAccess.h"
#include "model/Ecosystem.h"
#include "releases/CanaryStepResult.h"
#include "support/Fault.h"
#include "support/SecretMasker.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>

class QThread;

namespace Shipyard {

class DeliveryContext;
class DeliveryStep;

// One delivery of one or more systems into one environment, step by step,
// each step across all systems before the next:
//   lock → update (feature branch onto upstream) → build → test → verify
//   (images in the registry) → migrate (the systems' `migrate.up` Jobs) →
//   deploy (server-side apply, rollouts) → smoke
//   → monitor (the ecosystem's Prometheus query and the environment's
//   Alertmanager alerts over their windows) → merge
//   (staging and production only) → [rollback on any failure after the
//   first migration or object, a failed merge included: the migrations'
//   `down` Jobs, then the last good release restored].
// Nothing is left half done: a failure or a cancel after the first object
// was applied restores the environment's last good release, records the
// failed release and returns the tasks to their developers.
//
// Each step is a DeliveryStep (pipeline/steps/) over a DeliveryContext that
// holds what the run shares; Delivery runs them in order, acts on their
// verdicts and has a RollbackStep undo a failure once objects were applied.
//
// Secrets never leave it: every log line, step message and reason is masked
// (the environment's secrets and the ecosystem's credential variables, see
// SecretMasker) before it is kept or signalled, and the build, test and smoke
// commands run without Shipyard's credentials (CommandEnvironment).
//
// start() returns at once; the work runs in a thread of its own. Signals
// come from that thread: connect with the default connection type to get
// them queued into the receiver's thread.
class Delivery : public QObject
{
    Q_OBJECT
public:
    enum class Step { Lock, Update, Build, Test, Verify, Migrate, Deploy, Canary, Smoke, Monitor, Rollback, Merge };
    Q_ENUM(Step)
    enum class State { Pending, Running, Succeeded, Failed, Skipped, Cancelled };
    Q_ENUM(State)
    enum class Outcome { Succeeded, Failed, RolledBack, Cancelled };
    Q_ENUM(Outcome)

    struct Target
    {
        QString system;
        QString branch; // a feature branch; empty or "upstream" for the system's upstream
        QString image; // given: no build, this image is delivered
        bool usesUpstream() const { return branch.isEmpty() || branch == QLatin1String("upstream"); }
    };

    struct Options
    {
        bool waitForLock = false;
        ClusterAccess cluster; // the clusters the program read at its start
        QString identity; // empty: user@host/pid
        QString auditJournal; // empty: AuditJournal::defaultPath()
        QString taskKey; // showrooms: the namespace's task; default: from the first branch
        // Deliver even when a branch fails the ecosystem's gates (see
        // DeliveryGate); the update step, the log and the audit say so.
        bool skipGates = false;
        // Why a person delivers into a frozen environment anyway: audited and
        // recorded. Empty: a freeze window refuses the delivery. The robot never sets it.
        QString freezeOverride;
        // The delivery's clock for freeze windows; empty: now. For tests.
        QDateTime clock;
        // Why a person delivers while alerts of the environment fire (see
        // AlertTrigger): audited and recorded, and those alerts are not held
        // against the release while they go on. Empty: a firing alert
        // refuses the delivery. The robot never sets it.
        QString alertOverride;
        bool runTests = true;
        bool runSmoke = true;
        bool verifyImages = true; // also skipped when the ecosystem names no registry
        // The watch after the release: the ecosystem's rollback.monitoring
        // and the environment's alerts, if any.
        bool watchMonitoring = true;
        QString imageStorage; // buildah's storage; empty: ImageBuilder's default
        std::chrono::seconds leaseDuration { 15 };
    };

    struct StepState
    {
        Step step = Step::Lock;
        QString system; // empty for steps over the whole environment
        State state = State::Pending;
        QDateTime started;
        QDateTime finished;
        QString message;
    };

    struct Result
    {
        Outcome outcome = Outcome::Failed;
        QString failedStep; // "deploy", "update", …
        QString reason;
        QString releaseId; // the record of this delivery
        QString previousReleaseId; // what a rollback restored
        QStringList returnedTasks;
        bool refusedByGate = false; // a branch failed a gate; nothing was changed
        // Alerts of the environment fire; nothing was changed, and a person
        // may deliver anyway, saying why (Options::alertOverride).
        bool refusedByAlerts = false;
        // Whose failure it was (see Fault): only a branch's returns tasks.
        Fault fault = Fault::Branch;
        // The lock may have been another's: the delivery stopped writing, did
        // not roll back, and left its record in progress for the next one.
        bool interrupted = false;
        std::chrono::milliseconds duration { 0 };
        std::chrono::milliseconds rollbackDuration { 0 };
        bool succeeded() const { return outcome == Outcome::Succeeded; }
    };

    Delivery(const Ecosystem &ecosystem, const QString &environment, const QList<Target> &targets,
        const Options &options, QObject *parent = nullptr);
    ~Delivery() override;

    void start();
    // Stops at the next check; what was applied is rolled back.
    void cancel();
    bool isRunning() const;
    // Blocks until the run is over (for shipyardctl and tests); false on timeout.
    bool wait(std::chrono::milliseconds timeout = std::chrono::hours(1));

    QList<StepState> steps() const;
    // The canary steps of each system that runs one (see CanaryStep), as
    // far as they went; every step is there from the start, pending.
    QMap<QString, QList<CanaryStepResult>> canary() const;
    Result result() const;
    QString log() const;

    // The steps as a release record keeps them (see ReleaseRecord::steps) and
    // `shipyardctl deliver --output json` shows them: {step, system, state,
    // started, finished, message}, empty fields left out.
    static QList<StepState> stepsFromJson(const QJsonArray &steps);
    static QJsonArray stepsToJson(const QList<StepState> &steps);

    static QString keyword(Step step);
    static QString keyword(State state);
    static QString keyword(Outcome outcome);

    // What the log, the steps' messages, the result, the release record, the
    // audit and the tracker comments are masked with.
    const SecretMasker &masker() const { return m_masker; }

Q_SIGNALS:
    void stepStateChanged(
        Shipyard::Delivery::Step step, const QString &system, Shipyard::Delivery::State state, const QString &message);
    void logLine(const QString &line);
    // A state of SYSTEM's Deployment read while waiting for its rollout
    // (deploy, and the rollback's restore); none after finished().
    void deploymentState(const QString &system, const QJsonObject &deployment);
    // SYSTEM's canary moved on: its steps with their verdicts so far.
    void canaryChanged(const QString &system, const QList<Shipyard::CanaryStepResult> &steps);
    void finished(const Shipyard::Delivery::Result &result);

private:
    // The steps report through the context into the step table and the log.
    friend class DeliveryContext;
    struct StateGate;
    // What a ReleaseApplier reports deployment states to, knowing their systems.
    std::function<void(const QJsonObject &)> deploymentObserver(const QHash<QString, QString> &systems) const;
    void run();
    // Runs STEP and acts on its verdict; false once the delivery is over.
    bool runStep(DeliveryContext &context, DeliveryStep &step);
    // Every step passed: the release is recorded as good and the delivery ends.
    void recordRelease(DeliveryContext &context);
    // The end of a delivery that held the lock: audited, the lock released.
    void end(DeliveryContext &context, Outcome outcome, Step step, const QString &reason);
    // The lock may be another's: ends without a write to the cluster.
    void interrupt(DeliveryContext &context, Step step, const QString &reason);
    void finish(DeliveryContext &context, Outcome outcome, const QString &failedStep, const QString &reason);
    void setState(Step step, const QString &system, State state, const QString &message = {});
    void setCanary(const QString &system, const QList<CanaryStepResult> &steps);
    void appendLog(const QString &line);
    QStringList logLines() const;
    // The steps for the release record: what has not run yet never will.
    QJsonArray recordedSteps() const;

    Ecosystem m_ecosystem;
    QString m_environment;
    QList<Target> m_targets;
    Options m_options;
    // Made once, before the run: read from any thread, never changed.
    const SecretMasker m_masker;

    mutable std::mutex m_mutex;
    QList<StepState> m_steps;
    QMap<QString, QList<CanaryStepResult>> m_canary;
    QStringList m_log;
    Result m_result;
    std::atomic_bool m_cancel { false };
    std::atomic_bool m_running { false };
    QThread *m_thread = nullptr;
    // Rollout waits may outlive the run (a cancel leaves them to time out):
    // they report through this gate, closed when the run ends.
    std::shared_ptr<StateGate> m_stateGate;
};

} // namespace Shipyard

Q_DECLARE_METATYPE(Shipyard::Delivery::Result)
