# conndoctor audit --watch: أين تتوقف حزم SYN الخاصة بالعميل، كما يراها الخادم.

## Options and input

help-audit-watch = راقب حزم SYN الواردة إلى PORT عند الواجهات وبيّن أين تتوقف: قبل هذا المضيف، أو عند قاعدة جدار ناري، أو عند المستمع (يتطلب root).
help-audit-duration = مدة تشغيل --watch، مثل 30s أو 2m [الافتراضي: 60s]؛ Ctrl-C ينهيها قبل ذلك.
watch-input-bad-port = { $detail } ليس منفذًا صالحًا لـ --watch (1-65535)
watch-input-two-ports = { $detail } و--watch { $port } يشيران إلى منفذين مختلفين
watch-input-bad-duration = { $detail } ليست مدة صالحة لـ --duration (مثل 30s أو 2m؛ ساعة واحدة على الأكثر)
watch-error-denied = مراقبة الحزم تتطلب صلاحيات root (CAP_NET_RAW): { $detail }
watch-error-capture = تعذّر فتح مقبس الحزم: { $detail }

## While it runs

watch-ready = جارٍ مراقبة منفذ TCP { $port } على كل الواجهات لمدة { $secs } ثانية؛ اجعل العميل يتصل الآن (Ctrl-C ينهي المراقبة)
watch-ready-from = جارٍ مراقبة حزم SYN من { $client } إلى منفذ TCP { $port } لمدة { $secs } ثانية؛ اجعل العميل يتصل الآن (Ctrl-C ينهي المراقبة)

## The report

watch-title = منفذ TCP { $port } · روقب لمدة { $secs } ثانية
watch-no-client = لا يوجد عميل
watch-row = SYN واردة: { $syns } ({ $iface }؛ منافذ المصدر { $ports }) · SYN-ACK صادرة: { $synacks } · RST صادرة: { $resets }
watch-row-none = لم تصل أي حزمة SYN
watch-verdict-never-arrived = لم تصل الحزم إلى هذا المضيف أبدًا ← مجموعة الأمان السحابية أو جدار ناري لدى المزوّد أو موجّه قبله
watch-verdict-dropped-local = وصلت إلى بطاقة الشبكة، وأسقطتها قاعدة محلية في { $chain }
watch-verdict-panel-firewall = وصلت إلى بطاقة الشبكة، وأسقطها { $panel } ({ $chain })
watch-verdict-no-listener = وصلت إلى هذا المضيف، لكن لا شيء يستمع على المنفذ { $port }
watch-verdict-queue-full = وصلت إلى المستمع، لكنه لم يقبل الاتصال: الطابور ممتلئ
watch-verdict-asymmetric-route = وصلت إلى المستمع؛ وخرج الرد من مسار آخر ({ $out })
watch-verdict-not-answered = وصلت إلى هذا المضيف، ولم يخرج أي رد
watch-verdict-reply-lost = وصلت إلى المستمع، وخرجت SYN-ACK عبر { $iface }، لكنها لم تصل إلى العميل أبدًا
watch-verdict-accepted = وصلت إلى المستمع، وخرجت حزمة SYN-ACK

## Evidence

watch-ev-none-from = خلال { $secs } ثانية لم تصل أي حزمة SYN من { $client } إلى المنفذ { $port } على أي واجهة
watch-ev-none = خلال { $secs } ثانية لم تصل أي حزمة SYN إلى المنفذ { $port } على أي واجهة
watch-ev-others = وصلت حزم SYN من عناوين أخرى ({ $count }): { $addrs }. إن كان العميل خلف NAT فعنوانه أحدها: أعد المراقبة بذلك العنوان في --from
watch-ev-before-host = المراقبة ترى الحزم عند الواجهة، قبل أي جدار ناري لهذا المضيف: ما لا يظهر هنا أُسقط في الطريق
watch-ev-syns = وصلت { $count } حزمة SYN من { $client } إلى { $dst } على { $iface } (منافذ المصدر { $ports })
watch-ev-syn-ack = خرجت { $count } حزمة SYN-ACK عبر { $iface }
watch-ev-syn-ack-elsewhere = خرجت { $count } حزمة SYN-ACK عبر { $out }، بينما دخلت حزم SYN عبر { $in }
watch-ev-retried = أعاد العميل إرسال حزمة SYN نفسها بعد SYN-ACK ({ $count } مرة): لم يصله الرد
watch-ev-rule = { $source } { $chain } القاعدة { $position } ({ $verdict }): { $text }
watch-ev-policy = { $source } { $chain }: أسقطتها سياسة drop للسلسلة (لا قاعدة تسمح بالمنفذ)
watch-ev-counter = ارتفع عدّاد حزم القاعدة بمقدار { $count } أثناء المراقبة
watch-ev-no-counter = ليس للقاعدة عدّاد؛ تقييم مجموعة القواعد نفسه هو ما يحددها
watch-ev-reject-with = تردّ بـ { $with }
watch-ev-manager = السلسلة تابعة لـ { $panel }
watch-ev-panel = لوحات التحكم على هذا الجهاز: { $panels }
watch-ev-no-listener = لا يستمع أي مقبس على { $addr } (المستمعون على هذا المنفذ: { $bound })
watch-ev-resets = خرجت { $count } حزمة RST ردًّا
watch-ev-queue = بلغ طابور القبول لـ { $addr } القيمة { $queue } مع backlog قدره { $backlog }
watch-ev-overflows = ارتفع ListenOverflows بمقدار { $count } أثناء المراقبة: أسقطت النواة حزم SYN لامتلاء الطابور
watch-ev-rp-filter = التصفية الصارمة للمسار العكسي (rp_filter = 1) مفعّلة على { $iface }: تُسقط حزمة SYN التي سيخرج ردها من واجهة أخرى
watch-ev-firewall-unread = تعذّرت قراءة قواعد الجدار الناري (شغّله بصلاحيات root)

## Causes

cause-watch-never-arrived = لم تصل أي حزمة SYN إلى المنفذ { $port } على هذا المضيف: تُسقط قبله
fix-watch-never-arrived = افتح TCP { $port } حيث تُصفّى الحزم قبل هذا المضيف: مجموعة الأمان السحابية (قاعدة واردة لـ TCP { $port } من عنوان العميل)، أو الجدار الناري الشبكي لدى المزوّد أو لوحة الاستضافة، أو إعادة توجيه المنفذ في الموجّه أو NAT أمامه. وتحقق أيضًا أن العميل يتصل بالعنوان العام لهذا المضيف.
cause-watch-dropped-local = وصلت حزم SYN من { $client } إلى هذا المضيف وأسقطتها قاعدة جدار ناري محلية في { $chain }
fix-watch-dropped-local = اسمح بـ TCP { $port } قبل تلك القاعدة في { $chain } (أو احذف القاعدة)، ثم دع العميل يحاول مجددًا.
cause-watch-panel-firewall = أسقطت قواعد { $panel } ({ $chain }) حزم SYN من { $client }
fix-watch-panel-firewall = افتح TCP { $port } في { $panel } نفسه (ufw allow { $port }/tcp؛ firewall-cmd --permanent --add-port={ $port }/tcp ثم firewall-cmd --reload؛ TCP_IN في /etc/csf/csf.conf لـ csf)، أو في اللوحة التي تديره: القاعدة المضافة يدويًا تُستبدل عند إعادة تحميل سلاسله.
cause-watch-no-listener = عبرت حزم SYN من { $client } الجدار الناري، لكن لا شيء يستمع على المنفذ { $port }
fix-watch-no-listener = شغّل الخادم على المنفذ { $port }، مستمعًا على 0.0.0.0 (أو [::]) أو على العنوان الذي يتصل به العملاء؛ تحقق بـ ss -ltnp | grep :{ $port }.
cause-watch-queue-full = وصلت حزم SYN من { $client } إلى المستمع، لكن طابور القبول لديه كان ممتلئًا
fix-watch-queue-full = البرنامج لا يقبل الاتصالات بسرعة وصولها: تحقق أنه غير عالق أو مثقل، وارفع listen backlog الخاص به (و net.core.somaxconn).
cause-watch-asymmetric-route = خرج الرد إلى { $client } عبر { $out }، لا عبر { $in } حيث دخلت حزمة SYN
fix-watch-asymmetric-route = اجعل الرد يخرج عبر { $in }: أصلح المسار إلى { $client } (ip route get { $client })، أو أضف قاعدة توجيه حسب السياسة لعنوان هذا المضيف على { $in }.
cause-watch-not-answered = وصلت حزم SYN من { $client }، لكن لم يخرج أي رد
fix-watch-not-answered = تحقق من تصفية المسار العكسي (sysctl net.ipv4.conf.all.rp_filter) وبرامج tc أو XDP على الواجهة وسجل النواة، ثم راقب مجددًا.
cause-watch-reply-lost = ردّ هذا المضيف على { $client } عبر { $iface }، لكن الرد لم يصله
fix-watch-reply-lost = ابحث في طريق العودة: جدار ناري أو مجموعة أمان أو NAT بين هذا المضيف و{ $client } يُسقط الحزم القادمة من منفذ TCP { $port } (قواعد صادرة، جهاز ذو حالة لم يرَ SYN)، أو مسار يرسلها إلى مكان آخر بعد { $iface }.
cause-watch-accepted = ردّ هذا المضيف على { $client }: خرجت حزمة SYN-ACK
fix-watch-accepted = لا شيء يحتاج إلى تغيير على هذا المضيف. إن استمر فشل العميل فالرد يضيع في طريق العودة (جدار ناري ذو حالة أو NAT في الوسط)، أو أن الفشل يحدث بعد المصافحة.

## On the client

check-watch-hint = لمعرفة أين تتوقف الحزم، شغّل على الخادم: { $cmd }
check-watch-ports = ثم اتصل مجددًا؛ منافذ المصدر لديك (معرّف الربط) هي: { $ports }
