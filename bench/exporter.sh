#!/usr/bin/env bash
# Prometheus exporters side by side: blackbox_exporter (Debian's
# prometheus-blackbox-exporter) and `conndoctor exporter`, probing the same loopback
# targets through the same HTTP client at a fixed concurrency, in one run.
#
#   targets: an open TCP port, a closed TCP port, an HTTP server (all `conndoctor serve`
#            or nothing, on 127.0.0.1)
#   client:  python3 threads, one keep-alive connection each (as Prometheus scrapes),
#            CONC at once, N probes per row after a warm-up
#   prints:  a markdown table: probe_success (same verdict?), median and p90 latency,
#            probes/s, exporter CPU time per probe, exporter peak RSS, and the host's
#            TIME-WAIT sockets before and after the row (every probe leaves some, and a
#            conndoctor check that connects counts the sockets towards its target by
#            walking the kernel's TCP table, so its cost grows with that table)
#
#   CONC=8 N=2000 bench/exporter.sh
#   DRAIN=1 bench/exporter.sh   # before each row, wait (at most 70 s) for the host's
#                               # TIME-WAIT sockets to drain: rows start equal
#
# Needs prometheus-blackbox-exporter and python3. Only 127.0.0.1 is bound or probed.
set -euo pipefail
cd "$(dirname "$0")/.."
CONC=${CONC:-8}
N=${N:-2000}
DRAIN=${DRAIN:-0}

for tool in prometheus-blackbox-exporter python3; do
  command -v "$tool" >/dev/null || { echo "bench/exporter.sh: missing $tool (apt-get install prometheus-blackbox-exporter python3)" >&2; exit 2; }
done
cargo build --release -q
BIN="$PWD/target/release/conndoctor"
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
CLOSED_PORT=$(free_port)
wait_tcp "$TCP_PORT"; wait_tcp "$HTTP_PORT"

# The exporters, each with the equivalent modules (5 s timeout, IPv4 literal targets).
cat > "$TMP/blackbox.yml" <<'YAML'
modules:
  tcp_connect:
    prober: tcp
    timeout: 5s
  http_2xx:
    prober: http
    timeout: 5s
YAML
BB_PORT=$(free_port)
prometheus-blackbox-exporter --config.file="$TMP/blackbox.yml" \
  --web.listen-address="127.0.0.1:$BB_PORT" --log.level=error >/dev/null 2>&1 & PIDS+=($!)
BB_PID=$!
CD_PORT=$(free_port)
# Built-in modules (tcp, http, ...; 5 s) and allow-list (loopback); a limit above CONC.
"$BIN" exporter --listen "127.0.0.1:$CD_PORT" --lang en >/dev/null 2>&1 & PIDS+=($!)
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

print(f"| target | exporter | module | probe_success | why | median | p90 | probes/s | CPU per probe | peak RSS | TIME-WAIT sockets |")
print("|---|---|---|---:|---|---:|---:|---:|---:|---:|---:|")
for target_name, exporter, port, pid, module, target in rows:
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
          f"{hwm_kib(pid) / 1024:.1f} MiB | {tw0:,} → {tw1:,} |")
PY

echo
echo "## Exporters side by side: $N probes per row, concurrency $CONC, loopback targets$([ "$DRAIN" = 1 ] && echo ', TIME-WAIT drained before each row')"
echo "($(nproc) cores, kernel $(uname -r); client: python3 threads with keep-alive; CPU = exporter process user+system time)"
echo
python3 "$TMP/load.py" "$CONC" "$N" "$DRAIN" \
  "open TCP port|blackbox_exporter $BB_VERSION|$BB_PORT|$BB_PID|tcp_connect|127.0.0.1:$TCP_PORT" \
  "open TCP port|conndoctor exporter $CD_VERSION|$CD_PORT|$CD_PID|tcp|127.0.0.1:$TCP_PORT" \
  "closed TCP port|blackbox_exporter $BB_VERSION|$BB_PORT|$BB_PID|tcp_connect|127.0.0.1:$CLOSED_PORT" \
  "closed TCP port|conndoctor exporter $CD_VERSION|$CD_PORT|$CD_PID|tcp|127.0.0.1:$CLOSED_PORT" \
  "HTTP server|blackbox_exporter $BB_VERSION|$BB_PORT|$BB_PID|http_2xx|http://127.0.0.1:$HTTP_PORT/" \
  "HTTP server|conndoctor exporter $CD_VERSION|$CD_PORT|$CD_PID|http|http://127.0.0.1:$HTTP_PORT/"
