// SPDX-License-Identifier: GPL-2.0-or-later
#include "git/RepositoryBatch.h"
#include "git/Repository.h"

namespace Shipyard {

RepositoryBatch::RepositoryBatch(const QList<Target> &targets) : m_targets(targets)
{ }

QList<RepositoryReport> RepositoryBatch::run(const Step &step) const
{
    QList<RepositoryReport> reports;
    QString stopReason;
    for (int i = 0; i < m_targets.size(); ++i) {
        const Target &target = m_targets.at(i);
        RepositoryReport report;
        report.name = target.name;
        report.path = target.path;
        if (stopReason.isEmpty() && m_control.isCancelled())
            stopReason = QStringLiteral("cancelled");
        if (!stopReason.isEmpty()) {
            report.state = RepositoryReport::State::Skipped;
            report.error =
                GitError(stopReason == QLatin1String("cancelled") ? GitError::Kind::Cancelled : GitError::Kind::Other,
                    QStringLiteral("not run: %1").arg(stopReason));
            reports.append(report);
            continue;
        }
        if (m_started)
            m_started(i, int(m_targets.size()), target.name);
        Repository repository = Repository::open(target.path, &report.error);
        if (!report.error)
            report.error = step(repository, m_control, &report.summary);
        report.state = report.error ? RepositoryReport::State::Failed : RepositoryReport::State::Succeeded;
        if (report.error && report.error.kind() == GitError::Kind::Cancelled)
            stopReason = QStringLiteral("cancelled");
        else if (report.error && m_stopOnFailure)
            stopReason = QStringLiteral("%1 failed").arg(target.name);
        reports.append(report);
    }
    return reports;
}

} // namespace Shipyard
