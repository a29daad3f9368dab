#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Pods of an image whose tag ends in -broken crash-loop and never become
# Ready, so the Deployment reaches ProgressDeadlineExceeded.
# shellcheck source=tests/cluster/lib.sh
source "$(dirname "$0")/lib.sh"

ns=""
new_namespace staging ns
deployment api backend registry.local/demo/backend:1.0.0-broken 2 10 |
    kubectl --context staging -n "$ns" apply -f - >/dev/null
if kubectl --context staging -n "$ns" rollout status deployment/api --timeout=120s; then
    fail "a broken deployment rolled out"
fi
reason=$(kubectl --context staging -n "$ns" get deployment api \
    -o jsonpath='{.status.conditions[?(@.type=="Progressing")].reason}')
[[ $reason == ProgressDeadlineExceeded ]] || fail "Progressing reason is '$reason'"

pod=$(kubectl --context staging -n "$ns" get pods -l app=api -o jsonpath='{.items[0].metadata.name}')
status() { kubectl --context staging -n "$ns" get pod "$pod" -o jsonpath="$1"; }
[[ $(status '{.status.phase}') == Running ]] || fail "pod phase is $(status '{.status.phase}')"
[[ $(status '{.status.conditions[?(@.type=="Ready")].status}') == False ]] || fail "pod is Ready"
[[ $(status '{.status.containerStatuses[0].state.waiting.reason}') == CrashLoopBackOff ]] ||
    fail "container state: $(status '{.status.containerStatuses[0].state}')"
[[ $(status '{.status.containerStatuses[0].lastState.terminated.exitCode}') == 1 ]] ||
    fail "last state: $(status '{.status.containerStatuses[0].lastState}')"

# The container keeps restarting.
first=$(status '{.status.containerStatuses[0].restartCount}')
for ((i = 0; i < 60; i++)); do
    now=$(status '{.status.containerStatuses[0].restartCount}')
    ((now > first)) && break
    sleep 1
done
((now > first)) || fail "restartCount stayed at $first"
note "restartCount $first -> $now"
for ((i = 0; i < 30; i++)); do
    events=$(kubectl --context staging -n "$ns" get events --field-selector reason=BackOff -o name)
    [[ -n $events ]] && break
    sleep 1
done
[[ -n $events ]] || fail "no BackOff events"
echo PASS
