// SPDX-License-Identifier: GPL-2.0-or-later
#include "shell/RecentEcosystems.h"

#include <QFileInfo>
#include <QSettings>

namespace Shipyard {

namespace {
const QString settingsKey = QStringLiteral("recentEcosystems");
}

QStringList RecentEcosystems::files() const
{
    return QSettings().value(settingsKey).toStringList();
}

void RecentEcosystems::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > maximumCount)
        list.removeLast();
    QSettings().setValue(settingsKey, list);
}

void RecentEcosystems::remove(const QString &path)
{
    QStringList list = files();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    QSettings().setValue(settingsKey, list);
}

} // namespace Shipyard
