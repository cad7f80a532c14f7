#!/usr/bin/env bash
# Start-up cost, whole process, side by side in one run: `conndoctor --version` and a
# `conndoctor check` of a refused loopback port (full diagnosis, human report) against
# `nc -z` of the same port (netcat-openbsd: one connect, no diagnosis).
# Prints hyperfine's mean/median and a ratio table (conndoctor / nc -z; <= 1.5 is the goal).
#
#   RUNS=300 ROUNDS=3 bench/startup.sh
#
# Needs hyperfine, nc (netcat-openbsd) and python3
# (apt-get install hyperfine netcat-openbsd python3). Only 127.0.0.1 is probed.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-300}
ROUNDS=${ROUNDS:-3}
for tool in hyperfine nc python3; do
  command -v "$tool" >/dev/null || { echo "bench/startup.sh: missing $tool (apt-get install hyperfine netcat-openbsd python3)" >&2; exit 2; }
done
cargo build --release -q
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/conndoctor"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

# Rounds alternate the commands, so a load change during the run shifts all of them
# alike; each row reports the median over the rounds of hyperfine's per-round figures.
for r in $(seq 1 "$ROUNDS"); do
  hyperfine -N -i -w 30 -r "$RUNS" --export-json "$TMP/h$r.json" \
    -n "nc -z" "nc -z 127.0.0.1 $PORT" \
    -n "conndoctor --version" "$BIN --version" \
    -n "conndoctor check (refused)" "$BIN check 127.0.0.1:$PORT --lang en" >/dev/null 2>&1
done

echo
echo "## Start-up: $ROUNDS rounds × $RUNS runs each ($(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), kernel $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg))"
echo
python3 - "$TMP"/h*.json <<'PY'
import json, statistics, sys
rounds = [{x["command"]: x for x in json.load(open(f))["results"]} for f in sys.argv[1:]]
def med(name, key):
    return statistics.median(r[name][key] for r in rounds)
names = list(rounds[0])
print("| command | mean | median | user | system | vs nc -z (mean) | vs nc -z (median) |")
print("|---|---:|---:|---:|---:|---:|---:|")
for n in names:
    print(f"| {n} | {med(n,'mean')*1000:.2f} ms | {med(n,'median')*1000:.2f} ms | {med(n,'user')*1000:.2f} ms | "
          f"{med(n,'system')*1000:.2f} ms | {med(n,'mean')/med('nc -z','mean'):.2f}× | "
          f"{med(n,'median')/med('nc -z','median'):.2f}× |")
PY
