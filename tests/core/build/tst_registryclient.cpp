// SPDX-License-Identifier: GPL-2.0-or-later
#include "AuthRecordingServer.h"
#include "FixtureEnvironment.h"

#include "build/RegistryClient.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;

// Against two real docker-registry servers (fixture "registry"), into which
// initTestCase pushes an image built with buildah.
class TestRegistryClient : public QObject
{
    Q_OBJECT

private:
    QMap<QString, QString> m_fixture;
    QTemporaryDir m_work;
    QString m_digest;

    QStringList buildah(const QStringList &arguments) const
    {
        const QString storage = m_fixture.value(QStringLiteral("BUILDAH_STORAGE")) + QLatin1String("/registryclient");
        return QStringList { QStringLiteral("--storage-driver"), QStringLiteral("vfs"), QStringLiteral("--root"),
            storage + QLatin1String("/storage"), QStringLiteral("--runroot"), storage + QLatin1String("/run") } +
            arguments;
    }

    bool run(const QStringList &arguments) const
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("buildah"), buildah(arguments));
        if (!process.waitForFinished(300000) || process.exitStatus() != QProcess::NormalExit ||
            process.exitCode() != 0) {
            qWarning().noquote() << "buildah" << arguments.join(QLatin1Char(' ')) << "failed:\n" << process.readAll();
            return false;
        }
        return true;
    }

    RegistrySettings open() const
    {
        RegistrySettings settings;
        settings.url = m_fixture.value(QStringLiteral("REGISTRY_ADDRESS"));
        settings.insecure = true;
        return settings;
    }

    RegistrySettings authenticated() const
    {
        RegistrySettings settings;
        settings.url = QLatin1String("http://") + m_fixture.value(QStringLiteral("REGISTRY_AUTH_ADDRESS"));
        settings.usernameEnvironmentVariable = QStringLiteral("TEST_REGISTRY_USER");
        settings.passwordEnvironmentVariable = QStringLiteral("TEST_REGISTRY_PASSWORD");
        // The fixture has no TLS: the tests of authentication say so.
        settings.sendCredentialsOverHttp = true;
        return settings;
    }

    QProcessEnvironment credentials() const
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("TEST_REGISTRY_USER"), m_fixture.value(QStringLiteral("REGISTRY_AUTH_USER")));
        environment.insert(
            QStringLiteral("TEST_REGISTRY_PASSWORD"), m_fixture.value(QStringLiteral("REGISTRY_AUTH_PASSWORD")));
        return environment;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fixture = readFixtureEnvironment(QStringLiteral(REGISTRY_STATE_FILE));
        QVERIFY2(m_fixture.contains(QStringLiteral("REGISTRY_ADDRESS")), "the registry fixture did not run");
        QVERIFY(m_work.isValid());
        QFile dockerfile(m_work.filePath(QStringLiteral("Dockerfile")));
        QVERIFY(dockerfile.open(QIODevice::WriteOnly));
        dockerfile.write("FROM scratch\nCOPY hello.txt /hello.txt\n");
        dockerfile.close();
        QFile hello(m_work.filePath(QStringLiteral("hello.txt")));
        QVERIFY(hello.open(QIODevice::WriteOnly));
        hello.write("hello from the registry test\n");
        hello.close();

        const QString address = m_fixture.value(QStringLiteral("REGISTRY_ADDRESS"));
        const QString image = address + QLatin1String("/demo/x:v1");
        QVERIFY(run({ QStringLiteral("bud"), QStringLiteral("--isolation"), QStringLiteral("chroot"),
            QStringLiteral("--quiet"), QStringLiteral("-t"), image, m_work.path() }));
        const QString digestFile = m_work.filePath(QStringLiteral("digest"));
        QVERIFY(run({ QStringLiteral("push"), QStringLiteral("--tls-verify=false"), QStringLiteral("--digestfile"),
            digestFile, image, QLatin1String("docker://") + image }));
        QFile digest(digestFile);
        QVERIFY(digest.open(QIODevice::ReadOnly));
        m_digest = QString::fromLatin1(digest.readAll().trimmed());
        QVERIFY(m_digest.startsWith(QLatin1String("sha256:")));
        QVERIFY(run({ QStringLiteral("push"), QStringLiteral("--tls-verify=false"), image,
            QLatin1String("docker://") + address + QLatin1String("/demo/x:v2") }));
        const QString authAddress = m_fixture.value(QStringLiteral("REGISTRY_AUTH_ADDRESS"));
        QVERIFY(run({ QStringLiteral("push"), QStringLiteral("--tls-verify=false"), QStringLiteral("--creds"),
            m_fixture.value(QStringLiteral("REGISTRY_AUTH_USER")) + QLatin1Char(':') +
                m_fixture.value(QStringLiteral("REGISTRY_AUTH_PASSWORD")),
            image, QLatin1String("docker://") + authAddress + QLatin1String("/demo/secure:v1") }));
    }

    void findsAPushedImage()
    {
        const RegistryClient client(open());
        RegistryError error;
        QVERIFY2(client.exists(QStringLiteral("demo/x"), QStringLiteral("v1"), &error), qPrintable(error.message));
        QVERIFY(!error.isError());
        QVERIFY(client.exists(QStringLiteral("demo/x"), QStringLiteral("v2")));
    }

    void getsTheDigestBuildahPushed()
    {
        const RegistryClient client(open());
        RegistryError error;
        const auto manifest = client.manifest(QStringLiteral("demo/x"), QStringLiteral("v1"), &error);
        QVERIFY2(manifest, qPrintable(error.message));
        QCOMPARE(manifest->digest, m_digest);
        QVERIFY2(manifest->mediaType == QLatin1String("application/vnd.oci.image.manifest.v1+json") ||
                manifest->mediaType == QLatin1String("application/vnd.docker.distribution.manifest.v2+json"),
            qPrintable(manifest->mediaType));
        // By digest, as a release record refers to it.
        QVERIFY(client.exists(QStringLiteral("demo/x"), m_digest));
        const auto byDigest = client.manifest(QStringLiteral("demo/x"), m_digest);
        QVERIFY(byDigest);
        QCOMPARE(byDigest->digest, m_digest);
    }

    void listsTags()
    {
        const RegistryClient client(open());
        RegistryError error;
        auto tags = client.tags(QStringLiteral("demo/x"), &error);
        QVERIFY2(tags, qPrintable(error.message));
        tags->sort();
        QCOMPARE(*tags, (QStringList { "v1", "v2" }));
    }

    void saysWhichImageIsMissing()
    {
        const RegistryClient client(open());
        RegistryError error;
        QVERIFY(!client.exists(QStringLiteral("demo/x"), QStringLiteral("nope"), &error));
        QCOMPARE(error.kind, RegistryError::Kind::NotFound);
        QCOMPARE(error.httpStatus, 404);
        QCOMPARE(
            error.message, QStringLiteral("image not found: %1/demo/x:nope").arg(m_fixture.value("REGISTRY_ADDRESS")));

        QVERIFY(!client.manifest(QStringLiteral("demo/none"), QStringLiteral("v1"), &error));
        QCOMPARE(error.kind, RegistryError::Kind::NotFound);
        QVERIFY(error.message.startsWith(QLatin1String("image not found: ")));

        QVERIFY(!client.tags(QStringLiteral("demo/none"), &error));
        QCOMPARE(error.kind, RegistryError::Kind::NotFound);
        QVERIFY(error.message.startsWith(QLatin1String("repository not found: ")));
    }

    void saysWhenTheRegistryIsUnreachable()
    {
        RegistrySettings settings;
        settings.url = QStringLiteral("127.0.0.1:1");
        settings.insecure = true;
        RegistryError error;
        QVERIFY(!RegistryClient(settings).exists(QStringLiteral("demo/x"), QStringLiteral("v1"), &error));
        QCOMPARE(error.kind, RegistryError::Kind::Unreachable);
        QVERIFY2(
            error.message.startsWith(QLatin1String("registry unreachable: 127.0.0.1:1")), qPrintable(error.message));
    }

    void authenticatesFromTheEnvironment()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("TEST_REGISTRY_USER"), m_fixture.value(QStringLiteral("REGISTRY_AUTH_USER")));
        environment.insert(
            QStringLiteral("TEST_REGISTRY_PASSWORD"), m_fixture.value(QStringLiteral("REGISTRY_AUTH_PASSWORD")));
        const RegistryClient client(authenticated(), environment);
        RegistryError error;
        QVERIFY2(client.exists(QStringLiteral("demo/secure"), QStringLiteral("v1"), &error), qPrintable(error.message));
        QCOMPARE(client.tags(QStringLiteral("demo/secure")).value_or(QStringList()), QStringList { "v1" });
    }

    // An insecure registry is plain http: the real registry behind
    // authentication gets no credentials, and the error says why, until the
    // ecosystem says sendCredentialsOverHttp.
    void withholdsCredentialsOverPlainHttp()
    {
        RegistrySettings settings = authenticated();
        settings.url = m_fixture.value(QStringLiteral("REGISTRY_AUTH_ADDRESS"));
        settings.insecure = true;
        settings.sendCredentialsOverHttp = false;
        RegistryError error;
        QVERIFY(!RegistryClient(settings, credentials())
                .exists(QStringLiteral("demo/secure"), QStringLiteral("v1"), &error));
        QCOMPARE(error.kind, RegistryError::Kind::Unauthorized);
        QVERIFY2(error.message.contains(QLatin1String("not sent over plain http (insecure: true)")) &&
                error.message.contains(QLatin1String("registry.sendCredentialsOverHttp: true")),
            qPrintable(error.message));

        settings.sendCredentialsOverHttp = true;
        QVERIFY2(
            RegistryClient(settings, credentials()).exists(QStringLiteral("demo/secure"), QStringLiteral("v1"), &error),
            qPrintable(error.message));
    }

    // What goes on the wire, recorded by a server that asks for credentials.
    void sendsAuthorizationOnlyWhenAllowed_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<bool>("insecure");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("sent");
        QTest::newRow("insecure") << QString() << true << false << "none";
        QTest::newRow("http:// url") << "http://" << false << false << "none";
        QTest::newRow("insecure, sendCredentialsOverHttp") << QString() << true << true << "authorization";
        QTest::newRow("http:// url, sendCredentialsOverHttp") << "http://" << false << true << "authorization";
    }

    void sendsAuthorizationOnlyWhenAllowed()
    {
        QFETCH(QString, scheme);
        QFETCH(bool, insecure);
        QFETCH(bool, allowed);
        QFETCH(QString, sent);
        const AuthRecordingServer recorder;
        QVERIFY(recorder.isListening());
        RegistrySettings settings = authenticated();
        settings.url = scheme + recorder.address();
        settings.insecure = insecure;
        settings.sendCredentialsOverHttp = allowed;
        RegistryError error;
        QVERIFY(
            !RegistryClient(settings, credentials()).exists(QStringLiteral("demo/x"), QStringLiteral("v1"), &error));
        QCOMPARE(recorder.requests(), QStringList { QStringLiteral("HEAD /v2/demo/x/manifests/v1 ") + sent });
        QCOMPARE(error.kind, allowed ? RegistryError::Kind::Forbidden : RegistryError::Kind::Unauthorized);
    }

    void refusesWrongCredentials()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("TEST_REGISTRY_USER"), m_fixture.value(QStringLiteral("REGISTRY_AUTH_USER")));
        environment.insert(QStringLiteral("TEST_REGISTRY_PASSWORD"), QStringLiteral("wrong"));
        RegistryError error;
        QVERIFY(!RegistryClient(authenticated(), environment)
                .exists(QStringLiteral("demo/secure"), QStringLiteral("v1"), &error));
        QCOMPARE(error.kind, RegistryError::Kind::Unauthorized);
        QCOMPARE(error.httpStatus, 401);
        QVERIFY2(error.message.contains(QLatin1String("refused the credentials")), qPrintable(error.message));
        QVERIFY(!error.message.contains(QLatin1String("wrong")));
    }

    void namesTheMissingCredentials()
    {
        RegistryError error;
        QVERIFY(!RegistryClient(authenticated(), QProcessEnvironment())
                .exists(QStringLiteral("demo/secure"), QStringLiteral("v1"), &error));
        QCOMPARE(error.kind, RegistryError::Kind::Unauthorized);
        QVERIFY2(error.message.contains(QLatin1String("TEST_REGISTRY_USER")) &&
                error.message.contains(QLatin1String("TEST_REGISTRY_PASSWORD")),
            qPrintable(error.message));
    }

    void rejectsInvalidNames()
    {
        RegistryError error;
        QVERIFY(!RegistryClient(open()).exists(QStringLiteral("demo/../x"), QStringLiteral("v1"), &error));
        QCOMPARE(error.kind, RegistryError::Kind::Protocol);
        QVERIFY(!RegistryClient(open()).exists(QStringLiteral("demo/x"), QStringLiteral("v1?x=y"), &error));
        QCOMPARE(error.kind, RegistryError::Kind::Protocol);
    }

    void baseUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("insecure");
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("insecure is http") << "127.0.0.1:5000" << true << "http://127.0.0.1:5000" << "127.0.0.1:5000";
        QTest::newRow("secure is https") << "registry.example.com" << false << "https://registry.example.com"
                                         << "registry.example.com";
        QTest::newRow("scheme kept") << "http://r.example:81/" << false << "http://r.example:81" << "r.example:81";
    }

    void baseUrl()
    {
        QFETCH(QString, url);
        QFETCH(bool, insecure);
        QFETCH(QString, base);
        QFETCH(QString, prefix);
        RegistrySettings settings;
        settings.url = url;
        settings.insecure = insecure;
        const RegistryClient client(settings);
        QCOMPARE(client.baseUrl().toString(), base);
        QCOMPARE(client.imagePrefix(), prefix);
    }

    void splitImage_data()
    {
        QTest::addColumn<QString>("image");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("repository");
        QTest::addColumn<QString>("reference");
        QTest::newRow("host and tag") << "127.0.0.1:5000/demo/catalog:abc123" << true << "demo/catalog" << "abc123";
        QTest::newRow("no host") << "demo/catalog:v1" << true << "demo/catalog" << "v1";
        QTest::newRow("no tag") << "registry.example.com/demo/catalog" << true << "demo/catalog" << "latest";
        QTest::newRow("localhost") << "localhost/x:1" << true << "x" << "1";
        QTest::newRow("digest") << "demo/x@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                                << true << "demo/x"
                                << "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        QTest::newRow("upper case") << "Demo/x:1" << false << "" << "";
        QTest::newRow("bad tag") << "demo/x:-1" << false << "" << "";
    }

    void splitImage()
    {
        QFETCH(QString, image);
        QFETCH(bool, valid);
        QFETCH(QString, repository);
        QFETCH(QString, reference);
        QString actualRepository;
        QString actualReference;
        QCOMPARE(RegistryClient::splitImage(image, &actualRepository, &actualReference), valid);
        if (valid) {
            QCOMPARE(actualRepository, repository);
            QCOMPARE(actualReference, reference);
        }
    }
};

QTEST_GUILESS_MAIN(TestRegistryClient)
#include "tst_registryclient.moc"
