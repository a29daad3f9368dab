// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QPair>
#include <QProcess>
#include <QString>

namespace Shipyard::TestSupport {

// GET URL with curl, as a probe or a person would: the status code (0 when
// nothing answered) and the body.
inline QPair<int, QByteArray> curlGet(const QString &url)
{
    QProcess curl;
    curl.start(QStringLiteral("curl"),
        { QStringLiteral("-s"), QStringLiteral("-w"), QStringLiteral("\n%{http_code}"), QStringLiteral("--max-time"),
            QStringLiteral("5"), url });
    curl.waitForFinished(10000);
    const QByteArray out = curl.readAllStandardOutput();
    const qsizetype newline = out.lastIndexOf('\n');
    return { out.mid(newline + 1).toInt(), out.left(newline) };
}

} // namespace Shipyard::TestSupport
