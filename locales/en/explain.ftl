# conndoctor explain — messages for pasted error messages (en).
# Placeables hold hosts, ports, URLs, commands and error strings; they stay untranslated.

## Report

explain-title = conndoctor explain
explain-label-symptom = Symptom
explain-label-message = Recognised
explain-label-also = Also matched
explain-label-says = The message says
explain-label-line = Line
explain-label-causes = Possible causes
explain-label-notes = Good to know
explain-label-next = Next step
explain-family = { $source } [{ $id }]
explain-unknown = not a message conndoctor knows ({ $count ->
    [one] one known message family
   *[other] { $count } known message families
})
explain-unknown-hint = conndoctor cannot tell from this text what went wrong. If it is about a connection, run the check below: it looks at the network instead of the wording.
explain-says-nothing = no host, port, URL or error code
explain-field-url = URL { $value }
explain-field-host = host { $value }
explain-field-port = port { $value }
explain-field-status = HTTP status { $value }
explain-field-errno = error { $value }
explain-ev-said = { $source } printed: { $excerpt }
explain-value-unknown = unknown

## Symptoms, as read from the message

explain-symptom-ok = the connection worked
explain-symptom-refused = connection refused: the server's machine answered, but nothing accepted the connection on that port
explain-symptom-timeout = connection timed out: nothing answered at all
explain-symptom-unreachable = the server is unreachable: there is no route to it
explain-symptom-addr-not-avail = the client could not get a local address or port for the connection
explain-symptom-dns = the host name could not be resolved to an address
explain-symptom-reset = the connection was made, then reset or closed before the handshake finished
explain-symptom-mismatch = the connection was made, but the server speaks another protocol than the client expects
explain-symptom-tls = the connection was made, but the TLS handshake or the certificate check failed
explain-symptom-local = this client machine ran out of a resource; the server is not at fault
explain-symptom-none = the message does not say how the connection failed

## Next step

explain-next-run = Run this on the machine where the client runs:
explain-next-incomplete = The message does not name the whole target; fill in what is missing and run:
explain-next-check-flag = (or add --check to run it now)
explain-running = Running { $cmd } …

## Notes

explain-note-status-200 = The server answered the WebSocket upgrade with an ordinary page (200). Either this URL is served by a plain web server or application route, or a reverse proxy in front does not pass the Upgrade and Connection headers on.
explain-note-status-400 = 400 to an upgrade usually comes from a server that is not a WebSocket server on this path, or from a proxy that dropped the Upgrade header.
explain-note-status-401 = 401 means the WebSocket server was reached and wants credentials (a token, cookie or header). The network is fine; check the authentication the client sends.
explain-note-status-403 = 403 to an upgrade is most often an Origin check: the server only accepts pages from certain origins. Allow the page's origin on the server, or check the credentials the client sends.
explain-note-status-404 = 404 means an HTTP server answered but has nothing at this path: compare the path in the client's URL with the one the server (or the proxy's location block) serves WebSockets on.
explain-note-status-426 = 426 Upgrade Required: the server wants a WebSocket upgrade but did not receive one, typically because a proxy removed the Upgrade header.
explain-note-status-429 = 429 means the server is rate-limiting this client. The connection itself works; retry later or less often.
explain-note-status-500 = 500 means the server's own code failed while handling the upgrade: look at the server's log. The network is fine.
explain-note-status-502 = A { $status } comes from a reverse proxy or load balancer: it could not use the application behind it (not running, wrong upstream port), or it does not forward WebSocket upgrades.
explain-note-invalid-http-response = The server answered the WebSocket request with bytes that are not HTTP: the port belongs to a server of another protocol (a raw TCP or text protocol such as Workerman's text://, a database, SSH) or expects TLS.
explain-note-closed-before-handshake = The server accepted the TCP connection and closed it without answering the upgrade: it speaks another protocol, expects TLS (use wss://), or rejected the client (connection limit, IP filter).
explain-note-bad-handshake = gorilla/websocket prints only "bad handshake"; the HTTP status the server sent (often on the line before) tells which cause applies.
explain-note-mixed-content = The browser blocked the connection before it started: a page loaded over https:// may only open wss:// WebSockets. Serve the WebSocket over TLS (wss://, e.g. through the same nginx that serves the page) and use that URL.
explain-note-tls-to-plain = The client started TLS (wss:// or https://) and the server answered in plain text: this port does not speak TLS. Use ws:// or http://, or put TLS in front of the server (nginx, a certificate in the server itself).
explain-note-plain-to-tls = The client spoke plain text (ws:// or http://) to a port that expects TLS: use wss:// or https:// for this port.
explain-note-http09 = The reply did not start with an HTTP status line: the port speaks another protocol, or TLS (try https://).
explain-note-generic-browser = The browser prints this for every kind of failure (refused, timed out, wrong answer) and hides the reason for security. The check below finds out which one it is.
explain-note-generic-client = This client prints the same text for every kind of failure (refused, timed out, name not found, wrong answer) and does not say which. The check below finds out which one it is.
explain-note-interrupted = Firefox prints this when the page is left or reloaded while a WebSocket is still connecting; on its own it is harmless.
explain-note-proxy = The browser is set to use a proxy, and the proxy failed. Check the browser's or system's proxy settings (and proxy software such as Clash or V2Ray) before the server.
explain-note-connect-0000 = 0.0.0.0 is an address a server listens on ("all interfaces"), not one a client can connect to. Connect to the server's real address, or to 127.0.0.1 on the same machine.
explain-note-ipv6-loopback = The client tried the IPv6 loopback address ::1 (what "localhost" resolves to first on many systems). A server listening on 127.0.0.1 only is not reachable there: use 127.0.0.1 in the client, or make the server listen on both.
explain-note-private-address = { $host } is a private (intranet) address: it can only be reached from inside the same network or through a VPN.
explain-note-ipv6-unreachable = The target is an IPv6 address and this client has no IPv6 route: the network has no IPv6, so use the server's IPv4 address.
explain-note-fake-ip = { $host } is in 198.18.0.0/15, the range proxy programs (Clash, Surge and the like) use for fake DNS answers: the connection goes to the proxy, not to the server.
explain-note-host-is-url = The host name contains "://" or "/": a whole URL was given where only a host name belongs.
explain-note-ehostunreach = "No route to host" is also what a firewall's "reject with icmp-host-prohibited" rule produces (the default of firewalld and of many iptables setups), so check the server's firewall as well as the route.
explain-note-fast-failure = The attempt failed within a fraction of a second: the server's machine answered with a refusal, which is how a closed port or a rejecting firewall behaves.
explain-note-connect-call-failed = asyncio says only "Connect call failed"; without another error code this is almost always a refused connection.
explain-note-server-side = This is the server failing to start, not a client failing to connect: it binds an address this machine does not have (on cloud servers the public IP usually is not on the machine). Bind 0.0.0.0 instead.
explain-note-address-in-use = This is the server failing to start: another process already listens on this port (often an older copy of the same server). Stop it or choose another port (ss -ltnp shows who holds it).

## Input errors

explain-input-empty = no message given: pass the error text as an argument (in quotes), or pipe it on standard input
explain-input-unreadable = could not read standard input: { $detail }
explain-input-truncated = The message is longer than { $max } bytes; only the beginning was read.
explain-input-example = examples: conndoctor explain "connect ECONNREFUSED 127.0.0.1:8282" · my-client 2>&1 | conndoctor explain
explain-check-needs-target = --check needs a complete target, and the message does not name one: run conndoctor check with the address and port yourself
