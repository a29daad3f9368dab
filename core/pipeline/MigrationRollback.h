// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"
#include "kube/KubeError.h"
#include "releases/ReleaseRecord.h"
#include "support/SecretMasker.h"

#include <QList>
#include <QString>

#include <chrono>
#include <functional>

namespace Shipyard {

// Undoes what a release's migrations set up, before an older release is
// restored over it: the `down` of every `up` the release ran and nothing
// undid yet, newest first, each as a MigrationJob with the release's new
// image (the one that knows the schema), the command its `up` recorded and
// the settings of the system's Deployment as the release applied it. Each
// Job goes into the release's record as it runs.
//
// The first `down` that fails stops it: nothing more is undone and the
// caller restores nothing, so that the environment keeps running the
// release whose schema it has, and a person decides. The message says
// which Job, the end of its log, and what to do.
//
// run() blocks: call it from a worker thread or a command-line tool.
class MigrationRollback
{
public:
    MigrationRollback(KubeClient client, QString ns, SecretMasker masker);
    void setLog(std::function<void(const QString &)> log) { m_log = std::move(log); }
    void setWriteGuard(std::function<QString()> guard) { m_writeGuard = std::move(guard); }
    // Writes the record after each change (the Job started, the Job ended).
    void setSave(std::function<KubeError(const ReleaseRecord &)> save) { m_save = std::move(save); }
    void setPollInterval(std::chrono::milliseconds interval) { m_pollInterval = interval; }

    // The `up` runs of RELEASE whose `down` is still to run, newest first:
    // those that succeeded or whose end nobody saw (a delivery killed while
    // it ran), with no successful `down` of their system after them.
    static QList<ReleaseRecord::Migration> pending(const ReleaseRecord &release);

    // Empty when every pending `down` ran (or there was none), else why
    // the rollback must stop here.
    QString run(ReleaseRecord &release) const;

private:
    void save(const ReleaseRecord &release) const;

    KubeClient m_client;
    QString m_ns;
    SecretMasker m_masker;
    std::function<void(const QString &)> m_log;
    std::function<QString()> m_writeGuard;
    std::function<KubeError(const ReleaseRecord &)> m_save;
    std::chrono::milliseconds m_pollInterval { 1000 };
};

} // namespace Shipyard
