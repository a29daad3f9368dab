// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeConnection.h"
#include "kube/KubeCredentials.h"

#include <QDateTime>

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace Shipyard {

// The credentials of one kubeconfig user, made on demand and cached the way
// client-go does: token files re-read every minute (and after a 401), exec plugins run once
// and reused until their expirationTimestamp or until the server answers 401.
// Concurrent requests share one plugin run. Thread-safe.
//
// A plugin that fails is not run again for a while (execRetryDelay): every
// request meanwhile gets its error at once, saying when it runs again, and
// the kubeconfig's installHint comes with the first report of the failure
// only. Plugins run in a thread pool of their own, a thread each, so one that
// waits for a person (until ExecCredentialPlugin's timeout) takes no thread of
// the pool everything else shares, and plugins that hang never hold back
// another context's.
class CredentialSource
{
public:
    explicit CredentialSource(KubeConnection connection);

    // How long a plugin that failed FAILURES times in a row is left alone:
    // 1 s, doubling each time, at most a minute.
    static std::chrono::milliseconds execRetryDelay(int failures);
    // How long a tokenFile's token is used before the file is read again:
    // a minute, or $SHIPYARD_TOKEN_FILE_REREAD_SECONDS.
    static std::chrono::milliseconds tokenFileRereadInterval();

    // `done` runs synchronously when nothing needs to be executed, otherwise
    // in a pool thread once the plugin has answered.
    void acquire(std::function<void(KubeCredentials)> done);

    // The server refused `used` with 401. True when asking again can help:
    // the plugin's answer is dropped (unless a newer one already replaced it),
    // or the token file is read again and holds another token.
    bool invalidate(const KubeCredentials &used);

    bool usesExecPlugin() const { return m_connection.user.exec.has_value(); }

private:
    KubeCredentials staticCredentials();

    KubeConnection m_connection;
    std::mutex m_mutex;
    std::optional<KubeCredentials> m_static;
    QDateTime m_tokenFileReadAt;
    std::optional<KubeCredentials> m_execCached;
    bool m_execRunning = false;
    // The plugin's last failures in a row, and when it may run again.
    int m_execFailures = 0;
    QString m_execError;
    std::chrono::steady_clock::time_point m_execRetryAt;
    std::vector<std::function<void(KubeCredentials)>> m_waiting;
};

} // namespace Shipyard
