# The HTML report (check --html): page texts, the steps of the path and their states.

## page
html-title = conndoctor 诊断报告
html-title-target = conndoctor：{ $target }
html-generated = 由 conndoctor { $version } 生成。本页面不会从网络加载任何内容。
html-batch-summary = 共检查 { $total } 个目标，{ $failed } 个失败
html-contents = 目标
html-path = 从客户端到服务器的路径

## steps of the path
html-step-client = 本机客户端
html-step-dns = DNS
html-step-proxy = 代理 / CDN
html-step-network = 网络路径
html-step-firewall = 服务器防火墙
html-step-listener = 监听端口
html-step-protocol = 协议

## step states
html-state-ok = 通过
html-state-fail = 在此失败
html-state-warn = 警告
html-state-skip = 未到达
html-state-off = 未检查

## sections
html-fails-at = 失败位置：{ $step }
html-works = 路径上的每一步都正常。
html-seen = 检查所见
html-step-empty = 此步骤没有可显示的内容
html-cause-step = 步骤：{ $step }
check-cdn = CDN

## command line
help-html = 同时将报告写成一个独立的 HTML 页面到 FILE（"-" 表示标准输出，代替文本报告）。
input-bad-html = 无法写入 HTML 报告：{ $detail }
