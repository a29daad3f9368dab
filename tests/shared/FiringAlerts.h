// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// Alerts made to fire through the `prometheus` fixture: a series pushed to
// its pushgateway makes the fixture's Prometheus rule fire
// (shipyard_test_alert above 0), and its Alertmanager lists the alert.

#include "FixtureEnvironment.h"

#include "http/CurlTransport.h"
#include "monitoring/AlertmanagerClient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTest>

class FiringAlerts
{
public:
    explicit FiringAlerts(const QString &fixtureStateFile) : m_fixture(readFixtureEnvironment(fixtureStateFile)) { }
    ~FiringAlerts()
    {
        // The series go, and with them the alerts.
        for (const QByteArray &shop : std::as_const(m_shops))
            send("DELETE", shop);
    }

    bool isValid() const { return !alertmanager().isEmpty(); }
    QString alertmanager() const { return m_fixture.value(QStringLiteral("ALERTMANAGER_URL")); }
    QString fixture(const QString &key) const { return m_fixture.value(key); }

    // Each test's alerts carry a shop of its own, so that tests running
    // side by side never see each other's.
    QByteArray newShop()
    {
        const QByteArray shop = "shop" + QByteArray::number(QCoreApplication::applicationPid()) + "x" +
            QByteArray::number(QDateTime::currentMSecsSinceEpoch());
        m_shops.append(shop);
        return shop;
    }

    // Makes the rule fire for SERVICE of SHOP in environment ENV; true once Alertmanager lists it.
    bool fire(const QByteArray &shop, const QByteArray &service, const QByteArray &env = "test") const
    {
        if (!send("POST", shop,
                "shipyard_test_alert{shop=\"" + shop + "\",service=\"" + service + "\",env=\"" + env + "\"} 1\n"))
            return false;
        const Shipyard::AlertmanagerClient client { QUrl(alertmanager()) };
        const QList<Shipyard::AlertMatcher> matchers {
            *Shipyard::AlertMatcher::parse(QStringLiteral("shop=\"%1\"").arg(QString::fromLatin1(shop))),
            *Shipyard::AlertMatcher::parse(QStringLiteral("service=\"%1\"").arg(QString::fromLatin1(service)))
        };
        return QTest::qWaitFor([&] { return client.alerts(matchers).alerts.size() == 1; }, 30000);
    }

    bool send(const QByteArray &method, const QByteArray &shop, const QByteArray &body = {}) const
    {
        Shipyard::HttpRequest request;
        request.method = method;
        request.url = QUrl(m_fixture.value(QStringLiteral("PUSHGATEWAY_URL")) + QLatin1String("/metrics/job/") +
            QString::fromLatin1(shop));
        request.addHeader("Content-Type", "text/plain; version=0.0.4");
        request.body = body;
        return Shipyard::CurlTransport().send(request).isSuccess();
    }

private:
    QMap<QString, QString> m_fixture;
    QList<QByteArray> m_shops;
};
