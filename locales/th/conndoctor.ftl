# conndoctor — Thai (th). Same ids and variables as locales/en/conndoctor.ftl.
# Placeables hold addresses, ports, commands and config lines; they stay untranslated.
# Terms: listen, การเชื่อมต่อถูกปฏิเสธ, การเชื่อมต่อหมดเวลา, พอร์ตภายในเครื่อง (local port),
# accept queue, loopback, เครือข่ายภายใน, file descriptor, DNS resolver, ส่งซ้ำ, ไฟร์วอลล์.

## Command line

app-error = ข้อผิดพลาด
input-empty = ไม่ได้ระบุปลายทาง
input-whitespace = ปลายทางมีช่องว่าง กรุณาระบุที่อยู่หรือ URL เพียงรายการเดียว
input-control = ปลายทางมีอักขระควบคุม (เช่น NUL หรือ DEL) กรุณาระบุที่อยู่หรือ URL เพียงรายการเดียว
input-unknown-scheme = ไม่รู้จักโปรโตคอล "{ $detail }://" (ที่รองรับ: ws, wss, http, https, tcp, text, websocket)
input-missing-host = ปลายทางไม่มีชื่อโฮสต์หรือที่อยู่
input-bad-host = "{ $detail }" ไม่ใช่ชื่อโฮสต์หรือที่อยู่ IP ที่ถูกต้อง
input-missing-port = ปลายทางไม่ได้ระบุพอร์ต และโปรโตคอลนี้ไม่มีพอร์ตเริ่มต้น
input-bad-port = "{ $detail }" ไม่ใช่หมายเลขพอร์ตที่ถูกต้อง (1–65535)
input-bad-timeout = "{ $detail }" ไม่ใช่ระยะเวลาที่ถูกต้อง (ตัวอย่าง: 3s, 500ms, 1.5)
input-bad-header = "{ $detail }" ไม่ใช่ header ที่ถูกต้อง ให้ใช้รูปแบบ "Name: value"
input-bad-token = "{ $detail }" ไม่ใช่ token ที่ถูกต้อง (ใช้ได้เฉพาะตัวอักษรและตัวเลข)
input-bad-ip = "{ $detail }" ไม่ใช่ที่อยู่ IP (--expect-ip รับที่อยู่ในรูปแบบ 203.0.113.7 หรือ 2001:db8::7)
input-bad-file = อ่านรายการปลายทางไม่ได้: { $detail }
input-bad-line = บรรทัดที่ { $line } ("{ $target }"): { $detail }
input-bad-concurrency = --concurrency ต้องมีค่าอย่างน้อย 1
input-example = ตัวอย่าง: conndoctor check ws://example.com:8282/chat · conndoctor check 203.0.113.7:8282 · conndoctor check websocket://[::1]:8282
lang-fallback = ยังไม่รองรับภาษา "{ $lang }" จะใช้ภาษาอังกฤษแทน
error-internal = conndoctor ทำงานล้มเหลว: { $detail }

## Help (--help)

help-about = บอกสาเหตุที่ไคลเอนต์เชื่อมต่อเซิร์ฟเวอร์ไม่ได้ และสิ่งที่ต้องแก้ไข
help-check-about = วินิจฉัยการเชื่อมต่อไปยังปลายทาง (ws://, wss://, http://, https://, tcp://, text://, websocket://, host:port)
help-demo-about = เปิดเซิร์ฟเวอร์จริงบน loopback แล้วแสดงผลการวินิจฉัยของแต่ละกรณี
help-serve-about = เปิดเซิร์ฟเวอร์อ้างอิง (websocket://, http://, text://, tcp://, จะใช้ TLS ด้วยก็ได้) ที่ตอบกลับด้วย token ระบุตัวตน
help-explain-about = อธิบายข้อความ error ที่วางมา (console ของเบราว์เซอร์, log, เทอร์มินัล): อาการ สาเหตุ วิธีแก้ และคำสั่งตรวจที่ควรรันต่อ
help-audit-about = รันบนเซิร์ฟเวอร์: หาสาเหตุที่ไคลเอนต์เข้าถึงพอร์ตนี้ไม่ได้ (การ listen, โปรเซส, ไฟร์วอลล์, แผงควบคุม, คลาวด์, ความจุ)
help-exporter-about = Prometheus exporter (ตามข้อกำหนด /probe ของ blackbox_exporter) ที่มี metric บอกว่าการ probe ล้มเหลวเพราะอะไร
help-help-about = แสดงข้อความนี้ หรือความช่วยเหลือของคำสั่งย่อยที่ระบุ
help-usage = วิธีใช้
help-commands = คำสั่ง
help-arguments = อาร์กิวเมนต์
help-options = ตัวเลือก
help-examples = ตัวอย่าง
help-help = แสดงความช่วยเหลือ
help-version = แสดงเวอร์ชัน
help-lang = ภาษาของผลลัพธ์ (en, zh-CN, th, vi, ru, ja, ar) ค่าเริ่มต้นมาจาก LC_ALL, LC_MESSAGES, LANG
help-json = พิมพ์ออบเจกต์ JSON หนึ่งตัว (schema 1) แทนรายงานแบบข้อความ
help-target = ปลายทางที่ไคลเอนต์เชื่อมต่อ: ws://host:port/path, host:port, [v6]:port, ... (หลายรายการ: ตรวจแบบกลุ่ม)
help-file = อ่านปลายทางจากไฟล์ บรรทัดละหนึ่งรายการ ใช้ # เป็นคอมเมนต์ ("-" คืออ่านจาก standard input)
help-concurrency = ตรวจแบบกลุ่ม: จำนวนปลายทางที่ตรวจพร้อมกัน (จะลดลงให้พอดีกับขีดจำกัด file descriptor) [ค่าเริ่มต้น: { $default }]
help-timeout = เวลาทั้งหมดที่ให้ใช้ เช่น 3s, 500ms, 1.5 (วินาที) [ค่าเริ่มต้น: 3s; demo: 1s]
help-no-side-probes = ไม่ตรวจพอร์ตอื่นของปลายทางระหว่างที่รอการเชื่อมต่อหลัก
help-origin = header Origin สำหรับคำขอ upgrade ของ WebSocket แบบเดียวกับที่หน้าเว็บในเบราว์เซอร์ส่ง
help-subprotocol = Sec-WebSocket-Protocol ที่จะขอ
help-header = header เพิ่มเติมของคำขอ ในรูปแบบ "Name: value" (ระบุซ้ำได้)
help-insecure = ทำงานต่อแม้ใบรับรองมีปัญหา โดยรายงานปัญหาเหล่านั้นเป็นคำเตือน
help-expect-token = token ที่ conndoctor serve พิมพ์ออกมา: ใช้พิสูจน์ว่าไคลเอนต์ไปถึงเซิร์ฟเวอร์ตัวนั้นจริง
help-expect-ip = ที่อยู่ที่คุณเชื่อว่าเป็นของเซิร์ฟเวอร์ (ระบุซ้ำได้) ถ้า DNS ตอบเป็นที่อยู่อื่นจะรายงานให้ทราบ
help-no-trace = ไม่ต้องไล่เส้นทางด้วย SYN ที่จำกัด TTL เมื่อการเชื่อมต่อไม่มีการตอบกลับ
help-serve-listen = ที่อยู่ที่จะ listen เขียนแบบเดียวกับบรรทัด listen ของ Workerman: websocket://0.0.0.0:8282, http://0.0.0.0:8080, text://[::]:5678
help-serve-tls = ให้บริการผ่าน TLS (wss://, https://) ถ้าไม่ระบุ --cert/--key จะใช้ใบรับรองแบบ self-signed
help-serve-cert = chain ของใบรับรองแบบ PEM สำหรับ --tls
help-serve-key = private key แบบ PEM สำหรับ --tls
help-serve-token = token ระบุตัวตนที่ใช้ตอบกลับ (ค่าเริ่มต้น: สุ่ม)
help-serve-strict-path = WebSocket: ยอม upgrade เฉพาะ path ที่ตรงกับใน LISTEN เท่านั้น (path อื่นได้ 404)
help-serve-allow-origin = WebSocket: ตอบ 403 ให้ Origin ที่ไม่ใช่ค่านี้
help-explain-message = ข้อความ error (ใส่เครื่องหมายคำพูดครอบ) ถ้าไม่ระบุหรือระบุเป็น "-" จะอ่านจาก standard input
help-explain-check = รัน conndoctor check ที่แนะนำทันที
help-explain-timeout = เวลาที่ให้ใช้สำหรับการตรวจที่ --check รัน เช่น 3s, 500ms, 1.5 [ค่าเริ่มต้น: 3s]
help-audit-target = หมายเลขพอร์ต หรือที่อยู่ listen จากโค้ดของเซิร์ฟเวอร์ (websocket://0.0.0.0:8282) ถ้าไม่ระบุจะตรวจทุกพอร์ตที่ listen อยู่
help-audit-sysroot = อ่านค่าคอนฟิกและร่องรอยฮาร์ดแวร์ (/sys/class/dmi, /etc, path ของแผงควบคุม) จากใต้ DIR แทน /
help-audit-timeout = เวลาที่ให้ใช้ เช่น 3s, 500ms, 1.5 [ค่าเริ่มต้น: 3s]
help-audit-from = ที่อยู่ของไคลเอนต์ ใช้กับกฎไฟร์วอลล์ที่อนุญาตหรือทิ้งแพ็กเก็ตตามที่อยู่ต้นทาง
## Checklist

check-target = ปลายทาง
check-resolve = แปลงชื่อ
check-connect = เชื่อมต่อ
check-side = พอร์ตอื่น
check-listeners = การ listen
check-ports = พอร์ตภายในเครื่อง
check-protocol = โปรโตคอล
check-cross = ตรวจสอบไขว้
check-tls = TLS
check-dns = Nameserver
check-hosts = ไฟล์ hosts
check-proxy = Proxy
check-path = เส้นทาง
path-line = { $hops }
tls-established = handshake { $version } สำเร็จ ใบรับรองถูกต้อง
tls-established-bad-cert = handshake { $version } สำเร็จ แต่ใบรับรองไม่ผ่านการตรวจสอบ
tls-failed = handshake ล้มเหลว: { $error }
check-cert = ใบรับรอง
cert-facts = { $subject } ออกโดย { $issuer }; ชื่อ: { $names }; หมดอายุ { $date } (เหลืออีก { $days } วัน); chain: { $chain }
cert-no-names = ไม่มี (ไม่มี subjectAltName)
target-line = { $input } → พอร์ต TCP { $port }
resolve-literal = { $addrs } (ระบุที่อยู่โดยตรง)
resolve-system = { $name } → { $addrs } ({ $ms } ms)
resolve-failed = { $name }: { $error }
resolve-error-no-name = ไม่มีชื่อนี้อยู่จริง
resolve-error-no-address = ชื่อนี้ไม่มีที่อยู่ IPv4 หรือ IPv6
resolve-error-resolver-failure = DNS resolver ตอบกลับไม่ถูกต้อง
resolve-error-timeout = resolver ไม่ตอบกลับภายในเวลาที่กำหนด
resolve-error-other = resolver ทำงานล้มเหลว
attempt-line = { $addr }: { $outcome } ภายใน { $ms } ms
attempt-retransmits = { $count ->
    [0] ยังไม่มีการส่ง SYN ซ้ำ
   *[other] ส่ง SYN ซ้ำแล้ว { $count } ครั้ง
}
outcome-connected = เชื่อมต่อสำเร็จ
outcome-refused = ถูกปฏิเสธ (RST)
outcome-refused-icmp = ถูกปฏิเสธด้วย ICMP error จาก { $origin }
outcome-timed-out = ไม่มีการตอบกลับ
outcome-host-unreachable = ไปไม่ถึงโฮสต์
outcome-net-unreachable = ไปไม่ถึงเครือข่าย
outcome-addr-not-available = ไม่มีพอร์ตภายในเครื่องเหลือให้ใช้
outcome-fd-exhausted = file descriptor หมด
outcome-other = ข้อผิดพลาด: { $message }
side-line = { $ip }: { $answers }
side-nothing = { $ip }: พอร์ตอื่นก็ไม่ตอบกลับเช่นกัน ({ $ports })
listeners-none = ไม่มีโปรแกรมใดบนเครื่องนี้ listen พอร์ต { $port }
listeners-some = พอร์ต { $port } ถูก bind ไว้ที่ { $addrs }
listeners-remote = { $ip } เป็นเครื่องอื่น ต้องดูการ listen บนเครื่องนั้นเอง (conndoctor audit)
ports-line = การเชื่อมต่อไปยัง { $dst } ใช้พอร์ตภายในเครื่องไป { $used } จาก { $size } พอร์ต

## Verdicts

verdict-ok = เชื่อมต่อได้ตามปกติ
verdict-refused = การเชื่อมต่อถูกปฏิเสธ
verdict-timeout = การเชื่อมต่อหมดเวลา
verdict-unreachable = เข้าถึงเซิร์ฟเวอร์ไม่ได้
verdict-addr-not-avail = ไม่สามารถกำหนดที่อยู่ที่ร้องขอได้ (พอร์ตภายในเครื่องหมด)
verdict-dns = ปัญหา DNS: แปลงชื่อเป็นที่อยู่ไม่ได้ หรือได้ที่อยู่ที่ไม่ใช่เซิร์ฟเวอร์ที่ถูกต้อง
verdict-local = เครื่องไคลเอนต์นี้เปิดการเชื่อมต่อไม่ได้
verdict-reset = เซิร์ฟเวอร์ปิดการเชื่อมต่อทันทีหลังจากรับการเชื่อมต่อ
verdict-mismatch = เชื่อมต่อได้ แต่เซิร์ฟเวอร์ใช้โปรโตคอลอื่น
verdict-tls = เชื่อมต่อได้ แต่ TLS ล้มเหลว
label-causes = สาเหตุ
label-warnings = ควรแก้ไขด้วย
label-fix = วิธีแก้
confidence-high = มั่นใจสูง
confidence-medium = น่าจะใช่
confidence-low = เป็นไปได้
summary-time = วินิจฉัยเสร็จใน { $ms } ms

## Causes: titles (cause-*) and fixes (fix-*)

cause-refused-not-listening = ไม่มีโปรแกรมใดรับการเชื่อมต่อที่ { $addr }
fix-refused-not-listening = เปิดเซิร์ฟเวอร์ แล้วตรวจสอบว่า listen พอร์ต { $port } อยู่จริง (บนเซิร์ฟเวอร์: ss -ltnp | grep :{ $port }) หากเซิร์ฟเวอร์ทำงานบนพอร์ตอื่น ให้ตั้งไคลเอนต์ให้เชื่อมต่อไปที่พอร์ตนั้น
cause-refused-loopback-only = เซิร์ฟเวอร์ listen เฉพาะที่อยู่ loopback ({ $bound }) การเชื่อมต่อไปยัง { $addr } จึงถูกปฏิเสธ
fix-refused-loopback-only = ให้เซิร์ฟเวอร์ listen ที่ 0.0.0.0 (ทุกที่อยู่ IPv4) หรือ [::] แทน 127.0.0.1 เช่น websocket://0.0.0.0:{ $port } ใน Workerman แล้วรีสตาร์ตเซิร์ฟเวอร์
cause-refused-other-address = เซิร์ฟเวอร์ listen ที่อยู่อื่น ({ $bound }) ไม่ใช่ { $addr }
fix-refused-other-address = ให้ listen ที่ 0.0.0.0 (หรือที่อยู่ที่ไคลเอนต์ใช้) หรือเชื่อมต่อไปยังที่อยู่ที่เซิร์ฟเวอร์ bind ไว้
cause-refused-family-mismatch = { $failed } เชื่อมต่อไม่ได้ แต่ { $working } เชื่อมต่อได้: เซิร์ฟเวอร์ listen เพียง IP เวอร์ชันเดียว
fix-refused-family-mismatch = ให้เซิร์ฟเวอร์ listen ทั้ง IPv4 และ IPv6 (เช่น [::] แบบ dual-stack) หรือให้ไคลเอนต์ใช้ที่อยู่ที่เชื่อมต่อได้ (เช่น 127.0.0.1 แทน localhost)
cause-refused-firewall-reject = ไฟร์วอลล์ปฏิเสธการเชื่อมต่อไปยัง { $addr } โดยที่การเชื่อมต่อไปไม่ถึงเซิร์ฟเวอร์เลย
fix-refused-firewall-reject = อนุญาตพอร์ตนี้ในไฟร์วอลล์ที่ส่งการปฏิเสธกลับมา (ใช้ nft list ruleset / iptables -S บนเครื่องนั้น หากการปฏิเสธมาจากที่อื่น ให้ตรวจเราเตอร์หรือ ACL บนคลาวด์)
cause-timeout-filtered = ไฟร์วอลล์ทิ้งแพ็กเก็ตที่ส่งไปยัง { $addr } อย่างเงียบ ๆ
fix-timeout-filtered = เปิดพอร์ต TCP { $port } ในไฟร์วอลล์ของเซิร์ฟเวอร์ ใน Security Group ของคลาวด์ และในไฟร์วอลล์ของแผงควบคุมโฮสติ้งถ้ามี (เช่น nft add rule inet filter input tcp dport { $port } accept)
cause-timeout-host-down = โฮสต์ { $ip } ไม่ตอบสนองเลย: เครื่องอาจปิดอยู่ ไม่มีอยู่จริง หรือทิ้งแพ็กเก็ตทั้งหมด
fix-timeout-host-down = ตรวจสอบว่าเซิร์ฟเวอร์ทำงานอยู่ และ { $ip } เป็นที่อยู่ของเซิร์ฟเวอร์จริง (DNS record, พิมพ์ผิด) หากเซิร์ฟเวอร์ทำงานอยู่ แสดงว่ามีไฟร์วอลล์ด้านหน้าทิ้งทราฟฟิกทั้งหมด
cause-timeout-private-unroutable = { $addr } เป็นที่อยู่ในเครือข่ายภายใน ซึ่งเครือข่ายของไคลเอนต์นี้เข้าถึงไม่ได้
fix-timeout-private-unroutable = ใช้ public IP หรือโดเมนของเซิร์ฟเวอร์ หรือเข้าร่วมเครือข่ายของเซิร์ฟเวอร์ก่อน (VPN, LAN เดียวกัน) ที่อยู่ภายในใช้ได้เฉพาะในเครือข่ายของตัวเองเท่านั้น
cause-timeout-accept-queue-full = accept queue ของเซิร์ฟเวอร์เต็ม (มีการเชื่อมต่อรออยู่ { $queued } รายการที่ { $addr }) เคอร์เนลจึงทิ้งการเชื่อมต่อใหม่
fix-timeout-accept-queue-full = โปรเซสของเซิร์ฟเวอร์ accept ช้าเกินไปหรือค้างอยู่: ตรวจสอบ CPU และ event loop เพิ่มค่า listen backlog และ net.core.somaxconn หรือเพิ่มจำนวน worker process
cause-unreachable-no-route = ไม่มีเส้นทาง (route) จากไคลเอนต์นี้ไปยัง { $addr }
fix-unreachable-no-route = ตรวจสอบการเชื่อมต่อเครือข่ายและ routing ของเครื่องนี้ (ip route get { $addr }) ที่อยู่นี้อาจอยู่ในเครือข่ายที่คุณไม่ได้เชื่อมต่ออยู่
cause-unreachable-host = เข้าถึง { $addr } ไม่ได้: ไม่มีโฮสต์นี้ตอบสนองในเครือข่ายนั้น
fix-unreachable-host = ตรวจสอบว่าเซิร์ฟเวอร์เปิดเครื่องอยู่ และ { $addr } ถูกต้อง หากอยู่ใน LAN เดียวกัน ให้ตรวจสายแลน/Wi-Fi และ ARP (ip neigh)
cause-addr-not-avail-ephemeral-exhausted = ไคลเอนต์นี้ใช้พอร์ตภายในเครื่องสำหรับเชื่อมต่อไปยัง { $dst } จนหมดแล้ว (ช่วง { $lo }–{ $hi })
fix-addr-not-avail-ephemeral-exhausted = ใช้การเชื่อมต่อซ้ำ (keep-alive, connection pool) แทนการเปิดการเชื่อมต่อใหม่ทุกคำขอ และขยายช่วงพอร์ต: sysctl -w net.ipv4.ip_local_port_range="1024 65535" (บันทึกไว้ใน /etc/sysctl.d/ เพื่อให้มีผลถาวร)
cause-addr-not-avail-time-wait = การเชื่อมต่อไปยัง { $dst } ที่ปิดไปแล้ว { $count } รายการ ยังครองพอร์ตภายในเครื่องอยู่ในสถานะ TIME_WAIT
fix-addr-not-avail-time-wait = ให้ไคลเอนต์นำพอร์ตที่อยู่ใน TIME_WAIT กลับมาใช้ได้: sysctl -w net.ipv4.tcp_tw_reuse=1 (ค่าปัจจุบัน { $reuse }) ขยาย net.ipv4.ip_local_port_range และคงการเชื่อมต่อไว้แทนการเชื่อมต่อใหม่ซ้ำ ๆ
cause-local-fd-exhausted = โปรเซสไคลเอนต์นี้ใช้ file descriptor จนหมด ปัญหาไม่ได้อยู่ที่เซิร์ฟเวอร์
fix-local-fd-exhausted = ปิด socket ที่ไม่ได้ใช้แล้ว และเพิ่มขีดจำกัด: ulimit -n 65535 ใน shell ที่ใช้เริ่มไคลเอนต์ หรือ LimitNOFILE= ใน systemd unit ของไคลเอนต์
cause-local-outbound-blocked = เครื่องนี้เองบล็อกการเชื่อมต่อขาออกไปยัง { $addr }
fix-local-outbound-blocked = ตรวจสอบกฎขาออกของไฟร์วอลล์ในเครื่อง (nft list ruleset, iptables -S OUTPUT) และโมดูลความปลอดภัย (SELinux, AppArmor) ว่ามีกฎที่บล็อกปลายทางนี้หรือไม่
cause-local-connect-error = การเชื่อมต่อไปยัง { $addr } ล้มเหลวด้วยข้อผิดพลาดที่ไม่ปกติ
fix-local-connect-error = ค้นหาข้อมูลของข้อผิดพลาดด้านล่าง ข้อผิดพลาดนี้มาจากเคอร์เนลของเครื่องนี้ ไม่ใช่จากเซิร์ฟเวอร์
cause-dns-nxdomain = ไม่มีชื่อ { $name } อยู่ใน DNS
fix-dns-nxdomain = ตรวจสอบการสะกดของ { $name } และตรวจว่าโดเมนจดทะเบียนแล้วและมีเรคคอร์ด DNS
cause-dns-no-address = ชื่อ { $name } มีอยู่ แต่ไม่มีเรคคอร์ดที่อยู่ IP
fix-dns-no-address = เพิ่มเรคคอร์ด A (IPv4) หรือ AAAA (IPv6) ให้ { $name } ที่ผู้ให้บริการ DNS ของโดเมน
cause-dns-resolver-failure = DNS resolver ตอบกลับสำหรับชื่อ { $name } ไม่ได้ (nameserver: { $servers })
fix-dns-resolver-failure = ตรวจสอบ nameserver ใน /etc/resolv.conf และเครือข่ายของเครื่องนี้ แล้วลองใหม่ด้วย resolver ตัวอื่น
cause-mismatch-ws-to-http = ไคลเอนต์ WebSocket เชื่อมต่อไปยังเซิร์ฟเวอร์ HTTP ธรรมดา: เซิร์ฟเวอร์ตอบ { $status }{ $server ->
    [none] {""}
   *[other] {" "}(Server: { $server })
} แทนที่จะเป็น 101 Switching Protocols
fix-mismatch-ws-to-http = ให้ไคลเอนต์เชื่อมต่อไปยังพอร์ต WebSocket หรือเปิดบริการ WebSocket บนพอร์ตนี้ (Workerman: new Worker('websocket://0.0.0.0:{ $port }')) เบราว์เซอร์จะแจ้งกรณีนี้ว่า "Unexpected response code: { $code }"
cause-mismatch-ws-to-non-http = ไคลเอนต์ WebSocket เชื่อมต่อไปยังเซิร์ฟเวอร์ที่ไม่ได้ใช้ HTTP (เซิร์ฟเวอร์ส่งมา: { $bytes })
fix-mismatch-ws-to-non-http = พอร์ตนี้ใช้โปรโตคอลอื่น (text หรือโปรโตคอล TCP ที่เขียนขึ้นเอง) ให้ไคลเอนต์ WebSocket เชื่อมต่อไปยังพอร์ต websocket:// ของเซิร์ฟเวอร์ หรือเปลี่ยนที่อยู่ listen ของเซิร์ฟเวอร์เป็น websocket://0.0.0.0:{ $port } เบราว์เซอร์จะแจ้งกรณีนี้ว่า ERR_INVALID_HTTP_RESPONSE
cause-mismatch-http-to-ws = ไคลเอนต์ HTTP เชื่อมต่อไปยังเซิร์ฟเวอร์ที่รองรับเฉพาะ WebSocket{ $status ->
    [none] {""}
   *[other] {" "}({ $status })
}
fix-mismatch-http-to-ws = เชื่อมต่อด้วยไคลเอนต์ WebSocket (ws:// หรือ wss://) หรือเปิดบริการ HTTP ธรรมดาบนพอร์ตอื่น (Workerman: new Worker('http://0.0.0.0:PORT'))
cause-mismatch-http-to-non-http = ไคลเอนต์ HTTP เชื่อมต่อไปยังเซิร์ฟเวอร์ที่ไม่ได้ใช้ HTTP (เซิร์ฟเวอร์ส่งมา: { $bytes })
fix-mismatch-http-to-non-http = พอร์ตนี้ใช้โปรโตคอลอื่น ({ $speaks ->
    [http] HTTP
    [tls] TLS
    [ssh] SSH
    [smtp] SMTP
    [ftp] FTP
    [redis] Redis
    [mysql] MySQL
    [text] โปรโตคอลแบบข้อความ
    [binary] โปรโตคอลแบบไบนารี
   *[other] { $speaks }
}) ให้ใช้พอร์ต HTTP ของเซิร์ฟเวอร์ หรือใช้ไคลเอนต์ที่รองรับโปรโตคอลนั้น
cause-mismatch-text-to-http = ไคลเอนต์โปรโตคอล text เชื่อมต่อไปยังเซิร์ฟเวอร์ HTTP ({ $status }{ $server ->
    [none] {""}
   *[other] , Server: { $server }
})
fix-mismatch-text-to-http = ใช้พอร์ต text:// ของเซิร์ฟเวอร์ หรือสื่อสารกับพอร์ตนี้ด้วย HTTP
cause-mismatch-tls-to-plain = ไคลเอนต์ใช้ TLS แต่ { $addr } สื่อสารแบบไม่เข้ารหัส: ให้ใช้ { $plain } แทน
fix-mismatch-tls-to-plain = ใช้ { $plain } ในไคลเอนต์ หรือวาง TLS ไว้หน้าเซิร์ฟเวอร์: ใช้ reverse proxy (nginx "listen 443 ssl" แล้ว proxy_pass ไปที่ 127.0.0.1:{ $port }) หรือตั้ง transport = 'ssl' พร้อมใบรับรองใน Workerman
cause-mismatch-plain-to-tls = ไคลเอนต์สื่อสารแบบไม่เข้ารหัส แต่ { $addr } ต้องการ TLS: ให้ใช้ { $secure } แทน
fix-mismatch-plain-to-tls = ใช้ { $secure } ในไคลเอนต์ (ws:// → wss://, http:// → https://) หรือเชื่อมต่อไปยังพอร์ตที่ไม่ใช้ TLS ของเซิร์ฟเวอร์
cause-mismatch-ws-path = path ของ WebSocket { $path } ไม่ถูกต้องสำหรับเซิร์ฟเวอร์นี้
fix-mismatch-ws-path = ใช้ path ที่เซิร์ฟเวอร์รองรับ ({ $working }) หากมี nginx อยู่ด้านหน้า ให้ตรวจว่า location block ตรงกับ { $path }
cause-mismatch-ws-origin = เซิร์ฟเวอร์ปฏิเสธ Origin { $origin }
fix-mismatch-ws-origin = เพิ่ม origin ของหน้าเว็บลงในรายการ origin ที่เซิร์ฟเวอร์อนุญาต (หรือส่วนตรวจ CORS/Origin) หรือโหลดหน้าเว็บจาก origin ที่ได้รับอนุญาต
cause-mismatch-proxy-no-upgrade = reverse proxy{ $server ->
    [none] {""}
   *[other] {" "}({ $server })
} ตอบคำขอ upgrade ด้วย { $status }: proxy ไม่ได้ส่งต่อ WebSocket
fix-mismatch-proxy-no-upgrade = เพิ่มใน location block ของ proxy: proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade"; แล้ว reload (nginx -s reload)
cause-mismatch-silent-server = เซิร์ฟเวอร์รับการเชื่อมต่อแล้ว แต่ไม่ได้ตอบกลับอะไรที่ใช้งานได้ภายใน { $ms } ms
fix-mismatch-silent-server = เซิร์ฟเวอร์กำลังรออย่างอื่น (โปรโตคอลอื่น หรือข้อความแรกจากไคลเอนต์) หรือ event loop ค้าง: ตรวจสอบโปรโตคอลและ log ของเซิร์ฟเวอร์
cause-reset-after-connect = { $addr } รับการเชื่อมต่อแล้วตัดทิ้งก่อนจะตอบกลับ
fix-reset-after-connect = ตรวจสอบ log ของเซิร์ฟเวอร์: เซิร์ฟเวอร์อาจปฏิเสธโปรโตคอลนี้หรือ IP ของไคลเอนต์ ชนขีดจำกัดจำนวนการเชื่อมต่อ หรือ crash ขณะประมวลผลคำขอ ไฟร์วอลล์หรือ IPS ที่ reset การเชื่อมต่อก็ทำให้เกิดอาการเดียวกันได้
cause-tls-cert-expired = ใบรับรองของ { $host } หมดอายุแล้ว (หรือยังไม่ถึงวันเริ่มใช้)
fix-tls-cert-expired = ต่ออายุใบรับรอง (เช่น certbot renew) แล้ว reload เซิร์ฟเวอร์ และตรวจสอบนาฬิกาของเซิร์ฟเวอร์ด้วย
cause-tls-cert-name = ใบรับรองไม่ครอบคลุมชื่อ { $host }
fix-tls-cert-name = ขอใบรับรองที่มี { $host } (subjectAltName) หรือเชื่อมต่อด้วยชื่อที่ใบรับรองครอบคลุม
cause-tls-cert-untrusted = { $kind ->
    [self-signed] ใบรับรองของ { $host } เป็นแบบ self-signed: ไม่มีไคลเอนต์ใดเชื่อถือ เว้นแต่จะตั้งค่าให้เชื่อถือโดยตรง
   *[other] ใบรับรองของ { $host } ออกโดยผู้ออกที่ไคลเอนต์ไม่เชื่อถือ
}
fix-tls-cert-untrusted = { $kind ->
    [self-signed] สำหรับการทดสอบ ให้ไคลเอนต์เชื่อถือใบรับรองนี้ (หรือใช้ --insecure ที่นี่) ทางที่ดีกว่าคือสร้างใหม่โดยไม่มี CA:TRUE และใส่ชื่อไว้ใน subjectAltName ตามที่ไคลเอนต์ rustls/webpki กำหนด: openssl req -x509 -newkey rsa:2048 -nodes -subj /CN={ $host } -addext "subjectAltName={ $san }" -addext "basicConstraints=critical,CA:FALSE" -keyout key.pem -out cert.pem สำหรับระบบจริงให้ใช้ CA สาธารณะ (Let's Encrypt)
   *[other] ใช้ใบรับรองจาก CA สาธารณะ (เช่น Let's Encrypt) พร้อม chain ครบถ้วน หรือเพิ่ม CA ที่ออกใบรับรองลงใน trust store ของไคลเอนต์ ระหว่างทดสอบใช้ --insecure เพื่อข้ามการตรวจนี้ได้
}
cause-tls-handshake = TLS handshake กับ { $host } ล้มเหลว
fix-tls-handshake = ตรวจสอบว่าพอร์ตนี้ให้บริการ TLS เวอร์ชันใหม่ (TLS 1.2/1.3) และมีใบรับรอง ข้อผิดพลาดด้านล่างเกิดขึ้นระหว่าง handshake
cause-tls-cert-chain-incomplete = { $host } ส่งใบรับรองของตนโดยไม่มีใบรับรองระดับกลางของ { $issuer }
fix-tls-cert-chain-incomplete = ตั้งค่าให้ส่ง chain ทั้งหมด ไม่ใช่ใบรับรองใบเดียว: nginx ใช้ ssl_certificate fullchain.pem (certbot), Apache ต่อ chain ท้าย SSLCertificateFile, Workerman ใช้ local_cert = fullchain.pem หาก { $issuer } เป็น CA ของคุณเอง ให้เพิ่มลงใน trust store ของไคลเอนต์แทน
cause-tls-cert-usage = ใบรับรองของ { $host } ไม่ได้มีไว้สำหรับเซิร์ฟเวอร์ TLS
fix-tls-cert-usage = ออกใบรับรองสำหรับเซิร์ฟเวอร์: basicConstraints CA:FALSE และ extendedKeyUsage serverAuth (openssl: -addext "basicConstraints=critical,CA:FALSE" -addext "extendedKeyUsage=serverAuth") ไคลเอนต์จะปฏิเสธใบรับรอง CA หรือใบรับรองสำหรับไคลเอนต์เท่านั้นเมื่อใช้เป็นใบรับรองเซิร์ฟเวอร์
cause-tls-version-old = { $host } รองรับเพียง { $version } ซึ่งไคลเอนต์ปัจจุบันไม่ยอมรับแล้ว
fix-tls-version-old = เปิด TLS 1.2 และ 1.3 บนเซิร์ฟเวอร์ (nginx: ssl_protocols TLSv1.2 TLSv1.3; เซิร์ฟเวอร์ที่ใช้ OpenSSL: เอา -tls1/-tls1_1 หรือ MinProtocol=TLSv1 ออก) หรืออัปเดตไลบรารี TLS ของเซิร์ฟเวอร์ เบราว์เซอร์, rustls, Java 17 ขึ้นไป และ OpenSSL 3 ปฏิเสธ TLS 1.0/1.1 โดยค่าเริ่มต้น
cause-tls-no-shared-cipher = { $host } กับไคลเอนต์ไม่มีชุดการเข้ารหัส (cipher suite) หรือวิธีแลกเปลี่ยนกุญแจที่ใช้ร่วมกันได้
fix-tls-no-shared-cipher = อนุญาตชุดการเข้ารหัส AEAD สมัยใหม่บนเซิร์ฟเวอร์ (ECDHE ร่วมกับ AES-GCM หรือ ChaCha20-Poly1305; nginx: ใช้ ssl_ciphers ตามโปรไฟล์ "intermediate" ของ Mozilla) และใช้ใบรับรอง ECDSA หรือ RSA ขนาดอย่างน้อย 2048 บิต
cause-tls-client-cert-required = { $host } ต้องการใบรับรองของไคลเอนต์ (mutual TLS) แต่ไคลเอนต์ไม่ได้ส่งมา
fix-tls-client-cert-required = ตั้งค่าใบรับรองและกุญแจที่ออกโดย CA ที่เซิร์ฟเวอร์เชื่อถือให้ไคลเอนต์ (curl --cert/--key, cert/key ของ tls.connect ใน Node, keystore ของ Java, ไฟล์ .p12 ที่นำเข้าเบราว์เซอร์) หรือหากไคลเอนต์ไม่จำเป็นต้องยืนยันตัวตน ให้ปิดที่เซิร์ฟเวอร์ (nginx: ssl_verify_client off หรือ optional)
cause-tls-sni-cert = { $host } ได้รับใบรับรองผิดใบ: เซิร์ฟเวอร์เลือกใบรับรองตามชื่อที่ไคลเอนต์ส่งมา (SNI)
fix-tls-sni-cert = ตั้งค่าใบรับรองของ { $host } ในส่วนที่เซิร์ฟเวอร์ดูแลชื่อนั้น (nginx: บล็อก server ที่มี server_name { $host } และ ssl_certificate ของบล็อกนั้น; Apache: VirtualHost ที่ตรงกัน) หรือเชื่อมต่อด้วยชื่อที่เซิร์ฟเวอร์ตั้งค่าไว้
cause-refused-wrong-host = ไคลเอนต์ไปถึงเซิร์ฟเวอร์อื่นที่ { $addr } ไม่ใช่เซิร์ฟเวอร์ที่ตั้งใจจะเชื่อมต่อ
fix-refused-wrong-host = ตรวจสอบโฮสต์และพอร์ตในไคลเอนต์ DNS record และไฟล์ hosts รวมถึง proxy หรือ port forwarding ที่อยู่ระหว่างทาง: token ของเซิร์ฟเวอร์ที่คุณเปิดไว้ไม่ได้ถูกส่งกลับมา
cause-dns-wrong-ip = ชื่อ { $name } ชี้ไปที่ { $addrs } ซึ่งไม่ใช่เซิร์ฟเวอร์ที่ต้องการ
fix-dns-wrong-ip = แก้ไขเรคคอร์ด DNS A/AAAA ของ { $name } (หรือรายการในไฟล์ hosts) ให้ชี้ไปที่ที่อยู่ของเซิร์ฟเวอร์ แล้วรอให้ TTL หมดอายุ
cause-dns-hosts-override = ไฟล์ hosts กำหนดให้ { $name } ชี้ไปที่ { $hosts } ขณะที่ DNS ตอบว่า { $dns }
fix-dns-hosts-override = ลบหรือแก้ไขบรรทัด { $name } ใน /etc/hosts (บน Windows คือ C:\Windows\System32\drivers\etc\hosts) หากเป็นค่าที่หลงเหลือจากการตั้งค่าเก่า ไคลเอนต์บนเครื่องอื่นจะใช้ค่าจาก DNS
cause-dns-fake-ip = { $name } ถูกแปลงเป็น { $addr } ซึ่งเป็นที่อยู่ปลอมที่โปรแกรม proxy แจกให้
fix-dns-fake-ip = โปรแกรม proxy (Clash, mihomo, Surge, sing-box…) ตอบ DNS ด้วย IP ปลอมและดักการเชื่อมต่อไว้ ให้เพิ่มกฎ DIRECT หรือรายการ fake-ip-filter สำหรับโดเมนนี้ หรือสลับโปรแกรมเป็นโหมด direct ระหว่างทดสอบ
cause-proxy-local-software = โปรแกรม proxy บนไคลเอนต์นี้เปลี่ยนปลายทางของการเชื่อมต่อ ({ $via })
fix-proxy-local-software = เพิ่มเซิร์ฟเวอร์ลงในรายการ bypass ของ proxy (NO_PROXY=host, กฎ DIRECT หรือ "bypass" ในแอป proxy) หรือปิด proxy หรือสลับเป็นโหมด direct แล้วทดสอบอีกครั้ง
cause-proxy-auth-required = HTTP proxy ระหว่างไคลเอนต์นี้กับเซิร์ฟเวอร์ต้องการชื่อผู้ใช้และรหัสผ่าน (407 Proxy Authentication Required)
fix-proxy-auth-required = ใส่ข้อมูลรับรองของ proxy ให้ไคลเอนต์ (เช่น HTTPS_PROXY=http://user:password@proxy:port หรือการตั้งค่า proxy ในแอป) หรือเพิ่มเซิร์ฟเวอร์ลงใน NO_PROXY หากควรเชื่อมต่อโดยตรง แล้วทดสอบอีกครั้ง
cause-proxy-cdn-port-not-proxied = { $cdn } ไม่ส่งต่อพอร์ต { $port } การเชื่อมต่อที่ผ่าน CDN นี้จึงไม่ได้รับการตอบกลับ
fix-proxy-cdn-port-not-proxied = ใช้พอร์ตที่ CDN ส่งต่อ (Cloudflare: 80, 8080, 8880, 2052, 2082, 2086, 2095 สำหรับ HTTP; 443, 2053, 2083, 2087, 2096, 8443 สำหรับ HTTPS) หรือตั้ง DNS record เป็น "DNS only" (เมฆสีเทา) แล้วเชื่อมต่อไปยังเซิร์ฟเวอร์ต้นทางโดยตรง
cause-proxy-cdn = มี { $cdn } คั่นอยู่ระหว่างไคลเอนต์กับเซิร์ฟเวอร์
fix-proxy-cdn = ที่อยู่ที่คุณเชื่อมต่อเป็นของ CDN ไม่ใช่ของเซิร์ฟเวอร์คุณ: allow-list หรือกฎไฟร์วอลล์บนเซิร์ฟเวอร์ที่ตั้งไว้สำหรับ IP ของคุณเองจะใช้ไม่ได้ ตรวจสอบการตั้งค่า CDN (การรองรับ WebSocket, พอร์ตที่ส่งต่อ) หรือเชื่อมต่อไปยังเซิร์ฟเวอร์ต้นทาง (origin) โดยตรง

## Evidence lines

ev-family-failed = { $addr }: { $outcome ->
    [refused] ถูกปฏิเสธ
    [timed-out] ไม่มีการตอบกลับ
    [host-unreachable] ไปไม่ถึงโฮสต์
    [net-unreachable] ไปไม่ถึงเครือข่าย
   *[other] ล้มเหลว ({ $outcome })
}
ev-family-connected = { $addr } เชื่อมต่อสำเร็จ
ev-icmp-error = ได้รับ ICMP error (type { $type }, code { $code }) จาก { $origin } แทนที่จะเป็นการตอบกลับแบบ TCP
ev-icmp-other-origin = การปฏิเสธมาจาก { $origin } ไม่ใช่จากตัวเซิร์ฟเวอร์เอง
ev-icmp-not-rst = เซิร์ฟเวอร์ที่ปิดพอร์ตอยู่จะตอบด้วย TCP reset ไม่ใช่ ICMP: นี่คือกฎ reject
ev-no-listener-local = ตาราง socket ของเครื่องนี้ไม่มี socket ที่ listen พอร์ต { $port }
ev-listener-but-rst = มี socket listen อยู่ที่ { $addr } แต่การเชื่อมต่อยังถูก reset: น่าจะมีกฎ "reject with tcp reset"
ev-listener-elsewhere = พอร์ตถูก bind ไว้ที่ { $bound } เท่านั้น ซึ่งไม่รวม { $addr }
ev-rst-from-target = { $addr } ตอบกลับด้วย TCP reset: โฮสต์ทำงานอยู่ แต่พอร์ตปิด
ev-audit-would-tell = ต้องตรวจบนเซิร์ฟเวอร์จึงจะรู้ว่าเป็นกรณีใด: รัน conndoctor audit { $port } บนเครื่องนั้น
ev-syn-unanswered = { $addr } ไม่ตอบ SYN ภายใน { $ms } ms (ส่งซ้ำ { $retransmits } ครั้ง)
ev-accept-queue = มีการเชื่อมต่อ { $queued } รายการรออยู่ใน accept queue ของ { $addr } แต่เซิร์ฟเวอร์ไม่ได้ accept การเชื่อมต่อเหล่านั้น
ev-backlog = socket ที่ listen อยู่มี backlog เท่ากับ { $backlog } และมีการเชื่อมต่อในคิว { $queued } รายการ: คิวเต็ม SYN ใหม่จึงถูกทิ้ง
ev-listen-overflows = ระหว่างที่รอ เคอร์เนลทิ้งความพยายามเชื่อมต่อไป { $count } ครั้ง เพราะ listen queue เต็ม (TcpExtListenOverflows)
ev-only-default-route = เส้นทางเดียวที่ไปถึงคือ default route (ผ่าน { $gateway } บน { $iface }) ซึ่งก็คืออินเทอร์เน็ตสาธารณะ
ev-no-route-at-all = เครื่องนี้ไม่มีเส้นทางไปยังที่อยู่นั้นเลย
ev-private-address = { $addr } อยู่ในช่วงที่อยู่ส่วนตัว (RFC 1918, CGNAT หรือ IPv6 ULA)
ev-not-on-local-network = ไม่มีอินเทอร์เฟซใดของเครื่องนี้อยู่ในเครือข่ายเดียวกับ { $addr }
ev-side-probes-off = ไม่ได้ตรวจพอร์ตอื่น (--no-side-probes) จึงแยกไม่ออกว่าโฮสต์ปิดอยู่หรือไม่
ev-host-answers-elsewhere = { $ip } ตอบกลับบนพอร์ตอื่น: { $ports }
ev-host-silent = { $ip } ไม่ตอบกลับบนพอร์ตอื่นเช่นกัน ({ $ports })
ev-neighbour-failed = เครื่องนี้ถามหา { $addr } ในเครือข่ายภายใน (ARP/neighbour discovery) แต่ไม่ได้รับคำตอบ
ev-router-reported = เราเตอร์ { $router } แจ้งว่า: { $outcome ->
    [net-unreachable] ไปไม่ถึงเครือข่าย
   *[other] ไปไม่ถึงโฮสต์
}
ev-kernel-reported = เคอร์เนลของเครื่องนี้แจ้งว่า: { $outcome ->
    [net-unreachable] ไปไม่ถึงเครือข่าย (ไม่มีเส้นทาง)
   *[other] ไปไม่ถึงโฮสต์
}
ev-ports-in-use = socket ที่เชื่อมต่อไปยัง { $dst } ใช้พอร์ตภายในเครื่องไป { $used } จาก { $size } พอร์ตที่ใช้ได้ ({ $lo }–{ $hi })
ev-time-wait = ในจำนวนนี้ { $count } พอร์ตอยู่ในสถานะ TIME_WAIT; net.ipv4.tcp_tw_reuse = { $reuse }
ev-fd-limit = ขีดจำกัด file descriptor: { $soft } (hard limit { $hard })
ev-reply-http = { $request } ผ่าน { $transport } → HTTP { $status }{ $server ->
    [none] {""}
   *[other] {" "}(Server: { $server })
}
ev-reply-data = { $request } ผ่าน { $transport } → ข้อมูล { $len } ไบต์ ดูเหมือน { $speaks ->
    [http] HTTP
    [tls] TLS
    [ssh] SSH
    [smtp] SMTP
    [ftp] FTP
    [redis] Redis
    [mysql] MySQL
    [text] ข้อความ
    [binary] ข้อมูลไบนารี
   *[other] { $speaks }
}: { $bytes }
ev-reply-silence = { $request } ผ่าน { $transport } → ไม่มีการตอบกลับภายใน { $ms } ms
ev-reply-closed = { $request } ผ่าน { $transport } → เซิร์ฟเวอร์ปิดการเชื่อมต่อโดยไม่ตอบกลับ
ev-reply-reset = { $request } ผ่าน { $transport } → เซิร์ฟเวอร์ reset การเชื่อมต่อ
ev-reply-too-large = { $request } ผ่าน { $transport } → ส่วนหัวของการตอบกลับเกิน 16 KiB
ev-reply-no-connection = { $request } ผ่าน { $transport } → เชื่อมต่อซ้ำไม่ได้ ({ $outcome })
ev-reply-error = { $request } ผ่าน { $transport } → { $message }
ev-tls-failed = TLS handshake ล้มเหลว: { $error }
ev-tls-works = TLS handshake บนพอร์ตเดียวกันสำเร็จ ({ $version })
ev-bad-accept = การตอบกลับ 101 มีค่า Sec-WebSocket-Accept ไม่ถูกต้อง
ev-root-upgrades = คำขอ upgrade เดียวกันที่ / สำเร็จ
ev-no-origin-upgrades = คำขอ upgrade เดียวกันโดยไม่มี header Origin สำเร็จ
ev-upgrade-works = WebSocket upgrade บนพอร์ตเดียวกันสำเร็จ
ev-cdn-header = การตอบกลับมี { $header } ({ $cdn })
ev-cert-not-after = ใบรับรองหมดอายุเมื่อ { $date }
ev-cert-not-yet-valid = ใบรับรองยังไม่ถึงวันเริ่มใช้
ev-cert-names = ใบรับรองครอบคลุม: { $names }
ev-cert-unknown-issuer = ออกโดย { $issuer } ซึ่งไม่อยู่ใน root ที่ไคลเอนต์เชื่อถือ
ev-cert-no-trusted-root = chain ของใบรับรองไม่ได้สิ้นสุดที่ root certificate ที่เชื่อถือได้
ev-cert-not-before = ใบรับรองนี้จะใช้ได้ตั้งแต่ { $date } เท่านั้น
ev-cert-no-sni-covers = เมื่อไม่ส่งชื่อเซิร์ฟเวอร์ (SNI) เซิร์ฟเวอร์จะส่งใบรับรองอีกใบ และใบนั้นครอบคลุม { $host }: { $names }
ev-cert-ip-no-sni = การเชื่อมต่อด้วยที่อยู่ IP จะไม่ส่งชื่อเซิร์ฟเวอร์ (SNI): เซิร์ฟเวอร์ที่มีหลายใบรับรองจะส่งใบรับรองเริ่มต้นมาแทน
ev-cert-self-signed = ออกโดยตัวเอง ({ $subject }): ผู้ออกและเจ้าของใบรับรองเป็นชื่อเดียวกัน
ev-cert-ca-true = ใบรับรองถูกระบุว่าเป็น CA (basicConstraints CA:TRUE) ซึ่งไคลเอนต์ rustls/webpki ไม่ยอมรับเป็นใบรับรองเซิร์ฟเวอร์แม้จะเชื่อถือแล้วก็ตาม
ev-cert-bad-signature = ลายเซ็นของใบรับรองตรวจสอบด้วยกุญแจของผู้ออกไม่ผ่าน
ev-cert-chain-one = เซิร์ฟเวอร์ส่งมาเพียงใบรับรองของตัวเอง ผู้ออก { $issuer } ไม่ใช่ root ที่เชื่อถือได้
ev-cert-no-server-auth = การใช้งานกุญแจแบบขยาย (extendedKeyUsage) ไม่มี serverAuth (เซิร์ฟเวอร์ TLS)
ev-cert-rejected = ใบรับรองถูกปฏิเสธ ({ $code })
ev-cert-no-san = ใบรับรองไม่ได้ระบุชื่อใดไว้เลย (subjectAltName) ไคลเอนต์ไม่ใช้ชื่อ subject { $subject }
ev-tls-old-version = เซิร์ฟเวอร์ตอบ ClientHello แบบ TLS 1.2/1.3 ด้วย { $version }
ev-tls-version-refused = เซิร์ฟเวอร์ปฏิเสธ TLS 1.2 และ 1.3 (alert protocol_version)
ev-tls-alert = เซิร์ฟเวอร์จบการ handshake ด้วย alert { $alert }
ev-tls-client-cert-asked = เซิร์ฟเวอร์ขอใบรับรองของไคลเอนต์ (CertificateRequest) และปิดการเชื่อมต่อเมื่อไม่ได้รับ
ev-tls-unrecognized-name = เซิร์ฟเวอร์ไม่รู้จักชื่อ { $host } ที่ส่งใน SNI (alert unrecognized_name)
ev-tls-error = { $error }
ev-token-mismatch = คาดว่าจะได้รับ token { $expected } ของ conndoctor serve ของคุณ แต่ได้รับ { $got }
ev-ns-answer = nameserver { $server } ตอบ { $addrs } (CNAME { $cnames }, TTL { $ttl } วินาที)
ev-ns-nxdomain = nameserver { $server } แจ้งว่าไม่มีชื่อนี้ (NXDOMAIN)
ev-ns-nodata = nameserver { $server } รู้จักชื่อนี้ แต่ไม่มีเรคคอร์ด A/AAAA ของชื่อนี้
ev-ns-failure = nameserver { $server } ล้มเหลว: { $rcode }
ev-ns-timeout = nameserver { $server } ไม่ตอบกลับภายใน { $ms } ms
ev-no-nameservers = /etc/resolv.conf ไม่ได้ระบุ nameserver ไว้เลย
ev-hosts-entry = ไฟล์ hosts กำหนดให้ชื่อนี้ชี้ไปที่ { $addrs }
ev-expected-ip = คุณคาดว่าจะเป็น { $expected } แต่ resolver ของระบบให้ค่า { $addrs }
ev-fake-ip = { $addr } อยู่ในช่วง 198.18.0.0/15 ซึ่งโปรแกรม proxy ใช้สำหรับ DNS แบบ fake-IP
ev-tun-route = เส้นทางไปยังเซิร์ฟเวอร์ผ่านอินเทอร์เฟซ tunnel { $iface } (โปรแกรม proxy หรือ VPN)
ev-proxy-env = มีการตั้ง { $var } = { $value } ไว้ ไคลเอนต์ที่อ่านค่านี้จะเชื่อมต่อผ่าน proxy นั้น
ev-proxy-direct = conndoctor เชื่อมต่อโดยตรง ไม่ผ่าน proxy
ev-cdn-range = { $addr } อยู่ในช่วง { $range } ที่ { $cdn } ประกาศไว้ (รายการ ณ { $date })
ev-cdn-ports = พอร์ต { $port } ไม่อยู่ในรายการพอร์ตที่ CDN ส่งต่อ
ev-path-last-hop = SYN ไปได้ถึง hop ที่ { $ttl } ({ $addr }) หลังจากนั้นไม่มีอะไรตอบกลับ
ev-path-no-hop = แม้แต่เราเตอร์ตัวแรกก็ไม่ตอบ SYN ที่จำกัด TTL
ev-path-on-link = เซิร์ฟเวอร์อยู่ในเครือข่ายเดียวกับเครื่องนี้ ไม่มีเราเตอร์คั่นกลาง แต่ไม่ตอบกลับอะไรเลย
ev-path-target-answers = โฮสต์ของเซิร์ฟเวอร์ตอบกลับที่ hop ที่ { $ttl } ({ $addr })
ev-errno = connect() ล้มเหลวด้วย errno { $errno }: { $message }

## Batch

batch-summary = ตรวจ { $total } ปลายทางเสร็จใน { $secs } วินาที ล้มเหลว { $failed } รายการ
batch-by-symptom = แยกตามอาการ:
batch-by-cause = แยกตามสาเหตุแรก:
batch-slowest = ช้าที่สุด:
batch-interrupted = หยุดโดย { $signal }: ตรวจแล้ว { $done } จาก { $total } เป้าหมาย (ผลลัพธ์ทุกรายการที่พิมพ์ไว้ด้านบนครบถ้วน)
## Serve

serve-listening = ให้บริการ { $scheme } ที่ { $addr } · token { $token }
serve-reachable = เข้าถึงได้ที่ { $url }
serve-loopback-warning = listen อยู่ที่ { $addr } เท่านั้น เครื่องอื่นจึงเชื่อมต่อไม่ได้ ให้ใช้ 0.0.0.0:{ $port } (หรือ [::]:{ $port }) เพื่อรับการเชื่อมต่อจากเครื่องอื่น
serve-check-hint = จากฝั่งไคลเอนต์: { $cmd }
serve-stop-hint = กด Ctrl-C เพื่อหยุด
serve-stopped = หยุดแล้ว
serve-not-local = { $addr } ไม่ใช่ที่อยู่ของเครื่องนี้ (บนคลาวด์ public IP มักผ่าน NAT และไม่ได้อยู่บนอินเทอร์เฟซใด) ให้ listen ที่ 0.0.0.0:{ $port } หรือที่อยู่ private แทน (addr-not-avail.bind-not-local)
serve-in-use = พอร์ต { $port } ถูกโปรแกรมอื่นใช้อยู่แล้ว (ดูได้ว่าเป็นโปรแกรมใดด้วย ss -ltnp | grep :{ $port })
serve-permission = พอร์ตที่ต่ำกว่า 1024 ต้องใช้สิทธิ์ root หรือ CAP_NET_BIND_SERVICE: { $detail }
serve-needs-address = ที่อยู่สำหรับ listen ต้องเป็น IP (0.0.0.0, [::], 127.0.0.1, ...) หรือ localhost: { $detail }
serve-failed = เริ่มทำงานไม่ได้: { $detail }

## Demo

demo-title = เดโม conndoctor: เซิร์ฟเวอร์จริงบน loopback วินิจฉัยจริง
demo-scenario-open = เซิร์ฟเวอร์ WebSocket ที่ทำงานปกติ (conndoctor serve) พร้อมตรวจ token ระบุตัวตน
demo-scenario-closed = พอร์ตที่ไม่มีโปรแกรมใด listen
demo-scenario-loopback = เซิร์ฟเวอร์ bind ไว้ที่ 127.0.0.1 แต่เชื่อมต่อผ่าน 127.0.0.2
demo-scenario-queue = เซิร์ฟเวอร์ที่หยุด accept: accept queue เต็ม
demo-scenario-family = localhost แปลงเป็นได้ทั้ง IPv6 และ IPv4 แต่เซิร์ฟเวอร์ listen เฉพาะ IPv4
demo-scenario-ws-http = ไคลเอนต์ WebSocket เชื่อมต่อกับเซิร์ฟเวอร์ HTTP ธรรมดา
demo-scenario-ws-text = ไคลเอนต์ WebSocket เชื่อมต่อกับเซิร์ฟเวอร์โปรโตคอล text
demo-scenario-tls-plain = ไคลเอนต์ wss:// เชื่อมต่อกับพอร์ต WebSocket ที่ไม่เข้ารหัส
demo-scenario-plain-tls = ไคลเอนต์ ws:// เชื่อมต่อกับพอร์ต TLS
demo-scenario-path = ไคลเอนต์ WebSocket ขอ path ที่เซิร์ฟเวอร์ไม่ได้ให้บริการ
demo-scenario-origin = เซิร์ฟเวอร์ WebSocket ที่ปฏิเสธ Origin ของหน้าเว็บ
demo-scenario-wrong-ip = ชื่อชี้ไปยังที่อยู่อื่น ไม่ใช่ที่อยู่ที่คุณคาดไว้ (--expect-ip)
demo-command = คำสั่ง: { $cmd }

## Global options, completions, manual page, argument errors
help-color = เมื่อใดจะแสดงสี: auto (เมื่อเป็นเทอร์มินัลและไม่ได้ตั้ง NO_COLOR), always, never
help-completions-about = พิมพ์สคริปต์เติมคำอัตโนมัติของเชลล์ (bash, zsh, fish, elvish, powershell) ออกทางเอาต์พุตมาตรฐาน
help-man-about = พิมพ์หน้าคู่มือ (roff) ออกทางเอาต์พุตมาตรฐาน เช่น conndoctor man | man -l -
help-completions-shell = เชลล์ที่ต้องการสคริปต์เติมคำ
help-exporter-listen = ที่อยู่สำหรับให้บริการ HTTP (พอร์ต 0: ใช้พอร์ตว่างใดก็ได้ และพิมพ์ออกมาตอนเริ่ม)
help-exporter-config = การตั้งค่า YAML: โมดูล รายการที่อนุญาต และขีดจำกัด หากไม่ระบุ: ใช้โมดูลในตัว tcp, http, https, ws, wss และเป้าหมายแบบ loopback เท่านั้น
help-exporter-check-config = ตรวจสอบการตั้งค่าแล้วออก (0 ถูกต้อง, 2 ไม่ถูกต้อง)
clap-unknown-argument = อาร์กิวเมนต์ที่ไม่คาดคิด '{ $arg }'
clap-invalid-subcommand = ไม่รู้จักคำสั่งย่อย '{ $arg }'
clap-invalid-value = ค่า '{ $value }' ใช้กับ '{ $arg }' ไม่ได้
clap-missing-value = '{ $arg }' ต้องมีค่า
clap-missing-required = ขาดอาร์กิวเมนต์ที่จำเป็น: { $args }
clap-conflict = ใช้ '{ $arg }' ร่วมกับ '{ $other }' ไม่ได้
clap-missing-subcommand = ต้องระบุคำสั่งย่อย
clap-other = อาร์กิวเมนต์ไม่ถูกต้อง: { $detail }
clap-possible-values = ค่าที่ใช้ได้: { $values }
clap-tip-subcommand = หมายถึง '{ $name }' หรือไม่?
clap-tip-argument = หมายถึง '{ $name }' หรือไม่?
clap-tip-value = หมายถึง '{ $name }' หรือไม่?
clap-more-info = ดูข้อมูลเพิ่มเติมได้ด้วย '--help'

## serve: WebSocket subprotocols
help-serve-subprotocol = WebSocket: subprotocol ที่เสนอ (ใส่ซ้ำได้) จะเลือกตัวแรกที่ไคลเอนต์ขอและรองรับ
input-bad-subprotocol = "{ $detail }" ไม่ใช่ชื่อ subprotocol ที่ถูกต้อง (ใช้ได้เฉพาะตัวอักษร ตัวเลข และ !#$%&'*+-.^_`|~)
