# conndoctor exporter — сообщения на русском (те же id, что в locales/en/exporter.ftl).
# Адреса, имена файлов, модулей, сети и примеры в подстановках не переводятся.
# Имён метрик и их текстов HELP здесь нет: по соглашению Prometheus они остаются английскими.

## Exporter: start-up and signals

exporter-started-builtin = conndoctor exporter слушает http://{ $addr } — встроенные модули { $modules }; разрешённые цели: только loopback ({ $cidrs }), потому что --config не указан
exporter-started-file = conndoctor exporter слушает http://{ $addr } — модули { $modules } из { $file }
exporter-allow-loopback = разрешённые цели: только loopback ({ $cidrs }), любой порт; другие хосты открывает раздел "allow:" в конфигурации
exporter-allow-list = разрешённые цели: хосты { $hosts }; сети { $cidrs }; порты { $ports }
exporter-allow-any-port = любой порт
exporter-allow-none = нет
exporter-denied-ranges = никогда не проверяются, если не указаны явно в allow.cidrs: { $ranges } (link-local и адреса облачных метаданных)
exporter-limits = не более { $probes } проверок одновременно; срок проверки: таймаут модуля или таймаут опроса минус { $offset } с, если он короче
exporter-public-warning = { $addr } доступен с других машин: любой, кто до него дотянется, может заставить эту машину проверять разрешённые цели
exporter-usage = попробуйте: curl 'http://{ $addr }/probe?target=127.0.0.1:22&module=tcp' · полный отчёт: добавьте &debug=true · SIGHUP перечитывает конфигурацию, Ctrl+C останавливает
exporter-reloaded = конфигурация перечитана из { $file }: модули { $modules }
exporter-reload-failed = конфигурация не перечитана, продолжает работать прежняя: { $detail }
exporter-reload-no-file = получен SIGHUP, но файла --config для перечитывания нет
exporter-stopped = exporter остановлен
exporter-config-ok = { $file }: конфигурация корректна; модули { $modules }
exporter-listen-bad = "{ $detail }" — не адрес для прослушивания (примеры: 127.0.0.1:9115, [::1]:9115, localhost:0)
exporter-listen-failed = не удаётся слушать { $addr }: { $detail }

## Exporter: configuration errors

exporter-config-read = { $file }: не удаётся прочитать конфигурацию: { $detail }
exporter-config-syntax = { $file }: некорректная конфигурация: { $detail }
exporter-config-no-modules = { $file }: не задано ни одного модуля; добавьте хотя бы один в "modules:" (например, tcp: {"{"} prober: tcp {"}"})
exporter-config-module-name = { $file }: "{ $module }" — недопустимое имя модуля (буквы, цифры, "_" и "-", не более 64)
exporter-config-prober = { $file }: модуль "{ $module }": неизвестный тип проверки "{ $value }" (известны: tcp, text, http, https, ws, wss)
exporter-config-timeout = { $file }: модуль "{ $module }": "{ $value }" — недопустимый таймаут (примеры: 5s, 500ms, 1.5; больше 0, не более 1 часа)
exporter-config-not-for-prober = { $file }: модуль "{ $module }": "{ $field }" не имеет смысла для типа проверки { $prober }
exporter-config-path = { $file }: модуль "{ $module }": путь "{ $value }" должен начинаться с "/" и не содержать пробелов, управляющих символов и "#"
exporter-config-bad-value = { $file }: модуль "{ $module }": { $field } "{ $value }" пуст или содержит перевод строки либо управляющий символ
exporter-config-header = { $file }: модуль "{ $module }": "{ $value }" — недопустимый заголовок (имя из букв, цифр и !#$%&'*+-.^_`|~, значение в одну строку)
exporter-config-too-many-headers = { $file }: модуль "{ $module }": больше { $max } заголовков
exporter-config-host = { $file }: allow.hosts: "{ $value }" — не имя хоста и не шаблон вида "*.example.com"
exporter-config-cidr = { $file }: allow.cidrs: "{ $value }" — не адрес и не сеть (примеры: 10.0.0.0/8, 192.0.2.7, 2001:db8::/32)
exporter-config-port = { $file }: allow.ports: "{ $value }" — не порт и не диапазон портов (примеры: 443, "8000-8999")
exporter-config-allow-empty = { $file }: в "allow:" нет ни хостов, ни сетей, поэтому все проверки были бы отклонены
exporter-config-limit = { $file }: limits.{ $field }: "{ $value }" должно быть целым числом от 1 до { $max }
exporter-config-offset = { $file }: limits.scrape_timeout_offset: "{ $value }" — не длительность от 0 до 60 с (примеры: 0.5s, 500ms, 0)
exporter-config-side-probes = { $file }: модуль "{ $module }": side_probes подключается к портам { $ports }, но allow.ports разрешает не все из них; добавьте их или отключите side_probes

## Exporter: refused requests

exporter-refused-method = обслуживается только GET
exporter-refused-uri = URI запроса длиннее { $limit } байт
exporter-refused-body = запросы к exporter не должны содержать тела
exporter-refused-query = некорректная строка запроса (ошибка %-экранирования, не UTF-8, повтор параметра или слишком много параметров)
exporter-refused-no-target = нет параметра "target" (пример: /probe?target=127.0.0.1:8080&module=tcp)
exporter-refused-module = неизвестный модуль "{ $module }" (настроены: { $modules })
exporter-refused-timeout-header = X-Prometheus-Scrape-Timeout-Seconds "{ $value }" — не положительное число секунд
exporter-refused-bad-target = цель "{ $target }" некорректна: { $detail }
exporter-refused-scheme = цель { $target } использует { $scheme }://, а модуль "{ $module }" проверяет { $prober }
exporter-refused-port = цель { $target } не разрешена: порта { $port } нет в списке разрешённых
exporter-refused-host = цель { $target } не разрешена: хоста { $host } нет в списке разрешённых
exporter-refused-resolved = цель { $target } не разрешена: { $host } нет среди разрешённых хостов, и он не разрешается в адреса внутри разрешённых сетей
exporter-refused-address = цель { $target } не разрешена: { $addr } вне разрешённых сетей
exporter-refused-denied = цель { $target } не разрешена: это link-local адрес или адрес облачных метаданных ({ $range }); чтобы проверять его, укажите его явно в allow.cidrs
exporter-refused-unspecified = цель { $target } не разрешена: { $addr } — неуказанный адрес, он ведёт на эту же машину
exporter-refused-busy = слишком много одновременных проверок (предел { $limit }); повторите позже
exporter-not-found = не найдено: exporter обслуживает /probe, /metrics, /-/healthy, /-/ready и POST /-/reload
exporter-index = conndoctor exporter: /probe?target=…&module=… проверяет цель (добавьте &debug=true для полного отчёта, &format=json для JSON); /metrics показывает собственные метрики exporter

## Exporter: debug output

exporter-debug-module = модуль { $module } (тип проверки { $prober }), срок { $seconds } с
exporter-debug-unfinished = проверка не завершилась в отведённый срок
exporter-debug-metrics = Метрики, возвращённые для этой проверки:

## Exporter: blackbox_exporter compatibility

exporter-refused-method-post = этот адрес принимает только POST-запрос
exporter-healthy = Исправен
exporter-ready = Готов
exporter-config-prober-unsupported = { $file }: модуль "{ $module }": типа проверки "{ $value }" из blackbox_exporter в conndoctor нет (есть tcp и http, а также text, https, ws, wss)
exporter-config-unsupported = { $file }: модуль "{ $module }": параметр blackbox_exporter { $field } conndoctor не поддерживает; удалите его (README: «Что строже, чем в blackbox_exporter»)
exporter-config-unknown-field = { $file }: модуль "{ $module }": неизвестное поле "{ $field }" в { $block } (известны: { $known })
exporter-config-status = { $file }: модуль "{ $module }": valid_status_codes: "{ $value }" — не код состояния HTTP (от 100 до 599)
exporter-config-http-version = { $file }: модуль "{ $module }": в valid_http_versions указано { $value }, но conndoctor работает только по HTTP/1.1; добавьте "HTTP/1.1"
exporter-config-method = { $file }: модуль "{ $module }": method "{ $value }": conndoctor проверяет только методом GET, чтобы сбор метрик ничего не менял на цели
exporter-config-redirects = { $file }: модуль "{ $module }": conndoctor не следует перенаправлениям (они могут вести к цели, которую запрещает список разрешённых); удалите follow_redirects или задайте no_follow_redirects: true
exporter-config-ip-protocol = { $file }: модуль "{ $module }": preferred_ip_protocol "{ $value }" должен быть ip4 или ip6
exporter-config-steps = { $file }: модуль "{ $module }": в query_response больше { $max } шагов
exporter-config-step = { $file }: модуль "{ $module }": шагу query_response нужен expect или send
exporter-config-regex = { $file }: модуль "{ $module }": "{ $value }" — недопустимое регулярное выражение (или длиннее 1024 символов)
exporter-config-send = { $file }: модуль "{ $module }": send "{ $value }" должен быть одной строкой не длиннее 1024 байт, без ссылок ${"{"}…{"}"}
exporter-timeout-offset-bad = --timeout-offset "{ $value }" — не число секунд от 0 до 60 (пример: 0.5)
