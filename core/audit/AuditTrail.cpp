// SPDX-License-Identifier: GPL-2.0-or-later
#include "audit/AuditTrail.h"

#include "kube/AccessReview.h"
#include "model/Labels.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSysInfo>

#include <mutex>

namespace Shipyard {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::AuditTrail)
};

// Event messages are meant for a line in `kubectl get events`; the journal keeps the rest.
constexpr qsizetype maxMessage = 1024;

std::mutex &identityMutex()
{
    static std::mutex mutex;
    return mutex;
}

QHash<QString, QString> &identities()
{
    static QHash<QString, QString> cache;
    return cache;
}

QString identityKey(const KubeClient &client)
{
    const KubeConnection &connection = client.connection();
    return connection.cluster.server + QLatin1Char('\n') + connection.user.name;
}

bool namesSecret(QStringView word)
{
    static const QRegularExpression secretWord(
        QStringLiteral("(token|password|passwd|secret|apikey|api-key|api_key|credential)"),
        QRegularExpression::CaseInsensitiveOption);
    return secretWord.matchView(word).hasMatch() || SecretMasker::isSecretName(word);
}

std::pair<KubeClient, QString> clientFor(const ClusterAccess &cluster, const QString &context)
{
    QString error;
    KubeClient client = cluster.client(context, &error);
    return { client, error };
}

} // namespace

AuditTrail::AuditTrail(KubeClient client, const QString &journalPath)
    : AuditTrail(std::pair<KubeClient, QString>(std::move(client), QString()), journalPath)
{ }

AuditTrail::AuditTrail(std::pair<KubeClient, QString> client, const QString &journalPath)
    : m_client(std::move(client.first))
    , m_clientError(std::move(client.second))
    , m_journal(journalPath.isEmpty() ? AuditJournal::defaultPath() : journalPath)
    , m_masker(QProcessEnvironment::systemEnvironment())
{
    if (m_client.isValid()) {
        // The client's own credentials are the first thing that must never leak.
        m_masker.addSecret(m_client.connection().user.token);
        m_masker.addSecret(m_client.connection().user.password);
    }
    m_journal.setMasker(m_masker);
}

AuditTrail::AuditTrail(const ClusterAccess &cluster, const QString &context, const QString &journalPath)
    : AuditTrail(clientFor(cluster, context), journalPath)
{ }

QString AuditTrail::Outcome::errorMessage() const
{
    QStringList errors;
    if (!journalError.isEmpty())
        errors.append(journalError);
    if (!eventError.isEmpty())
        errors.append(eventError);
    return errors.join(QStringLiteral("; "));
}

QString AuditTrail::kubernetesIdentity(QString *error) const
{
    if (!m_client.isValid()) {
        if (error)
            *error = m_clientError.isEmpty() ? Tr::tr("no cluster to ask who the user is") : m_clientError;
        return {};
    }
    const QString key = identityKey(m_client);
    {
        std::lock_guard lock(identityMutex());
        const auto known = identities().constFind(key);
        if (known != identities().constEnd())
            return *known;
    }
    QFuture<AccessReview::Identity> future = AccessReview::whoAmI(m_client);
    future.waitForFinished();
    const AccessReview::Identity identity = future.result();
    if (identity.error.isError() || identity.username.isEmpty()) {
        if (error)
            *error = Tr::tr("SelfSubjectReview on %1: %2")
                         .arg(m_client.connection().contextName,
                             identity.error.isError() ? identity.error.message : Tr::tr("no username in the answer"));
        return {};
    }
    std::lock_guard lock(identityMutex());
    identities().insert(key, identity.username);
    return identity.username;
}

QString AuditTrail::reasonFor(const QString &action)
{
    QString reason = QStringLiteral("Shipyard");
    bool upper = true;
    for (const QChar c : action) {
        if (!c.isLetterOrNumber()) {
            upper = true;
            continue;
        }
        reason.append(upper ? c.toUpper() : c);
        upper = false;
    }
    return reason;
}

QString AuditTrail::eventTypeFor(const AuditRecord &record)
{
    static const QStringList normal { QStringLiteral("started"), QStringLiteral("succeeded"), QStringLiteral("taken"),
        QStringLiteral("released"), QStringLiteral("waiting") };
    const QString first = record.result.section(QLatin1Char(':'), 0, 0).trimmed();
    const bool forced = record.details.value(QLatin1String("force")).toBool();
    return normal.contains(first) && !forced ? QStringLiteral("Normal") : QStringLiteral("Warning");
}

QString AuditTrail::messageFor(const AuditRecord &record)
{
    QString who = record.kubernetesIdentity.isEmpty() ? Tr::tr("(unknown to the cluster)") : record.kubernetesIdentity;
    if (!record.osUser.isEmpty())
        who += Tr::tr(" (OS user %1)").arg(record.osUser);
    QString message = Tr::tr("%1: %2 in %3").arg(who, record.action, record.namespaceName);
    if (!record.releaseId.isEmpty())
        message += Tr::tr(", release %1").arg(record.releaseId);
    message += QStringLiteral(": ") + record.result;
    const QString environment = record.details.value(QLatin1String("environment")).toString();
    if (!environment.isEmpty())
        message += Tr::tr(" (environment %1)").arg(environment);
    const QString reason = record.details.value(QLatin1String("reason")).toString();
    if (!reason.isEmpty())
        message += Tr::tr("; reason: %1").arg(reason);
    if (message.size() > maxMessage)
        message = message.left(maxMessage - 1) + QChar(0x2026);
    return message;
}

QString AuditTrail::mask(const QString &text) const
{
    // Whatever is assigned to a word naming a secret ("token=abc",
    // "password: abc"), follows an option naming one ("--token abc") or a
    // bearer scheme goes, even if no variable held it. A word followed by a
    // plain space is kept: "secret demo-settings not found" names an object.
    static const QRegularExpression patterns[] = {
        QRegularExpression(
            QStringLiteral("\\b([\\w.-]*(?:token|password|passwd|secret|apikey|api[-_]key|credentials?|authorization)"
                           "[\\w.-]*[\"']?\\s*[=:]\\s*(?:(?:bearer|basic)\\s+)?)[\"']?[^\\s\"',;]+"),
            QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(
            QStringLiteral("((?:^|\\s)--?[\\w.-]*(?:token|password|passwd|secret|apikey|api[-_]key|credentials?)"
                           "[\\w.-]*\\s+)[^\\s\"',;-][^\\s\"',;]*"),
            QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral("\\b(bearer\\s+)[^\\s\"',;]+"), QRegularExpression::CaseInsensitiveOption),
    };
    QString masked = m_masker.mask(text);
    for (const QRegularExpression &pattern : patterns)
        masked.replace(pattern, QStringLiteral("\\1") + SecretMasker::replacement());
    return masked;
}

QString AuditTrail::maskCommandLine(const QStringList &arguments) const
{
    QStringList masked;
    bool hideNext = false;
    for (const QString &argument : arguments) {
        if (hideNext) {
            masked.append(SecretMasker::replacement());
            hideNext = false;
            continue;
        }
        if (argument.startsWith(QLatin1Char('-'))) {
            const qsizetype equals = argument.indexOf(QLatin1Char('='));
            const QString option = equals < 0 ? argument : argument.left(equals);
            if (namesSecret(option)) {
                if (equals < 0)
                    hideNext = true;
                masked.append(equals < 0 ? argument : option + QLatin1Char('=') + SecretMasker::replacement());
                continue;
            }
        }
        masked.append(m_masker.mask(argument));
    }
    return mask(masked.join(QLatin1Char(' ')));
}

QJsonObject AuditTrail::maskObject(const QJsonObject &object) const
{
    QJsonObject masked;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().isString())
            masked.insert(it.key(), mask(it.value().toString()));
        else if (it.value().isObject())
            masked.insert(it.key(), maskObject(it.value().toObject()));
        else if (it.value().isArray()) {
            QJsonArray items;
            for (const QJsonValue &item : it.value().toArray())
                items.append(item.isString() ? QJsonValue(mask(item.toString()))
                        : item.isObject()    ? QJsonValue(maskObject(item.toObject()))
                                             : item);
            masked.insert(it.key(), items);
        } else {
            masked.insert(it.key(), it.value());
        }
    }
    return masked;
}

QJsonObject AuditTrail::eventFor(const AuditRecord &record) const
{
    const QString host = QSysInfo::machineHostName();
    const QString time = record.time.toUTC().toString(Qt::ISODate);
    const QString reason = reasonFor(record.action);
    QJsonObject annotations { { Labels::osUser, record.osUser }, { Labels::kubernetesUser, record.kubernetesIdentity },
        { Labels::action, record.action } };
    if (!record.releaseId.isEmpty())
        annotations.insert(Labels::release, record.releaseId);
    return QJsonObject {
        { QStringLiteral("apiVersion"), QStringLiteral("v1") },
        { QStringLiteral("kind"), QStringLiteral("Event") },
        { QStringLiteral("metadata"),
            QJsonObject {
                { QStringLiteral("generateName"), QStringLiteral("shipyard-%1-").arg(reason.mid(8).toLower()) },
                { QStringLiteral("namespace"), record.namespaceName },
                { QStringLiteral("labels"), QJsonObject { { Labels::managedBy, Labels::managedByShipyard } } },
                { QStringLiteral("annotations"), annotations } } },
        { QStringLiteral("involvedObject"),
            QJsonObject { { QStringLiteral("apiVersion"), QStringLiteral("coordination.k8s.io/v1") },
                { QStringLiteral("kind"), QStringLiteral("Lease") },
                { QStringLiteral("name"), QString::fromLatin1(regardingLease) },
                { QStringLiteral("namespace"), record.namespaceName } } },
        { QStringLiteral("reason"), reason },
        { QStringLiteral("message"), messageFor(record) },
        { QStringLiteral("type"), eventTypeFor(record) },
        { QStringLiteral("source"),
            QJsonObject {
                { QStringLiteral("component"), QStringLiteral("shipyard") }, { QStringLiteral("host"), host } } },
        { QStringLiteral("reportingComponent"), QStringLiteral("shipyard") },
        { QStringLiteral("reportingInstance"), host },
        { QStringLiteral("firstTimestamp"), time },
        { QStringLiteral("lastTimestamp"), time },
        { QStringLiteral("count"), 1 },
    };
}

AuditTrail::Outcome AuditTrail::record(AuditRecord record, bool toCluster) const
{
    Outcome outcome;
    if (record.osUser.isEmpty())
        record.osUser = AuditJournal::currentOsUser();
    if (!record.time.isValid())
        record.time = QDateTime::currentDateTimeUtc();
    QString identityError;
    if (record.kubernetesIdentity.isEmpty() && toCluster)
        record.kubernetesIdentity = kubernetesIdentity(&identityError);
    record.result = mask(record.result);
    record.details = maskObject(record.details);

    m_journal.append(record, &outcome.journalError);

    if (!toCluster) {
        // Journalled only, as asked.
    } else if (record.namespaceName.isEmpty()) {
        outcome.eventError = Tr::tr("no Event for %1: the record names no namespace").arg(record.action);
    } else if (!m_client.isValid()) {
        outcome.eventError = Tr::tr("no Event for %1 in %2: %3")
                                 .arg(record.action, record.namespaceName,
                                     m_clientError.isEmpty() ? Tr::tr("no cluster") : m_clientError);
    } else {
        QFuture<KubeResponse> future =
            m_client.create(QStringLiteral("/api/v1/namespaces/%1/events").arg(record.namespaceName), eventFor(record));
        future.waitForFinished();
        const KubeResponse created = future.result();
        if (created.ok())
            outcome.eventName = created.json()[QLatin1String("metadata")][QLatin1String("name")].toString();
        else
            outcome.eventError = Tr::tr("the Event for %1 in namespace %2 was not created: %3")
                                     .arg(record.action, record.namespaceName, created.error.message);
    }
    if (!identityError.isEmpty())
        outcome.eventError =
            outcome.eventError.isEmpty() ? identityError : outcome.eventError + QStringLiteral("; ") + identityError;
    return outcome;
}

} // namespace Shipyard
