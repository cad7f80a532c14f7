# conndoctor audit --watch: ดูจากฝั่งเซิร์ฟเวอร์ว่า SYN ของไคลเอนต์หยุดที่ไหน

## Options and input

help-audit-watch = เฝ้าดู SYN ที่เข้ามายัง PORT ที่อินเทอร์เฟซ และบอกว่าหยุดที่ไหน: ก่อนถึงเครื่องนี้ ที่กฎไฟร์วอลล์ หรือที่ตัวรอรับการเชื่อมต่อ (ต้องใช้ root)
help-audit-duration = ระยะเวลาที่ --watch ทำงาน เช่น 30s, 2m [ค่าเริ่มต้น: 60s]; กด Ctrl-C เพื่อจบก่อน
watch-input-bad-port = { $detail } ไม่ใช่พอร์ตสำหรับ --watch (1-65535)
watch-input-two-ports = { $detail } และ --watch { $port } ระบุพอร์ตต่างกัน
watch-input-bad-duration = { $detail } ไม่ใช่ระยะเวลาสำหรับ --duration (เช่น 30s, 2m; ไม่เกิน 1h)
watch-error-denied = การเฝ้าดูแพ็กเก็ตต้องใช้ root (CAP_NET_RAW): { $detail }
watch-error-capture = เปิดซ็อกเก็ตแพ็กเก็ตไม่ได้: { $detail }

## While it runs

watch-ready = กำลังเฝ้าดูพอร์ต TCP { $port } บนทุกอินเทอร์เฟซเป็นเวลา { $secs } วินาที ให้ไคลเอนต์เชื่อมต่อตอนนี้ (Ctrl-C เพื่อจบ)
watch-ready-from = กำลังเฝ้าดู SYN จาก { $client } ไปยังพอร์ต TCP { $port } เป็นเวลา { $secs } วินาที ให้ไคลเอนต์เชื่อมต่อตอนนี้ (Ctrl-C เพื่อจบ)

## The report

watch-title = พอร์ต TCP { $port } · เฝ้าดู { $secs } วินาที
watch-no-client = ไม่มีไคลเอนต์
watch-row = SYN เข้า: { $syns } ({ $iface }; พอร์ตต้นทาง { $ports }) · SYN-ACK ออก: { $synacks } · RST ออก: { $resets }
watch-row-none = ไม่มี SYN เข้ามา
watch-verdict-never-arrived = แพ็กเก็ตไม่เคยมาถึงเครื่องนี้ → security group ของคลาวด์ ไฟร์วอลล์ของผู้ให้บริการ หรือเราเตอร์ก่อนถึงเครื่อง
watch-verdict-dropped-local = มาถึงการ์ดเครือข่ายแล้ว ถูกกฎในเครื่องใน { $chain } ทิ้ง
watch-verdict-panel-firewall = มาถึงการ์ดเครือข่ายแล้ว ถูก { $panel } ({ $chain }) ทิ้ง
watch-verdict-no-listener = มาถึงเครื่องนี้แล้ว แต่ไม่มีอะไรรอรับที่พอร์ต { $port }
watch-verdict-queue-full = มาถึงตัวรอรับแล้ว แต่ไม่ถูกรับ: คิวเต็ม
watch-verdict-asymmetric-route = มาถึงตัวรอรับแล้ว แต่คำตอบออกไปทางอื่น ({ $out })
watch-verdict-not-answered = มาถึงเครื่องนี้แล้ว แต่ไม่มีคำตอบออกไป
watch-verdict-reply-lost = มาถึงตัวรอรับแล้ว SYN-ACK ออกทาง { $iface } แต่ไม่เคยไปถึงไคลเอนต์
watch-verdict-accepted = มาถึงตัวรอรับแล้ว และ SYN-ACK ถูกส่งออกไป

## Evidence

watch-ev-none-from = ใน { $secs } วินาที ไม่มี SYN จาก { $client } ไปยังพอร์ต { $port } มาถึงอินเทอร์เฟซใดเลย
watch-ev-none = ใน { $secs } วินาที ไม่มี SYN ไปยังพอร์ต { $port } มาถึงอินเทอร์เฟซใดเลย
watch-ev-others = มี SYN มาจากที่อยู่อื่น ({ $count }): { $addrs } ถ้าไคลเอนต์อยู่หลัง NAT ที่อยู่ของมันคือหนึ่งในนี้: ให้เฝ้าดูใหม่ด้วย --from นั้น
watch-ev-before-host = การเฝ้าดูเห็นแพ็กเก็ตที่อินเทอร์เฟซ ก่อนไฟร์วอลล์ใดๆ ของเครื่องนี้: สิ่งที่ไม่ปรากฏที่นี่ถูกทิ้งระหว่างทาง
watch-ev-syns = SYN จาก { $client } ไปยัง { $dst } มาถึง { $iface } จำนวน { $count } (พอร์ตต้นทาง { $ports })
watch-ev-syn-ack = SYN-ACK ออกทาง { $iface } จำนวน { $count }
watch-ev-syn-ack-elsewhere = SYN-ACK ออกทาง { $out } จำนวน { $count } ขณะที่ SYN เข้ามาทาง { $in }
watch-ev-retried = ไคลเอนต์ส่ง SYN เดิมซ้ำหลัง SYN-ACK ({ $count } ครั้ง): คำตอบไปไม่ถึงมัน
watch-ev-rule = { $source } { $chain } กฎที่ { $position } ({ $verdict }): { $text }
watch-ev-policy = { $source } { $chain }: ถูกนโยบาย drop ของเชนทิ้ง (ไม่มีกฎใดอนุญาตพอร์ตนี้)
watch-ev-counter = ตัวนับแพ็กเก็ตของกฎเพิ่มขึ้น { $count } ระหว่างเฝ้าดู
watch-ev-no-counter = กฎนี้ไม่มีตัวนับ การประเมินชุดกฎเองเป็นผู้ระบุกฎนี้
watch-ev-reject-with = กฎตอบกลับด้วย { $with }
watch-ev-manager = เชนนี้เป็นของ { $panel }
watch-ev-panel = แผงควบคุมบนเครื่องนี้: { $panels }
watch-ev-no-listener = ไม่มีซ็อกเก็ตรอรับที่ { $addr } (ที่รอรับบนพอร์ตนี้: { $bound })
watch-ev-resets = RST ถูกส่งออกไปเป็นคำตอบ { $count } ครั้ง
watch-ev-queue = คิว accept ของ { $addr } ขึ้นถึง { $queue } โดย backlog เป็น { $backlog }
watch-ev-overflows = ListenOverflows เพิ่มขึ้น { $count } ระหว่างเฝ้าดู: เคอร์เนลทิ้ง SYN เพราะคิวเต็ม
watch-ev-rp-filter = เปิดการกรองเส้นทางย้อนกลับแบบเข้มงวด (rp_filter = 1) บน { $iface }: SYN ที่คำตอบจะออกทางอินเทอร์เฟซอื่นจะถูกทิ้ง
watch-ev-firewall-unread = อ่านกฎไฟร์วอลล์ไม่ได้ (ให้รันด้วย root)

## Causes

cause-watch-never-arrived = ไม่มี SYN ไปยังพอร์ต { $port } มาถึงเครื่องนี้: ถูกทิ้งก่อนถึง
fix-watch-never-arrived = เปิด TCP { $port } ในจุดที่กรองแพ็กเก็ตก่อนถึงเครื่องนี้: security group ของคลาวด์ (กฎขาเข้าสำหรับ TCP { $port } จากที่อยู่ของไคลเอนต์) ไฟร์วอลล์เครือข่ายของผู้ให้บริการหรือของแผงโฮสติ้ง หรือการส่งต่อพอร์ตของเราเตอร์/NAT ด้านหน้า และตรวจว่าไคลเอนต์เชื่อมต่อไปยังที่อยู่สาธารณะของเครื่องนี้
cause-watch-dropped-local = SYN จาก { $client } มาถึงเครื่องนี้แล้ว และถูกกฎไฟร์วอลล์ในเครื่องใน { $chain } ทิ้ง
fix-watch-dropped-local = อนุญาต TCP { $port } ก่อนกฎนั้นใน { $chain } (หรือลบกฎ) แล้วให้ไคลเอนต์ลองใหม่
cause-watch-panel-firewall = SYN จาก { $client } ถูกกฎของ { $panel } ({ $chain }) ทิ้ง
fix-watch-panel-firewall = เปิด TCP { $port } ใน { $panel } เอง (ufw allow { $port }/tcp; firewall-cmd --permanent --add-port={ $port }/tcp แล้ว firewall-cmd --reload; สำหรับ csf ใส่ใน TCP_IN ของ /etc/csf/csf.conf) หรือในแผงควบคุมที่สั่งงานมัน: กฎที่เพิ่มเองจะถูกเขียนทับเมื่อมันโหลดเชนใหม่
cause-watch-no-listener = SYN จาก { $client } ผ่านไฟร์วอลล์แล้ว แต่ไม่มีอะไรรอรับที่พอร์ต { $port }
fix-watch-no-listener = เริ่มเซิร์ฟเวอร์ที่พอร์ต { $port } โดยรอรับที่ 0.0.0.0 (หรือ [::]) หรือที่อยู่ที่ไคลเอนต์เชื่อมต่อ ตรวจด้วย ss -ltnp | grep :{ $port }
cause-watch-queue-full = SYN จาก { $client } มาถึงตัวรอรับแล้ว แต่คิว accept ของมันเต็ม
fix-watch-queue-full = โปรแกรมรับการเชื่อมต่อไม่ทันกับที่เข้ามา: ตรวจว่ามันค้างหรือทำงานหนักเกินไปหรือไม่ และเพิ่ม listen backlog ของมัน (และ net.core.somaxconn)
cause-watch-asymmetric-route = คำตอบถึง { $client } ออกทาง { $out } ไม่ใช่ทาง { $in } ที่ SYN เข้ามา
fix-watch-asymmetric-route = ทำให้คำตอบออกทาง { $in }: แก้เส้นทางไปยัง { $client } (ip route get { $client }) หรือเพิ่มกฎ policy routing สำหรับที่อยู่ของเครื่องนี้บน { $in }
cause-watch-not-answered = SYN จาก { $client } มาถึงแล้ว แต่ไม่มีคำตอบออกไป
fix-watch-not-answered = ตรวจการกรองเส้นทางย้อนกลับ (sysctl net.ipv4.conf.all.rp_filter) โปรแกรม tc หรือ XDP บนอินเทอร์เฟซ และบันทึกของเคอร์เนล แล้วเฝ้าดูอีกครั้ง
cause-watch-reply-lost = เครื่องนี้ตอบ { $client } ทาง { $iface } แล้ว แต่คำตอบไปไม่ถึง
fix-watch-reply-lost = ตรวจเส้นทางขากลับ: ไฟร์วอลล์ security group หรือ NAT ระหว่างเครื่องนี้กับ { $client } ที่ทิ้งแพ็กเก็ตจากพอร์ต TCP { $port } (กฎขาออก อุปกรณ์ stateful ที่ไม่เห็น SYN) หรือเส้นทางที่ส่งมันไปที่อื่นหลัง { $iface }
cause-watch-accepted = เครื่องนี้ตอบ { $client } แล้ว: SYN-ACK ถูกส่งออกไป
fix-watch-accepted = ไม่ต้องเปลี่ยนอะไรบนเครื่องนี้ ถ้าไคลเอนต์ยังล้มเหลว คำตอบหายระหว่างทางกลับ (ไฟร์วอลล์แบบ stateful หรือ NAT ตรงกลาง) หรือความล้มเหลวเกิดหลังการจับมือ

## On the client

check-watch-hint = หากต้องการดูว่าแพ็กเก็ตหยุดที่ไหน ให้รันบนเซิร์ฟเวอร์: { $cmd }
check-watch-ports = แล้วเชื่อมต่ออีกครั้ง พอร์ตต้นทางของคุณ (รหัสสำหรับจับคู่) คือ: { $ports }
