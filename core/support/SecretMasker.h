// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Shipyard {

// Hides secret values in text bound for logs, errors and the audit journal.
// A value is secret when the name of the environment variable holding it ends
// in _TOKEN, _PASSWORD, _KEY or _SECRET: that is the convention the ecosystem
// file uses to refer to credentials it must never contain.
class SecretMasker
{
public:
    static QString replacement() { return QStringLiteral("***"); }

    SecretMasker() = default;
    explicit SecretMasker(const QProcessEnvironment &environment);

    static bool isSecretName(QStringView name);

    // Adds a value known to be secret (e.g. a password read from a file).
    void addSecret(const QString &value);
    QString mask(QString text) const;
    bool isEmpty() const { return m_secrets.isEmpty(); }

private:
    QStringList m_secrets; // longest first, so that a secret containing another is hidden whole
};

} // namespace Shipyard
