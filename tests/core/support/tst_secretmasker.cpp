// SPDX-License-Identifier: GPL-2.0-or-later
// The one masker: which names hold secrets, multi-line values, short
// values, and where a long line may be cut without cutting a secret.
#include "support/SecretMasker.h"

#include <QTest>

using namespace Shipyard;

namespace {

// A private key in PEM, as an environment variable holds one. Made up: 24
// lines of base64 that are nobody's key.
QString pemKey()
{
    QStringList lines { QStringLiteral("-----BEGIN PRIVATE KEY-----") };
    for (int line = 0; line < 24; ++line) {
        QByteArray bytes;
        for (int i = 0; i < 48; ++i)
            bytes.append(char((line * 131 + i * 17 + 7) % 256));
        lines.append(QString::fromLatin1(bytes.toBase64()));
    }
    lines += { QStringLiteral("Zm9v"), QStringLiteral("-----END PRIVATE KEY-----"), QString() };
    return lines.join(QLatin1Char('\n'));
}

// Every piece of LINES that holds a part of SECRET (MINIMUM characters or
// more) at its start or end, where a cut would leave it.
QStringList fragments(const QStringList &lines, const QString &secret, qsizetype minimum = 4)
{
    QStringList found;
    for (const QString &line : lines) {
        for (qsizetype length = minimum; length < secret.size(); ++length) {
            if (line.endsWith(secret.left(length)) || line.startsWith(secret.right(length)))
                found.append(line.left(20) + QStringLiteral("…") + line.right(20));
        }
    }
    return found;
}

// Cuts TEXT as CommandRunner does: pieces of at most LIMIT bytes, each masked alone.
QStringList cutAndMask(const SecretMasker &masker, QByteArray text, qsizetype limit)
{
    QStringList pieces;
    while (text.size() > limit) {
        const qsizetype cut = masker.splitPoint(text, limit);
        if (cut == 0)
            break;
        pieces.append(masker.mask(QString::fromUtf8(text.left(cut))));
        text.remove(0, cut);
    }
    pieces.append(masker.mask(QString::fromUtf8(text)));
    return pieces;
}

} // namespace

class TestSecretMasker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secretNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("secret");
        QTest::newRow("token") << "REGISTRY_TOKEN" << true;
        QTest::newRow("password") << "DB_PASSWORD" << true;
        QTest::newRow("postgres") << "PGPASSWORD" << true;
        QTest::newRow("passwd") << "SMTP_PASSWD" << true;
        QTest::newRow("aws secret") << "AWS_SECRET_ACCESS_KEY" << true;
        QTest::newRow("aws session") << "AWS_SESSION_TOKEN" << true;
        QTest::newRow("aws key id") << "AWS_ACCESS_KEY_ID" << true;
        QTest::newRow("github") << "GITHUB_TOKEN" << true;
        QTest::newRow("gitlab") << "GITLAB_TOKEN" << true;
        QTest::newRow("redmine") << "REDMINE_APIKEY" << true;
        QTest::newRow("api_key") << "SENTRY_API_KEY" << true;
        QTest::newRow("credentials") << "GOOGLE_APPLICATION_CREDENTIALS" << true;
        QTest::newRow("private key") << "DEPLOY_PRIVATE_KEY_PEM" << true;
        QTest::newRow("ends in _KEY") << "SIGNING_KEY" << true;
        QTest::newRow("mysql") << "MYSQL_PWD" << true;
        QTest::newRow("docker auth") << "DOCKER_AUTH_CONFIG" << true;
        QTest::newRow("secret") << "CLIENT_SECRET" << true;
        QTest::newRow("lower case") << "my_token" << true;
        QTest::newRow("bare word") << "TOKEN" << true;
        QTest::newRow("path") << "PATH" << false;
        QTest::newRow("kubeconfig") << "KUBECONFIG" << false;
        QTest::newRow("keyboard") << "KEYBOARD_LAYOUT" << false;
        QTest::newRow("home") << "HOME" << false;
        QTest::newRow("shipyard") << "SHIPYARD_NAMESPACE" << false;
    }

    void secretNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, secret);
        QCOMPARE(SecretMasker::isSecretName(name), secret);
    }

    void masksTheEnvironmentsSecrets()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("REDMINE_APIKEY"), QStringLiteral("rm-4f1c2a9e7b"));
        environment.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("pg-hunter2-xyz"));
        environment.insert(QStringLiteral("HOME"), QStringLiteral("/home/dev"));
        const SecretMasker masker(environment);
        QCOMPARE(masker.mask(QStringLiteral("key rm-4f1c2a9e7b, password pg-hunter2-xyz, home /home/dev")),
            QStringLiteral("key ***, password ***, home /home/dev"));
    }

    // The ecosystem names its credentials' variables: whatever they are called.
    void masksNamedCredentialVariables()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("SHOP_TRACKER"), QStringLiteral("tracker-auth-0042"));
        environment.insert(QStringLiteral("SHOP_REVIEWS"), QStringLiteral("review-auth-0043"));
        environment.insert(QStringLiteral("SHOP_OTHER"), QStringLiteral("not-a-secret-0044"));
        const SecretMasker masker(environment, { QStringLiteral("SHOP_TRACKER"), QStringLiteral("SHOP_REVIEWS") });
        QCOMPARE(masker.mask(QStringLiteral("tracker-auth-0042 review-auth-0043 not-a-secret-0044")),
            QStringLiteral("*** *** not-a-secret-0044"));
        QVERIFY(SecretMasker(environment).isEmpty());
    }

    void masksMultiLineValuesWholeAndLineByLine()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("DEPLOY_PRIVATE_KEY"), pemKey());
        const SecretMasker masker(environment);
        // Printed whole (a reason, a joined log).
        QCOMPARE(masker.mask(QStringLiteral("key: ") + pemKey()), QStringLiteral("key: ***"));
        // A line at a time, as logs arrive; CRLF too.
        const QStringList lines = pemKey().trimmed().split(QLatin1Char('\n'));
        for (const QString &line : lines)
            QCOMPARE(masker.mask(QStringLiteral("> ") + line + QStringLiteral("\r")), QStringLiteral("> ***\r"));
        // `echo $KEY` unquoted: the lines joined by spaces.
        QCOMPARE(masker.mask(lines.join(QLatin1Char(' '))),
            QStringList(lines.size(), SecretMasker::replacement()).join(QLatin1Char(' ')));
        // Indented, as a YAML block or a JSON string would have it.
        QCOMPARE(masker.mask(QStringLiteral("    ") + lines[3]), QStringLiteral("    ***"));
    }

    // Masking every "on" or "a" would wreck every log and hide nothing worth hiding.
    void shortValuesAreNotMasked()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("FEATURE_TOKEN"), QStringLiteral("on"));
        environment.insert(QStringLiteral("TINY_PASSWORD"), QStringLiteral("abc"));
        environment.insert(QStringLiteral("REAL_PASSWORD"), QStringLiteral("abcd"));
        SecretMasker masker(environment);
        masker.addSecret(QStringLiteral("x"));
        QCOMPARE(SecretMasker::minimumLength, 4);
        QCOMPARE(masker.mask(QStringLiteral("turned on: abc, abcd, x")), QStringLiteral("turned on: abc, ***, x"));
    }

    void longerSecretsAreMaskedWhole()
    {
        SecretMasker masker;
        masker.addSecret(QStringLiteral("abcd"));
        masker.addSecret(QStringLiteral("abcdefgh"));
        QCOMPARE(masker.mask(QStringLiteral("x abcdefgh y abcd")), QStringLiteral("x *** y ***"));
    }

    void addsAnotherMaskersSecrets()
    {
        SecretMasker first;
        first.addSecret(QStringLiteral("first-secret"));
        SecretMasker second;
        second.addSecret(QStringLiteral("second-secret"));
        first.addSecrets(second);
        QCOMPARE(first.mask(QStringLiteral("first-secret second-secret")), QStringLiteral("*** ***"));
        QCOMPARE(first.longestSecret(), qsizetype(13));
    }

    // A 100 KiB line, a secret across the 64 KiB mark: no piece holds a part of it.
    void cutsLongLinesOutsideSecrets_data()
    {
        QTest::addColumn<qsizetype>("offset"); // where the secret begins, from the 64 KiB mark
        for (const qsizetype offset : { -20, -8, -1, 0, 1, -300 })
            QTest::addRow("%lld", qlonglong(offset)) << offset;
    }

    void cutsLongLinesOutsideSecrets()
    {
        QFETCH(qsizetype, offset);
        constexpr qsizetype limit = 64 * 1024;
        const QString secret = QStringLiteral("pg-Sekret-9f3e7a21c4d5");
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PGPASSWORD"), secret);
        environment.insert(QStringLiteral("DEPLOY_PRIVATE_KEY"), pemKey());
        const SecretMasker masker(environment);
        const QByteArray line = QByteArray(limit + offset, 'x') + secret.toUtf8() + QByteArray(100 * 1024, 'y');
        const QStringList pieces = cutAndMask(masker, line, limit);
        QVERIFY(pieces.size() >= 2);
        for (const QString &piece : pieces)
            QVERIFY(piece.toUtf8().size() <= limit);
        QCOMPARE(pieces.join(QString()), masker.mask(QString::fromUtf8(line)));
        QVERIFY(!pieces.join(QString()).contains(secret));
        QVERIFY2(fragments(pieces, secret).isEmpty(), qPrintable(fragments(pieces, secret).join(QLatin1Char('\n'))));
    }

    // What has arrived may end with the start of a secret: the cut leaves
    // room for the rest of it.
    void holdsBackWhereASecretMayBegin()
    {
        SecretMasker masker;
        masker.addSecret(QStringLiteral("0123456789abcdef"));
        // Just over the limit, ending with the first 7 bytes of the secret.
        const QByteArray text = QByteArray(65530, 'x') + "0123456";
        const qsizetype cut = masker.splitPoint(text, 64 * 1024);
        QCOMPARE(cut, text.size() - 16 + 1);
        QVERIFY(!text.left(cut).contains("0123"));
        // Without a secret, the limit itself.
        QCOMPARE(SecretMasker().splitPoint(text, 64 * 1024), qsizetype(64 * 1024));
        // Nothing to cut yet when the text is shorter than the longest secret.
        QCOMPARE(masker.splitPoint("0123456", 4), qsizetype(0));
    }

    void neverCutsACharacter()
    {
        // "é" is two bytes in UTF-8; the limit falls between them.
        const QByteArray text = QByteArray(9, 'x') + QStringLiteral("éééé").toUtf8();
        const qsizetype cut = SecretMasker().splitPoint(text, 10);
        QCOMPARE(cut, qsizetype(9));
        QCOMPARE(QString::fromUtf8(text.left(cut)) + QString::fromUtf8(text.mid(cut)), QString::fromUtf8(text));
    }
};

QTEST_GUILESS_MAIN(TestSecretMasker)
#include "tst_secretmasker.moc"
