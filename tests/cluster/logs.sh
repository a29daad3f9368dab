#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# `kubectl logs` serves the demo log files through the kwok node server.
# shellcheck source=tests/cluster/lib.sh
source "$(dirname "$0")/lib.sh"

logs_dir=$SOURCE_DIR/resources/kwok/logs
ns=""
new_namespace local ns
deployment shop backend registry.local/demo/backend:1.0.0 1 | kubectl --context local -n "$ns" apply -f - >/dev/null
deployment misc sidecar registry.local/demo/misc:2.0.0 1 | kubectl --context local -n "$ns" apply -f - >/dev/null
kubectl --context local -n "$ns" rollout status deployment/shop --timeout=120s >/dev/null
kubectl --context local -n "$ns" rollout status deployment/misc --timeout=120s >/dev/null

out=$(kubectl --context local -n "$ns" logs deployment/shop) || fail "kubectl logs failed"
grep -q '"msg":"starting backend"' <<<"$out" || fail "backend log not served: $out"
[[ $(wc -l <<<"$out") == $(wc -l <"$logs_dir/backend.log") ]] || fail "backend log is incomplete"

out=$(kubectl --context local -n "$ns" logs deployment/misc --tail=2) || fail "kubectl logs --tail failed"
[[ $(wc -l <<<"$out") == 2 ]] || fail "--tail=2 gave: $out"
grep -q 'GET /healthz' <<<"$out" || fail "default log not served: $out"

out=$(kubectl --context local -n "$ns" logs deployment/shop --timestamps)
[[ ${out%%$'\n'*} == 20*Z\ * ]] || fail "--timestamps gave: ${out%%$'\n'*}"

# The previous (crashed) container's log of a crash-looping pod.
deployment crashy backend registry.local/demo/backend:1.0.0-broken 1 | kubectl --context local -n "$ns" apply -f - >/dev/null
for ((i = 0; i < 60; i++)); do
    [[ $(kubectl --context local -n "$ns" get pods -l app=crashy \
        -o jsonpath='{.items[0].status.containerStatuses[0].restartCount}' 2>/dev/null) -ge 1 ]] 2>/dev/null && break
    sleep 1
done
out=$(kubectl --context local -n "$ns" logs deployment/crashy --previous) || fail "kubectl logs --previous failed"
grep -q 'panic: missing configuration' <<<"$out" || fail "crash log not served: $out"
echo PASS
