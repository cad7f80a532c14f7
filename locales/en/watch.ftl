# conndoctor audit --watch: where a client's SYNs stop, seen on the server.

## Options and input

help-audit-watch = Watch incoming SYNs to PORT at the interfaces and say where they stop: before this host, at a firewall rule, at the listener (needs root).
help-audit-duration = How long --watch runs, e.g. 30s, 2m [default: 60s]; Ctrl-C ends it sooner.
watch-input-bad-port = { $detail } is not a port for --watch (1-65535)
watch-input-two-ports = { $detail } and --watch { $port } name different ports
watch-input-bad-duration = { $detail } is not a duration for --duration (e.g. 30s, 2m; at most 1h)
watch-error-denied = watching packets needs root (CAP_NET_RAW): { $detail }
watch-error-capture = cannot open the packet socket: { $detail }

## While it runs

watch-ready = watching TCP port { $port } on every interface for { $secs } s; make the client connect now (Ctrl-C ends the watch)
watch-ready-from = watching TCP port { $port } for SYNs from { $client } for { $secs } s; make the client connect now (Ctrl-C ends the watch)

## The report

watch-title = TCP port { $port } · watched for { $secs } s
watch-no-client = no client
watch-row = SYN in: { $syns } ({ $iface }; source ports { $ports }) · SYN-ACK out: { $synacks } · RST out: { $resets }
watch-row-none = no SYN arrived
watch-verdict-never-arrived = packets never reached this host → the cloud security group, a provider firewall or a router before it
watch-verdict-dropped-local = reached the network card, dropped by a local rule in { $chain }
watch-verdict-panel-firewall = reached the network card, dropped by { $panel } ({ $chain })
watch-verdict-no-listener = reached this host, but nothing listens on port { $port }
watch-verdict-queue-full = reached the listener, which did not accept: its queue was full
watch-verdict-asymmetric-route = reached the listener; its answer left by another path ({ $out })
watch-verdict-not-answered = reached this host, and no answer left
watch-verdict-reply-lost = reached the listener, the SYN-ACK left by { $iface }, but it never reached the client
watch-verdict-accepted = reached the listener, and the SYN-ACK left

## Evidence

watch-ev-none-from = no SYN from { $client } to port { $port } arrived at any interface in { $secs } s
watch-ev-none = no SYN to port { $port } arrived at any interface in { $secs } s
watch-ev-others = SYNs did arrive from other addresses ({ $count }): { $addrs }. If the client is behind NAT, its address is one of these: run the watch with that --from
watch-ev-before-host = the watch sees packets at the interface, before any firewall of this host: what never shows up here was dropped on the way
watch-ev-syns = SYNs from { $client } to { $dst } that arrived on { $iface }: { $count } (source ports { $ports })
watch-ev-syn-ack = SYN-ACKs that left by { $iface }: { $count }
watch-ev-syn-ack-elsewhere = SYN-ACKs that left by { $out }: { $count }, while the SYNs came in on { $in }
watch-ev-retried = the client sent the same SYN again after the SYN-ACK (times: { $count }): the answer did not reach it
watch-ev-rule = { $source } { $chain } rule { $position } ({ $verdict }): { $text }
watch-ev-policy = { $source } { $chain }: its policy drop took them (no rule accepts the port)
watch-ev-counter = its packet counter rose by { $count } during the watch
watch-ev-no-counter = the rule has no counter; the rule set's own evaluation names it
watch-ev-reject-with = it answers with { $with }
watch-ev-manager = the chain belongs to { $panel }
watch-ev-panel = panels on this machine: { $panels }
watch-ev-no-listener = no socket listens on { $addr } (listening on this port: { $bound })
watch-ev-resets = RSTs that left in answer: { $count }
watch-ev-queue = the accept queue of { $addr } reached { $queue } with a backlog of { $backlog }
watch-ev-overflows = ListenOverflows rose by { $count } during the watch: the kernel dropped SYNs for a full queue
watch-ev-rp-filter = strict reverse-path filtering (rp_filter = 1) is on for { $iface }: a SYN whose reply would leave by another interface is dropped
watch-ev-firewall-unread = the firewall rules could not be read (run as root)

## Causes

cause-watch-never-arrived = No SYN to port { $port } reached this host: something before it drops them
fix-watch-never-arrived = Open TCP { $port } where packets are filtered before this host: the cloud security group (an inbound rule for TCP { $port } from the client's address), the provider's or the hosting panel's network firewall, or the router or NAT port forward in front of it. Check also that the client dials this host's public address.
cause-watch-dropped-local = SYNs from { $client } reached this host and a local firewall rule in { $chain } dropped them
fix-watch-dropped-local = Accept TCP { $port } before that rule in { $chain } (or delete the rule), then let the client try again.
cause-watch-panel-firewall = SYNs from { $client } were dropped by the rules of { $panel } ({ $chain })
fix-watch-panel-firewall = Open TCP { $port } in { $panel } itself (ufw allow { $port }/tcp; firewall-cmd --permanent --add-port={ $port }/tcp and firewall-cmd --reload; TCP_IN in /etc/csf/csf.conf for csf), or in the panel that drives it: a hand-made rule is overwritten when it reloads its chains.
cause-watch-no-listener = SYNs from { $client } passed the firewall, but nothing listens on port { $port }
fix-watch-no-listener = Start the server on port { $port }, listening on 0.0.0.0 (or [::]) or on the address the clients dial; check with ss -ltnp | grep :{ $port }.
cause-watch-queue-full = SYNs from { $client } reached the listener, whose accept queue was full
fix-watch-queue-full = The program does not accept connections as fast as they come: check that it is not stuck or overloaded, and raise its listen backlog (and net.core.somaxconn).
cause-watch-asymmetric-route = The answer to { $client } left by { $out }, not by { $in } where the SYN came in
fix-watch-asymmetric-route = Make the reply leave by { $in }: fix the route towards { $client } (ip route get { $client }), or add a policy-routing rule for this host's address on { $in }.
cause-watch-not-answered = SYNs from { $client } arrived, but no answer left
fix-watch-not-answered = Check reverse-path filtering (sysctl net.ipv4.conf.all.rp_filter), tc or XDP programs on the interface, and the kernel log, then watch again.
cause-watch-reply-lost = This host answered { $client } by { $iface }, but the answer did not reach it
fix-watch-reply-lost = Look on the way back: a firewall, security group or NAT between this host and { $client } that drops packets from TCP port { $port } (outbound rules, a stateful device that did not see the SYN), or a route that sends them elsewhere after { $iface }.
cause-watch-accepted = This host answered { $client }: the SYN-ACK left
fix-watch-accepted = Nothing to change on this host. If the client still fails, its answer is lost on the way back (a stateful firewall or NAT in between), or the failure comes after the handshake.

## On the client

check-watch-hint = to see where the packets stop, on the server run: { $cmd }
check-watch-ports = then connect again; your source ports (the correlation id) were: { $ports }
