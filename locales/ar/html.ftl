# The HTML report (check --html): page texts, the steps of the path and their states.

## page
html-title = تقرير conndoctor
html-title-target = conndoctor: { $target }
html-generated = أنشأه conndoctor { $version }. لا تحمّل هذه الصفحة أي شيء من الشبكة.
html-batch-summary = فُحص { $total } هدفًا، فشل منها { $failed }
html-contents = الأهداف
html-path = المسار من العميل إلى الخادم

## steps of the path
html-step-client = هذا العميل
html-step-dns = DNS
html-step-proxy = الوكيل / CDN
html-step-network = مسار الشبكة
html-step-firewall = جدار حماية الخادم
html-step-listener = المنفذ المستمع
html-step-protocol = البروتوكول

## step states
html-state-ok = نجح
html-state-fail = يفشل هنا
html-state-warn = تحذير
html-state-skip = لم يُبلَغ
html-state-off = لم يُفحص

## sections
html-fails-at = يفشل عند: { $step }
html-works = كل خطوات المسار تعمل.
html-seen = ما شوهد
html-step-empty = لا شيء لعرضه في هذه الخطوة
html-cause-step = الخطوة: { $step }
check-cdn = CDN

## command line
help-html = اكتب التقرير أيضًا صفحةَ HTML واحدة مكتفية بذاتها في FILE ("-": المخرج القياسي بدل التقرير النصي).
input-bad-html = تعذّرت كتابة تقرير HTML: { $detail }
