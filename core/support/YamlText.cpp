// SPDX-License-Identifier: GPL-2.0-or-later
#include "support/YamlText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace Shipyard {

namespace {

bool needsQuotes(const QString &text)
{
    if (text.isEmpty())
        return true;
    // Words YAML 1.1 reads as booleans or null, and anything that looks like a number.
    static const QRegularExpression special(QStringLiteral(
        "^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~"
        "|[-+]?(?:\\.[0-9]+|[0-9][0-9_]*(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+"
        "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"));
    if (special.match(text).hasMatch())
        return true;
    const QChar first = text.front();
    if (QStringLiteral(",[]{}#&*!|>'\"%@`").contains(first) || first.isSpace() || text.back().isSpace())
        return true;
    // "-", "?" and ":" start a plain scalar unless a space (or nothing) follows: "--port" is fine.
    if (QStringLiteral("-?:").contains(first) && (text.size() == 1 || text.at(1).isSpace()))
        return true;
    if (text.contains(QLatin1String(": ")) || text.contains(QLatin1String(" #")) || text.endsWith(QLatin1Char(':')))
        return true;
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c == QLatin1Char('\n') || c == QLatin1Char('\t'))
            return true;
    }
    return false;
}

QString quoted(const QString &text)
{
    // A JSON string is a valid YAML double-quoted scalar.
    const QByteArray json = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

void write(QString &out, const QJsonValue &value, int indent);

void writeObject(QString &out, const QJsonObject &object, int indent)
{
    const QString pad(indent, QLatin1Char(' '));
    for (auto it = object.begin(); it != object.end(); ++it) {
        out += pad + (needsQuotes(it.key()) ? quoted(it.key()) : it.key()) + QLatin1Char(':');
        write(out, it.value(), indent + 2);
    }
}

void writeArray(QString &out, const QJsonArray &array, int indent)
{
    // Sequences sit at their key's indentation, as kubectl prints them.
    const QString pad(std::max(0, indent - 2), QLatin1Char(' '));
    for (const QJsonValue &item : array) {
        out += pad + QLatin1Char('-');
        if (item.isObject() && !item.toObject().isEmpty()) {
            // The first key shares the dash's line.
            QString nested;
            writeObject(nested, item.toObject(), indent);
            out += QLatin1Char(' ') + nested.mid(indent);
        } else {
            write(out, item, indent + 2);
        }
    }
}

void write(QString &out, const QJsonValue &value, int indent)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            out += QLatin1String(" {}\n");
            return;
        }
        out += QLatin1Char('\n');
        writeObject(out, object, indent);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out += QLatin1String(" []\n");
            return;
        }
        out += QLatin1Char('\n');
        writeArray(out, array, indent);
    } else {
        out += QLatin1Char(' ') + YamlText::scalar(value) + QLatin1Char('\n');
    }
}

} // namespace

QString YamlText::scalar(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == double(qint64(number)) && std::abs(number) < 9e15)
            return QString::number(qint64(number));
        return QString::number(number, 'g', 17);
    }
    case QJsonValue::String: {
        const QString text = value.toString();
        return needsQuotes(text) ? quoted(text) : text;
    }
    default:
        return {};
    }
}

QString YamlText::fromJson(const QJsonObject &object)
{
    QString out;
    writeObject(out, object, 0);
    return out;
}

} // namespace Shipyard
