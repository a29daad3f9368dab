// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "http/HttpTransport.h"

#include <atomic>
#include <memory>

namespace Shipyard {

// The network as a check sees it: every request, whoever makes it (a
// tracker, a review service), gives up after the check's time and stops
// when the check is cancelled, so that a silent server holds the check's
// thread no longer than the doctor waits for it.
class BoundedTransport : public HttpTransport
{
public:
    BoundedTransport(int timeoutMs, const std::atomic_bool *cancelled, std::shared_ptr<HttpTransport> inner = {});
    HttpResponse send(const HttpRequest &request) override;

private:
    int m_timeoutMs;
    const std::atomic_bool *m_cancelled;
    std::shared_ptr<HttpTransport> m_inner;
};

} // namespace Shipyard
