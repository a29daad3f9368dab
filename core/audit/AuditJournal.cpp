// SPDX-License-Identifier: GPL-2.0-or-later
#include "audit/AuditJournal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <unistd.h>

namespace Shipyard {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::AuditJournal)
};

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// Detail keys whose values are credentials whatever they contain. Narrower
// than "ends with key": a task key is exactly what an audit must keep.
bool isSecretKey(const QString &key)
{
    static const QStringList exact { QStringLiteral("token"), QStringLiteral("password"), QStringLiteral("passwd"),
        QStringLiteral("secret"), QStringLiteral("apikey"), QStringLiteral("api_key"), QStringLiteral("privatekey"),
        QStringLiteral("private_key"), QStringLiteral("authorization"), QStringLiteral("credentials") };
    if (exact.contains(key, Qt::CaseInsensitive) || SecretMasker::isSecretName(key))
        return true;
    for (const QLatin1String suffix : { QLatin1String("Token"), QLatin1String("Password"), QLatin1String("Secret") }) {
        if (key.endsWith(suffix, Qt::CaseSensitive))
            return true;
    }
    return false;
}

QJsonValue maskValue(const QJsonValue &value, const SecretMasker &masker);

QJsonObject maskObject(const QJsonObject &object, const SecretMasker &masker)
{
    QJsonObject masked;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (isSecretKey(it.key()) && !it.value().isNull())
            masked.insert(it.key(), SecretMasker::replacement());
        else
            masked.insert(it.key(), maskValue(it.value(), masker));
    }
    return masked;
}

QJsonValue maskValue(const QJsonValue &value, const SecretMasker &masker)
{
    if (value.isString())
        return masker.mask(value.toString());
    if (value.isObject())
        return maskObject(value.toObject(), masker);
    if (value.isArray()) {
        QJsonArray masked;
        for (const QJsonValue &item : value.toArray())
            masked.append(maskValue(item, masker));
        return masked;
    }
    return value;
}

// Closes the descriptor (and so releases the flock) on every path.
class FileDescriptor
{
public:
    explicit FileDescriptor(int fd) : m_fd(fd) { }
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

bool lock(int fd, int operation)
{
    while (::flock(fd, operation) != 0) {
        if (errno != EINTR)
            return false;
    }
    return true;
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

AuditJournal::AuditJournal(const QString &path) : m_path(path), m_masker(QProcessEnvironment::systemEnvironment())
{ }

QString AuditJournal::defaultPath()
{
    // QStandardPaths has no state location before Qt 6.7; the XDG rule is short.
    QString state = qEnvironmentVariable("XDG_STATE_HOME");
    if (state.isEmpty() || QDir::isRelativePath(state))
        state = QDir::homePath() + QLatin1String("/.local/state");
    return state + QLatin1String("/shipyard/audit.jsonl");
}

QString AuditJournal::currentOsUser()
{
    if (const passwd *entry = ::getpwuid(::geteuid()))
        return QString::fromLocal8Bit(entry->pw_name);
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QString::number(::geteuid()) : user;
}

QByteArray AuditJournal::serialize(const AuditRecord &record) const
{
    AuditRecord masked = record;
    masked.result = m_masker.mask(record.result);
    masked.details = maskObject(record.details, m_masker);
    return QJsonDocument(masked.toJson()).toJson(QJsonDocument::Compact);
}

bool AuditJournal::append(AuditRecord record, QString *error) const
{
    if (record.osUser.isEmpty())
        record.osUser = currentOsUser();
    if (!record.time.isValid())
        record.time = QDateTime::currentDateTimeUtc();
    const QByteArray line = serialize(record) + '\n';

    const QString directory = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(directory))
        return fail(error, Tr::tr("cannot create the audit journal's directory %1").arg(directory));
    // Only its owner may read who did what where.
    QFile::setPermissions(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    const QByteArray path = QFile::encodeName(m_path);
    const FileDescriptor fd(::open(path.constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600));
    if (fd.get() < 0)
        return fail(error, Tr::tr("cannot open the audit journal %1: %2").arg(m_path, systemError()));
    // O_APPEND alone keeps whole writes apart; the lock also covers a write
    // the kernel splits (a full disk, a signal) and readers mid-append.
    if (!lock(fd.get(), LOCK_EX))
        return fail(error, Tr::tr("cannot lock the audit journal %1: %2").arg(m_path, systemError()));
    qsizetype written = 0;
    while (written < line.size()) {
        const ssize_t n = ::write(fd.get(), line.constData() + written, size_t(line.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return fail(error, Tr::tr("cannot write to the audit journal %1: %2").arg(m_path, systemError()));
        written += n;
    }
    if (::fsync(fd.get()) != 0)
        return fail(error, Tr::tr("cannot sync the audit journal %1: %2").arg(m_path, systemError()));
    return true;
}

AuditJournal::Contents AuditJournal::read() const
{
    Contents contents;
    const QByteArray path = QFile::encodeName(m_path);
    const FileDescriptor fd(::open(path.constData(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        if (errno != ENOENT)
            contents.error = Tr::tr("cannot open the audit journal %1: %2").arg(m_path, systemError());
        return contents;
    }
    if (!lock(fd.get(), LOCK_SH)) {
        contents.error = Tr::tr("cannot lock the audit journal %1: %2").arg(m_path, systemError());
        return contents;
    }
    QFile file;
    if (!file.open(fd.get(), QIODevice::ReadOnly, QFileDevice::DontCloseHandle)) {
        contents.error = Tr::tr("cannot read the audit journal %1: %2").arg(m_path, file.errorString());
        return contents;
    }
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        std::optional<AuditRecord> record;
        if (parseError.error == QJsonParseError::NoError && document.isObject())
            record = AuditRecord::fromJson(document.object());
        if (record)
            contents.records.append(*record);
        else
            ++contents.skippedLines;
    }
    return contents;
}

} // namespace Shipyard
