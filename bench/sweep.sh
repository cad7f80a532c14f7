#!/usr/bin/env bash
# Batch speed and memory, whole-process, in one run:
#   0. every port of 127.0.0.1 in an empty network namespace (all closed): conndoctor
#      `check -f` (JSON Lines, full diagnosis per port) vs nmap -sT -T5 -n -Pn;
#   1. every port (1-65535) of the loopback address of a test host: conndoctor
#      `check -f` (JSON Lines, full diagnosis per port) vs nmap -sT -T5 -n -Pn;
#   2. 10,000 mixed targets (open WebSocket/HTTP ports, closed and filtered ports, bare
#      host:port and ws:// URLs) on that host, seen from a client host: targets/s and
#      peak RSS.
# The hosts are network namespaces made here; traffic goes nowhere else.
# Needs root, nmap, nft, ip, python3, GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in nmap nft ip python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench/sweep.sh: missing $tool (apt-get install nmap nftables iproute2 time)" >&2; exit 2; }
done
cargo build --release -q
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/conndoctor"
SRV=cdsweep-s-$$; CLI=cdsweep-c-$$; EMP=cdsweep-e-$$; TMP=$(mktemp -d)
cleanup() { kill $(jobs -p) 2>/dev/null || true; for ns in "$SRV" "$CLI" "$EMP"; do ip netns del "$ns" 2>/dev/null || true; done; rm -rf "$TMP"; }
trap cleanup EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), kernel $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"

# 0. All 65,535 ports closed: an empty namespace, only lo up.
ip netns add "$EMP"; ip -n "$EMP" link set lo up
seq 1 65535 | sed 's/^/127.0.0.1:/' > "$TMP/all.txt"
/usr/bin/time -f "%e %M" -o "$TMP/cd0.time" ip netns exec "$EMP" "$BIN" check -f "$TMP/all.txt" --json --timeout 1s > "$TMP/cd0.jsonl" || true
/usr/bin/time -f "%e %M" -o "$TMP/nmap0.time" ip netns exec "$EMP" nmap -sT -T5 -n -Pn -p1-65535 127.0.0.1 -oG "$TMP/nmap0.txt" >/dev/null || true
read -r c0_s c0_kb < <(tail -1 "$TMP/cd0.time"); read -r n0_s n0_kb < <(tail -1 "$TMP/nmap0.time")
c0_lines=$(wc -l < "$TMP/cd0.jsonl"); c0_refused=$(grep -c '"symptom":"refused"' "$TMP/cd0.jsonl" || true)
echo
echo "## Sweep: 65,535 ports of 127.0.0.1, all closed (empty namespace)"
echo
echo "| tool | wall time | ports/s | peak RSS | output |"
echo "|---|---:|---:|---:|---|"
python3 - "$c0_s" "$c0_kb" "$c0_lines" "$c0_refused" "$n0_s" "$n0_kb" <<'PY'
import sys
cs, ck, lines, refused, ns, nk = sys.argv[1:]
print(f"| conndoctor check -f | {float(cs):.2f} s | {65535/float(cs):,.0f} | {int(ck)/1024:.0f} MiB | {lines} diagnoses, {refused} refused |")
print(f"| nmap -sT -T5 -n -Pn | {float(ns):.2f} s | {65535/float(ns):,.0f} | {int(nk)/1024:.0f} MiB | port list |")
print(f"\nconndoctor / nmap rate: **{float(ns)/float(cs):.2f}×** (goal ≥ 1.5×)")
PY

ip netns add "$SRV"; ip netns add "$CLI"
ip link add cdsw-s$$ netns "$SRV" type veth peer name cdsw-c$$ netns "$CLI"
ip -n "$SRV" addr add 10.252.0.2/24 dev cdsw-s$$; ip -n "$CLI" addr add 10.252.0.1/24 dev cdsw-c$$
for ns in "$SRV" "$CLI"; do ip -n "$ns" link set lo up; done
ip -n "$SRV" link set cdsw-s$$ up; ip -n "$CLI" link set cdsw-c$$ up

# The server host: 16 WebSocket servers (conndoctor serve), 16 HTTP servers, 200 ports
# filtered by nftables (dropped), everything else closed.
for i in $(seq 0 15); do
  ip netns exec "$SRV" "$BIN" serve "websocket://0.0.0.0:$((20000 + i))" >/dev/null 2>&1 &
  ip netns exec "$SRV" "$BIN" serve "http://0.0.0.0:$((21000 + i))" >/dev/null 2>&1 &
done
ip netns exec "$SRV" nft -f - <<'NFT'
table inet sweep {
  chain input {
    type filter hook input priority 0; policy accept;
    tcp dport 30000-30199 drop
  }
}
NFT
sleep 1

# 1. Full port sweep of the server host's own loopback.
/usr/bin/time -f "%e %M" -o "$TMP/cd.time" ip netns exec "$SRV" "$BIN" check -f "$TMP/all.txt" --json --timeout 1s > "$TMP/cd.jsonl" || true
/usr/bin/time -f "%e %M" -o "$TMP/nmap.time" ip netns exec "$SRV" nmap -sT -T5 -n -Pn -p1-65535 127.0.0.1 -oG "$TMP/nmap.txt" >/dev/null || true
read -r cd_s cd_kb < <(tail -1 "$TMP/cd.time"); read -r nm_s nm_kb < <(tail -1 "$TMP/nmap.time")
cd_open=$(grep -c '"symptom":"ok"' "$TMP/cd.jsonl" || true)
cd_filtered=$(grep -c '"symptom":"timeout"' "$TMP/cd.jsonl" || true)
nm_open=$(grep -o '[0-9]*/open/' "$TMP/nmap.txt" | wc -l)
# -oG lists filtered ports one by one unless they are the "Ignored State".
nm_filtered=$(( $(grep -o '[0-9]*/filtered/' "$TMP/nmap.txt" | wc -l) + $(grep -o 'Ignored State: filtered ([0-9]*)' "$TMP/nmap.txt" | grep -o '[0-9]*' || echo 0) ))
cp "$TMP/nmap.txt" /tmp/cdsweep-nmap.txt
echo
echo "## Sweep: 65,535 ports of 127.0.0.1 on a test host (32 open, 200 filtered)"
echo
echo "| tool | wall time | ports/s | peak RSS | open | filtered | output |"
echo "|---|---:|---:|---:|---:|---:|---|"
python3 - "$cd_s" "$cd_kb" "$cd_open" "$cd_filtered" "$nm_s" "$nm_kb" "$nm_open" "$nm_filtered" <<'PY'
import sys
cs, ck, co, cf, ns, nk, no, nf = sys.argv[1:]
print(f"| conndoctor check -f (timeout 1s) | {float(cs):.2f} s | {65535/float(cs):,.0f} | {int(ck)/1024:.0f} MiB | {co} | {cf} | a diagnosis per port (JSON Lines) |")
print(f"| nmap -sT -T5 -n -Pn | {float(ns):.2f} s | {65535/float(ns):,.0f} | {int(nk)/1024:.0f} MiB | {no} | {nf} | open/closed/filtered |")
print(f"\nconndoctor / nmap rate: **{float(ns)/float(cs):.2f}×** (goal ≥ 1.5×)")
PY

# 2. 10,000 mixed targets from the client host, full diagnoses.
python3 - > "$TMP/mixed.txt" <<'PY'
import random
random.seed(7)
ports = [20000 + i for i in range(16)] + [21000 + i for i in range(16)]
out = []
for n in range(10000):
    k = n % 10
    if k < 3:
        out.append(f"ws://10.252.0.2:{random.choice(ports)}/chat")   # WebSocket vs WS or HTTP servers
    elif k < 4:
        out.append(f"http://10.252.0.2:{random.choice(ports)}/")
    elif k < 5:
        out.append(f"10.252.0.2:{30000 + random.randrange(200)}")    # filtered
    else:
        out.append(f"10.252.0.2:{random.randrange(40000, 60000)}")   # closed
print("\n".join(out))
PY
/usr/bin/time -f "%e %M" -o "$TMP/mixed.time" ip netns exec "$CLI" "$BIN" check -f "$TMP/mixed.txt" --json --timeout 1s > "$TMP/mixed.jsonl" || true
read -r mx_s mx_kb < <(tail -1 "$TMP/mixed.time")
echo
echo "## 10,000 mixed targets from a client host (full diagnoses, timeout 1s)"
echo
echo "| run | wall time | targets/s | peak RSS | verdicts |"
echo "|---|---:|---:|---:|---|"
python3 - "$mx_s" "$mx_kb" "$TMP/mixed.jsonl" <<'PY'
import sys, json, collections
s, kb, path = sys.argv[1:]
c = collections.Counter(json.loads(l)["symptom"] for l in open(path))
v = ", ".join(f"{k} {n}" for k, n in sorted(c.items()))
print(f"| conndoctor check -f | {float(s):.2f} s | {sum(c.values())/float(s):,.0f} | {int(kb)/1024:.0f} MiB | {v} |")
PY
