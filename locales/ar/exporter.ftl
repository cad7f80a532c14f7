# conndoctor exporter — الرسائل بالعربية (المعرّفات نفسها في locales/en/exporter.ftl).
# العناوين وأسماء الملفات والوحدات والشبكات والأمثلة داخل العناصر النائبة تبقى دون ترجمة.
# أسماء المقاييس ونصوص HELP ليست هنا: تبقى بالإنجليزية حسب أعراف Prometheus.

## Exporter: start-up and signals

exporter-started-builtin = يستمع conndoctor exporter على http://{ $addr } — الوحدات المدمجة { $modules }؛ الأهداف المسموح بها: عناوين loopback فقط ({ $cidrs })، لأنه لم يُحدَّد --config
exporter-started-file = يستمع conndoctor exporter على http://{ $addr } — الوحدات { $modules } من { $file }
exporter-allow-loopback = الأهداف المسموح بها: عناوين loopback فقط ({ $cidrs })، أي منفذ؛ لفحص مضيفات أخرى أضف قسم "allow:" إلى الإعدادات
exporter-allow-list = الأهداف المسموح بها: المضيفات { $hosts }؛ الشبكات { $cidrs }؛ المنافذ { $ports }
exporter-allow-any-port = أي منفذ
exporter-allow-none = لا شيء
exporter-denied-ranges = لا تُفحص أبدًا ما لم تُذكر صراحةً في allow.cidrs: { $ranges } (عناوين link-local وعناوين البيانات الوصفية للسحابة)
exporter-limits = { $probes } فحصًا متزامنًا على الأكثر؛ مهلة الفحص: مهلة الوحدة، أو مهلة الجمع ناقص { $offset } ث إن كانت أقصر
exporter-public-warning = يمكن الوصول إلى { $addr } من أجهزة أخرى: كل من يصل إليه يستطيع أن يجعل هذا الجهاز يفحص الأهداف المسموح بها
exporter-usage = جرّب: curl 'http://{ $addr }/probe?target=127.0.0.1:22&module=tcp' · التقرير الكامل: أضف &debug=true · الإشارة SIGHUP تعيد تحميل الإعدادات، وCtrl+C يوقف
exporter-reloaded = أُعيد تحميل الإعدادات من { $file }: الوحدات { $modules }
exporter-reload-failed = لم يُعَد تحميل الإعدادات، وتبقى الإعدادات الحالية قيد الاستخدام: { $detail }
exporter-reload-no-file = وصلت الإشارة SIGHUP، لكن لا يوجد ملف --config لإعادة تحميله
exporter-stopped = توقّف exporter
exporter-config-ok = { $file }: الإعدادات صالحة؛ الوحدات { $modules }
exporter-listen-bad = "{ $detail }" ليس عنوانًا يمكن الاستماع عليه (أمثلة: 127.0.0.1:9115، [::1]:9115، localhost:0)
exporter-listen-failed = تعذّر الاستماع على { $addr }: { $detail }

## Exporter: configuration errors

exporter-config-read = { $file }: تعذّرت قراءة الإعدادات: { $detail }
exporter-config-syntax = { $file }: الإعدادات غير صالحة: { $detail }
exporter-config-no-modules = { $file }: لم تُعرَّف أي وحدة؛ أضف وحدة واحدة على الأقل تحت "modules:" (مثلًا tcp: {"{"} prober: tcp {"}"})
exporter-config-module-name = { $file }: "{ $module }" ليس اسم وحدة صالحًا (أحرف لاتينية وأرقام و"_" و"-"، 64 على الأكثر)
exporter-config-prober = { $file }: الوحدة "{ $module }": نوع الفحص "{ $value }" غير معروف (المعروف: tcp، text، http، https، ws، wss)
exporter-config-timeout = { $file }: الوحدة "{ $module }": "{ $value }" ليست مهلة صالحة (أمثلة: 5s، 500ms، 1.5؛ أكبر من 0 وساعة واحدة على الأكثر)
exporter-config-not-for-prober = { $file }: الوحدة "{ $module }": "{ $field }" لا معنى له مع نوع الفحص { $prober }
exporter-config-path = { $file }: الوحدة "{ $module }": يجب أن يبدأ المسار "{ $value }" بـ "/" وألا يحوي مسافات أو محارف تحكم أو "#"
exporter-config-bad-value = { $file }: الوحدة "{ $module }": { $field } "{ $value }" فارغ أو يحوي فاصل أسطر أو محرف تحكم
exporter-config-header = { $file }: الوحدة "{ $module }": "{ $value }" ليس ترويسة صالحة (اسم من أحرف لاتينية وأرقام و!#$%&'*+-.^_`|~، وقيمة في سطر واحد)
exporter-config-too-many-headers = { $file }: الوحدة "{ $module }": أكثر من { $max } ترويسة
exporter-config-host = { $file }: allow.hosts: "{ $value }" ليس اسم مضيف ولا نمطًا مثل "*.example.com"
exporter-config-cidr = { $file }: allow.cidrs: "{ $value }" ليس عنوانًا ولا شبكة (أمثلة: 10.0.0.0/8، 192.0.2.7، 2001:db8::/32)
exporter-config-port = { $file }: allow.ports: "{ $value }" ليس منفذًا ولا نطاق منافذ (أمثلة: 443، "8000-8999")
exporter-config-allow-empty = { $file }: لا يذكر "allow:" أي مضيف أو شبكة، لذا سيُرفض كل فحص
exporter-config-limit = { $file }: limits.{ $field }: يجب أن تكون "{ $value }" عددًا صحيحًا من 1 إلى { $max }
exporter-config-offset = { $file }: limits.scrape_timeout_offset: "{ $value }" ليست مدة بين 0 و60 ث (أمثلة: 0.5s، 500ms، 0)
exporter-config-side-probes = { $file }: الوحدة "{ $module }": يتصل side_probes بالمنافذ { $ports }، لكن allow.ports لا يسمح بها كلها؛ أضفها أو أوقف side_probes

## Exporter: refused requests

exporter-refused-method = لا يُخدَم إلا GET
exporter-refused-uri = عنوان URI للطلب أطول من { $limit } بايت
exporter-refused-body = الطلبات إلى exporter لا تحمل متنًا
exporter-refused-query = سلسلة الاستعلام غير سليمة (ترميز % خاطئ، أو ليست UTF-8، أو معامل مكرر، أو معاملات كثيرة جدًا)
exporter-refused-no-target = المعامل "target" مفقود (مثال: /probe?target=127.0.0.1:8080&module=tcp)
exporter-refused-module = الوحدة "{ $module }" غير معروفة (المُعدّة: { $modules })
exporter-refused-timeout-header = قيمة X-Prometheus-Scrape-Timeout-Seconds "{ $value }" ليست عددًا موجبًا من الثواني
exporter-refused-bad-target = الهدف "{ $target }" غير صالح: { $detail }
exporter-refused-scheme = الهدف { $target } يستخدم { $scheme }://، لكن الوحدة "{ $module }" تفحص { $prober }
exporter-refused-port = الهدف { $target } غير مسموح به: المنفذ { $port } ليس في قائمة السماح
exporter-refused-host = الهدف { $target } غير مسموح به: المضيف { $host } ليس في قائمة السماح
exporter-refused-resolved = الهدف { $target } غير مسموح به: { $host } ليس مضيفًا مدرجًا، ولا يُترجَم إلى عناوين داخل الشبكات المسموح بها
exporter-refused-address = الهدف { $target } غير مسموح به: { $addr } خارج الشبكات المسموح بها
exporter-refused-denied = الهدف { $target } غير مسموح به: إنه عنوان link-local أو عنوان بيانات وصفية للسحابة ({ $range })؛ لفحصه اذكره صراحةً في allow.cidrs
exporter-refused-unspecified = الهدف { $target } غير مسموح به: { $addr } هو العنوان غير المحدد، وهو يصل إلى هذا الجهاز نفسه
exporter-refused-busy = عدد الفحوص المتزامنة كبير جدًا (الحد { $limit })؛ أعد المحاولة لاحقًا
exporter-not-found = غير موجود: يخدم exporter المسارات /probe و/metrics و/-/healthy و/-/ready وPOST /-/reload
exporter-index = conndoctor exporter: المسار /probe?target=…&module=… يفحص هدفًا (أضف &debug=true للتقرير الكامل، و&format=json لصيغة JSON)؛ المسار /metrics يعرض مقاييس exporter نفسه

## Exporter: debug output

exporter-debug-module = الوحدة { $module } (نوع الفحص { $prober })، المهلة { $seconds } ث
exporter-debug-unfinished = لم ينتهِ الفحص ضمن مهلته
exporter-debug-metrics = المقاييس المُعادة لهذا الفحص:

## Exporter: blackbox_exporter compatibility

exporter-refused-method-post = تتطلب نقطة النهاية هذه طلب POST
exporter-healthy = سليم
exporter-ready = جاهز
exporter-config-prober-unsupported = { $file }: الوحدة "{ $module }": نوع الفحص "{ $value }" من blackbox_exporter غير متوفر في conndoctor (المتوفر: tcp وhttp، وكذلك text وhttps وws وwss)
exporter-config-unsupported = { $file }: الوحدة "{ $module }": لا يدعم conndoctor خيار blackbox_exporter { $field }؛ احذفه (راجع README: «ما يبقى أشد صرامة من blackbox_exporter»)
exporter-config-unknown-field = { $file }: الوحدة "{ $module }": حقل غير معروف "{ $field }" في { $block } (المعروف: { $known })
exporter-config-status = { $file }: الوحدة "{ $module }": valid_status_codes: "{ $value }" ليس رمز حالة HTTP (من 100 إلى 599)
exporter-config-http-version = { $file }: الوحدة "{ $module }": تذكر valid_http_versions { $value }، لكن conndoctor لا يتحدث إلا HTTP/1.1؛ أضف "HTTP/1.1"
exporter-config-method = { $file }: الوحدة "{ $module }": method "{ $value }": يفحص conndoctor باستخدام GET فقط، كي لا يغيّر الجمع أي شيء على الهدف
exporter-config-redirects = { $file }: الوحدة "{ $module }": لا يتبع conndoctor عمليات إعادة التوجيه (قد تقود إلى هدف ترفضه قائمة السماح)؛ احذف follow_redirects أو اضبط no_follow_redirects: true
exporter-config-ip-protocol = { $file }: الوحدة "{ $module }": يجب أن تكون قيمة preferred_ip_protocol "{ $value }" إما ip4 أو ip6
exporter-config-steps = { $file }: الوحدة "{ $module }": يحتوي query_response على أكثر من { $max } خطوة
exporter-config-step = { $file }: الوحدة "{ $module }": تحتاج كل خطوة في query_response إلى expect أو send
exporter-config-regex = { $file }: الوحدة "{ $module }": "{ $value }" ليس تعبيرًا نمطيًا صالحًا (أو أطول من 1024 حرفًا)
exporter-config-send = { $file }: الوحدة "{ $module }": يجب أن يكون send "{ $value }" سطرًا واحدًا لا يتجاوز 1024 بايت، بلا مراجع ${"{"}…{"}"}
exporter-timeout-offset-bad = --timeout-offset "{ $value }" ليس عددًا من الثواني بين 0 و60 (مثال: 0.5)
