// SPDX-License-Identifier: GPL-2.0-or-later
#include "environments/CompareDialog.h"

#include "environments/EnvironmentComparisonModel.h"
#include "widgets/BackgroundTask.h"
#include "widgets/EnvironmentComboBox.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Shipyard {

CompareDialog::CompareDialog(const Ecosystem &ecosystem, CommitsOf commitsOf, QWidget *parent)
    : QDialog(parent), m_ecosystem(ecosystem), m_commitsOf(std::move(commitsOf))
{
    setWindowTitle(tr("Compare Environments"));
    m_model = new EnvironmentComparisonModel(this);
    m_from = new EnvironmentComboBox(this);
    m_to = new EnvironmentComboBox(this);
    m_from->setAccessibleName(tr("Environment whose changes are listed"));
    m_to->setAccessibleName(tr("Environment it is compared with"));
    // What staging would bring to production, when both exist.
    m_from->setEcosystem(m_ecosystem, EnvironmentKind::Staging);
    m_to->setEcosystem(m_ecosystem, EnvironmentKind::Production);

    auto *choice = new QHBoxLayout;
    auto *fromLabel = new QLabel(tr("&What"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("runs and &not"), this);
    toLabel->setBuddy(m_to);
    choice->addWidget(fromLabel);
    choice->addWidget(m_from);
    choice->addWidget(toLabel);
    choice->addWidget(m_to);
    choice->addStretch();

    m_view = new QTreeView(this);
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Commits and tasks per system"));
    m_view->setUniformRowHeights(true);
    m_view->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = buttons->addButton(tr("&Copy Release Notes"), QDialogButtonBox::ActionRole);
    connect(
        m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_model->releaseNotes()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(choice);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(900, 560);

    connect(m_from, &QComboBox::currentIndexChanged, this, &CompareDialog::compare);
    connect(m_to, &QComboBox::currentIndexChanged, this, &CompareDialog::compare);
    compare();
}

bool CompareDialog::setEnvironments(const QString &from, const QString &to)
{
    if (m_from->findData(from) < 0 || m_to->findData(to) < 0)
        return false;
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setEnvironment(from);
    m_to->setEnvironment(to);
    compare();
    return true;
}

void CompareDialog::compare()
{
    const QString from = m_from->environment();
    const QString to = m_to->environment();
    if (from.isEmpty() || to.isEmpty())
        return;
    m_busy = true;
    m_copy->setEnabled(false);
    m_summary->setText(tr("Reading the history of %1 and %2…").arg(from, to));
    const int generation = ++m_generation;
    // The commits come from the live view, here; the history walk may be long.
    const QHash<QString, QString> commitsA = m_commitsOf(from);
    const QHash<QString, QString> commitsB = m_commitsOf(to);
    runInBackground([ecosystem = m_ecosystem, commitsA, commitsB] {
        return EnvironmentComparison::compare(ecosystem, commitsA, commitsB);
    }).then(this, [this, from, to, generation](const QList<EnvironmentComparison::SystemDifference> &differences) {
        if (generation != m_generation)
            return;
        m_model->setComparison(from, to, differences);
        m_view->expandAll();
        const QStringList tasks = m_model->tasksOnlyInFrom();
        m_summary->setText(tasks.isEmpty()
                ? tr("No task runs in %1 and not in %2.").arg(from, to)
                : tr("Tasks in %1, not in %2: %3").arg(from, to, tasks.join(QStringLiteral(", "))));
        m_copy->setEnabled(true);
        m_busy = false;
        Q_EMIT compared();
    });
}

} // namespace Shipyard
