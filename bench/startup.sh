#!/usr/bin/env bash
# Start-up cost, whole process, side by side in one run: `conndoctor --version` and a
# `conndoctor check` of a refused loopback port (full diagnosis, human report) against
# `nc -z` of the same port (netcat-openbsd: one connect, no diagnosis).
# Prints hyperfine's mean/median and a ratio table (conndoctor / nc -z; <= 1.5 is the goal).
#
#   RUNS=300 bench/startup.sh
#
# Needs hyperfine, nc (netcat-openbsd) and python3
# (apt-get install hyperfine netcat-openbsd python3). Only 127.0.0.1 is probed.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-300}
for tool in hyperfine nc python3; do
  command -v "$tool" >/dev/null || { echo "bench/startup.sh: missing $tool (apt-get install hyperfine netcat-openbsd python3)" >&2; exit 2; }
done
cargo build --release -q
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/conndoctor"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

hyperfine -N -i -w 30 -r "$RUNS" --export-json "$TMP/h.json" \
  -n "nc -z" "nc -z 127.0.0.1 $PORT" \
  -n "conndoctor --version" "$BIN --version" \
  -n "conndoctor check (refused)" "$BIN check 127.0.0.1:$PORT --lang en" >/dev/null 2>&1

echo
echo "## Start-up: $RUNS runs each ($(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), kernel $(uname -r))"
echo
python3 - "$TMP/h.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
base = r["nc -z"]
print("| command | mean | median | user | system | vs nc -z (mean) | vs nc -z (median) |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name, x in r.items():
    print(f"| {name} | {x['mean']*1000:.2f} ms | {x['median']*1000:.2f} ms | {x['user']*1000:.2f} ms | "
          f"{x['system']*1000:.2f} ms | {x['mean']/base['mean']:.2f}× | {x['median']/base['median']:.2f}× |")
PY
