// SPDX-License-Identifier: GPL-2.0-or-later
#include "kube/CredentialSource.h"

#include "kube/ExecCredentialPlugin.h"

#include <QFile>
#include <QThreadPool>

#include <algorithm>
#include <limits>
#include <memory>

namespace Shipyard {

namespace {

// Not QThreadPool::globalInstance(): a plugin waiting for a password would
// hold one of its threads (two on a two-core machine) for minutes.
QThreadPool &pluginPool()
{
    // Threads that mostly wait for a process, one per plugin running: a
    // source runs one plugin at a time, so there are never more than the
    // kubeconfig has users. No lower limit: with one, the contexts whose
    // plugins hang (a login waiting for a browser, an identity provider out
    // of reach) would make a live context's plugin wait for their timeouts.
    // Idle threads end after the pool's expiry.
    static const std::unique_ptr<QThreadPool> pool = [] {
        auto created = std::make_unique<QThreadPool>();
        created->setMaxThreadCount(std::numeric_limits<int>::max());
        return created;
    }();
    return *pool;
}

KubeCredentials execFailure(const QString &message)
{
    KubeCredentials credentials;
    credentials.error = message;
    credentials.fromExecPlugin = true;
    return credentials;
}

QByteArray readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    return file.readAll();
}

} // namespace

CredentialSource::CredentialSource(KubeConnection connection) : m_connection(std::move(connection))
{ }

std::chrono::milliseconds CredentialSource::execRetryDelay(int failures)
{
    using namespace std::chrono_literals;
    if (failures <= 0)
        return 0ms;
    const std::chrono::milliseconds delay = 1s * (qint64(1) << std::min(failures - 1, 6));
    return std::min<std::chrono::milliseconds>(delay, 1min);
}

std::chrono::milliseconds CredentialSource::tokenFileRereadInterval()
{
    using namespace std::chrono_literals;
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("SHIPYARD_TOKEN_FILE_REREAD_SECONDS", &ok);
    return ok && seconds >= 0 ? std::chrono::milliseconds(1s * seconds) : std::chrono::milliseconds(1min);
}

KubeCredentials CredentialSource::staticCredentials()
{
    // client-go re-reads tokenFile at most once a minute, so rotated tokens get picked up.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_static &&
        (m_connection.user.tokenFile.isEmpty() || m_tokenFileReadAt.msecsTo(now) < tokenFileRereadInterval().count()))
        return *m_static;
    const KubeUser &user = m_connection.user;
    KubeCredentials credentials;
    credentials.bearerToken = user.token.toUtf8();
    if (!user.tokenFile.isEmpty()) {
        credentials.bearerToken = readFile(user.tokenFile, &credentials.error).trimmed();
        m_tokenFileReadAt = now;
    }
    credentials.clientCertificatePem = user.clientCertificateData;
    if (credentials.clientCertificatePem.isEmpty() && !user.clientCertificate.isEmpty())
        credentials.clientCertificatePem = readFile(user.clientCertificate, &credentials.error);
    credentials.clientKeyPem = user.clientKeyData;
    if (credentials.clientKeyPem.isEmpty() && !user.clientKey.isEmpty())
        credentials.clientKeyPem = readFile(user.clientKey, &credentials.error);
    if (credentials.clientCertificatePem.isEmpty() != credentials.clientKeyPem.isEmpty() && credentials.error.isEmpty())
        credentials.error = QStringLiteral("user \"%1\" has a client certificate without a key, or a key without "
                                           "a certificate")
                                .arg(user.name);
    credentials.basicUser = user.username.toUtf8();
    credentials.basicPassword = user.password.toUtf8();
    m_static = credentials;
    return credentials;
}

void CredentialSource::acquire(std::function<void(KubeCredentials)> done)
{
    std::unique_lock lock(m_mutex);
    KubeCredentials base = staticCredentials();
    if (!m_connection.user.exec || !base.error.isEmpty()) {
        lock.unlock();
        done(base);
        return;
    }
    const auto merged = [base](KubeCredentials fromPlugin) {
        if (!fromPlugin.error.isEmpty())
            return fromPlugin;
        // The plugin's token or certificate replaces the static ones.
        if (fromPlugin.clientCertificatePem.isEmpty()) {
            fromPlugin.clientCertificatePem = base.clientCertificatePem;
            fromPlugin.clientKeyPem = base.clientKeyPem;
        }
        return fromPlugin;
    };
    if (m_execCached && (!m_execCached->expiry.isValid() || QDateTime::currentDateTimeUtc() < m_execCached->expiry)) {
        const KubeCredentials cached = *m_execCached;
        lock.unlock();
        done(merged(cached));
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (!m_execRunning && m_execFailures > 0 && now < m_execRetryAt) {
        // Running a failing plugin for every request would hammer whatever it
        // asks (an identity provider, a password prompt) and stall each request.
        const auto left = std::chrono::ceil<std::chrono::seconds>(m_execRetryAt - now);
        const KubeCredentials failed =
            execFailure(QStringLiteral("%1 (failures in a row: %2; the plugin runs again in %3 s)")
                    .arg(m_execError, QString::number(m_execFailures), QString::number(left.count())));
        lock.unlock();
        done(failed);
        return;
    }
    m_waiting.push_back([done = std::move(done), merged](KubeCredentials c) { done(merged(std::move(c))); });
    if (m_execRunning)
        return;
    m_execRunning = true;
    m_execCached.reset();
    const ExecCredentialPlugin plugin(*m_connection.user.exec, m_connection.cluster, m_connection.user.name);
    lock.unlock();
    // The waiting callbacks hold their clients, and with them this source,
    // until they have run.
    pluginPool().start([this, plugin] {
        KubeCredentials result = plugin.run();
        std::vector<std::function<void(KubeCredentials)>> waiting;
        {
            std::lock_guard guard(m_mutex);
            m_execRunning = false;
            if (result.error.isEmpty()) {
                m_execCached = result;
                m_execFailures = 0;
            } else {
                m_execError = result.error;
                // The hint with the first report of a failure; it would only
                // bury the error if every request repeated it.
                if (m_execFailures == 0 && !plugin.installHint().isEmpty())
                    result.error += QStringLiteral("\n\n") + plugin.installHint();
                ++m_execFailures;
                m_execRetryAt = std::chrono::steady_clock::now() + execRetryDelay(m_execFailures);
            }
            waiting.swap(m_waiting);
        }
        for (const auto &callback : waiting)
            callback(result);
    });
}

bool CredentialSource::invalidate(const KubeCredentials &used)
{
    std::lock_guard lock(m_mutex);
    if (!m_connection.user.exec) {
        if (m_connection.user.tokenFile.isEmpty())
            return false;
        // A token rotated since the last read (a pod's projected token) is
        // taken at once rather than a minute later; asking again helps only
        // when the file now holds another token.
        m_static.reset();
        return staticCredentials().bearerToken != used.bearerToken;
    }
    if (m_execCached && m_execCached->bearerToken == used.bearerToken &&
        m_execCached->clientCertificatePem == used.clientCertificatePem)
        m_execCached.reset();
    return true;
}

} // namespace Shipyard
