// SPDX-License-Identifier: GPL-2.0-or-later
#include "templates/NewSystem.h"

#include "git/NewRepository.h"
#include "model/EcosystemLoader.h"
#include "templates/EcosystemFileEditor.h"
#include "templates/TemplateCatalog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

namespace Shipyard {

namespace {

QString describe(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : diagnostics) {
        if (diagnostic.isError())
            lines.append(diagnostic.toString());
    }
    return lines.join(QLatin1Char('\n'));
}

// What every system has alike, or FALLBACK when they differ.
template<typename Function> QString shared(const Ecosystem &ecosystem, Function value, const QString &fallback)
{
    QString common;
    for (const System &system : ecosystem.systems) {
        const QString mine = value(system);
        if (!common.isNull() && mine != common)
            return fallback;
        common = mine;
    }
    return common.isNull() ? fallback : common;
}

// "Demo Shop" → "demo-shop": the value of app.kubernetes.io/part-of.
QString labelValue(const QString &text)
{
    QString value = text.toLower();
    value.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    value = value.mid(0, 63);
    while (value.startsWith(QLatin1Char('-')))
        value.remove(0, 1);
    while (value.endsWith(QLatin1Char('-')))
        value.chop(1);
    return value;
}

// The folder of a new system when none is given: beside the other systems
// when they live in one folder on this machine, else beside the file.
QString defaultRepository(const Ecosystem &ecosystem, const QString &name)
{
    const QString parent = shared(
        ecosystem,
        [&ecosystem](const System &system) {
            const QFileInfo repository(ecosystem.resolvePath(system.repository));
            return repository.isDir() ? repository.absolutePath() : QString();
        },
        QString());
    const QString folder = parent.isEmpty() ? QFileInfo(ecosystem.filePath).absolutePath() : parent;
    return QDir(folder).filePath(name);
}

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace

NewSystem::Result NewSystem::create(const Request &request)
{
    Result result;
    const auto fail = [&result](const QString &error) {
        result.error = error;
        return result;
    };
    static const QRegularExpression dnsLabel(QStringLiteral("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"));
    if (!dnsLabel.match(request.name).hasMatch())
        return fail(QStringLiteral("'%1' is no system name: lower-case letters, digits and '-', at most 63, "
                                   "starting and ending with a letter or digit")
                .arg(request.name));

    QFile file(request.ecosystemPath);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read %1: %2").arg(request.ecosystemPath, file.errorString()));
    const QByteArray before = file.readAll();
    file.close();
    const EcosystemLoadResult loaded = EcosystemLoader().loadData(before, request.ecosystemPath);
    if (!loaded.ecosystem) {
        result.diagnostics = loaded.diagnostics;
        return fail(QStringLiteral("%1 does not load; fix it first:\n%2")
                .arg(request.ecosystemPath, describe(loaded.diagnostics)));
    }
    Ecosystem ecosystem = *loaded.ecosystem;
    ecosystem.filePath = QFileInfo(request.ecosystemPath).absoluteFilePath();
    if (const System *existing = ecosystem.system(request.name))
        return fail(QStringLiteral("%1:%2: there is a system named %3 already")
                .arg(request.ecosystemPath)
                .arg(existing->location.line)
                .arg(request.name));

    QString teamDirectory;
    if (!ecosystem.templatesDirectory.isEmpty()) {
        teamDirectory = ecosystem.resolvePath(ecosystem.templatesDirectory);
        if (!QFileInfo(teamDirectory).isDir())
            return fail(QStringLiteral("%1: templates: %2 is no folder")
                    .arg(request.ecosystemPath, QDir::toNativeSeparators(teamDirectory)));
    }
    const TemplateCatalog catalog(teamDirectory);
    QString error;
    const std::optional<ServiceTemplate> found = catalog.find(request.templateName, &error);
    if (!found)
        return fail(error);
    result.templateDirectory = found->directory();

    result.repository =
        QDir::cleanPath(request.repository.isEmpty() ? defaultRepository(ecosystem, request.name)
                                                     : QFileInfo(request.repository).absoluteFilePath());
    const QDir target(result.repository);
    const bool targetExisted = target.exists();
    if (QFileInfo(result.repository).exists() && !QFileInfo(result.repository).isDir())
        return fail(QStringLiteral("%1 is a file").arg(QDir::toNativeSeparators(result.repository)));
    if (targetExisted && !target.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
        return fail(QStringLiteral("%1 exists and is not empty; a new system starts in a new folder")
                .arg(QDir::toNativeSeparators(result.repository)));
    const QString fileFolder = QFileInfo(ecosystem.filePath).absolutePath();
    const QString relative = QDir(fileFolder).relativeFilePath(result.repository);
    result.repositoryEntry =
        relative.startsWith(QLatin1String("../")) || QDir::isAbsolutePath(relative) ? result.repository : relative;

    // The others' branch and image prefix ("demo/"): the new one is delivered alike.
    result.upstream = shared(ecosystem, [](const System &system) { return system.upstream; }, QStringLiteral("main"));
    const QString prefix = shared(
        ecosystem,
        [](const System &system) {
            const qsizetype slash = system.image.lastIndexOf(QLatin1Char('/'));
            return slash < 0 ? QString() : system.image.left(slash + 1);
        },
        QString());
    const QString image = prefix + request.name;
    const int port = request.port > 0 ? request.port : found->port();
    QMap<QString, QString> values { { QStringLiteral("name"), request.name },
        { QStringLiteral("template"), found->name() }, { QStringLiteral("kind"), keyword(found->kind()) },
        { QStringLiteral("image"), image }, { QStringLiteral("upstream"), result.upstream },
        { QStringLiteral("ecosystem"), ecosystem.name }, { QStringLiteral("partOf"), labelValue(ecosystem.name) },
        { QStringLiteral("description"), request.description } };
    if (port > 0)
        values.insert(QStringLiteral("port"), QString::number(port));

    QStringList problems;
    const std::optional<QList<TemplateFile>> files = found->render(values, &problems);
    if (!files)
        return fail(problems.join(QLatin1Char('\n')));
    for (const TemplateFile &rendered : *files)
        result.files.append(rendered.path);

    EcosystemFileEditor::Entry entry { { QStringLiteral("name"), request.name },
        { QStringLiteral("template"), keyword(found->kind()) } };
    if (!request.description.isEmpty())
        entry.append({ QStringLiteral("description"), EcosystemFileEditor::flowScalar(request.description) });
    entry.append({ QStringLiteral("repository"), EcosystemFileEditor::flowScalar(result.repositoryEntry) });
    if (result.upstream != QLatin1String("main"))
        entry.append({ QStringLiteral("upstream"), EcosystemFileEditor::flowScalar(result.upstream) });
    entry.append({ QStringLiteral("image"), EcosystemFileEditor::flowScalar(image) });
    for (const auto &[key, value] : found->systemKeys()) {
        // Filled in before quoting: a filled-in value may need no quotes, or other ones.
        QList<std::pair<QString, qsizetype>> unknown;
        const auto fill = [&values, &unknown](
                              const QString &text) { return ServiceTemplate::fill(text, values, &unknown); };
        QJsonValue filled;
        if (value.isArray()) {
            QJsonArray items;
            for (const QJsonValue &item : value.toArray())
                items.append(fill(item.toString()));
            filled = items;
        } else if (value.isObject()) {
            QJsonObject items;
            const QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                items.insert(it.key(), fill(it.value().toString()));
            filled = items;
        } else {
            filled = fill(value.toString());
        }
        for (const auto &[name, offset] : std::as_const(unknown))
            problems.append(QStringLiteral("%1/%2: system: %3: the placeholder ${%4} is not one of %5")
                    .arg(found->name(), ServiceTemplate::descriptionFileName(), key, name,
                        values.keys().join(QStringLiteral(", "))));
        entry.append({ key, EcosystemFileEditor::flowValue(filled) });
    }
    if (!problems.isEmpty())
        return fail(problems.join(QLatin1Char('\n')));

    const std::optional<EcosystemFileEditor::Result> edited = EcosystemFileEditor::appendSystem(before, entry, &error);
    if (!edited)
        return fail(QStringLiteral("%1: %2").arg(request.ecosystemPath, error));
    result.line = edited->line;
    result.entry = edited->inserted;
    // Checked before anything is written, then again from the file itself.
    const EcosystemLoadResult check = EcosystemLoader().loadData(edited->data, request.ecosystemPath);
    if (!check.ecosystem || !check.ecosystem->system(request.name)) {
        result.diagnostics = check.diagnostics;
        return fail(QStringLiteral("with %1 added, %2 would not load:\n%3")
                .arg(request.name, request.ecosystemPath, describe(check.diagnostics)));
    }
    // The text edit must add exactly one system at the end and leave the
    // rest as the file had it; a layout it misread would show here.
    QStringList namesBefore;
    QStringList namesAfter;
    for (const System &system : std::as_const(ecosystem.systems))
        namesBefore.append(system.name);
    for (const System &system : std::as_const(check.ecosystem->systems))
        namesAfter.append(system.name);
    if (namesAfter != namesBefore + QStringList { request.name } ||
        check.ecosystem->environments.size() != ecosystem.environments.size() ||
        check.ecosystem->name != ecosystem.name)
        return fail(QStringLiteral("%1: adding %2 as text would change more than its own entry; add it by hand:\n%3")
                .arg(request.ecosystemPath, request.name, QString::fromUtf8(edited->inserted)));
    if (request.dryRun) {
        result.succeeded = true;
        return result;
    }

    // From here on a failure takes back what was made.
    const auto removeRepository = [&result, targetExisted] {
        QDir repository(result.repository);
        repository.removeRecursively();
        if (targetExisted)
            QDir().mkpath(result.repository);
    };
    for (const TemplateFile &rendered : *files) {
        const QString path = target.filePath(rendered.path);
        if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !writeFile(path, rendered.content, &error)) {
            removeRepository();
            return fail(error.isEmpty() ? QStringLiteral("cannot create %1").arg(path) : error);
        }
    }
    GitError gitError;
    result.commit = NewRepository::create(result.repository, result.upstream,
        QStringLiteral("%1: a new %2 from the %3 template").arg(request.name, keyword(found->kind()), found->name()),
        &gitError);
    if (gitError) {
        removeRepository();
        return fail(gitError.message());
    }
    if (!writeFile(request.ecosystemPath, edited->data, &error)) {
        removeRepository();
        return fail(error);
    }
    const EcosystemLoadResult reloaded = EcosystemLoader().loadFile(request.ecosystemPath);
    if (!reloaded.ecosystem || !reloaded.ecosystem->system(request.name)) {
        QString restoreError;
        writeFile(request.ecosystemPath, before, &restoreError);
        removeRepository();
        result.diagnostics = reloaded.diagnostics;
        return fail(QStringLiteral("with %1 added, %2 no longer loads; it is as it was%3:\n%4")
                .arg(request.name, request.ecosystemPath,
                    restoreError.isEmpty() ? QString() : QStringLiteral(" (but: %1)").arg(restoreError),
                    describe(reloaded.diagnostics)));
    }
    result.succeeded = true;
    return result;
}

} // namespace Shipyard
