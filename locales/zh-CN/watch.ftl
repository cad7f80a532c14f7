# conndoctor audit --watch：在服务器上看客户端的 SYN 停在哪里。

## Options and input

help-audit-watch = 在网卡上监视发往 PORT 的 SYN，并指出它们停在哪里：到达本机之前、某条防火墙规则、还是监听程序（需要 root）。
help-audit-duration = --watch 运行多久，例如 30s、2m [默认：60s]；按 Ctrl-C 可提前结束。
watch-input-bad-port = { $detail } 不是 --watch 可用的端口（1-65535）
watch-input-two-ports = { $detail } 与 --watch { $port } 指定的端口不同
watch-input-bad-duration = { $detail } 不是有效的 --duration 时长（例如 30s、2m；最长 1h）
watch-error-denied = 监视数据包需要 root 权限（CAP_NET_RAW）：{ $detail }
watch-error-capture = 无法打开数据包套接字：{ $detail }

## While it runs

watch-ready = 正在所有网卡上监视 TCP 端口 { $port }，持续 { $secs } 秒；现在让客户端发起连接（Ctrl-C 结束监视）
watch-ready-from = 正在监视来自 { $client } 发往 TCP 端口 { $port } 的 SYN，持续 { $secs } 秒；现在让客户端发起连接（Ctrl-C 结束监视）

## The report

watch-title = TCP 端口 { $port } · 监视了 { $secs } 秒
watch-no-client = 没有客户端
watch-row = 收到 SYN：{ $syns }（{ $iface }；源端口 { $ports }）· 发出 SYN-ACK：{ $synacks } · 发出 RST：{ $resets }
watch-row-none = 没有收到 SYN
watch-verdict-never-arrived = 数据包从未到达本机 → 云安全组、服务商防火墙或本机之前的路由器拦截了它们
watch-verdict-dropped-local = 已到达网卡，被本机 { $chain } 中的规则丢弃
watch-verdict-panel-firewall = 已到达网卡，被 { $panel }（{ $chain }）丢弃
watch-verdict-no-listener = 已到达本机，但端口 { $port } 上没有程序监听
watch-verdict-queue-full = 已到达监听程序，但它没有接受连接：队列已满
watch-verdict-asymmetric-route = 已到达监听程序；应答从另一条路径（{ $out }）离开
watch-verdict-not-answered = 已到达本机，但没有应答发出
watch-verdict-reply-lost = 已到达监听程序，SYN-ACK 已从 { $iface } 发出，但从未到达客户端
watch-verdict-accepted = 已到达监听程序，SYN-ACK 已发出

## Evidence

watch-ev-none-from = { $secs } 秒内，任何网卡都没有收到来自 { $client } 发往端口 { $port } 的 SYN
watch-ev-none = { $secs } 秒内，任何网卡都没有收到发往端口 { $port } 的 SYN
watch-ev-others = 确实收到了来自其他地址的 SYN（{ $count } 个）：{ $addrs }。如果客户端在 NAT 之后，它的地址就是其中之一：请用该地址作为 --from 再次监视
watch-ev-before-host = 监视在网卡处看到数据包，早于本机的任何防火墙：这里从未出现的包，是在路上被丢弃的
watch-ev-syns = 来自 { $client } 发往 { $dst } 的 { $count } 个 SYN 到达了 { $iface }（源端口 { $ports }）
watch-ev-syn-ack = { $count } 个 SYN-ACK 从 { $iface } 发出
watch-ev-syn-ack-elsewhere = { $count } 个 SYN-ACK 从 { $out } 发出，而 SYN 是从 { $in } 进来的
watch-ev-retried = 客户端在收到 SYN-ACK 之后又重发了同一个 SYN（{ $count } 次）：应答没有到达它
watch-ev-rule = { $source } { $chain } 第 { $position } 条规则（{ $verdict }）：{ $text }
watch-ev-policy = { $source } { $chain }：由链的默认策略 drop 丢弃（没有规则放行该端口）
watch-ev-counter = 监视期间该规则的数据包计数器增加了 { $count }
watch-ev-no-counter = 该规则没有计数器；由规则集本身的判定指出它
watch-ev-reject-with = 它以 { $with } 作答
watch-ev-manager = 该链属于 { $panel }
watch-ev-panel = 本机上的面板：{ $panels }
watch-ev-no-listener = 没有套接字监听 { $addr }（此端口上的监听：{ $bound }）
watch-ev-resets = 作为回应发出了 { $count } 个 RST
watch-ev-queue = { $addr } 的全连接队列达到 { $queue }，backlog 为 { $backlog }
watch-ev-overflows = 监视期间 ListenOverflows 增加了 { $count }：内核因队列已满而丢弃了 SYN
watch-ev-rp-filter = { $iface } 开启了严格反向路径过滤（rp_filter = 1）：应答会从其他网卡离开的 SYN 会被丢弃
watch-ev-firewall-unread = 无法读取防火墙规则（请以 root 运行）

## Causes

cause-watch-never-arrived = 没有发往端口 { $port } 的 SYN 到达本机：在它之前就被丢弃了
fix-watch-never-arrived = 在本机之前过滤数据包的地方放行 TCP { $port }：云安全组（为来自客户端地址的 TCP { $port } 添加入方向规则）、服务商或主机面板的网络防火墙，或前面的路由器/NAT 端口转发。同时确认客户端连接的是本机的公网地址。
cause-watch-dropped-local = 来自 { $client } 的 SYN 已到达本机，被 { $chain } 中的本地防火墙规则丢弃
fix-watch-dropped-local = 在 { $chain } 中该规则之前放行 TCP { $port }（或删除该规则），然后让客户端重试。
cause-watch-panel-firewall = 来自 { $client } 的 SYN 被 { $panel } 的规则（{ $chain }）丢弃
fix-watch-panel-firewall = 在 { $panel } 本身中开放 TCP { $port }（ufw allow { $port }/tcp；firewall-cmd --permanent --add-port={ $port }/tcp 再执行 firewall-cmd --reload；csf 则在 /etc/csf/csf.conf 的 TCP_IN 中添加），或在驱动它的面板中开放：手工添加的规则会在它重载链时被覆盖。
cause-watch-no-listener = 来自 { $client } 的 SYN 通过了防火墙，但端口 { $port } 上没有程序监听
fix-watch-no-listener = 在端口 { $port } 上启动服务，监听 0.0.0.0（或 [::]）或客户端连接的地址；用 ss -ltnp | grep :{ $port } 检查。
cause-watch-queue-full = 来自 { $client } 的 SYN 已到达监听程序，但其全连接队列已满
fix-watch-queue-full = 程序接受连接的速度跟不上：检查它是否卡住或过载，并调大它的 listen backlog（以及 net.core.somaxconn）。
cause-watch-asymmetric-route = 发给 { $client } 的应答从 { $out } 离开，而不是 SYN 进来的 { $in }
fix-watch-asymmetric-route = 让应答从 { $in } 离开：修正到 { $client } 的路由（ip route get { $client }），或为本机在 { $in } 上的地址添加策略路由规则。
cause-watch-not-answered = 来自 { $client } 的 SYN 已到达，但没有应答发出
fix-watch-not-answered = 检查反向路径过滤（sysctl net.ipv4.conf.all.rp_filter）、网卡上的 tc 或 XDP 程序以及内核日志，然后再次监视。
cause-watch-reply-lost = 本机已通过 { $iface } 应答 { $client }，但应答没有到达对方
fix-watch-reply-lost = 检查返回路径：本机与 { $client } 之间丢弃来自 TCP 端口 { $port } 的数据包的防火墙、安全组或 NAT（出方向规则、没有看到 SYN 的有状态设备），或在 { $iface } 之后把它们送往别处的路由。
cause-watch-accepted = 本机已应答 { $client }：SYN-ACK 已发出
fix-watch-accepted = 本机无需修改。如果客户端仍然失败，说明应答在返回途中丢失（中间有状态防火墙或 NAT），或故障发生在握手之后。

## On the client

check-watch-hint = 要查看数据包停在哪里，请在服务器上运行：{ $cmd }
check-watch-ports = 然后再连接一次；你的源端口（关联标识）是：{ $ports }
