// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "http/HttpRequest.h"

namespace Shipyard {

// Sends HTTP requests, blocking the calling thread: adapters run in workers.
// Tests substitute a transport that answers with documented bodies.
class HttpTransport
{
public:
    virtual ~HttpTransport() = default;
    virtual HttpResponse send(const HttpRequest &request) = 0;
};

} // namespace Shipyard
