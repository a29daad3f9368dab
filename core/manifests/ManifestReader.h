// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "kube/KubeResourceType.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Shipyard {

// Kubernetes manifests as the JSON objects server-side apply takes: YAML
// files (several documents each) or folders of them, read in name order,
// and the edits a delivery makes to them. ManifestRenderer makes a
// system's objects with it.
class ManifestReader
{
public:
    // PATHS are files or folders (their *.yaml, *.yml and *.json files).
    // Plain scalars get YAML 1.2 core types (2 → number, true → bool), quoted
    // ones stay strings, as kubectl reads them.
    static QList<QJsonObject> read(const QStringList &paths, QString *error);
    // The files read() reads, in its order; on a missing path, ERROR is that path.
    static QStringList filesOf(const QStringList &paths, QString *error);
    static QList<QJsonObject> parse(const QByteArray &yaml, const QString &fileName, QString *error);

    // Every container of a pod template (or of a bare pod) whose image is
    // REPOSITORY, with or without a registry host, tag or digest, gets IMAGE.
    // Returns how many were changed.
    static int substituteImage(QJsonObject &object, const QString &repository, const QString &image);
    // The pod spec of a bare pod, a workload's pod template or a CronJob's
    // job template; empty for objects that run no pods.
    static QJsonObject podSpecOf(const QJsonObject &object);
    // The image of the first container that substituteImage would change.
    static QString imageOf(const QJsonObject &object, const QString &repository);
    static bool matchesRepository(const QString &image, const QString &repository);
    static void annotate(QJsonObject &object, const QString &key, const QString &value);

    // The resource OBJECT is written to, from its apiVersion and kind: what
    // apply() and remove() send requests to, and so what a permission check asks about.
    static KubeResourceType typeOf(const QJsonObject &object);
    // The API path of the object in NS, from apiVersion, kind and name.
    static QString pathOf(const QJsonObject &object, const QString &ns);
};

} // namespace Shipyard
