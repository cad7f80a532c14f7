# conndoctor explain — Thai (th). Same ids and variables as locales/en/explain.ftl.
# Placeables hold hosts, ports, URLs, commands and error strings; they stay untranslated.

## Report

explain-title = conndoctor explain
explain-label-symptom = อาการ
explain-label-message = ระบุได้ว่าเป็น
explain-label-also = ตรงกับอีก
explain-label-says = ข้อความระบุ
explain-label-line = บรรทัด
explain-label-causes = สาเหตุที่เป็นไปได้
explain-label-notes = ควรรู้
explain-label-next = ขั้นตอนถัดไป
explain-family = { $source } [{ $id }]
explain-unknown = ไม่ใช่ข้อความที่ conndoctor รู้จัก (รู้จักข้อความ { $count } กลุ่ม)
explain-unknown-hint = conndoctor บอกไม่ได้จากข้อความนี้ว่าเกิดอะไรขึ้น หากเกี่ยวกับการเชื่อมต่อ ให้รันการตรวจด้านล่าง ซึ่งจะตรวจที่เครือข่ายจริงแทนการดูถ้อยคำ
explain-says-nothing = ไม่มีโฮสต์ พอร์ต URL หรือรหัสข้อผิดพลาด
explain-field-url = URL { $value }
explain-field-host = โฮสต์ { $value }
explain-field-port = พอร์ต { $value }
explain-field-status = HTTP status { $value }
explain-field-errno = ข้อผิดพลาด { $value }
explain-ev-said = { $source } แสดงข้อความ: { $excerpt }
explain-value-unknown = ไม่ทราบ

## Symptoms, as read from the message

explain-symptom-ok = เชื่อมต่อสำเร็จ
explain-symptom-refused = การเชื่อมต่อถูกปฏิเสธ: เครื่องเซิร์ฟเวอร์ตอบกลับ แต่ไม่มีโปรแกรมใดรับการเชื่อมต่อที่พอร์ตนั้น
explain-symptom-timeout = การเชื่อมต่อหมดเวลา: ไม่มีการตอบกลับใด ๆ เลย
explain-symptom-unreachable = เข้าถึงเซิร์ฟเวอร์ไม่ได้: ไม่มีเส้นทางไปถึง
explain-symptom-addr-not-avail = ไคลเอนต์หาที่อยู่หรือพอร์ตภายในเครื่องสำหรับการเชื่อมต่อไม่ได้
explain-symptom-dns = แปลงชื่อโฮสต์เป็นที่อยู่ไม่ได้
explain-symptom-reset = เชื่อมต่อได้แล้ว แต่ถูก reset หรือปิดก่อน handshake จะเสร็จ
explain-symptom-mismatch = เชื่อมต่อได้แล้ว แต่เซิร์ฟเวอร์ใช้โปรโตคอลคนละแบบกับที่ไคลเอนต์คาดไว้
explain-symptom-tls = เชื่อมต่อได้แล้ว แต่ TLS handshake หรือการตรวจใบรับรองล้มเหลว
explain-symptom-local = ทรัพยากรบางอย่างของเครื่องไคลเอนต์นี้หมด ปัญหาไม่ได้อยู่ที่เซิร์ฟเวอร์
explain-symptom-none = ข้อความไม่ได้บอกว่าการเชื่อมต่อล้มเหลวอย่างไร

## Next step

explain-next-run = รันคำสั่งนี้บนเครื่องที่ไคลเอนต์ทำงานอยู่:
explain-next-incomplete = ข้อความไม่ได้ระบุปลายทางครบ ให้เติมส่วนที่ขาดแล้วรัน:
explain-next-check-flag = (หรือเพิ่ม --check เพื่อรันทันที)
explain-running = กำลังรัน { $cmd } …

## Notes

explain-note-status-200 = เซิร์ฟเวอร์ตอบคำขอ upgrade ของ WebSocket ด้วยหน้าเว็บธรรมดา (200) แปลว่า URL นี้ถูกจัดการโดยเว็บเซิร์ฟเวอร์ธรรมดาหรือ route ของแอปพลิเคชัน หรือ reverse proxy ด้านหน้าไม่ได้ส่งต่อ header Upgrade และ Connection
explain-note-status-400 = 400 สำหรับคำขอ upgrade มักมาจากเซิร์ฟเวอร์บน path นี้ที่ไม่ใช่ WebSocket หรือจาก proxy ที่ตัด header Upgrade ทิ้ง
explain-note-status-401 = 401 แปลว่าไปถึงเซิร์ฟเวอร์ WebSocket แล้ว และเซิร์ฟเวอร์ต้องการข้อมูลยืนยันตัวตน (token, cookie หรือ header) เครือข่ายไม่มีปัญหา ให้ตรวจข้อมูลยืนยันตัวตนที่ไคลเอนต์ส่งไป
explain-note-status-403 = 403 สำหรับคำขอ upgrade ส่วนใหญ่เกิดจากการตรวจ Origin: เซิร์ฟเวอร์รับเฉพาะหน้าเว็บจาก origin ที่กำหนด ให้อนุญาต origin ของหน้าเว็บบนเซิร์ฟเวอร์ หรือตรวจข้อมูลยืนยันตัวตนที่ไคลเอนต์ส่งไป
explain-note-status-404 = 404 แปลว่ามีเซิร์ฟเวอร์ HTTP ตอบ แต่ไม่มีอะไรอยู่ที่ path นี้ ให้เทียบ path ใน URL ของไคลเอนต์กับ path ที่เซิร์ฟเวอร์ (หรือ location block ของ proxy) ให้บริการ WebSocket
explain-note-status-426 = 426 Upgrade Required: เซิร์ฟเวอร์ต้องการ WebSocket upgrade แต่ไม่ได้รับคำขอ upgrade โดยทั่วไปเป็นเพราะ proxy ลบ header Upgrade ทิ้ง
explain-note-status-429 = 429 แปลว่าเซิร์ฟเวอร์กำลังจำกัดอัตรา (rate limit) ของไคลเอนต์นี้ การเชื่อมต่อเองไม่มีปัญหา ให้ลองใหม่ภายหลังหรือลดความถี่ลง
explain-note-status-500 = 500 แปลว่าโค้ดของเซิร์ฟเวอร์เองล้มเหลวขณะจัดการคำขอ upgrade ให้ดู log ของเซิร์ฟเวอร์ เครือข่ายไม่มีปัญหา
explain-note-status-502 = { $status } มาจาก reverse proxy หรือ load balancer: ใช้งานแอปพลิเคชันด้านหลังไม่ได้ (ไม่ได้รันอยู่ หรือพอร์ต upstream ผิด) หรือไม่ได้ส่งต่อ WebSocket upgrade
explain-note-invalid-http-response = เซิร์ฟเวอร์ตอบคำขอ WebSocket ด้วยข้อมูลที่ไม่ใช่ HTTP: พอร์ตนี้เป็นของเซิร์ฟเวอร์โปรโตคอลอื่น (TCP ดิบหรือโปรโตคอลข้อความอย่าง text:// ของ Workerman, ฐานข้อมูล, SSH) หรือต้องการ TLS
explain-note-closed-before-handshake = เซิร์ฟเวอร์รับการเชื่อมต่อ TCP แล้วปิดโดยไม่ตอบคำขอ upgrade: เซิร์ฟเวอร์ใช้โปรโตคอลอื่น ต้องการ TLS (ให้ใช้ wss://) หรือปฏิเสธไคลเอนต์ (จำกัดจำนวนการเชื่อมต่อ, กรอง IP)
explain-note-bad-handshake = gorilla/websocket แสดงเพียง "bad handshake" ส่วน HTTP status ที่เซิร์ฟเวอร์ส่งมา (มักอยู่ในบรรทัดก่อนหน้า) จะบอกได้ว่าเป็นสาเหตุใด
explain-note-mixed-content = เบราว์เซอร์บล็อกการเชื่อมต่อตั้งแต่ยังไม่เริ่ม: หน้าที่โหลดผ่าน https:// เปิด WebSocket ได้เฉพาะแบบ wss:// ให้บริการ WebSocket ผ่าน TLS (wss:// เช่นผ่าน nginx ตัวเดียวกับที่ให้บริการหน้าเว็บ) แล้วใช้ URL นั้น
explain-note-tls-to-plain = ไคลเอนต์เริ่ม TLS (wss:// หรือ https://) แต่เซิร์ฟเวอร์ตอบกลับแบบไม่เข้ารหัส: พอร์ตนี้ไม่รองรับ TLS ให้ใช้ ws:// หรือ http:// หรือวาง TLS ไว้หน้าเซิร์ฟเวอร์ (nginx หรือใส่ใบรับรองในตัวเซิร์ฟเวอร์เอง)
explain-note-plain-to-tls = ไคลเอนต์สื่อสารแบบไม่เข้ารหัส (ws:// หรือ http://) กับพอร์ตที่ต้องการ TLS: ให้ใช้ wss:// หรือ https:// กับพอร์ตนี้
explain-note-http09 = การตอบกลับไม่ได้ขึ้นต้นด้วยบรรทัดสถานะของ HTTP: พอร์ตนี้ใช้โปรโตคอลอื่น หรือใช้ TLS (ลอง https://)
explain-note-generic-browser = เบราว์เซอร์แสดงข้อความนี้กับความล้มเหลวทุกแบบ (ถูกปฏิเสธ หมดเวลา ตอบกลับผิด) และซ่อนสาเหตุไว้ด้วยเหตุผลด้านความปลอดภัย การตรวจด้านล่างจะหาให้ว่าเป็นแบบใด
explain-note-generic-client = ไคลเอนต์นี้แสดงข้อความเดียวกันกับความล้มเหลวทุกแบบ (ถูกปฏิเสธ หมดเวลา หาชื่อไม่พบ ตอบกลับผิด) โดยไม่บอกว่าเป็นแบบใด การตรวจด้านล่างจะหาให้ว่าเป็นแบบใด
explain-note-interrupted = Firefox แสดงข้อความนี้เมื่อออกจากหน้าหรือรีโหลดหน้าขณะที่ WebSocket ยังเชื่อมต่ออยู่ หากเกิดเพียงอย่างเดียวก็ไม่มีผลเสีย
explain-note-proxy = เบราว์เซอร์ถูกตั้งให้ใช้ proxy และ proxy นั้นล้มเหลว ให้ตรวจการตั้งค่า proxy ของเบราว์เซอร์หรือระบบ (รวมถึงโปรแกรม proxy อย่าง Clash หรือ V2Ray) ก่อนตรวจเซิร์ฟเวอร์
explain-note-connect-0000 = 0.0.0.0 เป็นที่อยู่ที่เซิร์ฟเวอร์ใช้ listen ("ทุกอินเทอร์เฟซ") ไม่ใช่ที่อยู่ที่ไคลเอนต์เชื่อมต่อได้ ให้เชื่อมต่อไปยังที่อยู่จริงของเซิร์ฟเวอร์ หรือ 127.0.0.1 หากอยู่บนเครื่องเดียวกัน
explain-note-ipv6-loopback = ไคลเอนต์พยายามใช้ที่อยู่ loopback ของ IPv6 คือ ::1 (ในหลายระบบ "localhost" จะถูกแปลงเป็นที่อยู่นี้ก่อน) เซิร์ฟเวอร์ที่ listen เฉพาะ 127.0.0.1 จะเข้าถึงทางนี้ไม่ได้ ให้ใช้ 127.0.0.1 ในไคลเอนต์ หรือให้เซิร์ฟเวอร์ listen ทั้งสองแบบ
explain-note-private-address = { $host } เป็นที่อยู่ส่วนตัว (เครือข่ายภายใน): เข้าถึงได้เฉพาะจากภายในเครือข่ายเดียวกันหรือผ่าน VPN
explain-note-ipv6-unreachable = ปลายทางเป็นที่อยู่ IPv6 แต่ไคลเอนต์นี้ไม่มีเส้นทาง IPv6: เครือข่ายไม่มี IPv6 จึงควรใช้ที่อยู่ IPv4 ของเซิร์ฟเวอร์
explain-note-fake-ip = { $host } อยู่ในช่วง 198.18.0.0/15 ซึ่งโปรแกรม proxy (Clash, Surge และโปรแกรมทำนองเดียวกัน) ใช้สำหรับคำตอบ DNS ปลอม (fake IP): การเชื่อมต่อจะไปที่ proxy ไม่ใช่เซิร์ฟเวอร์
explain-note-host-is-url = ชื่อโฮสต์มี "://" หรือ "/": ใส่ URL ทั้งหมดในช่องที่ควรมีเพียงชื่อโฮสต์
explain-note-ehostunreach = "No route to host" เกิดจากกฎไฟร์วอลล์ "reject with icmp-host-prohibited" ได้ด้วย (ค่าเริ่มต้นของ firewalld และการตั้งค่า iptables จำนวนมาก) จึงควรตรวจทั้งไฟร์วอลล์ของเซิร์ฟเวอร์และเส้นทาง
explain-note-fast-failure = ความพยายามเชื่อมต่อล้มเหลวภายในเสี้ยววินาที: เครื่องเซิร์ฟเวอร์ตอบกลับด้วยการปฏิเสธ ซึ่งเป็นพฤติกรรมของพอร์ตที่ปิดอยู่หรือไฟร์วอลล์ที่ reject
explain-note-connect-call-failed = asyncio แสดงเพียง "Connect call failed" หากไม่มีรหัสข้อผิดพลาดอื่น แทบทุกครั้งคือการเชื่อมต่อถูกปฏิเสธ
explain-note-server-side = นี่คือเซิร์ฟเวอร์เริ่มทำงานไม่ได้ ไม่ใช่ไคลเอนต์เชื่อมต่อไม่ได้: เซิร์ฟเวอร์ bind ที่อยู่ที่เครื่องนี้ไม่มี (บนคลาวด์ public IP มักไม่ได้อยู่บนเครื่อง) ให้ bind ที่ 0.0.0.0 แทน
explain-note-address-in-use = นี่คือเซิร์ฟเวอร์เริ่มทำงานไม่ได้: มีโปรเซสอื่น listen พอร์ตนี้อยู่แล้ว (มักเป็นตัวเก่าของเซิร์ฟเวอร์เดียวกัน) ให้หยุดโปรเซสนั้นหรือเลือกพอร์ตอื่น (ss -ltnp จะแสดงว่าใครใช้พอร์ตอยู่)

## Input errors

explain-input-empty = ไม่ได้ระบุข้อความ: ให้ส่งข้อความ error เป็นอาร์กิวเมนต์ (ใส่เครื่องหมายคำพูด) หรือ pipe เข้าทาง standard input
explain-input-unreadable = อ่าน standard input ไม่ได้: { $detail }
explain-input-truncated = ข้อความยาวเกิน { $max } ไบต์ อ่านเฉพาะส่วนต้นเท่านั้น
explain-input-example = ตัวอย่าง: conndoctor explain "connect ECONNREFUSED 127.0.0.1:8282" · my-client 2>&1 | conndoctor explain
explain-check-needs-target = --check ต้องมีปลายทางที่ครบถ้วน แต่ข้อความไม่ได้ระบุไว้: ให้รัน conndoctor check พร้อมที่อยู่และพอร์ตด้วยตัวเอง
