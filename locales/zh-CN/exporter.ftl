# conndoctor exporter — 简体中文消息（与 locales/en/exporter.ftl 的 id 一一对应）。
# 占位符中的地址、文件名、模块名、网段和示例保持原样，不翻译。
# 指标名称及其 HELP 文本不在此处：按 Prometheus 惯例保持英文。

## Exporter: start-up and signals

exporter-started-builtin = conndoctor exporter 正在监听 http://{ $addr } — 内置模块 { $modules }；允许的目标：仅本机回环地址（{ $cidrs }），因为没有指定 --config
exporter-started-file = conndoctor exporter 正在监听 http://{ $addr } — 模块 { $modules }，来自 { $file }
exporter-allow-loopback = 允许的目标：仅本机回环地址（{ $cidrs }），任意端口；在配置中加入 "allow:" 段才能探测其他主机
exporter-allow-list = 允许的目标：主机 { $hosts }；网段 { $cidrs }；端口 { $ports }
exporter-allow-any-port = 任意端口
exporter-allow-none = 无
exporter-denied-ranges = 除非在 allow.cidrs 中明确列出，否则永不探测：{ $ranges }（链路本地地址和云元数据地址）
exporter-limits = 同时最多 { $probes } 个探测；探测期限：模块超时，若抓取超时减去 { $offset } 秒更短则取后者
exporter-public-warning = { $addr } 可从其他机器访问：任何能访问它的人都能让本机去探测允许的目标
exporter-usage = 试试：curl 'http://{ $addr }/probe?target=127.0.0.1:22&module=tcp' · 完整报告：加上 &debug=true · SIGHUP 重新加载配置，Ctrl+C 停止
exporter-reloaded = 已从 { $file } 重新加载配置：模块 { $modules }
exporter-reload-failed = 配置未重新加载，继续使用当前配置：{ $detail }
exporter-reload-no-file = 收到 SIGHUP，但没有可重新加载的 --config 文件
exporter-stopped = exporter 已停止
exporter-config-ok = { $file }：配置有效；模块 { $modules }
exporter-listen-bad = "{ $detail }" 不是可监听的地址（示例：127.0.0.1:9115、[::1]:9115、localhost:0）
exporter-listen-failed = 无法监听 { $addr }：{ $detail }

## Exporter: configuration errors

exporter-config-read = { $file }：无法读取配置：{ $detail }
exporter-config-syntax = { $file }：配置无效：{ $detail }
exporter-config-no-modules = { $file }：没有定义任何模块；请在 "modules:" 下至少添加一个（例如 tcp: {"{"} prober: tcp {"}"}）
exporter-config-module-name = { $file }："{ $module }" 不是有效的模块名（字母、数字、"_" 和 "-"，最多 64 个）
exporter-config-prober = { $file }：模块 "{ $module }"：未知的探测类型 "{ $value }"（可用：tcp、text、http、https、ws、wss）
exporter-config-timeout = { $file }：模块 "{ $module }"："{ $value }" 不是有效的超时（示例：5s、500ms、1.5；大于 0，最多 1 小时）
exporter-config-not-for-prober = { $file }：模块 "{ $module }"："{ $field }" 对探测类型 { $prober } 没有意义
exporter-config-path = { $file }：模块 "{ $module }"：路径 "{ $value }" 必须以 "/" 开头，且不能含空格、控制字符或 "#"
exporter-config-bad-value = { $file }：模块 "{ $module }"：{ $field } "{ $value }" 为空或含有换行、控制字符
exporter-config-header = { $file }：模块 "{ $module }"："{ $value }" 不是有效的请求头（名称由字母、数字和 !#$%&'*+-.^_`|~ 组成，值只能有一行）
exporter-config-too-many-headers = { $file }：模块 "{ $module }"：请求头超过 { $max } 个
exporter-config-host = { $file }：allow.hosts："{ $value }" 不是主机名，也不是 "*.example.com" 形式的模式
exporter-config-cidr = { $file }：allow.cidrs："{ $value }" 不是地址或网段（示例：10.0.0.0/8、192.0.2.7、2001:db8::/32）
exporter-config-port = { $file }：allow.ports："{ $value }" 不是端口或端口范围（示例：443、"8000-8999"）
exporter-config-allow-empty = { $file }："allow:" 既没有列出主机也没有列出网段，所有探测都会被拒绝
exporter-config-limit = { $file }：limits.{ $field }："{ $value }" 必须是 1 到 { $max } 之间的整数
exporter-config-offset = { $file }：limits.scrape_timeout_offset："{ $value }" 不是 0 到 60 秒之间的时长（示例：0.5s、500ms、0）
exporter-config-side-probes = { $file }：模块 "{ $module }"：side_probes 会连接端口 { $ports }，但 allow.ports 并未全部允许；请加入这些端口或关闭 side_probes

## Exporter: refused requests

exporter-refused-method = 只接受 GET 请求
exporter-refused-uri = 请求 URI 超过 { $limit } 字节
exporter-refused-body = 发给 exporter 的请求不能带请求体
exporter-refused-query = 查询字符串格式错误（%-转义无效、不是 UTF-8、参数重复或参数过多）
exporter-refused-no-target = 缺少 "target" 参数（示例：/probe?target=127.0.0.1:8080&module=tcp）
exporter-refused-module = 未知模块 "{ $module }"（已配置：{ $modules }）
exporter-refused-timeout-header = X-Prometheus-Scrape-Timeout-Seconds "{ $value }" 不是正的秒数
exporter-refused-bad-target = 目标 "{ $target }" 无效：{ $detail }
exporter-refused-scheme = 目标 { $target } 使用 { $scheme }://，但模块 "{ $module }" 探测的是 { $prober }
exporter-refused-port = 不允许探测目标 { $target }：端口 { $port } 不在允许列表中
exporter-refused-host = 不允许探测目标 { $target }：主机 { $host } 不在允许列表中
exporter-refused-resolved = 不允许探测目标 { $target }：{ $host } 不是列出的主机，也没有解析到允许网段内的地址
exporter-refused-address = 不允许探测目标 { $target }：{ $addr } 不在允许的网段内
exporter-refused-denied = 不允许探测目标 { $target }：这是链路本地或云元数据地址（{ $range }）；如需探测，请在 allow.cidrs 中明确列出
exporter-refused-unspecified = 不允许探测目标 { $target }：{ $addr } 是未指定地址，实际会连到本机
exporter-refused-busy = 同时进行的探测过多（上限 { $limit }）；请稍后重试
exporter-not-found = 未找到：exporter 只提供 /probe、/metrics、/-/healthy、/-/ready 和 POST /-/reload
exporter-index = conndoctor exporter：/probe?target=…&module=… 探测一个目标（加 &debug=true 查看完整报告，&format=json 输出 JSON）；/metrics 显示 exporter 自身的指标

## Exporter: debug output

exporter-debug-module = 模块 { $module }（探测类型 { $prober }），期限 { $seconds } 秒
exporter-debug-unfinished = 检查未能在期限内完成
exporter-debug-metrics = 本次探测返回的指标：

## Exporter: blackbox_exporter compatibility

exporter-refused-method-post = 此端点需要 POST 请求
exporter-healthy = 健康
exporter-ready = 就绪
exporter-config-prober-unsupported = { $file }：模块 "{ $module }"：conndoctor 没有 blackbox_exporter 的探测类型 "{ $value }"（可用：tcp、http，以及 text、https、ws、wss）
exporter-config-unsupported = { $file }：模块 "{ $module }"：conndoctor 不支持 blackbox_exporter 选项 { $field }，请删除它（见 README「比 blackbox_exporter 更严格之处」）
exporter-config-unknown-field = { $file }：模块 "{ $module }"：{ $block } 中有未知字段 "{ $field }"（已知：{ $known }）
exporter-config-status = { $file }：模块 "{ $module }"：valid_status_codes："{ $value }" 不是 HTTP 状态码（100 到 599）
exporter-config-http-version = { $file }：模块 "{ $module }"：valid_http_versions 列出了 { $value }，但 conndoctor 只使用 HTTP/1.1；请加入 "HTTP/1.1"
exporter-config-method = { $file }：模块 "{ $module }"：method "{ $value }"：conndoctor 只用 GET 探测，抓取不会改变目标上的任何东西
exporter-config-redirects = { $file }：模块 "{ $module }"：conndoctor 不跟随重定向（重定向可能指向允许列表拒绝的目标）；请删除 follow_redirects 或设置 no_follow_redirects: true
exporter-config-ip-protocol = { $file }：模块 "{ $module }"：preferred_ip_protocol "{ $value }" 只能是 ip4 或 ip6
exporter-config-steps = { $file }：模块 "{ $module }"：query_response 超过 { $max } 步
exporter-config-step = { $file }：模块 "{ $module }"：query_response 的每一步需要 expect 或 send
exporter-config-regex = { $file }：模块 "{ $module }"："{ $value }" 不是有效的正则表达式（或超过 1024 个字符）
exporter-config-send = { $file }：模块 "{ $module }"：send "{ $value }" 必须是一行、最多 1024 字节，且不含 ${"{"}…{"}"} 引用
exporter-timeout-offset-bad = --timeout-offset "{ $value }" 不是 0 到 60 之间的秒数（例如：0.5）
