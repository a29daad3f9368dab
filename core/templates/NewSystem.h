// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "support/Diagnostic.h"
#include "templates/ServiceTemplate.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Shipyard {

// A new system from a service template (`shipyardctl new system`): its
// repository made from the template's files, with one commit on the
// ecosystem's upstream branch, and its entry added to the ecosystem file
// (EcosystemFileEditor). The file must load before and after; when the
// result does not, the file gets its old bytes back and the new repository
// is removed, so a failure leaves nothing behind.
class NewSystem
{
public:
    struct Request
    {
        QString name; // a DNS label, as every system's name
        QString templateName;
        QString ecosystemPath;
        QString repository; // the folder to create; empty: beside the other systems
        QString description; // the entry's `description`, none when empty
        int port = 0; // 0: the template's own
        bool dryRun = false; // work everything out, write nothing
    };

    struct Result
    {
        bool succeeded = false;
        QString error; // what went wrong, for a person; several lines at most
        Diagnostics diagnostics; // the file's problems, when it is what failed
        QString templateDirectory; // where the template was read from
        QString repository; // the new repository's folder, absolute
        QString repositoryEntry; // as written into the file: relative to it when under its folder
        QString upstream; // the branch of the first commit
        QString commit; // its id (empty in a dry run)
        QStringList files; // the repository's files, relative to it
        int line = 0; // the new entry's first line in the file
        QByteArray entry; // the new entry's text
    };

    static Result create(const Request &request);
};

} // namespace Shipyard
