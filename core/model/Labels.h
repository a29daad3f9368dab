// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QLatin1StringView>

// Every label and annotation key Shipyard writes on Kubernetes objects, and
// reads back: one spelling, so that a writer and its readers cannot drift.
namespace Shipyard::Labels {

// On every object a delivery applies (annotations).
inline constexpr QLatin1StringView gitSha("shipyard.dev/git-sha"); // the commit the image was built from
inline constexpr QLatin1StringView tasks("shipyard.dev/tasks"); // the delivered tasks, comma-separated
inline constexpr QLatin1StringView release("shipyard.dev/release"); // the release record's id
// What rendered it: "chart storefront 0.3.0", "kustomization deploy/overlays/staging", "manifests deploy/".
inline constexpr QLatin1StringView source("shipyard.dev/source");
// The commit's name for people, as `git describe --tags` gives it ("v1.5.0-2-g3f6a1b2"); absent without tags.
inline constexpr QLatin1StringView version("shipyard.dev/version");
// Who delivered it ("user@host"); when is deliveredAt below.
inline constexpr QLatin1StringView deliveredBy("shipyard.dev/delivered-by");

// On release records (labels); `release` is "true" there. The Secret that
// keeps the values of a record's Secrets carries the same labels.
inline constexpr QLatin1StringView result("shipyard.dev/result");
// On a Secret object inside a release record whose values were taken out
// (annotation): the name of the Secret beside the record that keeps them.
inline constexpr QLatin1StringView secretValues("shipyard.dev/secret-values");

// On showroom namespaces: labels, then annotations.
inline constexpr QLatin1StringView showroom("shipyard.dev/showroom");
inline constexpr QLatin1StringView task("shipyard.dev/task");
inline constexpr QLatin1StringView environment("shipyard.dev/environment");
inline constexpr QLatin1StringView creator("shipyard.dev/creator");
inline constexpr QLatin1StringView expiresAt("shipyard.dev/expires-at");
// The last delivery into it (ISO-8601 UTC): how long it has been idle. On
// a delivered object: when the delivery that applied it started.
inline constexpr QLatin1StringView deliveredAt("shipyard.dev/delivered-at");
// Pinned: kept past its expiry, by whom ("user@host") and why.
inline constexpr QLatin1StringView pinnedBy("shipyard.dev/pinned-by");
inline constexpr QLatin1StringView pinReason("shipyard.dev/pin-reason");
// Asleep since (ISO-8601 UTC): its Deployments scaled to zero; on each of
// them, the replicas it had (annotation), for waking it.
inline constexpr QLatin1StringView sleepingSince("shipyard.dev/sleeping-since");
inline constexpr QLatin1StringView replicasBeforeSleep("shipyard.dev/replicas-before-sleep");
// The expiry (shipyard.dev/expires-at's value) that showroom.expiring was
// told for: told once per expiry, across restarts; a later delivery moves
// the expiry, and the next one is told again.
inline constexpr QLatin1StringView expiryNotified("shipyard.dev/expiry-notified");

// On the delivery lock's queue Leases: the lock's Lease name (label), and
// what a holder or waiter is doing (annotation).
inline constexpr QLatin1StringView queue("shipyard.dev/queue");
inline constexpr QLatin1StringView reason("shipyard.dev/reason");
// On the delivery lock's Lease (annotations): the environment it guards
// (`environment`) and whether that one is protected ("true" or "false"),
// for tools that act on its namespace without the ecosystem.
inline constexpr QLatin1StringView protectedEnvironment("shipyard.dev/protected");

// On the robot's leader-election Lease (annotation): the last webhook a
// robot standing by received, for the leader to act on at its next renewal
// ("<time> <identity>: <event>"; any change of it is a wake).
inline constexpr QLatin1StringView robotWake("shipyard.dev/robot-wake");

// On audit Events (annotations); `release` names the release acted on.
inline constexpr QLatin1StringView osUser("shipyard.dev/os-user");
inline constexpr QLatin1StringView kubernetesUser("shipyard.dev/kubernetes-user");
inline constexpr QLatin1StringView action("shipyard.dev/action");

// On migration Jobs and their pods (labels): the system and `release`, and
// the phase, "up" or "down" (see pipeline/MigrationJob).
inline constexpr QLatin1StringView migration("shipyard.dev/migration");
// On a canary Deployment (see releases/CanaryDeployment): labels saying
// what it is (`track` is "canary" on it and its pods) and whose, then
// annotations with its progress for other processes to read, and the
// decision a person writes for the delivery to act on.
inline constexpr QLatin1StringView track("shipyard.dev/track");
inline constexpr QLatin1StringView system("shipyard.dev/system");
inline constexpr QLatin1StringView canaryStep("shipyard.dev/canary-step"); // "2/3": the second of three steps
inline constexpr QLatin1StringView canaryShare("shipyard.dev/canary-share"); // the step's percentage
inline constexpr QLatin1StringView canaryVerdicts("shipyard.dev/canary-verdicts"); // JSON: the steps so far
inline constexpr QLatin1StringView canaryPaused("shipyard.dev/canary-paused"); // why it waits, while it does
inline constexpr QLatin1StringView canaryDecision("shipyard.dev/canary-decision"); // "promote" or "abort"
inline constexpr QLatin1StringView canaryDecidedBy("shipyard.dev/canary-decided-by"); // user@host
// The release a decision was made for: a later delivery's canary in the same
// Deployment is not decided by it.
inline constexpr QLatin1StringView canaryDecidedFor("shipyard.dev/canary-decided-for");

// Kubernetes' recommended label, on what Shipyard itself creates.
inline constexpr QLatin1StringView managedBy("app.kubernetes.io/managed-by");
inline constexpr QLatin1StringView managedByShipyard("shipyard");

} // namespace Shipyard::Labels
