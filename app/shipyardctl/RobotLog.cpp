// SPDX-License-Identifier: GPL-2.0-or-later
#include "RobotLog.h"

#include "Output.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace Shipyard::Ctl {

namespace {

QString levelName(RobotLog::Level level)
{
    switch (level) {
    case RobotLog::Level::Info:
        return QStringLiteral("info");
    case RobotLog::Level::Warning:
        return QStringLiteral("warning");
    case RobotLog::Level::Error:
        return QStringLiteral("error");
    }
    return {};
}

QJsonArray actionsOf(const DeliveryRobot::PassResult &pass)
{
    QJsonArray actions;
    for (const DeliveryRobot::Action &action : pass.actions)
        actions.append(QJsonObject { { QStringLiteral("task"), action.task }, { QStringLiteral("stage"), action.stage },
            { QStringLiteral("succeeded"), action.succeeded }, { QStringLiteral("detail"), action.detail } });
    return actions;
}

} // namespace

RobotLog::RobotLog(Format format, bool passesAsJson, QString command)
    : m_format(format), m_passesAsJson(passesAsJson), m_command(std::move(command))
{ }

void RobotLog::write(Level level, const QString &message, const QJsonObject &fields)
{
    const std::lock_guard lock(m_writing);
    if (m_format == Format::Text) {
        err() << message << '\n';
        err().flush();
        return;
    }
    // time, level and msg first, as log collectors show them.
    QJsonObject line { { QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) },
        { QStringLiteral("level"), levelName(level) }, { QStringLiteral("msg"), message } };
    for (auto field = fields.begin(); field != fields.end(); ++field)
        line.insert(field.key(), field.value());
    out() << QJsonDocument(line).toJson(QJsonDocument::Compact) << '\n';
    out().flush();
}

void RobotLog::pass(const DeliveryRobot::PassResult &pass)
{
    if (m_format == Format::Json) {
        const bool anyFailed = std::any_of(pass.actions.cbegin(), pass.actions.cend(),
            [](const DeliveryRobot::Action &action) { return !action.succeeded; });
        const Level level = !pass.error.isEmpty()   ? Level::Error
            : anyFailed || !pass.warnings.isEmpty() ? Level::Warning
                                                    : Level::Info;
        const QString message = !pass.error.isEmpty()
            ? pass.error
            : QCoreApplication::translate(
                  "Shipyard::Ctl::RobotLog", "pass over: %n action(s)", nullptr, int(pass.actions.size()));
        write(level, message,
            QJsonObject { { QStringLiteral("actions"), actionsOf(pass) },
                { QStringLiteral("warnings"), QJsonArray::fromStringList(pass.warnings) },
                { QStringLiteral("error"), pass.error } });
        return;
    }
    {
        const std::lock_guard lock(m_writing);
        printPassProblems(m_command, pass.warnings, pass.error);
        if (m_passesAsJson) {
            printJson(QJsonDocument(
                QJsonObject { { QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) },
                    { QStringLiteral("actions"), actionsOf(pass) }, { QStringLiteral("error"), pass.error },
                    { QStringLiteral("warnings"), QJsonArray::fromStringList(pass.warnings) } }));
            return;
        }
        for (const DeliveryRobot::Action &action : pass.actions)
            out() << action.task << ' ' << action.stage << ": "
                  << (action.succeeded ? action.detail
                                       : QCoreApplication::translate("Shipyard::Ctl::RobotCommand", "failed: %1")
                                             .arg(action.detail))
                  << '\n';
        out().flush();
    }
}

} // namespace Shipyard::Ctl
