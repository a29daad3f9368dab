// SPDX-License-Identifier: GPL-2.0-or-later
#include "widgets/SyntaxThemes.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QPalette>

namespace Shipyard {

KSyntaxHighlighting::Repository &syntaxRepository()
{
    static KSyntaxHighlighting::Repository repository;
    return repository;
}

void applyPaletteTheme(KSyntaxHighlighting::SyntaxHighlighter *highlighter, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    const auto theme = syntaxRepository().defaultTheme(
        dark ? KSyntaxHighlighting::Repository::DarkTheme : KSyntaxHighlighting::Repository::LightTheme);
    if (highlighter->theme().name() != theme.name()) {
        highlighter->setTheme(theme);
        highlighter->rehighlight();
    }
}

} // namespace Shipyard
