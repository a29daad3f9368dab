// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "build/CommandRunner.h"
#include "build/ImageBuildResult.h"
#include "model/Ecosystem.h"

#include <QJsonObject>
#include <QObject>
#include <QProcessEnvironment>

#include <optional>

namespace Shipyard {

// Turns a system's checkout into an image in the registry: the system's build
// command, then `buildah bud`, then `buildah push`, one after the other and
// without blocking. The image is tagged REGISTRY/IMAGE:COMMIT, so a commit
// always names the same image.
//
// buildah runs daemonless with the vfs storage driver and chroot isolation,
// which work without a container engine and inside the development root.
// It pushes with a credentials file of its own (0600, removed after the
// push); to a registry that may be plain http that file is empty unless the
// settings say sendCredentialsOverHttp, so no login reaches it unencrypted.
class ImageBuilder : public QObject
{
    Q_OBJECT
public:
    enum class Step { Idle, Build, Image, Push, Cleanup };
    Q_ENUM(Step)

    explicit ImageBuilder(const RegistrySettings &registry, QObject *parent = nullptr);
    ~ImageBuilder() override;

    // Where buildah keeps images and layers; default under the user's cache
    // (~/.cache/shipyard/buildah).
    void setStorageDirectory(const QString &directory) { m_storageDirectory = directory; }
    QString storageDirectory() const { return m_storageDirectory; }
    static QString defaultStorageDirectory();
    void setBuildah(const QString &program) { m_buildah = program; }
    // For buildah; the registry's credentials are read from it too.
    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    // For what the branch brings: the build command and `buildah bud`, which
    // runs its Dockerfile. Default: the environment above without the
    // registry's credentials and secrets (CommandEnvironment).
    void setCommandEnvironment(const QProcessEnvironment &environment) { m_commandEnvironment = environment; }
    // Further values to mask in the log and the result.
    void addSecrets(const SecretMasker &masker) { m_runner.addSecrets(masker); }
    // Per step; default 30 minutes.
    void setStepTimeout(std::chrono::milliseconds timeout) { m_stepTimeout = timeout; }
    // vfs copies every layer: without this the storage grows with every build.
    void setRemoveAfterPush(bool remove) { m_removeAfterPush = remove; }

    // The image a commit of SYSTEM becomes.
    QString imageFor(const System &system, const QString &commit) const;

    // SOURCEDIRECTORY is the system's checkout at COMMIT. Ignored while busy.
    void start(const System &system, const QString &sourceDirectory, const QString &commit);
    // Kills the running step's process group; finished follows (Cancelled).
    void cancel();
    bool isRunning() const { return m_step != Step::Idle; }
    Step step() const { return m_step; }

Q_SIGNALS:
    void stepStarted(Shipyard::ImageBuilder::Step step, const QString &command);
    void logLine(const QString &line);
    void finished(const Shipyard::ImageBuildResult &result);

private:
    void runStep(Step step);
    void stepFinished(const CommandResult &result);
    QStringList buildahGlobalArguments() const;
    QProcessEnvironment commandEnvironment() const;
    bool writeAuthFile(QString *error);
    bool writePrivateAuthFile(const QJsonObject &auths, QString *error);
    void removeAuthFile();
    void finish(ImageBuildResult::Outcome outcome, const QString &errorText, const QStringList &lastLines = {});

    RegistrySettings m_registry;
    QString m_storageDirectory;
    QString m_buildah = QStringLiteral("buildah");
    QProcessEnvironment m_environment;
    std::optional<QProcessEnvironment> m_commandEnvironment;
    std::chrono::milliseconds m_stepTimeout { 30 * 60 * 1000 };
    bool m_removeAfterPush = true;

    CommandRunner m_runner;
    Step m_step = Step::Idle;
    bool m_cancelled = false;
    System m_system;
    QString m_sourceDirectory;
    QString m_authFile;
    QString m_digestFile;
    ImageBuildResult m_result;
};

} // namespace Shipyard
