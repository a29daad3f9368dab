// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Shipyard {

struct Ecosystem;

// One commit's autotests of one system.
struct AutotestResult
{
    // Running: claimed by a tester (tester, started) that has not finished.
    // Error: could not be tested (the machine's fault); tested again later.
    enum class Verdict { Running, Passed, Failed, Error };
    QString system;
    QString commit; // full id
    QStringList branches; // every branch seen at this commit, first the tested one
    Verdict verdict = Verdict::Running;
    QString step; // the failing or erring step
    QString reason; // masked
    QString tester; // "host:pid" of the robot that tested it
    QDateTime started;
    QDateTime finished;

    bool isFinal() const { return verdict == Verdict::Passed || verdict == Verdict::Failed; }
    static QString verdictName(Verdict verdict);
};

// The autotest results of an ecosystem, per system and commit, so that no
// commit is tested twice, whichever branch or pass reaches it.
//
// Why a JSON file: it survives a restart, is read by `shipyardctl autotest
// results` without a cluster, and needs nothing the autotests do not
// already need (a cluster record would make a cluster a requirement of
// testing a branch). Several robots share it when they share the file (one
// machine, or a volume): every change is read, changed and written under a
// lock file (QLockFile, stale after 30 s of a dead holder), written whole
// through a rename, and a commit is claimed (Running) before its test so
// that a second robot leaves it alone until the claim is older than
// staleClaim, or its robot, on this machine, has died (testerIsGone).
class AutotestResults
{
public:
    explicit AutotestResults(const QString &path);

    // gating.autotests.results resolved against the ecosystem's folder, or
    // $XDG_STATE_HOME/shipyard/autotests/<ecosystem name>.json.
    static QString pathFor(const Ecosystem &ecosystem);
    QString path() const { return m_path; }

    // Every result, oldest first; error set when the file cannot be read.
    QList<AutotestResult> all(QString *error = nullptr) const;
    std::optional<AutotestResult> find(const QString &system, const QString &commit, QString *error = nullptr) const;

    struct Claim
    {
        bool claimed = false; // the caller tests the commit now
        std::optional<AutotestResult> existing; // what was there (final, or a fresh claim of another)
        bool newBranch = false; // BRANCH was not among the commit's branches yet
        bool retried = false; // the commit could not be tested before (Error)
        QString error;
    };
    // Claims SYSTEM at COMMIT for TESTER unless it has a final verdict or a
    // claim younger than staleClaim; adds BRANCH to its branches either way.
    Claim claim(const QString &system, const QString &commit, const QString &branch, const QString &tester,
        const QDateTime &now);
    // Stores RESULT in place of the system's and commit's (keeping the
    // branches seen meanwhile). Empty when stored; otherwise why not.
    QString store(const AutotestResult &result);
    // Forgets the verdict of SYSTEM at COMMIT (the full id, or a prefix of at
    // least 7 digits naming one commit), so that the next pass tests it again:
    // how a person has a flaky failure tested anew. Returns what was
    // forgotten; a commit under test by a live claim is kept, with ERROR.
    std::optional<AutotestResult> forget(const QString &system, const QString &commit, QString *error);

    // Forgets the final verdicts of SYSTEM whose commit is the head of none
    // of HEADS (the branches on origin now) and that were reached last
    // longer than keepGoneSeconds before NOW: a branch merged, deleted or
    // pushed past leaves a verdict nobody asks for again, and the file would
    // grow by every push forever. Returns how many were forgotten; a pass
    // with nothing to forget takes no lock and writes nothing.
    int forgetGone(const QString &system, const QSet<QString> &heads, const QList<AutotestResult> &known,
        const QDateTime &now, QString *error);

    static constexpr qint64 staleClaimSeconds = 4 * 3600;
    static constexpr qint64 keepGoneSeconds = 14 * 24 * 3600;
    // Whether TESTER ("host:pid") is a process of this host that has ended:
    // its claim is abandoned at once, not after staleClaimSeconds.
    static bool testerIsGone(const QString &tester);

private:
    // Reads, lets CHANGE edit the list, writes: under the lock.
    QString update(const std::function<void(QList<AutotestResult> &)> &change);
    QList<AutotestResult> read(QString *error) const;

    QString m_path;
};

} // namespace Shipyard
