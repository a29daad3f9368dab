// SPDX-License-Identifier: GPL-2.0-or-later
#include "git/CredentialHelper.h"
#include "git/GitHandles.h"

#include <QProcess>

namespace Shipyard {

using namespace GitHandles;

CredentialHelper::CredentialHelper(const QStringList &helpers) : m_helpers(helpers)
{ }

QStringList CredentialHelper::configuredHelpers(const QString &repositoryPath, const QUrl &url)
{
    ensureInitialized();
    git_config *raw = nullptr;
    RepositoryPtr repository;
    if (!repositoryPath.isEmpty()) {
        git_repository *rawRepository = nullptr;
        if (git_repository_open(&rawRepository, repositoryPath.toUtf8().constData()) == 0)
            repository.reset(rawRepository);
    }
    const int error =
        repository ? git_repository_config_snapshot(&raw, repository.get()) : git_config_open_default(&raw);
    if (error != 0)
        return {};
    ConfigPtr config(raw);

    QStringList helpers;
    auto collect = [&](const QString &name) {
        git_config_iterator *iterator = nullptr;
        if (git_config_multivar_iterator_new(&iterator, config.get(), name.toUtf8().constData(), nullptr) != 0)
            return;
        git_config_entry *entry = nullptr;
        while (git_config_next(&entry, iterator) == 0) {
            const QString value = toQString(entry->value);
            // An empty value resets the list, as in git.
            if (value.isEmpty())
                helpers.clear();
            else
                helpers.append(value);
        }
        git_config_iterator_free(iterator);
    };
    collect(QStringLiteral("credential.helper"));
    // credential.<url>.helper for the scheme+host prefix; git matches more
    // forms, this one covers what people write.
    const QString prefix = url.scheme() % QStringLiteral("://") % url.host() %
        (url.port() > 0 ? QStringLiteral(":%1").arg(url.port()) : QString());
    collect(QStringLiteral("credential.") % prefix % QStringLiteral(".helper"));
    return helpers;
}

std::optional<CredentialHelper::Credential> CredentialHelper::fill(const QUrl &url, const QString &username) const
{
    QByteArray request;
    request += "protocol=" + url.scheme().toUtf8() + '\n';
    QString host = url.host();
    if (url.port() > 0)
        host += QLatin1Char(':') + QString::number(url.port());
    request += "host=" + host.toUtf8() + '\n';
    const QString user = username.isEmpty() ? url.userName() : username;
    if (!user.isEmpty())
        request += "username=" + user.toUtf8() + '\n';
    request += '\n';

    for (const QString &helper : m_helpers) {
        if (auto credential = runHelper(helper, request)) {
            if (credential->username.isEmpty())
                credential->username = user;
            if (!credential->password.isEmpty())
                return credential;
        }
    }
    return std::nullopt;
}

std::optional<CredentialHelper::Credential> CredentialHelper::runHelper(
    const QString &helper, const QByteArray &request) const
{
    // gitcredentials(7): "!cmd" is a shell snippet, an absolute path is run
    // as is, anything else names git-credential-<name>. All get arguments
    // appended and run through the shell, since helpers carry their own options.
    QString command;
    if (helper.startsWith(QLatin1Char('!')))
        command = helper.mid(1);
    else if (helper.startsWith(QLatin1Char('/')) || helper.startsWith(QLatin1Char('~')))
        command = helper;
    else
        command = QStringLiteral("git credential-") % helper;
    command += QStringLiteral(" get");

    QProcess process;
    process.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), command });
    if (!process.waitForStarted(m_timeout))
        return std::nullopt;
    process.write(request);
    process.closeWriteChannel();
    if (!process.waitForFinished(m_timeout)) {
        process.kill();
        process.waitForFinished(1000);
        return std::nullopt;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return std::nullopt;

    Credential credential;
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype equals = line.indexOf('=');
        if (equals <= 0)
            continue;
        const QByteArray key = line.left(equals);
        const QString value = QString::fromUtf8(line.mid(equals + 1));
        if (key == "username")
            credential.username = value;
        else if (key == "password")
            credential.password = value;
        else if (key == "quit" && (value == QLatin1String("1") || value == QLatin1String("true")))
            return std::nullopt;
    }
    return credential;
}

} // namespace Shipyard
