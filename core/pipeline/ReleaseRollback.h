// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/ClusterAccess.h"
#include "model/Ecosystem.h"
#include "releases/ReleaseRecord.h"

#include <QString>

#include <chrono>
#include <functional>

namespace Shipyard {

// A person's rollback: the environment goes back to a recorded release, or
// to the good one before the current, exactly as recorded (every object
// re-applied, objects the current release added removed), under the same
// lock as deliveries. The replaced release is marked rolled-back and the
// restored state recorded as a new release naming the one it restored.
//
// run() blocks: call it from a worker thread or a command-line tool.
class ReleaseRollback
{
public:
    struct Options
    {
        ClusterAccess cluster; // the clusters the program read at its start
        QString identity;
        QString auditJournal;
        QString taskKey; // showrooms
        bool waitForLock = false;
    };
    struct Result
    {
        bool ok = false;
        QString error;
        QString restoredId; // the release put back
        QString replacedId; // the release that was running
        QString newReleaseId;
        std::chrono::milliseconds duration { 0 };
    };

    ReleaseRollback(const Ecosystem &ecosystem, const QString &environment, const Options &options);
    void setLog(std::function<void(const QString &)> log) { m_log = std::move(log); }

    // Empty RELEASEID: the good release before the current one.
    Result run(const QString &releaseId = {});

private:
    Ecosystem m_ecosystem;
    QString m_environment;
    Options m_options;
    std::function<void(const QString &)> m_log;
};

} // namespace Shipyard
