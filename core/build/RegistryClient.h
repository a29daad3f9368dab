// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "build/RegistryError.h"
#include "http/HttpRequest.h"
#include "model/Ecosystem.h"

#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <memory>
#include <optional>

namespace Shipyard {

class HttpTransport;

// The parts of the Docker Registry HTTP API v2 Shipyard needs: does an
// image exist, what is its digest, which tags does a repository have, what
// does its config say, and deleting a manifest (retention, RegistryPrune).
//
// Every call blocks on the network (through the tracker's HttpTransport), so
// the pipeline calls it from a worker thread; a client is cheap to copy and
// copies may be used from different threads.
//
// RegistrySettings::url may carry a scheme; without one it is https, or http
// when the registry is marked insecure. Credentials come from the environment
// variables the settings name, sent as HTTP basic authentication, and never
// to a registry that may be plain http (insecure, or an http:// URL) unless
// the settings say sendCredentialsOverHttp.
//
// A registry behind token authentication (docker distribution's `auth:
// token`, Docker Hub, GitLab, Harbor) answers 401 with `WWW-Authenticate:
// Bearer realm=…,service=…,scope=…`: the client then asks the realm for a
// token for the repository (pull, or pull and delete for a deletion), with
// the same credentials as basic authentication when there are any, keeps it
// per scope until it expires (copies of a client share the tokens), and
// sends the request again with it. Tokens never appear in errors.
class RegistryClient
{
public:
    // The manifest media types asked for, so that the registry answers with
    // the manifest as pushed (and its digest) instead of converting it.
    static const QByteArray acceptedManifestTypes;

    explicit RegistryClient(const RegistrySettings &settings,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
        std::shared_ptr<HttpTransport> transport = {});

    struct Manifest
    {
        QString digest; // "sha256:…"
        QString mediaType;
        qsizetype size = 0;
        QByteArray body; // the manifest as served; empty from resolve()
    };

    // REFERENCE is a tag or a digest. The answers say nothing beyond the
    // optional; ERROR, when given, says why.
    bool exists(const QString &repository, const QString &reference, RegistryError *error = nullptr) const;
    std::optional<Manifest> manifest(
        const QString &repository, const QString &reference, RegistryError *error = nullptr) const;
    std::optional<QStringList> tags(const QString &repository, RegistryError *error = nullptr) const;
    // The digest REFERENCE names now, from a HEAD's Docker-Content-Digest
    // (the registry's own word on what a DELETE takes; a hash of a body the
    // registry might have converted is not). mediaType from Content-Type.
    std::optional<Manifest> resolve(
        const QString &repository, const QString &reference, RegistryError *error = nullptr) const;
    // A blob (an image's config) whose sha256 is checked against DIGEST;
    // at most CurlTransport::maximumBodySize.
    std::optional<QByteArray> blob(
        const QString &repository, const QString &digest, RegistryError *error = nullptr) const;
    // Deletes the manifest DIGEST and with it every tag naming it. A registry
    // that keeps deletion disabled answers 405: Kind::DeletionDisabled.
    bool deleteManifest(const QString &repository, const QString &digest, RegistryError *error = nullptr) const;

    // Signs in as `docker login` does: GET /v2/ with the credentials, through
    // the token service (a token for no repository) when the registry asks
    // for one. False with ERROR when the registry or its token service
    // refuses them or cannot be reached.
    bool signIn(RegistryError *error = nullptr) const;
    // "host:port/demo/x:TAG" (host optional) or "demo/x@sha256:…" split into
    // repository and reference; false if it is not an image reference.
    static bool splitImage(const QString &image, QString *repository, QString *reference);
    // How images of this registry are named: "127.0.0.1:5000" for
    // "http://127.0.0.1:5000/"; the prefix of every tag ImageBuilder pushes.
    QString imagePrefix() const;
    QUrl baseUrl() const { return m_baseUrl; }

    // Requests stop early once FLAG becomes true; it must outlive the client.
    void setCancelFlag(const std::atomic_bool *flag) { m_cancelled = flag; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    static QUrl baseUrlFor(const RegistrySettings &settings);

    struct TokenCache;

private:
    QString describe(const QString &repository, const QString &reference) const;
    bool checkNames(const QString &repository, const QString &reference, RegistryError *error) const;
    // Sends REQUEST with what authenticates it for SCOPE ("repository:demo/x:pull"):
    // a bearer token kept for the scope, or basic credentials; on a bearer
    // challenge fetches a token and sends it once more. WHAT names the
    // object for a 404. ERROR is set to what the answer means.
    HttpResponse send(HttpRequest request, const QString &scope, const QString &what, RegistryError *error) const;
    // A token from the realm of CHALLENGE for SCOPE; empty with ERROR set.
    QByteArray fetchToken(const QByteArray &challenge, const QString &scope, RegistryError *error) const;

    QUrl m_baseUrl;
    QByteArray m_authorization; // "Basic …" for the registry itself, or empty
    // The same credentials for a token realm, which may be another host:
    // sent to it over https, or over http only when the settings allow.
    QByteArray m_realmAuthorization;
    bool m_credentialsOverHttp = false;
    QString m_configurationError;
    std::shared_ptr<TokenCache> m_tokens;
    std::shared_ptr<HttpTransport> m_transport;
    const std::atomic_bool *m_cancelled = nullptr;
    int m_timeoutMs = 20000;
};

} // namespace Shipyard
