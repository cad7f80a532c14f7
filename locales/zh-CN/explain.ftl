# conndoctor explain — Simplified Chinese (zh-CN). Same ids and variables as locales/en/explain.ftl.
# Placeables hold hosts, ports, URLs, commands and error strings; they stay untranslated.

## Report

explain-title = conndoctor explain
explain-label-symptom = 症状
explain-label-message = 识别为
explain-label-also = 也匹配
explain-label-says = 报错中提到
explain-label-line = 所在行
explain-label-causes = 可能的原因
explain-label-notes = 须知
explain-label-next = 下一步
explain-family = { $source } [{ $id }]
explain-unknown = 不是 conndoctor 认识的报错（已知 { $count } 类报错）
explain-unknown-hint = conndoctor 无法仅凭这段文字判断出了什么问题。如果与连接有关，请运行下面的检查：它直接检测网络，而不是依据报错的措辞。
explain-says-nothing = 没有主机、端口、URL 或错误码
explain-field-url = URL { $value }
explain-field-host = 主机 { $value }
explain-field-port = 端口 { $value }
explain-field-status = HTTP 状态码 { $value }
explain-field-errno = 错误 { $value }
explain-ev-said = { $source } 输出：{ $excerpt }
explain-value-unknown = 未知

## Symptoms, as read from the message

explain-symptom-ok = 连接成功
explain-symptom-refused = 连接被拒绝：服务器所在的机器有响应，但该端口上没有程序接受连接
explain-symptom-timeout = 连接超时：没有收到任何响应
explain-symptom-unreachable = 服务器不可达：没有到它的路由
explain-symptom-addr-not-avail = 客户端无法为该连接获得本地地址或端口
explain-symptom-dns = 主机名无法解析为地址
explain-symptom-reset = 连接已建立，但在握手完成前被重置或关闭
explain-symptom-mismatch = 连接已建立，但服务端使用的协议与客户端预期的不同
explain-symptom-tls = 连接已建立，但 TLS 握手或证书校验失败
explain-symptom-local = 本客户端机器的某种资源已耗尽；问题不在服务端
explain-symptom-none = 报错中没有说明连接是如何失败的

## Next step

explain-next-run = 在运行客户端的机器上执行：
explain-next-incomplete = 报错中没有给出完整的目标；请补全缺少的部分后执行：
explain-next-check-flag = （或加上 --check 立即执行）
explain-running = 正在运行 { $cmd } …

## Notes

explain-note-status-200 = 服务端用一个普通页面（200）回应了 WebSocket 升级请求。要么这个 URL 由普通 Web 服务器或应用路由处理，要么前面的反向代理没有转发 Upgrade 和 Connection 请求头。
explain-note-status-400 = 对升级请求返回 400，通常是因为该路径上的服务不是 WebSocket 服务，或者代理丢掉了 Upgrade 请求头。
explain-note-status-401 = 401 表示已经连到了 WebSocket 服务端，但它要求提供凭据（token、cookie 或请求头）。网络没有问题；请检查客户端发送的认证信息。
explain-note-status-403 = 对升级请求返回 403，最常见的原因是 Origin 校验：服务端只接受来自特定源的页面。请在服务端允许该页面的源，或检查客户端发送的凭据。
explain-note-status-404 = 404 表示 HTTP 服务端有响应，但该路径下什么也没有：请对比客户端 URL 中的路径与服务端（或代理的 location 块）提供 WebSocket 的路径。
explain-note-status-426 = 426 Upgrade Required：服务端需要 WebSocket 升级，却没有收到升级请求，通常是代理删除了 Upgrade 请求头。
explain-note-status-429 = 429 表示服务端正在对该客户端限流。连接本身正常；请稍后重试或降低请求频率。
explain-note-status-500 = 500 表示服务端自身的代码在处理升级请求时出错：请查看服务端日志。网络没有问题。
explain-note-status-502 = { $status } 来自反向代理或负载均衡器：它无法使用后端应用（应用未运行、上游端口错误），或者它不转发 WebSocket 升级请求。
explain-note-invalid-http-response = 服务端对 WebSocket 请求返回的不是 HTTP 数据：该端口属于其他协议的服务（原始 TCP 或 Workerman text:// 之类的文本协议、数据库、SSH），或者它要求 TLS。
explain-note-closed-before-handshake = 服务端接受了 TCP 连接，却没有回应升级请求就把连接关闭了：它使用的是其他协议，或要求 TLS（请用 wss://），或拒绝了该客户端（连接数上限、IP 过滤）。
explain-note-bad-handshake = gorilla/websocket 只会输出 "bad handshake"；要看服务端返回的 HTTP 状态码（通常在前一行）才能判断是哪种原因。
explain-note-mixed-content = 浏览器在连接开始前就把它拦截了：通过 https:// 加载的页面只能打开 wss:// 的 WebSocket。请通过 TLS 提供 WebSocket（wss://，例如经由提供该页面的同一个 nginx），并使用这个 URL。
explain-note-tls-to-plain = 客户端发起了 TLS（wss:// 或 https://），服务端却以明文回应：该端口不支持 TLS。请改用 ws:// 或 http://，或在服务端前面加上 TLS（nginx，或在服务端本身配置证书）。
explain-note-plain-to-tls = 客户端用明文（ws:// 或 http://）连接了一个要求 TLS 的端口：该端口请使用 wss:// 或 https://。
explain-note-http09 = 回应的开头不是 HTTP 状态行：该端口使用的是其他协议，或者是 TLS（试试 https://）。
explain-note-generic-browser = 浏览器对各种失败（被拒绝、超时、响应不对）都输出这一条，并出于安全考虑隐藏了原因。下面的检查可以查明究竟是哪一种。
explain-note-generic-client = 这个客户端对各种失败（被拒绝、超时、域名解析失败、响应不对）都输出同一条信息，不说明是哪一种。下面的检查可以查明究竟是哪一种。
explain-note-interrupted = 当 WebSocket 仍在连接时离开或刷新页面，Firefox 就会输出这条信息；单独出现时并无害处。
explain-note-proxy = 浏览器设置了代理，而代理出错了。请先检查浏览器或系统的代理设置（以及 Clash、V2Ray 等代理软件），再排查服务器。
explain-note-connect-0000 = 0.0.0.0 是服务端用来监听的地址（“所有网卡”），客户端不能连接它。请连接服务器的真实地址，在同一台机器上则连接 127.0.0.1。
explain-note-ipv6-loopback = 客户端尝试的是 IPv6 回环地址 ::1（在很多系统上“localhost”会优先解析为它）。只监听 127.0.0.1 的服务端在这个地址上无法访问：请在客户端使用 127.0.0.1，或让服务端同时监听两者。
explain-note-private-address = { $host } 是私有（内网）地址：只能在同一网络内部或通过 VPN 访问。
explain-note-ipv6-unreachable = 目标是 IPv6 地址，而本客户端没有 IPv6 路由：当前网络不支持 IPv6，请使用服务器的 IPv4 地址。
explain-note-fake-ip = { $host } 位于 198.18.0.0/15，这是代理程序（Clash、Surge 等）用于伪造 DNS 应答（Fake IP）的地址段：连接会发往代理，而不是服务器。
explain-note-host-is-url = 主机名中含有 "://" 或 "/"：在只应填写主机名的地方填入了完整的 URL。
explain-note-ehostunreach = 防火墙的 "reject with icmp-host-prohibited" 规则（firewalld 以及很多 iptables 配置的默认行为）同样会产生 "No route to host"，因此除了路由，也要检查服务器的防火墙。
explain-note-fast-failure = 这次尝试在不到一秒内就失败了：服务器所在的机器回复了拒绝，这正是端口关闭或防火墙 reject 时的表现。
explain-note-connect-call-failed = asyncio 只会输出 "Connect call failed"；如果没有其他错误码，这几乎总是连接被拒绝。
explain-note-server-side = 这是服务端启动失败，而不是客户端连接失败：它绑定了本机并不拥有的地址（在云服务器上，公网 IP 通常不在本机网卡上）。请改为绑定 0.0.0.0。
explain-note-address-in-use = 这是服务端启动失败：已有另一个进程在监听该端口（常常是同一服务的旧实例）。请停止该进程或换一个端口（用 ss -ltnp 查看端口被谁占用）。

## Input errors

explain-input-empty = 没有提供报错信息：请把报错文本作为参数传入（加引号），或通过管道从标准输入传入
explain-input-unreadable = 无法读取标准输入：{ $detail }
explain-input-truncated = 报错信息超过 { $max } 字节，只读取了开头部分。
explain-input-example = 示例：conndoctor explain "connect ECONNREFUSED 127.0.0.1:8282" · my-client 2>&1 | conndoctor explain
explain-check-needs-target = --check 需要完整的目标，而报错中没有给出：请自行带上地址和端口运行 conndoctor check
