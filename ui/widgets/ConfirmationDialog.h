// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QPushButton;

namespace Shipyard {

// Asks before an action that changes an environment: says exactly what will
// happen, and for a protected environment wants its name typed before the
// action button becomes available.
class ConfirmationDialog : public QDialog
{
    Q_OBJECT
public:
    // TYPEDNAME: the name to type; empty when a click is enough.
    ConfirmationDialog(const QString &title, const QString &text, const QString &actionText, const QString &typedName,
        QWidget *parent = nullptr);

    // Adds a field, under PROMPT, that must not be empty for the action to
    // be available: the reason a person gives for doing it anyway.
    void requireReason(const QString &prompt);
    QString reason() const;

    QLineEdit *nameField() const { return m_nameField; }
    QLineEdit *reasonField() const { return m_reasonField; }
    QPushButton *actionButton() const { return m_action; }

private:
    QString m_typedName;
    void updateAction();

    QLineEdit *m_nameField = nullptr;
    QLineEdit *m_reasonField = nullptr;
    QPushButton *m_action = nullptr;
};

} // namespace Shipyard
