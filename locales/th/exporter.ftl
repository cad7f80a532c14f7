# conndoctor exporter — ข้อความภาษาไทย (id เดียวกับ locales/en/exporter.ftl)
# ที่อยู่ ชื่อไฟล์ ชื่อโมดูล เครือข่าย และตัวอย่างในตัวแทนค่า ไม่ต้องแปล
# ชื่อเมตริกและข้อความ HELP ไม่อยู่ในไฟล์นี้: คงเป็นภาษาอังกฤษตามธรรมเนียมของ Prometheus

## Exporter: start-up and signals

exporter-started-builtin = conndoctor exporter กำลังรอรับที่ http://{ $addr } — โมดูลในตัว { $modules }; เป้าหมายที่อนุญาต: เฉพาะ loopback ({ $cidrs }) เพราะไม่ได้ระบุ --config
exporter-started-file = conndoctor exporter กำลังรอรับที่ http://{ $addr } — โมดูล { $modules } จาก { $file }
exporter-allow-loopback = เป้าหมายที่อนุญาต: เฉพาะ loopback ({ $cidrs }) ทุกพอร์ต; เพิ่มส่วน "allow:" ในการตั้งค่าเพื่อตรวจโฮสต์อื่น
exporter-allow-list = เป้าหมายที่อนุญาต: โฮสต์ { $hosts }; เครือข่าย { $cidrs }; พอร์ต { $ports }
exporter-allow-any-port = ทุกพอร์ต
exporter-allow-none = ไม่มี
exporter-denied-ranges = จะไม่ตรวจเลยเว้นแต่ระบุไว้ชัดเจนใน allow.cidrs: { $ranges } (ที่อยู่ link-local และที่อยู่ metadata ของคลาวด์)
exporter-limits = ตรวจพร้อมกันได้สูงสุด { $probes } รายการ; กำหนดเวลาของการตรวจ: timeout ของโมดูล หรือ timeout ของการ scrape ลบ { $offset } วินาที หากสั้นกว่า
exporter-public-warning = เครื่องอื่นเข้าถึง { $addr } ได้: ใครก็ตามที่เข้าถึงได้สามารถสั่งให้เครื่องนี้ตรวจเป้าหมายที่อนุญาตได้
exporter-usage = ลองใช้: curl 'http://{ $addr }/probe?target=127.0.0.1:22&module=tcp' · รายงานฉบับเต็ม: เพิ่ม &debug=true · SIGHUP โหลดการตั้งค่าใหม่, Ctrl+C หยุด
exporter-reloaded = โหลดการตั้งค่าใหม่จาก { $file } แล้ว: โมดูล { $modules }
exporter-reload-failed = ไม่ได้โหลดการตั้งค่าใหม่ ยังใช้การตั้งค่าเดิมอยู่: { $detail }
exporter-reload-no-file = ได้รับ SIGHUP แต่ไม่มีไฟล์ --config ให้โหลดใหม่
exporter-stopped = หยุด exporter แล้ว
exporter-config-ok = { $file }: การตั้งค่าถูกต้อง; โมดูล { $modules }
exporter-listen-bad = "{ $detail }" ไม่ใช่ที่อยู่สำหรับรอรับการเชื่อมต่อ (ตัวอย่าง: 127.0.0.1:9115, [::1]:9115, localhost:0)
exporter-listen-failed = ไม่สามารถรอรับที่ { $addr }: { $detail }

## Exporter: configuration errors

exporter-config-read = { $file }: อ่านการตั้งค่าไม่ได้: { $detail }
exporter-config-syntax = { $file }: การตั้งค่าไม่ถูกต้อง: { $detail }
exporter-config-no-modules = { $file }: ยังไม่ได้กำหนดโมดูลใดเลย; เพิ่มอย่างน้อยหนึ่งโมดูลใต้ "modules:" (เช่น tcp: {"{"} prober: tcp {"}"})
exporter-config-module-name = { $file }: "{ $module }" ไม่ใช่ชื่อโมดูลที่ถูกต้อง (ตัวอักษร ตัวเลข "_" และ "-" ไม่เกิน 64 ตัว)
exporter-config-prober = { $file }: โมดูล "{ $module }": ไม่รู้จักชนิดการตรวจ "{ $value }" (ที่มี: tcp, text, http, https, ws, wss)
exporter-config-timeout = { $file }: โมดูล "{ $module }": "{ $value }" ไม่ใช่ timeout ที่ถูกต้อง (ตัวอย่าง: 5s, 500ms, 1.5; มากกว่า 0 และไม่เกิน 1 ชั่วโมง)
exporter-config-not-for-prober = { $file }: โมดูล "{ $module }": "{ $field }" ไม่มีความหมายสำหรับชนิดการตรวจ { $prober }
exporter-config-path = { $file }: โมดูล "{ $module }": พาธ "{ $value }" ต้องขึ้นต้นด้วย "/" และต้องไม่มีช่องว่าง อักขระควบคุม หรือ "#"
exporter-config-bad-value = { $file }: โมดูล "{ $module }": { $field } "{ $value }" ว่างเปล่า หรือมีการขึ้นบรรทัดใหม่หรืออักขระควบคุม
exporter-config-header = { $file }: โมดูล "{ $module }": "{ $value }" ไม่ใช่ header ที่ถูกต้อง (ชื่อประกอบด้วยตัวอักษร ตัวเลข และ !#$%&'*+-.^_`|~ ส่วนค่าต้องอยู่ในบรรทัดเดียว)
exporter-config-too-many-headers = { $file }: โมดูล "{ $module }": มี header เกิน { $max } รายการ
exporter-config-host = { $file }: allow.hosts: "{ $value }" ไม่ใช่ชื่อโฮสต์หรือรูปแบบ "*.example.com"
exporter-config-cidr = { $file }: allow.cidrs: "{ $value }" ไม่ใช่ที่อยู่หรือเครือข่าย (ตัวอย่าง: 10.0.0.0/8, 192.0.2.7, 2001:db8::/32)
exporter-config-port = { $file }: allow.ports: "{ $value }" ไม่ใช่พอร์ตหรือช่วงพอร์ต (ตัวอย่าง: 443, "8000-8999")
exporter-config-allow-empty = { $file }: "allow:" ไม่ได้ระบุโฮสต์หรือเครือข่ายใดเลย การตรวจทุกครั้งจึงจะถูกปฏิเสธ
exporter-config-limit = { $file }: limits.{ $field }: "{ $value }" ต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง { $max }
exporter-config-offset = { $file }: limits.scrape_timeout_offset: "{ $value }" ไม่ใช่ช่วงเวลาระหว่าง 0 ถึง 60 วินาที (ตัวอย่าง: 0.5s, 500ms, 0)
exporter-config-side-probes = { $file }: โมดูล "{ $module }": side_probes จะเชื่อมต่อพอร์ต { $ports } แต่ allow.ports ไม่ได้อนุญาตทั้งหมด; ให้เพิ่มพอร์ตเหล่านั้นหรือปิด side_probes

## Exporter: refused requests

exporter-refused-method = รองรับเฉพาะ GET
exporter-refused-uri = URI ของคำขอยาวเกิน { $limit } ไบต์
exporter-refused-body = คำขอที่ส่งถึง exporter ต้องไม่มีเนื้อหา (body)
exporter-refused-query = สตริงคำค้นผิดรูปแบบ (%-escape ผิด ไม่ใช่ UTF-8 พารามิเตอร์ซ้ำ หรือพารามิเตอร์มากเกินไป)
exporter-refused-no-target = ไม่มีพารามิเตอร์ "target" (ตัวอย่าง: /probe?target=127.0.0.1:8080&module=tcp)
exporter-refused-module = ไม่รู้จักโมดูล "{ $module }" (ที่ตั้งค่าไว้: { $modules })
exporter-refused-timeout-header = X-Prometheus-Scrape-Timeout-Seconds "{ $value }" ไม่ใช่จำนวนวินาทีที่เป็นบวก
exporter-refused-bad-target = เป้าหมาย "{ $target }" ไม่ถูกต้อง: { $detail }
exporter-refused-scheme = เป้าหมาย { $target } ใช้ { $scheme }:// แต่โมดูล "{ $module }" ตรวจแบบ { $prober }
exporter-refused-port = ไม่อนุญาตเป้าหมาย { $target }: พอร์ต { $port } ไม่อยู่ในรายการที่อนุญาต
exporter-refused-host = ไม่อนุญาตเป้าหมาย { $target }: โฮสต์ { $host } ไม่อยู่ในรายการที่อนุญาต
exporter-refused-resolved = ไม่อนุญาตเป้าหมาย { $target }: { $host } ไม่ใช่โฮสต์ในรายการ และแปลงชื่อไม่ได้เป็นที่อยู่ภายในเครือข่ายที่อนุญาต
exporter-refused-address = ไม่อนุญาตเป้าหมาย { $target }: { $addr } อยู่นอกเครือข่ายที่อนุญาต
exporter-refused-denied = ไม่อนุญาตเป้าหมาย { $target }: เป็นที่อยู่ link-local หรือที่อยู่ metadata ของคลาวด์ ({ $range }); หากต้องการตรวจ ให้ระบุไว้ชัดเจนใน allow.cidrs
exporter-refused-unspecified = ไม่อนุญาตเป้าหมาย { $target }: { $addr } เป็นที่อยู่ที่ไม่ระบุ ซึ่งจะเชื่อมต่อกลับมาที่เครื่องนี้เอง
exporter-refused-busy = มีการตรวจพร้อมกันมากเกินไป (จำกัด { $limit }); โปรดลองใหม่ภายหลัง
exporter-not-found = ไม่พบ: exporter ให้บริการเฉพาะ /probe, /metrics, /-/healthy, /-/ready และ POST /-/reload
exporter-index = conndoctor exporter: /probe?target=…&module=… ตรวจเป้าหมาย (เพิ่ม &debug=true เพื่อดูรายงานฉบับเต็ม, &format=json เพื่อรับ JSON); /metrics แสดงเมตริกของ exporter เอง

## Exporter: debug output

exporter-debug-module = โมดูล { $module } (ชนิดการตรวจ { $prober }) กำหนดเวลา { $seconds } วินาที
exporter-debug-unfinished = การตรวจไม่เสร็จภายในกำหนดเวลา
exporter-debug-metrics = เมตริกที่ส่งกลับสำหรับการตรวจครั้งนี้:

## Exporter: blackbox_exporter compatibility

exporter-refused-method-post = ปลายทางนี้ต้องใช้คำขอแบบ POST
exporter-healthy = ปกติดี
exporter-ready = พร้อมทำงาน
exporter-config-prober-unsupported = { $file }: โมดูล "{ $module }": conndoctor ไม่มีชนิดการตรวจ "{ $value }" ของ blackbox_exporter (ที่มี: tcp และ http รวมทั้ง text, https, ws, wss)
exporter-config-unsupported = { $file }: โมดูล "{ $module }": conndoctor ไม่รองรับตัวเลือก { $field } ของ blackbox_exporter โปรดลบออก (ดู README หัวข้อ "สิ่งที่เข้มงวดกว่า blackbox_exporter")
exporter-config-unknown-field = { $file }: โมดูล "{ $module }": ไม่รู้จักฟิลด์ "{ $field }" ใน { $block } (ที่รู้จัก: { $known })
exporter-config-status = { $file }: โมดูล "{ $module }": valid_status_codes: "{ $value }" ไม่ใช่รหัสสถานะ HTTP (100 ถึง 599)
exporter-config-http-version = { $file }: โมดูล "{ $module }": valid_http_versions ระบุ { $value } แต่ conndoctor ใช้ได้เฉพาะ HTTP/1.1 โปรดเพิ่ม "HTTP/1.1"
exporter-config-method = { $file }: โมดูล "{ $module }": method "{ $value }": conndoctor ตรวจด้วย GET เท่านั้น เพื่อไม่ให้การดึงค่าเปลี่ยนแปลงสิ่งใดบนเป้าหมาย
exporter-config-redirects = { $file }: โมดูล "{ $module }": conndoctor ไม่ตามการเปลี่ยนเส้นทาง (อาจพาไปยังเป้าหมายที่รายการอนุญาตปฏิเสธ) โปรดลบ follow_redirects หรือตั้ง no_follow_redirects: true
exporter-config-ip-protocol = { $file }: โมดูล "{ $module }": preferred_ip_protocol "{ $value }" ต้องเป็น ip4 หรือ ip6
exporter-config-steps = { $file }: โมดูล "{ $module }": query_response มีมากกว่า { $max } ขั้นตอน
exporter-config-step = { $file }: โมดูล "{ $module }": แต่ละขั้นตอนของ query_response ต้องมี expect หรือ send
exporter-config-regex = { $file }: โมดูล "{ $module }": "{ $value }" ไม่ใช่นิพจน์ปกติที่ถูกต้อง (หรือยาวเกิน 1024 อักขระ)
exporter-config-send = { $file }: โมดูล "{ $module }": send "{ $value }" ต้องเป็นบรรทัดเดียว ไม่เกิน 1024 ไบต์ และไม่มีการอ้างอิง ${"{"}…{"}"}
exporter-timeout-offset-bad = --timeout-offset "{ $value }" ไม่ใช่จำนวนวินาทีระหว่าง 0 ถึง 60 (ตัวอย่าง: 0.5)
