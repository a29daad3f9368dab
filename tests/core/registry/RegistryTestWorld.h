// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// For the retention tests: a docker-registry of a test's own (the binary
// the "registry" fixture runs, with its own storage, so that its garbage
// collection touches nobody else's uploads), and images pushed through the
// Registry HTTP API v2 with a `created` of the test's choosing.

#include "http/CurlTransport.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>
#include <QUrlQuery>

#include <optional>

namespace RegistryTest {

inline QString sha256(const QByteArray &bytes)
{
    return QStringLiteral("sha256:") +
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// A one-file tar (ustar), the layer of a test image.
inline QByteArray tarWith(const QByteArray &name, const QByteArray &content)
{
    QByteArray header(512, '\0');
    const auto put = [&](int offset, const QByteArray &field) { header.replace(offset, field.size(), field); };
    put(0, name.left(99));
    put(100, "0000644");
    put(108, "0000000");
    put(116, "0000000");
    put(124, QByteArray::number(content.size(), 8).rightJustified(11, '0'));
    put(136, "00000000000");
    put(148, "        ");
    header[156] = '0';
    put(257,
        QByteArray("ustar\0"
                   "00",
            8));
    int sum = 0;
    for (const char c : std::as_const(header))
        sum += static_cast<unsigned char>(c);
    put(148, QByteArray::number(sum, 8).rightJustified(6, '0') + QByteArray("\0 ", 2));
    QByteArray tar = header + content;
    tar.append(QByteArray((512 - content.size() % 512) % 512, '\0'));
    tar.append(QByteArray(1024, '\0'));
    return tar;
}

struct Image
{
    QString digest; // the manifest's
    QByteArray manifest;
    QString configDigest;
    QString layerDigest;
};

// Talks to one registry at BASE ("http://127.0.0.1:PORT"), with AUTHORIZATION
// on every request when given ("Bearer …" for a token registry).
class Client
{
public:
    explicit Client(QString base, QByteArray authorization = {})
        : m_base(std::move(base)), m_authorization(std::move(authorization))
    { }

    Shipyard::HttpResponse send(const QByteArray &method, const QString &path, const QByteArray &body = {},
        const QByteArray &contentType = {}, const QByteArray &accept = {}) const
    {
        Shipyard::HttpRequest request;
        request.method = method;
        request.url = QUrl(path.startsWith(QLatin1String("http")) ? path : m_base + path);
        request.body = body;
        if (!contentType.isEmpty())
            request.addHeader("Content-Type", contentType);
        if (!accept.isEmpty())
            request.addHeader("Accept", accept);
        if (!m_authorization.isEmpty())
            request.addHeader("Authorization", m_authorization);
        return m_transport.send(request);
    }

    // The status of a manifest (HEAD, with the media types the registry stores).
    int manifestStatus(const QString &repository, const QString &reference) const
    {
        return send("HEAD", QStringLiteral("/v2/%1/manifests/%2").arg(repository, reference), {}, {},
            "application/vnd.oci.image.manifest.v1+json")
            .status;
    }

    int blobStatus(const QString &repository, const QString &digest) const
    {
        return send("GET", QStringLiteral("/v2/%1/blobs/%2").arg(repository, digest)).status;
    }

    bool pushBlob(const QString &repository, const QByteArray &blob, QString *error) const
    {
        const Shipyard::HttpResponse started = send("POST", QStringLiteral("/v2/%1/blobs/uploads/").arg(repository));
        if (started.status != 202) {
            *error =
                QStringLiteral("upload start: HTTP %1 %2").arg(started.status).arg(QString::fromUtf8(started.body));
            return false;
        }
        QString location = QString::fromLatin1(started.header("Location"));
        location += (location.contains(QLatin1Char('?')) ? QLatin1String("&") : QLatin1String("?")) +
            QStringLiteral("digest=") + QString::fromLatin1(QUrl::toPercentEncoding(sha256(blob)));
        const Shipyard::HttpResponse done = send("PUT", location, blob, "application/octet-stream");
        if (done.status != 201) {
            *error = QStringLiteral("upload: HTTP %1 %2").arg(done.status).arg(QString::fromUtf8(done.body));
            return false;
        }
        return true;
    }

    // An OCI image of one layer holding CONTENT, created at CREATED, as REPOSITORY:TAG.
    std::optional<Image> push(const QString &repository, const QString &tag, const QByteArray &content,
        const QDateTime &created, QString *error) const
    {
        Image image;
        const QByteArray layer = tarWith("content.txt", content);
        const QByteArray config = QJsonDocument(
            QJsonObject { { QStringLiteral("created"), created.toUTC().toString(Qt::ISODateWithMs) },
                { QStringLiteral("architecture"), QStringLiteral("amd64") },
                { QStringLiteral("os"), QStringLiteral("linux") }, { QStringLiteral("config"), QJsonObject() },
                { QStringLiteral("rootfs"),
                    QJsonObject { { QStringLiteral("type"), QStringLiteral("layers") },
                        { QStringLiteral("diff_ids"), QJsonArray { sha256(layer) } } } } })
                                      .toJson(QJsonDocument::Compact);
        if (!pushBlob(repository, layer, error) || !pushBlob(repository, config, error))
            return std::nullopt;
        image.layerDigest = sha256(layer);
        image.configDigest = sha256(config);
        image.manifest = QJsonDocument(
            QJsonObject { { QStringLiteral("schemaVersion"), 2 },
                { QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.manifest.v1+json") },
                { QStringLiteral("config"),
                    QJsonObject {
                        { QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.config.v1+json") },
                        { QStringLiteral("digest"), image.configDigest }, { QStringLiteral("size"), config.size() } } },
                { QStringLiteral("layers"),
                    QJsonArray { QJsonObject {
                        { QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.layer.v1.tar") },
                        { QStringLiteral("digest"), image.layerDigest },
                        { QStringLiteral("size"), layer.size() } } } } })
                             .toJson(QJsonDocument::Compact);
        image.digest = sha256(image.manifest);
        if (!tagAs(repository, tag, image, error))
            return std::nullopt;
        return image;
    }

    // IMAGE's manifest under another TAG: two tags, one digest.
    bool tagAs(const QString &repository, const QString &tag, const Image &image, QString *error) const
    {
        const Shipyard::HttpResponse put = send("PUT", QStringLiteral("/v2/%1/manifests/%2").arg(repository, tag),
            image.manifest, "application/vnd.oci.image.manifest.v1+json");
        if (put.status != 201) {
            *error = QStringLiteral("manifest: HTTP %1 %2").arg(put.status).arg(QString::fromUtf8(put.body));
            return false;
        }
        return true;
    }

private:
    QString m_base;
    QByteArray m_authorization;
    mutable Shipyard::CurlTransport m_transport;
};

// docker-registry serving DIR/data on a free port of 127.0.0.1, with
// deletion enabled or not and, when given, an `auth:` section.
class Server
{
public:
    Server(const QString &dir, bool deleteEnabled, const QString &authYaml = {})
        : m_dir(dir), m_deleteEnabled(deleteEnabled), m_auth(authYaml)
    { }
    ~Server() { stop(); }
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    QString configPath() const { return m_dir + QStringLiteral("/config.yml"); }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    QString url() const { return QStringLiteral("http://") + address(); }

    bool start(QString *error)
    {
        QDir().mkpath(m_dir);
        QProcess python;
        python.start(QStringLiteral("python3"),
            { QStringLiteral("-c"),
                QStringLiteral("import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); "
                               "print(s.getsockname()[1])") });
        python.waitForFinished(10000);
        m_port = python.readAllStandardOutput().trimmed().toInt();
        QFile config(configPath());
        if (!config.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot write ") + configPath();
            return false;
        }
        config.write(QStringLiteral("version: 0.1\nlog: {level: warn}\n"
                                    "storage: {filesystem: {rootdirectory: %1/data}, delete: {enabled: %2}}\n"
                                    "http: {addr: %3, secret: test}\n%4")
                .arg(m_dir, m_deleteEnabled ? QStringLiteral("true") : QStringLiteral("false"), address(), m_auth)
                .toUtf8());
        config.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setStandardOutputFile(m_dir + QStringLiteral("/log"));
        m_process.start(QStringLiteral("docker-registry"), { QStringLiteral("serve"), configPath() });
        if (!m_process.waitForStarted()) {
            *error = QStringLiteral("docker-registry did not start");
            return false;
        }
        const Client client(url());
        for (int i = 0; i < 100; ++i) {
            if (client.send("GET", QStringLiteral("/v2/")).status > 0)
                return true;
            if (m_process.state() != QProcess::Running)
                break;
            QThread::msleep(100);
        }
        QFile log(m_dir + QStringLiteral("/log"));
        log.open(QIODevice::ReadOnly);
        *error = QStringLiteral("docker-registry did not answer: ") + QString::fromUtf8(log.readAll());
        return false;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // `docker-registry garbage-collect CONFIG`: deletes the blobs no manifest
    // refers to any more. Run with the registry stopped, as its docs ask.
    bool garbageCollect(QString *output)
    {
        stop();
        QProcess gc;
        gc.setProcessChannelMode(QProcess::MergedChannels);
        gc.start(QStringLiteral("docker-registry"), { QStringLiteral("garbage-collect"), configPath() });
        const bool ran = gc.waitForFinished(120000) && gc.exitStatus() == QProcess::NormalExit && gc.exitCode() == 0;
        *output = QString::fromUtf8(gc.readAll());
        if (!ran)
            return false;
        // Serve again on the same port, for the checks after it.
        m_process.start(QStringLiteral("docker-registry"), { QStringLiteral("serve"), configPath() });
        const Client client(url());
        for (int i = 0; i < 100; ++i) {
            if (client.send("GET", QStringLiteral("/v2/")).status > 0)
                return true;
            QThread::msleep(100);
        }
        *output += QStringLiteral("\n(the registry did not come back)");
        return false;
    }

private:
    QString m_dir;
    bool m_deleteEnabled;
    QString m_auth;
    int m_port = 0;
    QProcess m_process;
};

// An RSA key DIR/NAME-key.pem and its self-signed certificate DIR/NAME.pem,
// for a token service to sign with and a registry to trust.
inline bool makeCertificate(const QString &dir, const QString &name)
{
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
        { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
            QStringLiteral("-nodes"), QStringLiteral("-keyout"),
            dir + QLatin1Char('/') + name + QStringLiteral("-key.pem"), QStringLiteral("-out"),
            dir + QLatin1Char('/') + name + QStringLiteral(".pem"), QStringLiteral("-subj"),
            QStringLiteral("/CN=shipyard-test-token"), QStringLiteral("-days"), QStringLiteral("2") });
    if (openssl.waitForFinished(60000) && openssl.exitCode() == 0)
        return true;
    qWarning("openssl: %s", openssl.readAll().constData());
    return false;
}

// tests/core/registry/token-server.py for one test: the token service of a
// registry started with `auth: token`, signing with DIR/key.pem whose
// certificate is DIR/cert.pem, for the account "shop" with PASSWORD.
class TokenServer
{
public:
    TokenServer(const QString &dir, const QString &tokens, const QString &password, bool grantDelete)
    {
        QStringList arguments { QStringLiteral(SHIPYARD_SOURCE_DIR "/tests/core/registry/token-server.py"),
            dir + QStringLiteral("/cert.pem"), dir + QStringLiteral("/key.pem"), QStringLiteral("shipyard-test-issuer"),
            QStringLiteral("shipyard-test"), QStringLiteral("shop"), password, tokens };
        if (!grantDelete)
            arguments.append(QStringLiteral("--no-delete"));
        m_process.start(QStringLiteral("python3"), arguments);
        if (m_process.waitForStarted() && m_process.waitForReadyRead(10000))
            m_port = m_process.readLine().trimmed().toInt();
    }
    ~TokenServer()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    TokenServer(const TokenServer &) = delete;
    TokenServer &operator=(const TokenServer &) = delete;

    bool isListening() const { return m_port > 0; }
    QString realm() const { return QStringLiteral("http://127.0.0.1:%1/token").arg(m_port); }

    // The `auth:` section of a registry that trusts this service's tokens
    // (signed with the key of CERTIFICATE).
    QString authYaml(const QString &certificate) const
    {
        return QStringLiteral("auth:\n  token:\n    realm: %1\n    service: shipyard-test\n"
                              "    issuer: shipyard-test-issuer\n    rootcertbundle: %2\n")
            .arg(realm(), certificate);
    }

private:
    QProcess m_process;
    int m_port = 0;
};

} // namespace RegistryTest
