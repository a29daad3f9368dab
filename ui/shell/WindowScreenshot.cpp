// SPDX-License-Identifier: GPL-2.0-or-later
#include "shell/WindowScreenshot.h"

#include <QApplication>
#include <QCoreApplication>
#include <QImageWriter>
#include <QPixmap>
#include <QWidget>

namespace Shipyard {

QString WindowScreenshot::save(QWidget *window, const QString &fileName)
{
    window->resize(window->size().expandedTo(minimumSize));
    window->show();
    // Let layouts settle and models fill their views before grabbing.
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    const QPixmap pixmap = window->grab();
    QImageWriter writer(fileName, "png");
    if (!writer.write(pixmap.toImage()))
        return QCoreApplication::translate("WindowScreenshot", "cannot write %1: %2")
            .arg(fileName, writer.errorString());
    return {};
}

} // namespace Shipyard
