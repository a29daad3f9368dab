// SPDX-License-Identifier: GPL-2.0-or-later
#include "support/SecretMasker.h"

#include <algorithm>

namespace Shipyard {

SecretMasker::SecretMasker(const QProcessEnvironment &environment, const QStringList &credentialVariables)
{
    const QStringList names = environment.keys();
    for (const QString &name : names) {
        if (isSecretName(name) || credentialVariables.contains(name))
            addSecret(environment.value(name));
    }
}

bool SecretMasker::isSecretName(QStringView name)
{
    static constexpr QStringView parts[] = { u"TOKEN", u"PASSWORD", u"PASSWD", u"SECRET", u"APIKEY", u"API_KEY",
        u"CREDENTIAL", u"PRIVATE_KEY" };
    // Credentials whose names follow none of the patterns, yet which every
    // tool reading them treats as such.
    static constexpr QStringView known[] = { u"MYSQL_PWD", u"AWS_ACCESS_KEY_ID", u"DOCKER_AUTH_CONFIG" };
    if (name.endsWith(u"_KEY", Qt::CaseInsensitive))
        return true;
    const auto in = [name](QStringView part) { return name.contains(part, Qt::CaseInsensitive); };
    const auto is = [name](QStringView other) { return name.compare(other, Qt::CaseInsensitive) == 0; };
    return std::any_of(std::begin(parts), std::end(parts), in) || std::any_of(std::begin(known), std::end(known), is);
}

void SecretMasker::addSecret(const QString &value)
{
    insert(value);
    if (!value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return;
    // Logs arrive a line at a time, and a value printed unquoted by a shell
    // has its lines joined by spaces: each line must be hidden on its own.
    insert(value.trimmed());
    QString lines = value;
    lines.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    for (const QStringView line : QStringView(lines).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        insert(line.trimmed().toString());
}

void SecretMasker::addSecrets(const SecretMasker &other)
{
    for (const QString &secret : other.m_secrets)
        insert(secret);
}

void SecretMasker::insert(const QString &value)
{
    if (value.size() < minimumLength || m_secrets.contains(value))
        return;
    const auto position = std::lower_bound(m_secrets.begin(), m_secrets.end(), value,
        [](const QString &a, const QString &b) { return a.size() > b.size(); });
    m_secrets.insert(position, value);
    m_secretBytes.append(value.toUtf8());
    m_longestBytes = std::max(m_longestBytes, m_secretBytes.constLast().size());
}

QString SecretMasker::mask(QString text) const
{
    for (const QString &secret : m_secrets)
        text.replace(secret, replacement());
    return text;
}

QStringList SecretMasker::mask(const QStringList &lines) const
{
    QStringList masked;
    masked.reserve(lines.size());
    for (const QString &line : lines)
        masked.append(mask(line));
    return masked;
}

qsizetype SecretMasker::splitPoint(QByteArrayView text, qsizetype limit) const
{
    qsizetype cut = std::min(limit, text.size());
    // A secret that begins before the cut must end inside TEXT: otherwise
    // the next read could complete it across the cut, unseen.
    if (m_longestBytes > 0)
        cut = std::min(cut, text.size() - m_longestBytes + 1);
    while (cut > 0 && cut < text.size() && (uchar(text[cut]) & 0xC0) == 0x80)
        --cut;
    // Back to the start of any secret the cut would go through; that may
    // land inside another one, so until none is left.
    for (bool moved = true; moved && cut > 0;) {
        moved = false;
        for (const QByteArray &secret : m_secretBytes) {
            const qsizetype from = std::max<qsizetype>(0, cut - secret.size() + 1);
            const qsizetype at = text.indexOf(secret, from);
            if (at >= 0 && at < cut) {
                // A secret's first byte starts a character: still a boundary.
                cut = at;
                moved = true;
            }
        }
    }
    return std::max<qsizetype>(cut, 0);
}

} // namespace Shipyard
