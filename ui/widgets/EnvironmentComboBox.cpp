// SPDX-License-Identifier: GPL-2.0-or-later
#include "widgets/EnvironmentComboBox.h"

#include <QSettings>
#include <QSignalBlocker>

namespace Shipyard {

EnvironmentComboBox::EnvironmentComboBox(QWidget *parent) : QComboBox(parent)
{
    setMinimumContentsLength(12);
    // setEcosystem() blocks signals: only the user's own choices are kept.
    connect(this, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_settingsKey.isEmpty() && !environment().isEmpty())
            QSettings().setValue(settingsName(), environment());
    });
}

QString EnvironmentComboBox::settingsName() const
{
    return QStringLiteral("environments/") + m_settingsKey;
}

void EnvironmentComboBox::setEcosystem(const Ecosystem &ecosystem, EnvironmentKind preferred)
{
    const QString previous = environment();
    const QSignalBlocker blocker(this);
    clear();
    for (const Environment &environment : ecosystem.environments) {
        if (environment.kind != EnvironmentKind::Showroom)
            addItem(environment.name, environment.name);
    }
    const Environment *first = ecosystem.firstEnvironment(preferred);
    int index = first ? findData(first->name) : -1;
    const QString remembered = m_settingsKey.isEmpty() ? QString() : QSettings().value(settingsName()).toString();
    if (findData(previous) >= 0)
        index = findData(previous);
    else if (!remembered.isEmpty() && findData(remembered) >= 0)
        index = findData(remembered);
    setCurrentIndex(count() > 0 ? std::max(index, 0) : -1);
}

QString EnvironmentComboBox::environment() const
{
    return currentData().toString();
}

bool EnvironmentComboBox::setEnvironment(const QString &name)
{
    const int index = findData(name);
    if (index < 0)
        return false;
    setCurrentIndex(index);
    return true;
}

} // namespace Shipyard
