// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Shipyard {

// A place in a source file, 1-based; 0 means unknown.
struct SourceLocation
{
    int line = 0;
    int column = 0;
    bool isValid() const { return line > 0; }
    friend bool operator==(const SourceLocation &, const SourceLocation &) = default;
};

// One problem found in an input file, printed like a compiler does so that
// editors and terminals can jump to it.
struct Diagnostic
{
    enum class Severity { Error, Warning };

    QString file;
    SourceLocation location;
    Severity severity = Severity::Error;
    QString message;

    bool isError() const { return severity == Severity::Error; }
    // "FILE:LINE:COL: error: MESSAGE"
    QString toString() const;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

} // namespace Shipyard
