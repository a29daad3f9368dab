// SPDX-License-Identifier: GPL-2.0-or-later
#include "kube/ExecCredentialPlugin.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>
#include <atomic>
#include <limits>
#include <unistd.h>

namespace Shipyard {

namespace {

std::atomic<int> s_stdinInteractive { -1 }; // -1: ask isatty
std::atomic<qint64> s_timeoutMs { ExecCredentialPlugin::defaultTimeout.count() };
std::atomic<qint64> s_interactiveTimeoutMs { ExecCredentialPlugin::defaultInteractiveTimeout.count() };

QMutex s_whyNotMutex;
QString s_whyNotInteractive; // guarded by s_whyNotMutex

bool stdinIsInteractive()
{
    const int forced = s_stdinInteractive.load();
    return forced >= 0 ? forced == 1 : isatty(STDIN_FILENO) == 1;
}

QString whyNotInteractive()
{
    QMutexLocker lock(&s_whyNotMutex);
    return s_whyNotInteractive.isEmpty() ? QStringLiteral("standard input is not one") : s_whyNotInteractive;
}

QString seconds(qint64 milliseconds)
{
    return milliseconds % 1000 == 0 ? QString::number(milliseconds / 1000)
                                    : QString::number(double(milliseconds) / 1000.0, 'f', 1);
}

KubeCredentials failure(const QString &message)
{
    KubeCredentials credentials;
    credentials.error = message;
    credentials.fromExecPlugin = true;
    return credentials;
}

} // namespace

ExecCredentialPlugin::ExecCredentialPlugin(KubeExecConfig config, KubeCluster cluster, QString userName)
    : m_config(std::move(config)), m_cluster(std::move(cluster)), m_userName(std::move(userName))
{ }

void ExecCredentialPlugin::setStdinIsInteractive(bool interactive, const QString &whyNot)
{
    QMutexLocker lock(&s_whyNotMutex);
    s_whyNotInteractive = whyNot;
    s_stdinInteractive = interactive ? 1 : 0;
}

void ExecCredentialPlugin::setTimeouts(std::chrono::milliseconds timeout, std::chrono::milliseconds interactiveTimeout)
{
    s_timeoutMs = timeout.count();
    s_interactiveTimeoutMs = interactiveTimeout.count();
}

QStringList ExecCredentialPlugin::loginShellPath()
{
    static QMutex mutex;
    static bool done = false;
    static QStringList path;
    QMutexLocker lock(&mutex);
    if (done)
        return path;
    done = true;
    QString shell = qEnvironmentVariable("SHELL");
    if (shell.isEmpty())
        shell = QStringLiteral("/bin/sh");
    QProcess process;
    // -i would read rc files that print; a login shell is what menus lack.
    process.start(shell, { QStringLiteral("-l"), QStringLiteral("-c"), QStringLiteral("printf '%s' \"$PATH\"") });
    process.closeWriteChannel();
    if (process.waitForFinished(5000) && process.exitCode() == 0)
        path = QString::fromLocal8Bit(process.readAllStandardOutput())
                   .trimmed()
                   .split(QLatin1Char(':'), Qt::SkipEmptyParts);
    else
        process.kill();
    // Common places for plugins even when the login shell does not say.
    for (const QString &extra : QStringList { QDir::homePath() + QStringLiteral("/.local/bin"),
             QStringLiteral("/usr/local/bin"), QStringLiteral("/opt/homebrew/bin"), QStringLiteral("/snap/bin") }) {
        if (!path.contains(extra))
            path.append(extra);
    }
    return path;
}

QString ExecCredentialPlugin::findExecutable(const QString &command, QStringList *searchedPath)
{
    if (command.contains(QLatin1Char('/')))
        return QFileInfo(command).isExecutable() ? command : QString();
    const QString found = QStandardPaths::findExecutable(command);
    if (!found.isEmpty())
        return found;
    const QStringList fallback = loginShellPath();
    if (searchedPath)
        *searchedPath = fallback;
    return QStandardPaths::findExecutable(command, fallback);
}

KubeCredentials ExecCredentialPlugin::run() const
{
    const QString v1 = QStringLiteral("client.authentication.k8s.io/v1");
    const QString v1beta1 = QStringLiteral("client.authentication.k8s.io/v1beta1");
    if (m_config.apiVersion != v1 && m_config.apiVersion != v1beta1)
        return failure(QStringLiteral("exec plugin of user \"%1\": unsupported apiVersion \"%2\" (use %3 or %4)")
                .arg(m_userName, m_config.apiVersion, v1, v1beta1));
    auto mode = m_config.interactiveMode;
    if (!mode) {
        if (m_config.apiVersion == v1)
            return failure(QStringLiteral("interactiveMode must be specified for %1 to use exec authentication plugin")
                    .arg(m_userName));
        mode = KubeExecConfig::InteractiveMode::IfAvailable;
    }
    const bool canInteract = stdinIsInteractive();
    if (*mode == KubeExecConfig::InteractiveMode::Always && !canInteract)
        return failure(QStringLiteral("exec plugin of user \"%1\" needs a terminal (interactiveMode: Always) and %2")
                .arg(m_userName, whyNotInteractive()));
    const bool interactive = *mode != KubeExecConfig::InteractiveMode::Never && canInteract;

    QStringList loginPath;
    const QString program = findExecutable(m_config.command, &loginPath);
    if (program.isEmpty()) {
        // client-go's words; CredentialSource adds the installHint.
        return failure(QStringLiteral("exec: executable %1 not found\n\nIt looks like you are trying to use a "
                                      "client-go credential plugin that is not installed.")
                .arg(m_config.command));
    }

    QJsonObject spec { { QStringLiteral("interactive"), interactive } };
    if (m_config.provideClusterInfo) {
        QJsonObject cluster { { QStringLiteral("server"), m_cluster.server } };
        if (!m_cluster.tlsServerName.isEmpty())
            cluster.insert(QStringLiteral("tls-server-name"), m_cluster.tlsServerName);
        if (m_cluster.insecureSkipTlsVerify)
            cluster.insert(QStringLiteral("insecure-skip-tls-verify"), true);
        QByteArray ca = m_cluster.certificateAuthorityData;
        if (ca.isEmpty() && !m_cluster.certificateAuthority.isEmpty()) {
            QFile file(m_cluster.certificateAuthority);
            if (file.open(QIODevice::ReadOnly))
                ca = file.readAll();
        }
        if (!ca.isEmpty())
            cluster.insert(QStringLiteral("certificate-authority-data"), QString::fromLatin1(ca.toBase64()));
        if (!m_cluster.proxyUrl.isEmpty())
            cluster.insert(QStringLiteral("proxy-url"), m_cluster.proxyUrl);
        if (m_cluster.disableCompression)
            cluster.insert(QStringLiteral("disable-compression"), true);
        if (!m_cluster.execExtension.isUndefined() && !m_cluster.execExtension.isNull())
            cluster.insert(QStringLiteral("config"), m_cluster.execExtension);
        spec.insert(QStringLiteral("cluster"), cluster);
    }
    const QJsonObject info { { QStringLiteral("kind"), QStringLiteral("ExecCredential") },
        { QStringLiteral("apiVersion"), m_config.apiVersion }, { QStringLiteral("spec"), spec } };

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!loginPath.isEmpty()) {
        // Found only through the login shell: the plugin likely needs that PATH too.
        environment.insert(QStringLiteral("PATH"),
            (environment.value(QStringLiteral("PATH")).split(QLatin1Char(':'), Qt::SkipEmptyParts) + loginPath)
                .join(QLatin1Char(':')));
    }
    for (const auto &[name, value] : m_config.env)
        environment.insert(name, value);
    environment.insert(
        QStringLiteral("KUBERNETES_EXEC_INFO"), QString::fromUtf8(QJsonDocument(info).toJson(QJsonDocument::Compact)));

    QProcess process;
    process.setProcessEnvironment(environment);
    if (interactive) {
        process.setInputChannelMode(QProcess::ForwardedInputChannel);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    }
    process.start(program, m_config.args);
    if (!interactive)
        process.closeWriteChannel();
    // Even a person typing a password gets a bound: the thread waiting here
    // is one of a few, and a plugin nobody answers would hold it for good.
    const qint64 timeout = interactive ? s_interactiveTimeoutMs.load() : s_timeoutMs.load();
    if (!process.waitForFinished(int(std::min<qint64>(timeout, std::numeric_limits<int>::max())))) {
        const bool started = process.state() != QProcess::NotRunning;
        process.kill();
        process.waitForFinished(1000);
        if (!started)
            return failure(QStringLiteral("exec plugin %1 of user \"%2\" could not be started: %3")
                    .arg(m_config.command, m_userName, process.errorString()));
        return failure(interactive
                ? QStringLiteral("exec plugin %1 of user \"%2\" did not finish within %3 s, waiting for an answer "
                                 "on the terminal; it was stopped")
                      .arg(m_config.command, m_userName, seconds(timeout))
                : QStringLiteral("exec plugin %1 of user \"%2\" did not finish within %3 s; it was stopped")
                      .arg(m_config.command, m_userName, seconds(timeout)));
    }
    const QByteArray output = process.readAllStandardOutput();
    const QString stderrText = QString::fromLocal8Bit(process.readAllStandardError()).trimmed().right(500);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        QString message = QStringLiteral("exec plugin %1 of user \"%2\" failed with exit code %3")
                              .arg(m_config.command, m_userName)
                              .arg(process.exitCode());
        if (!stderrText.isEmpty())
            message += QStringLiteral(": ") + stderrText;
        return failure(message);
    }

    QJsonParseError parseError;
    const QJsonObject credential = QJsonDocument::fromJson(output, &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        return failure(QStringLiteral("exec plugin %1 printed something that is not JSON: %2")
                .arg(m_config.command, parseError.errorString()));
    const QString returnedVersion = credential.value(QLatin1String("apiVersion")).toString();
    if (returnedVersion != m_config.apiVersion)
        return failure(QStringLiteral("exec plugin is configured to use API version %1, plugin returned version %2")
                .arg(m_config.apiVersion, returnedVersion));
    if (credential.value(QLatin1String("kind")).toString() != QLatin1String("ExecCredential"))
        return failure(QStringLiteral("exec plugin %1 returned a %2, not an ExecCredential")
                .arg(m_config.command, credential.value(QLatin1String("kind")).toString()));
    if (!credential.value(QLatin1String("status")).isObject())
        return failure(QStringLiteral("exec plugin didn't return a status field"));
    const QJsonObject status = credential.value(QLatin1String("status")).toObject();

    KubeCredentials credentials;
    credentials.fromExecPlugin = true;
    credentials.bearerToken = status.value(QLatin1String("token")).toString().toUtf8();
    credentials.clientCertificatePem = status.value(QLatin1String("clientCertificateData")).toString().toUtf8();
    credentials.clientKeyPem = status.value(QLatin1String("clientKeyData")).toString().toUtf8();
    if (credentials.bearerToken.isEmpty() &&
        (credentials.clientCertificatePem.isEmpty() || credentials.clientKeyPem.isEmpty()))
        return failure(QStringLiteral("exec plugin didn't return a token or cert/key pair"));
    if (credentials.clientCertificatePem.isEmpty() != credentials.clientKeyPem.isEmpty())
        return failure(QStringLiteral("exec plugin returned only one of clientCertificateData and clientKeyData"));
    const QString expiry = status.value(QLatin1String("expirationTimestamp")).toString();
    if (!expiry.isEmpty()) {
        credentials.expiry = QDateTime::fromString(expiry, Qt::ISODateWithMs);
        if (!credentials.expiry.isValid())
            return failure(QStringLiteral("exec plugin returned an unreadable expirationTimestamp \"%1\"").arg(expiry));
    }
    return credentials;
}

} // namespace Shipyard
