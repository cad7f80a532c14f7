# conndoctor — Simplified Chinese (zh-CN). Same ids and variables as locales/en/conndoctor.ftl.
# Placeables hold addresses, ports, commands and config lines; they stay untranslated.
# Terms: 监听 (listen), 连接被拒绝 (refused), 连接超时 (timed out), 本地端口 (local port),
# accept 队列, 回环地址 (loopback), 内网/公网, 文件描述符, DNS 解析器, 重传.

## Command line

app-error = 错误
input-empty = 未指定目标
input-whitespace = 目标中含有空格；请只给出一个地址或 URL
input-control = 目标中含有控制字符（如 NUL 或 DEL）；请只给出一个地址或 URL
input-unknown-scheme = 未知协议“{ $detail }://”（支持：ws、wss、http、https、tcp、text、websocket）
input-missing-host = 目标中缺少主机名或地址
input-bad-host = “{ $detail }”不是有效的主机名或 IP 地址
input-missing-port = 目标中没有端口，且该协议没有默认端口
input-bad-port = “{ $detail }”不是有效的端口（1–65535）
input-bad-timeout = “{ $detail }”不是有效的时长（示例：3s、500ms、1.5）
input-bad-header = “{ $detail }”不是有效的请求头；格式应为“Name: value”
input-bad-token = “{ $detail }”不是有效的令牌（只能包含字母和数字）
input-bad-ip = “{ $detail }”不是 IP 地址（--expect-ip 接受 203.0.113.7 或 2001:db8::7 这样的地址）
input-bad-file = 无法读取目标列表：{ $detail }
input-bad-line = 第 { $line } 行（“{ $target }”）：{ $detail }
input-bad-concurrency = --concurrency 至少为 1
input-example = 示例：conndoctor check ws://example.com:8282/chat · conndoctor check 203.0.113.7:8282 · conndoctor check websocket://[::1]:8282
lang-fallback = 暂不支持语言“{ $lang }”，改用英语
error-internal = conndoctor 运行出错：{ $detail }

## Help (--help)

help-about = 找出客户端连不上服务器的原因，并告诉你该改什么。
help-check-about = 诊断到目标的连接（ws://、wss://、http://、https://、tcp://、text://、websocket://、host:port）。
help-demo-about = 在回环地址上启动真实的服务端，逐一演示每种情况的诊断结果。
help-serve-about = 运行一个参考服务端（websocket://、http://、text://、tcp://，可选 TLS），它用身份令牌应答。
help-explain-about = 解读粘贴来的错误信息（浏览器控制台、日志、终端）：现象、原因、解决办法，以及下一步该运行的检查。
help-audit-about = 在服务器上运行：找出客户端连不上该端口的原因（监听、进程、防火墙、面板、云平台、容量）。
help-exporter-about = Prometheus exporter（遵循 blackbox_exporter 的 /probe 约定），其指标会说明探测失败的原因。
help-help-about = 显示本帮助，或显示指定子命令的帮助
help-usage = 用法
help-commands = 命令
help-arguments = 参数
help-options = 选项
help-examples = 示例
help-help = 显示帮助
help-version = 显示版本
help-lang = 输出语言（en、zh-CN、th、vi、ru、ja、ar）；默认取自 LC_ALL、LC_MESSAGES、LANG。
help-json = 输出一个 JSON 对象（schema 1），而不是文本报告。
help-target = 客户端要连接的目标：ws://host:port/path、host:port、[v6]:port 等（给出多个即为批量检查）
help-file = 从文件读取目标，每行一个，# 开头为注释（“-”表示从标准输入读取）。
help-concurrency = 批量检查：同时检查的目标数（会按文件描述符上限自动调低）[默认：{ $default }]
help-timeout = 总时间预算，例如 3s、500ms、1.5（秒）[默认：3s；demo 为 1s]
help-no-side-probes = 主连接等待期间，不探测目标的其他端口。
help-origin = WebSocket 升级请求中的 Origin 请求头，与浏览器页面发送的相同。
help-subprotocol = 要请求的 Sec-WebSocket-Protocol。
help-header = 额外的请求头，格式为“Name: value”（可重复指定）。
help-insecure = 遇到证书问题时继续检查，并把这些问题作为警告报告。
help-expect-token = conndoctor serve 打印的令牌：用来证明客户端连到的正是那台服务端。
help-expect-ip = 你认为服务器应有的地址（可重复指定）；DNS 给出其他地址时会报告。
help-no-trace = 连接没有应答时，不发送限定 TTL 的 SYN 来追踪路径。
help-serve-listen = 监听地址，写法与 Workerman 的监听地址相同：websocket://0.0.0.0:8282、http://0.0.0.0:8080、text://[::]:5678
help-serve-tls = 通过 TLS 提供服务（wss://、https://）；未指定 --cert/--key 时使用自签名证书。
help-serve-cert = --tls 使用的 PEM 证书链。
help-serve-key = --tls 使用的 PEM 私钥。
help-serve-token = 应答时使用的身份令牌（默认随机生成）。
help-serve-strict-path = WebSocket：只在 LISTEN 中写明的路径上接受升级（其他路径返回 404）。
help-serve-allow-origin = WebSocket：Origin 不是该值时返回 403。
help-explain-message = 错误信息（请加引号）。不提供或写“-”时，从标准输入读取。
help-explain-check = 立即运行建议的 conndoctor check。
help-explain-timeout = --check 所运行的检查的时间预算，例如 3s、500ms、1.5 [默认：3s]
help-audit-target = 端口，或服务端代码中的监听地址（websocket://0.0.0.0:8282）；不指定则检查所有监听。
help-audit-sysroot = 从 DIR（而不是 /）下读取配置和硬件标识（/sys/class/dmi、/etc、面板路径）。
help-audit-timeout = 时间预算，例如 3s、500ms、1.5 [默认：3s]
help-audit-from = 客户端的地址，用于判断按来源地址放行或丢弃的防火墙规则。
## Checklist

check-target = 目标
check-resolve = 解析
check-connect = 连接
check-side = 其他端口
check-listeners = 监听
check-ports = 本地端口
check-protocol = 协议
check-cross = 交叉验证
check-tls = TLS
check-dns = DNS 服务器
check-hosts = hosts 文件
check-proxy = 代理
check-path = 路径
path-line = { $hops }
tls-established = { $version } 握手成功，证书有效
tls-established-bad-cert = { $version } 握手成功，但证书未通过验证
tls-failed = 握手失败：{ $error }
check-cert = 证书
cert-facts = { $subject }，签发者 { $issuer }；名称：{ $names }；到期 { $date }（剩余天数：{ $days }）；证书链：{ $chain }
cert-no-names = 无（没有 subjectAltName）
target-line = { $input } → TCP 端口 { $port }
resolve-literal = { $addrs }（直接给出的地址）
resolve-system = { $name } → { $addrs }（{ $ms } ms）
resolve-failed = { $name }：{ $error }
resolve-error-no-name = 该域名不存在
resolve-error-no-address = 该域名没有 IPv4 或 IPv6 地址
resolve-error-resolver-failure = DNS 解析器未能正常应答
resolve-error-timeout = 解析器未在限定时间内应答
resolve-error-other = 解析失败
attempt-line = { $addr }：{ $outcome }，用时 { $ms } ms
attempt-retransmits = { $count ->
    [0] 尚无 SYN 重传
   *[other] SYN 已重传 { $count } 次
}
outcome-connected = 已连接
outcome-refused = 被拒绝（RST）
outcome-refused-icmp = 被 { $origin } 返回的 ICMP 错误拒绝
outcome-timed-out = 无应答
outcome-host-unreachable = 主机不可达
outcome-net-unreachable = 网络不可达
outcome-addr-not-available = 没有可用的本地端口
outcome-fd-exhausted = 文件描述符耗尽
outcome-other = 错误：{ $message }
side-line = { $ip }：{ $answers }
side-nothing = { $ip }：其他端口也都没有应答（{ $ports }）
listeners-none = 本机没有任何进程监听端口 { $port }
listeners-some = 端口 { $port } 绑定在 { $addrs }
listeners-remote = { $ip } 是另一台机器，其监听情况只能在那台机器上查看（conndoctor audit）
ports-line = 发往 { $dst } 的连接占用了 { $size } 个本地端口中的 { $used } 个

## Verdicts

verdict-ok = 连接正常
verdict-refused = 连接被拒绝
verdict-timeout = 连接超时
verdict-unreachable = 服务器不可达
verdict-addr-not-avail = 无法分配请求的地址（本地端口已耗尽）
verdict-dns = DNS 问题：域名无法解析，或没有解析到正确的服务器
verdict-local = 本机（客户端）无法发起该连接
verdict-reset = 服务端接受连接后立即将其关闭
verdict-mismatch = 已连接，但服务端使用的是另一种协议
verdict-tls = 已连接，但 TLS 失败
label-causes = 原因
label-warnings = 建议修复
label-fix = 解决办法
confidence-high = 可信度高
confidence-medium = 可能性大
confidence-low = 有可能
summary-time = 诊断耗时 { $ms } ms

## Causes: titles (cause-*) and fixes (fix-*)

cause-refused-not-listening = { $addr } 上没有程序在接受连接
fix-refused-not-listening = 启动服务端，并确认它在监听端口 { $port }（在服务器上执行：ss -ltnp | grep :{ $port }）。如果服务运行在其他端口上，请让客户端改连那个端口。
cause-refused-loopback-only = 服务端只监听了回环地址（{ $bound }），因此到 { $addr } 的连接被拒绝
fix-refused-loopback-only = 让服务端监听 0.0.0.0（所有 IPv4 地址）或 [::]，而不是 127.0.0.1，例如在 Workerman 中写成 websocket://0.0.0.0:{ $port }，然后重启服务。
cause-refused-other-address = 服务端监听的是另一个地址（{ $bound }），而不是 { $addr }
fix-refused-other-address = 改为监听 0.0.0.0（或客户端实际访问的地址），或者让客户端连接服务端所绑定的地址。
cause-refused-family-mismatch = { $failed } 连接失败，而 { $working } 可以连通：服务端只监听了一种 IP 版本
fix-refused-family-mismatch = 让服务端同时监听 IPv4 和 IPv6（例如以双栈方式监听 [::]），或者让客户端改用能连通的地址（例如用 127.0.0.1 代替 localhost）。
cause-refused-firewall-reject = 防火墙拒绝了到 { $addr } 的连接，请求根本没有到达服务端
fix-refused-firewall-reject = 在发出拒绝的那台防火墙上放行该端口（在那台机器上查看 nft list ruleset / iptables -S；如果拒绝来自别处，则检查路由器或云平台的 ACL）。
cause-timeout-filtered = 防火墙静默丢弃了发往 { $addr } 的数据包
fix-timeout-filtered = 在服务器防火墙、云服务器安全组以及宝塔等主机面板的防火墙中放行 TCP 端口 { $port }（例如 nft add rule inet filter input tcp dport { $port } accept）。
cause-timeout-host-down = 主机 { $ip } 完全没有响应：它已关机、不存在，或丢弃了所有流量
fix-timeout-host-down = 确认服务器正在运行，且 { $ip } 确实是它的地址（检查 DNS 记录，是否输错）；如果服务器在线，说明它前面的防火墙丢弃了所有流量。
cause-timeout-private-unroutable = { $addr } 是内网地址，当前客户端所在的网络无法访问
fix-timeout-private-unroutable = 改用服务器的公网地址或域名，或者先接入它所在的网络（VPN、同一局域网）。内网地址只能在其所属的网络内使用。
cause-timeout-accept-queue-full = 服务端的 accept 队列已满（{ $addr } 上有 { $queued } 个连接在排队），内核因此丢弃新连接
fix-timeout-accept-queue-full = 服务进程 accept 太慢或已卡住：检查它的 CPU 占用和事件循环，调大 listen backlog 和 net.core.somaxconn，或者增加 worker 进程数。
cause-unreachable-no-route = 本客户端没有到 { $addr } 的路由
fix-unreachable-no-route = 检查本机的网络连接和路由（ip route get { $addr }）；该地址可能属于你当前没有接入的网络。
cause-unreachable-host = { $addr } 不可达：其所在网络中没有该主机应答
fix-unreachable-host = 确认服务器已开机且 { $addr } 无误；如果在同一局域网内，请检查网线/Wi-Fi 以及 ARP（ip neigh）。
cause-addr-not-avail-ephemeral-exhausted = 本客户端发往 { $dst } 的本地端口已用尽（范围 { $lo }–{ $hi }）
fix-addr-not-avail-ephemeral-exhausted = 复用连接（keep-alive、连接池），不要每个请求都新建连接；同时扩大端口范围：sysctl -w net.ipv4.ip_local_port_range="1024 65535"（写入 /etc/sysctl.d/ 使其永久生效）。
cause-addr-not-avail-time-wait = 发往 { $dst } 的 { $count } 个已关闭连接仍处于 TIME_WAIT，占用着本地端口
fix-addr-not-avail-time-wait = 允许客户端复用 TIME_WAIT 端口：sysctl -w net.ipv4.tcp_tw_reuse=1（当前值为 { $reuse }），扩大 net.ipv4.ip_local_port_range，并保持长连接，不要反复重连。
cause-local-fd-exhausted = 本客户端进程的文件描述符已耗尽，问题不在服务端
fix-local-fd-exhausted = 关闭不再使用的 socket，并提高上限：在启动客户端的 shell 中执行 ulimit -n 65535，或在其 systemd unit 中设置 LimitNOFILE=。
cause-local-outbound-blocked = 本机自身拦截了到 { $addr } 的出站连接
fix-local-outbound-blocked = 检查本机防火墙的出站规则（nft list ruleset、iptables -S OUTPUT）以及安全模块（SELinux、AppArmor），找出拦截该目标的规则。
cause-local-connect-error = 连接 { $addr } 时出现了不常见的错误
fix-local-connect-error = 请查阅下面的错误信息；它来自本机内核，而不是服务端。
cause-dns-nxdomain = 域名 { $name } 在 DNS 中不存在
fix-dns-nxdomain = 检查 { $name } 是否拼写正确，以及该域名是否已注册并配置了解析记录。
cause-dns-no-address = 域名 { $name } 存在，但没有地址记录
fix-dns-no-address = 在 { $name } 的 DNS 服务商处添加 A（IPv4）或 AAAA（IPv6）记录。
cause-dns-resolver-failure = DNS 解析器未能对 { $name } 给出应答（DNS 服务器：{ $servers }）
fix-dns-resolver-failure = 检查 /etc/resolv.conf 中的 nameserver 以及本机网络，然后换一个解析器重试。
cause-mismatch-ws-to-http = WebSocket 客户端连到了普通的 HTTP 服务：对方返回 { $status }{ $server ->
    [none] {""}
   *[other] （Server: { $server }）
}，而不是 101 Switching Protocols
fix-mismatch-ws-to-http = 让客户端连接 WebSocket 端口，或在当前端口上提供 WebSocket 服务（Workerman：new Worker('websocket://0.0.0.0:{ $port }')）。浏览器对这种情况的报错是 "Unexpected response code: { $code }"。
cause-mismatch-ws-to-non-http = WebSocket 客户端连到了不讲 HTTP 的服务端（对方发来：{ $bytes }）
fix-mismatch-ws-to-non-http = 该端口运行的是其他协议（text 或自定义 TCP 协议）。请让 WebSocket 客户端连接服务端的 websocket:// 端口，或把服务端的监听地址改为 websocket://0.0.0.0:{ $port }。浏览器对这种情况的报错是 ERR_INVALID_HTTP_RESPONSE。
cause-mismatch-http-to-ws = HTTP 客户端连到了只支持 WebSocket 的服务端{ $status ->
    [none] {""}
   *[other] （{ $status }）
}
fix-mismatch-http-to-ws = 改用 WebSocket 客户端连接（ws:// 或 wss://），或在另一个端口上提供普通 HTTP 服务（Workerman：new Worker('http://0.0.0.0:PORT')）。
cause-mismatch-http-to-non-http = HTTP 客户端连到了不讲 HTTP 的服务端（对方发来：{ $bytes }）
fix-mismatch-http-to-non-http = 该端口运行的是其他协议（{ $speaks ->
    [http] HTTP
    [tls] TLS
    [ssh] SSH
    [smtp] SMTP
    [ftp] FTP
    [redis] Redis
    [mysql] MySQL
    [text] 文本协议
    [binary] 二进制协议
   *[other] { $speaks }
}）；请连接服务端的 HTTP 端口，或使用该协议对应的客户端。
cause-mismatch-text-to-http = text 协议客户端连到了 HTTP 服务端（{ $status }{ $server ->
    [none] {""}
   *[other] ，Server: { $server }
}）
fix-mismatch-text-to-http = 改连服务端的 text:// 端口，或者用 HTTP 访问这个端口。
cause-mismatch-tls-to-plain = 客户端使用了 TLS，但 { $addr } 是明文协议：请改用 { $plain }
fix-mismatch-tls-to-plain = 在客户端改用 { $plain }，或在服务端前面加一层 TLS：使用反向代理（nginx "listen 443 ssl"，并 proxy_pass 到 127.0.0.1:{ $port }），或在 Workerman 中设置 transport = 'ssl' 并配置证书。
cause-mismatch-plain-to-tls = 客户端使用明文通信，但 { $addr } 要求 TLS：请改用 { $secure }
fix-mismatch-plain-to-tls = 在客户端改用 { $secure }（ws:// → wss://，http:// → https://），或者连接服务端的非 TLS 端口。
cause-mismatch-ws-path = WebSocket 路径 { $path } 在该服务端上不正确
fix-mismatch-ws-path = 使用服务端实际处理的路径（{ $working }）；如果前面有 nginx，请检查 location 块是否匹配 { $path }。
cause-mismatch-ws-origin = 服务端拒绝了 Origin { $origin }
fix-mismatch-ws-origin = 把页面的源（origin）加入服务端允许的来源列表（或 CORS/Origin 校验），或者从允许的源加载页面。
cause-mismatch-proxy-no-upgrade = 反向代理{ $server ->
    [none] {""}
   *[other] （{ $server }）
}对升级请求返回了 { $status }：它没有转发 WebSocket
fix-mismatch-proxy-no-upgrade = 在代理的 location 块中添加：proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade"; 然后重新加载配置（nginx -s reload）。
cause-mismatch-silent-server = 服务端接受了连接，但在 { $ms } ms 内没有给出可用的应答
fix-mismatch-silent-server = 服务端在等待别的东西（另一种协议，或客户端按其协议先发的第一条消息），或者它的事件循环卡住了：请检查服务端的协议和日志。
cause-reset-after-connect = { $addr } 接受了连接，但在应答之前就将其断开
fix-reset-after-connect = 检查服务端日志：它可能拒绝了这种协议或该客户端 IP、达到了连接数上限，或在处理请求时崩溃。会重置连接的防火墙或 IPS 也会造成同样的现象。
cause-tls-cert-expired = { $host } 的证书已过期（或尚未生效）
fix-tls-cert-expired = 续期证书（例如 certbot renew）并重新加载服务；同时检查服务器的系统时间。
cause-tls-cert-name = 证书不包含域名 { $host }
fix-tls-cert-name = 申请包含 { $host } 的证书（subjectAltName），或使用证书所覆盖的域名连接。
cause-tls-cert-untrusted = { $kind ->
    [self-signed] { $host } 的证书是自签名的：除非明确配置信任，否则没有客户端会信任它
   *[other] { $host } 的证书由客户端不信任的签发者签发
}
fix-tls-cert-untrusted = { $kind ->
    [self-signed] 测试环境中可在客户端信任这张证书（或在此使用 --insecure）。更好的做法是重新生成一张不带 CA:TRUE、并在 subjectAltName 中写明名称的证书，rustls/webpki 客户端要求如此：openssl req -x509 -newkey rsa:2048 -nodes -subj /CN={ $host } -addext "subjectAltName={ $san }" -addext "basicConstraints=critical,CA:FALSE" -keyout key.pem -out cert.pem。生产环境请使用公共 CA（Let's Encrypt）。
   *[other] 使用公共 CA（例如 Let's Encrypt）签发的证书并配置完整证书链，或将签发 CA 加入客户端的信任库；测试时可用 --insecure 跳过此项检查。
}
cause-tls-handshake = 与 { $host } 的 TLS 握手失败
fix-tls-handshake = 确认该端口提供的是较新版本（TLS 1.2/1.3）的 TLS 服务，并已配置证书；下面的错误来自握手过程。
cause-tls-cert-chain-incomplete = { $host } 只发送了自己的证书，缺少 { $issuer } 的中间证书
fix-tls-cert-chain-incomplete = 配置完整证书链，而不是单张证书：nginx 的 ssl_certificate 用 fullchain.pem（certbot），Apache 的 SSLCertificateFile 后附上证书链，Workerman 的 local_cert = fullchain.pem。如果 { $issuer } 是你自己的 CA，请把它加入客户端的信任库。
cause-tls-cert-usage = { $host } 的证书不是用于 TLS 服务端的证书
fix-tls-cert-usage = 签发一张服务端证书：basicConstraints CA:FALSE 且 extendedKeyUsage 包含 serverAuth（openssl：-addext "basicConstraints=critical,CA:FALSE" -addext "extendedKeyUsage=serverAuth"）。客户端会拒绝用作服务端证书的 CA 证书或仅限客户端的证书。
cause-tls-version-old = { $host } 只支持 { $version }，当前的客户端已不再接受
fix-tls-version-old = 在服务端启用 TLS 1.2 和 1.3（nginx：ssl_protocols TLSv1.2 TLSv1.3；基于 OpenSSL 的服务：去掉 -tls1/-tls1_1 或 MinProtocol=TLSv1），或升级其 TLS 库。浏览器、rustls、Java 17+ 和 OpenSSL 3 默认拒绝 TLS 1.0/1.1。
cause-tls-no-shared-cipher = { $host } 与客户端没有共同支持的加密套件或密钥交换算法
fix-tls-no-shared-cipher = 在服务端允许现代的 AEAD 套件（ECDHE 搭配 AES-GCM 或 ChaCha20-Poly1305；nginx：采用 Mozilla "intermediate" 配置的 ssl_ciphers），并使用 ECDSA 或不少于 2048 位的 RSA 证书。
cause-tls-client-cert-required = { $host } 要求客户端证书（双向 TLS），而客户端没有提供
fix-tls-client-cert-required = 为客户端配置由服务端信任的 CA 签发的证书和私钥（curl --cert/--key、Node tls.connect 的 cert/key、Java keystore、导入浏览器的 .p12）；如果本不需要客户端认证，请在服务端关闭它（nginx：ssl_verify_client off 或 optional）。
cause-tls-sni-cert = { $host } 拿到了错误的证书：服务端根据客户端发送的名称（SNI）选择证书
fix-tls-sni-cert = 在服务端处理该名称的配置中为 { $host } 配置正确的证书（nginx：server_name { $host } 所在的 server 块及其 ssl_certificate；Apache：对应的 VirtualHost），或使用服务端已配置的名称连接。
cause-refused-wrong-host = 客户端在 { $addr } 连到的并不是它本应连接的那台服务器
fix-refused-wrong-host = 检查客户端中的主机和端口、DNS 记录和 hosts 文件，以及中间的代理或端口转发：你启动的服务端的令牌没有返回。
cause-dns-wrong-ip = 域名 { $name } 指向 { $addrs }，而那不是目标服务器
fix-dns-wrong-ip = 修改 { $name } 的 DNS A/AAAA 记录（或 hosts 文件中的条目），使其指向服务器的地址，并等待 TTL 过期。
cause-dns-hosts-override = hosts 文件把 { $name } 指向 { $hosts }，而 DNS 给出的是 { $dns }
fix-dns-hosts-override = 如果 /etc/hosts（Windows 上为 C:\Windows\System32\drivers\etc\hosts）中 { $name } 这一行是遗留配置，请删除或改正；其他机器上的客户端遵循的是 DNS。
cause-dns-fake-ip = { $name } 被解析为 { $addr }，这是代理软件分配的虚假地址（Fake IP）
fix-dns-fake-ip = 代理程序（Clash、mihomo、Surge、sing-box…）用虚假 IP 应答 DNS 并接管了连接：为该域名添加直连（DIRECT）规则或 fake-ip-filter 条目，或在测试期间把代理程序切换到直连模式。
cause-proxy-local-software = 本客户端上的代理软件改变了连接的去向（{ $via }）
fix-proxy-local-software = 把服务器加入代理的绕过列表（NO_PROXY=host、DIRECT 规则或代理应用中的“绕过”设置），或关闭代理、切换到直连模式，然后重新测试。
cause-proxy-auth-required = 客户端与服务器之间的 HTTP 代理要求用户名和密码（407 Proxy Authentication Required）
fix-proxy-auth-required = 为客户端配置代理的账号和密码（例如 HTTPS_PROXY=http://用户名:密码@代理:端口，或应用里的代理设置）；如果服务器应当直连，就把它加入 NO_PROXY；然后重新测试。
cause-proxy-cdn-port-not-proxied = { $cdn } 不转发端口 { $port }，因此经它转发的连接得不到任何应答
fix-proxy-cdn-port-not-proxied = 改用 CDN 会转发的端口（Cloudflare：HTTP 用 80、8080、8880、2052、2082、2086、2095；HTTPS 用 443、2053、2083、2087、2096、8443），或把该 DNS 记录设为“仅 DNS”（灰色云朵），直接连接源站。
cause-proxy-cdn = 客户端与服务器之间隔着 { $cdn }
fix-proxy-cdn = 你访问的地址属于 CDN，而不是你的服务器：服务器上针对你自己 IP 的白名单或防火墙规则不会生效。请检查 CDN 的设置（是否支持 WebSocket、转发了哪些端口），或直接连接源站。

## Evidence lines

ev-family-failed = { $addr }：{ $outcome ->
    [refused] 被拒绝
    [timed-out] 无应答
    [host-unreachable] 主机不可达
    [net-unreachable] 网络不可达
   *[other] 失败（{ $outcome }）
}
ev-family-connected = { $addr } 可以连通
ev-icmp-error = { $origin } 返回的是 ICMP 错误（类型 { $type }，代码 { $code }），而不是 TCP 应答
ev-icmp-other-origin = 拒绝来自 { $origin }，而不是服务器本身
ev-icmp-not-rst = 端口关闭的服务器会回复 TCP RST，而不是 ICMP：这是一条 reject 规则
ev-no-listener-local = 本机的 socket 表中没有监听端口 { $port } 的条目
ev-listener-but-rst = 有 socket 在监听 { $addr }，连接却仍被重置：很可能存在“reject with tcp reset”规则
ev-listener-elsewhere = 该端口只绑定在 { $bound } 上，不包括 { $addr }
ev-rst-from-target = { $addr } 回复了 TCP RST：主机在线，但端口未开放
ev-audit-would-tell = 到底是哪种情况，只有在服务器上才能确定：请在那里运行 conndoctor audit { $port }
ev-syn-unanswered = { $addr } 在 { $ms } ms 内未应答 SYN（已重传 { $retransmits } 次）
ev-accept-queue = { $addr } 的 accept 队列中有 { $queued } 个连接在等待，服务端却没有取走
ev-backlog = 该监听 socket 的 backlog 为 { $backlog }，队列中已有 { $queued } 个连接：队列已满，新的 SYN 会被丢弃
ev-listen-overflows = 等待期间，由于 listen 队列已满，内核丢弃了 { $count } 次连接请求（TcpExtListenOverflows）
ev-only-default-route = 去往该地址只有默认路由（经 { $iface } 上的 { $gateway }），也就是走公网
ev-no-route-at-all = 本机没有去往该地址的路由
ev-private-address = { $addr } 属于私有地址段（RFC 1918、CGNAT 或 IPv6 ULA）
ev-not-on-local-network = 本机没有任何网卡与 { $addr } 处于同一网络
ev-side-probes-off = 未探测其他端口（--no-side-probes），因此无法判断主机是否已宕机
ev-host-answers-elsewhere = { $ip } 在其他端口上有应答：{ $ports }
ev-host-silent = { $ip } 在其他端口上也没有应答（{ $ports }）
ev-neighbour-failed = 本机在本地网络中查询了 { $addr }（ARP/邻居发现），但没有收到回应
ev-router-reported = 路由器 { $router } 报告：{ $outcome ->
    [net-unreachable] 网络不可达
   *[other] 主机不可达
}
ev-kernel-reported = 本机内核报告：{ $outcome ->
    [net-unreachable] 网络不可达（没有路由）
   *[other] 主机不可达
}
ev-ports-in-use = 可用的本地端口（{ $lo }–{ $hi }）共 { $size } 个，其中 { $used } 个被发往 { $dst } 的 socket 占用
ev-time-wait = 其中 { $count } 个处于 TIME_WAIT；net.ipv4.tcp_tw_reuse = { $reuse }
ev-fd-limit = 文件描述符上限：{ $soft }（硬上限 { $hard }）
ev-reply-http = { $request }（经 { $transport }）→ HTTP { $status }{ $server ->
    [none] {""}
   *[other] （Server: { $server }）
}
ev-reply-data = { $request }（经 { $transport }）→ { $len } 字节，疑似{ $speaks ->
    [http] {" "}HTTP 数据
    [tls] {" "}TLS 数据
    [ssh] {" "}SSH 数据
    [smtp] {" "}SMTP 数据
    [ftp] {" "}FTP 数据
    [redis] {" "}Redis 数据
    [mysql] {" "}MySQL 数据
    [text] 文本
    [binary] 二进制数据
   *[other] {" "}{ $speaks } 数据
}：{ $bytes }
ev-reply-silence = { $request }（经 { $transport }）→ { $ms } ms 内无应答
ev-reply-closed = { $request }（经 { $transport }）→ 服务端未作应答就关闭了连接
ev-reply-reset = { $request }（经 { $transport }）→ 服务端重置了连接
ev-reply-too-large = { $request }（经 { $transport }）→ 响应头超过 16 KiB
ev-reply-no-connection = { $request }（经 { $transport }）→ 无法再次建立连接（{ $outcome }）
ev-reply-error = { $request }（经 { $transport }）→ { $message }
ev-tls-failed = TLS 握手失败：{ $error }
ev-tls-works = 在同一端口上进行 TLS 握手可以成功（{ $version }）
ev-bad-accept = 101 响应中的 Sec-WebSocket-Accept 不正确
ev-root-upgrades = 在 / 路径上发起同样的升级请求可以成功
ev-no-origin-upgrades = 去掉 Origin 请求头后，同样的升级请求可以成功
ev-upgrade-works = 在同一端口上进行 WebSocket 升级可以成功
ev-cdn-header = 响应中带有 { $header }（{ $cdn }）
ev-cert-not-after = 证书已于 { $date } 过期
ev-cert-not-yet-valid = 证书尚未生效
ev-cert-names = 证书覆盖的名称：{ $names }
ev-cert-unknown-issuer = 由 { $issuer } 签发，它不在客户端受信任的根证书中
ev-cert-no-trusted-root = 证书链无法追溯到受信任的根证书
ev-cert-not-before = 该证书从 { $date } 起才生效
ev-cert-no-sni-covers = 不带服务器名称（SNI）时服务端发送另一张证书，那张证书覆盖 { $host }：{ $names }
ev-cert-ip-no-sni = 用 IP 地址连接不会发送服务器名称（SNI）：有多张证书的服务端此时会发送默认证书
ev-cert-self-signed = 由自身签发（{ $subject }）：签发者与主体相同
ev-cert-ca-true = 它被标记为 CA（basicConstraints CA:TRUE），rustls/webpki 客户端即使信任它也拒绝将其作为服务端证书
ev-cert-bad-signature = 其签名无法用签发者的公钥验证
ev-cert-chain-one = 服务端只发送了自己的证书；其签发者 { $issuer } 不是受信任的根证书
ev-cert-no-server-auth = 其扩展密钥用法（extendedKeyUsage）不包含 serverAuth（TLS 服务端）
ev-cert-rejected = 证书被拒绝（{ $code }）
ev-cert-no-san = 证书没有列出任何名称（subjectAltName）；客户端会忽略其主体 { $subject }
ev-tls-old-version = 服务端用 { $version } 回应了 TLS 1.2/1.3 的 ClientHello
ev-tls-version-refused = 服务端拒绝了 TLS 1.2 和 1.3（告警 protocol_version）
ev-tls-alert = 服务端以告警 { $alert } 结束了握手
ev-tls-client-cert-asked = 服务端请求了客户端证书（CertificateRequest），没有收到时便断开了连接
ev-tls-unrecognized-name = 服务端不认识 SNI 中发送的名称 { $host }（告警 unrecognized_name）
ev-tls-error = { $error }
ev-token-mismatch = 期望收到你的 conndoctor serve 的令牌 { $expected }，实际收到 { $got }
ev-ns-answer = DNS 服务器 { $server } 应答 { $addrs }（CNAME { $cnames }，TTL { $ttl } 秒）
ev-ns-nxdomain = DNS 服务器 { $server } 表示该域名不存在（NXDOMAIN）
ev-ns-nodata = DNS 服务器 { $server } 知道该域名，但没有它的 A/AAAA 记录
ev-ns-failure = DNS 服务器 { $server } 出错：{ $rcode }
ev-ns-timeout = DNS 服务器 { $server } 在 { $ms } ms 内没有应答
ev-no-nameservers = /etc/resolv.conf 中没有配置任何 nameserver
ev-hosts-entry = hosts 文件把该域名指向 { $addrs }
ev-expected-ip = 你期望的是 { $expected }，而系统解析器返回 { $addrs }
ev-fake-ip = { $addr } 位于 198.18.0.0/15，这是代理程序用于 Fake IP DNS 的地址段
ev-tun-route = 到服务器的路由经过隧道接口 { $iface }（代理或 VPN 软件）
ev-proxy-env = 已设置 { $var } = { $value }：遵循该变量的客户端会经由这个代理连接
ev-proxy-direct = conndoctor 是直接连接的，没有经过代理
ev-cdn-range = { $addr } 位于 { $cdn } 公布的地址段 { $range } 内（{ $date } 的列表）
ev-cdn-ports = 端口 { $port } 不在该 CDN 转发的端口列表中
ev-path-last-hop = SYN 最远到达第 { $ttl } 跳（{ $addr }）；再往后没有任何应答
ev-path-no-hop = 连第一跳路由器都没有回应限定 TTL 的 SYN
ev-path-on-link = 服务器就在本机所在的网络中，中间没有路由器，但它没有任何应答
ev-path-target-answers = 服务器主机在第 { $ttl } 跳（{ $addr }）作出应答
ev-errno = connect() 失败，errno { $errno }：{ $message }

## Batch

batch-summary = 共检查 { $total } 个目标，用时 { $secs } 秒，{ $failed } 个失败
batch-by-symptom = 按现象：
batch-by-cause = 按首要原因：
batch-slowest = 最慢的目标：
batch-interrupted = 已被 { $signal } 中止：{ $total } 个目标中已检查 { $done } 个（上面打印的每条结果都是完整的）
## Serve

serve-listening = 正在 { $addr } 上提供 { $scheme } 服务 · 令牌 { $token }
serve-reachable = 访问地址：{ $url }
serve-loopback-warning = 只监听了 { $addr }：其他机器无法连接。要接受它们的连接，请改用 0.0.0.0:{ $port }（或 [::]:{ $port }）。
serve-check-hint = 在客户端执行：{ $cmd }
serve-stop-hint = 按 Ctrl-C 停止。
serve-stopped = 已停止。
serve-not-local = { $addr } 不是本机的地址（在云服务器上，公网 IP 通常经过 NAT，不在任何网卡上）：请改为监听 0.0.0.0:{ $port } 或内网地址（addr-not-avail.bind-not-local）
serve-in-use = 端口 { $port } 已被其他程序占用（用 ss -ltnp | grep :{ $port } 查看是哪个程序）
serve-permission = 1024 以下的端口需要 root 权限或 CAP_NET_BIND_SERVICE：{ $detail }
serve-needs-address = 监听地址必须是 IP（0.0.0.0、[::]、127.0.0.1 等）或 localhost：{ $detail }
serve-failed = 无法启动：{ $detail }

## Demo

demo-title = conndoctor 演示：回环地址上的真实服务端，真实的诊断
demo-scenario-open = 正常工作的 WebSocket 服务端（conndoctor serve），并校验其身份令牌
demo-scenario-closed = 没有任何程序监听的端口
demo-scenario-loopback = 服务端绑定在 127.0.0.1，通过 127.0.0.2 访问
demo-scenario-queue = 服务端不再 accept：accept 队列已满
demo-scenario-family = localhost 同时解析为 IPv6 和 IPv4，而服务端只监听 IPv4
demo-scenario-ws-http = WebSocket 客户端连接普通 HTTP 服务端
demo-scenario-ws-text = WebSocket 客户端连接 text 协议服务端
demo-scenario-tls-plain = wss:// 客户端连接未加密的 WebSocket 端口
demo-scenario-plain-tls = ws:// 客户端连接 TLS 端口
demo-scenario-path = WebSocket 客户端请求了服务端不提供的路径
demo-scenario-origin = 拒绝页面 Origin 的 WebSocket 服务端
demo-scenario-wrong-ip = 域名指向的地址与你期望的不同（--expect-ip）
demo-command = 命令：{ $cmd }

## Global options, completions, manual page, argument errors
help-color = 何时输出颜色：auto（终端且未设置 NO_COLOR 时）、always、never。
help-completions-about = 将 shell 补全脚本（bash、zsh、fish、elvish、powershell）输出到标准输出。
help-man-about = 将手册页（roff 格式）输出到标准输出，例如 conndoctor man | man -l -
help-completions-shell = 要生成补全的 shell。
help-exporter-listen = HTTP 服务监听的地址（端口 0：任选空闲端口，启动时打印）。
help-exporter-config = YAML 配置：模块、允许列表、限制。不指定时：内置模块 tcp、http、https、ws、wss，只允许回环地址目标。
help-exporter-check-config = 校验配置后退出（0 有效，2 无效）。
clap-unknown-argument = 无法识别的参数 '{ $arg }'
clap-invalid-subcommand = 无法识别的子命令 '{ $arg }'
clap-invalid-value = '{ $arg }' 的值 '{ $value }' 无效
clap-missing-value = '{ $arg }' 需要一个值
clap-missing-required = 缺少以下必需参数：{ $args }
clap-conflict = '{ $arg }' 不能与 '{ $other }' 同时使用
clap-missing-subcommand = 需要指定一个子命令
clap-other = 参数无效：{ $detail }
clap-possible-values = 可选值：{ $values }
clap-tip-subcommand = 您是不是想输入 '{ $name }'？
clap-tip-argument = 您是不是想输入 '{ $name }'？
clap-tip-value = 您是不是想输入 '{ $name }'？
clap-more-info = 更多信息请运行 '--help'。

## serve: WebSocket subprotocols
help-serve-subprotocol = WebSocket：提供的子协议（可重复）；选用客户端请求中第一个受支持的。
input-bad-subprotocol = “{ $detail }”不是有效的子协议名（只能包含字母、数字和 !#$%&'*+-.^_`|~）
