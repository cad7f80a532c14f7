# conndoctor audit — server-side messages (en).
# Placeables hold addresses, ports, commands, rule texts and program names; they stay untranslated.

## Command line

audit-input-example = examples: conndoctor audit 8282 · conndoctor audit websocket://0.0.0.0:8282 · conndoctor audit (every listener)
audit-input-bad-from = "{ $detail }" is not an IP address (--from takes the client's address, e.g. 203.0.113.9)
audit-input-bad-sysroot = "{ $detail }" is not a directory (--sysroot)

## Checklist

audit-check-address = Listen address
audit-check-interfaces = Addresses
audit-check-listeners = Listener
audit-check-self-probe = Self-probe
audit-check-protocol = Protocol
audit-check-firewall = Firewall
audit-check-panel = Panel
audit-check-cloud = Cloud
audit-check-capacity = Capacity
audit-check-limits = Limits
audit-all-listeners = every listener on this machine
audit-address-local = { $ip } is an address of this machine
audit-address-not-local = { $ip } is not an address of this machine
audit-no-listener = nothing listens on TCP port { $port }
audit-no-listeners-at-all = nothing listens on any TCP port
audit-nearby-line = nearby: { $addr } · { $program }
audit-process = { $comm } (pid { $pid }, user { $user }{ $count ->
    [one] {""}
   *[other] , { $count } processes share the socket
}) · { $cmd }
audit-process-unknown = process not found (socket owner: { $user })
audit-process-hidden = process hidden (socket owner: { $user }); run as root to see it
audit-hidden-processes = { $count ->
    [one] one process of another user could not be inspected; run as root to see it
   *[other] { $count } processes of other users could not be inspected; run as root to see them
}
audit-addr-v6only = { $addr } (IPv6 only)
audit-addr-dual = { $addr } (IPv6 and IPv4)
audit-self-probe-line = { $addr }: { $outcome } in { $ms } ms
audit-speaks = the port speaks { $kind ->
    [websocket] WebSocket
    [wss] WebSocket over TLS
    [http] HTTP
    [https] HTTPS
    [tls] TLS
    [ssh] SSH
    [smtp] SMTP
    [ftp] FTP
    [redis] Redis
    [mysql] MySQL
    [text] a text protocol
    [binary] a binary protocol
    [silent] nothing: it waits for the client to speak first
    [closes] nothing: it closes the connection
   *[other] something unrecognised
} { $detail }
audit-fw-source-read = { $tool }: { $rules ->
    [one] one rule
   *[other] { $rules } rules
}
audit-fw-source-empty = no rules loaded ({ $tools })
audit-fw-source-missing = { $tool } is not installed
audit-fw-source-denied = { $tool }: not allowed to read the rules ({ $detail }); run as root
audit-fw-source-failed = { $tool } failed: { $detail }
audit-fw-no-outside-interface = no network interface besides loopback: nothing from outside can arrive
audit-fw-accepted = TCP { $port } accepted on { $addrs } · { $by }
audit-fw-dropped = TCP { $port } dropped on { $addrs } · { $by }
audit-fw-rejected = TCP { $port } rejected on { $addrs } · { $by }
audit-fw-unknown = TCP { $port } on { $addrs } is handed to a program outside the ruleset (queue) · { $by }
audit-fw-no-rules = no filter rules on the way in
audit-fw-rule-ref = { $source } { $chain } #{ $position }: { $text }
audit-fw-policy-ref = { $source } { $chain }: { $text }
audit-panel-line = { $name } ({ $marker })
audit-ufw-enabled = ufw is enabled (/etc/ufw/ufw.conf)
audit-firewalld-running = firewalld is running
audit-cloud-line = { $provider ->
    [alibaba] Alibaba Cloud
    [tencent] Tencent Cloud
    [huawei] Huawei Cloud
    [aws] Amazon Web Services
    [google] Google Cloud
    [azure] Microsoft Azure
    [oracle] Oracle Cloud
    [digitalocean] DigitalOcean
    [hetzner] Hetzner Cloud
    [vultr] Vultr
    [linode] Akamai / Linode
    [upcloud] UpCloud
    [scaleway] Scaleway
    [exoscale] Exoscale
    [openstack] an OpenStack cloud
   *[other] a cloud provider
} (DMI { $field }: { $value }): its security group filters before packets reach this machine
audit-cloud-none = no cloud provider recognised (DMI: { $vendor })
audit-cloud-no-dmi = no DMI data (container, or not a VM): cloud provider unknown
audit-queue-line = { $addr }: accept queue { $queued }/{ $backlog } · ListenOverflows +{ $overflows } in { $ms } ms
audit-fds-line = { $program } (pid { $pid }): { $open } open files of { $limit }
audit-note-no-ephemeral = a server has no ephemeral-port limit: every client connects to the same port, and each connection is told apart by the client's address and port. What limits it: file descriptors (per process, and fs.file-nr { $files }), the listen backlog (net.core.somaxconn { $somaxconn }) and memory ({ $mem } MiB available)
audit-inv-open = reachable from outside as far as this machine can tell
audit-inv-summary = { $count ->
    [one] one listening port checked
   *[other] { $count } listening ports checked
}: { $problems ->
    [0] nothing stops clients
    [one] one has a problem (port { $ports })
   *[other] { $problems } have a problem (ports { $ports })
}
audit-summary-time = audit took { $ms } ms

## Verdicts

audit-verdict-ok = nothing on this machine stops clients from connecting to this port
audit-verdict-refused = clients get "connection refused"
audit-verdict-timeout = clients time out: their packets are dropped
audit-verdict-mismatch = clients connect, but the port speaks another protocol
audit-verdict-reset = clients connect, then the server closes the connection
audit-verdict-tls = clients connect, but TLS fails
audit-label-causes = Why, in the order a client's packet meets them

## Evidence lines

audit-ev-cloud-dmi = this machine runs on { $provider ->
    [alibaba] Alibaba Cloud
    [tencent] Tencent Cloud
    [huawei] Huawei Cloud
    [aws] Amazon EC2
    [google] Google Compute Engine
    [azure] Azure
    [oracle] Oracle Cloud
    [digitalocean] DigitalOcean
    [hetzner] Hetzner
    [vultr] Vultr
    [linode] Linode
    [upcloud] UpCloud
    [scaleway] Scaleway
    [exoscale] Exoscale
    [openstack] OpenStack
   *[other] a cloud
} (DMI { $field }: { $value })
audit-ev-sg-invisible = the security group filters packets before they reach this VM, so nothing on this machine can show whether TCP { $port } is open there
audit-ev-fw-rule = { $verdict ->
    [reject] rejected by
   *[other] dropped by
} { $source } { $chain }, rule #{ $position }: { $text }
audit-ev-fw-policy = { $source } { $chain } has policy drop, and no rule in it accepts TCP { $port }
audit-ev-fw-reject-with = the rejection is sent as { $with }
audit-ev-fw-packet = evaluated for a new connection from outside arriving on { $iface } for { $addr }
audit-ev-fw-also = the same happens on { $addrs }
audit-ev-fw-open-elsewhere = accepted on { $addrs }
audit-ev-fw-only-from = accepted only for some client addresses: { $source } { $chain } #{ $position }: { $text }
audit-ev-fw-not-understood = a rule conndoctor does not fully understand was skipped: { $source } { $chain } #{ $position }: { $text }
audit-ev-fw-command = to let it in: { $cmd }
audit-ev-fw-unreadable = the firewall rules could not be read (run conndoctor audit as root)
audit-ev-csf-tcp-in = TCP_IN in /etc/csf/csf.conf does not list { $port } (it opens { $ports })
audit-ev-panel-marker = { $name } is installed ({ $marker })
audit-ev-panel-owns-rules = { $name } writes the firewall rules; a rule added by hand may be overwritten
audit-ev-not-local = { $ip } is not on any interface of this machine (its addresses: { $addrs })
audit-ev-nat = { $ip } is public and this machine only has private addresses: the cloud forwards (NATs) the public address to the private one
audit-ev-no-listener = the kernel's socket table has no listener on TCP port { $port }
audit-ev-nearby = { $addr } is listening ({ $program }): a mistyped port?
audit-ev-bound-loopback = bound to { $bound }: only programs on this machine can connect
audit-ev-uncovered = { $addrs } is not covered: the socket is bound to { $bound }
audit-ev-v6only = { $bound } is an IPv6-only socket (IPV6_V6ONLY): IPv4 clients are refused
audit-ev-bindv6only = net.ipv6.bindv6only = 1 makes every [::] socket IPv6-only unless the program says otherwise
audit-ev-v4-only = this machine has the public IPv6 address { $addr }, and no IPv6 socket listens on the port
audit-ev-queue-vs-backlog = the accept queue holds { $queued } with a backlog of { $backlog }
audit-ev-somaxconn-caps = the backlog equals net.core.somaxconn ({ $somaxconn }): the kernel capped what the program asked for
audit-ev-overflows-rising = { $count ->
    [one] the kernel dropped one connection attempt
   *[other] the kernel dropped { $count } connection attempts
} because a listen queue was full, during the { $ms } ms of this audit (TcpExtListenOverflows; ListenDrops +{ $drops })
audit-ev-self-probe-timeout = the self-probe to { $addrs } got no answer
audit-ev-fds = { $program } (pid { $pid }) has { $open } files open of its limit of { $limit }

## Causes: titles (cause-*) and fixes (fix-*) that only audit finds

cause-timeout-security-group = { $provider ->
    [alibaba] Alibaba Cloud's security group
    [tencent] Tencent Cloud's security group
    [huawei] Huawei Cloud's security group
    [aws] The AWS security group
    [google] The Google Cloud VPC firewall
    [azure] The Azure network security group
    [oracle] The Oracle Cloud security list
    [digitalocean] The DigitalOcean cloud firewall
    [hetzner] The Hetzner cloud firewall
    [vultr] The Vultr firewall group
    [linode] The Linode cloud firewall
   *[other] The cloud provider's security group or firewall
} may not allow TCP port { $port }
fix-timeout-security-group = Allow inbound TCP { $port } in { $provider ->
    [alibaba] the ECS console → Instances → the instance → Security Groups → Inbound rules (Simple Application Server: the instance's Firewall tab)
    [tencent] the CVM console → Security Groups → Inbound rules (Lighthouse: the instance's Firewall tab)
    [huawei] the ECS console → the instance → Security Groups → Inbound Rules
    [aws] the EC2 console → Instances → Security tab → the security group → Edit inbound rules (Lightsail: Networking → Firewall); check the subnet's network ACL too
    [google] VPC network → Firewall → Create firewall rule (direction ingress, target the instance's network tag)
    [azure] the VM → Networking → Inbound port rules (its network security group)
    [oracle] Networking → Virtual Cloud Networks → the subnet's Security List (or the instance's Network Security Group) → Ingress Rules; Oracle's images also ship iptables rules that must allow it
    [digitalocean] Networking → Firewalls → the firewall applied to the Droplet → Inbound Rules
    [hetzner] the Cloud Console → Firewalls → the firewall applied to the server → Inbound rules
    [vultr] Network → Firewall → the firewall group linked to the instance
    [linode] Cloud Manager → Firewalls → the firewall assigned to the Linode → Inbound rules
    [upcloud] the Hub → the server → Firewall
    [scaleway] Instances → Security groups → Inbound rules
    [exoscale] Compute → Security groups → Rules
    [openstack] the dashboard → Network → Security Groups → Manage Rules
   *[other] the provider's console: the security group, firewall or network ACL of this VM
}, with source 0.0.0.0/0 (or your clients' addresses).
cause-timeout-panel-firewall = The firewall of { $panel ->
    [bt] BT Panel / aaPanel
    [onepanel] 1Panel
    [cpanel] cPanel/WHM
    [plesk] Plesk
    [directadmin] DirectAdmin
    [cyberpanel] CyberPanel
    [hestia] HestiaCP
    [vesta] VestaCP
    [cwp] CentOS Web Panel
    [ispmanager] ISPmanager
    [csf] ConfigServer Firewall (csf)
   *[other] the hosting panel
} does not open TCP port { $port }
fix-timeout-panel-firewall = { $panel ->
    [bt] In BT Panel / aaPanel: Security → Firewall → add a port rule that allows TCP { $port }.
    [onepanel] In 1Panel: Host → Firewall → create a port rule that allows TCP { $port }.
    [cpanel] In WHM: Plugins → ConfigServer Security & Firewall → add { $port } to TCP_IN (or the firewall your host configured).
    [plesk] In Plesk: Tools & Settings → Firewall → add a rule that allows incoming TCP { $port }.
    [directadmin] In DirectAdmin's firewall (usually csf): add { $port } to TCP_IN and restart it.
    [cyberpanel] In CyberPanel: Security → Firewall → add a rule for TCP { $port }.
    [hestia] In HestiaCP: Server → Firewall → add a rule that accepts TCP { $port }.
    [vesta] In VestaCP: Server → Firewall → add a rule that accepts TCP { $port }.
    [cwp] In CentOS Web Panel: Security → CSF Firewall → allow TCP { $port }.
    [ispmanager] In ISPmanager: Firewall → add a rule that allows TCP { $port }.
    [csf] Add { $port } to TCP_IN in /etc/csf/csf.conf, then run csf -r.
   *[other] Open TCP port { $port } in the panel's firewall page: the panel rewrites the host firewall from its own list.
}
cause-addr-not-avail-bind-not-local = The server is configured to listen on { $addr }, an address this machine does not have
fix-addr-not-avail-bind-not-local = Listen on 0.0.0.0:{ $port } (every address) or on this machine's private address instead; clients keep using the public address, which the cloud forwards to the private one. Binding a missing address fails with "Cannot assign requested address".
cause-timeout-server-fd-limit = { $program } (pid { $pid }) is at its open-file limit ({ $open } of { $limit }): it cannot accept new connections
fix-timeout-server-fd-limit = Raise the limit for { $program }: LimitNOFILE=65535 in its systemd unit (or ulimit -n 65535 before starting it), then restart it; check for connections it never closes.
