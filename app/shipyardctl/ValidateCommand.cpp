// SPDX-License-Identifier: GPL-2.0-or-later
#include "CtlCommand.h"
#include "Output.h"

#include "manifests/SourceCheck.h"
#include "model/EcosystemLoader.h"
#include "templates/TemplateCatalog.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace Shipyard::Ctl {

class ValidateCommand : public CtlCommand
{
    Q_DECLARE_TR_FUNCTIONS(Shipyard::Ctl::ValidateCommand)
public:
    QString name() const override { return QStringLiteral("validate"); }
    QString summary() const override { return tr("check an ecosystem file and report every problem"); }

    int run(const QStringList &arguments) override
    {
        QCommandLineParser parser;
        parser.addPositionalArgument(QStringLiteral("PATH"), tr("the ecosystem file"));
        parser.addOption({ QStringLiteral("quiet"), tr("print nothing when the file is valid") });
        parser.addOption({ QStringLiteral("no-render"),
            tr("check the file only, without rendering each system's manifests, chart or kustomization for each "
               "environment from its repository") });
        parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") },
            tr("text or json (the verdict and every problem as one object)"), tr("FORMAT"), QStringLiteral("text") });
        if (const auto exitCode = parse(parser, arguments))
            return *exitCode;
        const QString format = parser.value(QStringLiteral("output"));
        if (format != QLatin1String("text") && format != QLatin1String("json")) {
            err() << arguments[0] << ": " << tr("unknown output format '%1' (text or json)").arg(format) << '\n';
            return UsageError;
        }
        const QStringList positional = parser.positionalArguments();
        if (positional.size() != 1) {
            err() << arguments[0] << ": " << tr("expected exactly one ecosystem file") << '\n';
            return UsageError;
        }
        const QString path = positional.first();
        if (!QFileInfo::exists(path)) {
            err() << arguments[0] << ": " << tr("%1: no such file").arg(path) << '\n';
            return UsageError;
        }

        EcosystemLoadResult result = EcosystemLoader().loadFile(path);
        SourceCheck::Result rendering;
        if (result.ecosystem && !parser.isSet(QStringLiteral("no-render"))) {
            rendering = SourceCheck::run(*result.ecosystem);
            result.diagnostics += rendering.diagnostics;
            for (const Diagnostic &diagnostic : std::as_const(rendering.diagnostics)) {
                if (diagnostic.isError())
                    result.ecosystem.reset();
            }
        }
        // The team's service templates are part of what the file promises.
        if (result.ecosystem) {
            const Diagnostics templates = TemplateCatalog::check(*result.ecosystem, path);
            result.diagnostics += templates;
            if (hasErrors(templates))
                result.ecosystem.reset();
        }
        if (format == QLatin1String("json")) {
            QJsonArray diagnostics;
            for (const Diagnostic &diagnostic : result.diagnostics)
                diagnostics.append(QJsonObject { { QStringLiteral("file"), diagnostic.file },
                    { QStringLiteral("line"), diagnostic.location.line },
                    { QStringLiteral("column"), diagnostic.location.column },
                    { QStringLiteral("severity"),
                        diagnostic.isError() ? QStringLiteral("error") : QStringLiteral("warning") },
                    { QStringLiteral("message"), diagnostic.message } });
            QJsonObject root { { QStringLiteral("path"), path }, { QStringLiteral("valid"), bool(result.ecosystem) },
                { QStringLiteral("diagnostics"), diagnostics } };
            root.insert(QStringLiteral("rendered"), rendering.rendered);
            if (!rendering.skipped.isEmpty())
                root.insert(QStringLiteral("notRendered"), QJsonArray::fromStringList(rendering.skipped));
            if (result.ecosystem) {
                root.insert(QStringLiteral("name"), result.ecosystem->name);
                root.insert(QStringLiteral("systems"), result.ecosystem->systems.size());
                root.insert(QStringLiteral("environments"), result.ecosystem->environments.size());
            }
            printJson(QJsonDocument(root));
            return result.ecosystem ? Success : Failure;
        }
        int errors = 0;
        int warnings = 0;
        for (const Diagnostic &diagnostic : result.diagnostics) {
            err() << diagnostic.toString() << '\n';
            diagnostic.isError() ? ++errors : ++warnings;
        }
        err().flush();
        if (!result.ecosystem)
            return Failure;
        if (!parser.isSet(QStringLiteral("quiet"))) {
            out() << tr("%1: valid ecosystem '%2': %3 systems, %4 environments")
                         .arg(path, result.ecosystem->name)
                         .arg(result.ecosystem->systems.size())
                         .arg(result.ecosystem->environments.size());
            if (rendering.rendered)
                out() << tr(", %n rendering(s) checked", nullptr, rendering.rendered);
            if (warnings)
                out() << tr(", %n warning(s)", nullptr, warnings);
            out() << '\n';
            if (!rendering.skipped.isEmpty())
                out() << tr("not rendered (repository not on this machine): %1")
                             .arg(rendering.skipped.join(QStringLiteral(", ")))
                      << '\n';
        }
        return Success;
    }
};

SHIPYARDCTL_REGISTER_COMMAND(ValidateCommand)

} // namespace Shipyard::Ctl
