// SPDX-License-Identifier: GPL-2.0-or-later
#include "build/ImageBuilder.h"

#include "build/CommandEnvironment.h"
#include "build/RegistryClient.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QUuid>

namespace Shipyard {

ImageBuilder::ImageBuilder(const RegistrySettings &registry, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_storageDirectory(defaultStorageDirectory())
    , m_environment(QProcessEnvironment::systemEnvironment())
{
    qRegisterMetaType<Shipyard::ImageBuildResult>();
    connect(&m_runner, &CommandRunner::lineReceived, this, [this](const QString &line) { Q_EMIT logLine(line); });
    connect(&m_runner, &CommandRunner::started, this,
        [this](const QString &command) { Q_EMIT stepStarted(m_step, command); });
    connect(&m_runner, &CommandRunner::finished, this, &ImageBuilder::stepFinished);
}

ImageBuilder::~ImageBuilder()
{
    removeAuthFile();
}

QString ImageBuilder::defaultStorageDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QLatin1String("/shipyard/buildah");
}

QString ImageBuilder::imageFor(const System &system, const QString &commit) const
{
    // Without a registry the image keeps its bare name: "/demo/catalog" names nothing.
    const QString prefix = RegistryClient(m_registry, QProcessEnvironment()).imagePrefix();
    return (prefix.isEmpty() ? QString() : prefix + QLatin1Char('/')) + system.image + QLatin1Char(':') + commit;
}

QStringList ImageBuilder::buildahGlobalArguments() const
{
    return { QStringLiteral("--storage-driver"), QStringLiteral("vfs"), QStringLiteral("--root"),
        m_storageDirectory + QLatin1String("/storage"), QStringLiteral("--runroot"),
        m_storageDirectory + QLatin1String("/run") };
}

void ImageBuilder::start(const System &system, const QString &sourceDirectory, const QString &commit)
{
    if (isRunning())
        return;
    m_system = system;
    m_sourceDirectory = QDir(sourceDirectory).absolutePath();
    m_cancelled = false;
    m_result = ImageBuildResult();
    m_result.system = system.name;
    m_result.image = imageFor(system, commit);

    QString repository;
    QString reference;
    if (system.image.isEmpty() || !RegistryClient::splitImage(m_result.image, &repository, &reference) ||
        reference != commit) {
        m_step = Step::Build; // so that finish() reports
        finish(ImageBuildResult::Outcome::Failed,
            tr("%1: “%2” is not a valid image name").arg(system.name, m_result.image));
        return;
    }
    if (!QDir().mkpath(m_storageDirectory)) {
        m_step = Step::Build;
        finish(ImageBuildResult::Outcome::Failed,
            tr("%1: cannot create the image storage %2").arg(system.name, m_storageDirectory));
        return;
    }
    // Every secret of the full environment is masked, whichever a step runs in.
    m_runner.setEnvironment(m_environment);
    m_runner.setTimeout(m_stepTimeout);
    m_runner.setWorkingDirectory(m_sourceDirectory);
    runStep(system.buildCommand.trimmed().isEmpty() ? Step::Image : Step::Build);
}

void ImageBuilder::cancel()
{
    if (!isRunning())
        return;
    m_cancelled = true;
    m_runner.cancel();
}

void ImageBuilder::runStep(Step step)
{
    m_step = step;
    const QDir source(m_sourceDirectory);
    // The build command and the Dockerfile are the branch's code; pushing
    // and cleaning up are buildah's own.
    m_runner.setEnvironment(step == Step::Build || step == Step::Image ? commandEnvironment() : m_environment);
    switch (step) {
    case Step::Idle:
        break;
    case Step::Build:
        m_runner.startShell(m_system.buildCommand);
        break;
    case Step::Image:
        m_runner.start(m_buildah,
            buildahGlobalArguments() +
                QStringList { QStringLiteral("bud"), QStringLiteral("--isolation"), QStringLiteral("chroot"),
                    QStringLiteral("--network"), QStringLiteral("host"), QStringLiteral("-f"),
                    source.absoluteFilePath(m_system.dockerfile), QStringLiteral("-t"), m_result.image,
                    source.absoluteFilePath(m_system.buildContext) });
        break;
    case Step::Push: {
        QStringList arguments = buildahGlobalArguments() + QStringList { QStringLiteral("push") };
        if (m_registry.insecure)
            arguments.append(QStringLiteral("--tls-verify=false"));
        QString error;
        if (!writeAuthFile(&error)) {
            finish(ImageBuildResult::Outcome::Failed, tr("%1: %2").arg(m_system.name, error));
            return;
        }
        if (!m_authFile.isEmpty())
            arguments += { QStringLiteral("--authfile"), m_authFile };
        m_digestFile =
            m_storageDirectory + QLatin1String("/digest-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        arguments += { QStringLiteral("--digestfile"), m_digestFile, m_result.image,
            QLatin1String("docker://") + m_result.image };
        m_runner.start(m_buildah, arguments);
        break;
    }
    case Step::Cleanup:
        m_runner.start(m_buildah, buildahGlobalArguments() + QStringList { QStringLiteral("rmi"), m_result.image });
        break;
    }
}

void ImageBuilder::stepFinished(const CommandResult &result)
{
    switch (m_step) {
    case Step::Build:
        m_result.buildDuration = result.duration;
        break;
    case Step::Image:
        m_result.imageDuration = result.duration;
        break;
    case Step::Push:
        m_result.pushDuration = result.duration;
        removeAuthFile();
        if (QFile digest(m_digestFile); digest.open(QIODevice::ReadOnly))
            m_result.digest = QString::fromLatin1(digest.readAll().trimmed());
        QFile::remove(m_digestFile);
        break;
    case Step::Idle:
    case Step::Cleanup:
        break;
    }
    if (m_cancelled) {
        finish(ImageBuildResult::Outcome::Cancelled, tr("%1: cancelled").arg(m_system.name));
        return;
    }
    if (m_step == Step::Cleanup) {
        // The image is in the registry; a local copy left behind is no failure.
        if (!result.succeeded())
            Q_EMIT logLine(tr("warning: %1").arg(result.errorText));
        finish(ImageBuildResult::Outcome::Succeeded, {});
        return;
    }
    if (!result.succeeded()) {
        static const char *const what[] = { "", "the build command failed", "building the image failed",
            "pushing the image failed", "" };
        // What the branch brings runs in the build command and the Dockerfile;
        // the push is the registry's business.
        if (m_step == Step::Build || m_step == Step::Image)
            m_result.fault = result.fault();
        finish(ImageBuildResult::Outcome::Failed,
            tr("%1: %2: %3").arg(m_system.name, tr(what[int(m_step)]), result.errorText), result.lastLines);
        return;
    }
    switch (m_step) {
    case Step::Build:
        runStep(Step::Image);
        break;
    case Step::Image:
        runStep(Step::Push);
        break;
    case Step::Push:
        if (m_removeAfterPush)
            runStep(Step::Cleanup);
        else
            finish(ImageBuildResult::Outcome::Succeeded, {});
        break;
    case Step::Idle:
    case Step::Cleanup:
        break;
    }
}

QProcessEnvironment ImageBuilder::commandEnvironment() const
{
    if (m_commandEnvironment)
        return *m_commandEnvironment;
    return CommandEnvironment::scrubbed(
        m_environment, { m_registry.usernameEnvironmentVariable, m_registry.passwordEnvironmentVariable })
        .environment();
}

bool ImageBuilder::writeAuthFile(QString *error)
{
    m_authFile.clear();
    const QString registry =
        RegistryClient(m_registry, QProcessEnvironment()).imagePrefix().section(QLatin1Char('/'), 0, 0);
    if (!m_registry.sendsCredentials()) {
        if (m_registry.hasCredentials()) {
            *error = tr("the registry %1 may be reached over plain http (%2), so its credentials are not sent; use "
                        "https, or set registry.sendCredentialsOverHttp: true to send them anyway")
                         .arg(registry, m_registry.insecure ? tr("insecure: true") : tr("an http:// url"));
            return false;
        }
        // An empty credentials file, so that buildah does not send a login of
        // its own either (podman login, REGISTRY_AUTH_FILE, ~/.docker/config.json).
        return writePrivateAuthFile(QJsonObject { { QStringLiteral("auths"), QJsonObject() } }, error);
    }
    const QString usernameVariable = m_registry.usernameEnvironmentVariable;
    const QString passwordVariable = m_registry.passwordEnvironmentVariable;
    if (usernameVariable.isEmpty() || passwordVariable.isEmpty())
        return true;
    const QString username = m_environment.value(usernameVariable);
    const QString password = m_environment.value(passwordVariable);
    if (username.isEmpty() || password.isEmpty()) {
        *error = tr("the registry credentials are not set (%1, %2)").arg(usernameVariable, passwordVariable);
        return false;
    }
    // A file rather than --creds: arguments are visible to every user in ps.
    const QJsonObject auths { { QStringLiteral("auths"),
        QJsonObject { { registry,
            QJsonObject { { QStringLiteral("auth"),
                QString::fromLatin1((username + QLatin1Char(':') + password).toUtf8().toBase64()) } } } } } };
    return writePrivateAuthFile(auths, error);
}

bool ImageBuilder::writePrivateAuthFile(const QJsonObject &auths, QString *error)
{
    m_authFile = m_storageDirectory + QLatin1String("/auth-") + QUuid::createUuid().toString(QUuid::WithoutBraces) +
        QLatin1String(".json");
    QFile file(m_authFile);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner) ||
        file.write(QJsonDocument(auths).toJson(QJsonDocument::Compact)) < 0) {
        *error = tr("cannot write the registry credentials to %1: %2").arg(m_authFile, file.errorString());
        file.remove();
        m_authFile.clear();
        return false;
    }
    return true;
}

void ImageBuilder::removeAuthFile()
{
    if (!m_authFile.isEmpty())
        QFile::remove(m_authFile);
    m_authFile.clear();
}

void ImageBuilder::finish(ImageBuildResult::Outcome outcome, const QString &errorText, const QStringList &lastLines)
{
    removeAuthFile();
    m_step = Step::Idle;
    m_result.outcome = outcome;
    m_result.errorText = m_runner.mask(errorText);
    m_result.lastLines = lastLines;
    if (outcome != ImageBuildResult::Outcome::Succeeded)
        m_result.digest.clear();
    Q_EMIT finished(m_result);
}

} // namespace Shipyard
