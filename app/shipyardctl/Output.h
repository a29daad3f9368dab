// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QJsonDocument>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace Shipyard::Ctl {

QTextStream &out();
QTextStream &err();

// Prints rows as aligned columns, like kubectl does.
void printTable(const QStringList &header, const QList<QStringList> &rows);
void printJson(const QJsonDocument &document);

} // namespace Shipyard::Ctl
