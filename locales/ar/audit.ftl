# conndoctor audit — server-side messages (ar).
# العناوين والمنافذ والأوامر ونصوص القواعد وأسماء البرامج داخل المتغيرات تبقى دون ترجمة.

## Command line

audit-input-example = أمثلة: conndoctor audit 8282 · conndoctor audit websocket://0.0.0.0:8282 · conndoctor audit (كل المنافذ المستمعة)
audit-input-bad-from = "{ $detail }" ليس عنوان IP (يأخذ --from عنوان العميل، مثل 203.0.113.9)
audit-input-bad-sysroot = "{ $detail }" ليس مجلدًا (--sysroot)

## Checklist

audit-check-address = عنوان الاستماع
audit-check-interfaces = العناوين
audit-check-listeners = المستمع
audit-check-self-probe = اتصال ذاتي
audit-check-protocol = البروتوكول
audit-check-firewall = الجدار الناري
audit-check-panel = لوحة التحكم
audit-check-cloud = السحابة
audit-check-capacity = السعة
audit-check-limits = الحدود
audit-all-listeners = كل المستمعين على هذا الجهاز
audit-address-local = { $ip } عنوان لهذا الجهاز
audit-address-not-local = { $ip } ليس عنوانًا لهذا الجهاز
audit-no-listener = لا شيء يستمع على منفذ TCP { $port }
audit-no-listeners-at-all = لا شيء يستمع على أي منفذ TCP
audit-nearby-line = منفذ قريب: { $addr } · { $program }
audit-process = { $comm } (pid { $pid }، المستخدم { $user }{ $count ->
    [1] {""}
    [zero] ، لا عمليات تتشارك المقبس
    [one] ، عملية واحدة تتشارك المقبس
    [two] ، عمليتان تتشاركان المقبس
    [few] ، { $count } عمليات تتشارك المقبس
    [many] ، { $count } عملية تتشارك المقبس
   *[other] ، { $count } عملية تتشارك المقبس
}) · { $cmd }
audit-process-unknown = لم يُعثر على العملية (مالك المقبس: { $user })
audit-process-hidden = العملية مخفية (مالك المقبس: { $user })؛ شغّل الأداة بصلاحيات root لرؤيتها
audit-hidden-processes = { $count ->
    [zero] لا توجد عمليات لمستخدمين آخرين تعذّر فحصها
    [one] تعذّر فحص عملية واحدة لمستخدم آخر؛ شغّل الأداة بصلاحيات root لرؤيتها
    [two] تعذّر فحص عمليتين لمستخدمين آخرين؛ شغّل الأداة بصلاحيات root لرؤيتهما
    [few] تعذّر فحص { $count } عمليات لمستخدمين آخرين؛ شغّل الأداة بصلاحيات root لرؤيتها
    [many] تعذّر فحص { $count } عملية لمستخدمين آخرين؛ شغّل الأداة بصلاحيات root لرؤيتها
   *[other] تعذّر فحص { $count } عملية لمستخدمين آخرين؛ شغّل الأداة بصلاحيات root لرؤيتها
}
audit-addr-v6only = { $addr } (IPv6 فقط)
audit-addr-dual = { $addr } (IPv6 و IPv4)
audit-self-probe-line = { $addr }: { $outcome } خلال { $ms } ms
audit-speaks = المنفذ يتحدث { $kind ->
    [websocket] WebSocket
    [wss] WebSocket عبر TLS
    [http] HTTP
    [https] HTTPS
    [tls] TLS
    [ssh] SSH
    [smtp] SMTP
    [ftp] FTP
    [redis] Redis
    [mysql] MySQL
    [text] بروتوكولًا نصيًا
    [binary] بروتوكولًا ثنائيًا
    [silent] لا شيء: ينتظر أن يبدأ العميل بالكلام
    [closes] لا شيء: يغلق الاتصال
   *[other] بروتوكولًا غير معروف
} { $detail }
audit-fw-source-read = { $tool }: { $rules ->
    [zero] بلا قواعد
    [one] قاعدة واحدة
    [two] قاعدتان
    [few] { $rules } قواعد
    [many] { $rules } قاعدة
   *[other] { $rules } قاعدة
}
audit-fw-source-empty = لم تُحمَّل أي قواعد ({ $tools })
audit-fw-source-missing = { $tool } غير مثبّت
audit-fw-source-denied = { $tool }: لا صلاحية لقراءة القواعد ({ $detail })؛ شغّل الأداة بصلاحيات root
audit-fw-source-failed = فشل { $tool }: { $detail }
audit-fw-no-outside-interface = لا توجد واجهة شبكة غير loopback: لا يمكن أن يصل شيء من الخارج
audit-fw-accepted = TCP { $port } مسموح على { $addrs } · { $by }
audit-fw-dropped = TCP { $port } يُسقَط على { $addrs } · { $by }
audit-fw-rejected = TCP { $port } يُرفَض على { $addrs } · { $by }
audit-fw-unknown = TCP { $port } على { $addrs } يُسلَّم لبرنامج خارج مجموعة القواعد (queue) · { $by }
audit-fw-no-rules = لا توجد قواعد تصفية على طريق الدخول
audit-fw-rule-ref = { $source } { $chain } رقم { $position }: { $text }
audit-fw-policy-ref = { $source } { $chain }: { $text }
audit-panel-line = { $name } ({ $marker })
audit-ufw-enabled = ufw مفعّل (/etc/ufw/ufw.conf)
audit-firewalld-running = firewalld يعمل
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
    [openstack] سحابة OpenStack
   *[other] مزوّد سحابي
} (DMI { $field }: { $value }): مجموعة الأمان لديه تُصفّي الحزم قبل وصولها إلى هذا الجهاز
audit-cloud-none = لم يُتعرَّف على مزوّد سحابي (DMI: { $vendor })
audit-cloud-no-dmi = لا توجد بيانات DMI (حاوية، أو ليس جهازًا افتراضيًا): المزوّد السحابي غير معروف
audit-queue-line = { $addr }: طابور accept { $queued }/{ $backlog } · ListenOverflows +{ $overflows } خلال { $ms } ms
audit-fds-line = { $program } (pid { $pid }): { $open } ملفًا مفتوحًا من حد { $limit }
audit-note-no-ephemeral = لا يوجد لدى الخادم حد للمنافذ المؤقتة (ephemeral ports): كل العملاء يتصلون بالمنفذ نفسه، وتتميّز الاتصالات بعنوان العميل ومنفذه. ما يحد الخادم هو واصفات الملفات (حد العملية، و fs.file-nr { $files })، وطابور الاستماع (net.core.somaxconn { $somaxconn })، والذاكرة ({ $mem } MiB متاحة)
audit-inv-open = يمكن الوصول إليه من الخارج حسب ما يراه هذا الجهاز
audit-inv-summary = { $count ->
    [zero] لم يُفحص أي منفذ مستمع
    [one] فُحص منفذ مستمع واحد
    [two] فُحص منفذان مستمعان
    [few] فُحصت { $count } منافذ مستمعة
    [many] فُحص { $count } منفذًا مستمعًا
   *[other] فُحص { $count } منفذ مستمع
}: { $problems ->
    [0] لا شيء يمنع العملاء من الاتصال
    [one] في منفذ واحد مشكلة (المنفذ { $ports })
    [two] في منفذين مشكلة (المنفذان { $ports })
    [few] في { $problems } منافذ مشكلة (المنافذ { $ports })
    [many] في { $problems } منفذًا مشكلة (المنافذ { $ports })
   *[other] في { $problems } منفذ مشكلة (المنافذ { $ports })
}
audit-summary-time = استغرق الفحص { $ms } ms

## Verdicts

audit-verdict-ok = لا شيء على هذا الجهاز يمنع العملاء من الاتصال بهذا المنفذ
audit-verdict-refused = يحصل العملاء على "رفض الاتصال" (connection refused)
audit-verdict-timeout = تنتهي مهلة العملاء: حزمهم تُسقَط
audit-verdict-mismatch = يتصل العملاء، لكن المنفذ يتحدث بروتوكولًا آخر
audit-verdict-reset = يتصل العملاء، ثم يغلق الخادم الاتصال
audit-verdict-tls = يتصل العملاء، لكن TLS يفشل
audit-label-causes = الأسباب، بالترتيب الذي تصادفها به حزمة العميل

## Evidence lines

audit-ev-cloud-dmi = يعمل هذا الجهاز على { $provider ->
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
   *[other] سحابة ما
} (DMI { $field }: { $value })
audit-ev-sg-invisible = مجموعة الأمان تُصفّي الحزم قبل وصولها إلى هذا الجهاز، لذا لا شيء هنا يُظهر إن كان TCP { $port } مفتوحًا هناك
audit-ev-fw-rule = { $verdict ->
    [reject] رفضته
   *[other] أسقطته
} { $source } { $chain }، القاعدة رقم { $position }: { $text }
audit-ev-fw-policy = سياسة { $source } { $chain } هي drop، ولا قاعدة فيها تسمح بـ TCP { $port }
audit-ev-fw-reject-with = يُرسَل الرفض على شكل { $with }
audit-ev-fw-packet = قُيّم لاتصال جديد من الخارج يصل عبر { $iface } إلى { $addr }
audit-ev-fw-also = يحدث الأمر نفسه على { $addrs }
audit-ev-fw-open-elsewhere = مسموح على { $addrs }
audit-ev-fw-only-from = مسموح لبعض عناوين العملاء فقط: { $source } { $chain } رقم { $position }: { $text }
audit-ev-fw-not-understood = تُخطّيت قاعدة لا يفهمها conndoctor بالكامل: { $source } { $chain } رقم { $position }: { $text }
audit-ev-fw-command = للسماح به: { $cmd }
audit-ev-fw-unreadable = تعذّرت قراءة قواعد الجدار الناري (شغّل conndoctor audit بصلاحيات root)
audit-ev-csf-tcp-in = قائمة TCP_IN في /etc/csf/csf.conf لا تتضمن { $port } (تفتح { $ports })
audit-ev-panel-marker = { $name } مثبّتة ({ $marker })
audit-ev-panel-owns-rules = { $name } هي من تكتب قواعد الجدار الناري؛ قد تُستبدَل القاعدة المضافة يدويًا
audit-ev-not-local = { $ip } ليس على أي واجهة لهذا الجهاز (عناوينه: { $addrs })
audit-ev-nat = { $ip } عنوان عام وهذا الجهاز لا يملك إلا عناوين خاصة: السحابة تحوّل (NAT) العنوان العام إلى الخاص
audit-ev-no-listener = جدول المقابس في النواة لا يحوي مستمعًا على منفذ TCP { $port }
audit-ev-nearby = { $addr } يستمع ({ $program }): هل المنفذ مكتوب خطأً؟
audit-ev-bound-loopback = مربوط بـ { $bound }: لا تستطيع الاتصال إلا البرامج على هذا الجهاز
audit-ev-uncovered = { $addrs } غير مشمول: المقبس مربوط بـ { $bound }
audit-ev-v6only = { $bound } مقبس IPv6 فقط (IPV6_V6ONLY): يُرفَض عملاء IPv4
audit-ev-bindv6only = net.ipv6.bindv6only = 1 يجعل كل مقبس [::] خاصًا بـ IPv6 ما لم يحدد البرنامج غير ذلك
audit-ev-v4-only = لهذا الجهاز عنوان IPv6 عام { $addr }، ولا يستمع أي مقبس IPv6 على المنفذ
audit-ev-queue-vs-backlog = طابور accept يحوي { $queued } والـ backlog هو { $backlog }
audit-ev-somaxconn-caps = الـ backlog يساوي net.core.somaxconn ({ $somaxconn }): قلّصت النواة ما طلبه البرنامج
audit-ev-overflows-rising = خلال { $ms } ms من هذا الفحص { $count ->
    [zero] لم تُسقط النواة أي محاولة اتصال
    [one] أسقطت النواة محاولة اتصال واحدة
    [two] أسقطت النواة محاولتي اتصال
    [few] أسقطت النواة { $count } محاولات اتصال
    [many] أسقطت النواة { $count } محاولة اتصال
   *[other] أسقطت النواة { $count } محاولة اتصال
} لأن طابور استماع كان ممتلئًا (TcpExtListenOverflows؛ ListenDrops +{ $drops })
audit-ev-self-probe-timeout = لم يتلقَّ الاتصال الذاتي بـ { $addrs } أي رد
audit-ev-fds = لدى { $program } (pid { $pid }) { $open } ملفًا مفتوحًا من حد { $limit }

## Causes: titles (cause-*) and fixes (fix-*) that only audit finds

cause-timeout-security-group = قد لا { $provider ->
    [alibaba] تسمح مجموعة الأمان في Alibaba Cloud
    [tencent] تسمح مجموعة الأمان في Tencent Cloud
    [huawei] تسمح مجموعة الأمان في Huawei Cloud
    [aws] تسمح مجموعة الأمان في AWS
    [google] يسمح جدار VPC الناري في Google Cloud
    [azure] تسمح مجموعة أمان الشبكة في Azure
    [oracle] تسمح قائمة الأمان في Oracle Cloud
    [digitalocean] يسمح الجدار الناري السحابي في DigitalOcean
    [hetzner] يسمح الجدار الناري السحابي في Hetzner
    [vultr] تسمح مجموعة الجدار الناري في Vultr
    [linode] يسمح الجدار الناري السحابي في Linode
   *[other] تسمح مجموعة الأمان أو الجدار الناري لدى المزوّد السحابي
} بمنفذ TCP { $port }
fix-timeout-security-group = اسمح بـ TCP { $port } الوارد من المصدر 0.0.0.0/0 (أو عناوين عملائك) في { $provider ->
    [alibaba] وحدة تحكم ECS ← Instances ← المثيل ← Security Groups ← Inbound rules (Simple Application Server: تبويب Firewall للمثيل)
    [tencent] وحدة تحكم CVM ← Security Groups ← Inbound rules (Lighthouse: تبويب Firewall للمثيل)
    [huawei] وحدة تحكم ECS ← المثيل ← Security Groups ← Inbound Rules
    [aws] وحدة تحكم EC2 ← Instances ← تبويب Security ← مجموعة الأمان ← Edit inbound rules (Lightsail: Networking ← Firewall)؛ وتحقق من network ACL للشبكة الفرعية أيضًا
    [google] VPC network ← Firewall ← Create firewall rule (الاتجاه ingress، والهدف وسم الشبكة للمثيل)
    [azure] الجهاز الافتراضي ← Networking ← Inbound port rules (مجموعة أمان الشبكة الخاصة به)
    [oracle] Networking ← Virtual Cloud Networks ← Security List للشبكة الفرعية (أو Network Security Group للمثيل) ← Ingress Rules؛ وصور Oracle تأتي أيضًا بقواعد iptables يجب أن تسمح به
    [digitalocean] Networking ← Firewalls ← الجدار الناري المطبّق على الـ Droplet ← Inbound Rules
    [hetzner] Cloud Console ← Firewalls ← الجدار الناري المطبّق على الخادم ← Inbound rules
    [vultr] Network ← Firewall ← مجموعة الجدار الناري المرتبطة بالمثيل
    [linode] Cloud Manager ← Firewalls ← الجدار الناري المعيّن للـ Linode ← Inbound rules
    [upcloud] Hub ← الخادم ← Firewall
    [scaleway] Instances ← Security groups ← Inbound rules
    [exoscale] Compute ← Security groups ← Rules
    [openstack] لوحة التحكم ← Network ← Security Groups ← Manage Rules
   *[other] وحدة تحكم المزوّد: مجموعة الأمان أو الجدار الناري أو network ACL لهذا الجهاز الافتراضي
}.
cause-timeout-panel-firewall = الجدار الناري في { $panel ->
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
   *[other] لوحة الاستضافة
} لا يفتح منفذ TCP { $port }
fix-timeout-panel-firewall = { $panel ->
    [bt] في BT Panel / aaPanel: Security ← Firewall ← أضف قاعدة منفذ تسمح بـ TCP { $port }.
    [onepanel] في 1Panel: Host ← Firewall ← أنشئ قاعدة منفذ تسمح بـ TCP { $port }.
    [cpanel] في WHM: Plugins ← ConfigServer Security & Firewall ← أضف { $port } إلى TCP_IN (أو الجدار الناري الذي أعدّه مزوّد الاستضافة).
    [plesk] في Plesk: Tools & Settings ← Firewall ← أضف قاعدة تسمح بـ TCP { $port } الوارد.
    [directadmin] في جدار DirectAdmin الناري (عادةً csf): أضف { $port } إلى TCP_IN ثم أعد تشغيله.
    [cyberpanel] في CyberPanel: Security ← Firewall ← أضف قاعدة لـ TCP { $port }.
    [hestia] في HestiaCP: Server ← Firewall ← أضف قاعدة ACCEPT لـ TCP { $port }.
    [vesta] في VestaCP: Server ← Firewall ← أضف قاعدة ACCEPT لـ TCP { $port }.
    [cwp] في CentOS Web Panel: Security ← CSF Firewall ← اسمح بـ TCP { $port }.
    [ispmanager] في ISPmanager: Firewall ← أضف قاعدة تسمح بـ TCP { $port }.
    [csf] أضف { $port } إلى TCP_IN في /etc/csf/csf.conf، ثم شغّل csf -r.
   *[other] افتح منفذ TCP { $port } في صفحة الجدار الناري في اللوحة: اللوحة تعيد كتابة جدار الجهاز الناري من قائمتها الخاصة.
}
cause-addr-not-avail-bind-not-local = الخادم مضبوط على الاستماع على { $addr }، وهو عنوان لا يملكه هذا الجهاز
fix-addr-not-avail-bind-not-local = استمع على 0.0.0.0:{ $port } (كل العناوين) أو على العنوان الخاص لهذا الجهاز؛ يواصل العملاء استخدام العنوان العام، وتحوّله السحابة إلى العنوان الخاص. الربط بعنوان غير موجود يفشل برسالة "Cannot assign requested address".
cause-timeout-server-fd-limit = بلغ { $program } (pid { $pid }) حد الملفات المفتوحة ({ $open } من { $limit }): لا يستطيع قبول اتصالات جديدة
fix-timeout-server-fd-limit = ارفع الحد لـ { $program }: LimitNOFILE=65535 في وحدة systemd الخاصة به (أو ulimit -n 65535 قبل تشغيله)، ثم أعد تشغيله؛ وتحقق من وجود اتصالات لا يغلقها أبدًا.
