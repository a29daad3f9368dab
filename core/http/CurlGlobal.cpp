// SPDX-License-Identifier: GPL-2.0-or-later
#include "http/CurlGlobal.h"

#include <curl/curl.h>

namespace Shipyard {

void ensureCurlInitialized()
{
    // A function-local static: initialised once, by whichever thread comes first.
    static const CURLcode initialized = curl_global_init(CURL_GLOBAL_DEFAULT);
    static_cast<void>(initialized);
}

} // namespace Shipyard
