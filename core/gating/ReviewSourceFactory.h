// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "gating/ReviewSource.h"

#include <memory>

namespace Shipyard {

struct Ecosystem;
class HttpTransport;

// Makes the review source the ecosystem's gating.reviews names. Tokens come
// from the environment variable the ecosystem names, never from the file.
class ReviewSourceFactory
{
public:
    struct Result
    {
        std::unique_ptr<ReviewSource> source;
        QString error; // e.g. no URL, token variable unset
    };
    // systemName replaces "{system}" in the project, for ecosystems with one
    // repository (one GitLab project, one GitHub repo) per system.
    // transport: null for the real network.
    static Result create(const Ecosystem &ecosystem, const QString &systemName = QString(),
        std::shared_ptr<HttpTransport> transport = nullptr);
};

} // namespace Shipyard
