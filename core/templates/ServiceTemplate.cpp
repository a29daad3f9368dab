// SPDX-License-Identifier: GPL-2.0-or-later
#include "templates/ServiceTemplate.h"

#include "support/YamlDocument.h"
#include "support/YamlMappingReader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace Shipyard {

namespace {

// A template is a few kilobytes; this keeps a wrong folder from being read whole.
constexpr qint64 maximumFileSize = 4 * 1024 * 1024;

// The keys Shipyard writes itself, from the command's arguments.
const QStringList &reservedKeys()
{
    static const QStringList keys { QStringLiteral("name"), QStringLiteral("template"), QStringLiteral("description"),
        QStringLiteral("repository"), QStringLiteral("upstream"), QStringLiteral("image") };
    return keys;
}

std::optional<QJsonValue> readSystemValue(const YAML::Node &node)
{
    if (node.IsScalar())
        return QJsonValue(QString::fromStdString(node.Scalar()));
    if (node.IsSequence()) {
        QJsonArray items;
        for (const YAML::Node &item : node) {
            if (!item.IsScalar())
                return std::nullopt;
            items.append(QString::fromStdString(item.Scalar()));
        }
        return items;
    }
    if (node.IsMap()) {
        QJsonObject items;
        for (const auto &entry : node) {
            if (!entry.first.IsScalar() || !entry.second.IsScalar())
                return std::nullopt;
            items.insert(QString::fromStdString(entry.first.Scalar()), QString::fromStdString(entry.second.Scalar()));
        }
        return items;
    }
    return std::nullopt;
}

} // namespace

std::optional<ServiceTemplate> ServiceTemplate::read(
    const QString &directory, const QString &name, Diagnostics *diagnostics)
{
    const QString path = directory + QLatin1Char('/') + descriptionFileName();
    DiagnosticSink sink(path);
    const auto fail = [&sink, diagnostics] {
        *diagnostics += sink.takeDiagnostics();
        return std::nullopt;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        sink.error(
            { 1, 1 }, QStringLiteral("template %1 has no %2: %3").arg(name, descriptionFileName(), file.errorString()));
        return fail();
    }
    const std::optional<YAML::Node> root = YamlDocument::parse(file.read(maximumFileSize + 1), maximumFileSize, sink);
    if (!root)
        return fail();
    if (!root->IsMap()) {
        sink.error(toLocation(root->Mark()),
            QStringLiteral("template %1: %2 must be a mapping").arg(name, descriptionFileName()));
        return fail();
    }
    ServiceTemplate result;
    result.m_name = name;
    result.m_directory = directory;
    YamlMappingReader r(*root, QStringLiteral("template %1").arg(name), sink);
    result.m_description = r.string("description").value_or(QString());
    // A team's template named like a built-in one is that kind unless it says otherwise.
    static const QStringList kinds { QStringLiteral("frontend"), QStringLiteral("backend"), QStringLiteral("worker") };
    const std::optional<QString> kind = r.choice("kind", kinds,
        kinds.contains(name) ? YamlMappingReader::Presence::Optional : YamlMappingReader::Presence::Required);
    const QString word = kind.value_or(name);
    result.m_kind = word == QLatin1String("frontend") ? SystemTemplate::Frontend
        : word == QLatin1String("worker")             ? SystemTemplate::Worker
                                                      : SystemTemplate::Backend;
    result.m_port = r.integer("port", 1, 65535).value_or(0);
    const YAML::Node system = r.mapping("system", YamlMappingReader::Presence::Required);
    if (system.IsMap()) {
        for (const auto &entry : system) {
            const QString key = QString::fromStdString(entry.first.Scalar());
            if (reservedKeys().contains(key)) {
                sink.error(toLocation(entry.first.Mark()),
                    QStringLiteral("template %1: system: '%2' is written by Shipyard from the command's arguments")
                        .arg(name, key));
                continue;
            }
            const std::optional<QJsonValue> value = readSystemValue(entry.second);
            if (!value) {
                sink.error(toLocation(entry.second.Mark()),
                    QStringLiteral("template %1: system: '%2' must be a string, a list of strings or a mapping of "
                                   "strings")
                        .arg(name, key));
                continue;
            }
            result.m_systemKeys.append({ key, *value });
        }
    }
    r.reportUnknownKeys(
        { QStringLiteral("description"), QStringLiteral("kind"), QStringLiteral("port"), QStringLiteral("system") });
    for (const Diagnostic &diagnostic : sink.diagnostics()) {
        if (diagnostic.isError())
            return fail();
    }
    *diagnostics += sink.takeDiagnostics();
    return result;
}

QString ServiceTemplate::fill(
    const QString &text, const QMap<QString, QString> &values, QList<std::pair<QString, qsizetype>> *unknown)
{
    // Lower case first: ${REPLICAS} and ${ENVIRONMENT} are the ecosystem's
    // variables, filled in at each delivery, and stay as they are.
    static const QRegularExpression placeholder(QStringLiteral("(?<!\\$)\\$\\{([a-z][A-Za-z0-9]*)\\}"));
    QString result;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = placeholder.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        result += QStringView(text).mid(last, match.capturedStart() - last);
        const QString key = match.captured(1);
        if (values.contains(key)) {
            result += values.value(key);
        } else {
            result += match.captured(0);
            if (unknown)
                unknown->append({ key, match.capturedStart() });
        }
        last = match.capturedEnd();
    }
    result += QStringView(text).mid(last);
    return result;
}

std::optional<QList<TemplateFile>> ServiceTemplate::render(
    const QMap<QString, QString> &values, QStringList *errors) const
{
    QList<TemplateFile> files;
    const qsizetype before = errors->size();
    QDirIterator it(m_directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    QStringList paths;
    while (it.hasNext())
        paths.append(QDir(m_directory).relativeFilePath(it.next()));
    paths.sort();
    for (const QString &relative : std::as_const(paths)) {
        if (relative == descriptionFileName())
            continue;
        const QString where = m_name + QLatin1Char('/') + relative;
        QList<std::pair<QString, qsizetype>> unknown;
        const QString path = fill(relative, values, &unknown);
        for (const auto &[key, offset] : std::as_const(unknown))
            errors->append(QStringLiteral("%1: the file name's placeholder ${%2} is not one of %3")
                    .arg(where, key, values.keys().join(QStringLiteral(", "))));
        QFile file(m_directory + QLatin1Char('/') + relative);
        if (!file.open(QIODevice::ReadOnly) || file.size() > maximumFileSize) {
            errors->append(QStringLiteral("%1: cannot read it (%2)")
                    .arg(where, file.isOpen() ? QStringLiteral("larger than 4 MiB") : file.errorString()));
            continue;
        }
        const QByteArray raw = file.readAll();
        const QString text = QString::fromUtf8(raw);
        if (text.toUtf8() != raw) {
            // Not text: copied as it is (an icon, a font).
            files.append({ path, raw });
            continue;
        }
        unknown.clear();
        const QString filled = fill(text, values, &unknown);
        for (const auto &[key, offset] : std::as_const(unknown)) {
            const SourceLocation location = YamlDocument::locationOfOffset(raw, text.left(offset).toUtf8().size());
            errors->append(QStringLiteral("%1:%2:%3: the placeholder ${%4} is not one of %5")
                    .arg(where)
                    .arg(location.line)
                    .arg(location.column)
                    .arg(key, values.keys().join(QStringLiteral(", "))));
        }
        files.append({ path, filled.toUtf8() });
    }
    if (errors->size() > before)
        return std::nullopt;
    return files;
}

} // namespace Shipyard
