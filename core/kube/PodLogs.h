// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeClient.h"

#include <QDateTime>

#include <functional>
#include <optional>

namespace Shipyard {

// GET pods/NAME/log, whole or followed.
class PodLogs
{
public:
    struct Options
    {
        QString container;
        std::optional<int> tailLines;
        bool follow = false;
        bool previous = false;
        bool timestamps = false;
        std::optional<int> sinceSeconds;
        // Lines from this moment on; the API reads it to the second (RFC 3339,
        // fraction dropped), so lines of that second come again. Not with sinceSeconds.
        std::optional<QDateTime> sinceTime;
    };

    static KubeRequest request(const QString &ns, const QString &pod, const Options &options);
    // Text arrives chunk by chunk in the HTTP worker thread; keep a bounded
    // buffer on the receiving side (a followed log never ends). A line longer
    // than ReadLimits::logLine ends the stream with an error; a followed log
    // may then stay quiet for ever, but must begin within ReadLimits::silence.
    static KubeStream stream(const KubeClient &client, const QString &ns, const QString &pod, const Options &options,
        std::function<bool(QByteArrayView)> onText, std::function<void(KubeResponse)> onEnd);
};

} // namespace Shipyard
