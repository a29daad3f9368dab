// SPDX-License-Identifier: GPL-2.0-or-later
// Which containers of a pod have a log and which one is shown first, on pods
// captured from the local control plane (data/README.md).
#include "CapturedObjects.h"
#include "kube/PodContainers.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Shipyard;

namespace {

QJsonObject load(const QString &name)
{
    return TestSupport::capturedObject(name);
}

QJsonObject annotated(QJsonObject pod, const QString &defaultContainer)
{
    QJsonObject metadata = pod.value(QLatin1String("metadata")).toObject();
    metadata.insert(QStringLiteral("annotations"),
        QJsonObject { { QStringLiteral("kubectl.kubernetes.io/default-container"), defaultContainer } });
    pod.insert(QStringLiteral("metadata"), metadata);
    return pod;
}

} // namespace

class tst_PodContainers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void containers_data()
    {
        QTest::addColumn<QJsonObject>("pod");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("defaultName");
        QTest::addColumn<QString>("shownFirst");
        const QString app = QStringLiteral("app");
        QTest::newRow("one container") << load(QStringLiteral("pod-running.json")) << QStringList { app } << app << app;
        QTest::newRow("sidecar: the container is the default")
            << load(QStringLiteral("pod-sidecar.json")) << QStringList { QStringLiteral("proxy"), app } << app << app;
        QTest::newRow("annotation names the default")
            << annotated(load(QStringLiteral("pod-sidecar.json")), QStringLiteral("proxy"))
            << QStringList { QStringLiteral("proxy"), app } << QStringLiteral("proxy") << QStringLiteral("proxy");
        QTest::newRow("annotation naming no container is ignored")
            << annotated(load(QStringLiteral("pod-sidecar.json")), QStringLiteral("gone"))
            << QStringList { QStringLiteral("proxy"), app } << app << app;
        QTest::newRow("a second container crash-loops: shown first")
            << load(QStringLiteral("pod-second-container-crashloop.json"))
            << QStringList { app, QStringLiteral("helper") } << app << QStringLiteral("helper");
        QTest::newRow("an init container crash-loops: shown first")
            << load(QStringLiteral("pod-init-crashloopbackoff.json"))
            << QStringList { QStringLiteral("migrate"), QStringLiteral("seed"), app } << app
            << QStringLiteral("migrate");
    }
    void containers()
    {
        QFETCH(QJsonObject, pod);
        const PodContainers containers = PodContainers::of(pod);
        QTEST(containers.names, "names");
        QTEST(containers.defaultName, "defaultName");
        QTEST(containers.shownFirst, "shownFirst");
    }

    void crashed()
    {
        const QJsonObject pod = load(QStringLiteral("pod-second-container-crashloop.json"));
        QVERIFY(PodContainers::crashed(pod, QStringLiteral("helper")));
        QVERIFY(!PodContainers::crashed(pod, QStringLiteral("app")));
        QVERIFY(!PodContainers::crashed(pod, QStringLiteral("no-such-container")));
        QVERIFY(PodContainers::crashed(load(QStringLiteral("pod-crashloopbackoff.json")), QStringLiteral("app")));
    }
};

QTEST_GUILESS_MAIN(tst_PodContainers)
#include "tst_podcontainers.moc"
