// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "doctor/DoctorCheck.h"

namespace Shipyard {

// A system's repository as a delivery uses it: the clone the ecosystem
// names opens, and its remote `origin` lists its branches (ls-remote,
// nothing fetched), the upstream branch among them.
class GitRemoteCheck : public DoctorCheck
{
public:
    // DIRECTORY: the clone, resolved; PLACE: where the ecosystem names it.
    GitRemoteCheck(const QString &system, const QString &directory, const QString &upstream, const QString &place);
    DoctorResult run(const Context &context) const override;

    // URL without user info (an https token), for messages.
    static QString displayUrl(const QString &url);

private:
    QString m_directory;
    QString m_upstream;
    QString m_place;
};

} // namespace Shipyard
