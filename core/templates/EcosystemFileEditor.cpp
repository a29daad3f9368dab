// SPDX-License-Identifier: GPL-2.0-or-later
#include "templates/EcosystemFileEditor.h"

#include "support/Diagnostic.h"
#include "support/YamlDocument.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace Shipyard {

namespace {

// The same limit as the loader's: an ecosystem is a few kilobytes.
constexpr qint64 maximumFileSize = 8 * 1024 * 1024;

// Where each line of a file starts; a last line without a newline counts.
class LineIndex
{
public:
    explicit LineIndex(const QByteArray &data) : m_data(data)
    {
        m_starts.append(0);
        for (qsizetype i = 0; i < data.size(); ++i) {
            if (data[i] == '\n' && i + 1 < data.size())
                m_starts.append(i + 1);
        }
        if (data.isEmpty())
            m_starts.clear();
    }

    int count() const { return int(m_starts.size()); }
    qsizetype start(int line) const { return line < 0 ? 0 : line < count() ? m_starts[line] : m_data.size(); }
    // The line without its line ending.
    QByteArrayView text(int line) const
    {
        qsizetype end = line + 1 < count() ? m_starts[line + 1] : m_data.size();
        while (end > start(line) && (m_data[end - 1] == '\n' || m_data[end - 1] == '\r'))
            --end;
        return QByteArrayView(m_data).sliced(start(line), end - start(line));
    }
    bool isBlank(int line) const { return text(line).trimmed().isEmpty(); }
    // The column of a comment that is the whole line, or -1.
    int commentColumn(int line) const
    {
        const QByteArrayView t = text(line);
        const int column = indentation(line);
        return column < t.size() && t[column] == '#' ? column : -1;
    }
    int indentation(int line) const
    {
        const QByteArrayView t = text(line);
        int column = 0;
        while (column < t.size() && t[column] == ' ')
            ++column;
        return column;
    }

private:
    const QByteArray &m_data;
    QList<qsizetype> m_starts;
};

QByteArray flowItem(const EcosystemFileEditor::Entry &entry)
{
    QStringList pairs;
    for (const auto &[key, value] : entry)
        pairs.append(key + QStringLiteral(": ") + value);
    return (QLatin1Char('{') + pairs.join(QStringLiteral(", ")) + QLatin1Char('}')).toUtf8();
}

// DASH: the column of the items' "-"; KEY: that of their keys.
QByteArray blockItem(const EcosystemFileEditor::Entry &entry, int dash, int key, const QByteArray &newline)
{
    QByteArray text;
    bool first = true;
    for (const auto &[name, value] : entry) {
        if (first)
            text += QByteArray(dash, ' ') + '-' + QByteArray(key - dash - 1, ' ');
        else
            text += QByteArray(key, ' ');
        text += (name + QStringLiteral(": ") + value).toUtf8() + newline;
        first = false;
    }
    return text;
}

// Skips a quoted scalar starting at I; the offset of its closing quote.
qsizetype skipQuoted(const QByteArray &data, qsizetype i)
{
    const char quote = data[i];
    for (++i; i < data.size(); ++i) {
        if (quote == '"' && data[i] == '\\')
            ++i;
        else if (data[i] == quote) {
            if (quote == '\'' && i + 1 < data.size() && data[i + 1] == '\'')
                ++i; // '' is a quote inside single quotes
            else
                return i;
        }
    }
    return data.size();
}

std::optional<EcosystemFileEditor::Result> appendToFlow(const QByteArray &data, const LineIndex &lines,
    const YAML::Node &systems, const EcosystemFileEditor::Entry &entry, QString *error)
{
    qsizetype open = lines.start(systems.Mark().line) + systems.Mark().column;
    if (open >= data.size() || data[open] != '[')
        open = data.indexOf('[', lines.start(systems.Mark().line));
    if (open < 0) {
        *error = QStringLiteral("cannot find where the flow list of systems starts");
        return std::nullopt;
    }
    int depth = 0;
    qsizetype last = -1; // the last character of the last item (or its comma)
    qsizetype close = -1;
    for (qsizetype i = open; i < data.size() && close < 0; ++i) {
        const char c = data[i];
        if (c == '#' && (i == 0 || data[i - 1] == ' ' || data[i - 1] == '\t' || data[i - 1] == '\n')) {
            while (i < data.size() && data[i] != '\n')
                ++i;
        } else if (c == '"' || c == '\'') {
            i = skipQuoted(data, i);
            last = i;
        } else if (c == '[' || c == '{') {
            if (i != open)
                last = i;
            ++depth;
        } else if (c == ']' || c == '}') {
            if (--depth == 0)
                close = i;
            else
                last = i;
        } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            last = i;
        }
    }
    if (close < 0) {
        *error = QStringLiteral("the flow list of systems has no closing ']'");
        return std::nullopt;
    }
    const QByteArray item = flowItem(entry);
    EcosystemFileEditor::Result result;
    result.inserted = item;
    if (last < 0) { // []: the first item
        result.data = data.left(open + 1) + item + data.mid(open + 1);
        result.line = YamlDocument::locationOfOffset(data, open).line;
        return result;
    }
    const bool trailingComma = data[last] == ',';
    const qsizetype lineEnd = data.indexOf('\n', last);
    if (lineEnd < 0 || lineEnd > close) { // "[a, b]": on the same line
        const QByteArray text = trailingComma ? QByteArray(' ' + item + ',') : QByteArray(", " + item);
        result.data = data.left(last + 1) + text + data.mid(last + 1);
        result.line = YamlDocument::locationOfOffset(data, last).line;
        return result;
    }
    // One item a line: the comma after the last one (before a comment that
    // follows it), the new item on a line of its own, indented alike.
    const int lastLine = YamlDocument::locationOfOffset(data, last).line - 1;
    const qsizetype end = lineEnd > 0 && data[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
    const QByteArray newline = data.mid(end, lineEnd + 1 - end);
    const QByteArray text =
        newline + QByteArray(lines.indentation(lastLine), ' ') + item + QByteArray(trailingComma ? "," : "");
    result.data = data.left(last + 1) + QByteArray(trailingComma ? "" : ",") + data.mid(last + 1, end - last - 1) +
        text + data.mid(end);
    result.line = lastLine + 2;
    return result;
}

} // namespace

std::optional<EcosystemFileEditor::Result> EcosystemFileEditor::appendSystem(
    const QByteArray &data, const Entry &entry, QString *error)
{
    DiagnosticSink sink(QString {});
    const std::optional<YAML::Node> root = YamlDocument::parse(data, maximumFileSize, sink);
    if (!root) {
        *error = sink.diagnostics().value(0).toString();
        return std::nullopt;
    }
    if (!root->IsMap() || root->Style() == YAML::EmitterStyle::Flow) {
        *error = QStringLiteral("the file is no block mapping of keys; add the system by hand");
        return std::nullopt;
    }
    const LineIndex lines(data);
    std::optional<YAML::Node> systems;
    YAML::Mark key;
    for (const auto &pair : *root) {
        if (pair.first.IsScalar() && pair.first.Scalar() == "systems") {
            systems = pair.second;
            key = pair.first.Mark();
        }
    }
    if (!systems) {
        *error = QStringLiteral("the file has no 'systems:' list");
        return std::nullopt;
    }
    // The item ends before the next top-level key, and before the comments
    // that belong to that key (at the key's own column).
    int next = lines.count();
    for (const auto &pair : *root) {
        if (pair.first.Mark().line > key.line)
            next = std::min(next, pair.first.Mark().line);
    }
    const QByteArray newline = data.contains("\r\n") ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");

    if (systems->IsSequence() && systems->Style() == YAML::EmitterStyle::Flow)
        return appendToFlow(data, lines, *systems, entry, error);
    int dash = key.column + 2;
    int keyColumn = dash + 2;
    bool flowItems = false;
    bool blankBetween = false;
    if (systems->IsSequence() && systems->size() > 0) {
        const YAML::Node lastItem = (*systems)[systems->size() - 1];
        dash = systems->Mark().column;
        keyColumn = std::max(lastItem.Mark().column, dash + 2);
        flowItems = lastItem.IsMap() && lastItem.Style() == YAML::EmitterStyle::Flow;
        if (systems->size() > 1) {
            const int second = (*systems)[1].Mark().line;
            blankBetween = second > 0 && lines.isBlank(second - 1);
        }
    } else if (!systems->IsNull()) {
        *error = QStringLiteral("line %1: 'systems' is no list").arg(key.line + 1);
        return std::nullopt;
    }
    int insertLine = next;
    while (insertLine - 1 > key.line &&
        (lines.isBlank(insertLine - 1) ||
            (lines.commentColumn(insertLine - 1) >= 0 && lines.commentColumn(insertLine - 1) <= key.column)))
        --insertLine;

    Result result;
    result.inserted = flowItems ? QByteArray(QByteArray(dash, ' ') + "- " + flowItem(entry) + newline)
                                : blockItem(entry, dash, keyColumn, newline);
    QByteArray text = (blankBetween ? newline : QByteArray()) + result.inserted;
    const qsizetype offset = lines.start(insertLine);
    if (offset == data.size() && !data.isEmpty() && !data.endsWith('\n')) {
        // The file ends without a newline, and so it still does.
        text = newline + text.left(text.size() - newline.size());
    }
    result.data = data.left(offset) + text + data.mid(offset);
    result.line = insertLine + 1 + (blankBetween ? 1 : 0);
    return result;
}

QString EcosystemFileEditor::flowScalar(const QString &text)
{
    // Plain only where neither block nor flow context reads it otherwise:
    // no indicator, no ": " or " #", not a boolean, null or number.
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./][A-Za-z0-9_./ =+-]*$"));
    static const QRegularExpression special(
        QStringLiteral("^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?[0-9][0-9_.eE+-]*|\\.inf|\\.nan)$"),
        QRegularExpression::CaseInsensitiveOption);
    if (plain.match(text).hasMatch() && !special.match(text).hasMatch() && !text.endsWith(QLatin1Char(' ')))
        return text;
    QString quoted = QStringLiteral("\"");
    for (const QChar c : text) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            quoted += QLatin1Char('\\') + c;
        else if (c == QLatin1Char('\n'))
            quoted += QStringLiteral("\\n");
        else if (c == QLatin1Char('\t'))
            quoted += QStringLiteral("\\t");
        else if (c.unicode() < 0x20)
            quoted += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            quoted += c;
    }
    return quoted + QLatin1Char('"');
}

QString EcosystemFileEditor::flowValue(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items.append(flowScalar(item.toString()));
        return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    if (value.isObject()) {
        QStringList items;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            items.append(flowScalar(it.key()) + QStringLiteral(": ") + flowScalar(it.value().toString()));
        return QLatin1Char('{') + items.join(QStringLiteral(", ")) + QLatin1Char('}');
    }
    return flowScalar(value.toString());
}

} // namespace Shipyard
