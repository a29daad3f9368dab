// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "support/YamlMappingReader.h"

#include <QByteArray>

#include <yaml-cpp/yaml.h>

#include <optional>

namespace Shipyard {

// One YAML file read with the care a file from anyone needs. Before the
// parser sees a byte: a size limit, UTF-8 only, no NUL. Then: a syntax error
// or a too deep nesting is an error at its place, never an exception; a
// second document is found without the parser hanging on malformed input;
// a key repeated in a mapping (yaml-cpp keeps one silently) is an error at
// its second place; aliases that expand a small file into an enormous tree
// are refused. What the document must hold is its reader's business.
class YamlDocument
{
public:
    // The root, or nullopt with the errors in SINK. SECONDDOCUMENT, when
    // given, is set to where a second document starts, if there is one: a
    // second document is left to the caller to refuse in its own words, and
    // so are duplicate keys (reportDuplicateKeys) once the root is judged.
    static std::optional<YAML::Node> parse(const QByteArray &data, qint64 maximumSize, DiagnosticSink &sink,
        std::optional<SourceLocation> *secondDocument = nullptr);

    // Reports every key repeated within one mapping; false (with an error)
    // when the tree is too large to walk, through aliases most likely.
    static bool reportDuplicateKeys(const YAML::Node &root, DiagnosticSink &sink);

    // Line and column (in characters) of a byte offset in DATA.
    static SourceLocation locationOfOffset(const QByteArray &data, qsizetype offset);
    // The first byte that is not valid UTF-8, or -1.
    static qsizetype firstInvalidUtf8(const QByteArray &data);
};

} // namespace Shipyard
