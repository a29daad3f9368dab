// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

namespace YAML {
class Node;
}

namespace Shipyard {

class DiagnosticSink;
class YamlMappingReader;

// Reads where a system's objects come from: exactly one of `manifests`,
// `kustomize` and `helm` in the system's mapping ITEM, read through R.
ManifestSource readManifestSource(YamlMappingReader &r, const YAML::Node &item, DiagnosticSink &sink);

// Whether NAME is a variable's name as a shell takes it: letters, digits
// and '_', not starting with a digit.
bool isVariableName(const QString &name);

// Reads a `variables` mapping of R (the ecosystem's, an environment's or a
// system's): names as in a shell, none of Shipyard's own, scalar values.
Variables readVariables(YamlMappingReader &r, DiagnosticSink &sink);

} // namespace Shipyard
