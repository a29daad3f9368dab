// SPDX-License-Identifier: GPL-2.0-or-later
#include "delivery/DeliverDialog.h"

#include "gating/FreezeCalendar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Shipyard {

DeliverDialog::DeliverDialog(const Ecosystem &ecosystem, const QString &environment, QWidget *parent)
    : QDialog(parent), m_ecosystem(ecosystem)
{
    setWindowTitle(tr("Deliver"));
    setAccessibleName(tr("Deliver systems into an environment"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_environment = new QComboBox;
    m_environment->setAccessibleName(tr("Environment to deliver into"));
    for (const Environment &candidate : ecosystem.environments) {
        // A showroom's namespace depends on a task: the robot delivers those.
        if (candidate.kind != EnvironmentKind::Showroom)
            m_environment->addItem(candidate.name, candidate.name);
    }
    form->addRow(tr("&Environment:"), m_environment);
    m_environmentDetails = new QLabel;
    m_environmentDetails->setWordWrap(true);
    form->addRow(QString(), m_environmentDetails);
    layout->addLayout(form);

    auto *systems = new QGroupBox(tr("Systems"));
    auto *grid = new QGridLayout(systems);
    grid->addWidget(new QLabel(tr("<i>Deliver</i>")), 0, 0);
    grid->addWidget(new QLabel(tr("<i>Feature branch (empty: upstream)</i>")), 0, 1);
    grid->addWidget(new QLabel(tr("<i>Image (empty: build it)</i>")), 0, 2);
    int line = 1;
    for (const System &system : ecosystem.systems) {
        Row row;
        row.system = system.name;
        row.check = new QCheckBox(system.name);
        row.check->setAccessibleName(tr("Deliver %1").arg(system.name));
        row.branch = new QLineEdit;
        row.branch->setPlaceholderText(system.upstream);
        row.branch->setAccessibleName(tr("Feature branch of %1").arg(system.name));
        row.branch->setMinimumWidth(180);
        row.image = new QLineEdit;
        row.image->setPlaceholderText(tr("build → %1:…").arg(system.image));
        row.image->setAccessibleName(tr("Image of %1").arg(system.name));
        row.image->setMinimumWidth(300);
        grid->addWidget(row.check, line, 0);
        grid->addWidget(row.branch, line, 1);
        grid->addWidget(row.image, line, 2);
        connect(row.check, &QCheckBox::toggled, this, &DeliverDialog::updateButton);
        m_rows.append(row);
        ++line;
    }
    layout->addWidget(systems);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_next = buttons->addButton(tr("&Review…"), QDialogButtonBox::AcceptRole);
    m_next->setAccessibleName(tr("Review the delivery"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_environment, &QComboBox::currentIndexChanged, this, &DeliverDialog::environmentChanged);
    setEnvironment(environment);
    environmentChanged();
}

QString DeliverDialog::environment() const
{
    return m_environment->currentData().toString();
}

void DeliverDialog::setEnvironment(const QString &name)
{
    const int index = m_environment->findData(name);
    if (index >= 0)
        m_environment->setCurrentIndex(index);
}

void DeliverDialog::setTarget(const QString &system, const QString &image, const QString &branch)
{
    for (Row &row : m_rows) {
        if (row.system == system && row.check->isEnabled()) {
            row.check->setChecked(true);
            row.branch->setText(branch);
            row.image->setText(image);
        }
    }
}

QList<Delivery::Target> DeliverDialog::targets() const
{
    QList<Delivery::Target> result;
    for (const Row &row : m_rows) {
        if (row.check->isEnabled() && row.check->isChecked())
            result.append({ row.system, row.branch->text().trimmed(), row.image->text().trimmed() });
    }
    return result;
}

void DeliverDialog::environmentChanged()
{
    const Environment *environment = m_ecosystem.environment(this->environment());
    for (Row &row : m_rows) {
        const bool delivered =
            environment && (environment->systems.isEmpty() || environment->systems.contains(row.system));
        row.check->setEnabled(delivered);
        row.branch->setEnabled(delivered);
        row.image->setEnabled(delivered);
        row.check->setToolTip(delivered ? QString() : tr("%1 is not delivered to this environment").arg(row.system));
    }
    if (environment) {
        QString details = tr("%1 environment, context %2, namespace %3%4")
                              .arg(keyword(environment->kind), environment->context, environment->namespaceName,
                                  environment->isProtected ? tr(" — protected") : QString());
        // Said before the systems are chosen, not only at the confirmation.
        const auto frozen = FreezeCalendar::frozenAt(environment->freezes, QDateTime::currentDateTimeUtc());
        if (frozen)
            details += QLatin1Char('\n') +
                tr("❄ Frozen %1: the confirmation asks why it cannot wait.").arg(frozen->describeEnd());
        m_environmentDetails->setText(details);
    }
    updateButton();
}

void DeliverDialog::updateButton()
{
    m_next->setEnabled(!targets().isEmpty());
}

QString DeliverDialog::summary(
    const Ecosystem &ecosystem, const QString &environmentName, const QList<Delivery::Target> &targets)
{
    const Environment *environment = ecosystem.environment(environmentName);
    if (!environment)
        return tr("There is no environment named %1.").arg(environmentName.toHtmlEscaped());
    QString text =
        tr("<p>Shipyard will deliver into <b>%1</b> (%2, context <tt>%3</tt>, namespace <tt>%4</tt>):</p><ul>")
            .arg(environment->name.toHtmlEscaped(), keyword(environment->kind), environment->context.toHtmlEscaped(),
                environment->namespaceName.toHtmlEscaped());
    bool builds = false;
    for (const Delivery::Target &target : targets) {
        const System *system = ecosystem.system(target.system);
        if (!target.usesUpstream()) {
            const QString upstream = (system ? system->upstream : QStringLiteral("main")).toHtmlEscaped();
            builds = builds || target.image.isEmpty();
            text +=
                tr("<li><b>%1</b>: the feature branch <tt>%2</tt>, brought onto <tt>%3</tt> first, %4</li>")
                    .arg(target.system.toHtmlEscaped(), target.branch.toHtmlEscaped(), upstream,
                        target.image.isEmpty()
                            ? tr("built into <tt>%1</tt>").arg((system ? system->image : target.system).toHtmlEscaped())
                            : tr("delivered as the image <tt>%1</tt>").arg(target.image.toHtmlEscaped()));
        } else if (!target.image.isEmpty()) {
            text += tr("<li><b>%1</b>: the image <tt>%2</tt>, as given (not built)</li>")
                        .arg(target.system.toHtmlEscaped(), target.image.toHtmlEscaped());
        } else {
            builds = true;
            text += tr("<li><b>%1</b>: built from <tt>%2</tt> of %3 into <tt>%4</tt></li>")
                        .arg(target.system.toHtmlEscaped(),
                            (system ? system->upstream : QStringLiteral("main")).toHtmlEscaped(),
                            (system ? system->repository : target.system).toHtmlEscaped(),
                            (system ? system->image : target.system).toHtmlEscaped());
        }
    }
    text += QStringLiteral("</ul>");
    QStringList steps { tr("take the environment's lock") };
    if (builds)
        steps << tr("build and test the images");
    if (!ecosystem.registry.url.isEmpty())
        steps << tr("check that every image is in the registry %1").arg(ecosystem.registry.url.toHtmlEscaped());
    steps << tr("apply the manifests and wait for the rollouts (at most %1 s)")
                 .arg(qint64(ecosystem.rollback.rolloutTimeout.count()));
    bool smoke = false;
    for (const Delivery::Target &target : targets) {
        const System *system = ecosystem.system(target.system);
        smoke = smoke || (system && !system->smokeCommands.isEmpty());
    }
    if (smoke)
        steps << tr("run the smoke tests");
    if (environment->isFinal())
        steps << tr("merge the delivered branches into their upstream");
    text += tr("<p>Steps: %1.</p>").arg(steps.join(QStringLiteral(", ")));
    text += tr("<p>If anything fails once the first object is applied, the environment's last good release is "
               "restored and the failed release recorded.</p>");
    if (environment->kind == EnvironmentKind::Production)
        text += tr("<p><b>This changes production.</b></p>");
    return text;
}

} // namespace Shipyard
