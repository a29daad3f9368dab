// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

namespace Shipyard {

class DiagnosticSink;
class YamlMappingReader;

// The keys naming a monitoring service's credentials, beside its URL (the
// value of URLKEY) in R:
//   tokenEnv: PROMETHEUS_TOKEN        # Authorization: Bearer …
// or
//   usernameEnv: PROMETHEUS_USER      # Authorization: Basic …
//   passwordEnv: PROMETHEUS_PASSWORD
// over BASE (an environment's `alerts` over the ecosystem's). A token or a
// password written in the file, both kinds at once, or half of a user and
// password, is an error at its place; credentials bound for a plain http://
// URL other than loopback are a warning.
ServiceCredentials readServiceCredentials(
    YamlMappingReader &r, const char *urlKey, const QString &url, const ServiceCredentials &base, DiagnosticSink &sink);

// An error at KEY of R when it is there: a secret written in the file
// instead of the environment variable ALTERNATIVE names.
void rejectInlineSecret(YamlMappingReader &r, const char *key, const char *alternative, DiagnosticSink &sink);

// The keys readServiceCredentials() reads, for reportUnknownKeys().
const QStringList &serviceCredentialKeys();

} // namespace Shipyard
