// SPDX-License-Identifier: GPL-2.0-or-later
#include "AuthRecordingServer.h"
#include "FixtureEnvironment.h"

#include "build/ImageBuilder.h"
#include "build/RegistryClient.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Shipyard;
using namespace std::chrono_literals;

namespace {
const QString commit = QStringLiteral("4b825dc642cb6eb9a060e54bf8d69288fbee4904");
}

// End to end against the real docker-registry of fixture "registry": the demo
// catalog system is built, made an image with buildah, pushed, and found.
class TestImageBuilder : public QObject
{
    Q_OBJECT

private:
    QMap<QString, QString> m_fixture;
    QTemporaryDir m_work;

    RegistrySettings registry() const
    {
        RegistrySettings settings;
        settings.url = m_fixture.value(QStringLiteral("REGISTRY_ADDRESS"));
        settings.insecure = true;
        return settings;
    }

    QString storage() const
    {
        return m_fixture.value(QStringLiteral("BUILDAH_STORAGE")) + QLatin1String("/imagebuilder");
    }

    // A fresh copy of a demo system, as a checkout would be.
    QString checkout(const QString &name)
    {
        const QString target = m_work.filePath(name + QString::number(QDateTime::currentMSecsSinceEpoch()));
        QProcess copy;
        copy.start(QStringLiteral("cp"),
            { QStringLiteral("-r"), QStringLiteral(SHIPYARD_SOURCE_DIR "/resources/demo/systems/") + name, target });
        copy.waitForFinished();
        return target;
    }

    static System catalog()
    {
        System system;
        system.name = QStringLiteral("catalog");
        system.image = QStringLiteral("demo/catalog");
        system.buildCommand = QStringLiteral("make");
        return system;
    }

    static ImageBuildResult waitForResult(ImageBuilder &builder, int ms = 300000)
    {
        QSignalSpy finished(&builder, &ImageBuilder::finished);
        if (finished.isEmpty())
            finished.wait(ms);
        return finished.isEmpty() ? ImageBuildResult() : finished.constFirst().constFirst().value<ImageBuildResult>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fixture = readFixtureEnvironment(QStringLiteral(REGISTRY_STATE_FILE));
        QVERIFY2(m_fixture.contains(QStringLiteral("REGISTRY_ADDRESS")), "the registry fixture did not run");
        QVERIFY(m_work.isValid());
    }

    void buildsPushesAndFindsTheCatalog()
    {
        ImageBuilder builder(registry());
        builder.setStorageDirectory(storage());
        QStringList log;
        QList<ImageBuilder::Step> steps;
        connect(&builder, &ImageBuilder::logLine, this, [&log](const QString &line) { log.append(line); });
        connect(&builder, &ImageBuilder::stepStarted, this, [&steps](ImageBuilder::Step step) { steps.append(step); });
        QSignalSpy finished(&builder, &ImageBuilder::finished);
        QElapsedTimer clock;
        clock.start();
        builder.start(catalog(), checkout(QStringLiteral("catalog")), commit);
        QVERIFY(builder.isRunning());
        QVERIFY(finished.wait(300000));
        const auto result = finished.constFirst().constFirst().value<ImageBuildResult>();
        QVERIFY2(result.succeeded(), qPrintable(result.errorText + QLatin1Char('\n') + result.lastLines.join('\n')));
        qInfo("catalog: build %lld ms, image %lld ms, push %lld ms, all %lld ms", qint64(result.buildDuration.count()),
            qint64(result.imageDuration.count()), qint64(result.pushDuration.count()), clock.elapsed());
        QCOMPARE(steps,
            (QList<ImageBuilder::Step> { ImageBuilder::Step::Build, ImageBuilder::Step::Image, ImageBuilder::Step::Push,
                ImageBuilder::Step::Cleanup }));
        QCOMPARE(result.image, m_fixture.value(QStringLiteral("REGISTRY_ADDRESS")) + "/demo/catalog:" + commit);
        QVERIFY(result.digest.startsWith(QLatin1String("sha256:")));
        QVERIFY(!log.isEmpty());
        QVERIFY(!builder.isRunning());

        const RegistryClient client(registry());
        RegistryError error;
        QVERIFY2(client.exists(QStringLiteral("demo/catalog"), commit, &error), qPrintable(error.message));
        const auto manifest = client.manifest(QStringLiteral("demo/catalog"), commit);
        QVERIFY(manifest);
        QCOMPARE(manifest->digest, result.digest);
        QVERIFY(client.tags(QStringLiteral("demo/catalog")).value_or(QStringList()).contains(commit));
    }

    void reportsAFailingBuildCommand()
    {
        ImageBuilder builder(registry());
        builder.setStorageDirectory(storage());
        System system = catalog();
        system.buildCommand = QStringLiteral("echo compiling; echo 'main.c:3: error: boom' >&2; exit 2");
        QList<ImageBuilder::Step> steps;
        connect(&builder, &ImageBuilder::stepStarted, this, [&steps](ImageBuilder::Step step) { steps.append(step); });
        builder.start(system, checkout(QStringLiteral("catalog")), commit);
        const ImageBuildResult result = waitForResult(builder);
        QCOMPARE(result.outcome, ImageBuildResult::Outcome::Failed);
        QVERIFY2(result.errorText.startsWith(QLatin1String("catalog: the build command failed")),
            qPrintable(result.errorText));
        QVERIFY(result.errorText.contains(QLatin1String("status 2")));
        QCOMPARE(result.lastLines, (QStringList { "compiling", "main.c:3: error: boom" }));
        QCOMPARE(steps, QList<ImageBuilder::Step> { ImageBuilder::Step::Build });
        QVERIFY(result.digest.isEmpty());
    }

    void reportsAFailingImageBuild()
    {
        ImageBuilder builder(registry());
        builder.setStorageDirectory(storage());
        System system = catalog();
        system.dockerfile = QStringLiteral("Missing.Dockerfile");
        builder.start(system, checkout(QStringLiteral("catalog")), commit);
        const ImageBuildResult result = waitForResult(builder);
        QCOMPARE(result.outcome, ImageBuildResult::Outcome::Failed);
        QVERIFY2(result.errorText.startsWith(QLatin1String("catalog: building the image failed")),
            qPrintable(result.errorText));
        QVERIFY(!result.lastLines.isEmpty());
    }

    void pushesWithCredentialsThatNeverShow()
    {
        RegistrySettings settings;
        settings.url = m_fixture.value(QStringLiteral("REGISTRY_AUTH_ADDRESS"));
        settings.insecure = true;
        settings.usernameEnvironmentVariable = QStringLiteral("TEST_REGISTRY_USER");
        settings.passwordEnvironmentVariable = QStringLiteral("TEST_REGISTRY_PASSWORD");
        settings.sendCredentialsOverHttp = true; // the fixture has no TLS
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        const QString password = m_fixture.value(QStringLiteral("REGISTRY_AUTH_PASSWORD"));
        environment.insert(QStringLiteral("TEST_REGISTRY_USER"), m_fixture.value(QStringLiteral("REGISTRY_AUTH_USER")));
        environment.insert(QStringLiteral("TEST_REGISTRY_PASSWORD"), password);

        ImageBuilder builder(settings);
        builder.setStorageDirectory(storage());
        builder.setEnvironment(environment);
        QStringList log;
        connect(&builder, &ImageBuilder::logLine, this, [&log](const QString &line) { log.append(line); });
        connect(&builder, &ImageBuilder::stepStarted, this,
            [&log](ImageBuilder::Step, const QString &command) { log.append(command); });
        System system = catalog();
        system.buildCommand = QStringLiteral("make && echo \"built with $TEST_REGISTRY_PASSWORD\"");
        builder.start(system, checkout(QStringLiteral("catalog")), commit);
        const ImageBuildResult result = waitForResult(builder);
        QVERIFY2(result.succeeded(), qPrintable(result.errorText + QLatin1Char('\n') + result.lastLines.join('\n')));
        // The build command is the branch's code: it never sees the registry's password.
        QVERIFY2(log.contains(QStringLiteral("built with ")), qPrintable(log.join(QLatin1Char('\n'))));
        QVERIFY(!log.join(QLatin1Char('\n')).contains(password));
        // The credentials file lives only as long as the push.
        QVERIFY(QDir(storage()).entryList({ QStringLiteral("auth-*") }, QDir::Files).isEmpty());
        QVERIFY(RegistryClient(settings, environment).exists(QStringLiteral("demo/catalog"), commit));
    }

    void failsWithoutTheCredentials()
    {
        RegistrySettings settings;
        settings.url = m_fixture.value(QStringLiteral("REGISTRY_AUTH_ADDRESS"));
        settings.insecure = true;
        settings.usernameEnvironmentVariable = QStringLiteral("TEST_REGISTRY_USER");
        settings.passwordEnvironmentVariable = QStringLiteral("TEST_REGISTRY_PASSWORD");
        settings.sendCredentialsOverHttp = true;
        ImageBuilder builder(settings);
        builder.setStorageDirectory(storage());
        builder.setEnvironment(QProcessEnvironment::systemEnvironment());
        System system = catalog();
        builder.start(system, checkout(QStringLiteral("catalog")), commit);
        const ImageBuildResult result = waitForResult(builder);
        QCOMPARE(result.outcome, ImageBuildResult::Outcome::Failed);
        QVERIFY2(result.errorText.contains(QLatin1String("TEST_REGISTRY_PASSWORD")), qPrintable(result.errorText));
    }

    // Credentials the ecosystem names never go to a registry that may be
    // plain http unless it says sendCredentialsOverHttp: the push stops
    // before buildah runs, saying so, and the registry sees nothing.
    void refusesToPushCredentialsOverPlainHttp()
    {
        const AuthRecordingServer recorder;
        QVERIFY(recorder.isListening());
        RegistrySettings settings;
        settings.url = recorder.address();
        settings.insecure = true;
        settings.usernameEnvironmentVariable = QStringLiteral("TEST_REGISTRY_USER");
        settings.passwordEnvironmentVariable = QStringLiteral("TEST_REGISTRY_PASSWORD");
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TEST_REGISTRY_USER"), QStringLiteral("someone"));
        environment.insert(QStringLiteral("TEST_REGISTRY_PASSWORD"), QStringLiteral("never-sent"));
        ImageBuilder builder(settings);
        builder.setStorageDirectory(storage());
        builder.setEnvironment(environment);
        QList<ImageBuilder::Step> steps;
        connect(&builder, &ImageBuilder::stepStarted, this, [&steps](ImageBuilder::Step step) { steps.append(step); });
        builder.start(catalog(), checkout(QStringLiteral("catalog")), commit);
        const ImageBuildResult result = waitForResult(builder);
        QCOMPARE(result.outcome, ImageBuildResult::Outcome::Failed);
        QVERIFY2(result.errorText.contains(QLatin1String("may be reached over plain http (insecure: true), so its "
                                                         "credentials are not sent")) &&
                result.errorText.contains(QLatin1String("registry.sendCredentialsOverHttp: true")),
            qPrintable(result.errorText));
        QCOMPARE(steps, (QList<ImageBuilder::Step> { ImageBuilder::Step::Build, ImageBuilder::Step::Image }));
        QCOMPARE(recorder.requests(), QStringList());
        QVERIFY(QDir(storage()).entryList({ QStringLiteral("auth-*") }, QDir::Files).isEmpty());
    }

    // Nor does a login buildah would find on its own (REGISTRY_AUTH_FILE
    // here; podman login writes the same file): without
    // sendCredentialsOverHttp the registry gets no credentials (buildah
    // answers its challenge with an empty user and password).
    void keepsBuildahsOwnLoginOffPlainHttp_data()
    {
        QTest::addColumn<bool>("allowed");
        QTest::newRow("insecure") << false;
        QTest::newRow("insecure, sendCredentialsOverHttp") << true;
    }

    void keepsBuildahsOwnLoginOffPlainHttp()
    {
        QFETCH(bool, allowed);
        const AuthRecordingServer recorder;
        QVERIFY(recorder.isListening());
        const QString login = m_work.filePath(QStringLiteral("login-%1.json").arg(allowed));
        QFile file(login);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral(R"({"auths":{"%1":{"auth":"%2"}}})")
                .arg(recorder.address(), QString::fromLatin1(QByteArray("someone:elses").toBase64()))
                .toUtf8());
        file.close();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("REGISTRY_AUTH_FILE"), login);
        RegistrySettings settings;
        settings.url = recorder.address();
        settings.insecure = true;
        settings.sendCredentialsOverHttp = allowed;
        ImageBuilder builder(settings);
        builder.setStorageDirectory(storage());
        builder.setEnvironment(environment);
        builder.start(catalog(), checkout(QStringLiteral("catalog")), commit);
        const ImageBuildResult result = waitForResult(builder);
        // The recorder refuses every push; what matters is what it was sent.
        QCOMPARE(result.outcome, ImageBuildResult::Outcome::Failed);
        QVERIFY2(result.errorText.contains(QLatin1String("pushing the image failed")), qPrintable(result.errorText));
        const QStringList requests = recorder.requests();
        QVERIFY2(!requests.isEmpty(), "buildah never reached the registry");
        const bool sentAuthorization = std::ranges::any_of(
            requests, [](const QString &line) { return line.endsWith(QLatin1String(" authorization")); });
        QVERIFY2(sentAuthorization == allowed, qPrintable(requests.join(QLatin1Char('\n'))));
        QVERIFY(QDir(storage()).entryList({ QStringLiteral("auth-*") }, QDir::Files).isEmpty());
    }

    void cancels()
    {
        ImageBuilder builder(registry());
        builder.setStorageDirectory(storage());
        System system = catalog();
        system.buildCommand = QStringLiteral("echo working; sleep 60");
        QSignalSpy lines(&builder, &ImageBuilder::logLine);
        builder.start(system, checkout(QStringLiteral("catalog")), commit);
        QVERIFY(lines.wait(10000));
        QElapsedTimer clock;
        clock.start();
        builder.cancel();
        const ImageBuildResult result = waitForResult(builder, 10000);
        QCOMPARE(result.outcome, ImageBuildResult::Outcome::Cancelled);
        QVERIFY(clock.elapsed() < 5000);
        QVERIFY(!builder.isRunning());
    }

    void rejectsAnInvalidImageName()
    {
        ImageBuilder builder(registry());
        builder.setStorageDirectory(storage());
        System system = catalog();
        system.image = QStringLiteral("Demo/Catalog");
        QSignalSpy finished(&builder, &ImageBuilder::finished);
        builder.start(system, checkout(QStringLiteral("catalog")), commit);
        QCOMPARE(finished.size(), 1);
        QVERIFY(!builder.isRunning());
        QVERIFY(finished.constFirst().constFirst().value<ImageBuildResult>().errorText.contains(
            QLatin1String("not a valid image name")));
    }
};

QTEST_GUILESS_MAIN(TestImageBuilder)
#include "tst_imagebuilder.moc"
