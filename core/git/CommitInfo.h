// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace Shipyard {

struct CommitInfo
{
    QString id;
    QString summary;
    QString message;
    QString authorName;
    QString authorEmail;
    QDateTime authorTime;
    int parentCount = 0;
    // "Reviewed-by: Jane <jane@example.org>" → {"Reviewed-by", "Jane <jane@example.org>"}
    QList<QPair<QString, QString>> trailers;
};

} // namespace Shipyard
