// SPDX-License-Identifier: GPL-2.0-or-later
#include "webhooks/WebhookSecret.h"

#include <QMessageAuthenticationCode>

namespace Shipyard::WebhookSecret {

bool equal(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

bool hmacSha256Matches(const QByteArray &signature, const QByteArray &body, const QByteArray &secret)
{
    static const QByteArray prefix = QByteArrayLiteral("sha256=");
    if (secret.isEmpty() || !signature.startsWith(prefix))
        return false;
    const QByteArray expected = QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toHex();
    // Hex digits in either case: the digest's, not the header's spelling.
    return equal(signature.mid(prefix.size()).toLower(), expected);
}

} // namespace Shipyard::WebhookSecret
