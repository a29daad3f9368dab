// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QTest>

// A part of the test world a test needs is missing (the local cluster, a
// tool). Run by hand, the test is skipped and says what to start; under
// `shipyard-dev test` (SHIPYARD_TEST_WORLD_REQUIRED) it fails, since there a
// skip would let a run pass that tested nothing.
#define SHIPYARD_TEST_WORLD_MISSING(what)                                                                              \
    do {                                                                                                               \
        if (qEnvironmentVariableIsSet("SHIPYARD_TEST_WORLD_REQUIRED"))                                                 \
            QFAIL(what);                                                                                               \
        QSKIP(what);                                                                                                   \
    } while (false)
