// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace Shipyard::Ctl {

// Exit codes every command follows (documented in `shipyardctl --help`).
enum ExitCode {
    Success = 0,
    Failure = 1, // the command ran and the answer is "no" or something failed
    UsageError = 2, // bad arguments, a missing file
};

// One `shipyardctl NAME ...` command. Each lives in its own *Command.cpp and
// registers itself with SHIPYARDCTL_REGISTER_COMMAND. Each declares its own
// Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::NameCommand), the context lupdate
// gives its strings; the base's tr() would look them up under CtlCommand.
class CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(CtlCommand)
public:
    virtual ~CtlCommand() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // arguments[0] is "shipyardctl NAME"
    virtual int run(const QStringList &arguments) = 0;

    static std::vector<std::unique_ptr<CtlCommand>> &registry();

protected:
    // Adds --help, parses, and answers --help and parse errors the same way
    // for every command. Returns the exit code when the command should stop.
    std::optional<int> parse(QCommandLineParser &parser, const QStringList &arguments) const;
};

template<typename T> struct CtlCommandRegistration
{
    CtlCommandRegistration() { CtlCommand::registry().push_back(std::make_unique<T>()); }
};

} // namespace Shipyard::Ctl

#define SHIPYARDCTL_REGISTER_COMMAND(Type) static const Shipyard::Ctl::CtlCommandRegistration<Type> registration##Type;
