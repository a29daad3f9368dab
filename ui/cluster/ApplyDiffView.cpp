// SPDX-License-Identifier: GPL-2.0-or-later
#include "cluster/ApplyDiffView.h"

#include "widgets/SyntaxThemes.h"

#include "widgets/BackgroundTask.h"

#include "releases/ApplyPreview.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace Shipyard {

namespace {

struct Outcome
{
    ApplyDiffView::State state = ApplyDiffView::State::Error;
    QString status;
    QString text;
};

} // namespace

ApplyDiffView::ApplyDiffView(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel)
    , m_refresh(new QPushButton(tr("&Compare Again")))
    , m_text(new QPlainTextEdit)
    , m_settle(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Drift of the selected object"));
    top->addWidget(m_status, 1);
    m_refresh->setAccessibleName(tr("Compare the live objects with what a delivery would apply again"));
    m_refresh->setToolTip(tr("Ask the cluster again what a delivery of this system would change"));
    top->addWidget(m_refresh);
    layout->addLayout(top);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setAccessibleName(tr("Differences between the live objects and what a delivery would apply"));
    layout->addWidget(m_text, 1);
    m_highlighter = new KSyntaxHighlighting::SyntaxHighlighter(m_text->document());
    m_highlighter->setDefinition(syntaxRepository().definitionForName(QStringLiteral("Diff")));
    applyTheme();

    // A rollout changes the deployment many times a second: compare once it settles.
    m_settle->setSingleShot(true);
    m_settle->setInterval(800);
    connect(m_settle, &QTimer::timeout, this, &ApplyDiffView::compute);
    connect(m_refresh, &QPushButton::clicked, this, &ApplyDiffView::refresh);
    clear();
}

ApplyDiffView::~ApplyDiffView() = default;

void ApplyDiffView::applyTheme()
{
    applyPaletteTheme(m_highlighter, palette());
}

void ApplyDiffView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

void ApplyDiffView::setEcosystem(const Ecosystem &ecosystem)
{
    m_ecosystem = ecosystem;
    m_stale = true;
    if (isVisible() && !m_name.isEmpty())
        compute();
}

void ApplyDiffView::setObject(
    const KubeClient &client, const QString &context, const QString &ns, const QString &kind, const QString &name)
{
    if (context == m_context && ns == m_ns && kind == m_kind && name == m_name && !m_stale)
        return;
    m_client = client;
    m_context = context;
    m_ns = ns;
    m_kind = kind;
    m_name = name;
    m_stale = true;
    m_settle->stop();
    ++m_generation;
    if (isVisible())
        compute();
    else
        setState(State::Empty,
            tr("Open this tab to compare %1/%2 with what a delivery would apply.").arg(kind.toLower(), name), {});
}

void ApplyDiffView::clear()
{
    m_client = {};
    m_context.clear();
    m_ns.clear();
    m_kind.clear();
    m_name.clear();
    m_stale = false;
    m_settle->stop();
    ++m_generation;
    m_refresh->setEnabled(false);
    setState(State::Empty, tr("Select a deployment, replica set or pod of a system to see its drift."), {});
}

void ApplyDiffView::objectChanged()
{
    m_stale = true;
    if (isVisible() && !m_name.isEmpty())
        m_settle->start();
}

void ApplyDiffView::refresh()
{
    m_stale = true;
    if (!m_name.isEmpty())
        compute();
}

void ApplyDiffView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale && !m_name.isEmpty())
        compute();
}

QString ApplyDiffView::statusText() const
{
    return m_status->text();
}

QString ApplyDiffView::diffText() const
{
    return m_text->toPlainText();
}

void ApplyDiffView::setState(State state, const QString &status, const QString &text)
{
    m_status->setText(status);
    m_text->setPlainText(text);
    const bool changed = state != m_state;
    m_state = state;
    if (changed)
        Q_EMIT stateChanged(state);
}

void ApplyDiffView::compute()
{
    m_settle->stop();
    m_stale = false;
    const quint64 generation = ++m_generation;
    m_refresh->setEnabled(false);
    setState(State::Computing, tr("Asking the cluster what a delivery would change…"), m_text->toPlainText());
    // Everything the work needs is copied: it runs on the thread pool.
    runInBackground([ecosystem = m_ecosystem, client = m_client, context = m_context, ns = m_ns, kind = m_kind,
                        name = m_name] {
        Outcome outcome;
        const QString object = kind.toLower() + QLatin1Char('/') + name;
        outcome.state = State::NotManaged;
        const Environment *environment = ApplyPreview::environmentOf(ecosystem, context, ns);
        if (!environment) {
            outcome.status = tr("Not managed by Shipyard: namespace %1 of context %2 is no environment of the "
                                "ecosystem.")
                                 .arg(ns, context);
            return outcome;
        }
        const QString system = ApplyPreview::systemOf(ecosystem, *environment, ns, kind, name);
        if (system.isEmpty()) {
            outcome.status = tr("Not managed by Shipyard: no system's manifests hold %1.").arg(object);
            return outcome;
        }
        if (!environment->systems.isEmpty() && !environment->systems.contains(system)) {
            outcome.status =
                tr("Not managed by Shipyard here: %1 is not delivered to %2.").arg(system, environment->name);
            return outcome;
        }
        const ApplyPreview::Result result = ApplyPreview(ecosystem, *environment, client, ns).preview(system);
        if (!result.error.isEmpty()) {
            outcome.state = State::Error;
            outcome.status = tr("Cannot compare %1: %2").arg(system, result.error);
            return outcome;
        }
        QStringList errors;
        QStringList drifted;
        QString text;
        // The selected object first, then the rest of its system.
        QList<ApplyPreview::ObjectPreview> objects = result.objects;
        std::stable_partition(objects.begin(), objects.end(),
            [&](const ApplyPreview::ObjectPreview &entry) { return entry.object == object; });
        for (const ApplyPreview::ObjectPreview &entry : std::as_const(objects)) {
            switch (entry.change) {
            case ApplyPreview::Change::Unchanged:
                text += tr("# %1: no drift").arg(entry.object) + QLatin1Char('\n');
                break;
            case ApplyPreview::Change::Changed:
                text += tr("# %1: changed: %2").arg(entry.object, entry.fields.join(QStringLiteral(", "))) +
                    QLatin1Char('\n');
                break;
            case ApplyPreview::Change::Created:
                text += tr("# %1: not live, a delivery would create it").arg(entry.object) + QLatin1Char('\n');
                break;
            case ApplyPreview::Change::NotInManifests:
                text += tr("# %1: live but in no manifest; a delivery leaves it").arg(entry.object) + QLatin1Char('\n');
                break;
            case ApplyPreview::Change::Failed:
                errors.append(entry.error);
                text += tr("# %1: %2").arg(entry.object, entry.error) + QLatin1Char('\n');
                break;
            }
            for (const QString &field : entry.foreignFields)
                text += tr("# %1: set outside Shipyard, a delivery keeps it: %2").arg(entry.object, field) +
                    QLatin1Char('\n');
            if (entry.drifted() && entry.change != ApplyPreview::Change::Failed)
                drifted.append(entry.object);
            text += entry.diff;
        }
        for (const QString &warning : result.warnings)
            text += tr("# warning: %1").arg(warning) + QLatin1Char('\n');
        const QString where = tr("%1 in %2, image %3").arg(system, environment->name, result.image);
        outcome.text = text;
        if (!errors.isEmpty()) {
            outcome.state = State::Error;
            outcome.status = tr("The cluster refused the dry run: %1").arg(errors.join(QStringLiteral("; ")));
        } else if (drifted.isEmpty()) {
            outcome.state = State::NoDrift;
            outcome.status = tr("No drift: %1 is live as a delivery would apply it.").arg(where);
        } else {
            outcome.state = State::Drift;
            outcome.status = tr("Drift: %1 of %2 objects of %3 differ from what a delivery would apply: %4.")
                                 .arg(drifted.size())
                                 .arg(result.objects.size())
                                 .arg(where, drifted.join(QStringLiteral(", ")));
        }
        return outcome;
    }).then(this, [this, generation](const Outcome &outcome) {
        if (generation != m_generation)
            return;
        m_refresh->setEnabled(true);
        setState(outcome.state, outcome.status, outcome.text);
    });
}

} // namespace Shipyard
