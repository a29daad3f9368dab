// SPDX-License-Identifier: GPL-2.0-or-later
#include "tracker/FileTracker.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace Shipyard {

namespace {

QString scalar(const YAML::Node &node, const char *name)
{
    const YAML::Node value = node[name];
    return value && value.IsScalar() ? QString::fromStdString(value.Scalar()) : QString();
}

struct Loaded
{
    YAML::Node root;
    TrackerError error;
};

Loaded load(const QString &path, const QString &description)
{
    Loaded loaded;
    QFile file(path);
    if (!file.exists()) {
        loaded.error = { TrackerError::Kind::NotFound, QStringLiteral("%1: the file does not exist").arg(description) };
        return loaded;
    }
    if (file.size() > FileTracker::maximumFileSize || !file.open(QIODevice::ReadOnly)) {
        loaded.error = { TrackerError::Kind::BadResponse,
            QStringLiteral("%1: cannot read the file (%2)")
                .arg(description,
                    file.size() > FileTracker::maximumFileSize ? QStringLiteral("too large") : file.errorString()) };
        return loaded;
    }
    try {
        loaded.root = YAML::Load(file.readAll().toStdString());
    } catch (const YAML::Exception &exception) {
        loaded.error = { TrackerError::Kind::BadResponse,
            QStringLiteral("%1: line %2: %3")
                .arg(description)
                .arg(exception.mark.line + 1)
                .arg(QString::fromStdString(exception.msg)) };
        return loaded;
    }
    if (loaded.root.IsNull())
        loaded.root = YAML::Node(YAML::NodeType::Map);
    const YAML::Node tasks = loaded.root.IsMap() ? loaded.root["tasks"] : YAML::Node();
    if (!loaded.root.IsMap() || (tasks && !tasks.IsMap() && !tasks.IsSequence()))
        loaded.error = { TrackerError::Kind::BadResponse,
            QStringLiteral("%1: expected 'tasks': a mapping by task key, or a list of tasks with a 'key'")
                .arg(description) };
    return loaded;
}

// The task's node, in either layout; invalid when there is none. yaml-cpp
// nodes are references: changing the result changes the document.
YAML::Node findTask(const YAML::Node &root, const QString &key)
{
    const YAML::Node tasks = root["tasks"];
    if (tasks && tasks.IsMap()) {
        const YAML::Node node = tasks[key.toStdString()];
        if (node && node.IsMap())
            return node;
    } else if (tasks && tasks.IsSequence()) {
        for (const YAML::Node &node : tasks)
            if (node.IsMap() && scalar(node, "key") == key)
                return node;
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

TrackerError save(const QString &path, const YAML::Node &root, const QString &description)
{
    YAML::Emitter emitter;
    emitter << root;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(emitter.c_str()) < 0 || !file.write("\n") || !file.commit())
        return { TrackerError::Kind::Other,
            QStringLiteral("%1: cannot write the file: %2").arg(description, file.errorString()) };
    return {};
}

} // namespace

FileTracker::FileTracker(const QString &path) : m_path(path)
{ }

QString FileTracker::description() const
{
    return QStringLiteral("task file %1").arg(m_path);
}

Task FileTracker::taskFrom(const YAML::Node &node, const QString &key) const
{
    Task task;
    task.key = key;
    task.title = scalar(node, "title");
    task.status = scalar(node, "status");
    task.assignee = scalar(node, "assignee");
    task.url = QUrl::fromLocalFile(QFileInfo(m_path).absoluteFilePath());
    task.url.setFragment(key);
    return task;
}

TaskLookup FileTracker::task(const QString &key)
{
    TaskLookup lookup;
    Loaded loaded = load(m_path, description());
    if ((lookup.error = loaded.error))
        return lookup;
    const YAML::Node node = findTask(loaded.root, key);
    if (!node.IsDefined()) {
        lookup.error = { TrackerError::Kind::NotFound, QStringLiteral("%1: no task %2").arg(description(), key) };
        return lookup;
    }
    lookup.task = taskFrom(node, key);
    return lookup;
}

TaskListing FileTracker::tasksWithStatus(const QString &status)
{
    TaskListing listing;
    Loaded loaded = load(m_path, description());
    if ((listing.error = loaded.error))
        return listing;
    const auto consider = [&](const YAML::Node &node, const QString &key) {
        if (node.IsMap() && !key.isEmpty() && scalar(node, "status").compare(status, Qt::CaseInsensitive) == 0)
            listing.tasks.append(taskFrom(node, key));
    };
    const YAML::Node tasks = loaded.root["tasks"];
    if (tasks && tasks.IsMap()) {
        for (const auto &entry : tasks)
            consider(entry.second, entry.first.IsScalar() ? QString::fromStdString(entry.first.Scalar()) : QString());
    } else if (tasks && tasks.IsSequence()) {
        for (const YAML::Node &node : tasks)
            consider(node, scalar(node, "key"));
    }
    return listing;
}

TrackerError FileTracker::transition(const QString &key, const QString &status)
{
    Loaded loaded = load(m_path, description());
    if (loaded.error)
        return loaded.error;
    YAML::Node node = findTask(loaded.root, key);
    if (!node.IsDefined())
        return { TrackerError::Kind::NotFound, QStringLiteral("%1: no task %2").arg(description(), key) };
    QString name = status;
    if (const YAML::Node statuses = loaded.root["statuses"]; statuses && statuses.IsSequence()) {
        QStringList allowed;
        for (const YAML::Node &entry : statuses)
            if (entry.IsScalar())
                allowed.append(QString::fromStdString(entry.Scalar()));
        const auto match = std::find_if(allowed.begin(), allowed.end(),
            [&](const QString &candidate) { return candidate.compare(status, Qt::CaseInsensitive) == 0; });
        if (match == allowed.end())
            return { TrackerError::Kind::Rejected,
                QStringLiteral("%1: no status '%2'; statuses are: %3")
                    .arg(description(), status, allowed.join(QStringLiteral(", "))) };
        name = *match;
    }
    node["status"] = name.toStdString();
    return save(m_path, loaded.root, description());
}

TrackerError FileTracker::addComment(const QString &key, const QString &text)
{
    Loaded loaded = load(m_path, description());
    if (loaded.error)
        return loaded.error;
    YAML::Node node = findTask(loaded.root, key);
    if (!node.IsDefined())
        return { TrackerError::Kind::NotFound, QStringLiteral("%1: no task %2").arg(description(), key) };
    YAML::Node comment(YAML::NodeType::Map);
    comment["at"] = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    comment["text"] = text.toStdString();
    YAML::Node comments = node["comments"];
    if (comments && !comments.IsSequence())
        return { TrackerError::Kind::BadResponse,
            QStringLiteral("%1: %2's comments are not a list").arg(description(), key) };
    node["comments"].push_back(comment);
    return save(m_path, loaded.root, description());
}

} // namespace Shipyard
