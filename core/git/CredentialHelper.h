// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Shipyard {

// Asks the user's git credential helpers (credential.helper in their git
// configuration) for a username and password, speaking the protocol of
// gitcredentials(7) directly: Shipyard never stores secrets itself.
class CredentialHelper
{
public:
    struct Credential
    {
        QString username;
        QString password;
    };

    // helpers: the credential.helper values, in configuration order.
    explicit CredentialHelper(const QStringList &helpers);

    // The helpers configured for url in the repository's configuration (or the
    // user's global one when repositoryPath is empty), most specific last.
    static QStringList configuredHelpers(const QString &repositoryPath, const QUrl &url);

    // The first helper that answers wins; nullopt when none does.
    std::optional<Credential> fill(const QUrl &url, const QString &username) const;

    // How long a helper may take; helpers that prompt must not hang a worker forever.
    void setTimeout(int milliseconds) { m_timeout = milliseconds; }

private:
    std::optional<Credential> runHelper(const QString &helper, const QByteArray &request) const;

    QStringList m_helpers;
    int m_timeout = 30000;
};

} // namespace Shipyard
