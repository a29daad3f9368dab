// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QFile>
#include <QMap>
#include <QString>

// The KEY=VALUE file a fixture's setup script writes.
inline QMap<QString, QString> readFixtureEnvironment(const QString &path)
{
    QMap<QString, QString> values;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return values;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals > 0)
            values.insert(line.left(equals), line.mid(equals + 1));
    }
    return values;
}
