// SPDX-License-Identifier: GPL-2.0-or-later
#include "support/TranslationLoader.h"

#include <QLocale>
#include <QString>
#include <QTranslator>

namespace Shipyard {

bool loadTranslation(QTranslator &translator)
{
    const QString directory = QStringLiteral(":/i18n");
    return translator.load(QLocale(), QStringLiteral("shipyard"), QStringLiteral("_"), directory) ||
        translator.load(QStringLiteral("shipyard_en"), directory);
}

} // namespace Shipyard
