// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace Shipyard {

// A Kubernetes object as kubectl get -o yaml prints it: block style, keys
// sorted (as QJsonObject and kubectl both keep them), strings quoted only where YAML would misread them.
class YamlText
{
public:
    static QString fromJson(const QJsonObject &object);
    // A scalar as it appears after "key: ".
    static QString scalar(const QJsonValue &value);
};

} // namespace Shipyard
