// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "build/CommandResult.h"
#include "support/SecretMasker.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <deque>
#include <functional>

namespace Shipyard {

// Runs one command (a system's build, test or smoke command, or a tool such as
// buildah) without blocking: output arrives line by line through lineReceived,
// the end through finished. The command runs in its own process group, so
// that cancelling or timing out also ends whatever it started (compilers,
// test servers, buildah's helpers).
//
// The values of the secrets it knows (see SecretMasker: this process's
// environment's, the command's environment's, and those added) are masked in
// every line, in the command shown in the log and in the result. A line too
// long to keep whole is cut in pieces, never through a secret.
class CommandRunner : public QObject
{
    Q_OBJECT
public:
    enum class Channel { Output, Error };
    Q_ENUM(Channel)

    explicit CommandRunner(QObject *parent = nullptr);
    ~CommandRunner() override;

    void setWorkingDirectory(const QString &directory) { m_workingDirectory = directory; }
    QString workingDirectory() const { return m_workingDirectory; }
    // Default: the environment of this process. Its secrets are masked too,
    // beside those already known: a scrubbed environment (CommandEnvironment)
    // forgets none of them.
    void setEnvironment(const QProcessEnvironment &environment);
    QProcessEnvironment environment() const { return m_environment; }
    // 0 means no limit.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    // How long a cancelled command has between SIGTERM and SIGKILL.
    void setGracePeriod(std::chrono::milliseconds period) { m_gracePeriod = period; }
    // How many output lines the result keeps for the error report.
    void setKeptLines(int count) { m_keptLines = count; }
    // Further values to hide, beyond those found in the environment.
    void addSecret(const QString &value) { m_masker.addSecret(value); }
    void addSecrets(const SecretMasker &masker) { m_masker.addSecrets(masker); }

    // Runs COMMAND with /bin/sh -c. Ignored while a command is running.
    void startShell(const QString &command);
    // Runs COMMAND through the shell to its end in the calling thread (which
    // needs no event loop of its own), each line masked by MASKER (beside the
    // environments' secrets) to LOG, the masked command first; CANCEL, when
    // given, is looked at ten times a second.
    static CommandResult runToEnd(const QString &command, const QString &directory,
        const QProcessEnvironment &environment, const SecretMasker &masker,
        const std::function<void(const QString &)> &log, const std::atomic_bool *cancel = nullptr);
    // Runs PROGRAM with ARGUMENTS, no shell involved.
    void start(const QString &program, const QStringList &arguments);
    // Ends the running command (SIGTERM to its group, SIGKILL after the grace
    // period); finished follows with Outcome::Cancelled.
    void cancel();
    bool isRunning() const { return m_process != nullptr; }

    QString mask(const QString &text) const { return m_masker.mask(text); }

Q_SIGNALS:
    void started(const QString &command);
    void lineReceived(const QString &line, Shipyard::CommandRunner::Channel channel);
    void finished(const Shipyard::CommandResult &result);

private:
    void launch(const QString &program, const QStringList &arguments, const QString &shownCommand);
    void readChannel(Channel channel);
    void emitLine(const QString &line, Channel channel);
    void flushPartialLines();
    void terminateGroup(CommandResult::Outcome reason);
    void finish(CommandResult::Outcome outcome, int exitCode, const QString &errorText);

    QString m_workingDirectory;
    QProcessEnvironment m_environment;
    SecretMasker m_masker;
    std::chrono::milliseconds m_timeout { 0 };
    std::chrono::milliseconds m_gracePeriod { 3000 };
    int m_keptLines = 40;

    QProcess *m_process = nullptr;
    qint64 m_processGroup = 0;
    QString m_shownCommand;
    QByteArray m_partial[2];
    std::deque<QString> m_lastLines;
    QElapsedTimer m_clock;
    QTimer m_timeoutTimer;
    QTimer m_killTimer;
    CommandResult::Outcome m_stopReason = CommandResult::Outcome::Failed;
    bool m_stopping = false;
};

} // namespace Shipyard
