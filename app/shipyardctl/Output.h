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
// A pass's warnings and error on stderr, each after COMMAND: (the robot's, the autotests').
void printPassProblems(const QString &command, const QStringList &warnings, const QString &error);

} // namespace Shipyard::Ctl
