// SPDX-License-Identifier: GPL-2.0-or-later
// YamlText: what the Cluster view shows as an object's YAML reads back, with
// yaml-cpp, as the same JSON: strings that look like other types stay strings.
#include "support/YamlText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace Shipyard;

namespace {

// Plain scalars resolve as YAML 1.1 core schema would: null, booleans, numbers.
QJsonValue toJson(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto &entry : node)
            object.insert(QString::fromStdString(entry.first.as<std::string>()), toJson(entry.second));
        return object;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const auto &item : node)
            array.append(toJson(item));
        return array;
    }
    case YAML::NodeType::Scalar: {
        const QString text = QString::fromStdString(node.Scalar());
        if (node.Tag() == "!")
            return text; // quoted: a string whatever it looks like
        if (text == QLatin1String("null") || text == QLatin1String("~"))
            return QJsonValue::Null;
        if (text == QLatin1String("true") || text == QLatin1String("false"))
            return text == QLatin1String("true");
        bool ok = false;
        const double number = text.toDouble(&ok);
        return ok ? QJsonValue(number) : QJsonValue(text);
    }
    default:
        return QJsonValue::Null;
    }
}

} // namespace

class tst_YamlText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsBackAsTheSameObject()
    {
        // Single quotes stand for double quotes (moc cannot read raw strings).
        QByteArray json =
            "{\n"
            "            'apiVersion': 'v1', 'kind': 'Pod',\n"
            "            'metadata': {'name': 'web-1', 'labels': {'app': 'web', 'version': '1.0', 'on': 'yes'},\n"
            "                         'annotations': {'empty': '', 'colon': 'a: b', 'hash': 'x #y', 'dash': '- z',\n"
            "                                         'multi': 'line one\\nline two', 'quote': 'say \\u0022hi\\u0022', "
            "'unicode': 'café ✔',\n"
            "                                         'null-word': 'null', 'true-word': 'true', 'number-word': "
            "'0x1F',\n"
            "                                         'trailing': 'space ', 'leading': ' space', 'star': '*ref'}},\n"
            "            'spec': {'replicas': 3, 'ratio': 0.25, 'paused': false, 'nothing': null, 'emptyMap': {}, "
            "'emptyList': [],\n"
            "                     'containers': [{'name': 'app', 'image': 'demo/app:1.0', 'args': ['--port', '8080', "
            "'true'],\n"
            "                                     'ports': [{'containerPort': 8080}]}],\n"
            "                     'matrix': [[1, 2], ['a', 'b']]}\n"
            "        }\n";
        json.replace('\'', '"');
        const QJsonObject object = QJsonDocument::fromJson(json).object();
        QVERIFY(!object.isEmpty());
        const QString yaml = YamlText::fromJson(object);
        YAML::Node parsed;
        try {
            parsed = YAML::Load(yaml.toStdString());
        } catch (const YAML::Exception &error) {
            QFAIL(qPrintable(QStringLiteral("%1\n%2").arg(QString::fromStdString(error.what()), yaml)));
        }
        const QJsonValue back = toJson(parsed);
        if (back.toObject() != object)
            QFAIL(qPrintable(QStringLiteral("YAML:\n%1\nread back as:\n%2")
                    .arg(yaml, QString::fromUtf8(QJsonDocument(back.toObject()).toJson()))));
        // kubectl's layout: sequences at their key's indentation, first key on the dash's line.
        QVERIFY2(yaml.contains(QStringLiteral("  containers:\n  - args:\n    - --port\n")), qPrintable(yaml));
        QVERIFY(yaml.contains(QStringLiteral("kind: Pod\n")));
        QVERIFY(yaml.contains(QStringLiteral("    version: \"1.0\"\n")));
    }
};

QTEST_GUILESS_MAIN(tst_YamlText)
#include "tst_yamltext.moc"
