# The HTML report (check --html): page texts, the steps of the path and their states.

## page
html-title = Báo cáo conndoctor
html-title-target = conndoctor: { $target }
html-generated = Tạo bởi conndoctor { $version }. Trang này không tải gì từ mạng.
html-batch-summary = Đã kiểm tra { $total } mục tiêu, { $failed } lỗi
html-contents = Mục tiêu
html-path = Đường đi từ client đến máy chủ

## steps of the path
html-step-client = Client này
html-step-dns = DNS
html-step-proxy = Proxy / CDN
html-step-network = Đường mạng
html-step-firewall = Tường lửa máy chủ
html-step-listener = Cổng lắng nghe
html-step-protocol = Giao thức

## step states
html-state-ok = đạt
html-state-fail = lỗi ở đây
html-state-warn = cảnh báo
html-state-skip = chưa tới
html-state-off = không kiểm tra

## sections
html-fails-at = Lỗi tại: { $step }
html-works = Mọi bước trên đường đi đều hoạt động.
html-seen = Những gì đã thấy
html-step-empty = không có gì để hiển thị ở bước này
html-cause-step = bước: { $step }
check-cdn = CDN

## command line
help-html = Ghi thêm báo cáo thành một trang HTML độc lập vào FILE ("-": đầu ra chuẩn, thay cho báo cáo văn bản).
input-bad-html = không ghi được báo cáo HTML: { $detail }
