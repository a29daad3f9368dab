// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/NotificationSettings.h"
#include "support/Diagnostic.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTime>

#include <chrono>
#include <optional>

class QRegularExpression;

namespace Shipyard {

class SecretMasker;

// The ecosystem ("meta-project"): every system Shipyard builds and delivers,
// every environment it delivers to, and the rules that gate a delivery.
// Loaded by EcosystemLoader; the schema is documented in
// resources/demo/ecosystem.yaml and docs/ecosystem.md.

enum class SystemTemplate { Frontend, Backend, Worker };

// Plain settings by name (never secrets): the ecosystem's defaults, an
// environment's, a system's overrides. See Ecosystem::variablesFor.
using Variables = QMap<QString, QString>;

// One `set:` entry of a Helm source: a value path as `helm --set` takes it
// ("ingress.hosts[0].host") and its value, which may name ${VARIABLES}.
struct HelmValue
{
    QString key;
    QString value;
    SourceLocation location;
};

// A Helm chart in the system's repository, rendered with `helm template`.
struct HelmSource
{
    QString chart; // a folder, relative to the repository
    QStringList valueFiles; // relative to the repository; "{environment}" is the environment's name
    QList<HelmValue> set;
    QString releaseName; // empty: the system's name
};

// Where a system's Kubernetes objects come from. Every source ends as the
// same list of objects, whose image a delivery then replaces (see
// core/manifests/ManifestRenderer).
struct ManifestSource
{
    enum class Kind { Files, Kustomize, Helm };
    Kind kind = Kind::Files;
    QStringList files; // files or folders, relative to the repository; ${NAME} placeholders
    // A Kustomization folder, relative to the repository; "{environment}"
    // picks an overlay.
    QString kustomization;
    bool substitute = false; // Kustomize: ${NAME} placeholders in its output too
    HelmSource helm;
    SourceLocation location; // the key naming the source

    // "manifests deploy/", "kustomization deploy/overlays/{environment}", "chart chart/"
    QString describe() const;
    // PATH with "{environment}" replaced by ENVIRONMENT.
    static QString forEnvironment(const QString &path, const QString &environment);
};

// What a system runs as Kubernetes Jobs with its new image and its
// environment's settings (see pipeline/MigrationJob): `up` before its new
// version rolls out, `down` when that release is rolled back, before the
// old version is restored. Each is a container command: a string in the
// ecosystem runs as ["/bin/sh", "-c", TEXT], a list as it is (exec form).
struct Migration
{
    QStringList up;
    QStringList down;
    std::chrono::seconds timeout { 600 }; // each Job's activeDeadlineSeconds
};

struct System;
struct Environment;

// A partial rollout (docs/canary.md): the new version first runs beside the
// old one, as a second Deployment taking about each share of the pods in
// turn, each share held for `pause` and judged, before the main Deployment
// is updated. A system's plan applies in staging and production, where real
// traffic judges it; an environment's, to every system delivered there.
struct CanaryPlan
{
    QList<int> steps; // percentages, ascending, the last 100; empty: no canary ("canary: false")
    std::chrono::seconds pause { 0 };
    bool manual = false; // each share waits for a person instead of a pause
    SourceLocation location;

    // The plan for SYSTEM delivered into ENVIRONMENT: the environment's over
    // the system's; nothing when neither asks for one.
    static std::optional<CanaryPlan> forDelivery(const System &system, const Environment &environment);
};

struct System
{
    QString name;
    SystemTemplate kind = SystemTemplate::Backend;
    QString description;
    QString repository; // git URL or a path relative to the ecosystem file
    QString upstream = QStringLiteral("main");
    QString image; // repository in the registry, e.g. "demo/backend"
    QString dockerfile = QStringLiteral("Dockerfile");
    QString buildContext = QStringLiteral(".");
    ManifestSource manifests;
    Variables variables; // overrides of the environments' and the ecosystem's
    QString buildCommand;
    QString testCommand;
    QStringList smokeCommands;
    // The variables its build, test and smoke commands see although they
    // name credentials (`env:`); see CommandEnvironment.
    QStringList passedVariables;
    QStringList dependsOn;
    std::optional<Migration> migration;
    std::optional<CanaryPlan> canary;
    SourceLocation location;
};

enum class EnvironmentKind { Local, Showroom, Staging, Production };

// A time when nobody delivers into an environment unless they say why
// (see gating/FreezeCalendar): every week from one day and time to another,
// or once, between two dates; in a named time zone, so that "Friday 16:00"
// stays 16:00 on the office's clock across daylight saving changes.
struct FreezeWindow
{
    enum class Kind { Weekly, Dated };
    Kind kind = Kind::Weekly;
    int fromDay = 0; // Weekly: Qt::DayOfWeek, Monday 1 … Sunday 7
    int toDay = 0;
    QTime fromTime;
    QTime toTime;
    QDate fromDate; // Dated: from fromDate fromTime to toDate toTime
    QDate toDate;
    QString timeZone = QStringLiteral("UTC"); // IANA id
    QString reason;
    SourceLocation location;
};

// How Shipyard signs in to a monitoring service (Prometheus, Alertmanager,
// or the proxy in front of one): the environment variables holding a bearer
// token, or a user name and password for basic auth, never the values.
struct ServiceCredentials
{
    QString tokenEnv;
    QString usernameEnv;
    QString passwordEnv;
    bool isEmpty() const { return tokenEnv.isEmpty() && usernameEnv.isEmpty() && passwordEnv.isEmpty(); }
};

// Alertmanager's alerts about an environment (docs/alerts.md): one that
// fires before a delivery refuses it unless a person says why, one that
// fires during the watch after a release rolls the release back. The
// ecosystem's `rollback.alerts`, with an environment's own `alerts` over it.
struct AlertTrigger
{
    // What an Alertmanager that does not answer means. Proceeding is the
    // default, as for monitoring: an outage of alerting must neither stop
    // deliveries nor undo good releases. Stop refuses the delivery before,
    // and rolls back a release whose watch got no answer at all.
    enum class Unreachable { Proceed, Stop };

    QString alertmanagerUrl;
    ServiceCredentials credentials;
    // Alertmanager's matchers (see AlertMatcher), all of which an alert
    // must match; ${NAME} stands for a variable of each delivered system in
    // the environment (Ecosystem::variablesFor), so that one list serves all.
    QStringList matchers;
    std::chrono::seconds window { 300 };
    std::chrono::seconds interval { 15 };
    Unreachable onUnreachable = Unreachable::Proceed;
    SourceLocation location; // the `matchers` list
};

struct Environment
{
    QString name;
    EnvironmentKind kind = EnvironmentKind::Local;
    QString context; // kubeconfig context
    QString namespaceName; // fixed namespace (not for showrooms)
    QString namespacePattern; // showrooms: e.g. "showroom-{task}"
    std::chrono::seconds timeToLive { 0 }; // showrooms: from the last delivery to the sweep's removal
    std::chrono::seconds sleepAfter { 0 }; // showrooms: idle this long, the sweep puts one to sleep; 0: never
    // The Secret in the environment's namespace that holds its secret
    // settings. Shipyard never reads its values: objects refer to it by name
    // (${ENVIRONMENT_SECRET}), and a delivery checks that it is there.
    QString secret;
    Variables variables; // plain settings, over the ecosystem's
    bool isProtected = false; // asks the user to type the name before acting
    int approvals = 0; // positive reviews needed before delivering here
    QStringList systems; // delivered systems; empty means all
    QList<FreezeWindow> freezes;
    std::optional<AlertTrigger> alerts;
    std::optional<CanaryPlan> canary; // over its systems' own
    // Who hears about what here; none: the ecosystem's notifications.notify.
    std::optional<QList<NotificationRule>> notify;
    SourceLocation location;

    // The namespace for a task's showroom, or namespaceName for the others.
    QString namespaceFor(const QString &taskKey) const;
    // A showroom's task from its namespace NS (upper case, as task keys
    // are written); empty for other environments or a namespace not its own.
    QString taskOf(const QString &ns) const;
    // The namespaces this environment covers, anchored: its namespace, or
    // for a showroom its pattern with any task in place of {task}.
    QRegularExpression namespaceRegex() const;
    // Staging and production: a delivery there merges its branches into
    // upstream, and real traffic judges it.
    bool isFinal() const { return kind == EnvironmentKind::Staging || kind == EnvironmentKind::Production; }
};

enum class IntegrationMode { Rebase, Merge };
enum class MergeMode { FastForward, MergeCommit };

// Where approvals come from. The token itself never lives in the file.
struct ReviewSettings
{
    enum class Kind { Trailers, Gerrit, GitLab, GitHub };
    Kind kind = Kind::Trailers;
    QString url; // Gerrit or GitLab root, GitHub's API root ("https://api.github.com")
    // Gerrit project, GitLab "group/project" or id, GitHub "owner/repo";
    // "{system}" stands for the system's name, for one repository per system.
    QString project;
    QString tokenEnvironmentVariable;
    // Trailers are self-asserted: anyone who can push a commit can write
    // "Reviewed-by:". True acknowledges that for an ecosystem whose
    // approvals they guard (a one-person team, the demo), which otherwise
    // gets a warning.
    bool trustTrailers = false;
};

// Testing task branches when their heads move (docs/autotests.md).
struct AutotestSettings
{
    // The robot and `shipyardctl autotest` test each new head of a branch
    // naming a task, beside the tasks in Awaiting Autotests.
    bool branches = false;
    // Commit statuses (GitHub, GitLab) or Verified votes (Gerrit) on the
    // service gating.reviews names, with its url, project and token.
    bool commitStatuses = true;
    QString statusContext = QStringLiteral("shipyard/autotests"); // GitHub's context, GitLab's name
    QString targetUrl; // where a status links to; "{commit}", "{system}" and "{branch}" are replaced
    // The results file; empty: $XDG_STATE_HOME/shipyard/autotests/<ecosystem name>.json.
    QString results;
};

struct Gating
{
    QString taskKeyPattern = QStringLiteral("[A-Z][A-Z0-9]+-[0-9]+");
    int reviewsRequired = 1;
    QStringList branchUpdateStatuses { QStringLiteral("In Progress") };
    QStringList mergeStatuses { QStringLiteral("For Delivery") };
    QString returnStatus = QStringLiteral("In Progress");
    IntegrationMode integration = IntegrationMode::Rebase;
    MergeMode merge = MergeMode::FastForward;
    ReviewSettings reviews;
    AutotestSettings autotests;
    // Who may push to a system's upstream branch and, at push time, to any
    // branch whatever its task's status: the robot's identity and the
    // people trusted to. Empty: the push gate leaves upstream branches alone.
    QStringList upstreamPushers;
};

enum class TrackerKind { File, Redmine, Jira };

// Statuses that make the delivery robot act.
struct TrackerStatuses
{
    QString awaitingAutotests = QStringLiteral("Awaiting Autotests");
    QString awaitingShowroom = QStringLiteral("Awaiting Showroom");
    QString awaitingDelivery = QStringLiteral("Awaiting Delivery");
    QString inQa = QStringLiteral("In QA");
    QString done = QStringLiteral("Closed");
};

struct TrackerSettings
{
    TrackerKind kind = TrackerKind::File;
    QString url;
    QString file = QStringLiteral("tasks.yaml"); // file tracker, relative to the ecosystem
    QString project;
    QString tokenEnvironmentVariable; // the token itself never lives in the file
    int apiVersion = 2; // Jira REST API version: 2 everywhere, 3 on Cloud only
    // Redmine numbers its issues: listings name issue 12 "SHOP-12" with the
    // prefix "SHOP-", "#12" without one.
    QString keyPrefix;
    TrackerStatuses statuses;
};

struct RegistrySettings
{
    QString url;
    bool insecure = false;
    QString usernameEnvironmentVariable;
    QString passwordEnvironmentVariable;
    // Credentials go over plain http only when the ecosystem says so.
    bool sendCredentialsOverHttp = false;

    // Whether what is sent may cross the network unencrypted: an http:// URL,
    // or `insecure` (buildah --tls-verify=false falls back to http when https
    // fails, and a scheme-less insecure URL is http for RegistryClient).
    bool mayUsePlainHttp() const;
    // Whether credentials (the ecosystem's, or a login buildah finds on its
    // own) may be sent to this registry.
    bool sendsCredentials() const { return sendCredentialsOverHttp || !mayUsePlainHttp(); }
    bool hasCredentials() const
    {
        return !usernameEnvironmentVariable.isEmpty() || !passwordEnvironmentVariable.isEmpty();
    }
};

struct MonitoringTrigger
{
    // What a window without a single answer from Prometheus means. Keeping
    // is the default: an outage of monitoring must not undo a good release.
    enum class Inconclusive { Keep, RollBack };

    QString prometheusUrl;
    ServiceCredentials credentials;
    QString query;
    double threshold = 0;
    std::chrono::seconds window { 300 };
    std::chrono::seconds interval { 15 };
    Inconclusive onInconclusive = Inconclusive::Keep;
};

struct RollbackPolicy
{
    // What a delivery does on finding a release whose delivery never ended
    // (crashed, or lost its lock): restore the last good release first and
    // go on, or refuse until someone has looked (shipyardctl rollback).
    enum class Interrupted { Restore, Refuse };

    bool onRolloutFailure = true;
    bool onSmokeFailure = true;
    Interrupted onInterrupted = Interrupted::Restore;
    std::chrono::seconds rolloutTimeout { 600 };
    std::optional<MonitoringTrigger> monitoring;
    int keepReleases = 20;
};

// The webhooks the robot's endpoint accepts (docs/robot.md): per source
// ("github", "gitlab", "gerrit", "jira", "tasks"), the environment variable
// holding its secret. A source without one answers 404.
struct WebhookSettings
{
    QMap<QString, QString> secretVariables; // source → variable
    int maxBodyBytes = 1024 * 1024; // larger requests get 413 unread
};

struct RobotSettings
{
    WebhookSettings webhooks;
    // How long the robot waits between passes when nothing wakes it (a
    // webhook does): the bound on how late it sees what no webhook tells,
    // such as a Redmine task moved. `shipyardctl robot --interval` wins.
    std::chrono::seconds pollInterval { 60 };
};

struct Ecosystem
{
    QString filePath;
    QString name;
    QString description;
    QList<System> systems;
    QList<Environment> environments;
    Variables variables; // defaults for every environment and system
    Gating gating;
    TrackerSettings tracker;
    RegistrySettings registry;
    RollbackPolicy rollback;
    RobotSettings robot;
    // `templates`: a folder of the team's own service templates, as written
    // (relative to the file); see docs/service-templates.md.
    QString templatesDirectory;
    NotificationSettings notifications; // docs/notifications.md

    const System *system(const QString &name) const;
    const Environment *environment(const QString &name) const;
    // The first environment of KIND in the file's order; null when none.
    const Environment *firstEnvironment(EnvironmentKind kind) const;
    // Every environment of KIND, in the file's order.
    QList<const Environment *> environmentsOf(EnvironmentKind kind) const;
    // Paths in the file are relative to the file's own directory.
    QString resolvePath(const QString &path) const;
    // The variables SYSTEM's manifests see in ENVIRONMENT, delivered into NS
    // (for TASK's showroom): the built-in ones (reservedVariables()), then
    // the ecosystem's, the environment's and the system's, each over the
    // one before.
    Variables variablesFor(
        const System &system, const Environment &environment, const QString &ns, const QString &task = {}) const;
    // The names Shipyard sets itself: ENVIRONMENT, NAMESPACE,
    // ENVIRONMENT_SECRET, SYSTEM, TASK.
    static const QStringList &reservedVariables();
    // Positive reviews a branch needs to be delivered into ENVIRONMENT: the
    // larger of gating.reviewsRequired and its 'approvals' into staging and
    // production (where it is merged), its 'approvals' elsewhere.
    int requiredApprovals(const Environment &environment) const;
    // The variables holding the ecosystem's secrets: the tracker's and the
    // review service's tokens, the registry's password, the notification
    // channels' webhook URLs and SMTP passwords. Their values are
    // masked wherever text goes (see SecretMasker).
    QStringList secretVariables() const;
    // The credentials of rollback.monitoring and of every environment's alerts.
    QList<ServiceCredentials> monitoringCredentials() const;
    // secretVariables() and the registry's and SMTP usernames: what the code of a
    // branch never sees unless a system passes it (see CommandEnvironment).
    // The username is no secret to mask, yet half of a credential.
    QStringList credentialVariables() const;
    // The one masker for this ecosystem: the secrets of this process's
    // environment and the values of secretVariables(), whatever those are
    // called. Every text bound for a log, a release record, an Event, an
    // audit line or a tracker comment goes through it.
    SecretMasker secretMasker() const;
};

// The word the ecosystem file uses for each value.
QString keyword(SystemTemplate kind);
QString keyword(EnvironmentKind kind);
QString keyword(TrackerKind kind);

} // namespace Shipyard
