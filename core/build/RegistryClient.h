// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "build/RegistryError.h"
#include "model/Ecosystem.h"

#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <memory>
#include <optional>

namespace Shipyard {

class HttpTransport;

// The parts of the Docker Registry HTTP API v2 a delivery needs: does an
// image exist, what is its digest, which tags does a repository have.
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
    };

    // REFERENCE is a tag or a digest. The answers say nothing beyond the
    // optional; ERROR, when given, says why.
    bool exists(const QString &repository, const QString &reference, RegistryError *error = nullptr) const;
    std::optional<Manifest> manifest(
        const QString &repository, const QString &reference, RegistryError *error = nullptr) const;
    std::optional<QStringList> tags(const QString &repository, RegistryError *error = nullptr) const;

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

private:
    QString describe(const QString &repository, const QString &reference) const;

    QUrl m_baseUrl;
    QByteArray m_authorization; // "Basic …", or empty
    QString m_configurationError;
    std::shared_ptr<HttpTransport> m_transport;
    const std::atomic_bool *m_cancelled = nullptr;
    int m_timeoutMs = 20000;
};

} // namespace Shipyard
