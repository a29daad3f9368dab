// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Shipyard {

// The shortest edit script between two texts, line by line (Myers' O(ND)
// algorithm), and the unified diff `diff -u` would print for it. Neither Qt
// nor the libraries Shipyard already links offer one, and kubectl diff needs
// an external diff program that a desktop may lack.
class LineDiff
{
public:
    enum class Op { Equal, Delete, Insert };
    struct Edit
    {
        Op op = Op::Equal;
        QString line;
        friend bool operator==(const Edit &, const Edit &) = default;
    };

    // Beyond this many differing lines the script stops being the shortest:
    // the middle is replaced as a whole, which keeps memory bounded.
    static constexpr int maxDistance = 4000;

    static QList<Edit> edits(const QStringList &from, const QStringList &to);
    // Empty when the texts are equal. CONTEXT lines surround each change.
    static QString unified(const QStringList &from, const QStringList &to, const QString &fromName,
        const QString &toName, int context = 3);
};

} // namespace Shipyard
