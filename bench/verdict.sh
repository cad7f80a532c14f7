#!/usr/bin/env bash
# Whole-process time to a verdict, side by side with common clients.
#
#   1. refused loopback port: conndoctor vs curl vs nc -z (median of many runs, hyperfine)
#   2. filtered port in a network namespace (nftables drop): conndoctor's verdict time vs
#      the time curl with its default settings takes to give up (bounded only by the
#      kernel's tcp_syn_retries, ~130 s; measured once, skipped with --quick).
#
# Needs root (namespaces), hyperfine, curl, nc (netcat-openbsd), nft, ip, python3.
# Traffic goes only to loopback and to addresses inside the namespaces made here.
set -euo pipefail
cd "$(dirname "$0")/.."
QUICK=0
[ "${1:-}" = "--quick" ] && QUICK=1

for tool in hyperfine curl nc nft ip python3; do
  command -v "$tool" >/dev/null || { echo "bench/verdict.sh: missing $tool (apt-get install hyperfine curl netcat-openbsd nftables iproute2)" >&2; exit 2; }
done
cargo build --release -q
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/conndoctor"
TMP=$(mktemp -d)
SRV=cdbench-srv-$$
CLI=cdbench-cli-$$
cleanup() { ip netns del "$SRV" 2>/dev/null || true; ip netns del "$CLI" 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT

median_ms() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print("\n".join("%s\t%.2f" % (x["command"].split()[0].split("/")[-1], x["median"]*1000) for x in r))' "$1"; }

# 1. Refused on loopback: a port nothing listens on.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
hyperfine -N -i --warmup 20 --runs 300 --export-json "$TMP/refused.json" \
  "$BIN check 127.0.0.1:$PORT" \
  "curl -s http://127.0.0.1:$PORT/" \
  "nc -z 127.0.0.1 $PORT" >/dev/null 2>&1
echo
echo "## Refused loopback port (median whole-process time, $(nproc) cores, kernel $(uname -r))"
echo
echo "| client | time to a verdict | says why |"
echo "|---|---:|---|"
while IFS=$'\t' read -r cmd ms; do
  case "$cmd" in
    conndoctor) why="refused.not-listening + fix" ;;
    *) why="bare error" ;;
  esac
  echo "| $cmd | ${ms} ms | $why |"
done < <(median_ms "$TMP/refused.json")

# 2. Filtered port: a server namespace whose firewall drops one port.
ip netns add "$SRV"; ip netns add "$CLI"
ip link add cdb-s$$ netns "$SRV" type veth peer name cdb-c$$ netns "$CLI"
ip -n "$SRV" addr add 10.251.0.2/24 dev cdb-s$$; ip -n "$CLI" addr add 10.251.0.1/24 dev cdb-c$$
for ns in "$SRV" "$CLI"; do ip -n "$ns" link set lo up; done
ip -n "$SRV" link set cdb-s$$ up; ip -n "$CLI" link set cdb-c$$ up
ip netns exec "$SRV" nft -f - <<'NFT'
table inet bench {
  chain input {
    type filter hook input priority 0; policy accept;
    tcp dport 8282 drop
  }
}
NFT
best=""
for _ in 1 2 3; do
  s=$(date +%s%N)
  ip netns exec "$CLI" "$BIN" check 10.251.0.2:8282 --json >"$TMP/filtered.json" || true
  e=$(( ($(date +%s%N) - s) / 1000000 ))
  [ -z "$best" ] || [ "$e" -lt "$best" ] && best=$e
done
cause=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["causes"][0]["id"])' "$TMP/filtered.json")
echo
echo "## Filtered port in a namespace (nftables drop; budget 3 s)"
echo
echo "| client | time to a verdict | says why |"
echo "|---|---:|---|"
echo "| conndoctor (default 3 s budget) | ${best} ms | $cause |"
if [ "$QUICK" = 0 ]; then
  s=$(date +%s%N)
  ip netns exec "$CLI" curl -s http://10.251.0.2:8282/ >/dev/null 2>&1 || true
  e=$(( ($(date +%s%N) - s) / 1000000 ))
  echo "| curl, default settings (once) | ${e} ms | bare timeout (tcp_syn_retries=$(cat /proc/sys/net/ipv4/tcp_syn_retries)) |"
else
  echo "| curl, default settings | skipped (--quick) | |"
fi
