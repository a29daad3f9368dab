// SPDX-License-Identifier: GPL-2.0-or-later
#include "widgets/ConfirmationDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Shipyard {

ConfirmationDialog::ConfirmationDialog(
    const QString &title, const QString &text, const QString &actionText, const QString &typedName, QWidget *parent)
    : QDialog(parent), m_typedName(typedName)
{
    setWindowTitle(title);
    setAccessibleName(title);
    auto *layout = new QVBoxLayout(this);
    auto *explanation = new QLabel(text);
    explanation->setWordWrap(true);
    explanation->setTextFormat(Qt::RichText);
    explanation->setAccessibleName(tr("What will happen"));
    explanation->setMinimumWidth(520);
    layout->addWidget(explanation);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_action = buttons->addButton(actionText, QDialogButtonBox::AcceptRole);
    m_action->setAccessibleName(actionText);
    if (!typedName.isEmpty()) {
        auto *prompt = new QLabel(tr("%1 is protected. Type <b>%1</b> to confirm:").arg(typedName.toHtmlEscaped()));
        m_nameField = new QLineEdit;
        m_nameField->setAccessibleName(tr("Name of the environment, typed to confirm"));
        prompt->setBuddy(m_nameField);
        layout->addWidget(prompt);
        layout->addWidget(m_nameField);
        connect(m_nameField, &QLineEdit::textChanged, this, &ConfirmationDialog::updateAction);
    }
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    layout->addWidget(buttons);
    updateAction();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ConfirmationDialog::requireReason(const QString &prompt)
{
    if (m_reasonField)
        return;
    auto *label = new QLabel(prompt);
    m_reasonField = new QLineEdit;
    m_reasonField->setAccessibleName(tr("Reason, kept in the audit journal"));
    label->setBuddy(m_reasonField);
    // Above the buttons, after the typed name if there is one.
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    layout->insertWidget(layout->count() - 1, label);
    layout->insertWidget(layout->count() - 1, m_reasonField);
    connect(m_reasonField, &QLineEdit::textChanged, this, &ConfirmationDialog::updateAction);
    updateAction();
}

QString ConfirmationDialog::reason() const
{
    return m_reasonField ? m_reasonField->text().trimmed() : QString();
}

void ConfirmationDialog::updateAction()
{
    const bool named = !m_nameField || m_nameField->text() == m_typedName;
    const bool reasoned = !m_reasonField || !m_reasonField->text().trimmed().isEmpty();
    m_action->setEnabled(named && reasoned);
}

} // namespace Shipyard
