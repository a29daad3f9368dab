// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"
#include "pipeline/Delivery.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Shipyard {

// Chooses what to deliver where: an environment, its systems, and for each
// either a given image or a build of its upstream. What will happen is
// spelled out (summary()) before anything starts.
class DeliverDialog : public QDialog
{
    Q_OBJECT
public:
    DeliverDialog(const Ecosystem &ecosystem, const QString &environment, QWidget *parent = nullptr);

    QString environment() const;
    QList<Delivery::Target> targets() const;
    void setEnvironment(const QString &name);
    // Checks SYSTEM and gives it IMAGE (empty: build it) from BRANCH (empty: upstream).
    void setTarget(const QString &system, const QString &image, const QString &branch = {});

    // In words, for the confirmation: where, what, which steps, what happens on failure.
    static QString summary(
        const Ecosystem &ecosystem, const QString &environment, const QList<Delivery::Target> &targets);

private:
    void environmentChanged();
    void updateButton();

    struct Row
    {
        QString system;
        QCheckBox *check = nullptr;
        QLineEdit *branch = nullptr;
        QLineEdit *image = nullptr;
    };
    Ecosystem m_ecosystem;
    QComboBox *m_environment = nullptr;
    QList<Row> m_rows;
    QLabel *m_environmentDetails = nullptr;
    QPushButton *m_next = nullptr;
};

} // namespace Shipyard
