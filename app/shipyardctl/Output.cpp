// SPDX-License-Identifier: GPL-2.0-or-later
#include "Output.h"

#include <QCoreApplication>

#include <cstdio>

namespace Shipyard::Ctl {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

void printTable(const QStringList &header, const QList<QStringList> &rows)
{
    QList<qsizetype> widths(header.size());
    for (qsizetype c = 0; c < header.size(); ++c)
        widths[c] = header[c].size();
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    }
    const auto printRow = [&](const QStringList &row) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (c + 1 < row.size())
                line += row[c].leftJustified(widths[c] + 3);
            else
                line += row[c];
        }
        out() << line << '\n';
    };
    printRow(header);
    for (const QStringList &row : rows)
        printRow(row);
    out().flush();
}

void printJson(const QJsonDocument &document)
{
    out() << document.toJson(QJsonDocument::Indented);
    out().flush();
}

void printPassProblems(const QString &command, const QStringList &warnings, const QString &error)
{
    for (const QString &warning : warnings)
        err() << command << ": " << QCoreApplication::translate("Shipyard::Ctl::Output", "warning: %1").arg(warning)
              << '\n';
    if (!error.isEmpty())
        err() << command << ": " << error << '\n';
    err().flush();
}

} // namespace Shipyard::Ctl
