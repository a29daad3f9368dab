// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "audit/AuditRecord.h"
#include "support/SecretMasker.h"

#include <QList>
#include <QString>

namespace Shipyard {

// The local audit journal: one JSON object per line, appended and fsync'd
// before append() returns. Several Shipyard processes (the GUI, shipyardctl,
// the robot) may append at once: each record is one write() to a file opened
// with O_APPEND, under an exclusive flock, so lines never interleave.
//
// Secrets never reach the file: details whose key names a secret (token,
// password, key, secret) are replaced, and the values of the environment's
// secret variables are masked in every text.
class AuditJournal
{
public:
    // Default: $XDG_STATE_HOME/shipyard/audit.jsonl (~/.local/state/…).
    explicit AuditJournal(const QString &path = defaultPath());

    static QString defaultPath();
    // The login name of the account running this process.
    static QString currentOsUser();

    QString path() const { return m_path; }
    void setMasker(const SecretMasker &masker) { m_masker = masker; }

    // Fills osUser and time when empty. False with ERROR on any failure:
    // an action that cannot be journaled should not go unnoticed.
    bool append(AuditRecord record, QString *error = nullptr) const;

    struct Contents
    {
        QList<AuditRecord> records;
        int skippedLines = 0; // lines that are not records (a disk that filled up mid-line)
        QString error; // the file could not be read; a missing file is an empty journal
    };
    Contents read() const;

    // What append() writes for RECORD, without the newline.
    QByteArray serialize(const AuditRecord &record) const;

private:
    QString m_path;
    SecretMasker m_masker;
};

} // namespace Shipyard
