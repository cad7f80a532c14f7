# conndoctor explain — Vietnamese (vi). Same ids and variables as locales/en/explain.ftl.
# Placeables hold hosts, ports, URLs, commands and error strings; they stay untranslated.

## Report

explain-title = conndoctor explain
explain-label-symptom = Triệu chứng
explain-label-message = Nhận diện
explain-label-also = Cũng khớp
explain-label-says = Thông điệp cho biết
explain-label-line = Dòng
explain-label-causes = Nguyên nhân có thể
explain-label-notes = Nên biết
explain-label-next = Bước tiếp theo
explain-family = { $source } [{ $id }]
explain-unknown = không phải thông điệp mà conndoctor biết ({ $count } họ thông điệp đã biết)
explain-unknown-hint = Chỉ từ đoạn văn bản này, conndoctor không thể biết điều gì đã xảy ra. Nếu nó liên quan đến kết nối, hãy chạy lệnh kiểm tra bên dưới: lệnh này xem xét chính mạng thay vì câu chữ.
explain-says-nothing = không có host, cổng, URL hay mã lỗi nào
explain-field-url = URL { $value }
explain-field-host = host { $value }
explain-field-port = cổng { $value }
explain-field-status = mã trạng thái HTTP { $value }
explain-field-errno = lỗi { $value }
explain-ev-said = { $source } đã in ra: { $excerpt }
explain-value-unknown = không rõ

## Symptoms, as read from the message

explain-symptom-ok = kết nối thành công
explain-symptom-refused = kết nối bị từ chối: máy chủ có phản hồi, nhưng không có gì nhận kết nối trên cổng đó
explain-symptom-timeout = hết thời gian chờ kết nối: hoàn toàn không có phản hồi
explain-symptom-unreachable = không tới được máy chủ: không có tuyến nào tới nó
explain-symptom-addr-not-avail = máy khách không lấy được địa chỉ hoặc cổng cục bộ cho kết nối
explain-symptom-dns = không phân giải được tên máy thành địa chỉ
explain-symptom-reset = kết nối đã được thiết lập, rồi bị reset hoặc đóng trước khi bắt tay xong
explain-symptom-mismatch = kết nối đã được thiết lập, nhưng máy chủ dùng giao thức khác với giao thức máy khách mong đợi
explain-symptom-tls = kết nối đã được thiết lập, nhưng bắt tay TLS hoặc kiểm tra chứng chỉ thất bại
explain-symptom-local = máy khách này đã cạn một loại tài nguyên; lỗi không nằm ở máy chủ
explain-symptom-none = thông điệp không cho biết kết nối thất bại theo cách nào

## Next step

explain-next-run = Chạy lệnh này trên máy đang chạy chương trình khách:
explain-next-incomplete = Thông điệp không nêu đầy đủ đích; hãy điền phần còn thiếu rồi chạy:
explain-next-check-flag = (hoặc thêm --check để chạy ngay)
explain-running = Đang chạy { $cmd } …

## Notes

explain-note-status-200 = Máy chủ trả lời yêu cầu upgrade WebSocket bằng một trang bình thường (200). Hoặc URL này do một web server thông thường hay một route của ứng dụng xử lý, hoặc reverse proxy phía trước không chuyển tiếp các header Upgrade và Connection.
explain-note-status-400 = 400 cho yêu cầu upgrade thường đến từ một máy chủ không phải WebSocket trên đường dẫn này, hoặc từ một proxy đã bỏ mất header Upgrade.
explain-note-status-401 = 401 nghĩa là đã tới được máy chủ WebSocket và nó yêu cầu thông tin xác thực (token, cookie hoặc header). Mạng không có vấn đề; hãy kiểm tra thông tin xác thực mà máy khách gửi.
explain-note-status-403 = 403 cho yêu cầu upgrade thường là do kiểm tra Origin: máy chủ chỉ chấp nhận trang từ một số origin nhất định. Hãy cho phép origin của trang trên máy chủ, hoặc kiểm tra thông tin xác thực mà máy khách gửi.
explain-note-status-404 = 404 nghĩa là một máy chủ HTTP đã trả lời nhưng không có gì ở đường dẫn này: hãy so sánh đường dẫn trong URL của máy khách với đường dẫn mà máy chủ (hoặc khối location của proxy) phục vụ WebSocket.
explain-note-status-426 = 426 Upgrade Required: máy chủ muốn upgrade lên WebSocket nhưng không nhận được yêu cầu upgrade, thường là do proxy đã xóa header Upgrade.
explain-note-status-429 = 429 nghĩa là máy chủ đang giới hạn tần suất (rate limit) với máy khách này. Bản thân kết nối vẫn hoạt động; hãy thử lại sau hoặc giảm tần suất.
explain-note-status-500 = 500 nghĩa là chính mã nguồn của máy chủ bị lỗi khi xử lý yêu cầu upgrade: hãy xem log của máy chủ. Mạng không có vấn đề.
explain-note-status-502 = Mã { $status } đến từ reverse proxy hoặc bộ cân bằng tải: nó không dùng được ứng dụng phía sau (ứng dụng không chạy, sai cổng upstream), hoặc nó không chuyển tiếp yêu cầu upgrade WebSocket.
explain-note-invalid-http-response = Máy chủ trả lời yêu cầu WebSocket bằng dữ liệu không phải HTTP: cổng này thuộc về một máy chủ dùng giao thức khác (TCP thô hoặc giao thức văn bản như text:// của Workerman, cơ sở dữ liệu, SSH) hoặc yêu cầu TLS.
explain-note-closed-before-handshake = Máy chủ đã chấp nhận kết nối TCP rồi đóng nó mà không trả lời yêu cầu upgrade: nó dùng giao thức khác, yêu cầu TLS (hãy dùng wss://), hoặc đã từ chối máy khách (giới hạn kết nối, lọc IP).
explain-note-bad-handshake = gorilla/websocket chỉ in ra "bad handshake"; mã trạng thái HTTP mà máy chủ gửi (thường ở dòng ngay trước) mới cho biết nguyên nhân nào đúng.
explain-note-mixed-content = Trình duyệt đã chặn kết nối trước khi nó bắt đầu: trang được tải qua https:// chỉ được mở WebSocket wss://. Hãy phục vụ WebSocket qua TLS (wss://, ví dụ qua chính nginx đang phục vụ trang) và dùng URL đó.
explain-note-tls-to-plain = Máy khách bắt đầu TLS (wss:// hoặc https://) còn máy chủ trả lời bằng dữ liệu không mã hóa: cổng này không dùng TLS. Hãy dùng ws:// hoặc http://, hoặc đặt TLS phía trước máy chủ (nginx, hoặc cấu hình chứng chỉ ngay trong máy chủ).
explain-note-plain-to-tls = Máy khách giao tiếp không mã hóa (ws:// hoặc http://) với một cổng yêu cầu TLS: hãy dùng wss:// hoặc https:// cho cổng này.
explain-note-http09 = Phản hồi không bắt đầu bằng dòng trạng thái HTTP: cổng này dùng giao thức khác, hoặc dùng TLS (hãy thử https://).
explain-note-generic-browser = Trình duyệt in ra thông điệp này cho mọi kiểu lỗi (bị từ chối, hết thời gian chờ, phản hồi sai) và giấu nguyên nhân vì lý do bảo mật. Lệnh kiểm tra bên dưới sẽ tìm ra đó là trường hợp nào.
explain-note-generic-client = Trình khách này in cùng một thông điệp cho mọi kiểu lỗi (bị từ chối, hết thời gian chờ, không phân giải được tên, phản hồi sai) mà không nói là kiểu nào. Lệnh kiểm tra bên dưới sẽ tìm ra đó là trường hợp nào.
explain-note-interrupted = Firefox in ra thông điệp này khi rời trang hoặc tải lại trang trong lúc WebSocket vẫn đang kết nối; nếu chỉ có thông điệp này thì không có hại gì.
explain-note-proxy = Trình duyệt được cấu hình dùng proxy, và proxy đó gặp lỗi. Hãy kiểm tra cài đặt proxy của trình duyệt hoặc hệ thống (và các phần mềm proxy như Clash hay V2Ray) trước khi kiểm tra máy chủ.
explain-note-connect-0000 = 0.0.0.0 là địa chỉ để máy chủ lắng nghe ("mọi giao diện"), không phải địa chỉ để máy khách kết nối tới. Hãy kết nối tới địa chỉ thật của máy chủ, hoặc tới 127.0.0.1 nếu trên cùng một máy.
explain-note-ipv6-loopback = Máy khách đã thử địa chỉ loopback IPv6 ::1 (trên nhiều hệ thống, "localhost" được phân giải ra địa chỉ này trước). Máy chủ chỉ lắng nghe trên 127.0.0.1 thì không tới được qua địa chỉ đó: hãy dùng 127.0.0.1 ở máy khách, hoặc cho máy chủ lắng nghe trên cả hai.
explain-note-private-address = { $host } là địa chỉ riêng (mạng nội bộ): chỉ có thể tới được từ bên trong cùng mạng đó hoặc qua VPN.
explain-note-ipv6-unreachable = Đích là một địa chỉ IPv6 nhưng máy khách này không có tuyến IPv6: mạng không có IPv6, vì vậy hãy dùng địa chỉ IPv4 của máy chủ.
explain-note-fake-ip = { $host } nằm trong 198.18.0.0/15, dải mà các phần mềm proxy (Clash, Surge và tương tự) dùng cho các phản hồi DNS giả (fake IP): kết nối đi tới proxy chứ không tới máy chủ.
explain-note-host-is-url = Tên máy chứa "://" hoặc "/": đã nhập cả một URL vào chỗ chỉ cần tên máy.
explain-note-ehostunreach = "No route to host" cũng là kết quả của quy tắc tường lửa "reject with icmp-host-prohibited" (mặc định của firewalld và nhiều cấu hình iptables), vì vậy hãy kiểm tra cả tường lửa của máy chủ lẫn tuyến đường.
explain-note-fast-failure = Lần thử thất bại chỉ trong một phần giây: máy chủ đã trả lời bằng lời từ chối, đúng như cách một cổng đóng hoặc một tường lửa reject phản ứng.
explain-note-connect-call-failed = asyncio chỉ in ra "Connect call failed"; nếu không có mã lỗi nào khác thì gần như chắc chắn đây là kết nối bị từ chối.
explain-note-server-side = Đây là máy chủ không khởi động được, không phải máy khách không kết nối được: nó bind vào một địa chỉ mà máy này không có (trên máy chủ cloud, IP public thường không nằm trên máy). Hãy bind vào 0.0.0.0.
explain-note-address-in-use = Đây là máy chủ không khởi động được: một tiến trình khác đã lắng nghe trên cổng này (thường là một bản cũ của chính máy chủ đó). Hãy dừng nó hoặc chọn cổng khác (ss -ltnp cho biết tiến trình nào đang giữ cổng).

## Input errors

explain-input-empty = chưa có thông điệp nào: hãy truyền nội dung lỗi làm đối số (trong dấu nháy), hoặc đưa nó vào qua đầu vào chuẩn (stdin)
explain-input-unreadable = không đọc được đầu vào chuẩn: { $detail }
explain-input-truncated = Thông điệp dài hơn { $max } byte; chỉ phần đầu được đọc.
explain-input-example = ví dụ: conndoctor explain "connect ECONNREFUSED 127.0.0.1:8282" · my-client 2>&1 | conndoctor explain
explain-check-needs-target = --check cần một đích đầy đủ, nhưng thông điệp không nêu: hãy tự chạy conndoctor check với địa chỉ và cổng
