// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tracker/Tracker.h"

#include <memory>

namespace Shipyard {

struct Ecosystem;
class HttpTransport;

// Makes the tracker an ecosystem names. Tokens come from the environment
// variable the ecosystem names, never from the file.
class TrackerFactory
{
public:
    struct Result
    {
        std::unique_ptr<Tracker> tracker;
        TrackerError error; // e.g. no URL, token variable unset
    };
    // transport: null for the real network.
    static Result create(const Ecosystem &ecosystem, std::shared_ptr<HttpTransport> transport = nullptr);
};

} // namespace Shipyard
