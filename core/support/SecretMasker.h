// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Shipyard {

// Hides secret values in text bound for logs, errors, release records,
// Events, the audit journal and tracker comments. The one masker: every such
// place is fed through one built from this process's environment and the
// variables the ecosystem names for its credentials (Ecosystem::secretVariables).
//
// A value is secret when the environment variable holding it has a secret's
// name (isSecretName), when it is named as a credential variable, or when
// it is added as such. A value of several lines (a PEM key) is hidden whole
// and line by line, since logs arrive a line at a time.
class SecretMasker
{
public:
    static QString replacement() { return QStringLiteral("***"); }
    // Shorter values are not masked: hiding every "a" or "on" in a log would
    // make it unreadable and protect nothing, since a secret that short is
    // guessed in a moment anyway.
    static constexpr qsizetype minimumLength = 4;

    SecretMasker() = default;
    // The values of ENVIRONMENT's variables with a secret's name, and of
    // those named in CREDENTIALVARIABLES whatever their names.
    explicit SecretMasker(const QProcessEnvironment &environment, const QStringList &credentialVariables = {});

    // Names that hold credentials by convention: those containing TOKEN,
    // PASSWORD, PASSWD, SECRET, APIKEY, API_KEY, CREDENTIAL or PRIVATE_KEY,
    // ending in _KEY, and a few well-known others (MYSQL_PWD,
    // AWS_ACCESS_KEY_ID, DOCKER_AUTH_CONFIG); case does not matter.
    static bool isSecretName(QStringView name);

    // Adds a value known to be secret (a password read from a file, a
    // token); ignored when shorter than minimumLength.
    void addSecret(const QString &value);
    // Adds every secret OTHER knows.
    void addSecrets(const SecretMasker &other);
    QString mask(QString text) const;
    QStringList mask(const QStringList &lines) const;
    bool isEmpty() const { return m_secrets.isEmpty(); }
    // In UTF-8 bytes; 0 when there is no secret.
    qsizetype longestSecret() const { return m_longestBytes; }

    // Where a line longer than LIMIT bytes may be cut without cutting a
    // secret in two, so that each piece can be masked on its own: at most
    // LIMIT, on a UTF-8 character boundary, never inside a secret TEXT holds,
    // and never where a secret could begin that TEXT does not hold whole yet
    // (TEXT is what has arrived so far). 0 when TEXT cannot be cut before
    // more of it has arrived.
    qsizetype splitPoint(QByteArrayView text, qsizetype limit) const;

private:
    void insert(const QString &value);

    QStringList m_secrets; // longest first, so that a secret containing another is hidden whole
    QList<QByteArray> m_secretBytes; // the same, in UTF-8, for splitPoint
    qsizetype m_longestBytes = 0;
};

} // namespace Shipyard
