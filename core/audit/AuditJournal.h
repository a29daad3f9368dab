// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "audit/AuditRecord.h"
#include "support/SecretMasker.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Shipyard {

// The local audit journal: one JSON object per line, appended and fsync'd
// before append() returns. Several Shipyard processes (the GUI, shipyardctl,
// the robot) may append at once: each record is one write() to a file opened
// with O_APPEND, under an exclusive flock, so lines never interleave.
//
// Secrets never reach the file: details whose key names a secret (token,
// password, key, secret) are replaced, and the values of the environment's
// secret variables are masked in every text.
//
// Only its owner may read it: the file is made 0600 (and its folder 0700)
// on every append, whatever rights it had before; a file whose rights
// cannot be narrowed is refused, not written.
//
// It rotates by size: when a record would take audit.jsonl past
// maxBytes (4 MiB), audit.jsonl becomes audit.jsonl.1, .1 becomes .2 and so
// on, and the file beyond keptFiles (4) is deleted, so the journal holds at
// most about 20 MiB and the newest records always. Writers rotate under the
// same lock they append with; readers hold a shared lock on the current file,
// so no rotation happens while they read.
//
// Readers never hold the file in memory: forEach() hands over one record at
// a time, oldest first, and last() reads from the end of the newest file
// backwards, only as far as it needs. A line longer than maximumLineLength
// (a damaged file) is skipped without being kept.
class AuditJournal
{
public:
    static constexpr qint64 defaultMaxBytes = 4 * 1024 * 1024;
    static constexpr int defaultKeptFiles = 4;
    static constexpr qsizetype maximumLineLength = 1024 * 1024;

    // Default: $XDG_STATE_HOME/shipyard/audit.jsonl (~/.local/state/…).
    explicit AuditJournal(const QString &path = defaultPath());

    static QString defaultPath();
    // The login name of the account running this process.
    static QString currentOsUser();

    QString path() const { return m_path; }
    void setMasker(const SecretMasker &masker) { m_masker = masker; }
    // MAXBYTES 0 never rotates; KEPTFILES 0 keeps no rotated file.
    void setRotation(qint64 maxBytes, int keptFiles);
    // The files that hold the journal now, oldest first: PATH.N … PATH.1, PATH.
    QStringList files() const;

    // Fills osUser and time when empty. False with ERROR on any failure:
    // an action that cannot be journaled should not go unnoticed.
    bool append(AuditRecord record, QString *error = nullptr) const;

    struct Contents
    {
        QList<AuditRecord> records;
        int skippedLines = 0; // lines that are not records (a disk that filled up mid-line)
        QString error; // the file could not be read; a missing file is an empty journal
    };
    // Every record, oldest first, rotated files included, one line read at a
    // time; VISIT returns false to stop. Contents::records stays empty.
    // Appends wait until it returns, so VISIT must not append to the journal.
    Contents forEach(const std::function<bool(const AuditRecord &)> &visit) const;
    // The newest COUNT records, oldest first, read from the end.
    Contents last(int count) const;
    // Every record, oldest first (forEach() into a list).
    Contents read() const;

    // What append() writes for RECORD, without the newline.
    QByteArray serialize(const AuditRecord &record) const;

private:
    QString rotatedPath(int index) const;
    bool rotate(QString *error) const;

    QString m_path;
    SecretMasker m_masker;
    qint64 m_maxBytes = defaultMaxBytes;
    int m_keptFiles = defaultKeptFiles;
};

} // namespace Shipyard
