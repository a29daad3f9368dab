// SPDX-License-Identifier: GPL-2.0-or-later
#include "support/LineDiff.h"

#include <vector>

namespace Shipyard {

namespace {

// Myers on the middle part (common head and tail already taken off).
// Each round d keeps only its diagonals -d..d, so memory is O(D²), not O(D·N).
QList<LineDiff::Edit> middle(
    const QStringList &a, qsizetype a0, qsizetype n, const QStringList &b, qsizetype b0, qsizetype m)
{
    using Op = LineDiff::Op;
    QList<LineDiff::Edit> script;
    const auto replaceAll = [&] {
        for (qsizetype i = 0; i < n; ++i)
            script.append({ Op::Delete, a[a0 + i] });
        for (qsizetype j = 0; j < m; ++j)
            script.append({ Op::Insert, b[b0 + j] });
        return script;
    };
    if (n == 0 || m == 0)
        return replaceAll();
    const qsizetype limit = std::min<qsizetype>(n + m, LineDiff::maxDistance);
    // trace[d][k + d]: the furthest x on diagonal k after d edits.
    std::vector<std::vector<qsizetype>> trace;
    std::vector<qsizetype> previous; // round d-1, indexed k + (d-1)
    bool reached = false;
    for (qsizetype d = 0; d <= limit && !reached; ++d) {
        std::vector<qsizetype> current(size_t(2 * d + 1));
        const auto at = [&](qsizetype k) { return previous[size_t(k + d - 1)]; };
        for (qsizetype k = -d; k <= d; k += 2) {
            qsizetype x = 0;
            if (d == 0)
                x = 0;
            else if (k == -d || (k != d && at(k - 1) < at(k + 1)))
                x = at(k + 1); // down: an insertion
            else
                x = at(k - 1) + 1; // right: a deletion
            qsizetype y = x - k;
            while (x < n && y < m && a[a0 + x] == b[b0 + y]) {
                ++x;
                ++y;
            }
            current[size_t(k + d)] = x;
            if (x >= n && y >= m)
                reached = true;
        }
        trace.push_back(current);
        previous = std::move(current);
    }
    if (!reached)
        return replaceAll();

    // Back from (n, m) to (0, 0), collecting the script in reverse.
    QList<LineDiff::Edit> reversed;
    qsizetype x = n;
    qsizetype y = m;
    for (qsizetype d = qsizetype(trace.size()) - 1; d > 0; --d) {
        const std::vector<qsizetype> &before = trace[size_t(d - 1)];
        const auto at = [&](qsizetype k) { return before[size_t(k + d - 1)]; };
        const qsizetype k = x - y;
        const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
        const qsizetype previousK = down ? k + 1 : k - 1;
        const qsizetype previousX = at(previousK);
        const qsizetype previousY = previousX - previousK;
        const qsizetype startX = down ? previousX : previousX + 1;
        while (x > startX) {
            reversed.append({ Op::Equal, a[a0 + x - 1] });
            --x;
            --y;
        }
        if (down)
            reversed.append({ Op::Insert, b[b0 + previousY] });
        else
            reversed.append({ Op::Delete, a[a0 + previousX] });
        x = previousX;
        y = previousY;
    }
    while (x > 0) {
        reversed.append({ Op::Equal, a[a0 + x - 1] });
        --x;
    }
    for (qsizetype i = reversed.size() - 1; i >= 0; --i)
        script.append(reversed[i]);
    return script;
}

QString range(qsizetype start, qsizetype count)
{
    // As GNU diff: an empty range names the line before it, a single line has no count.
    if (count == 1)
        return QString::number(start + 1);
    return QStringLiteral("%1,%2").arg(count == 0 ? start : start + 1).arg(count);
}

} // namespace

QList<LineDiff::Edit> LineDiff::edits(const QStringList &from, const QStringList &to)
{
    qsizetype head = 0;
    while (head < from.size() && head < to.size() && from[head] == to[head])
        ++head;
    qsizetype tail = 0;
    while (tail < from.size() - head && tail < to.size() - head &&
        from[from.size() - 1 - tail] == to[to.size() - 1 - tail])
        ++tail;
    QList<Edit> script;
    for (qsizetype i = 0; i < head; ++i)
        script.append({ Op::Equal, from[i] });
    script += middle(from, head, from.size() - head - tail, to, head, to.size() - head - tail);
    for (qsizetype i = from.size() - tail; i < from.size(); ++i)
        script.append({ Op::Equal, from[i] });
    return script;
}

QString LineDiff::unified(
    const QStringList &from, const QStringList &to, const QString &fromName, const QString &toName, int context)
{
    const QList<Edit> script = edits(from, to);
    QString text;
    qsizetype i = 0;
    // Line numbers (0-based) in FROM and TO before script[i].
    std::vector<std::pair<qsizetype, qsizetype>> position(size_t(script.size()) + 1);
    for (qsizetype e = 0, x = 0, y = 0; e <= script.size(); ++e) {
        position[size_t(e)] = { x, y };
        if (e == script.size())
            break;
        if (script[e].op != Op::Insert)
            ++x;
        if (script[e].op != Op::Delete)
            ++y;
    }
    while (i < script.size()) {
        if (script[i].op == Op::Equal) {
            ++i;
            continue;
        }
        // A hunk: from CONTEXT lines before this change to CONTEXT after the
        // last change that is at most 2·CONTEXT equal lines from the previous.
        const qsizetype start = std::max<qsizetype>(0, i - context);
        qsizetype end = i;
        qsizetype equalRun = 0;
        for (qsizetype e = i; e < script.size(); ++e) {
            if (script[e].op == Op::Equal) {
                if (++equalRun > 2 * context)
                    break;
            } else {
                equalRun = 0;
                end = e + 1;
            }
        }
        const qsizetype stop = std::min<qsizetype>(script.size(), end + context);
        if (text.isEmpty())
            text = QStringLiteral("--- %1\n+++ %2\n").arg(fromName, toName);
        const auto [x0, y0] = position[size_t(start)];
        const auto [x1, y1] = position[size_t(stop)];
        text += QStringLiteral("@@ -%1 +%2 @@\n").arg(range(x0, x1 - x0), range(y0, y1 - y0));
        for (qsizetype e = start; e < stop; ++e) {
            const QChar mark = script[e].op == Op::Equal ? QLatin1Char(' ')
                : script[e].op == Op::Delete             ? QLatin1Char('-')
                                                         : QLatin1Char('+');
            text += mark + script[e].line + QLatin1Char('\n');
        }
        i = stop;
    }
    return text;
}

} // namespace Shipyard
