// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "releases/ReleaseRecord.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Shipyard {

// The values of the Secrets a release record holds, kept apart from it. A
// record is a ConfigMap, which many more people may read than may read
// Secrets; so the data and stringData of every Secret object in a record
// (and a kubectl last-applied annotation, which repeats them) go into a
// Secret of their own beside the record (ReleaseStore writes it), and each
// such object stays in the record without them, annotated Labels::secretValues
// with the name of that Secret. Reading a record puts them back, so that a
// rollback re-applies a Secret exactly; an object whose values could not be
// put back is never applied (ReleaseApplier::restore refuses the record).
class ReleaseSecrets
{
public:
    // The companion Secret's one key, JSON:
    // {"secrets": [{"system", "name", "data", "stringData", "lastApplied", "emptyAnnotations"}]}.
    static constexpr const char *dataKey = "values.json";

    // "shipyard-release-<id>-secrets"
    static QString secretName(const QString &releaseId);
    static bool isSecret(const QJsonObject &object);
    // A Secret object still without its values: applying it would empty the Secret.
    static bool isWithheld(const QJsonObject &object);
    // "secret/db" for each withheld object of RECORD; of SYSTEMS only, when given.
    static QStringList withheld(const ReleaseRecord &record, const QStringList &systems = {});

    // RECORD with every Secret object's values taken out into VALUES (the
    // companion's JSON; empty when no Secret had any) and the object marked
    // as kept in the Secret named for RECORD's id. Objects withheld already stay as they are.
    static ReleaseRecord withoutValues(const ReleaseRecord &record, QJsonObject *values);
    // VALUES (as withoutValues made them) put back into RECORD's withheld
    // objects. False, with ERROR naming the objects, when VALUES lacks any;
    // those stay withheld.
    static bool restoreValues(ReleaseRecord &record, const QJsonObject &values, QString *error = nullptr);

    // Every value in VALUES as written, and each data value decoded when it
    // is text, with the lines of the multi-line ones: what no log may show.
    static QStringList plainValues(const QJsonObject &values);
};

} // namespace Shipyard
