// SPDX-License-Identifier: GPL-2.0-or-later
#include "support/SecretMasker.h"

#include <algorithm>

namespace Shipyard {

SecretMasker::SecretMasker(const QProcessEnvironment &environment)
{
    const QStringList names = environment.keys();
    for (const QString &name : names) {
        if (isSecretName(name))
            addSecret(environment.value(name));
    }
}

bool SecretMasker::isSecretName(QStringView name)
{
    static constexpr QStringView suffixes[] = { u"_TOKEN", u"_PASSWORD", u"_KEY", u"_SECRET" };
    return std::any_of(std::begin(suffixes), std::end(suffixes),
        [name](QStringView suffix) { return name.endsWith(suffix, Qt::CaseInsensitive); });
}

void SecretMasker::addSecret(const QString &value)
{
    // Even a one-character secret is hidden: masking too much is harmless, a
    // leaked credential is not.
    if (value.isEmpty() || m_secrets.contains(value))
        return;
    const auto position = std::lower_bound(m_secrets.begin(), m_secrets.end(), value,
        [](const QString &a, const QString &b) { return a.size() > b.size(); });
    m_secrets.insert(position, value);
}

QString SecretMasker::mask(QString text) const
{
    for (const QString &secret : m_secrets)
        text.replace(secret, replacement());
    return text;
}

} // namespace Shipyard
