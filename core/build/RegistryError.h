// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Shipyard {

// Why a registry request failed; message is one sentence for people.
struct RegistryError
{
    enum class Kind {
        None,
        Unreachable,
        Unauthorized,
        Forbidden,
        NotFound,
        Protocol,
        Cancelled,
        DeletionDisabled, // 405 to a DELETE: the registry's storage.delete is off
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString message;

    bool isError() const { return kind != Kind::None; }
};

} // namespace Shipyard
