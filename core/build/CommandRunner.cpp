// SPDX-License-Identifier: GPL-2.0-or-later
#include "build/CommandRunner.h"

#include <QEventLoop>

#include <signal.h>
#include <unistd.h>

namespace Shipyard {

namespace {

// A line without end (a progress bar, a binary blob) must not grow forever.
constexpr qsizetype maximumLineLength = 64 * 1024;

// The start of the UTF-8 character at or before POSITION.
qsizetype characterStart(const QByteArray &text, qsizetype position)
{
    while (position > 0 && position < text.size() && (uchar(text.at(position)) & 0xC0) == 0x80)
        --position;
    return position;
}

QString quoted(const QString &argument)
{
    static const QString plain =
        QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=@%+,");
    bool needsQuotes = argument.isEmpty();
    for (const QChar c : argument)
        needsQuotes = needsQuotes || !plain.contains(c);
    if (!needsQuotes)
        return argument;
    QString escaped = argument;
    escaped.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QString seconds(std::chrono::milliseconds duration)
{
    return QString::number(double(duration.count()) / 1000.0, 'g', 3) + QStringLiteral(" s");
}

} // namespace

CommandRunner::CommandRunner(QObject *parent)
    : QObject(parent), m_environment(QProcessEnvironment::systemEnvironment()), m_masker(m_environment)
{
    qRegisterMetaType<Shipyard::CommandResult>();
    m_timeoutTimer.setSingleShot(true);
    m_killTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, [this] { terminateGroup(CommandResult::Outcome::TimedOut); });
    connect(&m_killTimer, &QTimer::timeout, this, [this] {
        if (m_processGroup > 0)
            ::kill(pid_t(-m_processGroup), SIGKILL);
    });
}

CommandRunner::~CommandRunner()
{
    if (m_process) {
        m_process->disconnect(this);
        if (m_processGroup > 0)
            ::kill(pid_t(-m_processGroup), SIGKILL);
        m_process->waitForFinished(5000);
        delete m_process;
    }
}

void CommandRunner::setEnvironment(const QProcessEnvironment &environment)
{
    m_environment = environment;
    m_masker.addSecrets(SecretMasker(environment));
}

void CommandRunner::startShell(const QString &command)
{
    launch(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), command }, command);
}

void CommandRunner::start(const QString &program, const QStringList &arguments)
{
    QStringList shown { quoted(program) };
    for (const QString &argument : arguments)
        shown.append(quoted(argument));
    launch(program, arguments, shown.join(QLatin1Char(' ')));
}

void CommandRunner::launch(const QString &program, const QStringList &arguments, const QString &shownCommand)
{
    if (m_process)
        return;
    m_shownCommand = m_masker.mask(shownCommand);
    m_partial[0].clear();
    m_partial[1].clear();
    m_lastLines.clear();
    m_stopping = false;
    m_processGroup = 0;

    m_process = new QProcess(this);
    m_process->setProgram(program);
    m_process->setArguments(arguments);
    m_process->setProcessEnvironment(m_environment);
    if (!m_workingDirectory.isEmpty())
        m_process->setWorkingDirectory(m_workingDirectory);
    m_process->setStandardInputFile(QProcess::nullDevice());
    // Its own session and process group: cancelling kills the whole tree, and
    // the command cannot read the terminal Shipyard was started from.
    m_process->setChildProcessModifier([] { ::setsid(); });

    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] { readChannel(Channel::Output); });
    connect(m_process, &QProcess::readyReadStandardError, this, [this] { readChannel(Channel::Error); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finish(CommandResult::Outcome::FailedToStart, -1, m_process->errorString());
    });
    connect(m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        readChannel(Channel::Output);
        readChannel(Channel::Error);
        flushPartialLines();
        if (m_stopping)
            finish(m_stopReason, exitCode, {});
        else if (status == QProcess::CrashExit)
            finish(CommandResult::Outcome::Crashed, exitCode, {});
        else
            finish(exitCode == 0 ? CommandResult::Outcome::Succeeded : CommandResult::Outcome::Failed, exitCode, {});
    });

    m_clock.start();
    Q_EMIT started(m_shownCommand);
    m_process->start();
    if (!m_process)
        return; // failed to start: finish() has run already
    m_processGroup = m_process->processId();
    if (m_timeout.count() > 0)
        m_timeoutTimer.start(m_timeout);
}

void CommandRunner::cancel()
{
    terminateGroup(CommandResult::Outcome::Cancelled);
}

void CommandRunner::terminateGroup(CommandResult::Outcome reason)
{
    if (!m_process || m_stopping || m_processGroup <= 0)
        return;
    m_stopping = true;
    m_stopReason = reason;
    m_timeoutTimer.stop();
    ::kill(pid_t(-m_processGroup), SIGTERM);
    m_killTimer.start(m_gracePeriod);
}

void CommandRunner::readChannel(Channel channel)
{
    if (!m_process)
        return;
    const int index = channel == Channel::Output ? 0 : 1;
    m_process->setReadChannel(channel == Channel::Output ? QProcess::StandardOutput : QProcess::StandardError);
    QByteArray &partial = m_partial[index];
    partial += m_process->readAll();
    qsizetype start = 0;
    for (;;) {
        const qsizetype end = partial.indexOf('\n', start);
        if (end < 0)
            break;
        qsizetype length = end - start;
        if (length > 0 && partial.at(end - 1) == '\r')
            --length;
        emitLine(QString::fromUtf8(partial.constData() + start, length), channel);
        start = end + 1;
    }
    partial.remove(0, start);
    while (partial.size() > maximumLineLength) {
        // Each piece is masked on its own: it must hold every secret it
        // touches whole.
        qsizetype cut = m_masker.splitPoint(partial, maximumLineLength);
        if (cut == 0) {
            // The rest of a secret may be on its way.
            if (partial.size() < maximumLineLength + m_masker.longestSecret())
                break;
            // Only a run of secrets overlapping one another (a repeated
            // pattern such as "aaaa…") leaves no clean place: the line must
            // still be cut, and each piece is nearly all masks anyway.
            cut = characterStart(partial, maximumLineLength);
        }
        emitLine(QString::fromUtf8(partial.constData(), cut), channel);
        partial.remove(0, cut);
    }
}

void CommandRunner::flushPartialLines()
{
    for (int index = 0; index < 2; ++index) {
        if (!m_partial[index].isEmpty())
            emitLine(QString::fromUtf8(m_partial[index]), index == 0 ? Channel::Output : Channel::Error);
        m_partial[index].clear();
    }
}

void CommandRunner::emitLine(const QString &line, Channel channel)
{
    const QString masked = m_masker.mask(line);
    m_lastLines.push_back(masked);
    while (m_lastLines.size() > size_t(qMax(0, m_keptLines)))
        m_lastLines.pop_front();
    Q_EMIT lineReceived(masked, channel);
}

void CommandRunner::finish(CommandResult::Outcome outcome, int exitCode, const QString &errorText)
{
    m_timeoutTimer.stop();
    m_killTimer.stop();
    CommandResult result;
    result.outcome = outcome;
    result.exitCode = exitCode;
    result.command = m_shownCommand;
    result.duration = std::chrono::milliseconds(m_clock.elapsed());
    result.lastLines.assign(m_lastLines.begin(), m_lastLines.end());
    switch (outcome) {
    case CommandResult::Outcome::Succeeded:
        break;
    case CommandResult::Outcome::Failed:
        result.errorText = tr("“%1” exited with status %2").arg(m_shownCommand).arg(exitCode);
        break;
    case CommandResult::Outcome::Crashed:
        result.errorText = tr("“%1” was killed by signal %2").arg(m_shownCommand).arg(exitCode);
        break;
    case CommandResult::Outcome::TimedOut:
        result.errorText = tr("“%1” timed out after %2").arg(m_shownCommand, seconds(m_timeout));
        break;
    case CommandResult::Outcome::Cancelled:
        result.errorText = tr("“%1” was cancelled").arg(m_shownCommand);
        break;
    case CommandResult::Outcome::FailedToStart:
        result.errorText = tr("“%1” could not be started: %2").arg(m_shownCommand, m_masker.mask(errorText));
        break;
    }

    // Detach first: a slot connected to finished may start the next command.
    QProcess *process = m_process;
    m_process = nullptr;
    m_processGroup = 0;
    process->disconnect(this);
    process->deleteLater();
    Q_EMIT finished(result);
}

CommandResult CommandRunner::runToEnd(const QString &command, const QString &directory,
    const QProcessEnvironment &environment, const SecretMasker &masker, const std::function<void(const QString &)> &log,
    const std::atomic_bool *cancel)
{
    CommandRunner runner;
    runner.setWorkingDirectory(directory);
    runner.setEnvironment(environment);
    runner.addSecrets(masker);
    CommandResult result;
    QEventLoop loop;
    QObject::connect(&runner, &CommandRunner::lineReceived, &runner,
        [&](const QString &line, CommandRunner::Channel) { log(line); });
    QObject::connect(&runner, &CommandRunner::finished, &loop, [&](const CommandResult &finished) {
        result = finished;
        loop.quit();
    });
    QTimer watch;
    if (cancel) {
        QObject::connect(&watch, &QTimer::timeout, &runner, [&] {
            if (*cancel)
                runner.cancel();
        });
        watch.start(100);
    }
    log(QStringLiteral("$ ") + runner.mask(command));
    runner.startShell(command);
    if (runner.isRunning())
        loop.exec();
    return result;
}

} // namespace Shipyard
