// SPDX-License-Identifier: GPL-2.0-or-later
#include "StopSignals.h"

#include <csignal>

namespace Shipyard::Ctl::StopSignals {

namespace {

std::atomic_bool stopRequested { false };

extern "C" void requestStop(int)
{
    stopRequested = true;
}

} // namespace

void install()
{
    struct sigaction action = {};
    action.sa_handler = requestStop;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

bool requested()
{
    return stopRequested;
}

const std::atomic_bool *flag()
{
    return &stopRequested;
}

} // namespace Shipyard::Ctl::StopSignals
