// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>

namespace Shipyard::WebhookSecret {

// Whether A and B are equal, in a time that depends on their lengths only:
// a comparison that stops at the first difference tells an attacker timing
// the answers how much of a guessed token was right.
bool equal(const QByteArray &a, const QByteArray &b);

// Whether SIGNATURE ("sha256=<hex>", as GitHub's X-Hub-Signature-256 and
// Jira's X-Hub-Signature) is the HMAC-SHA256 of BODY keyed with SECRET.
// An empty secret never verifies anything.
bool hmacSha256Matches(const QByteArray &signature, const QByteArray &body, const QByteArray &secret);

} // namespace Shipyard::WebhookSecret
