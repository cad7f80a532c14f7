#!/usr/bin/env bash
# Prometheus exporters side by side: blackbox_exporter (Debian's
# prometheus-blackbox-exporter) and `conndoctor exporter`, probing the same loopback
# targets through the same HTTP client at a fixed concurrency, in one run.
#
#   targets: an open TCP port, a closed TCP port, HTTP, HTTPS, WebSocket and secure
#            WebSocket servers (all `conndoctor serve` or nothing, on 127.0.0.1; TLS
#            with serve's self-signed certificate, so both exporters skip verification)
#   modules: tcp, http, https, ws, wss. blackbox_exporter has no WebSocket prober: its
#            ws/wss rows are the usual stand-in, a tcp prober sending the upgrade request
#            and expecting "HTTP/1.1 101" (over TLS for wss). blackbox_exporter adds a
#            "\n" to each `send`, so the request there ends in "\r\n\r" (+ its "\n").
#   client:  python3 threads, one keep-alive connection each (as Prometheus scrapes),
#            CONC at once, N probes per row after a warm-up
#   prints:  a markdown table: probe_success (same verdict?), the cause label conndoctor
#            gave, median and p90 latency, probes/s, exporter CPU time per probe,
#            exporter peak RSS, the host's TIME-WAIT sockets before and after the row;
#            then the open-port and HTTP rows again once 20,000 extra TIME-WAIT sockets
#            exist on loopback (a successful probe's cost must not grow with them);
#            then a ratio table (conndoctor vs blackbox_exporter per row; > 1 = faster)
#
#   CONC=8 N=2000 bench/exporter.sh
#   TW=20000 bench/exporter.sh  # how many TIME-WAIT sockets the last rows add (0: skip)
#   DRAIN=1 bench/exporter.sh   # before each row, wait (at most 70 s) for the host's
#                               # TIME-WAIT sockets to drain: rows start equal
#
# Needs prometheus-blackbox-exporter and python3 (apt-get install
# prometheus-blackbox-exporter python3). Only 127.0.0.1 is bound or probed.
set -euo pipefail
cd "$(dirname "$0")/.."
CONC=${CONC:-8}
N=${N:-2000}
DRAIN=${DRAIN:-0}
TW=${TW:-20000}

for tool in prometheus-blackbox-exporter python3; do
  command -v "$tool" >/dev/null || { echo "bench/exporter.sh: missing $tool (apt-get install prometheus-blackbox-exporter python3)" >&2; exit 2; }
done
cargo build --release -q
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/conndoctor"
TMP=$(mktemp -d)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { # url: wait up to 20 s for a 200
  for _ in $(seq 200); do
    python3 -c 'import sys,urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench/exporter.sh: $1 did not answer" >&2; exit 3
}
wait_tcp() {
  for _ in $(seq 200); do
    python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1",int(sys.argv[1])),1).close()' "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench/exporter.sh: port $1 did not open" >&2; exit 3
}

# Targets.
TCP_PORT=$(free_port)
"$BIN" serve "tcp://127.0.0.1:$TCP_PORT" --token bench --lang en >/dev/null 2>&1 & PIDS+=($!)
HTTP_PORT=$(free_port)
"$BIN" serve "http://127.0.0.1:$HTTP_PORT" --token bench --lang en >/dev/null 2>&1 & PIDS+=($!)
HTTPS_PORT=$(free_port)
"$BIN" serve "https://127.0.0.1:$HTTPS_PORT" --token bench --lang en >/dev/null 2>&1 & PIDS+=($!)
WS_PORT=$(free_port)
"$BIN" serve "ws://127.0.0.1:$WS_PORT/chat" --token bench --lang en >/dev/null 2>&1 & PIDS+=($!)
WSS_PORT=$(free_port)
"$BIN" serve "wss://127.0.0.1:$WSS_PORT/chat" --token bench --lang en >/dev/null 2>&1 & PIDS+=($!)
CLOSED_PORT=$(free_port)
for p in "$TCP_PORT" "$HTTP_PORT" "$HTTPS_PORT" "$WS_PORT" "$WSS_PORT"; do wait_tcp "$p"; done

# The exporters, each with the equivalent modules (5 s timeout, IPv4 literal targets).
cat > "$TMP/blackbox.yml" <<'YAML'
modules:
  tcp_connect:
    prober: tcp
    timeout: 5s
  http_2xx:
    prober: http
    timeout: 5s
  https_2xx:
    prober: http
    timeout: 5s
    http:
      tls_config: { insecure_skip_verify: true }
  ws_upgrade:
    prober: tcp
    timeout: 5s
    tcp:
      query_response:
        - send: "GET /chat HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r"
        - expect: "^HTTP/1.1 101"
  wss_upgrade:
    prober: tcp
    timeout: 5s
    tcp:
      tls: true
      tls_config: { insecure_skip_verify: true }
      query_response:
        - send: "GET /chat HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r"
        - expect: "^HTTP/1.1 101"
YAML
cat > "$TMP/conndoctor.yml" <<'YAML'
modules:
  tcp: { prober: tcp, timeout: 5s }
  http: { prober: http, timeout: 5s }
  https: { prober: https, timeout: 5s, tls: { insecure_skip_verify: true } }
  ws: { prober: ws, timeout: 5s }
  wss: { prober: wss, timeout: 5s, tls: { insecure_skip_verify: true } }
allow:
  cidrs: [127.0.0.0/8]
limits:
  max_concurrent_probes: 64
YAML
BB_PORT=$(free_port)
prometheus-blackbox-exporter --config.file="$TMP/blackbox.yml" \
  --web.listen-address="127.0.0.1:$BB_PORT" --log.level=error >/dev/null 2>&1 & PIDS+=($!)
BB_PID=$!
CD_PORT=$(free_port)
# The same modules (https/wss without verification, as for blackbox_exporter).
"$BIN" exporter --config "$TMP/conndoctor.yml" --listen "127.0.0.1:$CD_PORT" --lang en >/dev/null 2>&1 & PIDS+=($!)
CD_PID=$!
wait_http "http://127.0.0.1:$BB_PORT/metrics"; wait_http "http://127.0.0.1:$CD_PORT/metrics"

BB_VERSION=$(prometheus-blackbox-exporter --version 2>&1 | head -1 | awk '{print $3}')
CD_VERSION=$("$BIN" --version | awk '{print $2}')

cat > "$TMP/load.py" <<'PY'
import http.client, os, statistics, sys, threading, time

conc, n, drain = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1"
rows = [line.split("|") for line in sys.argv[4:]]
tick = os.sysconf("SC_CLK_TCK")

def cpu_s(pid):
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / tick

def hwm_kib(pid):
    for l in open(f"/proc/{pid}/status"):
        if l.startswith("VmHWM:"):
            return int(l.split()[1])
    return 0

def run(port, path, count):
    lat, lock, left, bodies = [], threading.Lock(), [count], []
    def worker():
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                if left[0] == 0:
                    break
                left[0] -= 1
            t0 = time.perf_counter()
            c.request("GET", path, headers={"X-Prometheus-Scrape-Timeout-Seconds": "10"})
            r = c.getresponse()
            body = r.read()
            dt = time.perf_counter() - t0
            if r.status != 200:
                raise SystemExit(f"{path}: HTTP {r.status}: {body[:200]!r}")
            with lock:
                lat.append(dt)
                if len(bodies) < 1:
                    bodies.append(body.decode())
        c.close()
    ts = [threading.Thread(target=worker) for _ in range(conc)]
    t0 = time.perf_counter()
    for t in ts: t.start()
    for t in ts: t.join()
    return lat, time.perf_counter() - t0, bodies[0]

def time_wait():
    # "TCP: inuse 5 orphan 0 tw 8016 alloc 9 mem 1"
    for l in open("/proc/net/sockstat"):
        if l.startswith("TCP:"):
            f = l.split()
            return int(f[f.index("tw") + 1])
    return 0

def metric(body, name):
    for l in body.splitlines():
        if l.startswith(name + " ") or l.startswith(name + "{"):
            return l.rsplit(" ", 1)[1]
    return "-"

def why(body):
    ids = [l.split('"')[1] for l in body.splitlines() if l.startswith("conndoctor_cause{")]
    sym = [l.split('"')[1] for l in body.splitlines() if l.startswith("conndoctor_symptom{")]
    return "`" + (ids[0] if ids else sym[0]) + "`" if (ids or sym) else "—"

def make_time_wait(count):
    # The client closes first, so each connection leaves its client end in TIME-WAIT.
    import socket
    l = socket.socket()
    l.bind(("127.0.0.1", 0))
    l.listen(512)
    addr = l.getsockname()
    for _ in range(count):
        c = socket.create_connection(addr)
        s, _ = l.accept()
        c.close()
        s.close()
    l.close()

print(f"| target | exporter | module | probe_success | why | median | p90 | probes/s | CPU per probe | peak RSS | TIME-WAIT sockets |")
print("|---|---|---|---:|---|---:|---:|---:|---:|---:|---:|")
results = []
for target_name, exporter, port, pid, module, target in rows:
    if target_name == "@tw":
        make_time_wait(int(port))
        continue
    path = f"/probe?module={module}&target={target}"
    run(int(port), path, min(200, n))  # warm-up
    if drain:
        until = time.time() + 70
        while time_wait() > 200 and time.time() < until:
            time.sleep(1)
    tw0, c0 = time_wait(), cpu_s(pid)
    lat, wall, body = run(int(port), path, n)
    cpu, tw1 = cpu_s(pid) - c0, time_wait()
    lat.sort()
    med = statistics.median(lat) * 1000
    p90 = lat[int(len(lat) * 0.9) - 1] * 1000
    print(f"| {target_name} | {exporter} | {module} | {metric(body, 'probe_success')} | {why(body)} | "
          f"{med:.2f} ms | {p90:.2f} ms | {len(lat) / wall:,.0f} | {cpu / len(lat) * 1000:.2f} ms | "
          f"{hwm_kib(pid) / 1024:.1f} MiB | {tw0:,} → {tw1:,} |", flush=True)
    results.append((target_name, exporter, med, p90, len(lat) / wall, cpu / len(lat) * 1000))

# Ratios: rows come in pairs (blackbox_exporter first, then conndoctor).
print()
print("| target | median: bb / cd | p90: bb / cd | probes/s: cd / bb | CPU per probe: bb / cd |")
print("|---|---:|---:|---:|---:|")
for bb, cd in zip(results[0::2], results[1::2]):
    print(f"| {bb[0]} | {bb[2] / cd[2]:.2f}× | {bb[3] / cd[3]:.2f}× | {cd[4] / bb[4]:.2f}× | {bb[5] / cd[5]:.2f}× |")
print("(> 1× means conndoctor is faster or cheaper)")
PY

echo
echo "## Exporters side by side: $N probes per row, concurrency $CONC, loopback targets$([ "$DRAIN" = 1 ] && echo ', TIME-WAIT drained before each row')"
echo "($(nproc) cores, kernel $(uname -r); client: python3 threads with keep-alive; CPU = exporter process user+system time)"
echo
ROWS=(
  "open TCP port|blackbox_exporter $BB_VERSION|$BB_PORT|$BB_PID|tcp_connect|127.0.0.1:$TCP_PORT"
  "open TCP port|conndoctor exporter $CD_VERSION|$CD_PORT|$CD_PID|tcp|127.0.0.1:$TCP_PORT"
  "closed TCP port|blackbox_exporter $BB_VERSION|$BB_PORT|$BB_PID|tcp_connect|127.0.0.1:$CLOSED_PORT"
  "closed TCP port|conndoctor exporter $CD_VERSION|$CD_PORT|$CD_PID|tcp|127.0.0.1:$CLOSED_PORT"
  "HTTP server|blackbox_exporter $BB_VERSION|$BB_PORT|$BB_PID|http_2xx|http://127.0.0.1:$HTTP_PORT/"
  "HTTP server|conndoctor exporter $CD_VERSION|$CD_PORT|$CD_PID|http|http://127.0.0.1:$HTTP_PORT/"
  "HTTPS server|blackbox_exporter $BB_VERSION|$BB_PORT|$BB_PID|https_2xx|https://127.0.0.1:$HTTPS_PORT/"
  "HTTPS server|conndoctor exporter $CD_VERSION|$CD_PORT|$CD_PID|https|https://127.0.0.1:$HTTPS_PORT/"
  "WebSocket server|blackbox_exporter $BB_VERSION|$BB_PORT|$BB_PID|ws_upgrade|127.0.0.1:$WS_PORT"
  "WebSocket server|conndoctor exporter $CD_VERSION|$CD_PORT|$CD_PID|ws|ws://127.0.0.1:$WS_PORT/chat"
  "secure WebSocket server|blackbox_exporter $BB_VERSION|$BB_PORT|$BB_PID|wss_upgrade|127.0.0.1:$WSS_PORT"
  "secure WebSocket server|conndoctor exporter $CD_VERSION|$CD_PORT|$CD_PID|wss|wss://127.0.0.1:$WSS_PORT/chat"
)
if [ "$TW" -gt 0 ]; then
  ROWS+=("@tw|-|$TW|-|-|-"
    "open TCP port, +$TW TIME-WAIT|blackbox_exporter $BB_VERSION|$BB_PORT|$BB_PID|tcp_connect|127.0.0.1:$TCP_PORT"
    "open TCP port, +$TW TIME-WAIT|conndoctor exporter $CD_VERSION|$CD_PORT|$CD_PID|tcp|127.0.0.1:$TCP_PORT"
    "HTTP server, +$TW TIME-WAIT|blackbox_exporter $BB_VERSION|$BB_PORT|$BB_PID|http_2xx|http://127.0.0.1:$HTTP_PORT/"
    "HTTP server, +$TW TIME-WAIT|conndoctor exporter $CD_VERSION|$CD_PORT|$CD_PID|http|http://127.0.0.1:$HTTP_PORT/")
fi
python3 "$TMP/load.py" "$CONC" "$N" "$DRAIN" "${ROWS[@]}"
