// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

class QTranslator;

namespace Shipyard {

// Loads Shipyard's translation for the user's languages (the program's
// resources, :/i18n) into TRANSLATOR. Where none matches, as under the C
// locale of a server or a container, or in a language not translated yet,
// the English one: the source strings are not sentences for plurals
// ("%n line(s)"), and only the English translation makes them "2 lines".
bool loadTranslation(QTranslator &translator);

} // namespace Shipyard
