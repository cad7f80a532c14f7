# conndoctor explain — Arabic (ar, Modern Standard Arabic). Same ids and variables as locales/en/explain.ftl.
# Placeables hold hosts, ports, URLs, commands and error strings; they stay untranslated.
# Bidi isolates around placeables are added at runtime; do not insert control characters here.
# Plurals: CLDR zero/one/two/few/many/other.

## Report

explain-title = conndoctor explain
explain-label-symptom = العَرَض
explain-label-message = تم التعرّف عليها
explain-label-also = تطابق أيضًا
explain-label-says = تذكر الرسالة
explain-label-line = السطر
explain-label-causes = الأسباب المحتملة
explain-label-notes = معلومات مفيدة
explain-label-next = الخطوة التالية
explain-family = { $source } [{ $id }]
explain-unknown = رسالة لا يعرفها conndoctor ({ $count ->
    [zero] لا يعرف أي نوع من الرسائل
    [one] يعرف نوعًا واحدًا من الرسائل
    [two] يعرف نوعين من الرسائل
    [few] يعرف { $count } أنواع من الرسائل
    [many] يعرف { $count } نوعًا من الرسائل
   *[other] يعرف { $count } نوع من الرسائل
})
explain-unknown-hint = لا يستطيع conndoctor أن يستنتج من هذا النص ما الذي حدث. إن كان الأمر متعلقًا باتصال، فشغّل الفحص أدناه: فهو يفحص الشبكة نفسها بدلًا من صياغة الرسالة.
explain-says-nothing = لا مضيف ولا منفذ ولا URL ولا رمز خطأ
explain-field-url = URL { $value }
explain-field-host = المضيف { $value }
explain-field-port = المنفذ { $value }
explain-field-status = حالة HTTP { $value }
explain-field-errno = الخطأ { $value }
explain-ev-said = طبع { $source }: { $excerpt }
explain-value-unknown = غير معروف

## Symptoms, as read from the message

explain-symptom-ok = نجح الاتصال
explain-symptom-refused = رُفض الاتصال: أجاب جهاز الخادم، لكن لا شيء قَبِل الاتصال على ذلك المنفذ
explain-symptom-timeout = انتهت مهلة الاتصال: لم يُجب أي شيء على الإطلاق
explain-symptom-unreachable = تعذّر الوصول إلى الخادم: لا يوجد مسار إليه
explain-symptom-addr-not-avail = تعذّر على العميل الحصول على عنوان محلي أو منفذ محلي للاتصال
explain-symptom-dns = تعذّر تحليل اسم المضيف إلى عنوان
explain-symptom-reset = أُقيم الاتصال، ثم أُعيد تعيينه أو أُغلق قبل اكتمال المصافحة
explain-symptom-mismatch = أُقيم الاتصال، لكن الخادم يتحدث بروتوكولًا غير الذي يتوقعه العميل
explain-symptom-tls = أُقيم الاتصال، لكن مصافحة TLS أو التحقق من الشهادة فشل
explain-symptom-local = نفد أحد الموارد على جهاز العميل هذا؛ والخادم ليس السبب
explain-symptom-none = لا تذكر الرسالة كيف فشل الاتصال

## Next step

explain-next-run = شغّل هذا على الجهاز الذي يعمل عليه العميل:
explain-next-incomplete = لا تذكر الرسالة الهدف كاملًا؛ أكمل الناقص ثم شغّل:
explain-next-check-flag = (أو أضف --check لتشغيله الآن)
explain-running = جارٍ تشغيل { $cmd } …

## Notes

explain-note-status-200 = أجاب الخادم عن طلب ترقية WebSocket بصفحة عادية (200). فإما أن هذا الرابط يخدمه خادم ويب عادي أو مسار في التطبيق، وإما أن الوكيل العكسي الذي أمامه لا يمرّر ترويستي Upgrade وConnection.
explain-note-status-400 = الرمز 400 ردًّا على طلب الترقية يأتي عادةً من خادم ليس خادم WebSocket على هذا المسار، أو من وكيل أسقط ترويسة Upgrade.
explain-note-status-401 = الرمز 401 يعني أن الطلب وصل إلى خادم WebSocket وأنه يطلب بيانات اعتماد (رمزًا مميزًا أو ملف تعريف ارتباط أو ترويسة). الشبكة سليمة؛ تحقّق من بيانات المصادقة التي يرسلها العميل.
explain-note-status-403 = الرمز 403 ردًّا على طلب الترقية سببه في أغلب الأحيان فحص Origin: فالخادم لا يقبل إلا صفحات من أصول معيّنة. اسمح بأصل الصفحة على الخادم، أو تحقّق من بيانات الاعتماد التي يرسلها العميل.
explain-note-status-404 = الرمز 404 يعني أن خادم HTTP أجاب لكن لا شيء على هذا المسار: قارن المسار في رابط العميل بالمسار الذي يقدّم عليه الخادم (أو كتلة location في الوكيل) خدمة WebSocket.
explain-note-status-426 = 426 Upgrade Required: يريد الخادم ترقية إلى WebSocket لكنه لم يتلقَّ طلبها، وعادةً ما يكون السبب أن وكيلًا حذف ترويسة Upgrade.
explain-note-status-429 = الرمز 429 يعني أن الخادم يحدّ من معدّل طلبات هذا العميل. الاتصال نفسه سليم؛ أعد المحاولة لاحقًا أو بوتيرة أقل.
explain-note-status-500 = الرمز 500 يعني أن شيفرة الخادم نفسها أخفقت أثناء معالجة طلب الترقية: راجع سجل الخادم. الشبكة سليمة.
explain-note-status-502 = الرمز { $status } صادر عن وكيل عكسي أو موازن أحمال: فإما أنه لم يتمكّن من استخدام التطبيق الذي خلفه (لا يعمل، أو منفذ upstream خاطئ)، وإما أنه لا يمرّر طلبات ترقية WebSocket.
explain-note-invalid-http-response = أجاب الخادم عن طلب WebSocket ببايتات ليست HTTP: فالمنفذ تابع لخادم يعمل ببروتوكول آخر (TCP خام أو بروتوكول نصي مثل text:// في Workerman، أو قاعدة بيانات، أو SSH) أو أنه يتوقع TLS.
explain-note-closed-before-handshake = قَبِل الخادم اتصال TCP ثم أغلقه دون أن يجيب عن طلب الترقية: فهو إما يتحدث بروتوكولًا آخر، أو يتوقع TLS (استخدم wss://)، أو رفض العميل (حدّ الاتصالات، تصفية عناوين IP).
explain-note-bad-handshake = لا يطبع gorilla/websocket إلا "bad handshake"؛ وحالة HTTP التي أرسلها الخادم (وغالبًا ما تكون في السطر السابق) هي التي تحدد السبب.
explain-note-mixed-content = حظر المتصفح الاتصال قبل أن يبدأ: الصفحة المحمَّلة عبر https:// لا يمكنها فتح اتصالات WebSocket إلا عبر wss://. قدِّم WebSocket عبر TLS (wss://، مثلًا من خلال nginx نفسه الذي يقدّم الصفحة) واستخدم ذلك الرابط.
explain-note-tls-to-plain = بدأ العميل TLS (wss:// أو https://) فأجاب الخادم بنص غير مشفَّر: هذا المنفذ لا يتحدث TLS. استخدم ws:// أو http://، أو ضع TLS أمام الخادم (nginx، أو شهادة في الخادم نفسه).
explain-note-plain-to-tls = تحدّث العميل بنص غير مشفَّر (ws:// أو http://) إلى منفذ يتوقع TLS: استخدم wss:// أو https:// مع هذا المنفذ.
explain-note-http09 = لم يبدأ الرد بسطر حالة HTTP: المنفذ يتحدث بروتوكولًا آخر، أو TLS (جرّب https://).
explain-note-generic-browser = يطبع المتصفح هذه الرسالة مع كل أنواع الفشل (الرفض، وانتهاء المهلة، والرد الخاطئ) ويُخفي السبب لدواعٍ أمنية. والفحص أدناه يكشف أيّها حدث.
explain-note-generic-client = يطبع هذا العميل النص نفسه مع كل أنواع الفشل (الرفض، وانتهاء المهلة، وتعذّر العثور على الاسم، والرد الخاطئ) ولا يذكر أيّها حدث. والفحص أدناه يكشف أيّها حدث.
explain-note-interrupted = يطبع Firefox هذه الرسالة عند مغادرة الصفحة أو إعادة تحميلها بينما لا يزال WebSocket قيد الاتصال؛ وهي وحدها غير ضارة.
explain-note-proxy = المتصفح مضبوط لاستخدام وكيل، وقد أخفق ذلك الوكيل. تحقّق من إعدادات الوكيل في المتصفح أو النظام (ومن برامج الوكيل مثل Clash أو V2Ray) قبل الخادم.
explain-note-connect-0000 = العنوان 0.0.0.0 يستمع عليه الخادم («جميع الواجهات»)، وليس عنوانًا يمكن للعميل الاتصال به. اتصل بالعنوان الفعلي للخادم، أو بـ 127.0.0.1 على الجهاز نفسه.
explain-note-ipv6-loopback = جرّب العميل عنوان الاسترجاع ::1 في IPv6 (وهو ما يُحلَّل إليه «localhost» أولًا في كثير من الأنظمة). الخادم الذي يستمع على 127.0.0.1 فقط لا يمكن الوصول إليه عبر هذا العنوان: استخدم 127.0.0.1 في العميل، أو اجعل الخادم يستمع على كليهما.
explain-note-private-address = { $host } عنوان خاص (شبكة داخلية): لا يمكن الوصول إليه إلا من داخل الشبكة نفسها أو عبر VPN.
explain-note-ipv6-unreachable = الهدف عنوان IPv6 وليس لدى هذا العميل مسار IPv6: الشبكة لا تدعم IPv6، فاستخدم عنوان IPv4 للخادم.
explain-note-fake-ip = يقع { $host } ضمن 198.18.0.0/15، وهو النطاق الذي تستخدمه برامج الوكيل (Clash وSurge وأمثالهما) لإجابات DNS المزيّفة: يذهب الاتصال إلى الوكيل لا إلى الخادم.
explain-note-host-is-url = يحتوي اسم المضيف على "://" أو "/": أُدخل رابط كامل في موضع لا يصلح فيه إلا اسم المضيف.
explain-note-ehostunreach = تنتج رسالة "No route to host" أيضًا عن قاعدة جدار الحماية "reject with icmp-host-prohibited" (الإعداد الافتراضي في firewalld وكثير من إعدادات iptables)، لذا افحص جدار حماية الخادم إلى جانب المسار.
explain-note-fast-failure = فشلت المحاولة في جزء من الثانية: أجاب جهاز الخادم بالرفض، وهذا هو سلوك المنفذ المغلق أو جدار الحماية الذي يرفض الاتصالات.
explain-note-connect-call-failed = لا يطبع asyncio إلا "Connect call failed"؛ ومن دون رمز خطأ آخر يكون ذلك في الغالب الأعم اتصالًا مرفوضًا.
explain-note-server-side = هذا فشل في تشغيل الخادم، لا فشل العميل في الاتصال: فالخادم يحاول الربط بعنوان لا يملكه هذا الجهاز (في الخوادم السحابية لا يكون عنوان IP العام عادةً على الجهاز نفسه). اربطه بـ 0.0.0.0 بدلًا من ذلك.
explain-note-address-in-use = هذا فشل في تشغيل الخادم: عملية أخرى تستمع على هذا المنفذ بالفعل (غالبًا نسخة أقدم من الخادم نفسه). أوقفها أو اختر منفذًا آخر (يُظهر ss -ltnp العملية التي تشغل المنفذ).

## Input errors

explain-input-empty = لم تُعطَ أي رسالة: مرِّر نص الخطأ وسيطًا (بين علامتي تنصيص)، أو أرسله عبر أنبوب إلى الدخل القياسي
explain-input-unreadable = تعذّرت قراءة الدخل القياسي: { $detail }
explain-input-truncated = الرسالة أطول من { $max } بايت؛ قُرئت بدايتها فقط.
explain-input-example = أمثلة: conndoctor explain "connect ECONNREFUSED 127.0.0.1:8282" · my-client 2>&1 | conndoctor explain
explain-check-needs-target = يحتاج --check إلى هدف كامل، والرسالة لا تذكره: شغّل conndoctor check بنفسك مع العنوان والمنفذ
