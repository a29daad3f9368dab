// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "gating/ReviewSource.h"
#include "model/Ecosystem.h"

#include <memory>

namespace Shipyard {

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

    // "GitHub", "GitLab", "Gerrit" or "trailers", for messages.
    static QString serviceName(ReviewSettings::Kind kind);
    // The token of the service SETTINGS name, read from the variable they
    // name; empty without one. A variable named but unset is an ERROR.
    static QString token(const ReviewSettings &settings, QString *error);
};

} // namespace Shipyard
