# conndoctor audit — server-side messages (zh-CN).
# 占位符中是地址、端口、命令、规则文本和程序名，保持原样不翻译。

## Command line

audit-input-example = 示例：conndoctor audit 8282 · conndoctor audit websocket://0.0.0.0:8282 · conndoctor audit（检查所有监听端口）
audit-input-bad-from = "{ $detail }" 不是 IP 地址（--from 需要客户端的地址，例如 203.0.113.9）
audit-input-bad-sysroot = "{ $detail }" 不是目录（--sysroot）

## Checklist

audit-check-address = 监听地址
audit-check-interfaces = 本机地址
audit-check-listeners = 监听
audit-check-self-probe = 自检连接
audit-check-protocol = 协议
audit-check-firewall = 防火墙
audit-check-panel = 面板
audit-check-cloud = 云平台
audit-check-capacity = 容量
audit-check-limits = 限制
audit-all-listeners = 本机所有监听端口
audit-address-local = { $ip } 是本机的地址
audit-address-not-local = { $ip } 不是本机的地址
audit-no-listener = 没有程序监听 TCP 端口 { $port }
audit-no-listeners-at-all = 没有程序监听任何 TCP 端口
audit-nearby-line = 相近端口：{ $addr } · { $program }
audit-process = { $comm }（pid { $pid }，用户 { $user }{ $count ->
    [1] {""}
   *[other] ，{ $count } 个进程共享该套接字
}）· { $cmd }
audit-process-unknown = 找不到进程（套接字属主：{ $user }）
audit-process-hidden = 进程不可见（套接字属主：{ $user }）；以 root 运行才能看到
audit-hidden-processes = { $count ->
    [1] 有 1 个其他用户的进程无法检查；以 root 运行才能看到
   *[other] 有 { $count } 个其他用户的进程无法检查；以 root 运行才能看到
}
audit-addr-v6only = { $addr }（仅 IPv6）
audit-addr-dual = { $addr }（IPv6 和 IPv4）
audit-self-probe-line = { $addr }：{ $outcome }，耗时 { $ms } ms
audit-speaks = 该端口使用 { $kind ->
    [websocket] WebSocket
    [wss] 基于 TLS 的 WebSocket
    [http] HTTP
    [https] HTTPS
    [tls] TLS
    [ssh] SSH
    [smtp] SMTP
    [ftp] FTP
    [redis] Redis
    [mysql] MySQL
    [text] 文本协议
    [binary] 二进制协议
    [silent] （无回应：它在等客户端先发数据）
    [closes] （无回应：它直接关闭连接）
   *[other] 无法识别的协议
} { $detail }
audit-fw-source-read = { $tool }：{ $rules ->
    [1] 1 条规则
   *[other] { $rules } 条规则
}
audit-fw-source-empty = 没有加载任何规则（{ $tools }）
audit-fw-source-missing = 未安装 { $tool }
audit-fw-source-denied = { $tool }：无权读取规则（{ $detail }）；请以 root 运行
audit-fw-source-failed = { $tool } 执行失败：{ $detail }
audit-fw-no-outside-interface = 除回环外没有网卡：外部连接无法到达
audit-fw-accepted = TCP { $port } 在 { $addrs } 上放行 · { $by }
audit-fw-dropped = TCP { $port } 在 { $addrs } 上被丢弃 · { $by }
audit-fw-rejected = TCP { $port } 在 { $addrs } 上被拒绝 · { $by }
audit-fw-unknown = TCP { $port } 在 { $addrs } 上交给规则集之外的程序处理（queue）· { $by }
audit-fw-no-rules = 入站路径上没有过滤规则
audit-fw-rule-ref = { $source } { $chain } 第 { $position } 条：{ $text }
audit-fw-policy-ref = { $source } { $chain }：{ $text }
audit-panel-line = { $name }（{ $marker }）
audit-ufw-enabled = ufw 已启用（/etc/ufw/ufw.conf）
audit-firewalld-running = firewalld 正在运行
audit-cloud-line = { $provider ->
    [alibaba] 阿里云
    [tencent] 腾讯云
    [huawei] 华为云
    [aws] 亚马逊云科技（AWS）
    [google] 谷歌云
    [azure] 微软 Azure
    [oracle] 甲骨文云
    [digitalocean] DigitalOcean
    [hetzner] Hetzner Cloud
    [vultr] Vultr
    [linode] Akamai / Linode
    [upcloud] UpCloud
    [scaleway] Scaleway
    [exoscale] Exoscale
    [openstack] OpenStack 云
   *[other] 云服务商
}（DMI { $field }：{ $value }）：它的安全组在数据包到达本机之前就进行过滤
audit-cloud-none = 未识别出云服务商（DMI：{ $vendor }）
audit-cloud-no-dmi = 没有 DMI 信息（容器内，或不是虚拟机）：云服务商未知
audit-queue-line = { $addr }：accept 队列 { $queued }/{ $backlog } · ListenOverflows 在 { $ms } ms 内 +{ $overflows }
audit-fds-line = { $program }（pid { $pid }）：已打开 { $open } 个文件，上限 { $limit }
audit-note-no-ephemeral = 服务端没有临时端口（ephemeral port）限制：所有客户端都连到同一个端口，连接之间靠客户端的地址和端口区分。真正限制服务端的是：文件描述符（每个进程的上限，以及 fs.file-nr { $files }）、监听队列（net.core.somaxconn { $somaxconn }）和内存（可用 { $mem } MiB）
audit-inv-open = 就本机所见，外部可以连接
audit-inv-summary = 检查了 { $count } 个监听端口：{ $problems ->
    [0] 没有阻止客户端连接的问题
   *[other] { $problems } 个有问题（端口 { $ports }）
}
audit-summary-time = 审计耗时 { $ms } ms

## Verdicts

audit-verdict-ok = 本机没有任何东西阻止客户端连接这个端口
audit-verdict-refused = 客户端会遇到“连接被拒绝”（connection refused）
audit-verdict-timeout = 客户端会连接超时：数据包被丢弃了
audit-verdict-mismatch = 客户端能连上，但这个端口说的是另一种协议
audit-verdict-reset = 客户端能连上，随后服务端关闭了连接
audit-verdict-tls = 客户端能连上，但 TLS 失败
audit-label-causes = 原因（按客户端数据包遇到的先后顺序）

## Evidence lines

audit-ev-cloud-dmi = 本机所在平台：{ $provider ->
    [alibaba] 阿里云
    [tencent] 腾讯云
    [huawei] 华为云
    [aws] Amazon EC2
    [google] Google Compute Engine
    [azure] Azure
    [oracle] 甲骨文云
    [digitalocean] DigitalOcean
    [hetzner] Hetzner
    [vultr] Vultr
    [linode] Linode
    [upcloud] UpCloud
    [scaleway] Scaleway
    [exoscale] Exoscale
    [openstack] OpenStack
   *[other] 某个云平台
}（DMI { $field }：{ $value }）
audit-ev-sg-invisible = 安全组在数据包到达这台虚拟机之前就进行过滤，所以在本机上无法看出 TCP { $port } 在那里是否放行
audit-ev-fw-rule = { $verdict ->
    [reject] 被拒绝，规则：
   *[other] 被丢弃，规则：
}{ $source } { $chain } 第 { $position } 条：{ $text }
audit-ev-fw-policy = { $source } { $chain } 的默认策略是 drop，且其中没有规则放行 TCP { $port }
audit-ev-fw-reject-with = 拒绝方式：{ $with }
audit-ev-fw-packet = 评估的是：从外部经 { $iface } 发往 { $addr } 的新连接
audit-ev-fw-also = 在 { $addrs } 上也是如此
audit-ev-fw-open-elsewhere = 在 { $addrs } 上放行
audit-ev-fw-only-from = 只对部分客户端地址放行：{ $source } { $chain } 第 { $position } 条：{ $text }
audit-ev-fw-not-understood = 跳过了一条 conndoctor 不能完全理解的规则：{ $source } { $chain } 第 { $position } 条：{ $text }
audit-ev-fw-command = 放行命令：{ $cmd }
audit-ev-fw-unreadable = 无法读取防火墙规则（请以 root 运行 conndoctor audit）
audit-ev-csf-tcp-in = /etc/csf/csf.conf 的 TCP_IN 中没有 { $port }（它放行的是 { $ports }）
audit-ev-panel-marker = 已安装 { $name }（{ $marker }）
audit-ev-panel-owns-rules = 防火墙规则由 { $name } 写入；手动添加的规则可能会被它覆盖
audit-ev-not-local = { $ip } 不在本机的任何网卡上（本机地址：{ $addrs }）
audit-ev-nat = { $ip } 是公网地址，而本机只有内网地址：云平台把公网地址转发（NAT）到内网地址
audit-ev-no-listener = 内核的套接字表中没有监听 TCP 端口 { $port } 的套接字
audit-ev-nearby = { $addr } 正在监听（{ $program }）：是不是端口写错了？
audit-ev-bound-loopback = 绑定在 { $bound }：只有本机上的程序能连接
audit-ev-uncovered = { $addrs } 没有被监听：套接字绑定在 { $bound }
audit-ev-v6only = { $bound } 是仅 IPv6 的套接字（IPV6_V6ONLY）：IPv4 客户端会被拒绝
audit-ev-bindv6only = net.ipv6.bindv6only = 1 会让所有 [::] 套接字默认只接受 IPv6，除非程序另行设置
audit-ev-v4-only = 本机有公网 IPv6 地址 { $addr }，但没有 IPv6 套接字监听该端口
audit-ev-queue-vs-backlog = accept 队列中有 { $queued } 个连接，backlog 为 { $backlog }
audit-ev-somaxconn-caps = backlog 等于 net.core.somaxconn（{ $somaxconn }）：程序申请的值被内核截断了
audit-ev-overflows-rising = 在本次审计的 { $ms } ms 内，{ $count ->
    [1] 内核因监听队列已满丢弃了 1 次连接请求
   *[other] 内核因监听队列已满丢弃了 { $count } 次连接请求
}（TcpExtListenOverflows；ListenDrops +{ $drops }）
audit-ev-self-probe-timeout = 自检连接 { $addrs } 没有收到应答
audit-ev-fds = { $program }（pid { $pid }）打开了 { $open } 个文件，上限为 { $limit }

## Causes: titles (cause-*) and fixes (fix-*) that only audit finds

cause-timeout-security-group = { $provider ->
    [alibaba] 阿里云安全组
    [tencent] 腾讯云安全组
    [huawei] 华为云安全组
    [aws] AWS 安全组
    [google] 谷歌云 VPC 防火墙
    [azure] Azure 网络安全组
    [oracle] 甲骨文云安全列表
    [digitalocean] DigitalOcean 云防火墙
    [hetzner] Hetzner 云防火墙
    [vultr] Vultr 防火墙组
    [linode] Linode 云防火墙
   *[other] 云服务商的安全组或防火墙
}可能没有放行 TCP 端口 { $port }
fix-timeout-security-group = 在{ $provider ->
    [alibaba] ECS 控制台 → 实例 → 该实例 → 安全组 → 入方向规则（轻量应用服务器：实例的“防火墙”页）
    [tencent] 云服务器 CVM 控制台 → 安全组 → 入站规则（轻量应用服务器 Lighthouse：实例的“防火墙”页）
    [huawei] 弹性云服务器 ECS 控制台 → 该实例 → 安全组 → 入方向规则
    [aws] EC2 控制台 → 实例 → “安全”选项卡 → 安全组 → 编辑入站规则（Lightsail：联网 → 防火墙）；同时检查子网的网络 ACL
    [google] VPC 网络 → 防火墙 → 创建防火墙规则（方向为入站，目标为实例的网络标记）
    [azure] 虚拟机 → 网络 → 入站端口规则（其网络安全组）
    [oracle] 网络 → 虚拟云网络 → 子网的安全列表（或实例的网络安全组）→ 入站规则；甲骨文的系统镜像自带 iptables 规则，也需要放行
    [digitalocean] Networking → Firewalls → 应用到该 Droplet 的防火墙 → Inbound Rules
    [hetzner] Cloud Console → Firewalls → 应用到该服务器的防火墙 → Inbound rules
    [vultr] Network → Firewall → 关联到该实例的防火墙组
    [linode] Cloud Manager → Firewalls → 分配给该 Linode 的防火墙 → Inbound rules
    [upcloud] Hub → 该服务器 → Firewall
    [scaleway] Instances → Security groups → Inbound rules
    [exoscale] Compute → Security groups → Rules
    [openstack] 控制面板 → 网络 → 安全组 → 管理规则
   *[other] 云服务商控制台中这台虚拟机的安全组、防火墙或网络 ACL
}中放行入方向 TCP { $port }，来源为 0.0.0.0/0（或你的客户端地址）。
cause-timeout-panel-firewall = { $panel ->
    [bt] 宝塔面板 / aaPanel
    [onepanel] 1Panel
    [cpanel] cPanel/WHM
    [plesk] Plesk
    [directadmin] DirectAdmin
    [cyberpanel] CyberPanel
    [hestia] HestiaCP
    [vesta] VestaCP
    [cwp] CentOS Web Panel
    [ispmanager] ISPmanager
    [csf] ConfigServer Firewall（csf）
   *[other] 主机面板
}的防火墙没有放行 TCP 端口 { $port }
fix-timeout-panel-firewall = { $panel ->
    [bt] 在宝塔面板 / aaPanel 中：安全 → 系统防火墙 → 添加端口规则，放行 TCP { $port }。
    [onepanel] 在 1Panel 中：主机 → 防火墙 → 创建端口规则，放行 TCP { $port }。
    [cpanel] 在 WHM 中：Plugins → ConfigServer Security & Firewall → 把 { $port } 加入 TCP_IN（或主机商配置的其他防火墙）。
    [plesk] 在 Plesk 中：工具与设置 → 防火墙 → 添加规则，允许入站 TCP { $port }。
    [directadmin] 在 DirectAdmin 的防火墙（通常是 csf）中：把 { $port } 加入 TCP_IN 并重启防火墙。
    [cyberpanel] 在 CyberPanel 中：Security → Firewall → 添加 TCP { $port } 规则。
    [hestia] 在 HestiaCP 中：Server → Firewall → 添加一条 ACCEPT TCP { $port } 的规则。
    [vesta] 在 VestaCP 中：Server → Firewall → 添加一条 ACCEPT TCP { $port } 的规则。
    [cwp] 在 CentOS Web Panel 中：Security → CSF Firewall → 放行 TCP { $port }。
    [ispmanager] 在 ISPmanager 中：Firewall → 添加规则，放行 TCP { $port }。
    [csf] 把 { $port } 加入 /etc/csf/csf.conf 的 TCP_IN，然后执行 csf -r。
   *[other] 在面板的防火墙页面放行 TCP 端口 { $port }：面板会按自己的列表重写主机防火墙。
}
cause-addr-not-avail-bind-not-local = 服务被配置为监听 { $addr }，但本机没有这个地址
fix-addr-not-avail-bind-not-local = 改为监听 0.0.0.0:{ $port }（所有地址）或本机的内网地址；客户端继续使用公网地址，云平台会把它转发到内网地址。绑定本机没有的地址会报错 "Cannot assign requested address"。
cause-timeout-server-fd-limit = { $program }（pid { $pid }）的打开文件数已到上限（{ $open }/{ $limit }）：无法再接受新连接
fix-timeout-server-fd-limit = 提高 { $program } 的上限：在它的 systemd 单元中设置 LimitNOFILE=65535（或启动前执行 ulimit -n 65535），然后重启；并检查是否有从不关闭的连接。
