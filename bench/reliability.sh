#!/usr/bin/env bash
# The reliability figures (README, "Reliability"): every scenario of tests/hostile.rs
# and tests/reliability.rs run RUNS times, each run a full pass of the test (the real
# binary against a hostile loopback server, the exporter under attack, a batch under
# a descriptor limit, in a namespace with 10 local ports, or stopped by a signal).
#
#   prints: a markdown table, one row per scenario: tried (runs), failures (runs in
#           which any assertion failed: wrong verdict, no verdict by the deadline, a
#           refused SSRF target that was probed, a scrape that did not get through,
#           a line that is not JSON, ...), peak RSS (the highest VmHWM/ru_maxrss of
#           the conndoctor process, client or exporter, over all runs); then the
#           machine it ran on
#
#   RUNS=20 bench/reliability.sh
#   PROFILE=dev bench/reliability.sh   # the test build instead of release
#
# Needs what the tests need (cargo-nextest; root, iproute2 and nftables for the
# namespace scenarios, which are skipped with CONNDOCTOR_SKIP_NETNS=1). Only loopback
# and namespaces the tests create are ever contacted. Exits 1 if any run failed.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-20}
profile=${PROFILE:-release}
out=$(mktemp)
log=$(mktemp)
trap 'rm -f "$out" "$log"' EXIT

status=0
CONNDOCTOR_RELIABILITY_RUNS=$runs CONNDOCTOR_RELIABILITY_OUT=$out \
    cargo nextest run --cargo-profile "$profile" --no-fail-fast \
    --test hostile --test reliability >"$log" 2>&1 || status=$?
if [[ ! -s $out ]]; then
    tail -n 40 "$log" >&2
    echo "bench/reliability.sh: no scenario reported (see the log above)" >&2
    exit 1
fi

echo "| scenario | tried | failures | peak RSS |"
echo "|---|---:|---:|---:|"
# Hostile servers (tests/hostile.rs) first, then tests/reliability.rs, by name.
sort -t $'\t' -k1,1 -k2,2 "$out" |
    awk -F'\t' '{ printf "| %s | %d | %d | %.1f MiB |\n", $2, $3, $4, $5 / 1024 }'
awk -F'\t' '{ t += $3; f += $4 } END { printf "\n%d scenarios, %d runs, %d failed\n", NR, t, f }' "$out"
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
echo "machine: $(nproc) cores, ${cpu:-unknown CPU}, kernel $(uname -r), profile $profile, $(date -u +%Y-%m-%d)"
if [[ $status -ne 0 ]]; then
    grep -E '^\s+FAIL' "$log" | sort -u >&2 || true
    exit 1
fi
