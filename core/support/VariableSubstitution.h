// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "support/Diagnostic.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Shipyard {

// ${NAME} placeholders in manifests and Helm values, as Flux's post-build
// substitution and envsubst write them: "${NAME}" is the variable's value,
// "$${" stands for a literal "${", and anything else (a lone "$", "$NAME")
// stays as it is, so that shell snippets in ConfigMaps survive.
class VariableSubstitution
{
public:
    struct Unknown
    {
        QString name;
        SourceLocation location; // in the text, from line 1, column 1
    };

    // TEXT with every placeholder whose name VARIABLES holds replaced; the
    // others are left in place and listed in UNKNOWN, in order.
    static QString apply(const QString &text, const QMap<QString, QString> &variables, QList<Unknown> *unknown);
    // The names TEXT's placeholders use, each once, in order.
    static QStringList namesIn(const QString &text);
    // "unknown variable ${HSOT} (did you mean ${HOST}?)": one sentence for the first of UNKNOWN.
    static QString describe(const Unknown &unknown, const QMap<QString, QString> &variables);
};

} // namespace Shipyard
