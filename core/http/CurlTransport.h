// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "http/HttpTransport.h"
#include "support/ReadLimits.h"

namespace Shipyard {

// HttpTransport over libcurl (http and https only; proxies from the environment).
class CurlTransport : public HttpTransport
{
public:
    // Bodies above this are refused: a tracker answer is kilobytes, and an
    // endless stream must not eat the memory.
    static constexpr qsizetype maximumBodySize = ReadLimits::serviceAnswer;

    HttpResponse send(const HttpRequest &request) override;
};

} // namespace Shipyard
