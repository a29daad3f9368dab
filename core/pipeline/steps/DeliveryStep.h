// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "pipeline/Delivery.h"
#include "pipeline/DeliveryContext.h"
#include "support/Fault.h"

#include <QString>

#include <optional>

namespace Shipyard {

// One step of a delivery, over every system of the delivery before the next
// step begins. Delivery runs the steps in their order; each one tells it, by
// its verdict, whether to go on and, if not, how the delivery ends. A step
// changes nothing beyond its own rows of the step table, the context and
// what it is about (a branch, an image, the namespace).
class DeliveryStep
{
public:
    using Step = Delivery::Step;
    using State = Delivery::State;
    using Outcome = Delivery::Outcome;

    struct Verdict
    {
        enum class Next {
            GoOn, // to the next step
            // The delivery did not begin (no lock is held): it is over with
            // OUTCOME, without the audit record and the lock release that
            // end a delivery.
            NotStarted,
            // The delivery ends with OUTCOME; nothing needs undoing. Audited
            // and the lock released.
            End,
            // STEP failed once objects may have been applied: Delivery has
            // the environment rolled back, or the release kept when the
            // failed step says so (keepsFailedRelease()).
            RollBack,
            // The lock may be another's now (see EnvironmentLock::mayWrite):
            // nothing more is written, not even a rollback, for someone else
            // may be delivering. The release record stays in progress; the
            // next delivery finds it interrupted and restores the last good one.
            Interrupted,
        };
        Next next = Next::GoOn;
        Outcome outcome = Outcome::Failed;
        Step step = Step::Lock;
        QString reason;
        // Whose failure it is: only a branch's sends its task back.
        Fault fault = Fault::Branch;
    };

    virtual ~DeliveryStep() = default;

    // Does the step for every system, or ends the delivery.
    virtual Verdict run(DeliveryContext &context) = 0;
    // Whether a failure of this step leaves the failed release in place,
    // for someone to look at, instead of rolling it back. Asked only when
    // the delivery was not cancelled: a cancel always rolls back.
    virtual bool keepsFailedRelease(const DeliveryContext &context) const;

    static Verdict goOn() { return {}; }
    static Verdict notStarted(Outcome outcome, Step step, const QString &reason);
    static Verdict end(Outcome outcome, Step step, const QString &reason, Fault fault = Fault::Environment);
    static Verdict rollBack(Step step, const QString &reason, Fault fault);
    static Verdict interrupted(Step step, const QString &reason);

protected:
    // Before anything is applied, stopping needs no rollback: after a cancel
    // STEP is marked cancelled for SYSTEM and the delivery ends; with the
    // lock lost it is interrupted.
    static std::optional<Verdict> stopped(DeliveryContext &context, Step step, const QString &system);
    // STEP failed for WORK's system before anything was applied, and the
    // delivery ends. A branch's fault sends the task of WORK's branch back to
    // its developer (a system without a task of its own sends back every task
    // of the delivery); an environment's leaves the tracker alone and says so.
    static Verdict fail(
        DeliveryContext &context, Step step, const DeliveryContext::Work &work, const QString &reason, Fault fault);
};

} // namespace Shipyard
