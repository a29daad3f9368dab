// SPDX-License-Identifier: GPL-2.0-or-later
#include "kube/CredentialSource.h"

#include "kube/ExecCredentialPlugin.h"

#include <QFile>
#include <QThreadPool>

namespace Shipyard {

namespace {

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

KubeCredentials CredentialSource::staticCredentials()
{
    // client-go re-reads tokenFile at most once a minute, so rotated tokens get picked up.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_static && (m_connection.user.tokenFile.isEmpty() || m_tokenFileReadAt.secsTo(now) < 60))
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
    m_waiting.push_back([done = std::move(done), merged](KubeCredentials c) { done(merged(std::move(c))); });
    if (m_execRunning)
        return;
    m_execRunning = true;
    m_execCached.reset();
    const ExecCredentialPlugin plugin(*m_connection.user.exec, m_connection.cluster, m_connection.user.name);
    lock.unlock();
    QThreadPool::globalInstance()->start([this, plugin] {
        const KubeCredentials result = plugin.run();
        std::vector<std::function<void(KubeCredentials)>> waiting;
        {
            std::lock_guard guard(m_mutex);
            m_execRunning = false;
            if (result.error.isEmpty())
                m_execCached = result;
            waiting.swap(m_waiting);
        }
        for (const auto &callback : waiting)
            callback(result);
    });
}

bool CredentialSource::invalidate(const KubeCredentials &used)
{
    std::lock_guard lock(m_mutex);
    if (!m_connection.user.exec)
        return false;
    if (m_execCached && m_execCached->bearerToken == used.bearerToken &&
        m_execCached->clientCertificatePem == used.clientCertificatePem)
        m_execCached.reset();
    return true;
}

} // namespace Shipyard
