// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "Output.h"

#include "support/TranslationLoader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <algorithm>

using namespace Shipyard::Ctl;

namespace {

void printUsage(QTextStream &stream)
{
    stream << QCoreApplication::translate("shipyardctl", "usage: shipyardctl COMMAND [OPTIONS]\n\nCommands:\n");
    QList<const CtlCommand *> commands;
    for (const auto &command : CtlCommand::registry())
        commands.append(command.get());
    std::ranges::sort(commands, {}, &CtlCommand::name);
    for (const CtlCommand *command : commands)
        stream << "  " << command->name().leftJustified(12) << command->summary() << '\n';
    stream << QCoreApplication::translate("shipyardctl",
        "\nExit codes: 0 success, 1 the command failed or the answer is no (a check found problems, "
        "a permission is missing, the lock is taken), 2 usage error (bad arguments, missing file);\n"
        "diff, like diff(1): 0 no drift, 1 drift, 2 could not compare.\n"
        "Every command takes --output text (the default) or --output json: with json, stdout is exactly\n"
        "one JSON document (logs --follow: one object per line) and progress goes to stderr.\n"
        "Run 'shipyardctl COMMAND --help' for a command's options.\n");
    stream.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("shipyardctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("Shipyard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SHIPYARD_VERSION));

    QTranslator translator;
    if (Shipyard::loadTranslation(translator))
        QCoreApplication::installTranslator(&translator);

    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        printUsage(err());
        return UsageError;
    }
    const QString name = arguments.at(1);
    if (name == QLatin1String("--help") || name == QLatin1String("-h") || name == QLatin1String("help")) {
        printUsage(out());
        return Success;
    }
    if (name == QLatin1String("--version")) {
        out() << "shipyardctl " << QCoreApplication::applicationVersion() << '\n';
        return Success;
    }
    for (const auto &command : CtlCommand::registry()) {
        if (command->name() == name) {
            arguments.removeFirst();
            arguments[0] = QStringLiteral("shipyardctl ") + name;
            return command->run(arguments);
        }
    }
    err() << QCoreApplication::translate("shipyardctl", "shipyardctl: unknown command '%1'\n").arg(name);
    printUsage(err());
    return UsageError;
}
