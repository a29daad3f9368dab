// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cluster/LogHighlighter.h"

#include <QHash>

namespace Shipyard {

// A system's log: each line's "[pod/container]" prefix in its pod's color
// (the same pod, the same color), the time before it, when shown, dimmed;
// the rest as LogHighlighter colors a pod's log.
class SystemLogHighlighter : public LogHighlighter
{
    Q_OBJECT
public:
    using LogHighlighter::LogHighlighter;

    // The color of POD: one of a few distinct hues, stable for a name.
    static QColor colorOf(const QString &pod, bool dark);

    // Lines start with their time ("14:03:07.123 [pod/container] …").
    void setTimesShown(bool shown);

protected:
    void highlightBlock(const QString &text) override;

private:
    bool m_times = false;
};

} // namespace Shipyard
