// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"
#include "monitoring/WindowedWatch.h"

#include <memory>

namespace Shipyard {

class HttpTransport;

// Watches a release through a MonitoringTrigger: evaluates its query every
// interval (15 s by default) during its window and says, once, how the
// window went: thresholdExceeded as soon as a value is above the threshold,
// otherwise as a WindowedWatch does (Prometheus down never reads as healthy).
//
// Queries run in the global thread pool, one at a time; nothing here waits
// for the network in the caller's thread.
class MonitoringWatch : public WindowedWatch
{
    Q_OBJECT
public:
    explicit MonitoringWatch(
        const MonitoringTrigger &trigger, QObject *parent = nullptr, std::shared_ptr<HttpTransport> transport = {});

    const MonitoringTrigger &trigger() const { return m_trigger; }

Q_SIGNALS:
    // Every successful evaluation; VALUE is empty (NaN) when there was no data.
    void evaluated(double value);
    void thresholdExceeded(double value);

private:
    void check() override;
    bool judge(std::optional<double> value);

    MonitoringTrigger m_trigger;
    std::shared_ptr<HttpTransport> m_transport;
};

} // namespace Shipyard
