// SPDX-License-Identifier: GPL-2.0-or-later
#include "support/YamlDocument.h"

#include <QHash>
#include <QStringDecoder>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <sstream>
#include <string>
#include <vector>

namespace Shipyard {

namespace {

// Finds where a second YAML document starts, if there is one.
// YAML::LoadAll is not used because it never returns on some malformed
// input (a document starting with ','): here the parser is asked for two
// documents at most.
class SecondDocumentFinder : public YAML::EventHandler
{
public:
    static std::optional<SourceLocation> find(const std::string &text)
    {
        std::istringstream stream(text);
        YAML::Parser parser(stream);
        SecondDocumentFinder finder;
        if (!parser.HandleNextDocument(finder))
            return std::nullopt;
        if (!parser.HandleNextDocument(finder) || !finder.m_hasContent)
            return std::nullopt;
        return finder.m_start;
    }

    void OnDocumentStart(const YAML::Mark &mark) override
    {
        m_start = toLocation(mark);
        m_hasContent = false;
    }
    void OnDocumentEnd() override { }
    void OnNull(const YAML::Mark &, YAML::anchor_t) override { }
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override { m_hasContent = true; }
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t, const std::string &) override
    {
        m_hasContent = true;
    }
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override
    {
        m_hasContent = true;
    }
    void OnSequenceEnd() override { }
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override
    {
        m_hasContent = true;
    }
    void OnMapEnd() override { }

private:
    SourceLocation m_start;
    bool m_hasContent = false;
};

} // namespace

// yaml-cpp keeps every entry of a mapping with a repeated key and silently
// answers lookups with one of them; the repetition is almost always a
// copy-paste mistake, so it is reported at the second occurrence.
// Aliases let a small file describe an enormous tree ("billion laughs"), so
// the walk gives up after a number of nodes no real file comes near.
bool YamlDocument::reportDuplicateKeys(const YAML::Node &root, DiagnosticSink &sink)
{
    constexpr int maximumNodes = 1'000'000;
    int visited = 0;
    std::vector<YAML::Node> pending { root };
    while (!pending.empty()) {
        if (++visited > maximumNodes) {
            sink.error(
                {}, QStringLiteral("the document expands to more than %1 nodes (through aliases?)").arg(maximumNodes));
            return false;
        }
        const YAML::Node node = pending.back();
        pending.pop_back();
        if (node.IsSequence()) {
            for (const YAML::Node &item : node)
                pending.push_back(item);
        } else if (node.IsMap()) {
            QHash<QString, SourceLocation> seen;
            for (const auto &entry : node) {
                const YAML::Node keyNode = entry.first;
                if (keyNode.IsScalar()) {
                    const QString key = QString::fromStdString(keyNode.Scalar());
                    const SourceLocation where = toLocation(keyNode.Mark());
                    const auto first = seen.constFind(key);
                    if (first != seen.constEnd()) {
                        sink.error(where,
                            QStringLiteral("duplicate key '%1' (first defined at line %2)").arg(key).arg(first->line));
                    } else {
                        seen.insert(key, where);
                    }
                }
                pending.push_back(entry.second);
            }
        }
    }
    return true;
}

SourceLocation YamlDocument::locationOfOffset(const QByteArray &data, qsizetype offset)
{
    SourceLocation location { 1, 1 };
    for (qsizetype i = 0; i < offset && i < data.size(); ++i) {
        if (data[i] == '\n') {
            ++location.line;
            location.column = 1;
        } else if ((data[i] & 0xC0) != 0x80) {
            ++location.column;
        }
    }
    return location;
}

qsizetype YamlDocument::firstInvalidUtf8(const QByteArray &data)
{
    const auto *bytes = reinterpret_cast<const uchar *>(data.constData());
    const qsizetype size = data.size();
    for (qsizetype i = 0; i < size;) {
        const uchar lead = bytes[i];
        const int length = lead < 0x80 ? 1
            : (lead >> 5) == 0x6       ? 2
            : (lead >> 4) == 0xE       ? 3
            : (lead >> 3) == 0x1E      ? 4
                                       : 0;
        if (length == 0 || i + length > size)
            return i;
        for (int k = 1; k < length; ++k) {
            if ((bytes[i + k] & 0xC0) != 0x80)
                return i;
        }
        i += length;
    }
    // Overlong forms and surrogates pass the scan above; the decoder knows them.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(data);
    return decoder.hasError() ? 0 : -1;
}

std::optional<YAML::Node> YamlDocument::parse(
    const QByteArray &data, qint64 maximumSize, DiagnosticSink &sink, std::optional<SourceLocation> *secondDocument)
{
    if (data.size() > maximumSize) {
        sink.error({}, QStringLiteral("the data is larger than %1 MiB").arg(maximumSize / (1024 * 1024)));
        return std::nullopt;
    }
    if (const qsizetype bad = firstInvalidUtf8(data); bad >= 0) {
        sink.error(locationOfOffset(data, bad), QStringLiteral("the file is not UTF-8 text"));
        return std::nullopt;
    }
    if (const qsizetype nul = data.indexOf('\0'); nul >= 0) {
        sink.error(locationOfOffset(data, nul), QStringLiteral("the file contains a NUL byte; it is not a text file"));
        return std::nullopt;
    }
    const std::string text = data.toStdString();
    YAML::Node root;
    try {
        root = YAML::Load(text);
        if (secondDocument)
            *secondDocument = SecondDocumentFinder::find(text);
    } catch (const YAML::DeepRecursion &e) {
        sink.error(toLocation(e.mark), QStringLiteral("the document is nested too deeply"));
        return std::nullopt;
    } catch (const YAML::Exception &e) {
        sink.error(toLocation(e.mark), QStringLiteral("YAML syntax error: %1").arg(QString::fromStdString(e.msg)));
        return std::nullopt;
    }
    return root;
}

} // namespace Shipyard
