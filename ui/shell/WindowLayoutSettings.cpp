// SPDX-License-Identifier: GPL-2.0-or-later
#include "shell/WindowLayoutSettings.h"

#include <QSettings>
#include <QSplitter>
#include <QTabWidget>

namespace Shipyard {

// "MainWindow/QTabWidget0/Shipyard::ClusterView/QSplitter0": each step is the
// class and, among its siblings of that class, the index.
static QString pathOf(const QWidget *widget, const QWidget *window)
{
    QStringList steps;
    for (const QObject *object = widget; object && object != window; object = object->parent()) {
        int index = 0;
        if (const QObject *parent = object->parent()) {
            for (const QObject *sibling : parent->children()) {
                if (sibling == object)
                    break;
                if (qstrcmp(sibling->metaObject()->className(), object->metaObject()->className()) == 0)
                    ++index;
            }
        }
        steps.prepend(QString::fromLatin1(object->metaObject()->className()) + QString::number(index));
    }
    return steps.join(QLatin1Char('/'));
}

void WindowLayoutSettings::save(const QWidget *window, QSettings &settings)
{
    settings.beginGroup(QStringLiteral("layout"));
    settings.remove(QString());
    for (const QSplitter *splitter : window->findChildren<QSplitter *>())
        settings.setValue(pathOf(splitter, window) + QStringLiteral("/sizes"), splitter->saveState());
    for (const QTabWidget *tabs : window->findChildren<QTabWidget *>())
        settings.setValue(pathOf(tabs, window) + QStringLiteral("/page"), tabs->currentIndex());
    settings.endGroup();
}

void WindowLayoutSettings::restore(QWidget *window, const QSettings &settings)
{
    const QString group = QStringLiteral("layout/");
    for (QSplitter *splitter : window->findChildren<QSplitter *>()) {
        const QVariant state = settings.value(group + pathOf(splitter, window) + QStringLiteral("/sizes"));
        if (state.isValid())
            splitter->restoreState(state.toByteArray()); // checks its own marker and count
    }
    for (QTabWidget *tabs : window->findChildren<QTabWidget *>()) {
        bool ok = false;
        const int page = settings.value(group + pathOf(tabs, window) + QStringLiteral("/page")).toInt(&ok);
        if (ok && page >= 0 && page < tabs->count())
            tabs->setCurrentIndex(page);
    }
}

} // namespace Shipyard
