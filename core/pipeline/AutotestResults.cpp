// SPDX-License-Identifier: GPL-2.0-or-later
#include "pipeline/AutotestResults.h"

#include "model/Ecosystem.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSysInfo>

#include <algorithm>
#include <cerrno>
#include <csignal>

namespace Shipyard {

namespace {

constexpr int formatVersion = 1;

AutotestResult::Verdict verdictFrom(const QString &name, bool *ok)
{
    *ok = true;
    if (name == QLatin1String("passed"))
        return AutotestResult::Verdict::Passed;
    if (name == QLatin1String("failed"))
        return AutotestResult::Verdict::Failed;
    if (name == QLatin1String("error"))
        return AutotestResult::Verdict::Error;
    *ok = name == QLatin1String("running");
    return AutotestResult::Verdict::Running;
}

QJsonObject toJson(const AutotestResult &result)
{
    QJsonObject object { { QStringLiteral("system"), result.system }, { QStringLiteral("commit"), result.commit },
        { QStringLiteral("branches"), QJsonArray::fromStringList(result.branches) },
        { QStringLiteral("verdict"), AutotestResult::verdictName(result.verdict) },
        { QStringLiteral("tester"), result.tester },
        { QStringLiteral("started"), result.started.toUTC().toString(Qt::ISODate) } };
    if (!result.step.isEmpty())
        object.insert(QStringLiteral("step"), result.step);
    if (!result.reason.isEmpty())
        object.insert(QStringLiteral("reason"), result.reason);
    if (result.finished.isValid())
        object.insert(QStringLiteral("finished"), result.finished.toUTC().toString(Qt::ISODate));
    return object;
}

} // namespace

QString AutotestResult::verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Running:
        return QStringLiteral("running");
    case Verdict::Passed:
        return QStringLiteral("passed");
    case Verdict::Failed:
        return QStringLiteral("failed");
    case Verdict::Error:
        break;
    }
    return QStringLiteral("error");
}

AutotestResults::AutotestResults(const QString &path) : m_path(path)
{ }

QString AutotestResults::pathFor(const Ecosystem &ecosystem)
{
    if (!ecosystem.gating.autotests.results.isEmpty())
        return ecosystem.resolvePath(ecosystem.gating.autotests.results);
    // QStandardPaths has no state location before Qt 6.7; the XDG rule is short.
    QString state = qEnvironmentVariable("XDG_STATE_HOME");
    if (state.isEmpty() || QDir::isRelativePath(state))
        state = QDir::homePath() + QLatin1String("/.local/state");
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
    QString name = ecosystem.name;
    name.replace(unsafe, QStringLiteral("-"));
    if (name.isEmpty() || name.startsWith(QLatin1Char('.')))
        name.prepend(QStringLiteral("ecosystem"));
    return state + QLatin1String("/shipyard/autotests/") + name + QLatin1String(".json");
}

QList<AutotestResult> AutotestResults::read(QString *error) const
{
    QList<AutotestResult> results;
    QFile file(m_path);
    if (!file.exists())
        return results;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(m_path, file.errorString());
        return results;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = QStringLiteral("%1:%2: not autotest results (%3)")
                     .arg(m_path)
                     .arg(parseError.offset)
                     .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                       : QStringLiteral("not an object"));
        return results;
    }
    const int version = document.object().value(QLatin1String("version")).toInt();
    if (version != formatVersion) {
        *error = QStringLiteral("%1: results of version %2, this Shipyard reads version %3")
                     .arg(m_path)
                     .arg(version)
                     .arg(formatVersion);
        return results;
    }
    const QJsonArray entries = document.object().value(QLatin1String("results")).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject object = entries.at(i).toObject();
        AutotestResult result;
        result.system = object.value(QLatin1String("system")).toString();
        result.commit = object.value(QLatin1String("commit")).toString();
        for (const QJsonValue &branch : object.value(QLatin1String("branches")).toArray())
            result.branches.append(branch.toString());
        bool known = false;
        result.verdict = verdictFrom(object.value(QLatin1String("verdict")).toString(), &known);
        result.step = object.value(QLatin1String("step")).toString();
        result.reason = object.value(QLatin1String("reason")).toString();
        result.tester = object.value(QLatin1String("tester")).toString();
        result.started = QDateTime::fromString(object.value(QLatin1String("started")).toString(), Qt::ISODate);
        result.finished = QDateTime::fromString(object.value(QLatin1String("finished")).toString(), Qt::ISODate);
        if (result.system.isEmpty() || result.commit.isEmpty() || !known) {
            *error = QStringLiteral("%1: result %2 lacks a system, a commit or a known verdict").arg(m_path).arg(i + 1);
            return {};
        }
        results.append(result);
    }
    return results;
}

QList<AutotestResult> AutotestResults::all(QString *error) const
{
    QString problem;
    const QList<AutotestResult> results = read(&problem);
    if (error)
        *error = problem;
    return results;
}

std::optional<AutotestResult> AutotestResults::find(const QString &system, const QString &commit, QString *error) const
{
    for (const AutotestResult &result : all(error)) {
        if (result.system == system && result.commit == commit)
            return result;
    }
    return std::nullopt;
}

QString AutotestResults::update(const std::function<void(QList<AutotestResult> &)> &change)
{
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return QStringLiteral("%1: cannot make its folder").arg(m_path);
    QLockFile lock(m_path + QLatin1String(".lock"));
    lock.setStaleLockTime(30000);
    if (!lock.tryLock(60000))
        return QStringLiteral("%1: locked by another process for a minute").arg(m_path);
    QString error;
    QList<AutotestResult> results = read(&error);
    if (!error.isEmpty())
        return error;
    change(results);
    QJsonArray entries;
    for (const AutotestResult &result : std::as_const(results))
        entries.append(toJson(result));
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: %2").arg(m_path, file.errorString());
    file.write(QJsonDocument(
        QJsonObject { { QStringLiteral("version"), formatVersion }, { QStringLiteral("results"), entries } })
            .toJson());
    if (!file.commit())
        return QStringLiteral("%1: %2").arg(m_path, file.errorString());
    return QString();
}

int AutotestResults::forgetGone(const QString &system, const QSet<QString> &heads, const QList<AutotestResult> &known,
    const QDateTime &now, QString *error)
{
    const auto gone = [&](const AutotestResult &result) {
        const QDateTime last = result.finished.isValid() ? result.finished : result.started;
        return result.system == system && result.isFinal() && !heads.contains(result.commit) && last.isValid() &&
            last.secsTo(now) > keepGoneSeconds;
    };
    if (std::none_of(known.cbegin(), known.cend(), gone))
        return 0;
    int forgotten = 0;
    const QString written = update([&](QList<AutotestResult> &results) { forgotten = int(results.removeIf(gone)); });
    if (!written.isEmpty()) {
        if (error)
            *error = written;
        return 0;
    }
    return forgotten;
}

std::optional<AutotestResult> AutotestResults::forget(const QString &system, const QString &commit, QString *error)
{
    std::optional<AutotestResult> forgotten;
    QString why;
    if (commit.size() < 7) {
        why = QStringLiteral("'%1' is too short to name a commit: give at least 7 digits").arg(commit);
    } else {
        const QString written = update([&](QList<AutotestResult> &results) {
            QList<qsizetype> matches;
            for (qsizetype i = 0; i < results.size(); ++i) {
                if (results[i].system == system && results[i].commit.startsWith(commit))
                    matches.append(i);
            }
            if (matches.isEmpty()) {
                why = QStringLiteral("no verdict of %1 at %2 in %3").arg(system, commit, m_path);
                return;
            }
            if (matches.size() > 1) {
                why = QStringLiteral("%1 names %2 commits of %3: give more digits")
                          .arg(commit)
                          .arg(matches.size())
                          .arg(system);
                return;
            }
            const AutotestResult &found = results[matches.first()];
            if (found.verdict == AutotestResult::Verdict::Running && !testerIsGone(found.tester) &&
                found.started.isValid() && found.started.secsTo(QDateTime::currentDateTimeUtc()) < staleClaimSeconds) {
                why = QStringLiteral("%1 at %2 is being tested by %3").arg(system, found.commit.left(12), found.tester);
                return;
            }
            forgotten = found;
            results.removeAt(matches.first());
        });
        if (why.isEmpty())
            why = written;
    }
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    return forgotten;
}

bool AutotestResults::testerIsGone(const QString &tester)
{
    // "host:pid": on this host, a process that no longer runs tests nothing.
    // Another host's robot cannot be asked; its claim goes stale in time.
    const qsizetype colon = tester.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const qint64 pid = tester.mid(colon + 1).toLongLong(&ok);
    if (colon <= 0 || !ok || pid <= 0 || tester.left(colon) != QSysInfo::machineHostName())
        return false;
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

AutotestResults::Claim AutotestResults::claim(
    const QString &system, const QString &commit, const QString &branch, const QString &tester, const QDateTime &now)
{
    Claim claim;
    claim.error = update([&](QList<AutotestResult> &results) {
        for (AutotestResult &result : results) {
            if (result.system != system || result.commit != commit)
                continue;
            claim.newBranch = !result.branches.contains(branch);
            if (claim.newBranch)
                result.branches.append(branch);
            const bool freshClaim = result.verdict == AutotestResult::Verdict::Running && result.tester != tester &&
                result.started.isValid() && result.started.secsTo(now) < staleClaimSeconds &&
                !testerIsGone(result.tester);
            if (result.isFinal() || freshClaim) {
                claim.existing = result;
                return;
            }
            // An error, or a claim its robot abandoned: tested again.
            claim.retried = result.verdict == AutotestResult::Verdict::Error;
            result.verdict = AutotestResult::Verdict::Running;
            result.tester = tester;
            result.started = now;
            result.finished = {};
            result.step.clear();
            result.reason.clear();
            claim.claimed = true;
            return;
        }
        results.append({ system, commit, { branch }, AutotestResult::Verdict::Running, {}, {}, tester, now, {} });
        claim.claimed = true;
        claim.newBranch = true;
    });
    if (!claim.error.isEmpty())
        claim.claimed = false;
    return claim;
}

QString AutotestResults::store(const AutotestResult &stored)
{
    return update([&](QList<AutotestResult> &results) {
        for (AutotestResult &result : results) {
            if (result.system != stored.system || result.commit != stored.commit)
                continue;
            QStringList branches = stored.branches;
            for (const QString &branch : std::as_const(result.branches)) {
                if (!branches.contains(branch))
                    branches.append(branch);
            }
            result = stored;
            result.branches = branches;
            return;
        }
        results.append(stored);
    });
}

} // namespace Shipyard
