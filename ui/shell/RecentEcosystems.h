// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QStringList>

namespace Shipyard {

// The ecosystem files opened lately, newest first, kept in the settings.
class RecentEcosystems
{
public:
    static constexpr int maximumCount = 10;

    QStringList files() const;
    void add(const QString &path);
    void remove(const QString &path);
};

} // namespace Shipyard
