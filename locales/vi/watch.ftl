# conndoctor audit --watch: xem trên máy chủ các gói SYN của client dừng ở đâu.

## Options and input

help-audit-watch = Theo dõi các gói SYN đến PORT tại các giao diện mạng và cho biết chúng dừng ở đâu: trước máy này, tại một luật tường lửa, hay tại chương trình lắng nghe (cần root).
help-audit-duration = Thời gian chạy --watch, ví dụ 30s, 2m [mặc định: 60s]; Ctrl-C để dừng sớm hơn.
watch-input-bad-port = { $detail } không phải là cổng hợp lệ cho --watch (1-65535)
watch-input-two-ports = { $detail } và --watch { $port } chỉ hai cổng khác nhau
watch-input-bad-duration = { $detail } không phải là thời lượng hợp lệ cho --duration (ví dụ 30s, 2m; tối đa 1h)
watch-error-denied = theo dõi gói tin cần quyền root (CAP_NET_RAW): { $detail }
watch-error-capture = không mở được socket gói tin: { $detail }

## While it runs

watch-ready = đang theo dõi cổng TCP { $port } trên mọi giao diện trong { $secs } giây; hãy cho client kết nối ngay bây giờ (Ctrl-C để dừng)
watch-ready-from = đang theo dõi các gói SYN từ { $client } đến cổng TCP { $port } trong { $secs } giây; hãy cho client kết nối ngay bây giờ (Ctrl-C để dừng)

## The report

watch-title = Cổng TCP { $port } · đã theo dõi { $secs } giây
watch-no-client = không có client
watch-row = SYN đến: { $syns } ({ $iface }; cổng nguồn { $ports }) · SYN-ACK đi: { $synacks } · RST đi: { $resets }
watch-row-none = không có gói SYN nào đến
watch-verdict-never-arrived = gói tin chưa bao giờ đến máy này → security group của cloud, tường lửa của nhà cung cấp hoặc một router phía trước
watch-verdict-dropped-local = đã đến card mạng, bị một luật cục bộ trong { $chain } loại bỏ
watch-verdict-panel-firewall = đã đến card mạng, bị { $panel } ({ $chain }) loại bỏ
watch-verdict-no-listener = đã đến máy này, nhưng không có gì lắng nghe cổng { $port }
watch-verdict-queue-full = đã đến chương trình lắng nghe, nhưng nó không nhận kết nối: hàng đợi đã đầy
watch-verdict-asymmetric-route = đã đến chương trình lắng nghe; phản hồi đi ra theo đường khác ({ $out })
watch-verdict-not-answered = đã đến máy này, nhưng không có phản hồi nào đi ra
watch-verdict-reply-lost = đã đến chương trình lắng nghe, SYN-ACK đã đi ra qua { $iface }, nhưng không bao giờ đến được client
watch-verdict-accepted = đã đến chương trình lắng nghe, và SYN-ACK đã được gửi đi

## Evidence

watch-ev-none-from = trong { $secs } giây, không có gói SYN nào từ { $client } đến cổng { $port } tới bất kỳ giao diện nào
watch-ev-none = trong { $secs } giây, không có gói SYN nào đến cổng { $port } tới bất kỳ giao diện nào
watch-ev-others = có gói SYN đến từ địa chỉ khác ({ $count }): { $addrs }. Nếu client ở sau NAT, địa chỉ của nó là một trong số này: hãy theo dõi lại với --from đó
watch-ev-before-host = việc theo dõi thấy gói tin tại giao diện, trước mọi tường lửa của máy này: gói nào không xuất hiện ở đây đã bị loại bỏ trên đường đi
watch-ev-syns = { $count } gói SYN từ { $client } đến { $dst } đã tới { $iface } (cổng nguồn { $ports })
watch-ev-syn-ack = { $count } gói SYN-ACK đi ra qua { $iface }
watch-ev-syn-ack-elsewhere = { $count } gói SYN-ACK đi ra qua { $out }, trong khi SYN đi vào qua { $in }
watch-ev-retried = client gửi lại cùng gói SYN sau SYN-ACK ({ $count } lần): phản hồi không đến được nó
watch-ev-rule = { $source } { $chain } luật { $position } ({ $verdict }): { $text }
watch-ev-policy = { $source } { $chain }: chính sách drop của chain đã loại bỏ chúng (không luật nào cho phép cổng này)
watch-ev-counter = bộ đếm gói của luật tăng { $count } trong lúc theo dõi
watch-ev-no-counter = luật này không có bộ đếm; chính việc đánh giá bộ luật chỉ ra nó
watch-ev-reject-with = nó trả lời bằng { $with }
watch-ev-manager = chain này thuộc về { $panel }
watch-ev-panel = các panel trên máy này: { $panels }
watch-ev-no-listener = không có socket nào lắng nghe { $addr } (đang lắng nghe trên cổng này: { $bound })
watch-ev-resets = { $count } gói RST được gửi đi để trả lời
watch-ev-queue = hàng đợi accept của { $addr } đạt { $queue } với backlog { $backlog }
watch-ev-overflows = ListenOverflows tăng { $count } trong lúc theo dõi: kernel đã loại bỏ SYN vì hàng đợi đầy
watch-ev-rp-filter = lọc đường ngược nghiêm ngặt (rp_filter = 1) đang bật trên { $iface }: gói SYN mà phản hồi sẽ đi ra qua giao diện khác bị loại bỏ
watch-ev-firewall-unread = không đọc được các luật tường lửa (hãy chạy bằng root)

## Causes

cause-watch-never-arrived = Không có gói SYN nào đến cổng { $port } tới được máy này: chúng bị loại bỏ trước đó
fix-watch-never-arrived = Mở TCP { $port } ở nơi lọc gói tin trước máy này: security group của cloud (luật inbound cho TCP { $port } từ địa chỉ của client), tường lửa mạng của nhà cung cấp hoặc của panel hosting, hoặc chuyển tiếp cổng trên router/NAT phía trước. Kiểm tra cả việc client kết nối đến địa chỉ công khai của máy này.
cause-watch-dropped-local = Các gói SYN từ { $client } đã đến máy này và bị một luật tường lửa cục bộ trong { $chain } loại bỏ
fix-watch-dropped-local = Cho phép TCP { $port } trước luật đó trong { $chain } (hoặc xóa luật), rồi cho client thử lại.
cause-watch-panel-firewall = Các gói SYN từ { $client } bị các luật của { $panel } ({ $chain }) loại bỏ
fix-watch-panel-firewall = Mở TCP { $port } ngay trong { $panel } (ufw allow { $port }/tcp; firewall-cmd --permanent --add-port={ $port }/tcp và firewall-cmd --reload; TCP_IN trong /etc/csf/csf.conf với csf), hoặc trong panel điều khiển nó: luật thêm bằng tay sẽ bị ghi đè khi nó nạp lại các chain.
cause-watch-no-listener = Các gói SYN từ { $client } đã qua tường lửa, nhưng không có gì lắng nghe cổng { $port }
fix-watch-no-listener = Khởi động máy chủ trên cổng { $port }, lắng nghe 0.0.0.0 (hoặc [::]) hoặc địa chỉ mà client kết nối; kiểm tra bằng ss -ltnp | grep :{ $port }.
cause-watch-queue-full = Các gói SYN từ { $client } đã đến chương trình lắng nghe, nhưng hàng đợi accept của nó đã đầy
fix-watch-queue-full = Chương trình nhận kết nối chậm hơn tốc độ chúng đến: kiểm tra xem nó có bị treo hay quá tải không, và tăng listen backlog của nó (và net.core.somaxconn).
cause-watch-asymmetric-route = Phản hồi cho { $client } đi ra qua { $out }, không phải qua { $in } nơi SYN đi vào
fix-watch-asymmetric-route = Làm cho phản hồi đi ra qua { $in }: sửa tuyến đến { $client } (ip route get { $client }), hoặc thêm một luật định tuyến theo chính sách cho địa chỉ của máy này trên { $in }.
cause-watch-not-answered = Các gói SYN từ { $client } đã đến, nhưng không có phản hồi nào đi ra
fix-watch-not-answered = Kiểm tra lọc đường ngược (sysctl net.ipv4.conf.all.rp_filter), các chương trình tc hoặc XDP trên giao diện và nhật ký kernel, rồi theo dõi lại.
cause-watch-reply-lost = Máy này đã trả lời { $client } qua { $iface }, nhưng phản hồi không đến được nó
fix-watch-reply-lost = Hãy tìm trên đường về: tường lửa, security group hoặc NAT giữa máy này và { $client } loại bỏ gói tin từ cổng TCP { $port } (luật outbound, thiết bị có trạng thái không thấy SYN), hoặc một tuyến đưa chúng đi nơi khác sau { $iface }.
cause-watch-accepted = Máy này đã trả lời { $client }: SYN-ACK đã được gửi đi
fix-watch-accepted = Không cần thay đổi gì trên máy này. Nếu client vẫn lỗi, phản hồi bị mất trên đường về (tường lửa có trạng thái hoặc NAT ở giữa), hoặc lỗi xảy ra sau bắt tay.

## On the client

check-watch-hint = để xem gói tin dừng ở đâu, hãy chạy trên máy chủ: { $cmd }
check-watch-ports = rồi kết nối lại; các cổng nguồn của bạn (mã đối chiếu) là: { $ports }
