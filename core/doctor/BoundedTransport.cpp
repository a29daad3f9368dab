// SPDX-License-Identifier: GPL-2.0-or-later
#include "doctor/BoundedTransport.h"

#include "http/CurlTransport.h"

#include <algorithm>

namespace Shipyard {

BoundedTransport::BoundedTransport(
    int timeoutMs, const std::atomic_bool *cancelled, std::shared_ptr<HttpTransport> inner)
    : m_timeoutMs(timeoutMs)
    , m_cancelled(cancelled)
    , m_inner(inner ? std::move(inner) : std::make_shared<CurlTransport>())
{ }

HttpResponse BoundedTransport::send(const HttpRequest &request)
{
    HttpRequest bounded = request;
    bounded.timeoutMs = std::min(request.timeoutMs > 0 ? request.timeoutMs : m_timeoutMs, m_timeoutMs);
    if (!bounded.cancelled)
        bounded.cancelled = m_cancelled;
    return m_inner->send(bounded);
}

} // namespace Shipyard
