// SPDX-License-Identifier: GPL-2.0-or-later
// Runs the real `shipyard --screenshot` and looks at the picture it makes.
#include <QColor>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class tst_Screenshot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demoScreenshot()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("demo.png"));
        QProcess shipyard;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
        shipyard.setProcessEnvironment(env);
        shipyard.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyard"),
            { QStringLiteral("--ecosystem"), QStringLiteral(SHIPYARD_SOURCE_DIR "/resources/demo/ecosystem.yaml"),
                QStringLiteral("--screenshot"), png, QStringLiteral("--view"), QStringLiteral("environments") });
        QVERIFY(shipyard.waitForFinished(60000));
        QCOMPARE(shipyard.exitStatus(), QProcess::NormalExit);
        QCOMPARE(shipyard.exitCode(), 0);

        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 1280);
        QVERIFY(image.height() >= 800);
        // A blank or single-colour window means nothing was drawn; the
        // highlighted YAML alone brings several distinct text colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3) {
            for (int x = 0; x < image.width(); x += 3)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
    }

    void darkScheme()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("dark.png"));
        QProcess shipyard;
        shipyard.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyard"),
            { QStringLiteral("--ecosystem"), QStringLiteral(SHIPYARD_SOURCE_DIR "/resources/demo/ecosystem.yaml"),
                QStringLiteral("--screenshot"), png, QStringLiteral("--color-scheme"), QStringLiteral("dark") });
        QVERIFY(shipyard.waitForFinished(60000));
        QCOMPARE(shipyard.exitCode(), 0);
        const QImage image(png);
        qint64 lightness = 0;
        int samples = 0;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7, ++samples)
                lightness += QColor(image.pixel(x, y)).lightness();
        }
        QVERIFY2(lightness / samples < 90, qPrintable(QString::number(lightness / samples)));
    }

    void unknownColorSchemeFails()
    {
        QProcess shipyard;
        shipyard.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyard"),
            { QStringLiteral("--screenshot"), QStringLiteral("/dev/null"), QStringLiteral("--color-scheme"),
                QStringLiteral("purple") });
        QVERIFY(shipyard.waitForFinished(60000));
        QCOMPARE(shipyard.exitCode(), 2);
        QVERIFY(shipyard.readAllStandardError().contains("unknown color scheme 'purple'"));
    }

    void unknownViewFails()
    {
        QTemporaryDir dir;
        QProcess shipyard;
        shipyard.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyard"),
            { QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("x.png")), QStringLiteral("--view"),
                QStringLiteral("nonsense") });
        QVERIFY(shipyard.waitForFinished(60000));
        QCOMPARE(shipyard.exitCode(), 2);
        QVERIFY(shipyard.readAllStandardError().contains("unknown view 'nonsense'"));
    }

    // Over ssh or on a server there is no display: --version and --help
    // still answer, where a window's program would abort.
    void versionAndHelpWithoutDisplay()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *variable : { "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM" })
            env.remove(QString::fromLatin1(variable));
        for (const QString &option : { QStringLiteral("--version"), QStringLiteral("--help") }) {
            QProcess shipyard;
            shipyard.setProcessEnvironment(env);
            shipyard.start(QStringLiteral(SHIPYARD_BINARY_DIR "/bin/shipyard"), { option });
            QVERIFY(shipyard.waitForFinished(60000));
            QCOMPARE(shipyard.exitCode(), 0);
            const QByteArray out = shipyard.readAllStandardOutput();
            QVERIFY2(out.contains(option == QLatin1String("--version") ? QByteArray("shipyard " SHIPYARD_VERSION)
                                                                       : QByteArray("--screenshot")),
                out.constData());
        }
    }
};

QTEST_GUILESS_MAIN(tst_Screenshot)
#include "tst_screenshot.moc"
