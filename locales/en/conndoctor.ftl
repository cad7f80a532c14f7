# conndoctor — English messages (the reference locale: every other locale has these ids).
# Placeables hold addresses, ports, commands and config lines; they stay untranslated.

## Command line

app-error = error
input-empty = no target given
input-whitespace = the target contains spaces; give one address or URL
input-control = the target contains control characters (such as NUL or DEL); give one address or URL
input-unknown-scheme = unknown scheme "{ $detail }://" (known: ws, wss, http, https, tcp, text, websocket)
input-missing-host = the target has no host name or address
input-bad-host = "{ $detail }" is not a valid host name or IP address
input-missing-port = the target has no port, and its scheme has no default port
input-bad-port = "{ $detail }" is not a valid port (1–65535)
input-bad-timeout = "{ $detail }" is not a valid duration (examples: 3s, 500ms, 1.5)
input-bad-header = "{ $detail }" is not a valid header; use "Name: value"
input-bad-token = "{ $detail }" is not a valid token (letters and digits only)
input-bad-ip = "{ $detail }" is not an IP address (--expect-ip takes addresses like 203.0.113.7 or 2001:db8::7)
input-bad-file = cannot read the target list: { $detail }
input-bad-line = line { $line } ("{ $target }"): { $detail }
input-bad-concurrency = --concurrency must be at least 1
input-example = examples: conndoctor check ws://example.com:8282/chat · conndoctor check 203.0.113.7:8282 · conndoctor check websocket://[::1]:8282
lang-fallback = language "{ $lang }" is not available yet; using English
error-internal = conndoctor failed: { $detail }

## Help (--help)

help-about = Tells why a client cannot connect to a server, and what to change.
help-check-about = Diagnose a connection to a target (ws://, wss://, http://, https://, tcp://, text://, websocket://, host:port).
help-demo-about = Start real servers on loopback and show the diagnosis of each case.
help-serve-about = Run a reference server (websocket://, http://, text://, tcp://, optionally TLS) that answers with an identity token.
help-explain-about = Explain a pasted error message (browser console, log, terminal): symptom, causes, fixes, and the check to run.
help-audit-about = On the server: why clients cannot reach this port (listener, process, firewall, panel, cloud, capacity).
help-exporter-about = Prometheus exporter (blackbox_exporter's /probe contract) whose metrics say why a probe failed.
help-help-about = Print this message or the help of the given subcommand(s)
help-usage = Usage
help-commands = Commands
help-arguments = Arguments
help-options = Options
help-examples = Examples
help-help = Print help
help-version = Print version
help-lang = Language of the output (en, zh-CN, th, vi, ru, ja, ar); default from LC_ALL, LC_MESSAGES, LANG.
help-json = Print one JSON object (schema 1) instead of the text report.
help-target = What the client connects to: ws://host:port/path, host:port, [v6]:port, ... (several: a batch)
help-file = Read targets from a file, one per line, # comments ("-" reads standard input).
help-concurrency = Batch: how many targets are checked at once (lowered to fit the descriptor limit) [default: { $default }]
help-timeout = Overall time budget, e.g. 3s, 500ms, 1.5 (seconds) [default: 3s; demo: 1s]
help-no-side-probes = Do not probe other ports of the target while the main connect waits.
help-origin = Origin header for the WebSocket upgrade, as a browser page would send it.
help-subprotocol = Sec-WebSocket-Protocol to ask for.
help-header = Extra request header, "Name: value" (repeatable).
help-insecure = Continue past certificate problems; they are reported as warnings.
help-expect-token = Token printed by conndoctor serve: proves the client reached that very server.
help-expect-ip = The address you believe the server has (repeatable); a different DNS answer is reported.
help-no-trace = Do not trace the path with TTL-limited SYNs when the connect gets no answer.
help-serve-listen = Where to listen, as in a Workerman listen line: websocket://0.0.0.0:8282, http://0.0.0.0:8080, text://[::]:5678
help-serve-tls = Serve over TLS (wss://, https://); a self-signed certificate unless --cert/--key are given.
help-serve-cert = PEM certificate chain for --tls.
help-serve-key = PEM private key for --tls.
help-serve-token = Identity token to answer with (default: random).
help-serve-strict-path = WebSocket: upgrade only on the exact path of LISTEN (others get 404).
help-serve-allow-origin = WebSocket: answer 403 to an Origin other than this one.
help-explain-message = The error message (quote it). Without it, or with "-", it is read from standard input.
help-explain-check = Run the suggested conndoctor check right away.
help-explain-timeout = Time budget of the check run by --check, e.g. 3s, 500ms, 1.5 [default: 3s]
help-audit-target = The port, or the listen address from the server's code (websocket://0.0.0.0:8282); none audits every listener.
help-audit-sysroot = Read configuration and hardware markers (/sys/class/dmi, /etc, panel paths) under DIR instead of /.
help-audit-timeout = Time budget, e.g. 3s, 500ms, 1.5 [default: 3s]
help-audit-from = The client's address, for firewall rules that accept or drop by source address.
## Checklist

check-target = Target
check-resolve = Resolve
check-connect = Connect
check-side = Other ports
check-listeners = Listeners
check-ports = Local ports
check-protocol = Protocol
check-cross = Cross-check
check-tls = TLS
check-dns = Nameserver
check-hosts = Hosts file
check-proxy = Proxy
check-path = Path
path-line = { $hops }
tls-established = { $version } handshake completed, certificate valid
tls-established-bad-cert = { $version } handshake completed, but the certificate is not accepted
tls-failed = handshake failed: { $error }
check-cert = Certificate
cert-facts = { $subject }, issued by { $issuer }; names: { $names }; expires { $date } (days left: { $days }); chain: { $chain }
cert-no-names = none (no subjectAltName)
target-line = { $input } → TCP port { $port }
resolve-literal = { $addrs } (address given directly)
resolve-system = { $name } → { $addrs } ({ $ms } ms)
resolve-failed = { $name }: { $error }
resolve-error-no-name = the name does not exist
resolve-error-no-address = the name has no IPv4 or IPv6 address
resolve-error-resolver-failure = the DNS resolver did not answer properly
resolve-error-timeout = the resolver did not answer within the time budget
resolve-error-other = the resolver failed
attempt-line = { $addr }: { $outcome } in { $ms } ms
attempt-retransmits = { $count ->
    [0] no SYN retransmission yet
    [one] one SYN retransmission
   *[other] { $count } SYN retransmissions
}
outcome-connected = connected
outcome-refused = refused (RST)
outcome-refused-icmp = refused by an ICMP error from { $origin }
outcome-timed-out = no answer
outcome-host-unreachable = host unreachable
outcome-net-unreachable = network unreachable
outcome-addr-not-available = no local port available
outcome-fd-exhausted = out of file descriptors
outcome-other = error: { $message }
side-line = { $ip }: { $answers }
side-nothing = { $ip }: no other port answered either ({ $ports })
listeners-none = nothing on this machine listens on port { $port }
listeners-some = port { $port } is bound to { $addrs }
listeners-remote = { $ip } is another machine; its listeners are only visible there (conndoctor audit)
ports-line = { $used } of { $size } local ports in use to { $dst }

## Verdicts

verdict-ok = the connection works
verdict-refused = connection refused
verdict-timeout = connection timed out
verdict-unreachable = the server is unreachable
verdict-addr-not-avail = cannot assign requested address (no local port left)
verdict-dns = DNS problem: the name does not resolve, or not to the right server
verdict-local = this client machine could not open the connection
verdict-reset = the server closed the connection right after accepting it
verdict-mismatch = connected, but the server speaks another protocol
verdict-tls = connected, but TLS failed
label-causes = Why
label-warnings = Worth fixing
label-fix = Fix
confidence-high = high confidence
confidence-medium = likely
confidence-low = possible
summary-time = verdict in { $ms } ms

## Causes: titles (cause-*) and fixes (fix-*)

cause-refused-not-listening = Nothing accepts connections on { $addr }
fix-refused-not-listening = Start the server and check that it listens on port { $port } (on the server: ss -ltnp | grep :{ $port }). If it runs on another port, point the client at that port.
cause-refused-loopback-only = The server listens on the loopback address only ({ $bound }), so { $addr } is refused
fix-refused-loopback-only = Make the server listen on 0.0.0.0 (all IPv4 addresses) or [::] instead of 127.0.0.1, e.g. websocket://0.0.0.0:{ $port } in Workerman, then restart it.
cause-refused-other-address = The server listens on another address ({ $bound }), not on { $addr }
fix-refused-other-address = Listen on 0.0.0.0 (or on the address clients use), or connect to the address the server is bound to.
cause-refused-family-mismatch = { $failed } fails while { $working } connects: the server listens on one IP version only
fix-refused-family-mismatch = Make the server listen on both IPv4 and IPv6 (e.g. [::] with dual-stack), or have the client use the working address (e.g. 127.0.0.1 instead of localhost).
cause-refused-firewall-reject = A firewall rejects connections to { $addr }; the server never saw them
fix-refused-firewall-reject = Allow the port in the firewall that sent the rejection (nft list ruleset / iptables -S on that machine; a router or cloud ACL if it came from elsewhere).
cause-timeout-filtered = A firewall silently drops packets to { $addr }
fix-timeout-filtered = Open TCP port { $port } in the server's firewall, the cloud security group and any hosting-panel firewall (e.g. nft add rule inet filter input tcp dport { $port } accept).
cause-timeout-host-down = The host { $ip } does not answer at all: it is down, does not exist, or drops everything
fix-timeout-host-down = Check that the server is running and that { $ip } is its address (DNS record, typo); if it is up, a firewall in front of it drops all traffic.
cause-timeout-private-unroutable = { $addr } is a private intranet address that this client's network cannot reach
fix-timeout-private-unroutable = Use the server's public address or domain, or join its network first (VPN, same LAN). Intranet addresses only work inside their own network.
cause-timeout-accept-queue-full = The server's accept queue is full ({ $queued ->
    [one] one connection waits
   *[other] { $queued } connections wait
} on { $addr }), so the kernel drops new connections
fix-timeout-accept-queue-full = The server process accepts too slowly or is stuck: check its CPU and event loop, raise its listen backlog and net.core.somaxconn, or run more worker processes.
cause-unreachable-no-route = There is no route from this client to { $addr }
fix-unreachable-no-route = Check this machine's network connection and routes (ip route get { $addr }); the address may belong to a network you are not connected to.
cause-unreachable-host = { $addr } is unreachable: no such host answers on its network
fix-unreachable-host = Check that the server is switched on and that { $addr } is right; on the same LAN, check the cable/Wi-Fi and ARP (ip neigh).
cause-addr-not-avail-ephemeral-exhausted = This client has used up its local ports towards { $dst } (range { $lo }–{ $hi })
fix-addr-not-avail-ephemeral-exhausted = Reuse connections (keep-alive, pooling) instead of opening one per request, and widen the range: sysctl -w net.ipv4.ip_local_port_range="1024 65535" (persist it in /etc/sysctl.d/).
cause-addr-not-avail-time-wait = { $count ->
    [one] one closed connection to { $dst } still holds its local port
   *[other] { $count } closed connections to { $dst } still hold their local ports
} in TIME_WAIT
fix-addr-not-avail-time-wait = Let the client reuse TIME_WAIT ports: sysctl -w net.ipv4.tcp_tw_reuse=1 (currently { $reuse }), widen net.ipv4.ip_local_port_range, and keep connections open instead of reconnecting.
cause-local-fd-exhausted = This client process has run out of file descriptors; the server is not at fault
fix-local-fd-exhausted = Close sockets that are no longer used and raise the limit: ulimit -n 65535 in the shell that starts the client, or LimitNOFILE= in its systemd unit.
cause-local-outbound-blocked = This machine itself blocks the outgoing connection to { $addr }
fix-local-outbound-blocked = Check the local firewall's output rules (nft list ruleset, iptables -S OUTPUT) and security modules (SELinux, AppArmor) for a rule that blocks this destination.
cause-local-connect-error = The connection to { $addr } failed with an unusual error
fix-local-connect-error = Look up the error below; it comes from this machine's kernel, not from the server.
cause-dns-nxdomain = The name { $name } does not exist in DNS
fix-dns-nxdomain = Check the spelling of { $name } and that the domain is registered and has records.
cause-dns-no-address = The name { $name } exists but has no address record
fix-dns-no-address = Add an A (IPv4) or AAAA (IPv6) record for { $name } at its DNS provider.
cause-dns-resolver-failure = The DNS resolver failed to answer for { $name } (nameservers: { $servers })
fix-dns-resolver-failure = Check the nameservers in /etc/resolv.conf and this machine's network; try again with another resolver.

cause-mismatch-ws-to-http = A WebSocket client reached a plain HTTP server: it answered { $status }{ $server ->
    [none] {""}
   *[other] {" "}(Server: { $server })
} instead of 101 Switching Protocols
fix-mismatch-ws-to-http = Point the client at the WebSocket port, or serve WebSocket on this one (Workerman: new Worker('websocket://0.0.0.0:{ $port }')). Browsers report this as "Unexpected response code: { $code }".
cause-mismatch-ws-to-non-http = A WebSocket client reached a server that does not speak HTTP (it sent: { $bytes })
fix-mismatch-ws-to-non-http = This port runs another protocol (text or a custom TCP protocol). Connect the WebSocket client to the server's websocket:// port, or change the server's listen line to websocket://0.0.0.0:{ $port }. Browsers report this as ERR_INVALID_HTTP_RESPONSE.
cause-mismatch-http-to-ws = An HTTP client reached a WebSocket-only server{ $status ->
    [none] {""}
   *[other] {" "}({ $status })
}
fix-mismatch-http-to-ws = Connect with a WebSocket client (ws:// or wss://), or serve plain HTTP on another port (Workerman: new Worker('http://0.0.0.0:PORT')).
cause-mismatch-http-to-non-http = An HTTP client reached a server that does not speak HTTP (it sent: { $bytes })
fix-mismatch-http-to-non-http = This port runs another protocol ({ $speaks ->
    [http] HTTP
    [tls] TLS
    [ssh] SSH
    [smtp] SMTP
    [ftp] FTP
    [redis] Redis
    [mysql] MySQL
    [text] a text protocol
    [binary] a binary protocol
   *[other] { $speaks }
}); use the server's HTTP port or the client that protocol needs.
cause-mismatch-text-to-http = A text-protocol client reached an HTTP server ({ $status }{ $server ->
    [none] {""}
   *[other] , Server: { $server }
})
fix-mismatch-text-to-http = Use the server's text:// port, or talk HTTP to this one.
cause-mismatch-tls-to-plain = The client uses TLS, but { $addr } speaks plain text: use { $plain } instead
fix-mismatch-tls-to-plain = Either use { $plain } in the client, or put TLS in front of the server: a reverse proxy (nginx "listen 443 ssl" with proxy_pass to 127.0.0.1:{ $port }), or Workerman's transport = 'ssl' with a certificate.
cause-mismatch-plain-to-tls = The client talks plain text, but { $addr } expects TLS: use { $secure } instead
fix-mismatch-plain-to-tls = Use { $secure } (ws:// → wss://, http:// → https://) in the client, or connect to the server's non-TLS port.
cause-mismatch-ws-path = The WebSocket path { $path } is wrong on this server
fix-mismatch-ws-path = Use the path the server handles ({ $working }); with nginx in front, check that the location block matches { $path }.
cause-mismatch-ws-origin = The server rejects the Origin { $origin }
fix-mismatch-ws-origin = Add the page's origin to the server's allowed origins (or CORS/Origin check), or load the page from an allowed origin.
cause-mismatch-proxy-no-upgrade = A reverse proxy{ $server ->
    [none] {""}
   *[other] {" "}({ $server })
} answered the upgrade with { $status }: it does not forward WebSocket
fix-mismatch-proxy-no-upgrade = In the proxy's location block add: proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade"; then reload it (nginx -s reload).
cause-mismatch-silent-server = The server accepted the connection but gave no usable answer within { $ms } ms
fix-mismatch-silent-server = The server waits for something else (another protocol, or a first message the client is expected to send) or its event loop is stuck: check the server's protocol and logs.
cause-reset-after-connect = { $addr } accepted the connection and dropped it before answering
fix-reset-after-connect = Check the server's logs: it may reject this protocol or client IP, hit its connection limit, or crash on the request. A firewall or IPS that resets connections can do the same.
cause-tls-cert-expired = The certificate of { $host } is expired (or not yet valid)
fix-tls-cert-expired = Renew the certificate (e.g. certbot renew) and reload the server; check the server's clock too.
cause-tls-cert-name = The certificate does not cover the name { $host }
fix-tls-cert-name = Get a certificate that includes { $host } (subjectAltName), or connect with a name it covers.
cause-tls-cert-untrusted = { $kind ->
    [self-signed] The certificate of { $host } is self-signed: no client trusts it unless told to
   *[other] The certificate of { $host } is from an issuer the client does not trust
}
fix-tls-cert-untrusted = { $kind ->
    [self-signed] For a test setup, trust this certificate in the client (or use --insecure here). Better, make one without CA:TRUE and with the name in subjectAltName, as rustls/webpki clients require: openssl req -x509 -newkey rsa:2048 -nodes -subj /CN={ $host } -addext "subjectAltName={ $san }" -addext "basicConstraints=critical,CA:FALSE" -keyout key.pem -out cert.pem. In production use a public CA (Let's Encrypt).
   *[other] Use a certificate from a public CA (e.g. Let's Encrypt) with its full chain, or add the issuing CA to the client's trust store; --insecure continues past it for testing.
}
cause-tls-handshake = The TLS handshake with { $host } failed
fix-tls-handshake = Check that this port serves TLS with a modern version (TLS 1.2/1.3) and a certificate; the error below comes from the handshake.
cause-tls-cert-chain-incomplete = { $host } sends its certificate without the intermediate certificate of { $issuer }
fix-tls-cert-chain-incomplete = Configure the full chain, not the certificate alone: nginx ssl_certificate fullchain.pem (certbot), Apache SSLCertificateFile with the chain appended, Workerman local_cert = fullchain.pem. If { $issuer } is your own CA, add it to the client's trust store instead.
cause-tls-cert-usage = The certificate of { $host } is not meant for a TLS server
fix-tls-cert-usage = Issue a server certificate: basicConstraints CA:FALSE and extendedKeyUsage serverAuth (openssl: -addext "basicConstraints=critical,CA:FALSE" -addext "extendedKeyUsage=serverAuth"). Clients refuse a CA certificate or a client-only certificate here.
cause-tls-version-old = { $host } only speaks { $version }, which current clients no longer accept
fix-tls-version-old = Enable TLS 1.2 and 1.3 on the server (nginx: ssl_protocols TLSv1.2 TLSv1.3; OpenSSL-based servers: remove -tls1/-tls1_1 or MinProtocol=TLSv1), or update its TLS library. Browsers, rustls, Java 17+ and OpenSSL 3 refuse TLS 1.0/1.1 by default.
cause-tls-no-shared-cipher = { $host } and the client have no cipher suite or key exchange in common
fix-tls-no-shared-cipher = Allow modern AEAD suites on the server (ECDHE with AES-GCM or ChaCha20-Poly1305; nginx: Mozilla's "intermediate" ssl_ciphers) and use an ECDSA or RSA (2048 bits or more) certificate.
cause-tls-client-cert-required = { $host } requires a client certificate (mutual TLS), and the client sent none
fix-tls-client-cert-required = Give the client a certificate and key issued by a CA the server trusts (curl --cert/--key, Node tls.connect cert/key, a Java keystore, a .p12 imported into the browser); or, if clients are not meant to authenticate, turn it off on the server (nginx: ssl_verify_client off or optional).
cause-tls-sni-cert = { $host } gets the wrong certificate: the server picks its certificate by the name the client sends (SNI)
fix-tls-sni-cert = Configure the certificate for { $host } where the server handles that name (nginx: the server block with server_name { $host } and its ssl_certificate; Apache: its VirtualHost), or connect with the name the server is set up for.
cause-refused-wrong-host = The client reached a different server at { $addr } than the one it was meant to reach
fix-refused-wrong-host = Check the host and port in the client, the DNS record and the hosts file, and any proxy or port forwarding in between: the token of the server you started did not come back.
cause-dns-wrong-ip = The name { $name } points to { $addrs }, which is not the intended server
fix-dns-wrong-ip = Fix the DNS A/AAAA record of { $name } (or the hosts file entry) to point to the server's address, and wait for the TTL to pass.
cause-dns-hosts-override = The hosts file maps { $name } to { $hosts }, while DNS says { $dns }
fix-dns-hosts-override = Remove or correct the { $name } line in /etc/hosts (C:\Windows\System32\drivers\etc\hosts on Windows) if it is a leftover; clients on other machines follow DNS.
cause-dns-fake-ip = { $name } resolved to { $addr }, a fake address handed out by proxy software
fix-dns-fake-ip = A proxy program (Clash, mihomo, Surge, sing-box…) answers DNS with fake IPs and intercepts the connection: add a direct rule or a fake-ip-filter entry for this domain, or switch the program to direct mode while testing.
cause-proxy-local-software = Proxy software on this client changes where the connection goes ({ $via })
fix-proxy-local-software = Either add the server to the proxy's bypass list (NO_PROXY=host, a DIRECT rule, or "bypass" in the proxy app), or switch the proxy off or to direct mode; then test again.
cause-proxy-auth-required = The HTTP proxy between this client and the server wants a user name and password (407 Proxy Authentication Required)
fix-proxy-auth-required = Give the client the proxy's credentials (e.g. HTTPS_PROXY=http://user:password@proxy:port, or the app's proxy settings), or add the server to NO_PROXY if it should be reached directly; then test again.
cause-proxy-cdn-port-not-proxied = { $cdn } does not forward port { $port }, so connections through it get no answer
fix-proxy-cdn-port-not-proxied = Use a port the CDN forwards (Cloudflare: 80, 8080, 8880, 2052, 2082, 2086, 2095 for HTTP; 443, 2053, 2083, 2087, 2096, 8443 for HTTPS), or make the DNS record "DNS only" (grey cloud) and connect to the origin server directly.
cause-proxy-cdn = { $cdn } stands between the client and the server
fix-proxy-cdn = The address you reach belongs to the CDN, not to your server: a server allow-list or firewall rule for your own IP will not match. Check the CDN's settings (WebSocket support, forwarded ports) or connect to the origin directly.

## Evidence lines

ev-family-failed = { $addr }: { $outcome ->
    [refused] refused
    [timed-out] no answer
    [host-unreachable] host unreachable
    [net-unreachable] network unreachable
   *[other] failed ({ $outcome })
}
ev-family-connected = { $addr } connected
ev-icmp-error = an ICMP error (type { $type }, code { $code }) came back from { $origin } instead of a TCP answer
ev-icmp-other-origin = the rejection came from { $origin }, not from the server itself
ev-icmp-not-rst = a server with a closed port answers with a TCP reset, not ICMP: this is a reject rule
ev-no-listener-local = this machine's socket table has no listener on port { $port }
ev-listener-but-rst = a socket listens on { $addr } and the connection was still reset: a "reject with tcp reset" rule is likely
ev-listener-elsewhere = the port is bound to { $bound } only, which does not include { $addr }
ev-rst-from-target = { $addr } answered with a TCP reset: the host is up, the port is closed
ev-audit-would-tell = only the server can tell which: run conndoctor audit { $port } there
ev-syn-unanswered = { $addr } did not answer the SYN within { $ms } ms ({ $retransmits ->
    [one] one retransmission
   *[other] { $retransmits } retransmissions
})
ev-accept-queue = { $queued ->
    [one] one connection waits in the accept queue of { $addr }, and the server is not taking it
   *[other] { $queued } connections wait in the accept queue of { $addr }, and the server is not taking them
}
ev-backlog = the listening socket's backlog is { $backlog }, and the queue holds { $queued }: it is full, so new SYNs are dropped
ev-listen-overflows = { $count ->
    [one] the kernel dropped one connection attempt
   *[other] the kernel dropped { $count } connection attempts
} because a listen queue was full while we waited (TcpExtListenOverflows)
ev-only-default-route = the only route towards it is the default route (via { $gateway } on { $iface }), i.e. the public internet
ev-no-route-at-all = this machine has no route towards that address
ev-private-address = { $addr } is in a private range (RFC 1918, CGNAT or IPv6 ULA)
ev-not-on-local-network = none of this machine's interfaces is on the network of { $addr }
ev-side-probes-off = other ports were not probed (--no-side-probes), so a down host cannot be told apart
ev-host-answers-elsewhere = { $ip } answers on other ports: { $ports }
ev-host-silent = { $ip } answered on no other port either ({ $ports })
ev-neighbour-failed = this machine asked for { $addr } on its local network (ARP/neighbour discovery) and got no answer
ev-router-reported = the router { $router } reported: { $outcome ->
    [net-unreachable] network unreachable
   *[other] host unreachable
}
ev-kernel-reported = this machine's kernel reported: { $outcome ->
    [net-unreachable] network unreachable (no route)
   *[other] host unreachable
}
ev-ports-in-use = { $used } of { $size } usable local ports ({ $lo }–{ $hi }) are taken by sockets to { $dst }
ev-time-wait = { $count } of them in TIME_WAIT; net.ipv4.tcp_tw_reuse = { $reuse }
ev-fd-limit = file-descriptor limit: { $soft } (hard limit { $hard })
ev-reply-http = { $request } over { $transport } → HTTP { $status }{ $server ->
    [none] {""}
   *[other] {" "}(Server: { $server })
}
ev-reply-data = { $request } over { $transport } → { $len ->
    [one] one byte that looks like
   *[other] { $len } bytes that look like
} { $speaks ->
    [http] HTTP
    [tls] TLS
    [ssh] SSH
    [smtp] SMTP
    [ftp] FTP
    [redis] Redis
    [mysql] MySQL
    [text] text
    [binary] binary data
   *[other] { $speaks }
}: { $bytes }
ev-reply-silence = { $request } over { $transport } → no answer in { $ms } ms
ev-reply-closed = { $request } over { $transport } → the server closed the connection without answering
ev-reply-reset = { $request } over { $transport } → the server reset the connection
ev-reply-too-large = { $request } over { $transport } → the response head exceeded 16 KiB
ev-reply-no-connection = { $request } over { $transport } → could not connect again ({ $outcome })
ev-reply-error = { $request } over { $transport } → { $message }
ev-tls-failed = the TLS handshake failed: { $error }
ev-tls-works = a TLS handshake on the same port succeeds ({ $version })
ev-bad-accept = the 101 answer carries a wrong Sec-WebSocket-Accept
ev-root-upgrades = the same upgrade on / succeeds
ev-no-origin-upgrades = the same upgrade without the Origin header succeeds
ev-upgrade-works = a WebSocket upgrade on the same port succeeds
ev-cdn-header = the response carries { $header } ({ $cdn })
ev-cert-not-after = the certificate expired on { $date }
ev-cert-not-yet-valid = the certificate is not valid yet
ev-cert-names = the certificate covers: { $names }
ev-cert-unknown-issuer = issued by { $issuer }, which is not among the client's trusted roots
ev-cert-no-trusted-root = the chain does not lead to a trusted root certificate
ev-cert-not-before = the certificate is valid only from { $date }
ev-cert-no-sni-covers = without a server name (SNI) the server sends another certificate, and that one covers { $host }: { $names }
ev-cert-ip-no-sni = an IP address sends no server name (SNI): a server with several certificates then sends its default one
ev-cert-self-signed = issued by itself ({ $subject }): issuer and subject are the same
ev-cert-ca-true = it is marked as a CA (basicConstraints CA:TRUE), which rustls/webpki clients refuse as a server certificate even when trusted
ev-cert-bad-signature = its signature does not verify with the issuer's key
ev-cert-chain-one = the server sent only its own certificate; its issuer { $issuer } is not a trusted root
ev-cert-no-server-auth = its extended key usage does not include serverAuth (TLS server)
ev-cert-rejected = the certificate was rejected ({ $code })
ev-cert-no-san = the certificate lists no names (subjectAltName); clients ignore its subject { $subject }
ev-tls-old-version = the server answered the TLS 1.2/1.3 ClientHello with { $version }
ev-tls-version-refused = the server refused TLS 1.2 and 1.3 (alert protocol_version)
ev-tls-alert = the server ended the handshake with the alert { $alert }
ev-tls-client-cert-asked = the server asked for a client certificate (CertificateRequest) and ended the connection when none came
ev-tls-unrecognized-name = the server does not know the name { $host } sent in SNI (alert unrecognized_name)
ev-tls-error = { $error }
ev-token-mismatch = expected the token { $expected } of your conndoctor serve, got { $got }
ev-ns-answer = nameserver { $server } answers { $addrs } (CNAME { $cnames }, TTL { $ttl } s)
ev-ns-nxdomain = nameserver { $server } says the name does not exist (NXDOMAIN)
ev-ns-nodata = nameserver { $server } knows the name but has no A/AAAA record for it
ev-ns-failure = nameserver { $server } failed: { $rcode }
ev-ns-timeout = nameserver { $server } did not answer within { $ms } ms
ev-no-nameservers = /etc/resolv.conf lists no nameserver
ev-hosts-entry = the hosts file maps the name to { $addrs }
ev-expected-ip = you expect { $expected }; the system resolver returns { $addrs }
ev-fake-ip = { $addr } is in 198.18.0.0/15, the range proxy programs use for fake-IP DNS
ev-tun-route = the route to the server goes through the tunnel interface { $iface } (proxy or VPN software)
ev-proxy-env = { $var } = { $value } is set: clients that honour it connect through that proxy
ev-proxy-direct = conndoctor connected directly, without the proxy
ev-cdn-range = { $addr } is in { $cdn }'s published range { $range } (list of { $date })
ev-cdn-ports = port { $port } is not in the list of ports the CDN forwards
ev-path-last-hop = the SYN gets as far as hop { $ttl } ({ $addr }); nothing answers beyond it
ev-path-no-hop = not even the first router answered the TTL-limited SYNs
ev-path-on-link = the server is on this machine's own network, with no router in between, and it answered nothing
ev-path-target-answers = the server's host answers at hop { $ttl } ({ $addr })
ev-errno = connect() failed with errno { $errno }: { $message }

## Batch

batch-summary = { $total ->
    [one] one target
   *[other] { $total } targets
} checked in { $secs } s, { $failed } failing
batch-by-symptom = by symptom:
batch-by-cause = by first cause:
batch-slowest = slowest:
batch-interrupted = stopped by { $signal }: { $done } of { $total } targets checked (every result printed above is complete)

## Serve

serve-listening = serving { $scheme } on { $addr } · token { $token }
serve-reachable = reachable as { $url }
serve-loopback-warning = it listens on { $addr } only: other machines cannot connect. Use 0.0.0.0:{ $port } (or [::]:{ $port }) to accept them.
serve-check-hint = from a client: { $cmd }
serve-stop-hint = Ctrl-C stops it.
serve-stopped = stopped.
serve-not-local = { $addr } is not an address of this machine (on clouds the public IP is usually NAT'ed and not on any interface): listen on 0.0.0.0:{ $port } or on the private address instead (addr-not-avail.bind-not-local)
serve-in-use = port { $port } is already in use by another program (ss -ltnp | grep :{ $port } shows which)
serve-permission = ports below 1024 need root or CAP_NET_BIND_SERVICE: { $detail }
serve-needs-address = a listen address is an IP (0.0.0.0, [::], 127.0.0.1, ...) or localhost: { $detail }
serve-failed = could not start: { $detail }

## Demo

demo-title = conndoctor demo: real servers on loopback, real diagnoses
demo-scenario-open = A WebSocket server that works (conndoctor serve), with its identity token checked
demo-scenario-closed = A port where nothing listens
demo-scenario-loopback = A server bound to 127.0.0.1, reached through 127.0.0.2
demo-scenario-queue = A server that stopped accepting: its accept queue is full
demo-scenario-family = localhost resolves to IPv6 and IPv4, the server listens on IPv4 only
demo-scenario-ws-http = A WebSocket client against a plain HTTP server
demo-scenario-ws-text = A WebSocket client against a text-protocol server
demo-scenario-tls-plain = A wss:// client against a plain WebSocket port
demo-scenario-plain-tls = A ws:// client against a TLS port
demo-scenario-path = A WebSocket client asking for a path the server does not serve
demo-scenario-origin = A WebSocket server that rejects the page's Origin
demo-scenario-wrong-ip = The name points to another address than the one you expect (--expect-ip)
demo-command = command: { $cmd }

## Global options, completions, manual page, argument errors
help-color = When to colour the output: auto (a terminal, unless NO_COLOR is set), always, never.
help-completions-about = Print a shell completion script (bash, zsh, fish, elvish, powershell) to standard output.
help-man-about = Print the manual page (roff) to standard output, e.g. conndoctor man | man -l -
help-completions-shell = The shell to complete for.
help-exporter-listen = Address to serve HTTP on (port 0: any free port, printed at start).
help-exporter-config = YAML configuration: modules, allow-list, limits. Without it: built-in modules tcp, http, https, ws, wss and loopback targets only.
help-exporter-check-config = Validate the configuration and exit (0 valid, 2 not).
clap-unknown-argument = unexpected argument '{ $arg }'
clap-invalid-subcommand = unrecognized subcommand '{ $arg }'
clap-invalid-value = invalid value '{ $value }' for '{ $arg }'
clap-missing-value = '{ $arg }' needs a value
clap-missing-required = these required arguments are missing: { $args }
clap-conflict = '{ $arg }' cannot be used together with '{ $other }'
clap-missing-subcommand = a subcommand is required
clap-other = invalid arguments: { $detail }
clap-possible-values = possible values: { $values }
clap-tip-subcommand = did you mean '{ $name }'?
clap-tip-argument = did you mean '{ $name }'?
clap-tip-value = did you mean '{ $name }'?
clap-more-info = For more information, try '--help'.

## serve: WebSocket subprotocols
help-serve-subprotocol = WebSocket: a subprotocol to offer (repeatable); the first one the client asks for is chosen.
input-bad-subprotocol = "{ $detail }" is not a valid subprotocol name (letters, digits and !#$%&'*+-.^_`|~ only)
