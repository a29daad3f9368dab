// SPDX-License-Identifier: GPL-2.0-or-later
// A process that takes an environment's delivery lock, for tst_environmentlock:
//   lockholder KUBECONFIG CONTEXT NAMESPACE IDENTITY LEASE_SECONDS wait|nowait [REASON]
// prints "waiting HOLDER", then "acquired" (or "failed ERROR" and exits 1);
// "lost" when the lock is lost; a line "release" on stdin releases it and exits.
#include "kube/ClusterAccess.h"
#include "kube/Kubeconfig.h"
#include "pipeline/EnvironmentLock.h"

#include <QCoreApplication>

#include <atomic>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>

using namespace Shipyard;

namespace {

void say(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 7) {
        say(QStringLiteral("failed usage: lockholder KUBECONFIG CONTEXT NS IDENTITY SECONDS wait|nowait [REASON]"));
        return 2;
    }
    QString error;
    const KubeClient client =
        ClusterAccess(Kubeconfig::loadFiles({ arguments.at(1) }, true), {}).client(arguments.at(2), &error);
    if (!client.isValid()) {
        say(QStringLiteral("failed ") + error);
        return 1;
    }
    EnvironmentLock lock(client, arguments.at(3), arguments.at(4), std::chrono::seconds(arguments.at(5).toInt()));
    lock.setReason(arguments.value(7));
    if (!lock.acquire(arguments.at(6) == QLatin1String("wait"), nullptr, &error,
            [](const QString &holder) { say(QStringLiteral("waiting ") + holder); })) {
        say(QStringLiteral("failed ") + error);
        return 1;
    }
    say(QStringLiteral("acquired"));
    std::atomic_bool done { false };
    std::thread watcher([&] {
        while (!done) {
            if (lock.isLost()) {
                say(QStringLiteral("lost"));
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
    std::string line;
    while (std::getline(std::cin, line) && line != "release") { }
    done = true;
    watcher.join();
    lock.release();
    say(QStringLiteral("released"));
    return 0;
}
