// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "git/GitError.h"
#include "git/GitProgress.h"

#include <QList>
#include <QString>

#include <functional>

namespace Shipyard {

class Repository;

// One repository's part in a RepositoryBatch.
struct RepositoryReport
{
    enum class State { Succeeded, Failed, Skipped };
    QString name; // the system's name
    QString path;
    State state = State::Skipped;
    GitError error;
    QString summary; // what the step did, one line
};

// Runs one step (fetch, rebase, push…) over several repositories, one after
// the other, and reports on each. A failure does not stop the others unless
// setStopOnFailure(true): then the rest is skipped with the reason. Cancelling
// skips the repositories not started yet.
class RepositoryBatch
{
public:
    struct Target
    {
        QString name;
        QString path;
    };
    // Returns the step's error; may write a one-line summary.
    using Step = std::function<GitError(Repository &repository, const GitControl &control, QString *summary)>;

    explicit RepositoryBatch(const QList<Target> &targets);

    void setStopOnFailure(bool stop) { m_stopOnFailure = stop; }
    void setControl(const GitControl &control) { m_control = control; }
    // Called before each repository starts: index in targets, their count.
    void setStartedCallback(std::function<void(int index, int count, const QString &name)> callback)
    {
        m_started = std::move(callback);
    }

    QList<RepositoryReport> run(const Step &step) const;

private:
    QList<Target> m_targets;
    GitControl m_control;
    bool m_stopOnFailure = false;
    std::function<void(int, int, const QString &)> m_started;
};

} // namespace Shipyard
