// SPDX-License-Identifier: GPL-2.0-or-later
#include "audit/AuditJournal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
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

bool sameFile(const struct stat &a, const struct stat &b)
{
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

// The current file, opened and locked, and still the one at PATH once the
// lock is held (a writer may have rotated it away meanwhile). -1 with errno
// set when it cannot be; ENOENT when there is no journal.
int openLocked(const QByteArray &path, int flags, int operation, struct stat *info)
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        const int fd = ::open(path.constData(), flags | O_CLOEXEC, 0600);
        if (fd < 0)
            return -1;
        struct stat named = {};
        if (!lock(fd, operation) || ::fstat(fd, info) != 0) {
            const int saved = errno;
            ::close(fd);
            errno = saved;
            return -1;
        }
        if (::stat(path.constData(), &named) == 0 && sameFile(named, *info))
            return fd;
        ::close(fd);
    }
    errno = EBUSY;
    return -1;
}

std::optional<AuditRecord> parseLine(const QByteArray &line)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return AuditRecord::fromJson(document.object());
}

// Reads FILE one line at a time, never keeping more than
// AuditJournal::maximumLineLength of it: a longer line is read through and
// reported empty and damaged.
bool readLine(QFile &file, QByteArray *line, bool *damaged)
{
    if (file.atEnd())
        return false;
    *line = file.readLine(AuditJournal::maximumLineLength);
    *damaged = false;
    while (!line->endsWith('\n') && line->size() >= AuditJournal::maximumLineLength - 1 && !file.atEnd()) {
        *damaged = true;
        *line = file.readLine(AuditJournal::maximumLineLength);
    }
    if (*damaged)
        line->clear();
    return true;
}

// Streams the records of the open file FD to VISIT; false once VISIT said stop.
bool visitFile(int fd, const QString &path, AuditJournal::Contents &contents,
    const std::function<bool(const AuditRecord &)> &visit)
{
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::DontCloseHandle)) {
        contents.error = Tr::tr("cannot read the audit journal %1: %2").arg(path, file.errorString());
        return false;
    }
    QByteArray line;
    bool damaged = false;
    while (readLine(file, &line, &damaged)) {
        line = line.trimmed();
        if (damaged) {
            ++contents.skippedLines;
            continue;
        }
        if (line.isEmpty())
            continue;
        if (const auto record = parseLine(line)) {
            if (!visit(*record))
                return false;
        } else {
            ++contents.skippedLines;
        }
    }
    return true;
}

// Collects the newest records of the open file FD into NEWESTFIRST, reading
// it from the end in blocks, until WANTED records are there.
bool collectFromTheEnd(
    int fd, const QString &path, int wanted, QList<AuditRecord> &newestFirst, AuditJournal::Contents &contents)
{
    struct stat info = {};
    if (::fstat(fd, &info) != 0) {
        contents.error = Tr::tr("cannot read the audit journal %1: %2").arg(path, systemError());
        return false;
    }
    constexpr qint64 blockSize = 64 * 1024;
    QByteArray block(blockSize, Qt::Uninitialized);
    QByteArray partial; // the end of a line whose start is further back
    bool damaged = false; // the line being read is longer than maximumLineLength
    const auto takeLine = [&](const QByteArray &line) {
        if (damaged) {
            ++contents.skippedLines;
            damaged = false;
            return;
        }
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty())
            return;
        if (const auto record = parseLine(trimmed))
            newestFirst.append(*record);
        else
            ++contents.skippedLines;
    };
    qint64 position = info.st_size;
    while (position > 0 && newestFirst.size() < wanted) {
        const qint64 size = std::min(blockSize, position);
        position -= size;
        qint64 done = 0;
        while (done < size) {
            const ssize_t n = ::pread(fd, block.data() + done, size_t(size - done), off_t(position + done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                contents.error = Tr::tr("cannot read the audit journal %1: %2").arg(path, systemError());
                return false;
            }
            done += n;
        }
        qsizetype end = qsizetype(size);
        for (qsizetype i = qsizetype(size) - 1; i >= 0 && newestFirst.size() < wanted; --i) {
            if (block.at(i) != '\n')
                continue;
            if (!damaged)
                partial.prepend(block.constData() + i + 1, end - i - 1);
            takeLine(partial);
            partial.clear();
            end = i;
        }
        if (newestFirst.size() >= wanted)
            break;
        if (!damaged)
            partial.prepend(block.constData(), end);
        if (partial.size() > AuditJournal::maximumLineLength) {
            damaged = true;
            partial.clear();
        }
    }
    if (position == 0 && newestFirst.size() < wanted)
        takeLine(partial); // the file's first line has no newline before it
    return true;
}

} // namespace

AuditJournal::AuditJournal(const QString &path) : m_path(path), m_masker(QProcessEnvironment::systemEnvironment())
{ }

void AuditJournal::setRotation(qint64 maxBytes, int keptFiles)
{
    m_maxBytes = std::max<qint64>(0, maxBytes);
    m_keptFiles = std::max(0, keptFiles);
}

QString AuditJournal::rotatedPath(int index) const
{
    return index == 0 ? m_path : m_path + QLatin1Char('.') + QString::number(index);
}

QStringList AuditJournal::files() const
{
    QStringList files;
    for (int index = 1; QFileInfo::exists(rotatedPath(index)); ++index)
        files.prepend(rotatedPath(index));
    if (QFileInfo::exists(m_path))
        files.append(m_path);
    return files;
}

// Called with the current file locked exclusively, so that one writer at a
// time rotates; others find the file gone from PATH once they get the lock.
bool AuditJournal::rotate(QString *error) const
{
    // Files beyond keptFiles, from an older, larger setting.
    for (int index = m_keptFiles + 1; QFileInfo::exists(rotatedPath(index)); ++index)
        QFile::remove(rotatedPath(index));
    for (int index = m_keptFiles; index >= 1; --index) {
        const QByteArray from = QFile::encodeName(rotatedPath(index - 1));
        const QByteArray to = QFile::encodeName(rotatedPath(index));
        if (::rename(from.constData(), to.constData()) != 0 && errno != ENOENT)
            return fail(error,
                Tr::tr("cannot rotate the audit journal %1 to %2: %3")
                    .arg(rotatedPath(index - 1), rotatedPath(index), systemError()));
    }
    if (m_keptFiles == 0 && ::unlink(QFile::encodeName(m_path).constData()) != 0 && errno != ENOENT)
        return fail(error, Tr::tr("cannot rotate the audit journal %1: %2").arg(m_path, systemError()));
    // The renames last only once the folder is on disk too.
    const FileDescriptor directory(
        ::open(QFile::encodeName(QFileInfo(m_path).absolutePath()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (directory.get() >= 0)
        ::fsync(directory.get());
    return true;
}

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
    // A few rounds: another writer may rotate the file between our open and our lock.
    for (int round = 0; round < 10; ++round) {
        struct stat info = {};
        // O_APPEND alone keeps whole writes apart; the lock also covers a write
        // the kernel splits (a full disk, a signal), readers mid-append and rotation.
        const FileDescriptor fd(openLocked(path, O_WRONLY | O_APPEND | O_CREAT, LOCK_EX, &info));
        if (fd.get() < 0)
            return fail(error, Tr::tr("cannot open the audit journal %1: %2").arg(m_path, systemError()));
        // Fixed rather than refused: the file is ours, and wider rights (a
        // copy, a restore, an editor, a lax umask before Shipyard made it)
        // stop exposing it the moment they are narrowed; refusing would stop
        // every delivery over something this process can repair itself.
        if ((info.st_mode & 077) != 0 && ::fchmod(fd.get(), 0600) != 0) {
            return fail(error,
                Tr::tr("the audit journal %1 can be read by others (mode %2) and cannot be made private: %3; "
                       "run chmod 600 %1")
                    .arg(m_path, QString::number(info.st_mode & 0777, 8), systemError()));
        }
        if (m_maxBytes > 0 && info.st_size > 0 && info.st_size + line.size() > m_maxBytes) {
            if (!rotate(error))
                return false;
            continue; // append to the fresh file, with its own lock
        }
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
    return fail(error, Tr::tr("cannot append to the audit journal %1: other processes kept rotating it").arg(m_path));
}

AuditJournal::Contents AuditJournal::forEach(const std::function<bool(const AuditRecord &)> &visit) const
{
    Contents contents;
    // The shared lock on the current file keeps writers from rotating (and
    // appending) until every file has been read.
    struct stat info = {};
    const FileDescriptor current(openLocked(QFile::encodeName(m_path), O_RDONLY, LOCK_SH, &info));
    if (current.get() < 0 && errno != ENOENT) {
        contents.error = Tr::tr("cannot open the audit journal %1: %2").arg(m_path, systemError());
        return contents;
    }
    QStringList rotated = files();
    rotated.removeAll(m_path);
    for (const QString &file : std::as_const(rotated)) {
        const FileDescriptor fd(::open(QFile::encodeName(file).constData(), O_RDONLY | O_CLOEXEC));
        if (fd.get() < 0) {
            if (errno == ENOENT)
                continue;
            contents.error = Tr::tr("cannot open the audit journal %1: %2").arg(file, systemError());
            return contents;
        }
        if (!visitFile(fd.get(), file, contents, visit))
            return contents;
    }
    if (current.get() >= 0)
        visitFile(current.get(), m_path, contents, visit);
    return contents;
}

AuditJournal::Contents AuditJournal::read() const
{
    QList<AuditRecord> records;
    Contents contents = forEach([&records](const AuditRecord &record) {
        records.append(record);
        return true;
    });
    contents.records = std::move(records);
    return contents;
}

AuditJournal::Contents AuditJournal::last(int count) const
{
    Contents contents;
    if (count <= 0)
        return contents;
    struct stat info = {};
    const FileDescriptor current(openLocked(QFile::encodeName(m_path), O_RDONLY, LOCK_SH, &info));
    if (current.get() < 0 && errno != ENOENT) {
        contents.error = Tr::tr("cannot open the audit journal %1: %2").arg(m_path, systemError());
        return contents;
    }
    QList<AuditRecord> newestFirst;
    if (current.get() >= 0 && !collectFromTheEnd(current.get(), m_path, count, newestFirst, contents))
        return contents;
    for (int index = 1; newestFirst.size() < count; ++index) {
        const QString file = rotatedPath(index);
        const FileDescriptor fd(::open(QFile::encodeName(file).constData(), O_RDONLY | O_CLOEXEC));
        if (fd.get() < 0) {
            if (errno != ENOENT)
                contents.error = Tr::tr("cannot open the audit journal %1: %2").arg(file, systemError());
            break;
        }
        if (!collectFromTheEnd(fd.get(), file, count, newestFirst, contents))
            return contents;
    }
    contents.records.reserve(newestFirst.size());
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it)
        contents.records.append(*it);
    return contents;
}

} // namespace Shipyard
