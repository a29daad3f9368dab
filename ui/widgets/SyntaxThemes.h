// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

class QPalette;

namespace KSyntaxHighlighting {
class Repository;
class SyntaxHighlighter;
} // namespace KSyntaxHighlighting

namespace Shipyard {

// Loading the syntax definitions costs tens of milliseconds: every
// highlighted view shares one repository.
KSyntaxHighlighting::Repository &syntaxRepository();

// The repository's light or dark theme, whichever suits PALETTE's base
// colour; rehighlights only when the theme changes.
void applyPaletteTheme(KSyntaxHighlighting::SyntaxHighlighter *highlighter, const QPalette &palette);

} // namespace Shipyard
