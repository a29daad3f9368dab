// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/Delivery.h"

#include "audit/AuditJournal.h"
#include "audit/AuditTrail.h"
#include "build/CommandRunner.h"
#include "build/ImageBuilder.h"
#include "build/RegistryClient.h"
#include "gating/TaskReturner.h"
#include "git/Integrator.h"
#include "git/Repository.h"
#include "model/Labels.h"
#include "model/TaskKeyExtractor.h"
#include "monitoring/MonitoringWatch.h"
#include "pipeline/DeliveryGate.h"
#include "pipeline/EnvironmentLock.h"
#include "releases/ManifestReader.h"
#include "releases/ReleaseApplier.h"
#include "releases/ReleaseStore.h"
#include "support/SecretMasker.h"
#include "tracker/TrackerFactory.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QMetaEnum>
#include <QSysInfo>
#include <QThread>
#include <QTimer>

#include <cmath>

namespace Shipyard {

namespace {

template<typename E> QString enumKeyword(E value)
{
    return QString::fromLatin1(QMetaEnum::fromType<E>().valueToKey(int(value))).toLower();
}

ImageBuildResult buildImage(const RegistrySettings &registry, const QString &storage, const System &system,
    const QString &directory, const QString &commit, const std::function<void(const QString &)> &log,
    const std::atomic_bool &cancel)
{
    ImageBuilder builder(registry);
    if (!storage.isEmpty())
        builder.setStorageDirectory(storage);
    ImageBuildResult result;
    QEventLoop loop;
    QObject::connect(&builder, &ImageBuilder::logLine, &builder, [&](const QString &line) { log(line); });
    QObject::connect(&builder, &ImageBuilder::finished, &loop, [&](const ImageBuildResult &finished) {
        result = finished;
        loop.quit();
    });
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, &builder, [&] {
        if (cancel)
            builder.cancel();
    });
    watch.start(100);
    builder.start(system, directory, commit);
    if (builder.isRunning())
        loop.exec();
    return result;
}

// What the log kept with a release record must not show: the environment's
// secrets, and the values of the variables the ecosystem names for its
// credentials, whatever those are called.
SecretMasker recordLogMasker(const Ecosystem &ecosystem)
{
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    SecretMasker masker(environment);
    for (const QString &variable : { ecosystem.registry.passwordEnvironmentVariable,
             ecosystem.tracker.tokenEnvironmentVariable, ecosystem.gating.reviews.tokenEnvironmentVariable }) {
        if (!variable.isEmpty())
            masker.addSecret(environment.value(variable));
    }
    return masker;
}

struct MonitoringVerdict
{
    enum Kind { Passed, Exceeded, Inconclusive, Cancelled };
    Kind kind = Passed;
    QString message;
};

// Watches the release for the trigger's window in this (worker) thread.
MonitoringVerdict watchRelease(
    const MonitoringTrigger &trigger, const std::function<void(const QString &)> &log, const std::atomic_bool &cancel)
{
    MonitoringWatch watch(trigger);
    watch.setInterval(trigger.interval);
    MonitoringVerdict verdict;
    QEventLoop loop;
    QObject::connect(&watch, &MonitoringWatch::evaluated, &loop, [&](double value) {
        log(std::isnan(value) ? QStringLiteral("monitoring: no data yet")
                              : QStringLiteral("monitoring: %1 (threshold %2)").arg(value).arg(trigger.threshold));
    });
    QObject::connect(&watch, &MonitoringWatch::queryFailed, &loop,
        [&](const QString &error) { log(QStringLiteral("monitoring: query failed: ") + error); });
    QObject::connect(&watch, &MonitoringWatch::thresholdExceeded, &loop, [&](double value) {
        verdict = { MonitoringVerdict::Exceeded,
            QStringLiteral("monitoring: %1 = %2, above the threshold %3")
                .arg(trigger.query)
                .arg(value)
                .arg(trigger.threshold) };
        loop.quit();
    });
    QObject::connect(&watch, &MonitoringWatch::passed, &loop, [&] {
        verdict = { MonitoringVerdict::Passed,
            QStringLiteral("stayed at or below %1 for %2 s").arg(trigger.threshold).arg(trigger.window.count()) };
        loop.quit();
    });
    QObject::connect(&watch, &MonitoringWatch::inconclusive, &loop, [&](const QString &reason) {
        verdict = { MonitoringVerdict::Inconclusive, QStringLiteral("monitoring inconclusive: ") + reason };
        loop.quit();
    });
    QTimer cancelCheck;
    QObject::connect(&cancelCheck, &QTimer::timeout, &loop, [&] {
        if (cancel) {
            watch.stop();
            verdict = { MonitoringVerdict::Cancelled, QStringLiteral("cancelled") };
            loop.quit();
        }
    });
    cancelCheck.start(100);
    watch.start();
    loop.exec();
    return verdict;
}

} // namespace

// What the run knows about one system as it goes.
struct Delivery::Run
{
    struct Work
    {
        Target target;
        System system;
        QString directory; // the system's repository on this machine
        bool isGit = false;
        QString commit;
        QString image;
        QString task;
        QString gateSkipped; // the refusal --skip-gates overrode
        QList<QJsonObject> objects;
    };
    QList<Work> work;
    QStringList tasks;
};

struct Delivery::StateGate
{
    std::mutex mutex;
    Delivery *delivery = nullptr;
};

Delivery::Delivery(const Ecosystem &ecosystem, const QString &environment, const QList<Target> &targets,
    const Options &options, QObject *parent)
    : QObject(parent)
    , m_ecosystem(ecosystem)
    , m_environment(environment)
    , m_targets(targets)
    , m_options(options)
    , m_stateGate(std::make_shared<StateGate>())
{
    m_stateGate->delivery = this;
    m_steps.append({ Step::Lock, {}, State::Pending, {}, {}, {} });
    for (Step step : { Step::Update, Step::Build, Step::Test, Step::Verify, Step::Deploy, Step::Smoke, Step::Monitor,
             Step::Rollback, Step::Merge }) {
        for (const Target &target : targets)
            m_steps.append({ step, target.system, State::Pending, {}, {}, {} });
    }
}

Delivery::~Delivery()
{
    {
        std::lock_guard lock(m_stateGate->mutex);
        m_stateGate->delivery = nullptr;
    }
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

std::function<void(const QJsonObject &)> Delivery::deploymentObserver(const QHash<QString, QString> &systems) const
{
    return [gate = m_stateGate, systems](const QJsonObject &deployment) {
        const QString system = systems.value(deployment[QLatin1String("metadata")][QLatin1String("name")].toString());
        std::lock_guard lock(gate->mutex);
        if (gate->delivery && !system.isEmpty())
            Q_EMIT gate->delivery->deploymentState(system, deployment);
    };
}

QString Delivery::keyword(Step step)
{
    return enumKeyword(step);
}

QString Delivery::keyword(State state)
{
    return enumKeyword(state);
}

QString Delivery::keyword(Outcome outcome)
{
    return outcome == Outcome::RolledBack ? QStringLiteral("rolled-back") : enumKeyword(outcome);
}

void Delivery::start()
{
    if (m_thread)
        return;
    m_running = true;
    m_thread = QThread::create([this] { run(); });
    m_thread->start();
}

void Delivery::cancel()
{
    m_cancel = true;
}

bool Delivery::isRunning() const
{
    return m_running;
}

bool Delivery::wait(std::chrono::milliseconds timeout)
{
    if (!m_thread)
        return true;
    return m_thread->wait(QDeadlineTimer(timeout));
}

QList<Delivery::StepState> Delivery::steps() const
{
    std::lock_guard lock(m_mutex);
    return m_steps;
}

Delivery::Result Delivery::result() const
{
    std::lock_guard lock(m_mutex);
    return m_result;
}

QString Delivery::log() const
{
    std::lock_guard lock(m_mutex);
    return m_log.join(QLatin1Char('\n'));
}

void Delivery::setState(Step step, const QString &system, State state, const QString &message)
{
    {
        std::lock_guard lock(m_mutex);
        for (StepState &entry : m_steps) {
            if (entry.step != step || entry.system != system)
                continue;
            entry.state = state;
            if (state == State::Running)
                entry.started = QDateTime::currentDateTimeUtc();
            else if (state != State::Pending)
                entry.finished = QDateTime::currentDateTimeUtc();
            if (!message.isEmpty())
                entry.message = message;
        }
    }
    Q_EMIT stepStateChanged(step, system, state, message);
}

QList<Delivery::StepState> Delivery::stepsFromJson(const QJsonArray &steps)
{
    const QMetaEnum stepNames = QMetaEnum::fromType<Step>();
    const QMetaEnum stateNames = QMetaEnum::fromType<State>();
    QList<StepState> parsed;
    for (const QJsonValue &value : steps) {
        const QJsonObject object = value.toObject();
        StepState entry;
        bool stepKnown = false;
        bool stateKnown = false;
        for (int i = 0; i < stepNames.keyCount(); ++i) {
            if (QString::fromLatin1(stepNames.key(i)).toLower() == object.value(QLatin1String("step")).toString()) {
                entry.step = Step(stepNames.value(i));
                stepKnown = true;
            }
        }
        for (int i = 0; i < stateNames.keyCount(); ++i) {
            if (QString::fromLatin1(stateNames.key(i)).toLower() == object.value(QLatin1String("state")).toString()) {
                entry.state = State(stateNames.value(i));
                stateKnown = true;
            }
        }
        // A step or state of a newer Shipyard is left out rather than misread.
        if (!stepKnown || !stateKnown)
            continue;
        entry.system = object.value(QLatin1String("system")).toString();
        entry.started = QDateTime::fromString(object.value(QLatin1String("started")).toString(), Qt::ISODateWithMs);
        entry.finished = QDateTime::fromString(object.value(QLatin1String("finished")).toString(), Qt::ISODateWithMs);
        entry.message = object.value(QLatin1String("message")).toString();
        parsed.append(entry);
    }
    return parsed;
}

QJsonArray Delivery::stepsToJson(const QList<StepState> &steps)
{
    QJsonArray array;
    for (const StepState &entry : steps) {
        QJsonObject step { { QStringLiteral("step"), keyword(entry.step) },
            { QStringLiteral("state"), keyword(entry.state) } };
        if (!entry.system.isEmpty())
            step.insert(QStringLiteral("system"), entry.system);
        if (entry.started.isValid())
            step.insert(QStringLiteral("started"), entry.started.toString(Qt::ISODateWithMs));
        if (entry.finished.isValid())
            step.insert(QStringLiteral("finished"), entry.finished.toString(Qt::ISODateWithMs));
        if (!entry.message.isEmpty())
            step.insert(QStringLiteral("message"), entry.message);
        array.append(step);
    }
    return array;
}

QJsonArray Delivery::recordedSteps() const
{
    QList<StepState> recorded = steps();
    // What has not run by the time the record is written will not run.
    for (StepState &entry : recorded) {
        if (entry.state == State::Pending)
            entry.state = State::Skipped;
    }
    return stepsToJson(recorded);
}

void Delivery::appendLog(const QString &line)
{
    {
        std::lock_guard lock(m_mutex);
        m_log.append(line);
    }
    Q_EMIT logLine(line);
}

void Delivery::run()
{
    QElapsedTimer clock;
    clock.start();
    Result result;
    Run state;
    const auto log = [this](const QString &line) { appendLog(line); };
    const auto logTail = [this, masker = recordLogMasker(m_ecosystem)] {
        std::lock_guard lock(m_mutex);
        return ReleaseRecord::logTail(m_log, masker);
    };
    const auto finish = [&](Outcome outcome, const QString &failedStep, const QString &reason) {
        result.outcome = outcome;
        result.failedStep = failedStep;
        result.reason = reason;
        result.duration = std::chrono::milliseconds(clock.elapsed());
        {
            std::lock_guard lock(m_mutex);
            for (StepState &entry : m_steps) {
                if (entry.state == State::Pending)
                    entry.state = outcome == Outcome::Cancelled ? State::Cancelled : State::Skipped;
            }
            m_result = result;
        }
        if (!reason.isEmpty())
            appendLog(QStringLiteral("delivery %1: %2").arg(keyword(outcome), reason));
        else
            appendLog(QStringLiteral("delivery %1 in %2 ms").arg(keyword(outcome)).arg(clock.elapsed()));
        {
            std::lock_guard lock(m_stateGate->mutex);
            m_stateGate->delivery = nullptr;
        }
        m_running = false;
        Q_EMIT finished(result);
    };

    const Environment *environment = m_ecosystem.environment(m_environment);
    if (!environment) {
        finish(Outcome::Failed, keyword(Step::Lock), QStringLiteral("no environment named %1").arg(m_environment));
        return;
    }
    const TaskKeyExtractor keys(m_ecosystem.gating.taskKeyPattern);
    for (const Target &target : m_targets) {
        const System *system = m_ecosystem.system(target.system);
        if (!system) {
            finish(Outcome::Failed, keyword(Step::Lock), QStringLiteral("no system named %1").arg(target.system));
            return;
        }
        Run::Work work;
        work.target = target;
        work.system = *system;
        work.directory = m_ecosystem.resolvePath(system->repository);
        work.isGit = QFileInfo::exists(work.directory + QStringLiteral("/.git"));
        work.image = target.image;
        if (!target.usesUpstream())
            work.task = keys.extract(target.branch);
        if (!work.task.isEmpty() && !state.tasks.contains(work.task))
            state.tasks.append(work.task);
        state.work.append(work);
    }
    const QString taskKey = m_options.taskKey.isEmpty() ? state.tasks.value(0) : m_options.taskKey;
    const QString ns = environment->namespaceFor(taskKey);
    const QString who = AuditJournal::currentOsUser() + QLatin1Char('@') + QSysInfo::machineHostName();

    const AuditTrail trail(m_options.cluster, environment->context, m_options.auditJournal);
    const auto audit = [&](const QString &action, const QString &outcome, const QString &releaseId,
                           const QJsonObject &details) {
        AuditRecord record;
        record.action = action;
        record.context = environment->context;
        record.namespaceName = ns;
        record.result = outcome;
        record.releaseId = releaseId;
        record.details = details;
        record.details.insert(QStringLiteral("environment"), environment->name);
        const AuditTrail::Outcome audited = trail.record(record);
        if (!audited.ok())
            appendLog(QStringLiteral("warning: audit: %1").arg(audited.errorMessage()));
    };
    QJsonArray systemNames;
    for (const Run::Work &work : state.work)
        systemNames.append(
            work.target.usesUpstream() ? work.system.name : work.system.name + QLatin1Char('=') + work.target.branch);
    QJsonObject auditDetails { { QStringLiteral("systems"), systemNames },
        { QStringLiteral("tasks"), QJsonArray::fromStringList(state.tasks) } };
    if (m_options.skipGates)
        auditDetails.insert(QStringLiteral("skipGates"), true);

    // Tasks go back to their developers with the failing step and its log.
    const auto returnTasks = [&](Step step, const QString &reason, const QStringList &only = {}) {
        QStringList keysToReturn = only.isEmpty() ? state.tasks : only;
        if (keysToReturn.isEmpty())
            return;
        TrackerFactory::Result tracker = TrackerFactory::create(m_ecosystem);
        if (!tracker.tracker) {
            appendLog(QStringLiteral("warning: tasks not returned, no tracker: %1").arg(tracker.error.message()));
            return;
        }
        const TaskReturner returner(*tracker.tracker, m_ecosystem.gating.returnStatus);
        for (const QString &key : keysToReturn) {
            const TrackerError error = returner.returnTask(key, keyword(step), reason, this->log());
            if (error.isError()) {
                appendLog(QStringLiteral("warning: %1 not returned: %2").arg(key, error.message()));
            } else {
                appendLog(QStringLiteral("%1 returned to %2").arg(key, m_ecosystem.gating.returnStatus));
                result.returnedTasks.append(key);
            }
        }
    };

    // (0) the environment's lock
    setState(Step::Lock, {}, State::Running);
    QString clientError;
    const KubeClient client = m_options.cluster.client(environment->context, &clientError);
    if (!client.isValid()) {
        setState(Step::Lock, {}, State::Failed, clientError);
        finish(Outcome::Failed, keyword(Step::Lock), clientError);
        return;
    }
    EnvironmentLock lock(client, ns,
        m_options.identity.isEmpty() ? EnvironmentLock::defaultIdentity() : m_options.identity,
        m_options.leaseDuration);
    {
        // What the lock's holder and the queue show others about this delivery.
        QStringList what;
        for (const Run::Work &work : state.work) {
            const QString &source = work.target.image.isEmpty() ? work.target.branch : work.target.image;
            what.append(source.isEmpty() ? work.system.name : work.system.name + QLatin1Char('=') + source);
        }
        QString reason = QStringLiteral("deliver ") + what.join(QStringLiteral(", "));
        if (!state.tasks.isEmpty())
            reason += QStringLiteral(" (") + state.tasks.join(QStringLiteral(", ")) + QLatin1Char(')');
        lock.setReason(reason);
    }
    QString lockError;
    if (!lock.acquire(m_options.waitForLock, &m_cancel, &lockError, [&](const QString &holder) {
            appendLog(QStringLiteral("waiting: %1 is held by %2").arg(environment->name, holder));
        })) {
        setState(Step::Lock, {}, m_cancel ? State::Cancelled : State::Failed, lockError);
        audit(QStringLiteral("deliver"), QStringLiteral("failed: ") + lockError, {}, auditDetails);
        finish(m_cancel ? Outcome::Cancelled : Outcome::Failed, keyword(Step::Lock), lockError);
        return;
    }
    setState(Step::Lock, {}, State::Succeeded, QStringLiteral("held by %1").arg(lock.identity()));
    audit(QStringLiteral("deliver"), QStringLiteral("started"), {}, auditDetails);
    const auto end = [&](Outcome outcome, Step step, const QString &reason) {
        audit(QStringLiteral("deliver"),
            reason.isEmpty() ? keyword(outcome) : keyword(outcome) + QStringLiteral(": ") + reason, result.releaseId,
            auditDetails);
        lock.release();
        finish(outcome, outcome == Outcome::Succeeded ? QString() : keyword(step), reason);
    };
    // Before anything is applied, stopping needs no rollback.
    const auto stopped = [&](Step step, const QString &system) {
        if (!m_cancel && !lock.isLost())
            return false;
        const QString reason = m_cancel ? QStringLiteral("cancelled") : QStringLiteral("the delivery lock was lost");
        setState(step, system, State::Cancelled, reason);
        end(m_cancel ? Outcome::Cancelled : Outcome::Failed, step, reason);
        return true;
    };

    // (1) feature branches onto upstream, once every one of them has passed
    // the gates: a refusal changes nothing, not even one system's branch.
    DeliveryGate gate(m_ecosystem, *environment);
    for (Run::Work &work : state.work) {
        if (work.target.usesUpstream() || !work.isGit)
            continue;
        if (stopped(Step::Update, work.system.name))
            return;
        GitError gitError;
        Repository repository = Repository::open(work.directory, &gitError);
        if (gitError)
            continue; // the update below names it
        const std::optional<GateVerdict> refusal = gate.refusal(
            repository, work.system.name, work.target.branch, repository.upstreamRef(work.system.upstream));
        if (!refusal)
            continue;
        const QString reason =
            QStringLiteral("%1: %2 fails the %3 gate: %4")
                .arg(work.system.name, work.target.branch, GateVerdict::gateName(refusal->gate), refusal->reason);
        if (m_options.skipGates) {
            appendLog(QStringLiteral("gates skipped by %1: %2").arg(who, reason));
            work.gateSkipped = reason;
            continue;
        }
        setState(Step::Update, work.system.name, State::Failed, reason);
        result.refusedByGate = true;
        end(Outcome::Failed, Step::Update, reason);
        return;
    }
    for (Run::Work &work : state.work) {
        if (stopped(Step::Update, work.system.name))
            return;
        if (work.target.usesUpstream()) {
            if (work.isGit) {
                Repository repository = Repository::open(work.directory);
                work.commit = repository.resolve(work.system.upstream);
            }
            setState(Step::Update, work.system.name, State::Skipped, QStringLiteral("upstream"));
            continue;
        }
        setState(Step::Update, work.system.name, State::Running);
        const auto fail = [&](const QString &reason) {
            setState(Step::Update, work.system.name, State::Failed, reason);
            returnTasks(Step::Update, reason, work.task.isEmpty() ? QStringList() : QStringList { work.task });
            end(Outcome::Failed, Step::Update, reason);
        };
        if (!work.isGit) {
            fail(QStringLiteral("%1: %2 is not a git repository").arg(work.system.name, work.directory));
            return;
        }
        GitError gitError;
        Repository repository = Repository::open(work.directory, &gitError);
        if (gitError) {
            fail(QStringLiteral("%1: %2").arg(work.system.name, gitError.message()));
            return;
        }
        const GitError fetchError = repository.fetch(QStringLiteral("origin"));
        if (fetchError)
            appendLog(QStringLiteral("%1: not fetched, using the local %2: %3")
                    .arg(work.system.name, work.system.upstream, fetchError.message()));
        const QString onto = repository.upstreamRef(work.system.upstream);
        Integrator integrator(repository);
        const IntegrationResult integration =
            integrator.updateBranch(work.target.branch, onto, m_ecosystem.gating.integration);
        if (integration.error) {
            const QString reason = integration.error.kind() == GitError::Kind::Conflict
                ? QStringLiteral("%1: %2 conflicts with %3 in %4")
                      .arg(work.system.name, work.target.branch, onto, integration.conflicts.join(QStringLiteral(", ")))
                : QStringLiteral("%1: %2").arg(work.system.name, integration.error.message());
            fail(reason);
            return;
        }
        work.commit = integration.newHead;
        QString updated = integration.upToDate
            ? QStringLiteral("up to date at %1").arg(work.commit.left(12))
            : QStringLiteral("%1 commit(s) onto %2").arg(integration.commitsApplied).arg(onto);
        if (!work.gateSkipped.isEmpty())
            updated += QStringLiteral("; gates skipped by %1 (%2)").arg(who, work.gateSkipped);
        setState(Step::Update, work.system.name, State::Succeeded, updated);
    }

    // (2) images
    for (Run::Work &work : state.work) {
        if (stopped(Step::Build, work.system.name))
            return;
        if (!work.image.isEmpty()) {
            setState(Step::Build, work.system.name, State::Skipped, QStringLiteral("given: ") + work.image);
            continue;
        }
        setState(Step::Build, work.system.name, State::Running);
        QString reason;
        if (work.commit.isEmpty()) {
            reason = QStringLiteral("%1: no image given and %2 is no git repository to build from")
                         .arg(work.system.name, work.directory);
        } else {
            Repository repository = Repository::open(work.directory);
            const QString wanted = work.target.usesUpstream() ? work.system.upstream : work.target.branch;
            // The image is built from the working tree, which must be that commit.
            if (repository.currentBranch() != wanted || repository.resolve(QStringLiteral("HEAD")) != work.commit) {
                reason =
                    QStringLiteral("%1: check out %2 in %3 to build it").arg(work.system.name, wanted, work.directory);
            } else {
                const ImageBuildResult built = buildImage(m_ecosystem.registry, m_options.imageStorage, work.system,
                    work.directory, work.commit, log, m_cancel);
                if (built.succeeded())
                    work.image = built.image;
                else
                    reason = built.errorText;
            }
        }
        if (!reason.isEmpty()) {
            if (stopped(Step::Build, work.system.name))
                return;
            setState(Step::Build, work.system.name, State::Failed, reason);
            returnTasks(Step::Build, reason, work.task.isEmpty() ? QStringList() : QStringList { work.task });
            end(Outcome::Failed, Step::Build, reason);
            return;
        }
        setState(Step::Build, work.system.name, State::Succeeded, work.image);
    }

    QProcessEnvironment commandEnvironment = QProcessEnvironment::systemEnvironment();
    commandEnvironment.insert(QStringLiteral("SHIPYARD_ENVIRONMENT"), environment->name);
    commandEnvironment.insert(QStringLiteral("SHIPYARD_CONTEXT"), environment->context);
    commandEnvironment.insert(QStringLiteral("SHIPYARD_NAMESPACE"), ns);
    // Commands see the clusters Shipyard sees.
    if (!m_options.cluster.explicitFile().isEmpty())
        commandEnvironment.insert(QStringLiteral("KUBECONFIG"), m_options.cluster.explicitFile());
    const auto commandDirectory = [&](const Run::Work &work) {
        return QFileInfo(work.directory).isDir() ? work.directory : QFileInfo(m_ecosystem.filePath).absolutePath();
    };

    // (3) tests
    for (Run::Work &work : state.work) {
        if (stopped(Step::Test, work.system.name))
            return;
        if (!m_options.runTests || work.system.testCommand.isEmpty()) {
            setState(Step::Test, work.system.name, State::Skipped);
            continue;
        }
        setState(Step::Test, work.system.name, State::Running);
        QProcessEnvironment environmentForSystem = commandEnvironment;
        environmentForSystem.insert(QStringLiteral("SHIPYARD_SYSTEM"), work.system.name);
        environmentForSystem.insert(QStringLiteral("SHIPYARD_IMAGE"), work.image);
        const CommandResult tested = CommandRunner::runToEnd(
            work.system.testCommand, commandDirectory(work), environmentForSystem, log, &m_cancel);
        if (!tested.succeeded()) {
            if (stopped(Step::Test, work.system.name))
                return;
            const QString reason = QStringLiteral("%1: %2").arg(work.system.name, tested.errorText);
            setState(Step::Test, work.system.name, State::Failed, reason);
            returnTasks(Step::Test, reason, work.task.isEmpty() ? QStringList() : QStringList { work.task });
            end(Outcome::Failed, Step::Test, reason);
            return;
        }
        setState(Step::Test, work.system.name, State::Succeeded);
    }

    // (3b) every image in the registry
    const RegistryClient registry(m_ecosystem.registry);
    for (Run::Work &work : state.work) {
        if (stopped(Step::Verify, work.system.name))
            return;
        if (!m_options.verifyImages || m_ecosystem.registry.url.isEmpty()) {
            setState(Step::Verify, work.system.name, State::Skipped, QStringLiteral("no registry to ask"));
            continue;
        }
        setState(Step::Verify, work.system.name, State::Running);
        QString repositoryName;
        QString reference;
        RegistryError registryError;
        QString reason;
        if (!RegistryClient::splitImage(work.image, &repositoryName, &reference))
            reason = QStringLiteral("%1: %2 is not an image reference").arg(work.system.name, work.image);
        else if (!registry.exists(repositoryName, reference, &registryError))
            reason = QStringLiteral("%1: %2 is not in the registry %3")
                         .arg(work.system.name, work.image, m_ecosystem.registry.url);
        if (!reason.isEmpty()) {
            setState(Step::Verify, work.system.name, State::Failed, reason);
            end(Outcome::Failed, Step::Verify, reason);
            return;
        }
        setState(Step::Verify, work.system.name, State::Succeeded);
    }

    // (4) deliver
    ReleaseStore store(client, ns);
    ReleaseApplier applier(client, ns);
    applier.setLog(log);
    applier.setCancelFlag(&m_cancel);
    ReleaseRecord record;
    record.id = ReleaseRecord::newId();
    record.time = QDateTime::currentDateTimeUtc();
    record.who = who;
    record.environment = environment->name;
    record.tasks = state.tasks;
    result.releaseId = record.id;
    for (Run::Work &work : state.work) {
        QString error;
        work.objects = ManifestReader::render(work.system, work.directory, work.image,
            { { Labels::gitSha, work.commit }, { Labels::tasks, state.tasks.join(QLatin1Char(',')) },
                { Labels::release, record.id } },
            &error);
        if (!error.isEmpty()) {
            setState(Step::Deploy, work.system.name, State::Failed, error);
            end(Outcome::Failed, Step::Deploy, error);
            return;
        }
    }

    KubeError storeError;
    std::optional<ReleaseRecord> previous = store.latestGood(&storeError);
    if (storeError.isError()) {
        const QString reason = QStringLiteral("release records unreadable: %1").arg(storeError.message);
        end(Outcome::Failed, Step::Deploy, reason);
        return;
    }
    // What a rollback restores: the last good release, completed with the
    // current state of systems it does not know (delivered before Shipyard).
    ReleaseRecord rollbackTarget = previous.value_or(ReleaseRecord {});
    bool recordBaseline = !previous;
    if (recordBaseline) {
        rollbackTarget.id = ReleaseRecord::newId(record.time.addMSecs(-1));
        rollbackTarget.time = record.time.addMSecs(-1);
        rollbackTarget.who = who;
        rollbackTarget.environment = environment->name;
        rollbackTarget.reason = QStringLiteral("the state found before the first delivery");
    }
    for (const Run::Work &work : state.work) {
        if (rollbackTarget.system(work.system.name))
            continue;
        QString error;
        ReleaseRecord::SystemRelease current;
        current.system = work.system.name;
        current.objects = applier.capture(work.objects, &error);
        if (!error.isEmpty()) {
            end(Outcome::Failed, Step::Deploy, error);
            return;
        }
        for (const QJsonValue &object : std::as_const(current.objects)) {
            if (current.image.isEmpty())
                current.image = ManifestReader::imageOf(object.toObject(), work.system.image);
            if (current.gitSha.isEmpty())
                current.gitSha =
                    object[QLatin1String("metadata")][QLatin1String("annotations")][Labels::gitSha].toString();
        }
        rollbackTarget.systems.append(current);
    }
    if (recordBaseline) {
        const KubeError error = store.save(rollbackTarget);
        if (error.isError()) {
            end(Outcome::Failed, Step::Deploy, QStringLiteral("release record not written: %1").arg(error.message));
            return;
        }
        appendLog(QStringLiteral("recorded the current state as release %1").arg(rollbackTarget.id));
    }
    result.previousReleaseId = rollbackTarget.id;

    QHash<QString, QString> deploymentSystems; // deployment name → system
    for (const Run::Work &work : state.work) {
        for (const QJsonObject &object : work.objects) {
            if (object.value(QLatin1String("kind")).toString() == QLatin1String("Deployment"))
                deploymentSystems.insert(
                    object[QLatin1String("metadata")][QLatin1String("name")].toString(), work.system.name);
        }
    }
    applier.setDeploymentObserver(deploymentObserver(deploymentSystems));

    bool applied = false;
    QString failure;
    Step failedStep = Step::Deploy;
    for (const Run::Work &work : state.work) {
        if (m_cancel) {
            failure = QStringLiteral("cancelled");
            break;
        }
        setState(Step::Deploy, work.system.name, State::Running);
        for (const QJsonObject &object : work.objects) {
            applied = true;
            const QString error = applier.apply(object);
            if (!error.isEmpty()) {
                failure = QStringLiteral("%1: %2").arg(work.system.name, error);
                break;
            }
        }
        if (!failure.isEmpty()) {
            setState(Step::Deploy, work.system.name, State::Failed, failure);
            break;
        }
    }
    QHash<QString, qint64> revisions;
    if (failure.isEmpty()) {
        QList<QJsonObject> all;
        for (const Run::Work &work : state.work)
            all += work.objects;
        const ReleaseApplier::RolloutOutcome rollout =
            applier.waitForRollouts(all, m_ecosystem.rollback.rolloutTimeout);
        revisions = rollout.revisions;
        if (rollout.cancelled)
            failure = QStringLiteral("cancelled");
        else if (!rollout.ok())
            failure = rollout.error;
        for (const Run::Work &work : state.work) {
            bool failedHere = false;
            for (const QJsonObject &object : work.objects)
                failedHere |= ReleaseApplier::describe(object) == rollout.failedObject;
            setState(Step::Deploy, work.system.name,
                rollout.cancelled ? State::Cancelled
                    : failedHere  ? State::Failed
                                  : State::Succeeded,
                failedHere ? rollout.error : QString());
        }
    }

    // smoke
    if (failure.isEmpty()) {
        for (const Run::Work &work : state.work) {
            if (m_cancel) {
                failure = QStringLiteral("cancelled");
                break;
            }
            if (!m_options.runSmoke || work.system.smokeCommands.isEmpty()) {
                setState(Step::Smoke, work.system.name, State::Skipped);
                continue;
            }
            setState(Step::Smoke, work.system.name, State::Running);
            QProcessEnvironment environmentForSystem = commandEnvironment;
            environmentForSystem.insert(QStringLiteral("SHIPYARD_SYSTEM"), work.system.name);
            environmentForSystem.insert(QStringLiteral("SHIPYARD_IMAGE"), work.image);
            for (const QString &command : work.system.smokeCommands) {
                const CommandResult smoked =
                    CommandRunner::runToEnd(command, commandDirectory(work), environmentForSystem, log, &m_cancel);
                if (!smoked.succeeded()) {
                    failure = m_cancel
                        ? QStringLiteral("cancelled")
                        : QStringLiteral("%1: smoke command failed: %2").arg(work.system.name, smoked.errorText);
                    break;
                }
            }
            if (!failure.isEmpty()) {
                failedStep = Step::Smoke;
                setState(Step::Smoke, work.system.name, m_cancel ? State::Cancelled : State::Failed, failure);
                break;
            }
            setState(Step::Smoke, work.system.name, State::Succeeded);
        }
    }

    // the monitoring signal: the release is watched for its window
    QString monitoringNote;
    const auto setMonitorState = [&](State monitorState, const QString &message) {
        for (const Run::Work &work : state.work)
            setState(Step::Monitor, work.system.name, monitorState, message);
    };
    if (failure.isEmpty()) {
        const std::optional<MonitoringTrigger> &trigger = m_ecosystem.rollback.monitoring;
        // Local and showroom environments take no real traffic to judge.
        const bool watched = environment->isFinal();
        if (!trigger || !m_options.watchMonitoring || !watched) {
            setMonitorState(State::Skipped,
                !trigger ? QString()
                    : !watched
                    ? QStringLiteral("%1 environments are not watched").arg(Shipyard::keyword(environment->kind))
                    : QStringLiteral("not asked to watch"));
        } else {
            setMonitorState(State::Running,
                QStringLiteral("watching %1 for %2 s").arg(trigger->query).arg(trigger->window.count()));
            const MonitoringVerdict verdict = watchRelease(*trigger, log, m_cancel);
            switch (verdict.kind) {
            case MonitoringVerdict::Passed:
                setMonitorState(State::Succeeded, verdict.message);
                break;
            case MonitoringVerdict::Exceeded:
                failure = verdict.message;
                failedStep = Step::Monitor;
                setMonitorState(State::Failed, verdict.message);
                break;
            case MonitoringVerdict::Inconclusive:
                if (trigger->onInconclusive == MonitoringTrigger::Inconclusive::RollBack) {
                    failure = verdict.message;
                    failedStep = Step::Monitor;
                    setMonitorState(State::Failed, verdict.message);
                } else {
                    monitoringNote = verdict.message + QStringLiteral("; kept as the ecosystem asks");
                    appendLog(QStringLiteral("warning: ") + monitoringNote);
                    setMonitorState(State::Succeeded, monitoringNote);
                }
                break;
            case MonitoringVerdict::Cancelled:
                failure = QStringLiteral("cancelled");
                failedStep = Step::Monitor;
                setMonitorState(State::Cancelled, failure);
                break;
            }
        }
    }

    for (const Run::Work &work : state.work) {
        ReleaseRecord::SystemRelease release;
        release.system = work.system.name;
        release.image = work.image;
        release.gitSha = work.commit;
        release.branch = work.target.usesUpstream() ? work.system.upstream : work.target.branch;
        for (const QJsonObject &object : work.objects) {
            release.objects.append(object);
            if (object.value(QLatin1String("kind")).toString() == QLatin1String("Deployment"))
                release.revision = revisions.value(object[QLatin1String("metadata")][QLatin1String("name")].toString());
        }
        record.systems.append(release);
    }

    // (5) roll back what was applied
    const auto rollBackAndEnd = [&](const QString &why, Step step) {
        const bool cancelled = m_cancel;
        QElapsedTimer rollbackClock;
        rollbackClock.start();
        QStringList systems;
        QHash<QString, QList<QJsonObject>> current;
        for (const Run::Work &work : state.work) {
            systems.append(work.system.name);
            current.insert(work.system.name, work.objects);
            setState(Step::Rollback, work.system.name, State::Running);
        }
        appendLog(QStringLiteral("rolling back to release %1: %2").arg(rollbackTarget.id, why));
        // A rollback must run to its end even when the delivery was cancelled.
        ReleaseApplier restorer(client, ns);
        restorer.setLog(log);
        restorer.setDeploymentObserver(deploymentObserver(deploymentSystems));
        const QString rollbackError =
            restorer.restore(rollbackTarget, systems, current, m_ecosystem.rollback.rolloutTimeout);
        result.rollbackDuration = std::chrono::milliseconds(rollbackClock.elapsed());
        for (const QString &system : systems)
            setState(Step::Rollback, system, rollbackError.isEmpty() ? State::Succeeded : State::Failed, rollbackError);
        record.result = ReleaseRecord::Result::Failed;
        record.reason = why;
        if (rollbackError.isEmpty())
            record.restoredAt = QDateTime::currentDateTimeUtc();
        record.steps = recordedSteps();
        record.log = logTail();
        const KubeError saveError = store.save(record);
        if (saveError.isError())
            appendLog(QStringLiteral("warning: release record not written: %1").arg(saveError.message));
        audit(QStringLiteral("rollback"),
            rollbackError.isEmpty() ? QStringLiteral("succeeded") : QStringLiteral("failed: ") + rollbackError,
            rollbackTarget.id,
            QJsonObject { { QStringLiteral("automatic"), true }, { QStringLiteral("reason"), why },
                { QStringLiteral("failedRelease"), record.id } });
        if (!cancelled)
            returnTasks(step, why);
        QString reason = why;
        if (!rollbackError.isEmpty())
            reason += QStringLiteral("; the rollback failed too: ") + rollbackError;
        end(cancelled                     ? Outcome::Cancelled
                : rollbackError.isEmpty() ? Outcome::RolledBack
                                          : Outcome::Failed,
            step, reason);
    };

    if (!failure.isEmpty()) {
        if (!applied) {
            end(m_cancel ? Outcome::Cancelled : Outcome::Failed, failedStep, failure);
            return;
        }
        // The ecosystem may ask to leave a failed rollout or smoke test in
        // place, for someone to look at; a cancel always rolls back.
        const bool keep = !m_cancel &&
            ((failedStep == Step::Deploy && !m_ecosystem.rollback.onRolloutFailure) ||
                (failedStep == Step::Smoke && !m_ecosystem.rollback.onSmokeFailure));
        if (keep) {
            for (const Run::Work &work : state.work)
                setState(
                    Step::Rollback, work.system.name, State::Skipped, QStringLiteral("kept as the ecosystem asks"));
            record.result = ReleaseRecord::Result::Failed;
            record.reason = failure;
            record.steps = recordedSteps();
            record.log = logTail();
            const KubeError saveError = store.save(record);
            if (saveError.isError())
                appendLog(QStringLiteral("warning: release record not written: %1").arg(saveError.message));
            returnTasks(failedStep, failure);
            end(Outcome::Failed, failedStep, failure + QStringLiteral(" (left in place, not rolled back)"));
            return;
        }
        rollBackAndEnd(failure, failedStep);
        return;
    }

    // (6) into upstream: only where a delivery is final. Every merge is
    // tried in memory first, so that one system's conflict pushes nothing.
    const bool merges = environment->isFinal();
    const auto mergeOne = [&](const Run::Work &work, bool dryRun) {
        Repository repository = Repository::open(work.directory);
        Integrator integrator(repository);
        integrator.setDryRun(dryRun);
        const QString remoteUpstream = QStringLiteral("origin/") + work.system.upstream;
        if (!repository.resolve(remoteUpstream).isEmpty()) {
            Integrator follower(repository);
            const IntegrationResult follow =
                follower.mergeInto(remoteUpstream, work.system.upstream, MergeMode::FastForward);
            if (follow.error)
                return QStringLiteral("the local %1 has diverged from %2: %3")
                    .arg(work.system.upstream, remoteUpstream, follow.error.message());
        }
        const IntegrationResult merged =
            integrator.mergeInto(work.target.branch, work.system.upstream, m_ecosystem.gating.merge);
        if (merged.error)
            return merged.error.message();
        if (dryRun)
            return QString();
        const QString ref = QStringLiteral("refs/heads/") + work.system.upstream;
        const GitError pushed = repository.push(QStringLiteral("origin"), { ref + QLatin1Char(':') + ref });
        if (pushed.kind() == GitError::Kind::NonFastForward)
            return QStringLiteral("%1 moved on the remote meanwhile; nothing was overwritten: update and deliver again")
                .arg(work.system.upstream);
        return pushed ? pushed.message() : QString();
    };
    for (const bool dryRun : { true, false }) {
        for (const Run::Work &work : state.work) {
            if (!merges || work.target.usesUpstream()) {
                if (!dryRun)
                    setState(Step::Merge, work.system.name, State::Skipped);
                continue;
            }
            if (dryRun)
                setState(Step::Merge, work.system.name, State::Running);
            QString reason = mergeOne(work, dryRun);
            if (!reason.isEmpty()) {
                reason = QStringLiteral("%1: %2").arg(work.system.name, reason);
                setState(Step::Merge, work.system.name, State::Failed, reason);
                // What runs must be what upstream holds: without the merge the
                // release is undone.
                rollBackAndEnd(reason, Step::Merge);
                return;
            }
            if (!dryRun)
                setState(Step::Merge, work.system.name, State::Succeeded);
        }
    }

    if (!monitoringNote.isEmpty())
        record.reason = monitoringNote;
    record.steps = recordedSteps();
    record.log = logTail();
    const KubeError saveError = store.save(record);
    if (saveError.isError()) {
        end(Outcome::Failed, Step::Deploy, QStringLiteral("release record not written: %1").arg(saveError.message));
        return;
    }
    KubeError pruneError;
    store.prune(m_ecosystem.rollback.keepReleases, &pruneError);
    if (pruneError.isError())
        appendLog(QStringLiteral("warning: old release records not pruned: %1").arg(pruneError.message));
    end(Outcome::Succeeded, Step::Merge, {});
}

} // namespace Shipyard
