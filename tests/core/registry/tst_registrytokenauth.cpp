// SPDX-License-Identifier: GPL-2.0-or-later
// RegistryClient and RegistryPrune against a real docker-registry behind
// token authentication (`auth: token`): its realm is token-server.py, which
// issues RS256 JWTs signed with a key made here by openssl, whose
// certificate is the registry's rootcertbundle. Reading, pruning (a DELETE
// wants a token with the delete action), a wrong password, a token service
// that grants no deletion, and no token in any message or audit line.
#include "RegistryTestWorld.h"

#include "build/RegistryClient.h"
#include "registry/RegistryPrune.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Shipyard;

using RegistryTest::TokenServer;

class TestRegistryTokenAuth : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_password;
    QString m_tokens;
    std::unique_ptr<TokenServer> m_tokenServer;
    std::unique_ptr<RegistryTest::Server> m_registry;
    QMap<QString, RegistryTest::Image> m_images;
    const QString m_repository = QStringLiteral("demo/shop");

    QString authYaml(const TokenServer &server, const QString &certificate = QStringLiteral("cert.pem")) const
    {
        return server.authYaml(m_dir.filePath(certificate));
    }

    bool makeCertificate(const QString &name) const { return RegistryTest::makeCertificate(m_dir.path(), name); }

    // A token that may push, fetched as any client of the realm would.
    QByteArray pushToken(const TokenServer &server) const
    {
        RegistryTest::Client realm(server.realm(), "Basic " + QByteArray("shop:" + m_password.toUtf8()).toBase64());
        const HttpResponse answer = realm.send("GET",
            server.realm() + QStringLiteral("?service=shipyard-test&scope=repository:%1:pull,push").arg(m_repository));
        return "Bearer " +
            QJsonDocument::fromJson(answer.body).object().value(QLatin1String("token")).toString().toLatin1();
    }

    RegistrySettings settings(const RegistryTest::Server &registry) const
    {
        RegistrySettings settings;
        settings.url = registry.url();
        settings.usernameEnvironmentVariable = QStringLiteral("TEST_REGISTRY_USER");
        settings.passwordEnvironmentVariable = QStringLiteral("TEST_REGISTRY_PASSWORD");
        // No TLS here: the realm is plain http too.
        settings.sendCredentialsOverHttp = true;
        return settings;
    }

    QProcessEnvironment credentials(const QString &password) const
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("TEST_REGISTRY_USER"), QStringLiteral("shop"));
        environment.insert(QStringLiteral("TEST_REGISTRY_PASSWORD"), password);
        return environment;
    }

    Ecosystem ecosystem(const RegistryTest::Server &registry) const
    {
        Ecosystem ecosystem;
        ecosystem.filePath = m_dir.filePath(QStringLiteral("ecosystem.yaml"));
        ecosystem.registry = settings(registry);
        System system;
        system.name = QStringLiteral("shop");
        system.image = m_repository;
        ecosystem.systems.append(system);
        return ecosystem;
    }

    QStringList issuedTokens() const
    {
        QFile file(m_tokens);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QStringList tokens;
        while (!file.atEnd())
            tokens.append(QString::fromLatin1(file.readLine().trimmed()));
        return tokens;
    }

    void verifyNoToken(const QString &text) const
    {
        for (const QString &token : issuedTokens()) {
            QVERIFY(!token.isEmpty());
            QVERIFY2(!text.contains(token) && !text.contains(token.section(QLatin1Char('.'), 2)),
                "a token appears in a message");
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_password = QStringLiteral("pw-%1").arg(QDateTime::currentMSecsSinceEpoch());
        m_tokens = m_dir.filePath(QStringLiteral("tokens"));
        // cert.pem and key.pem: what token-server.py signs with.
        QVERIFY(makeCertificate(QStringLiteral("cert")));
        QVERIFY(
            QFile::rename(m_dir.filePath(QStringLiteral("cert-key.pem")), m_dir.filePath(QStringLiteral("key.pem"))));

        m_tokenServer = std::make_unique<TokenServer>(m_dir.path(), m_tokens, m_password, true);
        QVERIFY(m_tokenServer->isListening());
        m_registry = std::make_unique<RegistryTest::Server>(
            m_dir.filePath(QStringLiteral("registry")), true, authYaml(*m_tokenServer));
        QString error;
        QVERIFY2(m_registry->start(&error), qPrintable(error));

        // Without a token the registry answers with the challenge Shipyard follows.
        const HttpResponse anonymous = RegistryTest::Client(m_registry->url()).send("GET", QStringLiteral("/v2/"));
        QCOMPARE(anonymous.status, 401);
        QVERIFY2(anonymous.header("WWW-Authenticate")
                     .startsWith(QByteArray("Bearer realm=\"" + m_tokenServer->realm().toLatin1())),
            anonymous.header("WWW-Authenticate").constData());

        const RegistryTest::Client pusher(m_registry->url(), pushToken(*m_tokenServer));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const auto &[tag, days] : QList<QPair<QString, int>> { { "t-old", 30 }, { "t-new", 1 } }) {
            const auto image = pusher.push(m_repository, tag, "token " + tag.toUtf8(), now.addDays(-days), &error);
            QVERIFY2(image, qPrintable(error));
            m_images.insert(tag, *image);
        }
    }

    void readsWithATokenPerScope()
    {
        const RegistryClient client(settings(*m_registry), credentials(m_password));
        RegistryError error;
        auto tags = client.tags(m_repository, &error);
        QVERIFY2(tags, qPrintable(error.message));
        tags->sort();
        QCOMPARE(*tags, (QStringList { "t-new", "t-old" }));
        const auto head = client.resolve(m_repository, QStringLiteral("t-new"), &error);
        QVERIFY2(head, qPrintable(error.message));
        QCOMPARE(head->digest, m_images.value("t-new").digest);
        QCOMPARE(head->mediaType, QStringLiteral("application/vnd.oci.image.manifest.v1+json"));
        const auto manifest = client.manifest(m_repository, QStringLiteral("t-new"), &error);
        QVERIFY2(manifest, qPrintable(error.message));
        QCOMPARE(manifest->digest, m_images.value("t-new").digest);
        const auto config = client.blob(m_repository, m_images.value("t-new").configDigest, &error);
        QVERIFY2(config, qPrintable(error.message));
        // Every read shares one pull token: one request to the realm (besides initTestCase's push token).
        QCOMPARE(issuedTokens().size(), 2);
        verifyNoToken(error.message);
    }

    void prunesThroughTheTokenService()
    {
        RegistryPrune::Options options;
        options.keep = 1;
        options.auditJournal = m_dir.filePath(QStringLiteral("audit.jsonl"));
        const RegistryPrune::Result result =
            RegistryPrune(ecosystem(*m_registry), ClusterAccess(), credentials(m_password)).run(options);
        QVERIFY2(result.succeeded(), qPrintable(result.error));
        QCOMPARE(result.repositories.size(), 1);
        const RegistryPrune::Repository &repository = result.repositories.first();
        QCOMPARE(repository.deleted.size(), 1);
        QCOMPARE(repository.deleted.first().tag, QStringLiteral("t-old"));
        QVERIFY2(repository.deleted.first().deleted, qPrintable(repository.deleted.first().error));
        QCOMPARE(repository.kept.size(), 1);
        QCOMPARE(repository.kept.first().reasons, QStringList { RegistryPrune::newestReason(1) });

        const RegistryTest::Client reader(m_registry->url(), pushToken(*m_tokenServer));
        QCOMPARE(reader.manifestStatus(m_repository, QStringLiteral("t-old")), 404);
        QCOMPARE(reader.manifestStatus(m_repository, QStringLiteral("t-new")), 200);

        QFile audit(options.auditJournal);
        QVERIFY(audit.open(QIODevice::ReadOnly));
        const QString journal = QString::fromUtf8(audit.readAll());
        QVERIFY2(
            journal.contains(QLatin1String("\"registry.prune\"")) && journal.contains(m_images.value("t-old").digest),
            qPrintable(journal));
        verifyNoToken(journal);
    }

    void refusesAWrongPassword()
    {
        const RegistryClient client(settings(*m_registry), credentials(QStringLiteral("not-the-password")));
        RegistryError error;
        QVERIFY(!client.tags(m_repository, &error));
        QCOMPARE(error.kind, RegistryError::Kind::Unauthorized);
        QCOMPARE(error.httpStatus, 401);
        QVERIFY2(error.message.contains(QLatin1String("the token service %1 of registry %2 refused the credentials")
                         .arg(m_tokenServer->realm(), m_registry->address())),
            qPrintable(error.message));
        QVERIFY(!error.message.contains(QLatin1String("not-the-password")));

        const RegistryPrune::Result result =
            RegistryPrune(ecosystem(*m_registry), ClusterAccess(), credentials(QStringLiteral("not-the-password")))
                .run({});
        QVERIFY(!result.succeeded());
        QVERIFY2(result.repositories.value(0).error.contains(QLatin1String("refused the credentials")),
            qPrintable(result.repositories.value(0).error));
    }

    // As docker login: a token for no repository proves the account, for a
    // registry with nothing of Shipyard's in it yet (doctor's check).
    void signsInWithoutARepository()
    {
        const qsizetype issued = issuedTokens().size();
        RegistryError error;
        QVERIFY2(
            RegistryClient(settings(*m_registry), credentials(m_password)).signIn(&error), qPrintable(error.message));
        QCOMPARE(issuedTokens().size(), issued + 1);
        QVERIFY(!RegistryClient(settings(*m_registry), credentials(QStringLiteral("not-the-password"))).signIn(&error));
        QCOMPARE(error.kind, RegistryError::Kind::Unauthorized);
        QVERIFY2(error.message.contains(QLatin1String("refused the credentials")), qPrintable(error.message));
        QVERIFY(!RegistryClient(settings(*m_registry), QProcessEnvironment()).signIn(&error));
        QVERIFY2(error.message.contains(QLatin1String("requires authentication")), qPrintable(error.message));
        verifyNoToken(error.message);
    }

    void namesMissingCredentials()
    {
        RegistryError error;
        QVERIFY(!RegistryClient(settings(*m_registry), QProcessEnvironment()).tags(m_repository, &error));
        QCOMPARE(error.kind, RegistryError::Kind::Unauthorized);
        QVERIFY2(error.message.contains(QLatin1String("requires authentication")) &&
                error.message.contains(QLatin1String("TEST_REGISTRY_PASSWORD")),
            qPrintable(error.message));
    }

    // A registry whose rootcertbundle is another certificate rejects every
    // token of the service: not the account's fault, and the error says so.
    void saysWhenTheRegistryDistrustsTheTokens()
    {
        QVERIFY(makeCertificate(QStringLiteral("other")));
        RegistryTest::Server registry(
            m_dir.filePath(QStringLiteral("distrust")), true, authYaml(*m_tokenServer, QStringLiteral("other.pem")));
        QString error;
        QVERIFY2(registry.start(&error), qPrintable(error));
        RegistryError failure;
        QVERIFY(!RegistryClient(settings(registry), credentials(m_password)).tags(m_repository, &failure));
        QCOMPARE(failure.kind, RegistryError::Kind::Unauthorized);
        QVERIFY2(failure.message.contains(QLatin1String("invalid_token")) &&
                failure.message.contains(QLatin1String("does not accept that service's tokens")),
            qPrintable(failure.message));
        verifyNoToken(failure.message);
    }

    // A token service that grants pulls but no deletion: the DELETE's
    // second refusal says so, and nothing is deleted.
    void saysWhenTheTokenGrantsNoDeletion()
    {
        TokenServer stingy(m_dir.path(), m_tokens, m_password, false);
        QVERIFY(stingy.isListening());
        RegistryTest::Server registry(m_dir.filePath(QStringLiteral("stingy")), true, authYaml(stingy));
        QString error;
        QVERIFY2(registry.start(&error), qPrintable(error));
        const RegistryTest::Client pusher(registry.url(), pushToken(stingy));
        QVERIFY2(pusher.push(m_repository, QStringLiteral("t-old"), "stingy",
                     QDateTime::currentDateTimeUtc().addDays(-9), &error),
            qPrintable(error));
        RegistryPrune::Options options;
        options.keep = 0;
        options.auditJournal = m_dir.filePath(QStringLiteral("audit.jsonl"));
        const RegistryPrune::Result result =
            RegistryPrune(ecosystem(registry), ClusterAccess(), credentials(m_password)).run(options);
        QVERIFY(!result.succeeded());
        const RegistryPrune::Tag tag = result.repositories.value(0).deleted.value(0);
        QCOMPARE(tag.tag, QStringLiteral("t-old"));
        QVERIFY(!tag.deleted);
        QVERIFY2(tag.error.contains(QLatin1String("repository:demo/shop:pull,delete")) &&
                tag.error.contains(QLatin1String("lacks that right")),
            qPrintable(tag.error));
        verifyNoToken(tag.error);
        QCOMPARE(pusher.manifestStatus(m_repository, QStringLiteral("t-old")), 200);
    }
};

QTEST_GUILESS_MAIN(TestRegistryTokenAuth)
#include "tst_registrytokenauth.moc"
