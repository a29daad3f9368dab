// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

namespace Shipyard {

// curl_global_init, once per process, before the first easy handle.
void ensureCurlInitialized();

} // namespace Shipyard
