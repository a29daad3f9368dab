// SPDX-License-Identifier: GPL-2.0-or-later
// One reader walking the document's top-level sections in order, so that a
// section sees what the ones before it defined (contexts, variables, the
// rollback's triggers); each nested shape (freezes, canaries, migrations,
// alerts, sources) has its reader of its own beside this file.
#include "model/EcosystemLoader.h"

#include "model/AlertTriggerReader.h"
#include "model/CanaryPlanReader.h"
#include "model/EcosystemChecks.h"
#include "model/FreezeWindowReader.h"
#include "model/ManifestSourceReader.h"
#include "model/MigrationReader.h"
#include "model/NotificationSettingsReader.h"
#include "model/RobotSettingsReader.h"
#include "model/ServiceCredentialsReader.h"
#include "model/TaskKeyExtractor.h"
#include "support/KeySuggestion.h"
#include "support/YamlDocument.h"
#include "support/YamlMappingReader.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace Shipyard {

namespace {

using Presence = YamlMappingReader::Presence;

const QRegularExpression &dnsLabel()
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return re;
}

class EcosystemReader
{
public:
    EcosystemReader(DiagnosticSink &sink, const QStringList &knownContexts)
        : m_sink(sink), m_knownContexts(knownContexts)
    { }

    void read(const YAML::Node &root, Ecosystem &ecosystem)
    {
        YamlMappingReader top(root, QStringLiteral("ecosystem"), m_sink);
        if (const auto version = top.string("apiVersion"); version && *version != QLatin1String("shipyard/v1")) {
            m_sink.error(top.valueLocation("apiVersion"),
                QStringLiteral("ecosystem: apiVersion '%1' is not supported; this Shipyard reads 'shipyard/v1'")
                    .arg(*version));
        }
        ecosystem.name = top.string("name", Presence::Required).value_or(QString());
        ecosystem.description = top.string("description").value_or(QString());
        ecosystem.templatesDirectory = top.string("templates").value_or(QString());
        readGating(top.mapping("gating"), ecosystem.gating);
        readTracker(top.mapping("tracker"), ecosystem.tracker, ecosystem.gating);
        readRegistry(top.mapping("registry"), ecosystem.registry);
        readRollback(top.mapping("rollback"), ecosystem.rollback);
        readRobotSettings(top.mapping("robot"), ecosystem.robot, m_sink);
        readNotificationSettings(top, ecosystem.notifications, m_sink);
        m_notifications = &ecosystem.notifications;
        ecosystem.variables = readVariables(top, m_sink);
        readSystems(top.sequence("systems", Presence::Required), ecosystem.systems, ecosystem);
        readEnvironments(top.sequence("environments", Presence::Required), ecosystem.environments);
        checkEcosystem(ecosystem, m_locations, m_sink);
        top.reportUnknownKeys({ QStringLiteral("apiVersion"), QStringLiteral("name"), QStringLiteral("description"),
            QStringLiteral("gating"), QStringLiteral("tracker"), QStringLiteral("registry"), QStringLiteral("rollback"),
            QStringLiteral("systems"), QStringLiteral("environments"), QStringLiteral("variables"),
            QStringLiteral("templates"), QStringLiteral("robot"), QStringLiteral("notifications") });
    }

private:
    void readGating(const YAML::Node &node, Gating &gating)
    {
        if (!node.IsDefined())
            return;
        YamlMappingReader r(node, QStringLiteral("gating"), m_sink);
        if (const auto pattern = r.string("taskKey")) {
            const QRegularExpression re(*pattern);
            if (!re.isValid()) {
                SourceLocation where = r.valueLocation("taskKey");
                m_sink.error(where,
                    QStringLiteral("gating: 'taskKey' is not a valid regular expression: %1 (at character %2)")
                        .arg(re.errorString())
                        .arg(re.patternErrorOffset() + 1));
            } else if (re.match(QString()).hasMatch()) {
                m_sink.error(r.valueLocation("taskKey"),
                    QStringLiteral("gating: 'taskKey' matches an empty branch name, so every branch would pass"));
            } else {
                gating.taskKeyPattern = *pattern;
            }
        }
        gating.reviewsRequired = r.integer("reviewsRequired", 0, 100).value_or(gating.reviewsRequired);
        gating.branchUpdateStatuses = r.stringList("branchUpdateStatuses").value_or(gating.branchUpdateStatuses);
        gating.mergeStatuses = r.stringList("mergeStatuses").value_or(gating.mergeStatuses);
        gating.returnStatus = r.string("returnStatus").value_or(gating.returnStatus);
        if (const auto mode = r.choice("integration", { QStringLiteral("rebase"), QStringLiteral("merge") }))
            gating.integration = *mode == QLatin1String("merge") ? IntegrationMode::Merge : IntegrationMode::Rebase;
        if (const auto mode = r.choice("merge", { QStringLiteral("fast-forward"), QStringLiteral("merge-commit") }))
            gating.merge = *mode == QLatin1String("merge-commit") ? MergeMode::MergeCommit : MergeMode::FastForward;
        readReviews(r.mapping("reviews"), gating.reviews);
        readAutotests(r.mapping("autotests"), gating.autotests);
        gating.upstreamPushers = r.stringList("upstreamPushers").value_or(gating.upstreamPushers);
        r.reportUnknownKeys({ QStringLiteral("taskKey"), QStringLiteral("reviewsRequired"),
            QStringLiteral("branchUpdateStatuses"), QStringLiteral("mergeStatuses"), QStringLiteral("returnStatus"),
            QStringLiteral("integration"), QStringLiteral("merge"), QStringLiteral("reviews"),
            QStringLiteral("autotests"), QStringLiteral("upstreamPushers") });
    }

    void readAutotests(const YAML::Node &node, AutotestSettings &autotests)
    {
        if (!node.IsDefined())
            return;
        YamlMappingReader r(node, QStringLiteral("gating autotests"), m_sink);
        autotests.branches = r.boolean("branches").value_or(autotests.branches);
        autotests.commitStatuses = r.boolean("commitStatuses").value_or(autotests.commitStatuses);
        autotests.statusContext = r.string("statusContext").value_or(autotests.statusContext);
        if (autotests.statusContext.trimmed().isEmpty())
            m_sink.error(
                r.valueLocation("statusContext"), QStringLiteral("gating autotests: 'statusContext' is empty"));
        autotests.targetUrl = r.string("targetUrl").value_or(QString());
        autotests.results = r.string("results").value_or(QString());
        r.reportUnknownKeys({ QStringLiteral("branches"), QStringLiteral("commitStatuses"),
            QStringLiteral("statusContext"), QStringLiteral("targetUrl"), QStringLiteral("results") });
    }

    void readReviews(const YAML::Node &node, ReviewSettings &reviews)
    {
        if (!node.IsDefined())
            return;
        YamlMappingReader r(node, QStringLiteral("gating reviews"), m_sink);
        if (const auto kind = r.choice("kind",
                { QStringLiteral("trailers"), QStringLiteral("gerrit"), QStringLiteral("gitlab"),
                    QStringLiteral("github") })) {
            reviews.kind = *kind == QLatin1String("gerrit") ? ReviewSettings::Kind::Gerrit
                : *kind == QLatin1String("gitlab")          ? ReviewSettings::Kind::GitLab
                : *kind == QLatin1String("github")          ? ReviewSettings::Kind::GitHub
                                                            : ReviewSettings::Kind::Trailers;
        }
        const bool remote = reviews.kind != ReviewSettings::Kind::Trailers;
        reviews.url = r.string("url", remote ? Presence::Required : Presence::Optional).value_or(QString());
        // GitLab and GitHub address merge requests and pull requests through
        // the project; Gerrit can find a change by its topic alone.
        const bool needsProject =
            reviews.kind == ReviewSettings::Kind::GitLab || reviews.kind == ReviewSettings::Kind::GitHub;
        reviews.project =
            r.string("project", needsProject ? Presence::Required : Presence::Optional).value_or(QString());
        if (reviews.kind == ReviewSettings::Kind::GitHub && !reviews.project.isEmpty() &&
            reviews.project.count(QLatin1Char('/')) != 1) {
            m_sink.error(r.valueLocation("project"),
                QStringLiteral("gating reviews: a GitHub project is 'owner/repo', not '%1'").arg(reviews.project));
        }
        reviews.tokenEnvironmentVariable = r.string("tokenEnv").value_or(QString());
        reviews.trustTrailers = r.boolean("trustTrailers").value_or(false);
        if (r.has("trustTrailers") && reviews.kind != ReviewSettings::Kind::Trailers)
            m_sink.warning(r.valueLocation("trustTrailers"),
                QStringLiteral("gating reviews: 'trustTrailers' only applies to trailers"));
        if (r.has("kind"))
            m_locations.reviewsKind = r.valueLocation("kind");
        warnAboutPlainHttpToken(r, reviews.url, reviews.tokenEnvironmentVariable);
        rejectInlineSecret(r, "token", "tokenEnv");
        rejectInlineSecret(r, "password", "tokenEnv");
        r.reportUnknownKeys(
            { QStringLiteral("kind"), QStringLiteral("url"), QStringLiteral("project"), QStringLiteral("tokenEnv"),
                QStringLiteral("trustTrailers"), QStringLiteral("token"), QStringLiteral("password") });
    }

    // A token sent to an http:// URL can be read by anyone on the way. Not an
    // error: a test server may have no TLS. Loopback traffic never leaves
    // the machine, so a server on 127.0.0.1 or localhost is left alone.
    void warnAboutPlainHttpToken(YamlMappingReader &r, const QString &url, const QString &tokenVariable)
    {
        if (tokenVariable.isEmpty())
            return;
        const QUrl parsed(url.trimmed());
        if (parsed.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) != 0 || isLoopback(parsed.host()))
            return;
        m_sink.warning(r.valueLocation("url"),
            QStringLiteral("%1: the token in %2 would be sent unencrypted to %3, readable by anyone on the way; "
                           "use https")
                .arg(r.what(), tokenVariable, url.trimmed()));
    }

    static bool isLoopback(const QString &host)
    {
        static const QRegularExpression ipv4Loopback(QStringLiteral("^127(\\.[0-9]{1,3}){3}$"));
        return host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || host == QLatin1String("::1") ||
            ipv4Loopback.match(host).hasMatch();
    }

    void rejectInlineSecret(YamlMappingReader &r, const char *key, const char *alternative)
    {
        Shipyard::rejectInlineSecret(r, key, alternative, m_sink);
    }

    void readTracker(const YAML::Node &node, TrackerSettings &tracker, const Gating &gating)
    {
        if (!node.IsDefined())
            return;
        YamlMappingReader r(node, QStringLiteral("tracker"), m_sink);
        if (const auto kind =
                r.choice("kind", { QStringLiteral("file"), QStringLiteral("redmine"), QStringLiteral("jira") })) {
            tracker.kind = *kind == QLatin1String("redmine") ? TrackerKind::Redmine
                : *kind == QLatin1String("jira")             ? TrackerKind::Jira
                                                             : TrackerKind::File;
        }
        const Presence urlPresence = tracker.kind == TrackerKind::File ? Presence::Optional : Presence::Required;
        tracker.url = r.string("url", urlPresence).value_or(QString());
        tracker.file = r.string("file").value_or(tracker.file);
        tracker.project = r.string("project").value_or(QString());
        tracker.tokenEnvironmentVariable = r.string("tokenEnv").value_or(QString());
        if (tracker.kind != TrackerKind::File)
            warnAboutPlainHttpToken(r, tracker.url, tracker.tokenEnvironmentVariable);
        tracker.apiVersion = r.integer("apiVersion", 2, 3).value_or(tracker.apiVersion);
        readKeyPrefix(r, tracker, gating);
        rejectInlineSecret(r, "token", "tokenEnv");
        rejectInlineSecret(r, "apiKey", "tokenEnv");
        rejectInlineSecret(r, "password", "tokenEnv");
        if (const YAML::Node statuses = r.mapping("statuses"); statuses.IsDefined()) {
            YamlMappingReader s(statuses, QStringLiteral("tracker statuses"), m_sink);
            TrackerStatuses &t = tracker.statuses;
            t.awaitingAutotests = s.string("awaitingAutotests").value_or(t.awaitingAutotests);
            t.awaitingShowroom = s.string("awaitingShowroom").value_or(t.awaitingShowroom);
            t.awaitingDelivery = s.string("awaitingDelivery").value_or(t.awaitingDelivery);
            t.inQa = s.string("inQa").value_or(t.inQa);
            t.done = s.string("done").value_or(t.done);
            s.reportUnknownKeys({ QStringLiteral("awaitingAutotests"), QStringLiteral("awaitingShowroom"),
                QStringLiteral("awaitingDelivery"), QStringLiteral("inQa"), QStringLiteral("done") });
        }
        r.reportUnknownKeys({ QStringLiteral("kind"), QStringLiteral("url"), QStringLiteral("file"),
            QStringLiteral("project"), QStringLiteral("tokenEnv"), QStringLiteral("apiVersion"),
            QStringLiteral("keyPrefix"), QStringLiteral("statuses"), QStringLiteral("token"), QStringLiteral("apiKey"),
            QStringLiteral("password") });
    }

    void readKeyPrefix(YamlMappingReader &r, TrackerSettings &tracker, const Gating &gating)
    {
        tracker.keyPrefix = r.string("keyPrefix").value_or(QString());
        if (tracker.kind != TrackerKind::Redmine) {
            if (r.has("keyPrefix"))
                m_sink.warning(r.valueLocation("keyPrefix"),
                    QStringLiteral("tracker: 'keyPrefix' only applies to redmine; %1 trackers name their own keys")
                        .arg(keyword(tracker.kind)));
            return;
        }
        if (!tracker.keyPrefix.isEmpty() && tracker.keyPrefix.back().isDigit()) {
            m_sink.error(r.valueLocation("keyPrefix"),
                QStringLiteral("tracker: 'keyPrefix' must not end with a digit ('%1'): Redmine reads the issue "
                               "number from the digits that end a key")
                    .arg(tracker.keyPrefix));
            return;
        }
        // The robot keeps a listed task only when the pattern finds exactly
        // its key, so the same extractor decides here.
        const QString sample =
            (tracker.keyPrefix.isEmpty() ? QStringLiteral("#") : tracker.keyPrefix) + QLatin1Char('1');
        const TaskKeyExtractor keys(gating.taskKeyPattern);
        if (keys.isValid() && keys.extract(sample) != sample) {
            const char *place = r.has("keyPrefix") ? "keyPrefix" : "kind";
            m_sink.warning(r.valueLocation(place),
                QStringLiteral("tracker: Redmine issues are listed as '%1', which gating 'taskKey' (%2) does not "
                               "match, so the delivery robot would ignore every task; %3")
                    .arg(sample, gating.taskKeyPattern,
                        r.has("keyPrefix") ? QStringLiteral("change 'keyPrefix' or 'taskKey'")
                                           : QStringLiteral("set 'keyPrefix', e.g. 'SHOP-'")));
        }
    }

    void readRegistry(const YAML::Node &node, RegistrySettings &registry)
    {
        if (!node.IsDefined())
            return;
        YamlMappingReader r(node, QStringLiteral("registry"), m_sink);
        registry.url = r.string("url", Presence::Required).value_or(QString());
        registry.insecure = r.boolean("insecure").value_or(false);
        registry.usernameEnvironmentVariable = r.string("usernameEnv").value_or(QString());
        registry.passwordEnvironmentVariable = r.string("passwordEnv").value_or(QString());
        registry.sendCredentialsOverHttp = r.boolean("sendCredentialsOverHttp").value_or(false);
        rejectInlineSecret(r, "password", "passwordEnv");
        if (registry.hasCredentials() && !registry.sendsCredentials()) {
            m_sink.warning(r.valueLocation(registry.insecure ? "insecure" : "url"),
                QStringLiteral("registry: its credentials (usernameEnv, passwordEnv) are not sent over plain http "
                               "(%1), so pushes that need them fail; use https, or set "
                               "'sendCredentialsOverHttp: true' to send them unencrypted anyway")
                    .arg(registry.insecure ? QStringLiteral("insecure: true") : QStringLiteral("an http:// url")));
        }
        r.reportUnknownKeys({ QStringLiteral("url"), QStringLiteral("insecure"), QStringLiteral("usernameEnv"),
            QStringLiteral("passwordEnv"), QStringLiteral("sendCredentialsOverHttp"), QStringLiteral("password") });
    }

    void readRollback(const YAML::Node &node, RollbackPolicy &rollback)
    {
        if (!node.IsDefined())
            return;
        YamlMappingReader r(node, QStringLiteral("rollback"), m_sink);
        rollback.onRolloutFailure = r.boolean("onRolloutFailure").value_or(rollback.onRolloutFailure);
        rollback.onSmokeFailure = r.boolean("onSmokeFailure").value_or(rollback.onSmokeFailure);
        rollback.rolloutTimeout = r.duration("rolloutTimeout").value_or(rollback.rolloutTimeout);
        rollback.keepReleases = r.integer("keepReleases", 1, 1000).value_or(rollback.keepReleases);
        if (const auto policy = r.choice("onInterrupted", { QStringLiteral("restore"), QStringLiteral("refuse") }))
            rollback.onInterrupted = *policy == QLatin1String("refuse") ? RollbackPolicy::Interrupted::Refuse
                                                                        : RollbackPolicy::Interrupted::Restore;
        if (const YAML::Node monitoring = r.mapping("monitoring"); monitoring.IsDefined()) {
            YamlMappingReader m(monitoring, QStringLiteral("rollback monitoring"), m_sink);
            MonitoringTrigger trigger;
            trigger.prometheusUrl = m.string("prometheus", Presence::Required).value_or(QString());
            trigger.credentials = readServiceCredentials(m, "prometheus", trigger.prometheusUrl, {}, m_sink);
            trigger.query = m.string("query", Presence::Required).value_or(QString());
            if (const auto threshold = m.number("threshold"))
                trigger.threshold = *threshold;
            else if (!m.has("threshold"))
                m_sink.error(m.location(), QStringLiteral("rollback monitoring: missing required field 'threshold'"));
            trigger.window = m.duration("window").value_or(trigger.window);
            trigger.interval = m.duration("interval").value_or(trigger.interval);
            if (const auto policy = m.choice("onInconclusive", { QStringLiteral("keep"), QStringLiteral("rollback") }))
                trigger.onInconclusive = *policy == QLatin1String("rollback")
                    ? MonitoringTrigger::Inconclusive::RollBack
                    : MonitoringTrigger::Inconclusive::Keep;
            m.reportUnknownKeys(
                QStringList { QStringLiteral("prometheus"), QStringLiteral("query"), QStringLiteral("threshold"),
                    QStringLiteral("window"), QStringLiteral("interval"), QStringLiteral("onInconclusive") } +
                serviceCredentialKeys());
            rollback.monitoring = trigger;
        }
        // Every staging and production environment's, unless it has its own.
        m_alerts = readAlertTrigger(r, std::nullopt, m_sink);
        r.reportUnknownKeys({ QStringLiteral("onRolloutFailure"), QStringLiteral("onSmokeFailure"),
            QStringLiteral("onInterrupted"), QStringLiteral("rolloutTimeout"), QStringLiteral("keepReleases"),
            QStringLiteral("monitoring"), QStringLiteral("alerts") });
    }

    bool checkName(YamlMappingReader &r, const QString &name, const QString &what)
    {
        if (name.isEmpty())
            return false;
        if (name.size() > 63 || !dnsLabel().match(name).hasMatch()) {
            m_sink.error(r.valueLocation("name"),
                QStringLiteral("%1 name '%2' must be lower-case letters, digits and '-' (at most 63), "
                               "because it names Kubernetes objects")
                    .arg(what, name));
            return false;
        }
        return true;
    }

    // Items of the systems and environments lists share their shape checks.
    bool isMappingItem(const YAML::Node &item, const char *list, int index)
    {
        if (item.IsMap())
            return true;
        m_sink.error(toLocation(item.Mark()),
            QStringLiteral("%1: item %2 must be a mapping, not %3")
                .arg(QLatin1String(list))
                .arg(index)
                .arg(describeScalar(item)));
        return false;
    }

    // Reads the item's name and names the item after it in later messages.
    QString readName(YamlMappingReader &r, const QString &what)
    {
        const QString name = r.string("name", Presence::Required).value_or(QString());
        if (!name.isEmpty())
            r.setWhat(QStringLiteral("%1 '%2'").arg(what, name));
        checkName(r, name, what);
        return name;
    }

    // False (and an error at the second one) when the name was already used.
    bool isFirstDefinition(
        QHash<QString, int> &firstLine, YamlMappingReader &r, const QString &name, const QString &what)
    {
        if (name.isEmpty())
            return true;
        if (const auto first = firstLine.constFind(name); first != firstLine.constEnd()) {
            m_sink.error(r.valueLocation("name"),
                QStringLiteral("duplicate %1 name '%2' (first defined at line %3)").arg(what, name).arg(*first));
            return false;
        }
        firstLine.insert(name, r.valueLocation("name").line);
        return true;
    }

    // SETTINGS: the tracker, reviews and registry read so far, whose
    // credential variables a system passing them is warned about.
    void readSystems(const YAML::Node &list, QList<System> &systems, const Ecosystem &settings)
    {
        if (!list.IsDefined())
            return;
        QHash<QString, int> firstLine;
        int index = 0;
        for (const YAML::Node &item : list) {
            if (!isMappingItem(item, "systems", ++index))
                continue;
            System system;
            system.location = toLocation(item.Mark());
            YamlMappingReader r(item, QStringLiteral("system #%1").arg(index), m_sink);
            system.name = readName(r, QStringLiteral("system"));
            if (const auto kind = r.choice("template",
                    { QStringLiteral("frontend"), QStringLiteral("backend"), QStringLiteral("worker") },
                    Presence::Required)) {
                system.kind = *kind == QLatin1String("frontend") ? SystemTemplate::Frontend
                    : *kind == QLatin1String("worker")           ? SystemTemplate::Worker
                                                                 : SystemTemplate::Backend;
            }
            system.description = r.string("description").value_or(QString());
            system.repository = r.string("repository", Presence::Required).value_or(QString());
            system.upstream = r.string("upstream").value_or(system.upstream);
            system.image = r.string("image", Presence::Required).value_or(QString());
            system.dockerfile = r.string("dockerfile").value_or(system.dockerfile);
            system.buildContext = r.string("context").value_or(system.buildContext);
            system.manifests = readManifestSource(r, item, m_sink);
            system.variables = readVariables(r, m_sink);
            system.buildCommand = r.string("build").value_or(QString());
            system.testCommand = r.string("test").value_or(QString());
            system.smokeCommands = r.stringList("smoke").value_or(QStringList());
            system.dependsOn = r.stringList("dependsOn").value_or(QStringList());
            system.migration = readMigration(r, m_sink);
            readPassedVariables(r, item["env"], system, settings.credentialVariables());
            system.canary = readCanaryPlan(r, item, m_sink, false);
            r.reportUnknownKeys({ QStringLiteral("name"), QStringLiteral("template"), QStringLiteral("description"),
                QStringLiteral("repository"), QStringLiteral("upstream"), QStringLiteral("image"),
                QStringLiteral("dockerfile"), QStringLiteral("context"), QStringLiteral("manifests"),
                QStringLiteral("kustomize"), QStringLiteral("helm"), QStringLiteral("variables"),
                QStringLiteral("build"), QStringLiteral("test"), QStringLiteral("smoke"), QStringLiteral("dependsOn"),
                QStringLiteral("env"), QStringLiteral("migrate"), QStringLiteral("canary") });
            if (!isFirstDefinition(firstLine, r, system.name, QStringLiteral("system")))
                continue;
            m_locations.dependsOn.append(r.valueLocation("dependsOn"));
            systems.append(system);
        }
    }

    // `env`: names of variables the system's commands see although they name
    // credentials. NODE is the list itself, for the place of each name.
    void readPassedVariables(
        YamlMappingReader &r, const YAML::Node &node, System &system, const QStringList &credentialVariables)
    {
        const std::optional<QStringList> names = r.stringList("env");
        if (!names)
            return;
        const QString owner = system.name.isEmpty() ? r.what() : QStringLiteral("system '%1'").arg(system.name);
        for (qsizetype i = 0; i < names->size(); ++i) {
            const QString &name = names->at(i);
            const SourceLocation where =
                node.IsSequence() ? toLocation(node[std::size_t(i)].Mark()) : toLocation(node.Mark());
            if (!isVariableName(name)) {
                m_sink.error(where,
                    QStringLiteral("%1: 'env' lists '%2', which is no environment variable name (letters, digits "
                                   "and '_', not starting with a digit)")
                        .arg(owner, name));
                continue;
            }
            if (system.passedVariables.contains(name)) {
                m_sink.warning(where, QStringLiteral("%1: 'env' lists %2 twice").arg(owner, name));
                continue;
            }
            if (credentialVariables.contains(name))
                m_sink.warning(where,
                    QStringLiteral("%1: 'env' passes %2, one of the ecosystem's own credentials, to the code of "
                                   "every branch it delivers")
                        .arg(owner, name));
            system.passedVariables.append(name);
        }
    }

    void readEnvironments(const YAML::Node &list, QList<Environment> &environments)
    {
        if (!list.IsDefined())
            return;
        QHash<QString, int> firstLine;
        int index = 0;
        for (const YAML::Node &item : list) {
            if (!isMappingItem(item, "environments", ++index))
                continue;
            Environment env;
            env.location = toLocation(item.Mark());
            YamlMappingReader r(item, QStringLiteral("environment #%1").arg(index), m_sink);
            env.name = readName(r, QStringLiteral("environment"));
            const auto kind = r.choice("kind",
                { QStringLiteral("local"), QStringLiteral("showroom"), QStringLiteral("staging"),
                    QStringLiteral("production") },
                Presence::Required);
            if (kind) {
                env.kind = *kind == QLatin1String("showroom") ? EnvironmentKind::Showroom
                    : *kind == QLatin1String("staging")       ? EnvironmentKind::Staging
                    : *kind == QLatin1String("production")    ? EnvironmentKind::Production
                                                              : EnvironmentKind::Local;
            }
            env.context = r.string("context", Presence::Required).value_or(QString());
            if (!env.context.isEmpty() && !m_knownContexts.isEmpty() && !m_knownContexts.contains(env.context)) {
                QString message =
                    QStringLiteral("%1: context '%2' is not in the kubeconfig").arg(r.what(), env.context);
                const QString suggestion = closestMatch(env.context, m_knownContexts);
                if (!suggestion.isEmpty())
                    message += QStringLiteral(" (did you mean '%1'?)").arg(suggestion);
                m_sink.error(r.valueLocation("context"), message);
            }
            if (env.kind == EnvironmentKind::Showroom) {
                env.namespacePattern = r.string("namespacePattern", Presence::Required).value_or(QString());
                if (!env.namespacePattern.isEmpty()) {
                    const QString sample =
                        QString(env.namespacePattern).replace(QStringLiteral("{task}"), QStringLiteral("task-1"));
                    if (!env.namespacePattern.contains(QStringLiteral("{task}")))
                        m_sink.error(r.valueLocation("namespacePattern"),
                            QStringLiteral("%1: 'namespacePattern' must contain {task}, or every showroom would share "
                                           "one namespace")
                                .arg(r.what()));
                    else if (!dnsLabel().match(sample).hasMatch() || sample.size() > 63)
                        m_sink.error(r.valueLocation("namespacePattern"),
                            QStringLiteral("%1: 'namespacePattern' does not make a valid namespace name ('%2')")
                                .arg(r.what(), sample));
                }
                env.timeToLive = r.duration("ttl", Presence::Required).value_or(std::chrono::seconds(0));
                env.sleepAfter = r.duration("sleepAfter").value_or(std::chrono::seconds(0));
                if (env.sleepAfter.count() > 0 && env.timeToLive.count() > 0 && env.sleepAfter >= env.timeToLive)
                    m_sink.warning(r.valueLocation("sleepAfter"),
                        QStringLiteral("%1: 'sleepAfter' is not shorter than 'ttl': showrooms are removed before "
                                       "they would sleep")
                            .arg(r.what()));
                if (r.has("namespace"))
                    m_sink.error(r.valueLocation("namespace"),
                        QStringLiteral("%1: a showroom has one namespace per task; use 'namespacePattern'")
                            .arg(r.what()));
            } else {
                env.namespaceName = r.string("namespace", Presence::Required).value_or(QString());
                if (!env.namespaceName.isEmpty() && !dnsLabel().match(env.namespaceName).hasMatch())
                    m_sink.error(r.valueLocation("namespace"),
                        QStringLiteral("%1: '%2' is not a valid namespace name").arg(r.what(), env.namespaceName));
                for (const char *key : { "namespacePattern", "ttl", "sleepAfter" }) {
                    if (r.has(key))
                        m_sink.warning(r.valueLocation(key),
                            QStringLiteral("%1: '%2' only applies to showrooms").arg(r.what(), QLatin1String(key)));
                }
            }
            env.secret = r.string("secret").value_or(QString());
            // A Secret's name is DNS labels joined by dots.
            const QStringList labels = env.secret.split(QLatin1Char('.'));
            if (!env.secret.isEmpty() && !std::all_of(labels.cbegin(), labels.cend(), [](const QString &label) {
                    return dnsLabel().match(label).hasMatch();
                }))
                m_sink.error(r.valueLocation("secret"),
                    QStringLiteral("%1: secret '%2' is not a Secret's name").arg(r.what(), env.secret));
            env.variables = readVariables(r, m_sink);
            env.freezes = readFreezeWindows(r, m_sink);
            // Like the monitoring query, alerts judge only where real traffic does.
            if (env.isFinal()) {
                // `alerts: false`: this environment's Alertmanager is not the
                // ecosystem's, or none watches it yet.
                if (r.has("alerts") && item["alerts"].IsScalar() && item["alerts"].Scalar() == "false")
                    env.alerts.reset();
                else
                    env.alerts = readAlertTrigger(r, m_alerts, m_sink);
            } else if (r.has("alerts"))
                m_sink.warning(r.valueLocation("alerts"),
                    QStringLiteral("%1: 'alerts' only apply to staging and production environments").arg(r.what()));
            env.canary = readCanaryPlan(r, item, m_sink, true);
            env.notify = readNotificationRules(r, *m_notifications, m_sink);
            env.isProtected = r.boolean("protected").value_or(env.kind == EnvironmentKind::Production);
            env.approvals = r.integer("approvals", 0, 100).value_or(0);
            env.systems = r.stringList("systems").value_or(QStringList());
            m_locations.environmentSystems.append(r.valueLocation("systems"));
            m_locations.environmentApprovals.append(
                r.has("approvals") ? r.valueLocation("approvals") : toLocation(item.Mark()));
            r.reportUnknownKeys({ QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("context"),
                QStringLiteral("namespace"), QStringLiteral("namespacePattern"), QStringLiteral("ttl"),
                QStringLiteral("sleepAfter"), QStringLiteral("secret"), QStringLiteral("protected"),
                QStringLiteral("approvals"), QStringLiteral("systems"), QStringLiteral("variables"),
                QStringLiteral("freezes"), QStringLiteral("alerts"), QStringLiteral("canary"),
                QStringLiteral("notify") });
            if (!isFirstDefinition(firstLine, r, env.name, QStringLiteral("environment"))) {
                m_locations.environmentSystems.removeLast();
                m_locations.environmentApprovals.removeLast();
                continue;
            }
            environments.append(env);
        }
    }

    DiagnosticSink &m_sink;
    QStringList m_knownContexts;
    EcosystemLocations m_locations;
    std::optional<AlertTrigger> m_alerts; // rollback.alerts
    const NotificationSettings *m_notifications = nullptr; // notifications.channels, for the environments'
};

} // namespace

EcosystemLoadResult EcosystemLoader::loadFile(const QString &path) const
{
    QFile file(path);
    const QFileInfo info(path);
    if (info.isDir())
        return { std::nullopt,
            { { path, {}, Diagnostic::Severity::Error, QStringLiteral("is a directory, not an ecosystem file") } } };
    if (!file.open(QIODevice::ReadOnly))
        return { std::nullopt,
            { { path, {}, Diagnostic::Severity::Error,
                QStringLiteral("cannot read the file: %1").arg(file.errorString()) } } };
    if (file.size() > maximumFileSize) {
        return { std::nullopt,
            { { path, {}, Diagnostic::Severity::Error,
                QStringLiteral("the file is %1 MiB; ecosystem files are limited to %2 MiB")
                    .arg(double(file.size()) / (1024 * 1024), 0, 'f', 1)
                    .arg(maximumFileSize / (1024 * 1024)) } } };
    }
    EcosystemLoadResult result = loadData(file.readAll(), path);
    if (result.ecosystem)
        result.ecosystem->filePath = info.absoluteFilePath();
    return result;
}

EcosystemLoadResult EcosystemLoader::loadData(const QByteArray &data, const QString &fileName) const
{
    DiagnosticSink sink(fileName);
    const auto fail = [&sink] { return EcosystemLoadResult { std::nullopt, sink.takeDiagnostics() }; };

    std::optional<SourceLocation> secondDocument;
    const std::optional<YAML::Node> parsed = YamlDocument::parse(data, maximumFileSize, sink, &secondDocument);
    if (!parsed)
        return fail();
    const YAML::Node &root = *parsed;

    if (!root.IsDefined() || root.IsNull()) {
        sink.error(
            { 1, 1 }, QStringLiteral("the ecosystem is empty; it needs at least 'name', 'systems' and 'environments'"));
        return fail();
    }
    if (secondDocument)
        sink.error(*secondDocument, QStringLiteral("only one YAML document is allowed in an ecosystem file"));
    if (!root.IsMap()) {
        sink.error(toLocation(root.Mark()),
            QStringLiteral("the ecosystem must be a mapping with 'name', 'systems' and "
                           "'environments', not %1")
                .arg(describeScalar(root)));
        return fail();
    }

    if (!YamlDocument::reportDuplicateKeys(root, sink))
        return fail();
    Ecosystem ecosystem;
    ecosystem.filePath = fileName;
    EcosystemReader(sink, m_knownContexts).read(root, ecosystem);

    if (hasErrors(sink.diagnostics()))
        return fail();
    return { std::move(ecosystem), sink.takeDiagnostics() };
}

} // namespace Shipyard
