# conndoctor — Arabic (ar, Modern Standard Arabic). Same ids and variables as locales/en/conndoctor.ftl.
# Placeables hold addresses, ports, commands and config lines; they stay untranslated.
# Bidi isolates around placeables are added at runtime; do not insert control characters here.
# Plurals: CLDR zero/one/two/few/many/other. Terms: يستمع (listen)، رُفض الاتصال، انتهت مهلة الاتصال،
# منفذ محلي، قائمة انتظار accept، عنوان الاسترجاع (loopback)، واصفات الملفات، محلِّل DNS، جدار الحماية.

## Command line

app-error = خطأ
input-empty = لم يُحدَّد أي هدف
input-whitespace = يحتوي الهدف على مسافات؛ أدخِل عنوانًا واحدًا أو رابط URL واحدًا
input-control = يحتوي الهدف على محارف تحكم (مثل NUL أو DEL)؛ أدخِل عنوانًا واحدًا أو رابط URL واحدًا
input-unknown-scheme = بروتوكول غير معروف «{ $detail }://» (المدعومة: ws، wss، http، https، tcp، text، websocket)
input-missing-host = لا يتضمّن الهدف اسم مضيف أو عنوانًا
input-bad-host = «{ $detail }» ليس اسم مضيف صالحًا ولا عنوان IP صالحًا
input-missing-port = لا يتضمّن الهدف منفذًا، وليس لبروتوكوله منفذ افتراضي
input-bad-port = «{ $detail }» ليس منفذًا صالحًا (1–65535)
input-bad-timeout = «{ $detail }» ليست مدة صالحة (أمثلة: 3s، 500ms، 1.5)
input-bad-header = «{ $detail }» ليس ترويسة صالحة؛ استخدم الصيغة «Name: value»
input-bad-token = «{ $detail }» ليس رمزًا (token) صالحًا (أحرف وأرقام فقط)
input-bad-ip = «{ $detail }» ليس عنوان IP (يقبل --expect-ip عناوين مثل 203.0.113.7 أو 2001:db8::7)
input-bad-file = تعذّرت قراءة قائمة الأهداف: { $detail }
input-bad-line = السطر { $line } («{ $target }»): { $detail }
input-bad-concurrency = يجب ألا تقل قيمة --concurrency عن 1
input-example = أمثلة: conndoctor check ws://example.com:8282/chat · conndoctor check 203.0.113.7:8282 · conndoctor check websocket://[::1]:8282
lang-fallback = اللغة «{ $lang }» غير متاحة بعد؛ ستُستخدم الإنجليزية
error-internal = تعطّل conndoctor: { $detail }

## Help (--help)

help-about = يشرح سبب تعذّر اتصال العميل بالخادم، وما الذي ينبغي تغييره.
help-check-about = يشخّص الاتصال بهدف معيّن (ws://، wss://، http://، https://، tcp://، text://، websocket://، host:port).
help-demo-about = يشغّل خوادم حقيقية على عنوان الاسترجاع ويعرض تشخيص كل حالة.
help-serve-about = يشغّل خادمًا مرجعيًا (websocket://، http://، text://، tcp://، مع TLS اختياريًا) يجيب برمز هوية.
help-explain-about = يشرح رسالة خطأ ملصوقة (من وحدة تحكم المتصفح أو سجل أو طرفية): العَرَض والأسباب والحلول والفحص الذي ينبغي تشغيله.
help-audit-about = يُشغَّل على الخادم: يبيّن سبب تعذّر وصول العملاء إلى هذا المنفذ (الاستماع، العملية، جدار الحماية، لوحة التحكم، السحابة، السعة).
help-exporter-about = مُصدِّر لـ Prometheus (وفق واجهة /probe في blackbox_exporter) تبيّن مقاييسه سبب فشل الفحص.
help-help-about = يعرض هذه الرسالة أو مساعدة الأوامر الفرعية المحددة
help-usage = الاستخدام
help-commands = الأوامر
help-arguments = الوسائط
help-options = الخيارات
help-examples = أمثلة
help-help = يعرض المساعدة
help-version = يعرض الإصدار
help-lang = لغة المخرجات (en، zh-CN، th، vi، ru، ja، ar)؛ وتؤخذ افتراضيًا من LC_ALL وLC_MESSAGES وLANG.
help-json = يطبع كائن JSON واحدًا (schema 1) بدلًا من التقرير النصي.
help-target = الهدف الذي يتصل به العميل: ws://host:port/path، host:port، [v6]:port، ... (عدة أهداف: فحص دفعي)
help-file = يقرأ الأهداف من ملف، هدفًا في كل سطر، وما يبدأ بـ # تعليق («-» يقرأ من الدخل القياسي).
help-concurrency = الفحص الدفعي: عدد الأهداف التي تُفحص في آن واحد (يُخفَّض ليناسب حد واصفات الملفات) [الافتراضي: { $default }]
help-timeout = المهلة الإجمالية، مثل 3s أو 500ms أو 1.5 (بالثواني) [الافتراضي: 3s؛ وفي demo: 1s]
help-no-side-probes = لا يفحص منافذ الهدف الأخرى أثناء انتظار الاتصال الرئيسي.
help-origin = ترويسة Origin لطلب ترقية WebSocket، كما ترسلها صفحة في المتصفح.
help-subprotocol = قيمة Sec-WebSocket-Protocol المطلوبة.
help-header = ترويسة طلب إضافية بالصيغة «Name: value» (يمكن تكرارها).
help-insecure = يتابع رغم مشكلات الشهادة، ويُبلغ عنها بوصفها تحذيرات.
help-expect-token = الرمز الذي يطبعه conndoctor serve: يثبت أن العميل وصل إلى ذلك الخادم بعينه.
help-expect-ip = العنوان الذي تعتقد أنه عنوان الخادم (يمكن تكراره)؛ ويُبلَّغ عن أي إجابة DNS مختلفة.
help-no-trace = لا يتتبّع المسار بحزم SYN محدودة TTL عندما لا يلقى الاتصال أي رد.
help-serve-listen = عنوان الاستماع، بصيغة سطر الاستماع في Workerman: websocket://0.0.0.0:8282، http://0.0.0.0:8080، text://[::]:5678
help-serve-tls = يقدّم الخدمة عبر TLS (wss://، https://)؛ بشهادة موقَّعة ذاتيًا ما لم يُحدَّد --cert و--key.
help-serve-cert = سلسلة الشهادات بصيغة PEM لاستخدامها مع --tls.
help-serve-key = المفتاح الخاص بصيغة PEM لاستخدامه مع --tls.
help-serve-token = رمز الهوية الذي يُجاب به (الافتراضي: عشوائي).
help-serve-strict-path = WebSocket: لا تتم الترقية إلا على المسار المطابق تمامًا لما في LISTEN (وما عداه يتلقى 404).
help-serve-allow-origin = WebSocket: يُجيب بـ 403 عن أي Origin غير هذا.
help-explain-message = رسالة الخطأ (ضعها بين علامتي اقتباس). إن لم تُعطَ، أو أُعطيت «-»، تُقرأ من الدخل القياسي.
help-explain-check = يشغّل فحص conndoctor check المقترح فورًا.
help-explain-timeout = مهلة الفحص الذي يشغّله --check، مثل 3s أو 500ms أو 1.5 [الافتراضي: 3s]
help-audit-target = المنفذ، أو عنوان الاستماع الوارد في شيفرة الخادم (websocket://0.0.0.0:8282)؛ وبدونه تُفحص كل المنافذ المستمعة.
help-audit-sysroot = يقرأ الإعدادات وعلامات العتاد (/sys/class/dmi، /etc، مسارات لوحات التحكم) من داخل DIR بدلًا من /.
help-audit-timeout = المهلة، مثل 3s أو 500ms أو 1.5 [الافتراضي: 3s]
help-audit-from = عنوان العميل، لقواعد جدار الحماية التي تقبل الحزم أو تُسقطها بحسب عنوان المصدر.
## Checklist

check-target = الهدف
check-resolve = تحليل الاسم
check-connect = الاتصال
check-side = منافذ أخرى
check-listeners = الاستماع
check-ports = المنافذ المحلية
check-protocol = البروتوكول
check-cross = تحقق متقاطع
check-tls = TLS
check-dns = خادم الأسماء
check-hosts = ملف hosts
check-proxy = الوكيل
check-path = المسار
path-line = { $hops }
tls-established = اكتملت مصافحة { $version }، والشهادة صالحة
tls-established-bad-cert = اكتملت مصافحة { $version }، لكن الشهادة غير مقبولة
tls-failed = فشلت المصافحة: { $error }
check-cert = الشهادة
cert-facts = { $subject }، صادرة عن { $issuer }؛ الأسماء: { $names }؛ تنتهي في { $date } (الأيام المتبقية: { $days })؛ السلسلة: { $chain }
cert-no-names = لا شيء (لا يوجد subjectAltName)
target-line = { $input } ← منفذ TCP رقم { $port }
resolve-literal = { $addrs } (عنوان مُعطى مباشرةً)
resolve-system = { $name } ← { $addrs } ({ $ms } مللي ثانية)
resolve-failed = { $name }: { $error }
resolve-error-no-name = الاسم غير موجود
resolve-error-no-address = ليس للاسم عنوان IPv4 ولا IPv6
resolve-error-resolver-failure = لم يُجب محلِّل DNS إجابةً سليمة
resolve-error-timeout = لم يُجب المحلِّل خلال المهلة المحددة
resolve-error-other = أخفق المحلِّل
attempt-line = { $addr }: { $outcome } خلال { $ms } مللي ثانية
attempt-retransmits = { $count ->
    [zero] لم يُعَد إرسال SYN بعد
    [one] أُعيد إرسال SYN مرة واحدة
    [two] أُعيد إرسال SYN مرتين
    [few] أُعيد إرسال SYN { $count } مرات
    [many] أُعيد إرسال SYN { $count } مرة
   *[other] أُعيد إرسال SYN { $count } مرة
}
outcome-connected = تمّ الاتصال
outcome-refused = مرفوض (RST)
outcome-refused-icmp = مرفوض برسالة خطأ ICMP من { $origin }
outcome-timed-out = لا استجابة
outcome-host-unreachable = تعذّر الوصول إلى المضيف
outcome-net-unreachable = تعذّر الوصول إلى الشبكة
outcome-addr-not-available = لا يوجد منفذ محلي متاح
outcome-fd-exhausted = نفدت واصفات الملفات
outcome-other = خطأ: { $message }
side-line = { $ip }: { $answers }
side-nothing = { $ip }: لم يستجب أي منفذ آخر كذلك ({ $ports })
listeners-none = لا شيء على هذا الجهاز يستمع على المنفذ { $port }
listeners-some = المنفذ { $port } مربوط بـ { $addrs }
listeners-remote = { $ip } جهاز آخر؛ لا تظهر المنافذ المستمعة عليه إلا من داخله (conndoctor audit)
ports-line = المنافذ المحلية المستخدمة للاتصال بـ { $dst }: { $used } من أصل { $size }

## Verdicts

verdict-ok = الاتصال يعمل
verdict-refused = رُفض الاتصال
verdict-timeout = انتهت مهلة الاتصال
verdict-unreachable = تعذّر الوصول إلى الخادم
verdict-addr-not-avail = تعذّر تخصيص العنوان المطلوب (لم يتبقَّ منفذ محلي)
verdict-dns = مشكلة في DNS: تعذّر تحليل الاسم، أو أنه لا يُحلَّل إلى الخادم الصحيح
verdict-local = تعذّر على جهاز العميل هذا فتح الاتصال
verdict-reset = أغلق الخادم الاتصال فور قبوله
verdict-mismatch = تمّ الاتصال، لكن الخادم يتحدث بروتوكولًا آخر
verdict-tls = تمّ الاتصال، لكن TLS أخفق
label-causes = الأسباب
label-warnings = أمور تستحق الإصلاح
label-fix = الحل
confidence-high = ثقة عالية
confidence-medium = مرجَّح
confidence-low = محتمل
summary-time = صدر التشخيص خلال { $ms } مللي ثانية

## Causes: titles (cause-*) and fixes (fix-*)

cause-refused-not-listening = لا شيء يقبل الاتصالات على { $addr }
fix-refused-not-listening = شغِّل الخادم وتحقّق من أنه يستمع على المنفذ { $port } (على الخادم: ss -ltnp | grep :{ $port }). وإن كان يعمل على منفذ آخر، فوجِّه العميل إلى ذلك المنفذ.
cause-refused-loopback-only = الخادم يستمع على عنوان الاسترجاع فقط ({ $bound })، لذا يُرفض الاتصال بـ { $addr }
fix-refused-loopback-only = اجعل الخادم يستمع على 0.0.0.0 (جميع عناوين IPv4) أو [::] بدلًا من 127.0.0.1، مثل websocket://0.0.0.0:{ $port } في Workerman، ثم أعد تشغيله.
cause-refused-other-address = الخادم يستمع على عنوان آخر ({ $bound }) وليس على { $addr }
fix-refused-other-address = اضبط الخادم على الاستماع على 0.0.0.0 (أو على العنوان الذي يستخدمه العملاء)، أو اتصل بالعنوان المربوط به الخادم.
cause-refused-family-mismatch = يفشل الاتصال بـ { $failed } بينما ينجح بـ { $working }: الخادم يستمع على إصدار واحد فقط من IP
fix-refused-family-mismatch = اجعل الخادم يستمع على IPv4 وIPv6 معًا (مثل [::] بنمط المكدس المزدوج dual-stack)، أو اجعل العميل يستخدم العنوان الذي ينجح الاتصال به (مثل 127.0.0.1 بدلًا من localhost).
cause-refused-firewall-reject = جدار حماية يرفض الاتصالات بـ { $addr }؛ ولم تصل إلى الخادم أصلًا
fix-refused-firewall-reject = اسمح بالمنفذ في جدار الحماية الذي أرسل الرفض (nft list ruleset / iptables -S على ذلك الجهاز؛ أو الموجِّه أو قائمة ACL السحابية إن جاء الرفض من مكان آخر).
cause-timeout-filtered = جدار حماية يُسقط بصمت الحزم المتجهة إلى { $addr }
fix-timeout-filtered = افتح منفذ TCP رقم { $port } في جدار حماية الخادم، وفي مجموعة الأمان السحابية، وفي جدار حماية لوحة الاستضافة إن وُجد (مثل nft add rule inet filter input tcp dport { $port } accept).
cause-timeout-host-down = المضيف { $ip } لا يستجيب إطلاقًا: إما أنه متوقف، أو غير موجود، أو يُسقط كل شيء
fix-timeout-host-down = تحقّق من أن الخادم يعمل وأن { $ip } هو عنوانه فعلًا (سجل DNS، خطأ في الكتابة)؛ وإن كان يعمل، فثمة جدار حماية أمامه يُسقط كل حركة المرور.
cause-timeout-private-unroutable = { $addr } عنوان خاص بشبكة داخلية لا تستطيع شبكة هذا العميل الوصول إليه
fix-timeout-private-unroutable = استخدم العنوان العام للخادم أو اسم نطاقه، أو انضمّ إلى شبكته أولًا (VPN، أو الشبكة المحلية نفسها). العناوين الداخلية لا تعمل إلا داخل شبكتها.
cause-timeout-accept-queue-full = قائمة انتظار accept في الخادم ممتلئة ({ $queued ->
    [zero] لا ينتظر أي اتصال
    [one] ينتظر اتصال واحد
    [two] ينتظر اتصالان
    [few] ينتظر { $queued } اتصالات
    [many] ينتظر { $queued } اتصالًا
   *[other] ينتظر { $queued } اتصال
} على { $addr })، لذا تُسقط النواة الاتصالات الجديدة
fix-timeout-accept-queue-full = عملية الخادم بطيئة جدًا في قبول الاتصالات أو متوقفة: افحص استهلاكها للمعالج وحلقة الأحداث فيها، وارفع قيمة listen backlog وnet.core.somaxconn، أو شغّل مزيدًا من العمليات العاملة (workers).
cause-unreachable-no-route = لا يوجد مسار من هذا العميل إلى { $addr }
fix-unreachable-no-route = تحقّق من اتصال هذا الجهاز بالشبكة ومن جدول التوجيه (ip route get { $addr })؛ فقد يكون العنوان تابعًا لشبكة لست متصلًا بها.
cause-unreachable-host = تعذّر الوصول إلى { $addr }: لا يستجيب أي مضيف بهذا العنوان في شبكته
fix-unreachable-host = تحقّق من أن الخادم قيد التشغيل وأن العنوان { $addr } صحيح؛ وإن كنت على الشبكة المحلية نفسها، فافحص الكابل أو Wi-Fi وجدول ARP (ip neigh).
cause-addr-not-avail-ephemeral-exhausted = استنفد هذا العميل منافذه المحلية للاتصال بـ { $dst } (النطاق { $lo }–{ $hi })
fix-addr-not-avail-ephemeral-exhausted = أعد استخدام الاتصالات (keep-alive، مجمّع اتصالات) بدلًا من فتح اتصال لكل طلب، ووسّع النطاق: sysctl -w net.ipv4.ip_local_port_range="1024 65535" (واحفظ الإعداد في /etc/sysctl.d/ ليبقى بعد إعادة التشغيل).
cause-addr-not-avail-time-wait = ما زالت منافذ محلية محجوزة في حالة TIME_WAIT بسبب { $count ->
    [zero] { $count } اتصالات مغلقة
    [one] اتصال مغلق واحد
    [two] اتصالين مغلقين
    [few] { $count } اتصالات مغلقة
    [many] { $count } اتصالًا مغلقًا
   *[other] { $count } اتصال مغلق
} مع { $dst }
fix-addr-not-avail-time-wait = اسمح للعميل بإعادة استخدام منافذ TIME_WAIT: sysctl -w net.ipv4.tcp_tw_reuse=1 (القيمة الحالية { $reuse })، ووسّع net.ipv4.ip_local_port_range، وأبقِ الاتصالات مفتوحة بدلًا من إعادة الاتصال في كل مرة.
cause-local-fd-exhausted = نفدت واصفات الملفات لدى عملية العميل هذه؛ والخادم ليس السبب
fix-local-fd-exhausted = أغلق المقابس التي لم تعد مستخدمة وارفع الحد: ulimit -n 65535 في الصدفة (shell) التي تشغّل العميل، أو LimitNOFILE= في وحدة systemd الخاصة به.
cause-local-outbound-blocked = هذا الجهاز نفسه يحظر الاتصال الصادر إلى { $addr }
fix-local-outbound-blocked = افحص قواعد الحركة الصادرة في جدار الحماية المحلي (nft list ruleset، iptables -S OUTPUT) ووحدات الأمان (SELinux، AppArmor) بحثًا عن قاعدة تحظر هذه الوجهة.
cause-local-connect-error = فشل الاتصال بـ { $addr } بخطأ غير معتاد
fix-local-connect-error = ابحث عن الخطأ الوارد أدناه؛ فمصدره نواة هذا الجهاز وليس الخادم.
cause-dns-nxdomain = الاسم { $name } غير موجود في DNS
fix-dns-nxdomain = تحقّق من تهجئة { $name }، ومن أن النطاق مسجَّل وله سجلات.
cause-dns-no-address = الاسم { $name } موجود لكن ليس له سجل عنوان
fix-dns-no-address = أضف سجل A (IPv4) أو AAAA (IPv6) للاسم { $name } لدى مزوّد DNS الخاص به.
cause-dns-resolver-failure = أخفق محلِّل DNS في الإجابة عن { $name } (خوادم الأسماء: { $servers })
fix-dns-resolver-failure = تحقّق من خوادم الأسماء في /etc/resolv.conf ومن شبكة هذا الجهاز، ثم أعد المحاولة باستخدام محلِّل آخر.
cause-mismatch-ws-to-http = وصل عميل WebSocket إلى خادم HTTP عادي: أجاب بـ { $status }{ $server ->
    [none] {""}
   *[other] {" "}(Server: { $server })
} بدلًا من 101 Switching Protocols
fix-mismatch-ws-to-http = وجِّه العميل إلى منفذ WebSocket، أو قدِّم WebSocket على هذا المنفذ (في Workerman: new Worker('websocket://0.0.0.0:{ $port }')). تعرض المتصفحات هذه الحالة بالرسالة "Unexpected response code: { $code }".
cause-mismatch-ws-to-non-http = وصل عميل WebSocket إلى خادم لا يتحدث HTTP (أرسل: { $bytes })
fix-mismatch-ws-to-non-http = يعمل على هذا المنفذ بروتوكول آخر (text أو بروتوكول TCP مخصص). صِل عميل WebSocket بمنفذ websocket:// في الخادم، أو غيِّر سطر الاستماع في الخادم إلى websocket://0.0.0.0:{ $port }. تعرض المتصفحات هذه الحالة بالرسالة ERR_INVALID_HTTP_RESPONSE.
cause-mismatch-http-to-ws = وصل عميل HTTP إلى خادم لا يدعم إلا WebSocket{ $status ->
    [none] {""}
   *[other] {" "}({ $status })
}
fix-mismatch-http-to-ws = اتصل باستخدام عميل WebSocket (ws:// أو wss://)، أو قدِّم HTTP عاديًا على منفذ آخر (في Workerman: new Worker('http://0.0.0.0:PORT')).
cause-mismatch-http-to-non-http = وصل عميل HTTP إلى خادم لا يتحدث HTTP (أرسل: { $bytes })
fix-mismatch-http-to-non-http = يعمل على هذا المنفذ بروتوكول آخر ({ $speaks ->
    [http] HTTP
    [tls] TLS
    [ssh] SSH
    [smtp] SMTP
    [ftp] FTP
    [redis] Redis
    [mysql] MySQL
    [text] بروتوكول نصي
    [binary] بروتوكول ثنائي
   *[other] { $speaks }
})؛ استخدم منفذ HTTP في الخادم، أو العميل الذي يتطلبه ذلك البروتوكول.
cause-mismatch-text-to-http = وصل عميل بروتوكول text إلى خادم HTTP ({ $status }{ $server ->
    [none] {""}
   *[other] ، Server: { $server }
})
fix-mismatch-text-to-http = استخدم منفذ text:// في الخادم، أو خاطب هذا المنفذ ببروتوكول HTTP.
cause-mismatch-tls-to-plain = يستخدم العميل TLS، لكن { $addr } يتواصل بنص غير مشفَّر: استخدم { $plain } بدلًا من ذلك
fix-mismatch-tls-to-plain = إما أن تستخدم { $plain } في العميل، وإما أن تضع TLS أمام الخادم: وكيل عكسي (nginx "listen 443 ssl" مع proxy_pass إلى 127.0.0.1:{ $port })، أو transport = 'ssl' مع شهادة في Workerman.
cause-mismatch-plain-to-tls = يتواصل العميل بنص غير مشفَّر، لكن { $addr } يتوقع TLS: استخدم { $secure } بدلًا من ذلك
fix-mismatch-plain-to-tls = استخدم { $secure } في العميل (ws:// → wss://، http:// → https://)، أو اتصل بمنفذ الخادم الذي لا يستخدم TLS.
cause-mismatch-ws-path = مسار WebSocket { $path } غير صحيح على هذا الخادم
fix-mismatch-ws-path = استخدم المسار الذي يعالجه الخادم ({ $working })؛ وإن كان nginx أمامه، فتحقّق من أن كتلة location تطابق { $path }.
cause-mismatch-ws-origin = يرفض الخادم الأصل (Origin) { $origin }
fix-mismatch-ws-origin = أضف أصل الصفحة إلى قائمة الأصول المسموح بها في الخادم (أو فحص CORS/Origin)، أو حمِّل الصفحة من أصل مسموح به.
cause-mismatch-proxy-no-upgrade = أجاب وكيل عكسي{ $server ->
    [none] {""}
   *[other] {" "}({ $server })
} عن طلب الترقية بـ { $status }: فهو لا يمرِّر WebSocket
fix-mismatch-proxy-no-upgrade = أضف في كتلة location الخاصة بالوكيل: proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade"; ثم أعد تحميل إعداداته (nginx -s reload).
cause-mismatch-silent-server = قبل الخادم الاتصال لكنه لم يقدّم ردًّا صالحًا خلال { $ms } مللي ثانية
fix-mismatch-silent-server = الخادم ينتظر شيئًا آخر (بروتوكولًا آخر، أو رسالة أولى من العميل)، أو أن حلقة الأحداث فيه متوقفة: افحص بروتوكول الخادم وسجلاته.
cause-reset-after-connect = قبل { $addr } الاتصال ثم قطعه قبل أن يُجيب
fix-reset-after-connect = افحص سجلات الخادم: ربما يرفض هذا البروتوكول أو عنوان IP الخاص بالعميل، أو بلغ الحد الأقصى للاتصالات، أو تعطّل أثناء معالجة الطلب. وقد يُحدث الأثرَ نفسه جدارُ حماية أو نظام IPS يعيد تعيين الاتصالات.
cause-tls-cert-expired = انتهت صلاحية شهادة { $host } (أو لم تبدأ صلاحيتها بعد)
fix-tls-cert-expired = جدِّد الشهادة (مثل certbot renew) وأعد تحميل الخادم؛ وتحقّق كذلك من ساعة الخادم.
cause-tls-cert-name = لا تشمل الشهادة الاسم { $host }
fix-tls-cert-name = احصل على شهادة تتضمّن { $host } (subjectAltName)، أو اتصل باسم تشمله الشهادة.
cause-tls-cert-untrusted = { $kind ->
    [self-signed] شهادة { $host } موقَّعة ذاتيًا: لا يثق بها أي عميل ما لم يُطلب منه ذلك صراحةً
   *[other] شهادة { $host } صادرة عن جهة لا يثق بها العميل
}
fix-tls-cert-untrusted = { $kind ->
    [self-signed] في بيئة الاختبار اجعل العميل يثق بهذه الشهادة (أو استخدم --insecure هنا). والأفضل إنشاء شهادة جديدة بلا CA:TRUE وبالاسم في subjectAltName كما تشترط عملاء rustls/webpki: openssl req -x509 -newkey rsa:2048 -nodes -subj /CN={ $host } -addext "subjectAltName={ $san }" -addext "basicConstraints=critical,CA:FALSE" -keyout key.pem -out cert.pem. وفي بيئة الإنتاج استخدم جهة إصدار عامة (Let's Encrypt).
   *[other] استخدم شهادة من جهة إصدار عامة (مثل Let's Encrypt) مع سلسلتها الكاملة، أو أضف جهة الإصدار إلى مخزن الثقة لدى العميل؛ ويتيح --insecure تجاوز هذا الفحص لأغراض الاختبار.
}
cause-tls-handshake = فشلت مصافحة TLS مع { $host }
fix-tls-handshake = تحقّق من أن هذا المنفذ يقدّم TLS بإصدار حديث (TLS 1.2/1.3) مع شهادة؛ والخطأ الوارد أدناه صادر عن المصافحة.
cause-tls-cert-chain-incomplete = يرسل { $host } شهادته دون الشهادة الوسيطة الخاصة بـ { $issuer }
fix-tls-cert-chain-incomplete = اضبط السلسلة الكاملة لا الشهادة وحدها: في nginx ssl_certificate fullchain.pem (certbot)، وفي Apache أضف السلسلة إلى SSLCertificateFile، وفي Workerman local_cert = fullchain.pem. وإذا كانت { $issuer } جهة إصدار خاصة بك فأضفها إلى مخزن الثقة لدى العميل بدلًا من ذلك.
cause-tls-cert-usage = شهادة { $host } ليست مخصصة لخادم TLS
fix-tls-cert-usage = أصدر شهادة خادم: basicConstraints CA:FALSE وextendedKeyUsage serverAuth (openssl: -addext "basicConstraints=critical,CA:FALSE" -addext "extendedKeyUsage=serverAuth"). يرفض العملاء هنا شهادة جهة إصدار أو شهادة مخصصة للعملاء فقط.
cause-tls-version-old = لا يتحدث { $host } إلا { $version }، ولم تعد العملاء الحالية تقبله
fix-tls-version-old = فعِّل TLS 1.2 و1.3 على الخادم (nginx: ssl_protocols TLSv1.2 TLSv1.3؛ الخوادم المبنية على OpenSSL: احذف -tls1/-tls1_1 أو MinProtocol=TLSv1)، أو حدِّث مكتبة TLS لديه. المتصفحات وrustls وJava 17 فما فوق وOpenSSL 3 ترفض TLS 1.0/1.1 افتراضيًا.
cause-tls-no-shared-cipher = لا توجد مجموعة تشفير أو طريقة تبادل مفاتيح مشتركة بين { $host } والعميل
fix-tls-no-shared-cipher = اسمح على الخادم بمجموعات AEAD الحديثة (ECDHE مع AES-GCM أو ChaCha20-Poly1305؛ في nginx استخدم ssl_ciphers من ملف Mozilla "intermediate") واستخدم شهادة ECDSA أو RSA بطول 2048 بت على الأقل.
cause-tls-client-cert-required = يشترط { $host } شهادة عميل (TLS متبادل)، ولم يرسل العميل أي شهادة
fix-tls-client-cert-required = زوِّد العميل بشهادة ومفتاح صادرين عن جهة يثق بها الخادم (curl --cert/--key، وcert/key في tls.connect لدى Node، ومخزن مفاتيح Java، وملف .p12 مستورد في المتصفح)؛ وإن لم يكن مطلوبًا أن يثبت العملاء هويتهم فعطِّل ذلك على الخادم (nginx: ssl_verify_client off أو optional).
cause-tls-sni-cert = يحصل { $host } على شهادة خاطئة: يختار الخادم شهادته بحسب الاسم الذي يرسله العميل (SNI)
fix-tls-sni-cert = اضبط شهادة { $host } حيث يعالج الخادم هذا الاسم (nginx: كتلة server التي فيها server_name { $host } وssl_certificate الخاص بها؛ Apache: الـ VirtualHost المقابل)، أو اتصل بالاسم الذي أُعدّ له الخادم.
cause-refused-wrong-host = وصل العميل على { $addr } إلى خادم غير الخادم الذي كان يقصده
fix-refused-wrong-host = تحقّق من المضيف والمنفذ في العميل، ومن سجل DNS وملف hosts، ومن أي وكيل أو إعادة توجيه للمنافذ في الطريق: لم يعُد رمز الخادم الذي شغّلته.
cause-dns-wrong-ip = يشير الاسم { $name } إلى { $addrs }، وهذا ليس الخادم المقصود
fix-dns-wrong-ip = صحِّح سجل DNS من النوع A/AAAA للاسم { $name } (أو السطر المقابل في ملف hosts) ليشير إلى عنوان الخادم، ثم انتظر انقضاء مدة TTL.
cause-dns-hosts-override = يربط ملف hosts الاسم { $name } بـ { $hosts }، بينما يجيب DNS بـ { $dns }
fix-dns-hosts-override = احذف سطر { $name } في /etc/hosts (أو في C:\Windows\System32\drivers\etc\hosts على Windows) أو صحّحه إن كان من بقايا إعداد قديم؛ فالعملاء على الأجهزة الأخرى يتّبعون DNS.
cause-dns-fake-ip = حُلِّل { $name } إلى { $addr }، وهو عنوان مزيَّف يوزّعه برنامج وكيل
fix-dns-fake-ip = يجيب برنامج وكيل (Clash أو mihomo أو Surge أو sing-box…) عن استعلامات DNS بعناوين IP مزيَّفة ويعترض الاتصال: أضف قاعدة DIRECT أو مُدخلًا في fake-ip-filter لهذا النطاق، أو حوِّل البرنامج إلى الوضع المباشر أثناء الاختبار.
cause-proxy-local-software = برنامج وكيل على هذا العميل يغيّر وجهة الاتصال ({ $via })
fix-proxy-local-software = أضف الخادم إلى قائمة التجاوز في الوكيل (NO_PROXY=host، أو قاعدة DIRECT، أو خيار «bypass» في تطبيق الوكيل)، أو أوقف الوكيل أو حوِّله إلى الوضع المباشر، ثم أعد الاختبار.
cause-proxy-auth-required = وكيل HTTP بين هذا العميل والخادم يطلب اسم مستخدم وكلمة مرور (407 Proxy Authentication Required)
fix-proxy-auth-required = زوِّد العميل ببيانات اعتماد الوكيل (مثلًا HTTPS_PROXY=http://user:password@proxy:port أو إعدادات الوكيل في التطبيق)، أو أضف الخادم إلى NO_PROXY إن كان يجب الوصول إليه مباشرة؛ ثم اختبر مرة أخرى.
cause-proxy-cdn-port-not-proxied = لا يمرِّر { $cdn } المنفذ { $port }، لذا لا تتلقى الاتصالات المارّة عبره أي رد
fix-proxy-cdn-port-not-proxied = استخدم منفذًا تمرِّره شبكة CDN (Cloudflare: 80, 8080, 8880, 2052, 2082, 2086, 2095 لبروتوكول HTTP؛ و443, 2053, 2083, 2087, 2096, 8443 لبروتوكول HTTPS)، أو اجعل سجل DNS بوضع «DNS only» (السحابة الرمادية) واتصل بالخادم الأصلي مباشرةً.
cause-proxy-cdn = تمرّ الاتصالات بين العميل والخادم عبر { $cdn }
fix-proxy-cdn = العنوان الذي تصل إليه يعود إلى شبكة CDN لا إلى خادمك: لن تنطبق قائمة السماح في الخادم أو قاعدة جدار الحماية المخصصة لعنوان IP الخاص بك. راجع إعدادات CDN (دعم WebSocket، والمنافذ المُمرَّرة) أو اتصل بالخادم الأصلي مباشرةً.

## Evidence lines

ev-family-failed = { $addr }: { $outcome ->
    [refused] مرفوض
    [timed-out] لا استجابة
    [host-unreachable] تعذّر الوصول إلى المضيف
    [net-unreachable] تعذّر الوصول إلى الشبكة
   *[other] فشل ({ $outcome })
}
ev-family-connected = نجح الاتصال بـ { $addr }
ev-icmp-error = وصلت رسالة خطأ ICMP (النوع { $type }، الرمز { $code }) من { $origin } بدلًا من رد TCP
ev-icmp-other-origin = جاء الرفض من { $origin }، لا من الخادم نفسه
ev-icmp-not-rst = الخادم الذي يكون منفذه مغلقًا يردّ بإعادة تعيين TCP (RST) لا برسالة ICMP: هذه قاعدة رفض (reject)
ev-no-listener-local = لا يحتوي جدول المقابس في هذا الجهاز على أي مقبس يستمع على المنفذ { $port }
ev-listener-but-rst = يوجد مقبس يستمع على { $addr } ومع ذلك أُعيد تعيين الاتصال: يُرجَّح وجود قاعدة «reject with tcp reset»
ev-listener-elsewhere = المنفذ مربوط بـ { $bound } فقط، وهذا لا يشمل { $addr }
ev-rst-from-target = ردّ { $addr } بإعادة تعيين TCP: المضيف يعمل والمنفذ مغلق
ev-audit-would-tell = لا يمكن الحسم إلا على الخادم: شغّل هناك conndoctor audit { $port }
ev-syn-unanswered = لم يردّ { $addr } على SYN خلال { $ms } مللي ثانية ({ $retransmits ->
    [zero] دون أي إعادة إرسال
    [one] أُعيد الإرسال مرة واحدة
    [two] أُعيد الإرسال مرتين
    [few] أُعيد الإرسال { $retransmits } مرات
    [many] أُعيد الإرسال { $retransmits } مرة
   *[other] أُعيد الإرسال { $retransmits } مرة
})
ev-accept-queue = { $queued ->
    [zero] لا ينتظر أي اتصال
    [one] ينتظر اتصال واحد
    [two] ينتظر اتصالان
    [few] ينتظر { $queued } اتصالات
    [many] ينتظر { $queued } اتصالًا
   *[other] ينتظر { $queued } اتصال
} في قائمة انتظار accept الخاصة بـ { $addr }، ولا يسحب الخادم شيئًا منها
ev-backlog = قيمة backlog للمقبس المستمع { $backlog }، وفي قائمة الانتظار { $queued }: القائمة ممتلئة، لذا تُسقَط حزم SYN الجديدة
ev-listen-overflows = { $count ->
    [zero] لم تُسقط النواة أي محاولة اتصال
    [one] أسقطت النواة محاولة اتصال واحدة
    [two] أسقطت النواة محاولتَي اتصال
    [few] أسقطت النواة { $count } محاولات اتصال
    [many] أسقطت النواة { $count } محاولة اتصال
   *[other] أسقطت النواة { $count } محاولة اتصال
} لامتلاء قائمة انتظار listen أثناء انتظارنا (TcpExtListenOverflows)
ev-only-default-route = المسار الوحيد إليه هو المسار الافتراضي (عبر { $gateway } على { $iface })، أي الإنترنت العامة
ev-no-route-at-all = لا يملك هذا الجهاز أي مسار إلى ذلك العنوان
ev-private-address = يقع { $addr } ضمن نطاق خاص (RFC 1918، أو CGNAT، أو IPv6 ULA)
ev-not-on-local-network = لا تقع أي واجهة من واجهات هذا الجهاز على شبكة { $addr }
ev-side-probes-off = لم تُفحص منافذ أخرى (--no-side-probes)، لذا يتعذّر التمييز بين مضيف متوقف وغيره
ev-host-answers-elsewhere = يستجيب { $ip } على منافذ أخرى: { $ports }
ev-host-silent = لم يستجب { $ip } على أي منفذ آخر كذلك ({ $ports })
ev-neighbour-failed = سأل هذا الجهاز عن { $addr } في شبكته المحلية (ARP/اكتشاف الجيران) ولم يتلقَّ أي رد
ev-router-reported = أفاد الموجِّه { $router }: { $outcome ->
    [net-unreachable] تعذّر الوصول إلى الشبكة
   *[other] تعذّر الوصول إلى المضيف
}
ev-kernel-reported = أفادت نواة هذا الجهاز: { $outcome ->
    [net-unreachable] تعذّر الوصول إلى الشبكة (لا يوجد مسار)
   *[other] تعذّر الوصول إلى المضيف
}
ev-ports-in-use = المنافذ المحلية المتاحة ({ $lo }–{ $hi }): { $used } من أصل { $size } تشغلها مقابس متصلة بـ { $dst }
ev-time-wait = منها { $count } في حالة TIME_WAIT؛ net.ipv4.tcp_tw_reuse = { $reuse }
ev-fd-limit = حدّ واصفات الملفات: { $soft } (الحدّ الصارم { $hard })
ev-reply-http = { $request } عبر { $transport } ← HTTP { $status }{ $server ->
    [none] {""}
   *[other] {" "}(Server: { $server })
}
ev-reply-data = { $request } عبر { $transport } ← { $len ->
    [zero] { $len } بايت تبدو
    [one] بايت واحد يبدو
    [two] بايتان يبدوان
    [few] { $len } بايتات تبدو
    [many] { $len } بايتًا تبدو
   *[other] { $len } بايت تبدو
} { $speaks ->
    [http] بيانات HTTP
    [tls] بيانات TLS
    [ssh] بيانات SSH
    [smtp] بيانات SMTP
    [ftp] بيانات FTP
    [redis] بيانات Redis
    [mysql] بيانات MySQL
    [text] نصًّا
    [binary] بيانات ثنائية
   *[other] بيانات { $speaks }
}: { $bytes }
ev-reply-silence = { $request } عبر { $transport } ← لا إجابة خلال { $ms } مللي ثانية
ev-reply-closed = { $request } عبر { $transport } ← أغلق الخادم الاتصال دون أن يُجيب
ev-reply-reset = { $request } عبر { $transport } ← أعاد الخادم تعيين الاتصال
ev-reply-too-large = { $request } عبر { $transport } ← تجاوزت ترويسة الاستجابة 16 KiB
ev-reply-no-connection = { $request } عبر { $transport } ← تعذّر الاتصال مجددًا ({ $outcome })
ev-reply-error = { $request } عبر { $transport } ← { $message }
ev-tls-failed = فشلت مصافحة TLS: { $error }
ev-tls-works = تنجح مصافحة TLS على المنفذ نفسه ({ $version })
ev-bad-accept = يحمل الرد 101 قيمة Sec-WebSocket-Accept خاطئة
ev-root-upgrades = تنجح الترقية نفسها على المسار /
ev-no-origin-upgrades = تنجح الترقية نفسها دون ترويسة Origin
ev-upgrade-works = تنجح ترقية WebSocket على المنفذ نفسه
ev-cdn-header = تحمل الاستجابة الترويسة { $header } ({ $cdn })
ev-cert-not-after = انتهت صلاحية الشهادة في { $date }
ev-cert-not-yet-valid = لم تبدأ صلاحية الشهادة بعد
ev-cert-names = تشمل الشهادة: { $names }
ev-cert-unknown-issuer = صادرة عن { $issuer }، وهي ليست من الجذور التي يثق بها العميل
ev-cert-no-trusted-root = لا تنتهي السلسلة بشهادة جذر موثوقة
ev-cert-not-before = لا تصبح الشهادة صالحة إلا اعتبارًا من { $date }
ev-cert-no-sni-covers = من دون اسم الخادم (SNI) يرسل الخادم شهادة أخرى، وتلك تغطي { $host }: { $names }
ev-cert-ip-no-sni = الاتصال بعنوان IP لا يرسل اسم الخادم (SNI): فيرسل الخادم ذو الشهادات المتعددة شهادته الافتراضية
ev-cert-self-signed = صادرة عن نفسها ({ $subject }): الجهة المُصدِرة وصاحب الشهادة واحد
ev-cert-ca-true = هي موسومة كجهة إصدار (basicConstraints CA:TRUE)، وترفضها عملاء rustls/webpki كشهادة خادم حتى لو كانت موثوقة
ev-cert-bad-signature = لا يتحقق توقيعها بمفتاح الجهة المُصدِرة
ev-cert-chain-one = أرسل الخادم شهادته وحدها؛ والجهة المُصدِرة { $issuer } ليست جذرًا موثوقًا
ev-cert-no-server-auth = استخدام المفتاح الموسَّع (extendedKeyUsage) لا يتضمن serverAuth (خادم TLS)
ev-cert-rejected = رُفضت الشهادة ({ $code })
ev-cert-no-san = لا تذكر الشهادة أي اسم (subjectAltName)؛ والعملاء يتجاهلون اسم صاحبها { $subject }
ev-tls-old-version = أجاب الخادم عن ClientHello بإصدار TLS 1.2/1.3 بالإصدار { $version }
ev-tls-version-refused = رفض الخادم TLS 1.2 و1.3 (التنبيه protocol_version)
ev-tls-alert = أنهى الخادم المصافحة بالتنبيه { $alert }
ev-tls-client-cert-asked = طلب الخادم شهادة عميل (CertificateRequest) وأغلق الاتصال حين لم تصله
ev-tls-unrecognized-name = لا يعرف الخادم الاسم { $host } المرسَل في SNI (التنبيه unrecognized_name)
ev-tls-error = { $error }
ev-token-mismatch = كان المتوقَّع الرمز { $expected } الخاص بـ conndoctor serve لديك، لكن وصل { $got }
ev-ns-answer = يجيب خادم الأسماء { $server } بـ { $addrs } (CNAME { $cnames }، TTL { $ttl } ثانية)
ev-ns-nxdomain = يفيد خادم الأسماء { $server } بأن الاسم غير موجود (NXDOMAIN)
ev-ns-nodata = يعرف خادم الأسماء { $server } الاسم لكن ليس لديه سجل A/AAAA له
ev-ns-failure = أخفق خادم الأسماء { $server }: { $rcode }
ev-ns-timeout = لم يُجب خادم الأسماء { $server } خلال { $ms } مللي ثانية
ev-no-nameservers = لا يتضمّن الملف /etc/resolv.conf أي خادم أسماء (nameserver)
ev-hosts-entry = يربط ملف hosts هذا الاسم بـ { $addrs }
ev-expected-ip = تتوقّع { $expected }؛ لكن محلِّل النظام يُرجع { $addrs }
ev-fake-ip = يقع { $addr } ضمن 198.18.0.0/15، وهو النطاق الذي تستخدمه برامج الوكيل لإجابات DNS المزيَّفة (fake-IP)
ev-tun-route = يمرّ المسار إلى الخادم عبر واجهة النفق { $iface } (برنامج وكيل أو VPN)
ev-proxy-env = المتغيّر { $var } = { $value } مضبوط: العملاء الذين يعتمدونه يتصلون عبر ذلك الوكيل
ev-proxy-direct = اتصل conndoctor مباشرةً دون المرور بالوكيل
ev-cdn-range = يقع { $addr } ضمن النطاق { $range } المنشور لـ { $cdn } (قائمة بتاريخ { $date })
ev-cdn-ports = المنفذ { $port } ليس ضمن قائمة المنافذ التي تمرِّرها شبكة CDN
ev-path-last-hop = يصل SYN حتى القفزة { $ttl } ({ $addr })؛ ولا يجيب شيء بعدها
ev-path-no-hop = لم يُجب حتى الموجِّه الأول عن حزم SYN محدودة TTL
ev-path-on-link = الخادم على الشبكة نفسها التي يتصل بها هذا الجهاز دون أي موجِّه بينهما، ومع ذلك لم يُجب بشيء
ev-path-target-answers = يجيب مضيف الخادم عند القفزة { $ttl } ({ $addr })
ev-errno = فشل connect() برمز الخطأ errno { $errno }: { $message }

## Batch

batch-summary = { $total ->
    [zero] لم يُفحص أي هدف
    [one] فُحص هدف واحد
    [two] فُحص هدفان
    [few] فُحصت { $total } أهداف
    [many] فُحص { $total } هدفًا
   *[other] فُحص { $total } هدف
} خلال { $secs } ثانية، والفاشل منها: { $failed }
batch-by-symptom = حسب العَرَض:
batch-by-cause = حسب السبب الأول:
batch-slowest = الأبطأ:
batch-interrupted = أُوقف بواسطة { $signal }: فُحص { $done } من { $total } من الأهداف (كل نتيجة مطبوعة أعلاه كاملة)
## Serve

serve-listening = يقدّم { $scheme } على { $addr } · الرمز { $token }
serve-reachable = يمكن الوصول إليه عبر { $url }
serve-loopback-warning = يستمع على { $addr } فقط: لا تستطيع الأجهزة الأخرى الاتصال. استخدم 0.0.0.0:{ $port } (أو [::]:{ $port }) لقبول اتصالاتها.
serve-check-hint = من جهاز العميل: { $cmd }
serve-stop-hint = اضغط Ctrl-C للإيقاف.
serve-stopped = توقّف.
serve-not-local = { $addr } ليس عنوانًا لهذا الجهاز (في الخدمات السحابية يمرّ عنوان IP العام عادةً عبر NAT ولا يُسنَد إلى أي واجهة): استمع على 0.0.0.0:{ $port } أو على العنوان الخاص بدلًا منه (addr-not-avail.bind-not-local)
serve-in-use = المنفذ { $port } يستخدمه برنامج آخر بالفعل (يكشف ss -ltnp | grep :{ $port } أيّ برنامج هو)
serve-permission = تتطلب المنافذ الأقل من 1024 صلاحيات root أو CAP_NET_BIND_SERVICE: { $detail }
serve-needs-address = عنوان الاستماع يكون عنوان IP (0.0.0.0، [::]، 127.0.0.1، ...) أو localhost: { $detail }
serve-failed = تعذّر التشغيل: { $detail }

## Demo

demo-title = عرض توضيحي لـ conndoctor: خوادم حقيقية على عنوان الاسترجاع، وتشخيصات حقيقية
demo-scenario-open = خادم WebSocket يعمل (conndoctor serve)، مع التحقق من رمز هويته
demo-scenario-closed = منفذ لا يستمع عليه أي شيء
demo-scenario-loopback = خادم مربوط بـ 127.0.0.1، والوصول إليه عبر 127.0.0.2
demo-scenario-queue = خادم توقف عن قبول الاتصالات: قائمة انتظار accept لديه ممتلئة
demo-scenario-family = يُحلَّل localhost إلى IPv6 وIPv4، بينما يستمع الخادم على IPv4 فقط
demo-scenario-ws-http = عميل WebSocket يتصل بخادم HTTP عادي
demo-scenario-ws-text = عميل WebSocket يتصل بخادم يعمل ببروتوكول text
demo-scenario-tls-plain = عميل wss:// يتصل بمنفذ WebSocket غير مشفَّر
demo-scenario-plain-tls = عميل ws:// يتصل بمنفذ TLS
demo-scenario-path = عميل WebSocket يطلب مسارًا لا يخدمه الخادم
demo-scenario-origin = خادم WebSocket يرفض أصل (Origin) الصفحة
demo-scenario-wrong-ip = يشير الاسم إلى عنوان غير العنوان الذي تتوقعه (--expect-ip)
demo-command = الأمر: { $cmd }

## Global options, completions, manual page, argument errors
help-color = متى يُلوَّن الخرج: auto (في الطرفية ما لم يُضبط NO_COLOR)، always، never.
help-completions-about = يطبع سكربت الإكمال التلقائي للصدفة (bash، zsh، fish، elvish، powershell) على الخرج القياسي.
help-man-about = يطبع صفحة الدليل (roff) على الخرج القياسي، مثلًا conndoctor man | man -l -
help-completions-shell = الصدفة المطلوب لها الإكمال.
help-exporter-listen = العنوان الذي يُقدَّم عليه HTTP (المنفذ 0: أي منفذ حر، يُطبع عند البدء).
help-exporter-config = إعدادات YAML: الوحدات وقائمة السماح والحدود. بدونها: الوحدات المدمجة tcp وhttp وhttps وws وwss وأهداف الاسترجاع (loopback) فقط.
help-exporter-check-config = يتحقق من الإعدادات ثم يخرج (0 صالحة، 2 غير صالحة).
clap-unknown-argument = وسيط غير متوقع '{ $arg }'
clap-invalid-subcommand = أمر فرعي غير معروف '{ $arg }'
clap-invalid-value = القيمة '{ $value }' غير صالحة للخيار '{ $arg }'
clap-missing-value = الخيار '{ $arg }' يحتاج إلى قيمة
clap-missing-required = الوسائط المطلوبة التالية غير موجودة: { $args }
clap-conflict = لا يمكن استخدام '{ $arg }' مع '{ $other }'
clap-missing-subcommand = يجب تحديد أمر فرعي
clap-other = وسائط غير صالحة: { $detail }
clap-possible-values = القيم الممكنة: { $values }
clap-tip-subcommand = هل تقصد '{ $name }'؟
clap-tip-argument = هل تقصد '{ $name }'؟
clap-tip-value = هل تقصد '{ $name }'؟
clap-more-info = لمزيد من المعلومات جرّب '--help'.

## serve: WebSocket subprotocols
help-serve-subprotocol = WebSocket: بروتوكول فرعي يُعرَض (يمكن تكراره)؛ يُختار أول ما يطلبه العميل منها.
input-bad-subprotocol = «{ $detail }» ليس اسم بروتوكول فرعي صالحًا (أحرف وأرقام و { "!#$%&'*+-.^_`|~" } فقط)
