# conndoctor exporter — thông báo tiếng Việt (cùng id với locales/en/exporter.ftl).
# Địa chỉ, tên tệp, tên module, dải mạng và ví dụ trong placeholder được giữ nguyên, không dịch.
# Tên metric và văn bản HELP không nằm ở đây: giữ tiếng Anh theo quy ước của Prometheus.

## Exporter: start-up and signals

exporter-started-builtin = conndoctor exporter đang lắng nghe tại http://{ $addr } — module có sẵn { $modules }; mục tiêu được phép: chỉ loopback ({ $cidrs }), vì không có --config
exporter-started-file = conndoctor exporter đang lắng nghe tại http://{ $addr } — module { $modules } từ { $file }
exporter-allow-loopback = mục tiêu được phép: chỉ loopback ({ $cidrs }), mọi cổng; thêm mục "allow:" vào cấu hình để kiểm tra các máy khác
exporter-allow-list = mục tiêu được phép: máy { $hosts }; dải mạng { $cidrs }; cổng { $ports }
exporter-allow-any-port = mọi cổng
exporter-allow-none = không có
exporter-denied-ranges = không bao giờ kiểm tra nếu không được liệt kê rõ trong allow.cidrs: { $ranges } (địa chỉ link-local và địa chỉ metadata của đám mây)
exporter-limits = tối đa { $probes } lần kiểm tra cùng lúc; hạn chót của mỗi lần kiểm tra: timeout của module, hoặc timeout của lần scrape trừ { $offset } giây nếu ngắn hơn
exporter-public-warning = { $addr } có thể truy cập từ máy khác: ai truy cập được đều có thể khiến máy này kiểm tra các mục tiêu được phép
exporter-usage = thử: curl 'http://{ $addr }/probe?target=127.0.0.1:22&module=tcp' · báo cáo đầy đủ: thêm &debug=true · SIGHUP nạp lại cấu hình, Ctrl+C để dừng
exporter-reloaded = đã nạp lại cấu hình từ { $file }: module { $modules }
exporter-reload-failed = không nạp lại cấu hình, vẫn dùng cấu hình đang chạy: { $detail }
exporter-reload-no-file = đã nhận SIGHUP nhưng không có tệp --config để nạp lại
exporter-stopped = exporter đã dừng
exporter-config-ok = { $file }: cấu hình hợp lệ; module { $modules }
exporter-listen-bad = "{ $detail }" không phải địa chỉ để lắng nghe (ví dụ: 127.0.0.1:9115, [::1]:9115, localhost:0)
exporter-listen-failed = không thể lắng nghe tại { $addr }: { $detail }

## Exporter: configuration errors

exporter-config-read = { $file }: không đọc được cấu hình: { $detail }
exporter-config-syntax = { $file }: cấu hình không hợp lệ: { $detail }
exporter-config-no-modules = { $file }: chưa định nghĩa module nào; hãy thêm ít nhất một module dưới "modules:" (ví dụ tcp: {"{"} prober: tcp {"}"})
exporter-config-module-name = { $file }: "{ $module }" không phải tên module hợp lệ (chữ cái, chữ số, "_" và "-", tối đa 64)
exporter-config-prober = { $file }: module "{ $module }": loại kiểm tra "{ $value }" không xác định (có: tcp, text, http, https, ws, wss)
exporter-config-timeout = { $file }: module "{ $module }": "{ $value }" không phải timeout hợp lệ (ví dụ: 5s, 500ms, 1.5; lớn hơn 0, tối đa 1 giờ)
exporter-config-not-for-prober = { $file }: module "{ $module }": "{ $field }" không có ý nghĩa với loại kiểm tra { $prober }
exporter-config-path = { $file }: module "{ $module }": đường dẫn "{ $value }" phải bắt đầu bằng "/" và không chứa dấu cách, ký tự điều khiển hay "#"
exporter-config-bad-value = { $file }: module "{ $module }": { $field } "{ $value }" rỗng hoặc chứa xuống dòng hay ký tự điều khiển
exporter-config-header = { $file }: module "{ $module }": "{ $value }" không phải header hợp lệ (tên gồm chữ cái, chữ số và !#$%&'*+-.^_`|~, giá trị trên một dòng)
exporter-config-too-many-headers = { $file }: module "{ $module }": nhiều hơn { $max } header
exporter-config-host = { $file }: allow.hosts: "{ $value }" không phải tên máy hay mẫu dạng "*.example.com"
exporter-config-cidr = { $file }: allow.cidrs: "{ $value }" không phải địa chỉ hay dải mạng (ví dụ: 10.0.0.0/8, 192.0.2.7, 2001:db8::/32)
exporter-config-port = { $file }: allow.ports: "{ $value }" không phải cổng hay dải cổng (ví dụ: 443, "8000-8999")
exporter-config-allow-empty = { $file }: "allow:" không liệt kê máy hay dải mạng nào, nên mọi lần kiểm tra đều sẽ bị từ chối
exporter-config-limit = { $file }: limits.{ $field }: "{ $value }" phải là số nguyên từ 1 đến { $max }
exporter-config-offset = { $file }: limits.scrape_timeout_offset: "{ $value }" không phải khoảng thời gian từ 0 đến 60 giây (ví dụ: 0.5s, 500ms, 0)
exporter-config-side-probes = { $file }: module "{ $module }": side_probes kết nối tới các cổng { $ports }, nhưng allow.ports không cho phép tất cả; hãy thêm các cổng đó hoặc tắt side_probes

## Exporter: refused requests

exporter-refused-method = chỉ phục vụ GET
exporter-refused-uri = URI của yêu cầu dài hơn { $limit } byte
exporter-refused-body = yêu cầu gửi tới exporter không được có phần thân
exporter-refused-query = chuỗi truy vấn sai định dạng (mã %-escape sai, không phải UTF-8, tham số bị lặp hoặc quá nhiều tham số)
exporter-refused-no-target = thiếu tham số "target" (ví dụ: /probe?target=127.0.0.1:8080&module=tcp)
exporter-refused-module = module "{ $module }" không xác định (đã cấu hình: { $modules })
exporter-refused-timeout-header = X-Prometheus-Scrape-Timeout-Seconds "{ $value }" không phải số giây dương
exporter-refused-bad-target = mục tiêu "{ $target }" không hợp lệ: { $detail }
exporter-refused-scheme = mục tiêu { $target } dùng { $scheme }://, nhưng module "{ $module }" kiểm tra { $prober }
exporter-refused-port = mục tiêu { $target } không được phép: cổng { $port } không có trong danh sách cho phép
exporter-refused-host = mục tiêu { $target } không được phép: máy { $host } không có trong danh sách cho phép
exporter-refused-resolved = mục tiêu { $target } không được phép: { $host } không nằm trong danh sách máy, và không phân giải ra địa chỉ thuộc các dải mạng được phép
exporter-refused-address = mục tiêu { $target } không được phép: { $addr } nằm ngoài các dải mạng được phép
exporter-refused-denied = mục tiêu { $target } không được phép: đây là địa chỉ link-local hoặc địa chỉ metadata của đám mây ({ $range }); muốn kiểm tra thì hãy liệt kê rõ trong allow.cidrs
exporter-refused-unspecified = mục tiêu { $target } không được phép: { $addr } là địa chỉ không xác định, thực chất sẽ kết nối tới chính máy này
exporter-refused-busy = quá nhiều lần kiểm tra cùng lúc (giới hạn { $limit }); hãy thử lại sau
exporter-not-found = không tìm thấy: exporter chỉ phục vụ /probe, /metrics, /-/healthy, /-/ready và POST /-/reload
exporter-index = conndoctor exporter: /probe?target=…&module=… kiểm tra một mục tiêu (thêm &debug=true để xem báo cáo đầy đủ, &format=json để nhận JSON); /metrics hiển thị metric của chính exporter

## Exporter: debug output

exporter-debug-module = module { $module } (loại kiểm tra { $prober }), hạn chót { $seconds } giây
exporter-debug-unfinished = lần kiểm tra không kết thúc kịp trong hạn chót
exporter-debug-metrics = Các metric trả về cho lần kiểm tra này:

## Exporter: blackbox_exporter compatibility

exporter-refused-method-post = điểm cuối này cần yêu cầu POST
exporter-healthy = Khỏe mạnh
exporter-ready = Sẵn sàng
exporter-config-prober-unsupported = { $file }: module "{ $module }": conndoctor không có loại kiểm tra "{ $value }" của blackbox_exporter (có: tcp và http, cùng text, https, ws, wss)
exporter-config-unsupported = { $file }: module "{ $module }": conndoctor không hỗ trợ tùy chọn { $field } của blackbox_exporter; hãy xóa nó (README: "Những điểm chặt chẽ hơn blackbox_exporter")
exporter-config-unknown-field = { $file }: module "{ $module }": trường "{ $field }" không xác định trong { $block } (đã biết: { $known })
exporter-config-status = { $file }: module "{ $module }": valid_status_codes: "{ $value }" không phải mã trạng thái HTTP (100 đến 599)
exporter-config-http-version = { $file }: module "{ $module }": valid_http_versions liệt kê { $value }, nhưng conndoctor chỉ dùng HTTP/1.1; hãy thêm "HTTP/1.1"
exporter-config-method = { $file }: module "{ $module }": method "{ $value }": conndoctor chỉ kiểm tra bằng GET, để một lần scrape không bao giờ thay đổi gì trên đích
exporter-config-redirects = { $file }: module "{ $module }": conndoctor không đi theo chuyển hướng (chuyển hướng có thể dẫn tới đích mà danh sách cho phép từ chối); hãy xóa follow_redirects hoặc đặt no_follow_redirects: true
exporter-config-ip-protocol = { $file }: module "{ $module }": preferred_ip_protocol "{ $value }" phải là ip4 hoặc ip6
exporter-config-steps = { $file }: module "{ $module }": query_response có hơn { $max } bước
exporter-config-step = { $file }: module "{ $module }": mỗi bước query_response cần expect hoặc send
exporter-config-regex = { $file }: module "{ $module }": "{ $value }" không phải biểu thức chính quy hợp lệ (hoặc dài hơn 1024 ký tự)
exporter-config-send = { $file }: module "{ $module }": send "{ $value }" phải là một dòng, tối đa 1024 byte, không có tham chiếu ${"{"}…{"}"}
exporter-timeout-offset-bad = --timeout-offset "{ $value }" không phải số giây từ 0 đến 60 (ví dụ: 0.5)
