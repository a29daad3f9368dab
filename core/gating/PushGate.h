// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "model/Ecosystem.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Shipyard {

class Tracker;

// One line a git server hands its pre-receive hook: "OLD NEW REF".
struct RefUpdate
{
    QString oldId;
    QString newId;
    QString ref;

    bool isCreation() const;
    bool isDeletion() const;
    // "feature/SHOP-12-x" for refs/heads/feature/SHOP-12-x; empty for other refs.
    QString branch() const;

    // The hook's standard input; a line that is not "OLD NEW REF" is an
    // error naming its number, and nothing is returned.
    static QList<RefUpdate> parse(const QByteArray &input, QString *error);
};

// The ecosystem's gates applied at push time, on the git server, to one
// system's repository, so that a push the delivery would refuse later is
// refused while its author is still at the keyboard:
// - a branch must name its task (Gating::taskKeyPattern);
// - it takes updates only while its task's status allows them
//   (Gating::branchUpdateStatuses);
// - the upstream branch changes only by a push of someone listed in
//   Gating::upstreamPushers (the robot included), who also pass the rule
//   above: the robot brings task branches onto upstream during a delivery.
// Other refs (tags, notes, review refs) are left to the server. Deleting a
// task branch is allowed; deleting upstream is a change of upstream.
// A task whose status cannot be read refuses the push: the gate holds
// while the tracker is down, and says so.
class PushGate
{
public:
    struct Refusal
    {
        QString ref;
        QString reason;
    };

    // TRACKER may be null: TRACKERERROR then says why there is none, and
    // every push that needs a task's status is refused with it.
    PushGate(const Ecosystem &ecosystem, const System &system, Tracker *tracker, const QString &trackerError = {});

    // Every refused update with its reason; empty: the push may land.
    QList<Refusal> check(const QList<RefUpdate> &updates, const QString &pusher) const;

private:
    std::optional<QString> refusal(const RefUpdate &update, const QString &pusher) const;

    Gating m_gating;
    QString m_upstream;
    Tracker *m_tracker = nullptr;
    QString m_trackerError;
};

} // namespace Shipyard
