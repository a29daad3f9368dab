// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Starting a real server of the test world (docker-registry, Prometheus,
// Alertmanager) as a child process of a test, and knowing when it answers.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

#include <functional>

namespace ServerProcess {

// Starts PROGRAM and waits (up to 15 s) until a GET of URL gets an HTTP
// status that ANSWERED accepts ("000": no answer yet). False when it does
// not start, exits, or never answers so.
inline bool start(QProcess &process, const QString &program, const QStringList &arguments, const QString &url,
    const std::function<bool(const QByteArray &status)> &answered)
{
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return false;
    for (int i = 0; i < 150; ++i) {
        QProcess probe;
        probe.start(QStringLiteral("curl"),
            { QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                QStringLiteral("%{http_code}"), url });
        probe.waitForFinished(5000);
        if (answered(probe.readAllStandardOutput()))
            return true;
        if (process.state() != QProcess::Running)
            return false;
        QTest::qWait(100);
    }
    return false;
}

} // namespace ServerProcess
