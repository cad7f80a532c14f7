# conndoctor audit — server-side messages (vi).
# Địa chỉ, cổng, lệnh, nội dung quy tắc và tên chương trình trong các chỗ thay thế được giữ nguyên.

## Command line

audit-input-example = ví dụ: conndoctor audit 8282 · conndoctor audit websocket://0.0.0.0:8282 · conndoctor audit (mọi cổng đang lắng nghe)
audit-input-bad-from = "{ $detail }" không phải là địa chỉ IP (--from nhận địa chỉ của client, ví dụ 203.0.113.9)
audit-input-bad-sysroot = "{ $detail }" không phải là thư mục (--sysroot)

## Checklist

audit-check-address = Địa chỉ lắng nghe
audit-check-interfaces = Địa chỉ
audit-check-listeners = Socket lắng nghe
audit-check-self-probe = Tự kiểm tra
audit-check-protocol = Giao thức
audit-check-firewall = Tường lửa
audit-check-panel = Bảng điều khiển
audit-check-cloud = Đám mây
audit-check-capacity = Dung lượng
audit-check-limits = Giới hạn
audit-all-listeners = mọi socket đang lắng nghe trên máy này
audit-address-local = { $ip } là địa chỉ của máy này
audit-address-not-local = { $ip } không phải là địa chỉ của máy này
audit-no-listener = không có gì lắng nghe trên cổng TCP { $port }
audit-no-listeners-at-all = không có gì lắng nghe trên bất kỳ cổng TCP nào
audit-nearby-line = gần đó: { $addr } · { $program }
audit-process = { $comm } (pid { $pid }, người dùng { $user }{ $count ->
    [1] {""}
   *[other] , { $count } tiến trình dùng chung socket
}) · { $cmd }
audit-process-unknown = không tìm thấy tiến trình (chủ socket: { $user })
audit-process-hidden = tiến trình bị ẩn (chủ socket: { $user }); chạy bằng root để thấy
audit-hidden-processes = { $count ->
    [1] không kiểm tra được 1 tiến trình của người dùng khác; chạy bằng root để thấy
   *[other] không kiểm tra được { $count } tiến trình của người dùng khác; chạy bằng root để thấy
}
audit-addr-v6only = { $addr } (chỉ IPv6)
audit-addr-dual = { $addr } (IPv6 và IPv4)
audit-self-probe-line = { $addr }: { $outcome } sau { $ms } ms
audit-speaks = cổng này nói { $kind ->
    [websocket] WebSocket
    [wss] WebSocket qua TLS
    [http] HTTP
    [https] HTTPS
    [tls] TLS
    [ssh] SSH
    [smtp] SMTP
    [ftp] FTP
    [redis] Redis
    [mysql] MySQL
    [text] một giao thức văn bản
    [binary] một giao thức nhị phân
    [silent] không gì cả: nó chờ client nói trước
    [closes] không gì cả: nó đóng kết nối
   *[other] một giao thức không nhận ra
} { $detail }
audit-fw-source-read = { $tool }: { $rules ->
    [1] 1 quy tắc
   *[other] { $rules } quy tắc
}
audit-fw-source-empty = chưa nạp quy tắc nào ({ $tools })
audit-fw-source-missing = chưa cài { $tool }
audit-fw-source-denied = { $tool }: không có quyền đọc quy tắc ({ $detail }); hãy chạy bằng root
audit-fw-source-failed = { $tool } bị lỗi: { $detail }
audit-fw-no-outside-interface = ngoài loopback không có giao diện mạng nào: không gì từ bên ngoài tới được
audit-fw-accepted = TCP { $port } được cho qua trên { $addrs } · { $by }
audit-fw-dropped = TCP { $port } bị loại bỏ (drop) trên { $addrs } · { $by }
audit-fw-rejected = TCP { $port } bị từ chối (reject) trên { $addrs } · { $by }
audit-fw-unknown = TCP { $port } trên { $addrs } được chuyển cho một chương trình ngoài bộ quy tắc (queue) · { $by }
audit-fw-no-rules = không có quy tắc lọc nào trên đường vào
audit-fw-rule-ref = { $source } { $chain } #{ $position }: { $text }
audit-fw-policy-ref = { $source } { $chain }: { $text }
audit-panel-line = { $name } ({ $marker })
audit-ufw-enabled = ufw đang bật (/etc/ufw/ufw.conf)
audit-firewalld-running = firewalld đang chạy
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
    [openstack] một đám mây OpenStack
   *[other] một nhà cung cấp đám mây
} (DMI { $field }: { $value }): nhóm bảo mật (security group) của nó lọc gói tin trước khi tới máy này
audit-cloud-none = không nhận ra nhà cung cấp đám mây (DMI: { $vendor })
audit-cloud-no-dmi = không có dữ liệu DMI (container, hoặc không phải VM): chưa rõ nhà cung cấp đám mây
audit-queue-line = { $addr }: hàng đợi accept { $queued }/{ $backlog } · ListenOverflows +{ $overflows } trong { $ms } ms
audit-fds-line = { $program } (pid { $pid }): mở { $open } tệp trên giới hạn { $limit }
audit-note-no-ephemeral = phía máy chủ không có giới hạn cổng tạm (ephemeral port): mọi client kết nối vào cùng một cổng, và các kết nối được phân biệt bằng địa chỉ và cổng của client. Thứ giới hạn máy chủ là: file descriptor (giới hạn của tiến trình, và fs.file-nr { $files }), hàng đợi lắng nghe (net.core.somaxconn { $somaxconn }) và bộ nhớ (còn { $mem } MiB)
audit-inv-open = theo những gì máy này thấy, bên ngoài kết nối được
audit-inv-summary = đã kiểm tra { $count } cổng đang lắng nghe: { $problems ->
    [0] không có gì chặn client
   *[other] { $problems } cổng có vấn đề (cổng { $ports })
}
audit-summary-time = kiểm tra mất { $ms } ms

## Verdicts

audit-verdict-ok = không có gì trên máy này ngăn client kết nối tới cổng này
audit-verdict-refused = client nhận "connection refused" (kết nối bị từ chối)
audit-verdict-timeout = client bị hết thời gian chờ: gói tin của họ bị loại bỏ
audit-verdict-mismatch = client kết nối được, nhưng cổng này nói giao thức khác
audit-verdict-reset = client kết nối được, rồi máy chủ đóng kết nối
audit-verdict-tls = client kết nối được, nhưng TLS thất bại
audit-label-causes = Nguyên nhân, theo thứ tự gói tin của client gặp phải

## Evidence lines

audit-ev-cloud-dmi = máy này chạy trên { $provider ->
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
   *[other] một nền tảng đám mây
} (DMI { $field }: { $value })
audit-ev-sg-invisible = nhóm bảo mật lọc gói tin trước khi chúng tới VM này, nên từ máy này không thể thấy TCP { $port } có được mở ở đó hay không
audit-ev-fw-rule = { $verdict ->
    [reject] bị từ chối bởi
   *[other] bị loại bỏ bởi
} { $source } { $chain }, quy tắc #{ $position }: { $text }
audit-ev-fw-policy = { $source } { $chain } có policy drop, và không quy tắc nào trong đó cho TCP { $port } qua
audit-ev-fw-reject-with = lời từ chối được gửi dưới dạng { $with }
audit-ev-fw-packet = đánh giá cho một kết nối mới từ bên ngoài, đến qua { $iface } tới { $addr }
audit-ev-fw-also = điều tương tự xảy ra trên { $addrs }
audit-ev-fw-open-elsewhere = được cho qua trên { $addrs }
audit-ev-fw-only-from = chỉ cho qua với một số địa chỉ client: { $source } { $chain } #{ $position }: { $text }
audit-ev-fw-not-understood = đã bỏ qua một quy tắc conndoctor chưa hiểu hết: { $source } { $chain } #{ $position }: { $text }
audit-ev-fw-command = để cho qua: { $cmd }
audit-ev-fw-unreadable = không đọc được quy tắc tường lửa (hãy chạy conndoctor audit bằng root)
audit-ev-csf-tcp-in = TCP_IN trong /etc/csf/csf.conf không có { $port } (nó mở { $ports })
audit-ev-panel-marker = đã cài { $name } ({ $marker })
audit-ev-panel-owns-rules = { $name } ghi các quy tắc tường lửa; quy tắc thêm bằng tay có thể bị ghi đè
audit-ev-not-local = { $ip } không nằm trên giao diện nào của máy này (địa chỉ của máy: { $addrs })
audit-ev-nat = { $ip } là địa chỉ public còn máy này chỉ có địa chỉ nội bộ: đám mây chuyển tiếp (NAT) địa chỉ public tới địa chỉ nội bộ
audit-ev-no-listener = bảng socket của kernel không có socket nào lắng nghe trên cổng TCP { $port }
audit-ev-nearby = { $addr } đang lắng nghe ({ $program }): có phải gõ nhầm cổng?
audit-ev-bound-loopback = gắn vào { $bound }: chỉ chương trình trên máy này kết nối được
audit-ev-uncovered = { $addrs } không được phục vụ: socket gắn vào { $bound }
audit-ev-v6only = { $bound } là socket chỉ IPv6 (IPV6_V6ONLY): client IPv4 bị từ chối
audit-ev-bindv6only = net.ipv6.bindv6only = 1 khiến mọi socket [::] chỉ nhận IPv6, trừ khi chương trình chỉ định khác
audit-ev-v4-only = máy này có địa chỉ IPv6 public { $addr }, nhưng không có socket IPv6 nào lắng nghe cổng này
audit-ev-queue-vs-backlog = hàng đợi accept có { $queued } với backlog { $backlog }
audit-ev-somaxconn-caps = backlog bằng net.core.somaxconn ({ $somaxconn }): kernel đã cắt bớt giá trị chương trình yêu cầu
audit-ev-overflows-rising = trong { $ms } ms của lần kiểm tra này, { $count ->
    [1] kernel đã bỏ 1 lần thử kết nối
   *[other] kernel đã bỏ { $count } lần thử kết nối
} vì một hàng đợi lắng nghe bị đầy (TcpExtListenOverflows; ListenDrops +{ $drops })
audit-ev-self-probe-timeout = tự kiểm tra tới { $addrs } không nhận được trả lời
audit-ev-fds = { $program } (pid { $pid }) đang mở { $open } tệp trên giới hạn { $limit }

## Causes: titles (cause-*) and fixes (fix-*) that only audit finds

cause-timeout-security-group = { $provider ->
    [alibaba] Nhóm bảo mật của Alibaba Cloud
    [tencent] Nhóm bảo mật của Tencent Cloud
    [huawei] Nhóm bảo mật của Huawei Cloud
    [aws] Security group của AWS
    [google] Tường lửa VPC của Google Cloud
    [azure] Network security group của Azure
    [oracle] Security list của Oracle Cloud
    [digitalocean] Cloud firewall của DigitalOcean
    [hetzner] Cloud firewall của Hetzner
    [vultr] Firewall group của Vultr
    [linode] Cloud firewall của Linode
   *[other] Nhóm bảo mật hoặc tường lửa của nhà cung cấp đám mây
} có thể chưa cho phép cổng TCP { $port }
fix-timeout-security-group = Cho phép TCP { $port } chiều vào, nguồn 0.0.0.0/0 (hoặc địa chỉ các client của bạn), trong { $provider ->
    [alibaba] bảng điều khiển ECS → Instances → instance đó → Security Groups → Inbound rules (Simple Application Server: tab Firewall của instance)
    [tencent] bảng điều khiển CVM → Security Groups → Inbound rules (Lighthouse: tab Firewall của instance)
    [huawei] bảng điều khiển ECS → instance đó → Security Groups → Inbound Rules
    [aws] bảng điều khiển EC2 → Instances → tab Security → security group → Edit inbound rules (Lightsail: Networking → Firewall); kiểm tra cả network ACL của subnet
    [google] VPC network → Firewall → Create firewall rule (chiều ingress, đích là network tag của instance)
    [azure] VM → Networking → Inbound port rules (network security group của nó)
    [oracle] Networking → Virtual Cloud Networks → Security List của subnet (hoặc Network Security Group của instance) → Ingress Rules; image của Oracle còn có quy tắc iptables cũng phải cho phép
    [digitalocean] Networking → Firewalls → tường lửa gắn với Droplet → Inbound Rules
    [hetzner] Cloud Console → Firewalls → tường lửa gắn với máy chủ → Inbound rules
    [vultr] Network → Firewall → firewall group liên kết với instance
    [linode] Cloud Manager → Firewalls → tường lửa gán cho Linode → Inbound rules
    [upcloud] Hub → máy chủ → Firewall
    [scaleway] Instances → Security groups → Inbound rules
    [exoscale] Compute → Security groups → Rules
    [openstack] dashboard → Network → Security Groups → Manage Rules
   *[other] bảng điều khiển của nhà cung cấp: security group, tường lửa hoặc network ACL của VM này
}.
cause-timeout-panel-firewall = Tường lửa của { $panel ->
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
   *[other] bảng điều khiển hosting
} chưa mở cổng TCP { $port }
fix-timeout-panel-firewall = { $panel ->
    [bt] Trong BT Panel / aaPanel: Security → Firewall → thêm quy tắc cổng cho phép TCP { $port }.
    [onepanel] Trong 1Panel: Host → Firewall → tạo quy tắc cổng cho phép TCP { $port }.
    [cpanel] Trong WHM: Plugins → ConfigServer Security & Firewall → thêm { $port } vào TCP_IN (hoặc tường lửa nhà cung cấp hosting đã cấu hình).
    [plesk] Trong Plesk: Tools & Settings → Firewall → thêm quy tắc cho phép TCP { $port } chiều vào.
    [directadmin] Trong tường lửa của DirectAdmin (thường là csf): thêm { $port } vào TCP_IN rồi khởi động lại.
    [cyberpanel] Trong CyberPanel: Security → Firewall → thêm quy tắc cho TCP { $port }.
    [hestia] Trong HestiaCP: Server → Firewall → thêm quy tắc ACCEPT TCP { $port }.
    [vesta] Trong VestaCP: Server → Firewall → thêm quy tắc ACCEPT TCP { $port }.
    [cwp] Trong CentOS Web Panel: Security → CSF Firewall → cho phép TCP { $port }.
    [ispmanager] Trong ISPmanager: Firewall → thêm quy tắc cho phép TCP { $port }.
    [csf] Thêm { $port } vào TCP_IN trong /etc/csf/csf.conf, rồi chạy csf -r.
   *[other] Mở cổng TCP { $port } trong trang tường lửa của bảng điều khiển: nó ghi lại tường lửa của máy theo danh sách riêng.
}
cause-addr-not-avail-bind-not-local = Máy chủ được cấu hình lắng nghe trên { $addr }, một địa chỉ mà máy này không có
fix-addr-not-avail-bind-not-local = Hãy lắng nghe trên 0.0.0.0:{ $port } (mọi địa chỉ) hoặc trên địa chỉ nội bộ của máy này; client vẫn dùng địa chỉ public, đám mây sẽ chuyển tiếp tới địa chỉ nội bộ. Gắn vào địa chỉ không có sẽ lỗi "Cannot assign requested address".
cause-timeout-server-fd-limit = { $program } (pid { $pid }) đã chạm giới hạn số tệp mở ({ $open }/{ $limit }): nó không nhận thêm kết nối mới được
fix-timeout-server-fd-limit = Tăng giới hạn cho { $program }: LimitNOFILE=65535 trong unit systemd của nó (hoặc ulimit -n 65535 trước khi chạy), rồi khởi động lại; kiểm tra xem có kết nối nào nó không bao giờ đóng.
