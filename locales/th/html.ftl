# The HTML report (check --html): page texts, the steps of the path and their states.

## page
html-title = รายงาน conndoctor
html-title-target = conndoctor: { $target }
html-generated = สร้างโดย conndoctor { $version } หน้านี้ไม่โหลดสิ่งใดจากเครือข่าย
html-batch-summary = ตรวจ { $total } เป้าหมาย ล้มเหลว { $failed }
html-contents = เป้าหมาย
html-path = เส้นทางจากไคลเอนต์ไปยังเซิร์ฟเวอร์

## steps of the path
html-step-client = ไคลเอนต์เครื่องนี้
html-step-dns = DNS
html-step-proxy = พร็อกซี / CDN
html-step-network = เส้นทางเครือข่าย
html-step-firewall = ไฟร์วอลล์ของเซิร์ฟเวอร์
html-step-listener = พอร์ตที่รอรับ
html-step-protocol = โปรโตคอล

## step states
html-state-ok = ผ่าน
html-state-fail = ล้มเหลวที่นี่
html-state-warn = คำเตือน
html-state-skip = ไปไม่ถึง
html-state-off = ไม่ได้ตรวจ

## sections
html-fails-at = ล้มเหลวที่: { $step }
html-works = ทุกขั้นของเส้นทางทำงานได้
html-seen = สิ่งที่พบ
html-step-empty = ไม่มีข้อมูลในขั้นนี้
html-cause-step = ขั้น: { $step }
check-cdn = CDN

## command line
help-html = เขียนรายงานเป็นหน้า HTML ไฟล์เดียวที่สมบูรณ์ในตัวลงใน FILE ด้วย ("-": เอาต์พุตมาตรฐาน แทนรายงานข้อความ)
input-bad-html = เขียนรายงาน HTML ไม่ได้: { $detail }
