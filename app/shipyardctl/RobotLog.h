// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/DeliveryRobot.h"

#include <QJsonObject>
#include <QString>

#include <mutex>

namespace Shipyard::Ctl {

// What the robot says while it runs, from any of its threads (the loop, the
// endpoint's, the leadership's), one line at a time.
//
// Text: lines on stderr, a pass's actions on stdout (as JSON with
// `--output json`). JSON (`--log-format json`, for a cluster's log
// collector): everything on stdout, one object per line, each with `time`
// (UTC, milliseconds), `level` (info, warning, error) and `msg`; a pass's
// line carries its actions, warnings and error as fields.
class RobotLog
{
public:
    enum class Format { Text, Json };
    enum class Level { Info, Warning, Error };

    RobotLog(Format format, bool passesAsJson, QString command);

    void info(const QString &message) { write(Level::Info, message); }
    void warning(const QString &message) { write(Level::Warning, message); }
    void write(Level level, const QString &message, const QJsonObject &fields = {});
    // A pass's actions, then its warnings and error.
    void pass(const DeliveryRobot::PassResult &pass);

private:
    Format m_format;
    bool m_passesAsJson;
    QString m_command;
    std::mutex m_writing;
};

} // namespace Shipyard::Ctl
