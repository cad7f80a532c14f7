# The HTML report (check --html): page texts, the steps of the path and their states.

## page
html-title = Отчёт conndoctor
html-title-target = conndoctor: { $target }
html-generated = Создано conndoctor { $version }. Эта страница ничего не загружает из сети.
html-batch-summary = Проверено целей: { $total }, с ошибкой: { $failed }
html-contents = Цели
html-path = Путь от клиента до сервера

## steps of the path
html-step-client = Этот клиент
html-step-dns = DNS
html-step-proxy = Прокси / CDN
html-step-network = Сетевой путь
html-step-firewall = Межсетевой экран сервера
html-step-listener = Слушающий порт
html-step-protocol = Протокол

## step states
html-state-ok = пройдено
html-state-fail = сбой здесь
html-state-warn = предупреждение
html-state-skip = не достигнуто
html-state-off = не проверялось

## sections
html-fails-at = Сбой на шаге: { $step }
html-works = Все шаги пути работают.
html-seen = Что было видно
html-step-empty = на этом шаге нечего показать
html-cause-step = шаг: { $step }
check-cdn = CDN

## command line
help-html = Также записать отчёт в FILE одной самодостаточной HTML-страницей («-»: в стандартный вывод вместо текстового отчёта).
input-bad-html = не удалось записать HTML-отчёт: { $detail }
