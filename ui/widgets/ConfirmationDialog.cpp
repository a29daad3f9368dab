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
        m_action->setEnabled(false);
        connect(m_nameField, &QLineEdit::textChanged, this,
            [this](const QString &typed) { m_action->setEnabled(typed == m_typedName); });
    }
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

} // namespace Shipyard
