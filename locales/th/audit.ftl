# conndoctor audit — server-side messages (th).
# ที่อยู่ พอร์ต คำสั่ง ข้อความกฎ และชื่อโปรแกรมในตัวแทนค่า ไม่ต้องแปล

## Command line

audit-input-example = ตัวอย่าง: conndoctor audit 8282 · conndoctor audit websocket://0.0.0.0:8282 · conndoctor audit (ทุกพอร์ตที่รอรับการเชื่อมต่อ)
audit-input-bad-from = "{ $detail }" ไม่ใช่ที่อยู่ IP (--from รับที่อยู่ของไคลเอนต์ เช่น 203.0.113.9)
audit-input-bad-sysroot = "{ $detail }" ไม่ใช่ไดเรกทอรี (--sysroot)

## Checklist

audit-check-address = ที่อยู่ที่ listen
audit-check-interfaces = ที่อยู่
audit-check-listeners = ตัวรับการเชื่อมต่อ
audit-check-self-probe = ทดสอบตัวเอง
audit-check-protocol = โปรโตคอล
audit-check-firewall = ไฟร์วอลล์
audit-check-panel = แผงควบคุม
audit-check-cloud = คลาวด์
audit-check-capacity = ความจุ
audit-check-limits = ขีดจำกัด
audit-all-listeners = ทุกพอร์ตที่รอรับการเชื่อมต่อบนเครื่องนี้
audit-address-local = { $ip } เป็นที่อยู่ของเครื่องนี้
audit-address-not-local = { $ip } ไม่ใช่ที่อยู่ของเครื่องนี้
audit-no-listener = ไม่มีโปรแกรมใด listen ที่พอร์ต TCP { $port }
audit-no-listeners-at-all = ไม่มีโปรแกรมใด listen ที่พอร์ต TCP ใดเลย
audit-nearby-line = พอร์ตใกล้เคียง: { $addr } · { $program }
audit-process = { $comm } (pid { $pid }, ผู้ใช้ { $user }{ $count ->
    [1] {""}
   *[other] , ใช้ซ็อกเก็ตร่วมกัน { $count } โปรเซส
}) · { $cmd }
audit-process-unknown = ไม่พบโปรเซส (เจ้าของซ็อกเก็ต: { $user })
audit-process-hidden = มองไม่เห็นโปรเซส (เจ้าของซ็อกเก็ต: { $user }) ให้รันด้วย root เพื่อดู
audit-hidden-processes = { $count ->
    [1] ตรวจโปรเซสของผู้ใช้อื่นไม่ได้ 1 โปรเซส ให้รันด้วย root เพื่อดู
   *[other] ตรวจโปรเซสของผู้ใช้อื่นไม่ได้ { $count } โปรเซส ให้รันด้วย root เพื่อดู
}
audit-addr-v6only = { $addr } (IPv6 เท่านั้น)
audit-addr-dual = { $addr } (IPv6 และ IPv4)
audit-self-probe-line = { $addr }: { $outcome } ใน { $ms } ms
audit-speaks = พอร์ตนี้ใช้ { $kind ->
    [websocket] WebSocket
    [wss] WebSocket บน TLS
    [http] HTTP
    [https] HTTPS
    [tls] TLS
    [ssh] SSH
    [smtp] SMTP
    [ftp] FTP
    [redis] Redis
    [mysql] MySQL
    [text] โปรโตคอลแบบข้อความ
    [binary] โปรโตคอลแบบไบนารี
    [silent] (ไม่ตอบ: รอให้ไคลเอนต์ส่งก่อน)
    [closes] (ไม่ตอบ: ปิดการเชื่อมต่อ)
   *[other] โปรโตคอลที่ไม่รู้จัก
} { $detail }
audit-fw-source-read = { $tool }: { $rules ->
    [1] 1 กฎ
   *[other] { $rules } กฎ
}
audit-fw-source-empty = ยังไม่มีกฎใดถูกโหลด ({ $tools })
audit-fw-source-missing = ไม่ได้ติดตั้ง { $tool }
audit-fw-source-denied = { $tool }: ไม่มีสิทธิ์อ่านกฎ ({ $detail }) ให้รันด้วย root
audit-fw-source-failed = { $tool } ทำงานล้มเหลว: { $detail }
audit-fw-no-outside-interface = ไม่มีอินเทอร์เฟซเครือข่ายอื่นนอกจาก loopback: ไม่มีอะไรจากภายนอกเข้ามาได้
audit-fw-accepted = TCP { $port } ผ่านได้บน { $addrs } · { $by }
audit-fw-dropped = TCP { $port } ถูกทิ้ง (drop) บน { $addrs } · { $by }
audit-fw-rejected = TCP { $port } ถูกปฏิเสธ (reject) บน { $addrs } · { $by }
audit-fw-unknown = TCP { $port } บน { $addrs } ถูกส่งต่อให้โปรแกรมนอกชุดกฎ (queue) · { $by }
audit-fw-no-rules = ไม่มีกฎกรองบนเส้นทางขาเข้า
audit-fw-rule-ref = { $source } { $chain } #{ $position }: { $text }
audit-fw-policy-ref = { $source } { $chain }: { $text }
audit-panel-line = { $name } ({ $marker })
audit-ufw-enabled = ufw เปิดใช้งานอยู่ (/etc/ufw/ufw.conf)
audit-firewalld-running = firewalld กำลังทำงาน
audit-cloud-line = { $provider ->
    [alibaba] Alibaba Cloud
    [tencent] Tencent Cloud
    [huawei] Huawei Cloud
    [aws] Amazon Web Services
    [google] Google Cloud
    [azure] Microsoft Azure
    [oracle] Oracle Cloud
    [digitalocean] DigitalOcean
    [hetzner] Hetzner Cloud
    [vultr] Vultr
    [linode] Akamai / Linode
    [upcloud] UpCloud
    [scaleway] Scaleway
    [exoscale] Exoscale
    [openstack] คลาวด์ OpenStack
   *[other] ผู้ให้บริการคลาวด์
} (DMI { $field }: { $value }): security group ของผู้ให้บริการกรองแพ็กเก็ตก่อนถึงเครื่องนี้
audit-cloud-none = ไม่รู้จักผู้ให้บริการคลาวด์ (DMI: { $vendor })
audit-cloud-no-dmi = ไม่มีข้อมูล DMI (อยู่ในคอนเทนเนอร์ หรือไม่ใช่ VM): ไม่ทราบผู้ให้บริการคลาวด์
audit-queue-line = { $addr }: คิว accept { $queued }/{ $backlog } · ListenOverflows +{ $overflows } ใน { $ms } ms
audit-fds-line = { $program } (pid { $pid }): เปิดไฟล์อยู่ { $open } จากขีดจำกัด { $limit }
audit-note-no-ephemeral = ฝั่งเซิร์ฟเวอร์ไม่มีขีดจำกัดพอร์ตชั่วคราว (ephemeral port): ไคลเอนต์ทุกตัวเชื่อมต่อมาที่พอร์ตเดียวกัน และแยกการเชื่อมต่อด้วยที่อยู่และพอร์ตของไคลเอนต์ สิ่งที่จำกัดเซิร์ฟเวอร์คือ file descriptor (ขีดจำกัดของโปรเซส และ fs.file-nr { $files }) คิว listen (net.core.somaxconn { $somaxconn }) และหน่วยความจำ (เหลือ { $mem } MiB)
audit-inv-open = เท่าที่เครื่องนี้มองเห็น เชื่อมต่อจากภายนอกได้
audit-inv-summary = ตรวจพอร์ตที่ listen อยู่ { $count } พอร์ต: { $problems ->
    [0] ไม่มีสิ่งใดขวางไคลเอนต์
   *[other] มีปัญหา { $problems } พอร์ต (พอร์ต { $ports })
}
audit-summary-time = การตรวจใช้เวลา { $ms } ms

## Verdicts

audit-verdict-ok = ไม่มีสิ่งใดบนเครื่องนี้ขัดขวางไคลเอนต์ไม่ให้เชื่อมต่อพอร์ตนี้
audit-verdict-refused = ไคลเอนต์จะได้ "connection refused" (การเชื่อมต่อถูกปฏิเสธ)
audit-verdict-timeout = ไคลเอนต์จะหมดเวลารอ: แพ็กเก็ตของพวกเขาถูกทิ้ง
audit-verdict-mismatch = ไคลเอนต์เชื่อมต่อได้ แต่พอร์ตนี้ใช้โปรโตคอลอื่น
audit-verdict-reset = ไคลเอนต์เชื่อมต่อได้ แล้วเซิร์ฟเวอร์ก็ปิดการเชื่อมต่อ
audit-verdict-tls = ไคลเอนต์เชื่อมต่อได้ แต่ TLS ล้มเหลว
audit-label-causes = สาเหตุ เรียงตามลำดับที่แพ็กเก็ตของไคลเอนต์จะพบ

## Evidence lines

audit-ev-cloud-dmi = เครื่องนี้ทำงานอยู่บน { $provider ->
    [alibaba] Alibaba Cloud
    [tencent] Tencent Cloud
    [huawei] Huawei Cloud
    [aws] Amazon EC2
    [google] Google Compute Engine
    [azure] Azure
    [oracle] Oracle Cloud
    [digitalocean] DigitalOcean
    [hetzner] Hetzner
    [vultr] Vultr
    [linode] Linode
    [upcloud] UpCloud
    [scaleway] Scaleway
    [exoscale] Exoscale
    [openstack] OpenStack
   *[other] คลาวด์
} (DMI { $field }: { $value })
audit-ev-sg-invisible = security group กรองแพ็กเก็ตก่อนถึง VM นี้ จึงไม่มีอะไรบนเครื่องนี้บอกได้ว่า TCP { $port } เปิดอยู่ที่นั่นหรือไม่
audit-ev-fw-rule = { $verdict ->
    [reject] ถูกปฏิเสธโดย
   *[other] ถูกทิ้งโดย
} { $source } { $chain } กฎ #{ $position }: { $text }
audit-ev-fw-policy = { $source } { $chain } มี policy drop และไม่มีกฎใดในนั้นยอมให้ TCP { $port } ผ่าน
audit-ev-fw-reject-with = การปฏิเสธถูกส่งเป็น { $with }
audit-ev-fw-packet = ประเมินสำหรับการเชื่อมต่อใหม่จากภายนอกที่เข้ามาทาง { $iface } ถึง { $addr }
audit-ev-fw-also = เกิดแบบเดียวกันบน { $addrs }
audit-ev-fw-open-elsewhere = ผ่านได้บน { $addrs }
audit-ev-fw-only-from = ยอมให้ผ่านเฉพาะบางที่อยู่ของไคลเอนต์: { $source } { $chain } #{ $position }: { $text }
audit-ev-fw-not-understood = ข้ามกฎที่ conndoctor เข้าใจไม่ครบ: { $source } { $chain } #{ $position }: { $text }
audit-ev-fw-command = เพื่อให้ผ่าน: { $cmd }
audit-ev-fw-unreadable = อ่านกฎไฟร์วอลล์ไม่ได้ (ให้รัน conndoctor audit ด้วย root)
audit-ev-csf-tcp-in = TCP_IN ใน /etc/csf/csf.conf ไม่มี { $port } (เปิดไว้: { $ports })
audit-ev-panel-marker = ติดตั้ง { $name } ไว้ ({ $marker })
audit-ev-panel-owns-rules = { $name } เป็นผู้เขียนกฎไฟร์วอลล์ กฎที่เพิ่มด้วยมืออาจถูกเขียนทับ
audit-ev-not-local = { $ip } ไม่ได้อยู่บนอินเทอร์เฟซใดของเครื่องนี้ (ที่อยู่ของเครื่อง: { $addrs })
audit-ev-nat = { $ip } เป็นที่อยู่สาธารณะ แต่เครื่องนี้มีแค่ที่อยู่ภายใน: คลาวด์ส่งต่อ (NAT) ที่อยู่สาธารณะมายังที่อยู่ภายใน
audit-ev-no-listener = ตารางซ็อกเก็ตของเคอร์เนลไม่มีตัวใด listen ที่พอร์ต TCP { $port }
audit-ev-nearby = { $addr } กำลัง listen อยู่ ({ $program }): พิมพ์พอร์ตผิดหรือเปล่า?
audit-ev-bound-loopback = bind ไว้ที่ { $bound }: เฉพาะโปรแกรมบนเครื่องนี้เท่านั้นที่เชื่อมต่อได้
audit-ev-uncovered = { $addrs } ไม่ถูกรับ: ซ็อกเก็ต bind ไว้ที่ { $bound }
audit-ev-v6only = { $bound } เป็นซ็อกเก็ต IPv6 เท่านั้น (IPV6_V6ONLY): ไคลเอนต์ IPv4 จะถูกปฏิเสธ
audit-ev-bindv6only = net.ipv6.bindv6only = 1 ทำให้ทุกซ็อกเก็ต [::] รับเฉพาะ IPv6 เว้นแต่โปรแกรมจะกำหนดเอง
audit-ev-v4-only = เครื่องนี้มีที่อยู่ IPv6 สาธารณะ { $addr } แต่ไม่มีซ็อกเก็ต IPv6 ใด listen ที่พอร์ตนี้
audit-ev-queue-vs-backlog = คิว accept มี { $queued } โดย backlog เป็น { $backlog }
audit-ev-somaxconn-caps = backlog เท่ากับ net.core.somaxconn ({ $somaxconn }): เคอร์เนลตัดค่าที่โปรแกรมขอไว้
audit-ev-overflows-rising = ในช่วง { $ms } ms ของการตรวจนี้ { $count ->
    [1] เคอร์เนลทิ้งความพยายามเชื่อมต่อ 1 ครั้ง
   *[other] เคอร์เนลทิ้งความพยายามเชื่อมต่อ { $count } ครั้ง
} เพราะคิว listen เต็ม (TcpExtListenOverflows; ListenDrops +{ $drops })
audit-ev-self-probe-timeout = การทดสอบตัวเองไปยัง { $addrs } ไม่ได้รับคำตอบ
audit-ev-fds = { $program } (pid { $pid }) เปิดไฟล์อยู่ { $open } จากขีดจำกัด { $limit }

## Causes: titles (cause-*) and fixes (fix-*) that only audit finds

cause-timeout-security-group = { $provider ->
    [alibaba] security group ของ Alibaba Cloud
    [tencent] security group ของ Tencent Cloud
    [huawei] security group ของ Huawei Cloud
    [aws] security group ของ AWS
    [google] ไฟร์วอลล์ VPC ของ Google Cloud
    [azure] network security group ของ Azure
    [oracle] security list ของ Oracle Cloud
    [digitalocean] cloud firewall ของ DigitalOcean
    [hetzner] cloud firewall ของ Hetzner
    [vultr] firewall group ของ Vultr
    [linode] cloud firewall ของ Linode
   *[other] security group หรือไฟร์วอลล์ของผู้ให้บริการคลาวด์
} อาจยังไม่อนุญาตพอร์ต TCP { $port }
fix-timeout-security-group = อนุญาต TCP { $port } ขาเข้า จากต้นทาง 0.0.0.0/0 (หรือที่อยู่ของไคลเอนต์) ใน { $provider ->
    [alibaba] คอนโซล ECS → Instances → อินสแตนซ์นั้น → Security Groups → Inbound rules (Simple Application Server: แท็บ Firewall ของอินสแตนซ์)
    [tencent] คอนโซล CVM → Security Groups → Inbound rules (Lighthouse: แท็บ Firewall ของอินสแตนซ์)
    [huawei] คอนโซล ECS → อินสแตนซ์นั้น → Security Groups → Inbound Rules
    [aws] คอนโซล EC2 → Instances → แท็บ Security → security group → Edit inbound rules (Lightsail: Networking → Firewall) และตรวจ network ACL ของ subnet ด้วย
    [google] VPC network → Firewall → Create firewall rule (ทิศทาง ingress เป้าหมายคือ network tag ของอินสแตนซ์)
    [azure] VM → Networking → Inbound port rules (network security group ของมัน)
    [oracle] Networking → Virtual Cloud Networks → Security List ของ subnet (หรือ Network Security Group ของอินสแตนซ์) → Ingress Rules และอิมเมจของ Oracle มีกฎ iptables ที่ต้องอนุญาตด้วย
    [digitalocean] Networking → Firewalls → ไฟร์วอลล์ที่ใช้กับ Droplet → Inbound Rules
    [hetzner] Cloud Console → Firewalls → ไฟร์วอลล์ที่ใช้กับเซิร์ฟเวอร์ → Inbound rules
    [vultr] Network → Firewall → firewall group ที่ผูกกับอินสแตนซ์
    [linode] Cloud Manager → Firewalls → ไฟร์วอลล์ที่กำหนดให้ Linode → Inbound rules
    [upcloud] Hub → เซิร์ฟเวอร์ → Firewall
    [scaleway] Instances → Security groups → Inbound rules
    [exoscale] Compute → Security groups → Rules
    [openstack] แดชบอร์ด → Network → Security Groups → Manage Rules
   *[other] คอนโซลของผู้ให้บริการ: security group ไฟร์วอลล์ หรือ network ACL ของ VM นี้
}
cause-timeout-panel-firewall = ไฟร์วอลล์ของ { $panel ->
    [bt] BT Panel / aaPanel
    [onepanel] 1Panel
    [cpanel] cPanel/WHM
    [plesk] Plesk
    [directadmin] DirectAdmin
    [cyberpanel] CyberPanel
    [hestia] HestiaCP
    [vesta] VestaCP
    [cwp] CentOS Web Panel
    [ispmanager] ISPmanager
    [csf] ConfigServer Firewall (csf)
   *[other] แผงควบคุมโฮสติ้ง
} ไม่ได้เปิดพอร์ต TCP { $port }
fix-timeout-panel-firewall = { $panel ->
    [bt] ใน BT Panel / aaPanel: Security → Firewall → เพิ่มกฎพอร์ตที่อนุญาต TCP { $port }
    [onepanel] ใน 1Panel: Host → Firewall → สร้างกฎพอร์ตที่อนุญาต TCP { $port }
    [cpanel] ใน WHM: Plugins → ConfigServer Security & Firewall → เพิ่ม { $port } ใน TCP_IN (หรือไฟร์วอลล์ที่ผู้ให้บริการตั้งไว้)
    [plesk] ใน Plesk: Tools & Settings → Firewall → เพิ่มกฎที่อนุญาต TCP { $port } ขาเข้า
    [directadmin] ในไฟร์วอลล์ของ DirectAdmin (ปกติคือ csf): เพิ่ม { $port } ใน TCP_IN แล้วรีสตาร์ต
    [cyberpanel] ใน CyberPanel: Security → Firewall → เพิ่มกฎสำหรับ TCP { $port }
    [hestia] ใน HestiaCP: Server → Firewall → เพิ่มกฎ ACCEPT TCP { $port }
    [vesta] ใน VestaCP: Server → Firewall → เพิ่มกฎ ACCEPT TCP { $port }
    [cwp] ใน CentOS Web Panel: Security → CSF Firewall → อนุญาต TCP { $port }
    [ispmanager] ใน ISPmanager: Firewall → เพิ่มกฎที่อนุญาต TCP { $port }
    [csf] เพิ่ม { $port } ใน TCP_IN ของ /etc/csf/csf.conf แล้วรัน csf -r
   *[other] เปิดพอร์ต TCP { $port } ในหน้าไฟร์วอลล์ของแผงควบคุม: แผงควบคุมจะเขียนไฟร์วอลล์ของเครื่องใหม่ตามรายการของมันเอง
}
cause-addr-not-avail-bind-not-local = เซิร์ฟเวอร์ถูกตั้งให้ listen ที่ { $addr } ซึ่งเป็นที่อยู่ที่เครื่องนี้ไม่มี
fix-addr-not-avail-bind-not-local = ให้ listen ที่ 0.0.0.0:{ $port } (ทุกที่อยู่) หรือที่อยู่ภายในของเครื่องนี้แทน ไคลเอนต์ยังใช้ที่อยู่สาธารณะเหมือนเดิม และคลาวด์จะส่งต่อมายังที่อยู่ภายใน การ bind ที่อยู่ที่ไม่มีจะล้มเหลวด้วย "Cannot assign requested address"
cause-timeout-server-fd-limit = { $program } (pid { $pid }) เปิดไฟล์ถึงขีดจำกัดแล้ว ({ $open } จาก { $limit }): รับการเชื่อมต่อใหม่ไม่ได้
fix-timeout-server-fd-limit = เพิ่มขีดจำกัดของ { $program }: ตั้ง LimitNOFILE=65535 ใน systemd unit ของมัน (หรือ ulimit -n 65535 ก่อนเริ่ม) แล้วรีสตาร์ต และตรวจหาการเชื่อมต่อที่ไม่เคยถูกปิด
