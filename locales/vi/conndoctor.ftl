# conndoctor — Vietnamese (vi). Same ids and variables as locales/en/conndoctor.ftl.
# Placeables hold addresses, ports, commands and config lines; they stay untranslated.
# Terms: lắng nghe (listen), kết nối bị từ chối, hết thời gian chờ, cổng cục bộ,
# hàng đợi accept, loopback, mạng nội bộ, file descriptor, trình phân giải DNS, truyền lại.

## Command line

app-error = lỗi
input-empty = chưa chỉ định đích
input-whitespace = đích có chứa dấu cách; hãy nhập một địa chỉ hoặc URL duy nhất
input-control = đích có chứa ký tự điều khiển (như NUL hoặc DEL); hãy nhập một địa chỉ hoặc URL duy nhất
input-unknown-scheme = giao thức không xác định "{ $detail }://" (hỗ trợ: ws, wss, http, https, tcp, text, websocket)
input-missing-host = đích không có tên máy hoặc địa chỉ
input-bad-host = "{ $detail }" không phải tên máy hoặc địa chỉ IP hợp lệ
input-missing-port = đích không có cổng, và giao thức này không có cổng mặc định
input-bad-port = "{ $detail }" không phải cổng hợp lệ (1–65535)
input-bad-timeout = "{ $detail }" không phải khoảng thời gian hợp lệ (ví dụ: 3s, 500ms, 1.5)
input-bad-header = "{ $detail }" không phải header hợp lệ; hãy dùng dạng "Name: value"
input-bad-token = "{ $detail }" không phải token hợp lệ (chỉ gồm chữ cái và chữ số)
input-bad-ip = "{ $detail }" không phải địa chỉ IP (--expect-ip nhận địa chỉ dạng 203.0.113.7 hoặc 2001:db8::7)
input-bad-file = không đọc được danh sách đích: { $detail }
input-bad-line = dòng { $line } ("{ $target }"): { $detail }
input-bad-concurrency = --concurrency phải lớn hơn hoặc bằng 1
input-example = ví dụ: conndoctor check ws://example.com:8282/chat · conndoctor check 203.0.113.7:8282 · conndoctor check websocket://[::1]:8282
lang-fallback = chưa hỗ trợ ngôn ngữ "{ $lang }"; dùng tiếng Anh
error-internal = conndoctor gặp lỗi: { $detail }

## Help (--help)

help-about = Cho biết vì sao máy khách không kết nối được tới máy chủ và cần thay đổi gì.
help-check-about = Chẩn đoán kết nối tới một đích (ws://, wss://, http://, https://, tcp://, text://, websocket://, host:port).
help-demo-about = Chạy các máy chủ thật trên loopback và hiển thị kết quả chẩn đoán cho từng trường hợp.
help-serve-about = Chạy một máy chủ tham chiếu (websocket://, http://, text://, tcp://, có thể kèm TLS) trả lời bằng token định danh.
help-explain-about = Giải thích thông báo lỗi được dán vào (console trình duyệt, log, terminal): triệu chứng, nguyên nhân, cách khắc phục và lệnh kiểm tra nên chạy.
help-audit-about = Chạy trên máy chủ: vì sao máy khách không tới được cổng này (lắng nghe, tiến trình, tường lửa, bảng điều khiển, cloud, năng lực xử lý).
help-exporter-about = Exporter cho Prometheus (theo giao ước /probe của blackbox_exporter) với các metric cho biết vì sao một lần dò thất bại.
help-help-about = Hiển thị trợ giúp này hoặc trợ giúp của các lệnh con được chỉ định
help-usage = Cách dùng
help-commands = Lệnh
help-arguments = Đối số
help-options = Tùy chọn
help-examples = Ví dụ
help-help = Hiển thị trợ giúp
help-version = Hiển thị phiên bản
help-lang = Ngôn ngữ đầu ra (en, zh-CN, th, vi, ru, ja, ar); mặc định lấy từ LC_ALL, LC_MESSAGES, LANG.
help-json = In ra một đối tượng JSON (schema 1) thay cho báo cáo dạng văn bản.
help-target = Đích mà máy khách kết nối tới: ws://host:port/path, host:port, [v6]:port, ... (nhiều đích: kiểm tra hàng loạt)
help-file = Đọc danh sách đích từ file, mỗi dòng một đích, # là chú thích ("-" để đọc từ đầu vào chuẩn).
help-concurrency = Kiểm tra hàng loạt: số đích được kiểm tra cùng lúc (tự giảm cho vừa giới hạn file descriptor) [mặc định: { $default }]
help-timeout = Tổng thời gian cho phép, ví dụ 3s, 500ms, 1.5 (giây) [mặc định: 3s; demo: 1s]
help-no-side-probes = Không dò các cổng khác của đích trong lúc chờ kết nối chính.
help-origin = Header Origin cho yêu cầu upgrade WebSocket, giống như trang web trên trình duyệt gửi.
help-subprotocol = Sec-WebSocket-Protocol cần yêu cầu.
help-header = Header bổ sung cho request, dạng "Name: value" (có thể lặp lại).
help-insecure = Tiếp tục khi chứng chỉ có vấn đề; các vấn đề đó được báo dưới dạng cảnh báo.
help-expect-token = Token do conndoctor serve in ra: chứng minh máy khách đã tới đúng máy chủ đó.
help-expect-ip = Địa chỉ mà bạn cho là của máy chủ (có thể lặp lại); nếu DNS trả về địa chỉ khác thì sẽ được báo.
help-no-trace = Không dò đường đi bằng các gói SYN giới hạn TTL khi kết nối không có phản hồi.
help-serve-listen = Địa chỉ lắng nghe, viết như dòng listen của Workerman: websocket://0.0.0.0:8282, http://0.0.0.0:8080, text://[::]:5678
help-serve-tls = Phục vụ qua TLS (wss://, https://); dùng chứng chỉ tự ký nếu không chỉ định --cert/--key.
help-serve-cert = Chuỗi chứng chỉ PEM cho --tls.
help-serve-key = Khóa riêng PEM cho --tls.
help-serve-token = Token định danh dùng để trả lời (mặc định: ngẫu nhiên).
help-serve-strict-path = WebSocket: chỉ upgrade trên đúng đường dẫn trong LISTEN (đường dẫn khác nhận 404).
help-serve-allow-origin = WebSocket: trả 403 cho mọi Origin khác giá trị này.
help-explain-message = Thông báo lỗi (đặt trong dấu nháy). Nếu bỏ trống hoặc là "-", thông báo được đọc từ đầu vào chuẩn.
help-explain-check = Chạy ngay lệnh conndoctor check được đề xuất.
help-explain-timeout = Thời gian cho phép của lần kiểm tra do --check chạy, ví dụ 3s, 500ms, 1.5 [mặc định: 3s]
help-audit-target = Cổng, hoặc địa chỉ lắng nghe trong mã của máy chủ (websocket://0.0.0.0:8282); bỏ trống để kiểm tra mọi cổng đang lắng nghe.
help-audit-sysroot = Đọc cấu hình và dấu hiệu phần cứng (/sys/class/dmi, /etc, đường dẫn của bảng điều khiển) dưới DIR thay vì /.
help-audit-timeout = Thời gian cho phép, ví dụ 3s, 500ms, 1.5 [mặc định: 3s]
help-audit-from = Địa chỉ của máy khách, dùng cho các quy tắc tường lửa cho phép hoặc drop theo địa chỉ nguồn.
## Checklist

check-target = Đích
check-resolve = Phân giải
check-connect = Kết nối
check-side = Cổng khác
check-listeners = Lắng nghe
check-ports = Cổng cục bộ
check-protocol = Giao thức
check-cross = Kiểm tra chéo
check-tls = TLS
check-dns = Máy chủ DNS
check-hosts = File hosts
check-proxy = Proxy
check-path = Đường đi
path-line = { $hops }
tls-established = bắt tay { $version } thành công, chứng chỉ hợp lệ
tls-established-bad-cert = bắt tay { $version } thành công, nhưng chứng chỉ không được chấp nhận
tls-failed = bắt tay thất bại: { $error }
check-cert = Chứng chỉ
cert-facts = { $subject }, cấp bởi { $issuer }; tên: { $names }; hết hạn { $date } (số ngày còn lại: { $days }); chuỗi: { $chain }
cert-no-names = không có (thiếu subjectAltName)
target-line = { $input } → cổng TCP { $port }
resolve-literal = { $addrs } (địa chỉ nhập trực tiếp)
resolve-system = { $name } → { $addrs } ({ $ms } ms)
resolve-failed = { $name }: { $error }
resolve-error-no-name = tên miền không tồn tại
resolve-error-no-address = tên miền không có địa chỉ IPv4 hay IPv6 nào
resolve-error-resolver-failure = trình phân giải DNS không trả lời đúng cách
resolve-error-timeout = trình phân giải không trả lời trong thời gian cho phép
resolve-error-other = trình phân giải gặp lỗi
attempt-line = { $addr }: { $outcome } sau { $ms } ms
attempt-retransmits = { $count ->
    [0] chưa truyền lại SYN lần nào
   *[other] đã truyền lại SYN { $count } lần
}
outcome-connected = đã kết nối
outcome-refused = bị từ chối (RST)
outcome-refused-icmp = bị từ chối bởi lỗi ICMP từ { $origin }
outcome-timed-out = không có phản hồi
outcome-host-unreachable = không tới được host
outcome-net-unreachable = không tới được mạng
outcome-addr-not-available = không còn cổng cục bộ trống
outcome-fd-exhausted = hết file descriptor
outcome-other = lỗi: { $message }
side-line = { $ip }: { $answers }
side-nothing = { $ip }: các cổng khác cũng không phản hồi ({ $ports })
listeners-none = không có tiến trình nào trên máy này lắng nghe cổng { $port }
listeners-some = cổng { $port } đang được bind vào { $addrs }
listeners-remote = { $ip } là một máy khác; chỉ xem được các cổng đang lắng nghe trên chính máy đó (conndoctor audit)
ports-line = kết nối tới { $dst } đang dùng { $used } trên { $size } cổng cục bộ

## Verdicts

verdict-ok = kết nối hoạt động bình thường
verdict-refused = kết nối bị từ chối
verdict-timeout = hết thời gian chờ kết nối
verdict-unreachable = không tới được máy chủ
verdict-addr-not-avail = không thể gán địa chỉ được yêu cầu (đã hết cổng cục bộ)
verdict-dns = lỗi DNS: tên miền không phân giải được, hoặc không trỏ tới đúng máy chủ
verdict-local = máy khách này không mở được kết nối
verdict-reset = máy chủ đóng kết nối ngay sau khi chấp nhận
verdict-mismatch = đã kết nối, nhưng máy chủ dùng một giao thức khác
verdict-tls = đã kết nối, nhưng TLS thất bại
label-causes = Nguyên nhân
label-warnings = Nên khắc phục
label-fix = Cách khắc phục
confidence-high = độ tin cậy cao
confidence-medium = nhiều khả năng
confidence-low = có thể
summary-time = chẩn đoán trong { $ms } ms

## Causes: titles (cause-*) and fixes (fix-*)

cause-refused-not-listening = Không có tiến trình nào nhận kết nối trên { $addr }
fix-refused-not-listening = Khởi động máy chủ và kiểm tra xem nó có lắng nghe cổng { $port } không (trên máy chủ: ss -ltnp | grep :{ $port }). Nếu dịch vụ chạy ở cổng khác, hãy cho máy khách kết nối tới cổng đó.
cause-refused-loopback-only = Máy chủ chỉ lắng nghe trên địa chỉ loopback ({ $bound }), nên kết nối tới { $addr } bị từ chối
fix-refused-loopback-only = Cho máy chủ lắng nghe trên 0.0.0.0 (mọi địa chỉ IPv4) hoặc [::] thay vì 127.0.0.1, ví dụ websocket://0.0.0.0:{ $port } trong Workerman, rồi khởi động lại.
cause-refused-other-address = Máy chủ lắng nghe trên một địa chỉ khác ({ $bound }), không phải { $addr }
fix-refused-other-address = Lắng nghe trên 0.0.0.0 (hoặc trên địa chỉ mà máy khách dùng), hoặc kết nối tới địa chỉ mà máy chủ đang bind.
cause-refused-family-mismatch = { $failed } thất bại trong khi { $working } kết nối được: máy chủ chỉ lắng nghe trên một phiên bản IP
fix-refused-family-mismatch = Cho máy chủ lắng nghe cả IPv4 lẫn IPv6 (ví dụ [::] ở chế độ dual-stack), hoặc để máy khách dùng địa chỉ kết nối được (ví dụ 127.0.0.1 thay cho localhost).
cause-refused-firewall-reject = Tường lửa từ chối các kết nối tới { $addr }; máy chủ hoàn toàn không nhận được chúng
fix-refused-firewall-reject = Mở cổng trên tường lửa đã gửi lời từ chối (nft list ruleset / iptables -S trên máy đó; nếu lời từ chối đến từ nơi khác thì kiểm tra router hoặc ACL trên cloud).
cause-timeout-filtered = Tường lửa âm thầm drop các gói tin gửi tới { $addr }
fix-timeout-filtered = Mở cổng TCP { $port } trên tường lửa của máy chủ, trong security group (nhóm bảo mật) của cloud và trên tường lửa của bảng điều khiển hosting nếu có (ví dụ nft add rule inet filter input tcp dport { $port } accept).
cause-timeout-host-down = Host { $ip } hoàn toàn không phản hồi: máy đã tắt, không tồn tại, hoặc drop mọi gói tin
fix-timeout-host-down = Kiểm tra máy chủ có đang chạy không và { $ip } có đúng là địa chỉ của nó không (bản ghi DNS, gõ nhầm); nếu máy chủ vẫn chạy thì tường lửa phía trước nó đang drop toàn bộ lưu lượng.
cause-timeout-private-unroutable = { $addr } là địa chỉ mạng nội bộ mà mạng của máy khách này không tới được
fix-timeout-private-unroutable = Dùng địa chỉ public hoặc tên miền của máy chủ, hoặc tham gia vào mạng của nó trước (VPN, cùng mạng LAN). Địa chỉ nội bộ chỉ dùng được bên trong chính mạng đó.
cause-timeout-accept-queue-full = Hàng đợi accept của máy chủ đã đầy ({ $queued } kết nối đang chờ trên { $addr }), nên kernel drop các kết nối mới
fix-timeout-accept-queue-full = Tiến trình máy chủ accept quá chậm hoặc bị treo: kiểm tra CPU và event loop của nó, tăng listen backlog và net.core.somaxconn, hoặc chạy thêm tiến trình worker.
cause-unreachable-no-route = Không có tuyến (route) nào từ máy khách này tới { $addr }
fix-unreachable-no-route = Kiểm tra kết nối mạng và bảng định tuyến của máy này (ip route get { $addr }); địa chỉ này có thể thuộc một mạng mà bạn chưa kết nối vào.
cause-unreachable-host = Không tới được { $addr }: trong mạng đó không có host nào như vậy phản hồi
fix-unreachable-host = Kiểm tra máy chủ đã bật và địa chỉ { $addr } là đúng; nếu cùng mạng LAN, hãy kiểm tra dây cáp/Wi-Fi và ARP (ip neigh).
cause-addr-not-avail-ephemeral-exhausted = Máy khách này đã dùng hết cổng cục bộ cho các kết nối tới { $dst } (dải { $lo }–{ $hi })
fix-addr-not-avail-ephemeral-exhausted = Tái sử dụng kết nối (keep-alive, connection pool) thay vì mở một kết nối cho mỗi request, và mở rộng dải cổng: sysctl -w net.ipv4.ip_local_port_range="1024 65535" (ghi vào /etc/sysctl.d/ để giữ sau khi khởi động lại).
cause-addr-not-avail-time-wait = { $count } kết nối đã đóng tới { $dst } vẫn đang giữ cổng cục bộ ở trạng thái TIME_WAIT
fix-addr-not-avail-time-wait = Cho phép máy khách tái sử dụng cổng ở trạng thái TIME_WAIT: sysctl -w net.ipv4.tcp_tw_reuse=1 (hiện tại là { $reuse }), mở rộng net.ipv4.ip_local_port_range, và giữ kết nối mở thay vì liên tục kết nối lại.
cause-local-fd-exhausted = Tiến trình máy khách này đã dùng hết file descriptor; lỗi không nằm ở máy chủ
fix-local-fd-exhausted = Đóng các socket không còn dùng và nâng giới hạn: ulimit -n 65535 trong shell khởi chạy máy khách, hoặc LimitNOFILE= trong unit systemd của nó.
cause-local-outbound-blocked = Chính máy này đang chặn kết nối đi tới { $addr }
fix-local-outbound-blocked = Kiểm tra các quy tắc chiều đi của tường lửa cục bộ (nft list ruleset, iptables -S OUTPUT) và các module bảo mật (SELinux, AppArmor) xem có quy tắc nào chặn đích này không.
cause-local-connect-error = Kết nối tới { $addr } thất bại với một lỗi bất thường
fix-local-connect-error = Tra cứu lỗi bên dưới; lỗi này do kernel của máy này trả về, không phải do máy chủ.
cause-dns-nxdomain = Tên miền { $name } không tồn tại trong DNS
fix-dns-nxdomain = Kiểm tra chính tả của { $name }, và xem tên miền đã được đăng ký và có bản ghi hay chưa.
cause-dns-no-address = Tên miền { $name } có tồn tại nhưng không có bản ghi địa chỉ
fix-dns-no-address = Thêm bản ghi A (IPv4) hoặc AAAA (IPv6) cho { $name } tại nhà cung cấp DNS của tên miền.
cause-dns-resolver-failure = Trình phân giải DNS không trả lời được cho { $name } (nameserver: { $servers })
fix-dns-resolver-failure = Kiểm tra các nameserver trong /etc/resolv.conf và mạng của máy này; thử lại với một trình phân giải khác.
cause-mismatch-ws-to-http = Máy khách WebSocket kết nối tới một máy chủ HTTP thông thường: máy chủ trả về { $status }{ $server ->
    [none] {""}
   *[other] {" "}(Server: { $server })
} thay vì 101 Switching Protocols
fix-mismatch-ws-to-http = Cho máy khách kết nối tới cổng WebSocket, hoặc phục vụ WebSocket trên chính cổng này (Workerman: new Worker('websocket://0.0.0.0:{ $port }')). Trình duyệt báo trường hợp này là "Unexpected response code: { $code }".
cause-mismatch-ws-to-non-http = Máy khách WebSocket kết nối tới một máy chủ không dùng HTTP (máy chủ gửi: { $bytes })
fix-mismatch-ws-to-non-http = Cổng này chạy một giao thức khác (text hoặc một giao thức TCP tự định nghĩa). Hãy cho máy khách WebSocket kết nối tới cổng websocket:// của máy chủ, hoặc đổi địa chỉ lắng nghe của máy chủ thành websocket://0.0.0.0:{ $port }. Trình duyệt báo trường hợp này là ERR_INVALID_HTTP_RESPONSE.
cause-mismatch-http-to-ws = Máy khách HTTP kết nối tới một máy chủ chỉ hỗ trợ WebSocket{ $status ->
    [none] {""}
   *[other] {" "}({ $status })
}
fix-mismatch-http-to-ws = Kết nối bằng máy khách WebSocket (ws:// hoặc wss://), hoặc phục vụ HTTP thông thường trên một cổng khác (Workerman: new Worker('http://0.0.0.0:PORT')).
cause-mismatch-http-to-non-http = Máy khách HTTP kết nối tới một máy chủ không dùng HTTP (máy chủ gửi: { $bytes })
fix-mismatch-http-to-non-http = Cổng này chạy một giao thức khác ({ $speaks ->
    [http] HTTP
    [tls] TLS
    [ssh] SSH
    [smtp] SMTP
    [ftp] FTP
    [redis] Redis
    [mysql] MySQL
    [text] giao thức dạng văn bản
    [binary] giao thức nhị phân
   *[other] { $speaks }
}); hãy dùng cổng HTTP của máy chủ, hoặc dùng máy khách phù hợp với giao thức đó.
cause-mismatch-text-to-http = Máy khách giao thức text kết nối tới một máy chủ HTTP ({ $status }{ $server ->
    [none] {""}
   *[other] , Server: { $server }
})
fix-mismatch-text-to-http = Dùng cổng text:// của máy chủ, hoặc giao tiếp với cổng này bằng HTTP.
cause-mismatch-tls-to-plain = Máy khách dùng TLS, nhưng { $addr } chỉ giao tiếp không mã hóa: hãy dùng { $plain }
fix-mismatch-tls-to-plain = Dùng { $plain } ở máy khách, hoặc đặt TLS phía trước máy chủ: một reverse proxy (nginx "listen 443 ssl" với proxy_pass tới 127.0.0.1:{ $port }), hoặc transport = 'ssl' kèm chứng chỉ trong Workerman.
cause-mismatch-plain-to-tls = Máy khách giao tiếp không mã hóa, nhưng { $addr } yêu cầu TLS: hãy dùng { $secure }
fix-mismatch-plain-to-tls = Dùng { $secure } ở máy khách (ws:// → wss://, http:// → https://), hoặc kết nối tới cổng không dùng TLS của máy chủ.
cause-mismatch-ws-path = Đường dẫn WebSocket { $path } không đúng với máy chủ này
fix-mismatch-ws-path = Dùng đường dẫn mà máy chủ xử lý ({ $working }); nếu phía trước có nginx, hãy kiểm tra khối location có khớp với { $path } không.
cause-mismatch-ws-origin = Máy chủ từ chối Origin { $origin }
fix-mismatch-ws-origin = Thêm origin của trang vào danh sách origin được phép trên máy chủ (hoặc phần kiểm tra CORS/Origin), hoặc tải trang từ một origin được phép.
cause-mismatch-proxy-no-upgrade = Reverse proxy{ $server ->
    [none] {""}
   *[other] {" "}({ $server })
} trả lời yêu cầu upgrade bằng { $status }: proxy không chuyển tiếp WebSocket
fix-mismatch-proxy-no-upgrade = Thêm vào khối location của proxy: proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade"; rồi nạp lại cấu hình (nginx -s reload).
cause-mismatch-silent-server = Máy chủ đã chấp nhận kết nối nhưng không đưa ra phản hồi nào dùng được trong { $ms } ms
fix-mismatch-silent-server = Máy chủ đang chờ thứ khác (một giao thức khác, hoặc thông điệp đầu tiên từ phía máy khách) hoặc event loop của nó bị treo: hãy kiểm tra giao thức và log của máy chủ.
cause-reset-after-connect = { $addr } đã chấp nhận kết nối rồi ngắt trước khi trả lời
fix-reset-after-connect = Kiểm tra log của máy chủ: có thể nó từ chối giao thức này hoặc IP của máy khách, chạm giới hạn số kết nối, hoặc bị crash khi xử lý request. Tường lửa hoặc IPS reset kết nối cũng gây ra hiện tượng tương tự.
cause-tls-cert-expired = Chứng chỉ của { $host } đã hết hạn (hoặc chưa có hiệu lực)
fix-tls-cert-expired = Gia hạn chứng chỉ (ví dụ certbot renew) rồi nạp lại máy chủ; kiểm tra cả đồng hồ của máy chủ.
cause-tls-cert-name = Chứng chỉ không bao gồm tên { $host }
fix-tls-cert-name = Lấy chứng chỉ có chứa { $host } (subjectAltName), hoặc kết nối bằng một tên mà chứng chỉ bao gồm.
cause-tls-cert-untrusted = { $kind ->
    [self-signed] Chứng chỉ của { $host } là tự ký: không máy khách nào tin nó nếu không được chỉ định rõ
   *[other] Chứng chỉ của { $host } do một bên cấp mà máy khách không tin cậy
}
fix-tls-cert-untrusted = { $kind ->
    [self-signed] Với môi trường thử nghiệm, hãy cho máy khách tin chứng chỉ này (hoặc dùng --insecure ở đây). Tốt hơn là tạo lại chứng chỉ không có CA:TRUE và có tên trong subjectAltName, như các máy khách rustls/webpki yêu cầu: openssl req -x509 -newkey rsa:2048 -nodes -subj /CN={ $host } -addext "subjectAltName={ $san }" -addext "basicConstraints=critical,CA:FALSE" -keyout key.pem -out cert.pem. Trong môi trường thật hãy dùng CA công khai (Let's Encrypt).
   *[other] Dùng chứng chỉ của một CA công khai (ví dụ Let's Encrypt) kèm đầy đủ chuỗi chứng chỉ, hoặc thêm CA cấp chứng chỉ vào kho tin cậy của máy khách; khi kiểm thử có thể dùng --insecure để bỏ qua.
}
cause-tls-handshake = Bắt tay TLS với { $host } thất bại
fix-tls-handshake = Kiểm tra cổng này có phục vụ TLS phiên bản mới (TLS 1.2/1.3) và có chứng chỉ không; lỗi bên dưới phát sinh trong quá trình bắt tay.
cause-tls-cert-chain-incomplete = { $host } gửi chứng chỉ của mình mà thiếu chứng chỉ trung gian của { $issuer }
fix-tls-cert-chain-incomplete = Cấu hình cả chuỗi chứng chỉ, không chỉ một chứng chỉ: nginx ssl_certificate fullchain.pem (certbot), Apache SSLCertificateFile có nối thêm chuỗi, Workerman local_cert = fullchain.pem. Nếu { $issuer } là CA riêng của bạn, hãy thêm nó vào kho tin cậy của máy khách.
cause-tls-cert-usage = Chứng chỉ của { $host } không dành cho máy chủ TLS
fix-tls-cert-usage = Cấp một chứng chỉ máy chủ: basicConstraints CA:FALSE và extendedKeyUsage serverAuth (openssl: -addext "basicConstraints=critical,CA:FALSE" -addext "extendedKeyUsage=serverAuth"). Máy khách từ chối chứng chỉ CA hoặc chứng chỉ chỉ dành cho máy khách ở vị trí này.
cause-tls-version-old = { $host } chỉ hỗ trợ { $version }, phiên bản mà các máy khách hiện nay không còn chấp nhận
fix-tls-version-old = Bật TLS 1.2 và 1.3 trên máy chủ (nginx: ssl_protocols TLSv1.2 TLSv1.3; máy chủ dùng OpenSSL: bỏ -tls1/-tls1_1 hoặc MinProtocol=TLSv1), hoặc cập nhật thư viện TLS của nó. Trình duyệt, rustls, Java 17+ và OpenSSL 3 mặc định từ chối TLS 1.0/1.1.
cause-tls-no-shared-cipher = { $host } và máy khách không có bộ mã hóa hay phương thức trao đổi khóa chung nào
fix-tls-no-shared-cipher = Cho phép các bộ mã AEAD hiện đại trên máy chủ (ECDHE với AES-GCM hoặc ChaCha20-Poly1305; nginx: ssl_ciphers theo cấu hình "intermediate" của Mozilla) và dùng chứng chỉ ECDSA hoặc RSA từ 2048 bit trở lên.
cause-tls-client-cert-required = { $host } yêu cầu chứng chỉ máy khách (TLS hai chiều), nhưng máy khách không gửi
fix-tls-client-cert-required = Cấp cho máy khách chứng chỉ và khóa do một CA mà máy chủ tin cậy phát hành (curl --cert/--key, cert/key của tls.connect trong Node, keystore của Java, tệp .p12 nhập vào trình duyệt); nếu máy khách không cần xác thực, hãy tắt nó trên máy chủ (nginx: ssl_verify_client off hoặc optional).
cause-tls-sni-cert = { $host } nhận sai chứng chỉ: máy chủ chọn chứng chỉ theo tên mà máy khách gửi (SNI)
fix-tls-sni-cert = Cấu hình chứng chỉ cho { $host } ở nơi máy chủ xử lý tên đó (nginx: khối server có server_name { $host } và ssl_certificate của nó; Apache: VirtualHost tương ứng), hoặc kết nối bằng tên mà máy chủ được cấu hình.
cause-refused-wrong-host = Tại { $addr }, máy khách đã kết nối tới một máy chủ khác với máy chủ nó cần kết nối
fix-refused-wrong-host = Kiểm tra host và cổng trong máy khách, bản ghi DNS và file hosts, cùng mọi proxy hoặc chuyển tiếp cổng ở giữa: token của máy chủ bạn đã khởi động không được trả về.
cause-dns-wrong-ip = Tên miền { $name } trỏ tới { $addrs }, không phải máy chủ mong muốn
fix-dns-wrong-ip = Sửa bản ghi DNS A/AAAA của { $name } (hoặc dòng tương ứng trong file hosts) để trỏ tới địa chỉ của máy chủ, rồi chờ hết TTL.
cause-dns-hosts-override = File hosts ánh xạ { $name } tới { $hosts }, trong khi DNS trả về { $dns }
fix-dns-hosts-override = Xóa hoặc sửa dòng { $name } trong /etc/hosts (trên Windows là C:\Windows\System32\drivers\etc\hosts) nếu đó là cấu hình còn sót lại; máy khách trên các máy khác sẽ theo DNS.
cause-dns-fake-ip = { $name } được phân giải ra { $addr }, một địa chỉ giả do phần mềm proxy cấp
fix-dns-fake-ip = Một phần mềm proxy (Clash, mihomo, Surge, sing-box…) trả lời DNS bằng IP giả và chặn kết nối lại: hãy thêm quy tắc DIRECT hoặc một mục fake-ip-filter cho tên miền này, hoặc chuyển phần mềm sang chế độ direct trong lúc kiểm tra.
cause-proxy-local-software = Phần mềm proxy trên máy khách này làm thay đổi đích đến của kết nối ({ $via })
fix-proxy-local-software = Thêm máy chủ vào danh sách bỏ qua (bypass) của proxy (NO_PROXY=host, một quy tắc DIRECT, hoặc mục "bypass" trong ứng dụng proxy), hoặc tắt proxy hay chuyển sang chế độ direct, rồi kiểm tra lại.
cause-proxy-auth-required = Proxy HTTP giữa máy khách này và máy chủ yêu cầu tên người dùng và mật khẩu (407 Proxy Authentication Required)
fix-proxy-auth-required = Cung cấp thông tin đăng nhập proxy cho máy khách (ví dụ HTTPS_PROXY=http://user:password@proxy:port, hoặc phần cài đặt proxy của ứng dụng), hoặc thêm máy chủ vào NO_PROXY nếu cần kết nối trực tiếp; rồi kiểm tra lại.
cause-proxy-cdn-port-not-proxied = { $cdn } không chuyển tiếp cổng { $port }, nên các kết nối đi qua nó không nhận được phản hồi
fix-proxy-cdn-port-not-proxied = Dùng một cổng mà CDN chuyển tiếp (Cloudflare: 80, 8080, 8880, 2052, 2082, 2086, 2095 cho HTTP; 443, 2053, 2083, 2087, 2096, 8443 cho HTTPS), hoặc đặt bản ghi DNS ở chế độ "DNS only" (đám mây xám) và kết nối thẳng tới máy chủ gốc.
cause-proxy-cdn = { $cdn } đứng giữa máy khách và máy chủ
fix-proxy-cdn = Địa chỉ bạn kết nối tới thuộc về CDN, không phải máy chủ của bạn: danh sách cho phép hay quy tắc tường lửa trên máy chủ dành cho IP của chính bạn sẽ không khớp. Hãy kiểm tra cấu hình CDN (hỗ trợ WebSocket, các cổng được chuyển tiếp) hoặc kết nối thẳng tới máy chủ gốc (origin).

## Evidence lines

ev-family-failed = { $addr }: { $outcome ->
    [refused] bị từ chối
    [timed-out] không có phản hồi
    [host-unreachable] không tới được host
    [net-unreachable] không tới được mạng
   *[other] thất bại ({ $outcome })
}
ev-family-connected = { $addr } kết nối được
ev-icmp-error = { $origin } trả về lỗi ICMP (type { $type }, code { $code }) thay vì phản hồi TCP
ev-icmp-other-origin = lời từ chối đến từ { $origin }, không phải từ chính máy chủ
ev-icmp-not-rst = máy chủ có cổng đóng sẽ trả lời bằng TCP reset, không phải ICMP: đây là một quy tắc reject
ev-no-listener-local = bảng socket của máy này không có socket nào lắng nghe cổng { $port }
ev-listener-but-rst = có socket đang lắng nghe trên { $addr } mà kết nối vẫn bị reset: nhiều khả năng có quy tắc "reject with tcp reset"
ev-listener-elsewhere = cổng chỉ được bind vào { $bound }, không bao gồm { $addr }
ev-rst-from-target = { $addr } trả lời bằng TCP reset: host đang hoạt động, nhưng cổng đóng
ev-audit-would-tell = chỉ trên máy chủ mới xác định được là trường hợp nào: hãy chạy conndoctor audit { $port } trên đó
ev-syn-unanswered = { $addr } không trả lời SYN trong { $ms } ms (đã truyền lại { $retransmits } lần)
ev-accept-queue = có { $queued } kết nối đang chờ trong hàng đợi accept của { $addr } nhưng máy chủ không lấy ra
ev-backlog = backlog của socket đang lắng nghe là { $backlog }, hàng đợi đang chứa { $queued }: hàng đợi đã đầy nên các SYN mới bị drop
ev-listen-overflows = kernel đã drop { $count } lần thử kết nối vì hàng đợi listen bị đầy trong lúc chờ (TcpExtListenOverflows)
ev-only-default-route = tuyến duy nhất tới đó là tuyến mặc định (qua { $gateway } trên { $iface }), tức là đi ra Internet
ev-no-route-at-all = máy này không có tuyến nào tới địa chỉ đó
ev-private-address = { $addr } thuộc dải địa chỉ riêng (RFC 1918, CGNAT hoặc IPv6 ULA)
ev-not-on-local-network = không có giao diện mạng nào của máy này nằm trong mạng của { $addr }
ev-side-probes-off = không dò các cổng khác (--no-side-probes), nên không phân biệt được host có đang tắt hay không
ev-host-answers-elsewhere = { $ip } có phản hồi trên các cổng khác: { $ports }
ev-host-silent = { $ip } cũng không phản hồi trên cổng nào khác ({ $ports })
ev-neighbour-failed = máy này đã hỏi { $addr } trong mạng cục bộ (ARP/neighbour discovery) nhưng không nhận được trả lời
ev-router-reported = router { $router } báo: { $outcome ->
    [net-unreachable] không tới được mạng
   *[other] không tới được host
}
ev-kernel-reported = kernel của máy này báo: { $outcome ->
    [net-unreachable] không tới được mạng (không có tuyến)
   *[other] không tới được host
}
ev-ports-in-use = { $used } trên { $size } cổng cục bộ khả dụng ({ $lo }–{ $hi }) đang bị các socket tới { $dst } chiếm
ev-time-wait = trong đó { $count } cổng ở trạng thái TIME_WAIT; net.ipv4.tcp_tw_reuse = { $reuse }
ev-fd-limit = giới hạn file descriptor: { $soft } (giới hạn cứng { $hard })
ev-reply-http = { $request } qua { $transport } → HTTP { $status }{ $server ->
    [none] {""}
   *[other] {" "}(Server: { $server })
}
ev-reply-data = { $request } qua { $transport } → { $len } byte trông giống { $speaks ->
    [http] HTTP
    [tls] TLS
    [ssh] SSH
    [smtp] SMTP
    [ftp] FTP
    [redis] Redis
    [mysql] MySQL
    [text] văn bản
    [binary] dữ liệu nhị phân
   *[other] { $speaks }
}: { $bytes }
ev-reply-silence = { $request } qua { $transport } → không có phản hồi trong { $ms } ms
ev-reply-closed = { $request } qua { $transport } → máy chủ đóng kết nối mà không trả lời
ev-reply-reset = { $request } qua { $transport } → máy chủ reset kết nối
ev-reply-too-large = { $request } qua { $transport } → phần header của phản hồi vượt quá 16 KiB
ev-reply-no-connection = { $request } qua { $transport } → không thể kết nối lại ({ $outcome })
ev-reply-error = { $request } qua { $transport } → { $message }
ev-tls-failed = bắt tay TLS thất bại: { $error }
ev-tls-works = bắt tay TLS trên cùng cổng thì thành công ({ $version })
ev-bad-accept = phản hồi 101 mang giá trị Sec-WebSocket-Accept sai
ev-root-upgrades = cùng yêu cầu upgrade đó trên / thì thành công
ev-no-origin-upgrades = cùng yêu cầu upgrade đó nhưng bỏ header Origin thì thành công
ev-upgrade-works = upgrade WebSocket trên cùng cổng thì thành công
ev-cdn-header = phản hồi có { $header } ({ $cdn })
ev-cert-not-after = chứng chỉ đã hết hạn vào { $date }
ev-cert-not-yet-valid = chứng chỉ chưa có hiệu lực
ev-cert-names = chứng chỉ áp dụng cho: { $names }
ev-cert-unknown-issuer = do { $issuer } cấp, không nằm trong các chứng chỉ gốc mà máy khách tin cậy
ev-cert-no-trusted-root = chuỗi chứng chỉ không dẫn tới một chứng chỉ gốc đáng tin cậy
ev-cert-not-before = chứng chỉ chỉ có hiệu lực từ { $date }
ev-cert-no-sni-covers = khi không gửi tên máy chủ (SNI), máy chủ gửi một chứng chỉ khác, và chứng chỉ đó có { $host }: { $names }
ev-cert-ip-no-sni = kết nối bằng địa chỉ IP thì không gửi tên máy chủ (SNI): máy chủ có nhiều chứng chỉ sẽ gửi chứng chỉ mặc định
ev-cert-self-signed = do chính nó cấp ({ $subject }): bên cấp và chủ thể là một
ev-cert-ca-true = nó được đánh dấu là CA (basicConstraints CA:TRUE), và máy khách rustls/webpki từ chối dùng nó làm chứng chỉ máy chủ kể cả khi đã tin cậy
ev-cert-bad-signature = chữ ký của nó không khớp với khóa của bên cấp
ev-cert-chain-one = máy chủ chỉ gửi chứng chỉ của chính nó; bên cấp { $issuer } không phải chứng chỉ gốc đáng tin cậy
ev-cert-no-server-auth = mục đích sử dụng khóa mở rộng (extendedKeyUsage) không có serverAuth (máy chủ TLS)
ev-cert-rejected = chứng chỉ bị từ chối ({ $code })
ev-cert-no-san = chứng chỉ không liệt kê tên nào (subjectAltName); máy khách bỏ qua chủ thể { $subject }
ev-tls-old-version = máy chủ trả lời ClientHello TLS 1.2/1.3 bằng { $version }
ev-tls-version-refused = máy chủ từ chối TLS 1.2 và 1.3 (cảnh báo protocol_version)
ev-tls-alert = máy chủ kết thúc bắt tay bằng cảnh báo { $alert }
ev-tls-client-cert-asked = máy chủ yêu cầu chứng chỉ máy khách (CertificateRequest) và ngắt kết nối khi không nhận được
ev-tls-unrecognized-name = máy chủ không biết tên { $host } được gửi trong SNI (cảnh báo unrecognized_name)
ev-tls-error = { $error }
ev-token-mismatch = mong đợi token { $expected } của conndoctor serve của bạn, nhưng nhận được { $got }
ev-ns-answer = nameserver { $server } trả lời { $addrs } (CNAME { $cnames }, TTL { $ttl } giây)
ev-ns-nxdomain = nameserver { $server } cho biết tên miền không tồn tại (NXDOMAIN)
ev-ns-nodata = nameserver { $server } biết tên miền này nhưng không có bản ghi A/AAAA cho nó
ev-ns-failure = nameserver { $server } gặp lỗi: { $rcode }
ev-ns-timeout = nameserver { $server } không trả lời trong { $ms } ms
ev-no-nameservers = /etc/resolv.conf không khai báo nameserver nào
ev-hosts-entry = file hosts ánh xạ tên này tới { $addrs }
ev-expected-ip = bạn mong đợi { $expected }; trình phân giải của hệ thống trả về { $addrs }
ev-fake-ip = { $addr } nằm trong 198.18.0.0/15, dải mà các phần mềm proxy dùng cho DNS fake-IP
ev-tun-route = tuyến tới máy chủ đi qua giao diện tunnel { $iface } (phần mềm proxy hoặc VPN)
ev-proxy-env = đã đặt { $var } = { $value }: các máy khách tuân theo biến này sẽ kết nối qua proxy đó
ev-proxy-direct = conndoctor đã kết nối trực tiếp, không qua proxy
ev-cdn-range = { $addr } nằm trong dải { $range } mà { $cdn } công bố (danh sách ngày { $date })
ev-cdn-ports = cổng { $port } không có trong danh sách các cổng mà CDN chuyển tiếp
ev-path-last-hop = SYN đi được tới hop { $ttl } ({ $addr }); sau đó không có gì trả lời
ev-path-no-hop = ngay cả router đầu tiên cũng không trả lời các gói SYN giới hạn TTL
ev-path-on-link = máy chủ nằm ngay trong mạng của máy này, không qua router nào, nhưng không trả lời gì cả
ev-path-target-answers = host của máy chủ trả lời ở hop { $ttl } ({ $addr })
ev-errno = connect() thất bại với errno { $errno }: { $message }

## Batch

batch-summary = đã kiểm tra { $total } đích trong { $secs } giây, { $failed } đích lỗi
batch-by-symptom = theo triệu chứng:
batch-by-cause = theo nguyên nhân đầu tiên:
batch-slowest = chậm nhất:
batch-interrupted = đã dừng do { $signal }: đã kiểm tra { $done } trên { $total } mục tiêu (mọi kết quả in ở trên đều đầy đủ)
## Serve

serve-listening = đang phục vụ { $scheme } trên { $addr } · token { $token }
serve-reachable = truy cập qua { $url }
serve-loopback-warning = chỉ lắng nghe trên { $addr }: các máy khác không kết nối được. Dùng 0.0.0.0:{ $port } (hoặc [::]:{ $port }) để nhận kết nối từ các máy đó.
serve-check-hint = từ máy khách: { $cmd }
serve-stop-hint = Nhấn Ctrl-C để dừng.
serve-stopped = đã dừng.
serve-not-local = { $addr } không phải là địa chỉ của máy này (trên cloud, IP public thường đi qua NAT và không gắn với giao diện mạng nào): hãy lắng nghe trên 0.0.0.0:{ $port } hoặc trên địa chỉ nội bộ (addr-not-avail.bind-not-local)
serve-in-use = cổng { $port } đang được một chương trình khác sử dụng (ss -ltnp | grep :{ $port } cho biết chương trình nào)
serve-permission = các cổng dưới 1024 cần quyền root hoặc CAP_NET_BIND_SERVICE: { $detail }
serve-needs-address = địa chỉ lắng nghe phải là IP (0.0.0.0, [::], 127.0.0.1, ...) hoặc localhost: { $detail }
serve-failed = không khởi động được: { $detail }

## Demo

demo-title = demo conndoctor: máy chủ thật trên loopback, chẩn đoán thật
demo-scenario-open = Máy chủ WebSocket hoạt động bình thường (conndoctor serve), có kiểm tra token định danh
demo-scenario-closed = Cổng không có gì lắng nghe
demo-scenario-loopback = Máy chủ bind vào 127.0.0.1, truy cập qua 127.0.0.2
demo-scenario-queue = Máy chủ đã ngừng accept: hàng đợi accept đã đầy
demo-scenario-family = localhost phân giải ra cả IPv6 lẫn IPv4, còn máy chủ chỉ lắng nghe IPv4
demo-scenario-ws-http = Máy khách WebSocket kết nối tới máy chủ HTTP thông thường
demo-scenario-ws-text = Máy khách WebSocket kết nối tới máy chủ giao thức text
demo-scenario-tls-plain = Máy khách wss:// kết nối tới cổng WebSocket không mã hóa
demo-scenario-plain-tls = Máy khách ws:// kết nối tới cổng TLS
demo-scenario-path = Máy khách WebSocket yêu cầu một đường dẫn mà máy chủ không phục vụ
demo-scenario-origin = Máy chủ WebSocket từ chối Origin của trang
demo-scenario-wrong-ip = Tên miền trỏ tới một địa chỉ khác với địa chỉ bạn mong đợi (--expect-ip)
demo-command = lệnh: { $cmd }

## Global options, completions, manual page, argument errors
help-color = Khi nào tô màu đầu ra: auto (khi là terminal và không đặt NO_COLOR), always, never.
help-completions-about = In script tự hoàn thành cho shell (bash, zsh, fish, elvish, powershell) ra đầu ra chuẩn.
help-man-about = In trang hướng dẫn (roff) ra đầu ra chuẩn, ví dụ conndoctor man | man -l -
help-completions-shell = Shell cần tạo script tự hoàn thành.
help-exporter-listen = Địa chỉ phục vụ HTTP (cổng 0: một cổng trống bất kỳ, được in ra khi khởi động).
help-exporter-config = Cấu hình YAML: module, danh sách cho phép, giới hạn. Nếu không có: các module dựng sẵn tcp, http, https, ws, wss và chỉ các đích loopback.
help-exporter-check-config = Kiểm tra cấu hình rồi thoát (0 hợp lệ, 2 không hợp lệ).
clap-unknown-argument = tham số không mong đợi '{ $arg }'
clap-invalid-subcommand = lệnh con không xác định '{ $arg }'
clap-invalid-value = giá trị '{ $value }' không hợp lệ cho '{ $arg }'
clap-missing-value = '{ $arg }' cần một giá trị
clap-missing-required = thiếu các tham số bắt buộc: { $args }
clap-conflict = không thể dùng '{ $arg }' cùng với '{ $other }'
clap-missing-subcommand = cần chỉ định một lệnh con
clap-other = tham số không hợp lệ: { $detail }
clap-possible-values = các giá trị có thể dùng: { $values }
clap-tip-subcommand = có phải ý bạn là '{ $name }'?
clap-tip-argument = có phải ý bạn là '{ $name }'?
clap-tip-value = có phải ý bạn là '{ $name }'?
clap-more-info = Để biết thêm, hãy chạy '--help'.

## serve: WebSocket subprotocols
help-serve-subprotocol = WebSocket: subprotocol được cung cấp (lặp lại được); chọn cái đầu tiên mà client yêu cầu.
input-bad-subprotocol = "{ $detail }" không phải tên subprotocol hợp lệ (chỉ gồm chữ cái, chữ số và !#$%&'*+-.^_`|~)
