# conndoctor — Russian (ru). Same ids and variables as locales/en/conndoctor.ftl.
# Placeables hold addresses, ports, commands and config lines; they stay untranslated.
# Plurals: CLDR one/few/many/other. Terms: слушать (listen), соединение отклонено,
# время ожидания истекло, локальный порт, очередь accept, петлевой адрес (loopback),
# файловые дескрипторы, DNS-резолвер, повтор SYN, брандмауэр, группа безопасности.

## Command line

app-error = ошибка
input-empty = не указан целевой адрес
input-whitespace = в целевом адресе есть пробелы; укажите один адрес или URL
input-control = в целевом адресе есть управляющие символы (например, NUL или DEL); укажите один адрес или URL
input-unknown-scheme = неизвестная схема «{ $detail }://» (поддерживаются: ws, wss, http, https, tcp, text, websocket)
input-missing-host = в целевом адресе нет имени хоста или адреса
input-bad-host = «{ $detail }» — недопустимое имя хоста или IP-адрес
input-missing-port = в целевом адресе нет порта, а у схемы нет порта по умолчанию
input-bad-port = «{ $detail }» — недопустимый порт (1–65535)
input-bad-timeout = «{ $detail }» — недопустимая длительность (примеры: 3s, 500ms, 1.5)
input-bad-header = «{ $detail }» — недопустимый заголовок; используйте формат «Name: value»
input-bad-token = «{ $detail }» — недопустимый токен (только буквы и цифры)
input-bad-ip = «{ $detail }» — не IP-адрес (--expect-ip принимает адреса вида 203.0.113.7 или 2001:db8::7)
input-bad-file = не удалось прочитать список целевых адресов: { $detail }
input-bad-line = строка { $line } («{ $target }»): { $detail }
input-bad-concurrency = значение --concurrency должно быть не меньше 1
input-example = примеры: conndoctor check ws://example.com:8282/chat · conndoctor check 203.0.113.7:8282 · conndoctor check websocket://[::1]:8282
lang-fallback = язык «{ $lang }» пока не поддерживается; вывод на английском
error-internal = сбой conndoctor: { $detail }

## Help (--help)

help-about = Объясняет, почему клиент не может подключиться к серверу, и что нужно изменить.
help-check-about = Диагностирует подключение к целевому адресу (ws://, wss://, http://, https://, tcp://, text://, websocket://, host:port).
help-demo-about = Запускает настоящие серверы на loopback и показывает диагноз для каждого случая.
help-serve-about = Запускает эталонный сервер (websocket://, http://, text://, tcp://, при желании с TLS), который отвечает токеном-идентификатором.
help-explain-about = Разбирает вставленное сообщение об ошибке (консоль браузера, лог, терминал): симптом, причины, решения и проверку, которую стоит запустить.
help-audit-about = Запускается на сервере: почему клиенты не могут достучаться до этого порта (прослушивание, процесс, брандмауэр, панель, облако, ёмкость).
help-exporter-about = Экспортер Prometheus (по контракту /probe из blackbox_exporter), метрики которого объясняют, почему проверка не прошла.
help-help-about = Показать эту справку или справку по указанным подкомандам
help-usage = Использование
help-commands = Команды
help-arguments = Аргументы
help-options = Параметры
help-examples = Примеры
help-help = Показать справку
help-version = Показать версию
help-lang = Язык вывода (en, zh-CN, th, vi, ru, ja, ar); по умолчанию берётся из LC_ALL, LC_MESSAGES, LANG.
help-json = Вывести один JSON-объект (schema 1) вместо текстового отчёта.
help-target = Куда подключается клиент: ws://host:port/path, host:port, [v6]:port, ... (несколько адресов — пакетная проверка)
help-file = Прочитать целевые адреса из файла, по одному на строку, # — комментарий («-» читает стандартный ввод).
help-concurrency = Пакетная проверка: сколько адресов проверять одновременно (уменьшается, если не хватает лимита дескрипторов) [по умолчанию: { $default }]
help-timeout = Общий бюджет времени, например 3s, 500ms, 1.5 (секунды) [по умолчанию: 3s; для demo: 1s]
help-no-side-probes = Не проверять другие порты цели, пока ждём основное подключение.
help-origin = Заголовок Origin для WebSocket Upgrade — такой, какой отправила бы страница в браузере.
help-subprotocol = Запрашиваемый Sec-WebSocket-Protocol.
help-header = Дополнительный заголовок запроса, «Name: value» (можно указать несколько раз).
help-insecure = Не останавливаться на проблемах с сертификатом; они попадут в отчёт как предупреждения.
help-expect-token = Токен, который напечатал conndoctor serve: доказывает, что клиент попал именно на этот сервер.
help-expect-ip = Адрес, который, по-вашему, у сервера (можно указать несколько раз); если DNS ответит иначе, это попадёт в отчёт.
help-no-trace = Не трассировать маршрут SYN-пакетами с ограниченным TTL, когда подключение остаётся без ответа.
help-serve-listen = Где слушать, как в строке прослушивания Workerman: websocket://0.0.0.0:8282, http://0.0.0.0:8080, text://[::]:5678
help-serve-tls = Работать через TLS (wss://, https://); без --cert/--key используется самоподписанный сертификат.
help-serve-cert = Цепочка сертификатов PEM для --tls.
help-serve-key = Закрытый ключ PEM для --tls.
help-serve-token = Токен-идентификатор для ответов (по умолчанию случайный).
help-serve-strict-path = WebSocket: выполнять Upgrade только на точном пути из LISTEN (на остальных — 404).
help-serve-allow-origin = WebSocket: отвечать 403 на любой Origin, кроме этого.
help-explain-message = Сообщение об ошибке (в кавычках). Если его нет или указан «-», оно читается со стандартного ввода.
help-explain-check = Сразу запустить предложенную проверку conndoctor check.
help-explain-timeout = Бюджет времени для проверки, запускаемой с --check, например 3s, 500ms, 1.5 [по умолчанию: 3s]
help-audit-target = Порт или адрес прослушивания из кода сервера (websocket://0.0.0.0:8282); без него проверяются все слушающие сокеты.
help-audit-sysroot = Читать конфигурацию и признаки оборудования (/sys/class/dmi, /etc, пути панелей) из DIR, а не из /.
help-audit-timeout = Бюджет времени, например 3s, 500ms, 1.5 [по умолчанию: 3s]
help-audit-from = Адрес клиента — для правил брандмауэра, которые пропускают или отбрасывают пакеты по адресу источника.
## Checklist

check-target = Цель
check-resolve = Разрешение имени
check-connect = Подключение
check-side = Другие порты
check-listeners = Слушающие сокеты
check-ports = Локальные порты
check-protocol = Протокол
check-cross = Сверка
check-tls = TLS
check-dns = DNS-сервер
check-hosts = Файл hosts
check-proxy = Прокси
check-path = Маршрут
path-line = { $hops }
tls-established = рукопожатие { $version } выполнено, сертификат действителен
tls-established-bad-cert = рукопожатие { $version } выполнено, но сертификат не принят
tls-failed = рукопожатие не удалось: { $error }
check-cert = Сертификат
cert-facts = { $subject }, издатель { $issuer }; имена: { $names }; действует до { $date } (осталось дней: { $days }); цепочка: { $chain }
cert-no-names = нет (subjectAltName отсутствует)
target-line = { $input } → TCP-порт { $port }
resolve-literal = { $addrs } (адрес указан напрямую)
resolve-system = { $name } → { $addrs } ({ $ms } мс)
resolve-failed = { $name }: { $error }
resolve-error-no-name = такого имени не существует
resolve-error-no-address = у имени нет ни IPv4-, ни IPv6-адреса
resolve-error-resolver-failure = DNS-резолвер не дал корректного ответа
resolve-error-timeout = резолвер не ответил за отведённое время
resolve-error-other = ошибка резолвера
attempt-line = { $addr }: { $outcome } за { $ms } мс
attempt-retransmits = { $count ->
    [0] повторов SYN пока не было
    [one] { $count } повтор SYN
    [few] { $count } повтора SYN
    [many] { $count } повторов SYN
   *[other] { $count } повтора SYN
}
outcome-connected = соединение установлено
outcome-refused = отклонено (RST)
outcome-refused-icmp = отклонено ICMP-ошибкой от { $origin }
outcome-timed-out = нет ответа
outcome-host-unreachable = узел недоступен
outcome-net-unreachable = сеть недоступна
outcome-addr-not-available = нет свободного локального порта
outcome-fd-exhausted = закончились файловые дескрипторы
outcome-other = ошибка: { $message }
side-line = { $ip }: { $answers }
side-nothing = { $ip }: другие порты тоже не ответили ({ $ports })
listeners-none = на этой машине порт { $port } никто не слушает
listeners-some = порт { $port } привязан к { $addrs }
listeners-remote = { $ip } — другая машина; её слушающие сокеты видны только на ней самой (conndoctor audit)
ports-line = локальных портов занято соединениями с { $dst }: { $used } из { $size }

## Verdicts

verdict-ok = соединение работает
verdict-refused = в соединении отказано
verdict-timeout = время ожидания соединения истекло
verdict-unreachable = сервер недоступен
verdict-addr-not-avail = невозможно назначить запрошенный адрес (закончились локальные порты)
verdict-dns = проблема с DNS: имя не разрешается или разрешается не в тот сервер
verdict-local = этой клиентской машине не удалось открыть соединение
verdict-reset = сервер закрыл соединение сразу после того, как принял его
verdict-mismatch = соединение установлено, но сервер работает по другому протоколу
verdict-tls = соединение установлено, но TLS-рукопожатие не удалось
label-causes = Причины
label-warnings = Стоит исправить
label-fix = Решение
confidence-high = высокая уверенность
confidence-medium = вероятно
confidence-low = возможно
summary-time = диагноз за { $ms } мс

## Causes: titles (cause-*) and fixes (fix-*)

cause-refused-not-listening = На { $addr } никто не принимает соединения
fix-refused-not-listening = Запустите сервер и убедитесь, что он слушает порт { $port } (на сервере: ss -ltnp | grep :{ $port }). Если он работает на другом порту, укажите в клиенте этот порт.
cause-refused-loopback-only = Сервер слушает только петлевой адрес ({ $bound }), поэтому подключение к { $addr } отклоняется
fix-refused-loopback-only = Укажите серверу адрес прослушивания 0.0.0.0 (все IPv4-адреса) или [::] вместо 127.0.0.1, например websocket://0.0.0.0:{ $port } в Workerman, и перезапустите сервер.
cause-refused-other-address = Сервер слушает другой адрес ({ $bound }), а не { $addr }
fix-refused-other-address = Настройте прослушивание на 0.0.0.0 (или на адресе, по которому обращаются клиенты) либо подключайтесь к адресу, к которому привязан сервер.
cause-refused-family-mismatch = К { $failed } подключиться не удаётся, а к { $working } удаётся: сервер слушает только одну версию IP
fix-refused-family-mismatch = Пусть сервер слушает и IPv4, и IPv6 (например, [::] в режиме dual-stack), или пусть клиент использует рабочий адрес (например, 127.0.0.1 вместо localhost).
cause-refused-firewall-reject = Брандмауэр отклоняет соединения с { $addr }; до сервера они не доходят
fix-refused-firewall-reject = Разрешите этот порт в брандмауэре, который прислал отказ (nft list ruleset / iptables -S на той машине; если отказ пришёл откуда-то ещё — маршрутизатор или ACL в облаке).
cause-timeout-filtered = Брандмауэр молча отбрасывает пакеты, идущие к { $addr }
fix-timeout-filtered = Откройте TCP-порт { $port } в брандмауэре сервера, в группе безопасности облака и в брандмауэре панели хостинга, если она есть (например, nft add rule inet filter input tcp dport { $port } accept).
cause-timeout-host-down = Узел { $ip } вообще не отвечает: он выключен, не существует или отбрасывает весь трафик
fix-timeout-host-down = Убедитесь, что сервер работает и что { $ip } — действительно его адрес (DNS-запись, опечатка); если сервер включён, значит, весь трафик отбрасывает брандмауэр перед ним.
cause-timeout-private-unroutable = { $addr } — частный адрес внутренней сети, недоступный из сети этого клиента
fix-timeout-private-unroutable = Используйте публичный адрес или домен сервера либо сначала подключитесь к его сети (VPN, та же локальная сеть). Внутренние адреса работают только внутри своей сети.
cause-timeout-accept-queue-full = Очередь accept на сервере переполнена (на { $addr } { $queued ->
    [one] ждёт { $queued } соединение
    [few] ждут { $queued } соединения
    [many] ждут { $queued } соединений
   *[other] ждут { $queued } соединения
}), поэтому ядро отбрасывает новые соединения
fix-timeout-accept-queue-full = Серверный процесс слишком медленно принимает соединения или завис: проверьте загрузку CPU и цикл событий, увеличьте listen backlog и net.core.somaxconn или запустите больше рабочих процессов.
cause-unreachable-no-route = У этого клиента нет маршрута до { $addr }
fix-unreachable-no-route = Проверьте сетевое подключение и маршруты этой машины (ip route get { $addr }); возможно, адрес принадлежит сети, к которой вы не подключены.
cause-unreachable-host = { $addr } недоступен: в его сети такой узел не отвечает
fix-unreachable-host = Убедитесь, что сервер включён и адрес { $addr } указан верно; в одной локальной сети проверьте кабель/Wi-Fi и ARP (ip neigh).
cause-addr-not-avail-ephemeral-exhausted = Этот клиент исчерпал локальные порты для соединений с { $dst } (диапазон { $lo }–{ $hi })
fix-addr-not-avail-ephemeral-exhausted = Переиспользуйте соединения (keep-alive, пул соединений), а не открывайте новое на каждый запрос, и расширьте диапазон: sysctl -w net.ipv4.ip_local_port_range="1024 65535" (чтобы настройка пережила перезагрузку, пропишите её в /etc/sysctl.d/).
cause-addr-not-avail-time-wait = { $count ->
    [one] { $count } закрытое соединение с { $dst } всё ещё занимает локальный порт в состоянии TIME_WAIT
    [few] { $count } закрытых соединения с { $dst } всё ещё занимают локальные порты в состоянии TIME_WAIT
    [many] { $count } закрытых соединений с { $dst } всё ещё занимают локальные порты в состоянии TIME_WAIT
   *[other] { $count } закрытого соединения с { $dst } всё ещё занимают локальные порты в состоянии TIME_WAIT
}
fix-addr-not-avail-time-wait = Разрешите клиенту повторно использовать порты в TIME_WAIT: sysctl -w net.ipv4.tcp_tw_reuse=1 (сейчас { $reuse }), расширьте net.ipv4.ip_local_port_range и держите соединения открытыми вместо переподключений.
cause-local-fd-exhausted = У клиентского процесса закончились файловые дескрипторы; сервер здесь ни при чём
fix-local-fd-exhausted = Закрывайте неиспользуемые сокеты и поднимите лимит: ulimit -n 65535 в оболочке, из которой запускается клиент, или LimitNOFILE= в его unit-файле systemd.
cause-local-outbound-blocked = Эта машина сама блокирует исходящее соединение с { $addr }
fix-local-outbound-blocked = Проверьте правила для исходящего трафика в локальном брандмауэре (nft list ruleset, iptables -S OUTPUT) и модули безопасности (SELinux, AppArmor): нет ли правила, блокирующего этот адрес назначения.
cause-local-connect-error = Подключение к { $addr } завершилось нетипичной ошибкой
fix-local-connect-error = Разберитесь с ошибкой ниже: её вернуло ядро этой машины, а не сервер.
cause-dns-nxdomain = Имени { $name } в DNS не существует
fix-dns-nxdomain = Проверьте написание { $name }, а также что домен зарегистрирован и у него есть записи.
cause-dns-no-address = Имя { $name } существует, но у него нет адресной записи
fix-dns-no-address = Добавьте запись A (IPv4) или AAAA (IPv6) для { $name } у DNS-провайдера домена.
cause-dns-resolver-failure = DNS-резолвер не смог ответить на запрос { $name } (DNS-серверы: { $servers })
fix-dns-resolver-failure = Проверьте серверы имён в /etc/resolv.conf и сеть этой машины; повторите попытку с другим резолвером.
cause-mismatch-ws-to-http = WebSocket-клиент попал на обычный HTTP-сервер: вместо 101 Switching Protocols тот ответил { $status }{ $server ->
    [none] {""}
   *[other] {" "}(Server: { $server })
}
fix-mismatch-ws-to-http = Направьте клиент на WebSocket-порт или поднимите WebSocket на этом порту (Workerman: new Worker('websocket://0.0.0.0:{ $port }')). Браузеры сообщают об этом как «Unexpected response code: { $code }».
cause-mismatch-ws-to-non-http = WebSocket-клиент попал на сервер, который не говорит по HTTP (сервер прислал: { $bytes })
fix-mismatch-ws-to-non-http = На этом порту работает другой протокол (text или собственный TCP-протокол). Подключите WebSocket-клиент к websocket://-порту сервера или замените адрес прослушивания сервера на websocket://0.0.0.0:{ $port }. Браузеры сообщают об этом как ERR_INVALID_HTTP_RESPONSE.
cause-mismatch-http-to-ws = HTTP-клиент попал на сервер, который понимает только WebSocket{ $status ->
    [none] {""}
   *[other] {" "}({ $status })
}
fix-mismatch-http-to-ws = Подключайтесь WebSocket-клиентом (ws:// или wss://) или поднимите обычный HTTP на другом порту (Workerman: new Worker('http://0.0.0.0:PORT')).
cause-mismatch-http-to-non-http = HTTP-клиент попал на сервер, который не говорит по HTTP (сервер прислал: { $bytes })
fix-mismatch-http-to-non-http = На этом порту работает другой протокол ({ $speaks ->
    [http] HTTP
    [tls] TLS
    [ssh] SSH
    [smtp] SMTP
    [ftp] FTP
    [redis] Redis
    [mysql] MySQL
    [text] текстовый протокол
    [binary] двоичный протокол
   *[other] { $speaks }
}); используйте HTTP-порт сервера или клиент, который нужен для этого протокола.
cause-mismatch-text-to-http = Клиент текстового протокола попал на HTTP-сервер ({ $status }{ $server ->
    [none] {""}
   *[other] , Server: { $server }
})
fix-mismatch-text-to-http = Используйте text://-порт сервера или обращайтесь к этому порту по HTTP.
cause-mismatch-tls-to-plain = Клиент использует TLS, а { $addr } работает без шифрования: используйте { $plain }
fix-mismatch-tls-to-plain = Либо укажите в клиенте { $plain }, либо поставьте TLS перед сервером: обратный прокси (nginx "listen 443 ssl" с proxy_pass на 127.0.0.1:{ $port }) или transport = 'ssl' с сертификатом в Workerman.
cause-mismatch-plain-to-tls = Клиент работает без шифрования, а { $addr } ожидает TLS: используйте { $secure }
fix-mismatch-plain-to-tls = Укажите в клиенте { $secure } (ws:// → wss://, http:// → https://) или подключайтесь к порту сервера без TLS.
cause-mismatch-ws-path = WebSocket-путь { $path } неверен для этого сервера
fix-mismatch-ws-path = Используйте путь, который обрабатывает сервер ({ $working }); если перед ним стоит nginx, проверьте, что блок location совпадает с { $path }.
cause-mismatch-ws-origin = Сервер отклоняет Origin { $origin }
fix-mismatch-ws-origin = Добавьте origin страницы в список разрешённых на сервере (или в проверку CORS/Origin) либо загружайте страницу с разрешённого origin.
cause-mismatch-proxy-no-upgrade = Обратный прокси{ $server ->
    [none] {""}
   *[other] {" "}({ $server })
} ответил на запрос Upgrade статусом { $status }: он не пропускает WebSocket
fix-mismatch-proxy-no-upgrade = Добавьте в блок location прокси: proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade"; затем перечитайте конфигурацию (nginx -s reload).
cause-mismatch-silent-server = Сервер принял соединение, но за { $ms } мс так и не дал внятного ответа
fix-mismatch-silent-server = Сервер ждёт чего-то другого (другого протокола или первого сообщения от клиента) либо его цикл событий завис: проверьте протокол сервера и его логи.
cause-reset-after-connect = { $addr } принял соединение и разорвал его, ничего не ответив
fix-reset-after-connect = Проверьте логи сервера: он может отклонять этот протокол или IP клиента, упираться в лимит соединений или падать на запросе. Так же ведёт себя брандмауэр или IPS, который сбрасывает соединения.
cause-tls-cert-expired = Срок действия сертификата { $host } истёк (или ещё не начался)
fix-tls-cert-expired = Обновите сертификат (например, certbot renew) и перезагрузите сервер; заодно проверьте часы на сервере.
cause-tls-cert-name = Сертификат не выдан на имя { $host }
fix-tls-cert-name = Получите сертификат, в котором есть { $host } (subjectAltName), или подключайтесь по имени, на которое он выдан.
cause-tls-cert-untrusted = { $kind ->
    [self-signed] Сертификат { $host } самоподписанный: ни один клиент не доверяет ему, пока это не настроено явно
   *[other] Сертификат { $host } выдан издателем, которому клиент не доверяет
}
fix-tls-cert-untrusted = { $kind ->
    [self-signed] Для тестового стенда добавьте этот сертификат в доверенные у клиента (или используйте здесь --insecure). Лучше выпустить новый без CA:TRUE и с именем в subjectAltName, как требуют клиенты на rustls/webpki: openssl req -x509 -newkey rsa:2048 -nodes -subj /CN={ $host } -addext "subjectAltName={ $san }" -addext "basicConstraints=critical,CA:FALSE" -keyout key.pem -out cert.pem. В продакшене используйте публичный УЦ (Let's Encrypt).
   *[other] Используйте сертификат публичного УЦ (например, Let's Encrypt) с полной цепочкой или добавьте выпустивший его УЦ в хранилище доверенных сертификатов клиента; для тестов проверку можно пропустить с --insecure.
}
cause-tls-handshake = TLS-рукопожатие с { $host } не удалось
fix-tls-handshake = Убедитесь, что на этом порту работает TLS современной версии (TLS 1.2/1.3) с сертификатом; ошибка ниже получена при рукопожатии.
cause-tls-cert-chain-incomplete = { $host } отправляет свой сертификат без промежуточного сертификата { $issuer }
fix-tls-cert-chain-incomplete = Настройте полную цепочку, а не один сертификат: в nginx ssl_certificate fullchain.pem (certbot), в Apache SSLCertificateFile с дописанной цепочкой, в Workerman local_cert = fullchain.pem. Если { $issuer } — ваш собственный УЦ, добавьте его в хранилище доверенных сертификатов клиента.
cause-tls-cert-usage = Сертификат { $host } не предназначен для TLS-сервера
fix-tls-cert-usage = Выпустите серверный сертификат: basicConstraints CA:FALSE и extendedKeyUsage serverAuth (openssl: -addext "basicConstraints=critical,CA:FALSE" -addext "extendedKeyUsage=serverAuth"). Сертификат УЦ или сертификат только для клиентов клиенты здесь отвергают.
cause-tls-version-old = { $host } поддерживает только { $version }, который современные клиенты больше не принимают
fix-tls-version-old = Включите на сервере TLS 1.2 и 1.3 (nginx: ssl_protocols TLSv1.2 TLSv1.3; серверы на OpenSSL: уберите -tls1/-tls1_1 или MinProtocol=TLSv1) или обновите его TLS-библиотеку. Браузеры, rustls, Java 17+ и OpenSSL 3 по умолчанию отвергают TLS 1.0/1.1.
cause-tls-no-shared-cipher = У { $host } и клиента нет общего набора шифров или способа обмена ключами
fix-tls-no-shared-cipher = Разрешите на сервере современные AEAD-наборы (ECDHE с AES-GCM или ChaCha20-Poly1305; для nginx — ssl_ciphers из профиля Mozilla "intermediate") и используйте сертификат ECDSA или RSA не короче 2048 бит.
cause-tls-client-cert-required = { $host } требует клиентский сертификат (взаимный TLS), а клиент его не отправил
fix-tls-client-cert-required = Дайте клиенту сертификат и ключ, выпущенные УЦ, которому доверяет сервер (curl --cert/--key, cert/key в tls.connect у Node, хранилище ключей Java, .p12 в браузере); если клиенты не должны проходить аутентификацию, отключите её на сервере (nginx: ssl_verify_client off или optional).
cause-tls-sni-cert = { $host } получает не тот сертификат: сервер выбирает сертификат по имени, которое присылает клиент (SNI)
fix-tls-sni-cert = Укажите сертификат для { $host } там, где сервер обслуживает это имя (nginx: блок server с server_name { $host } и его ssl_certificate; Apache: соответствующий VirtualHost), или подключайтесь по имени, на которое настроен сервер.
cause-refused-wrong-host = По адресу { $addr } клиент попал не на тот сервер, к которому должен был подключиться
fix-refused-wrong-host = Проверьте хост и порт в клиенте, DNS-запись и файл hosts, а также прокси или проброс портов на пути: токен запущенного вами сервера не вернулся.
cause-dns-wrong-ip = Имя { $name } указывает на { $addrs }, а это не тот сервер
fix-dns-wrong-ip = Исправьте DNS-запись A/AAAA для { $name } (или строку в файле hosts), чтобы она указывала на адрес сервера, и дождитесь истечения TTL.
cause-dns-hosts-override = Файл hosts сопоставляет { $name } адрес { $hosts }, а DNS отвечает { $dns }
fix-dns-hosts-override = Если строка { $name } в /etc/hosts (в Windows — C:\Windows\System32\drivers\etc\hosts) осталась от старой настройки, удалите или исправьте её; клиенты на других машинах руководствуются DNS.
cause-dns-fake-ip = { $name } разрешилось в { $addr } — поддельный адрес, выданный прокси-программой
fix-dns-fake-ip = Прокси-программа (Clash, mihomo, Surge, sing-box…) отвечает на DNS-запросы поддельными IP и перехватывает соединение: добавьте для этого домена правило DIRECT или запись в fake-ip-filter либо на время проверки переключите программу в прямой режим.
cause-proxy-local-software = Прокси-программа на этом клиенте меняет путь соединения ({ $via })
fix-proxy-local-software = Добавьте сервер в список исключений прокси (NO_PROXY=host, правило DIRECT или «bypass» в приложении прокси) либо выключите прокси или переведите его в прямой режим, затем проверьте снова.
cause-proxy-auth-required = HTTP-прокси между этим клиентом и сервером требует имя пользователя и пароль (407 Proxy Authentication Required)
fix-proxy-auth-required = Укажите клиенту учётные данные прокси (например, HTTPS_PROXY=http://пользователь:пароль@прокси:порт или настройки прокси в приложении) либо добавьте сервер в NO_PROXY, если к нему нужно подключаться напрямую; затем проверьте снова.
cause-proxy-cdn-port-not-proxied = { $cdn } не проксирует порт { $port }, поэтому соединения через него остаются без ответа
fix-proxy-cdn-port-not-proxied = Используйте порт, который проксирует CDN (Cloudflare: 80, 8080, 8880, 2052, 2082, 2086, 2095 для HTTP; 443, 2053, 2083, 2087, 2096, 8443 для HTTPS), или переключите DNS-запись в режим «DNS only» (серое облако) и подключайтесь к origin-серверу напрямую.
cause-proxy-cdn = Между клиентом и сервером стоит { $cdn }
fix-proxy-cdn = Адрес, к которому вы подключаетесь, принадлежит CDN, а не вашему серверу: белый список или правило брандмауэра на сервере для вашего собственного IP не сработает. Проверьте настройки CDN (поддержка WebSocket, проксируемые порты) или подключайтесь к origin-серверу напрямую.

## Evidence lines

ev-family-failed = { $addr }: { $outcome ->
    [refused] соединение отклонено
    [timed-out] нет ответа
    [host-unreachable] узел недоступен
    [net-unreachable] сеть недоступна
   *[other] ошибка ({ $outcome })
}
ev-family-connected = { $addr }: соединение установлено
ev-icmp-error = вместо TCP-ответа от { $origin } пришла ICMP-ошибка (тип { $type }, код { $code })
ev-icmp-other-origin = отказ пришёл от { $origin }, а не от самого сервера
ev-icmp-not-rst = сервер с закрытым портом отвечает TCP-сбросом (RST), а не ICMP: это правило reject
ev-no-listener-local = в таблице сокетов этой машины нет ни одного сокета, слушающего порт { $port }
ev-listener-but-rst = на { $addr } есть слушающий сокет, но соединение всё равно сброшено: вероятно, сработало правило «reject with tcp reset»
ev-listener-elsewhere = порт привязан только к { $bound }, и { $addr } сюда не входит
ev-rst-from-target = { $addr } ответил TCP-сбросом: узел работает, порт закрыт
ev-audit-would-tell = что именно, можно выяснить только на сервере: запустите там conndoctor audit { $port }
ev-syn-unanswered = { $addr } не ответил на SYN за { $ms } мс ({ $retransmits ->
    [one] { $retransmits } повтор
    [few] { $retransmits } повтора
    [many] { $retransmits } повторов
   *[other] { $retransmits } повтора
})
ev-accept-queue = { $queued ->
    [one] в очереди accept на { $addr } ждёт { $queued } соединение, а сервер его не забирает
    [few] в очереди accept на { $addr } ждут { $queued } соединения, а сервер их не забирает
    [many] в очереди accept на { $addr } ждут { $queued } соединений, а сервер их не забирает
   *[other] в очереди accept на { $addr } ждут { $queued } соединения, а сервер их не забирает
}
ev-backlog = backlog слушающего сокета — { $backlog }, в очереди — { $queued }: она заполнена, поэтому новые SYN отбрасываются
ev-listen-overflows = { $count ->
    [one] ядро отбросило { $count } попытку подключения
    [few] ядро отбросило { $count } попытки подключения
    [many] ядро отбросило { $count } попыток подключения
   *[other] ядро отбросило { $count } попытки подключения
}, потому что очередь listen переполнилась, пока мы ждали (TcpExtListenOverflows)
ev-only-default-route = единственный маршрут туда — маршрут по умолчанию (через { $gateway } на { $iface }), то есть через интернет
ev-no-route-at-all = у этой машины вообще нет маршрута к этому адресу
ev-private-address = { $addr } входит в частный диапазон (RFC 1918, CGNAT или IPv6 ULA)
ev-not-on-local-network = ни один интерфейс этой машины не находится в сети { $addr }
ev-side-probes-off = другие порты не проверялись (--no-side-probes), поэтому нельзя понять, выключен ли узел
ev-host-answers-elsewhere = { $ip } отвечает на других портах: { $ports }
ev-host-silent = { $ip } не ответил и на других портах ({ $ports })
ev-neighbour-failed = эта машина запрашивала { $addr } в локальной сети (ARP/обнаружение соседей), но ответа не получила
ev-router-reported = маршрутизатор { $router } сообщил: { $outcome ->
    [net-unreachable] сеть недоступна
   *[other] узел недоступен
}
ev-kernel-reported = ядро этой машины сообщило: { $outcome ->
    [net-unreachable] сеть недоступна (нет маршрута)
   *[other] узел недоступен
}
ev-ports-in-use = сокеты к { $dst } занимают { $used } из { $size ->
    [one] { $size } доступного локального порта
    [few] { $size } доступных локальных портов
    [many] { $size } доступных локальных портов
   *[other] { $size } доступного локального порта
} ({ $lo }–{ $hi })
ev-time-wait = из них в TIME_WAIT: { $count }; net.ipv4.tcp_tw_reuse = { $reuse }
ev-fd-limit = лимит файловых дескрипторов: { $soft } (жёсткий лимит { $hard })
ev-reply-http = { $request } по { $transport } → HTTP { $status }{ $server ->
    [none] {""}
   *[other] {" "}(Server: { $server })
}
ev-reply-data = { $request } по { $transport } → { $len ->
    [one] { $len } байт, похожий
    [few] { $len } байта, похожих
    [many] { $len } байт, похожих
   *[other] { $len } байта, похожих
} на { $speaks ->
    [http] HTTP
    [tls] TLS
    [ssh] SSH
    [smtp] SMTP
    [ftp] FTP
    [redis] Redis
    [mysql] MySQL
    [text] текст
    [binary] двоичные данные
   *[other] { $speaks }
}: { $bytes }
ev-reply-silence = { $request } по { $transport } → нет ответа за { $ms } мс
ev-reply-closed = { $request } по { $transport } → сервер закрыл соединение, ничего не ответив
ev-reply-reset = { $request } по { $transport } → сервер сбросил соединение
ev-reply-too-large = { $request } по { $transport } → заголовок ответа превысил 16 KiB
ev-reply-no-connection = { $request } по { $transport } → повторно подключиться не удалось ({ $outcome })
ev-reply-error = { $request } по { $transport } → { $message }
ev-tls-failed = TLS-рукопожатие не удалось: { $error }
ev-tls-works = TLS-рукопожатие на том же порту проходит ({ $version })
ev-bad-accept = в ответе 101 неверный Sec-WebSocket-Accept
ev-root-upgrades = тот же Upgrade на / проходит успешно
ev-no-origin-upgrades = тот же Upgrade без заголовка Origin проходит успешно
ev-upgrade-works = WebSocket Upgrade на том же порту проходит успешно
ev-cdn-header = в ответе есть { $header } ({ $cdn })
ev-cert-not-after = срок действия сертификата истёк { $date }
ev-cert-not-yet-valid = срок действия сертификата ещё не начался
ev-cert-names = сертификат выдан на: { $names }
ev-cert-unknown-issuer = выдан { $issuer }, которого нет среди доверенных корневых сертификатов клиента
ev-cert-no-trusted-root = цепочка не ведёт к доверенному корневому сертификату
ev-cert-not-before = сертификат действует только с { $date }
ev-cert-no-sni-covers = без имени сервера (SNI) сервер отправляет другой сертификат, и он покрывает { $host }: { $names }
ev-cert-ip-no-sni = при подключении по IP-адресу имя сервера (SNI) не передаётся: сервер с несколькими сертификатами отдаёт сертификат по умолчанию
ev-cert-self-signed = выдан сам себе ({ $subject }): издатель и субъект совпадают
ev-cert-ca-true = он помечен как УЦ (basicConstraints CA:TRUE), и клиенты на rustls/webpki не принимают его как сертификат сервера, даже если ему доверяют
ev-cert-bad-signature = его подпись не проверяется ключом издателя
ev-cert-chain-one = сервер отправил только свой сертификат; его издатель { $issuer } не является доверенным корневым
ev-cert-no-server-auth = в его расширенном назначении ключа (extendedKeyUsage) нет serverAuth (TLS-сервер)
ev-cert-rejected = сертификат отклонён ({ $code })
ev-cert-no-san = в сертификате нет ни одного имени (subjectAltName); субъект { $subject } клиенты не учитывают
ev-tls-old-version = на ClientHello с TLS 1.2/1.3 сервер ответил версией { $version }
ev-tls-version-refused = сервер отказался от TLS 1.2 и 1.3 (сигнал protocol_version)
ev-tls-alert = сервер прервал рукопожатие сигналом { $alert }
ev-tls-client-cert-asked = сервер запросил клиентский сертификат (CertificateRequest) и закрыл соединение, не получив его
ev-tls-unrecognized-name = серверу неизвестно имя { $host }, переданное в SNI (сигнал unrecognized_name)
ev-tls-error = { $error }
ev-token-mismatch = ожидался токен { $expected } вашего conndoctor serve, получен { $got }
ev-ns-answer = DNS-сервер { $server } отвечает { $addrs } (CNAME { $cnames }, TTL { $ttl } с)
ev-ns-nxdomain = DNS-сервер { $server } сообщает, что такого имени нет (NXDOMAIN)
ev-ns-nodata = DNS-сервер { $server } знает это имя, но записи A/AAAA для него нет
ev-ns-failure = ошибка DNS-сервера { $server }: { $rcode }
ev-ns-timeout = DNS-сервер { $server } не ответил за { $ms } мс
ev-no-nameservers = в /etc/resolv.conf не указано ни одного DNS-сервера (nameserver)
ev-hosts-entry = файл hosts сопоставляет этому имени { $addrs }
ev-expected-ip = вы ожидаете { $expected }, а системный резолвер возвращает { $addrs }
ev-fake-ip = { $addr } входит в 198.18.0.0/15 — диапазон, который прокси-программы используют для fake-IP DNS
ev-tun-route = маршрут к серверу идёт через туннельный интерфейс { $iface } (прокси- или VPN-программа)
ev-proxy-env = задано { $var } = { $value }: клиенты, которые учитывают эту переменную, подключаются через этот прокси
ev-proxy-direct = conndoctor подключался напрямую, без прокси
ev-cdn-range = { $addr } входит в опубликованный диапазон { $cdn }: { $range } (список от { $date })
ev-cdn-ports = порта { $port } нет в списке портов, которые проксирует CDN
ev-path-last-hop = SYN доходит до хопа { $ttl } ({ $addr }); дальше никто не отвечает
ev-path-no-hop = на SYN с ограниченным TTL не ответил даже первый маршрутизатор
ev-path-on-link = сервер находится в той же сети, что и эта машина, без маршрутизаторов между ними, и ничего не ответил
ev-path-target-answers = узел сервера отвечает на хопе { $ttl } ({ $addr })
ev-errno = connect() завершился ошибкой, errno { $errno }: { $message }

## Batch

batch-summary = { $total ->
    [one] проверен { $total } адрес
    [few] проверено { $total } адреса
    [many] проверено { $total } адресов
   *[other] проверено { $total } адреса
} за { $secs } с, с ошибкой: { $failed }
batch-by-symptom = по симптомам:
batch-by-cause = по первой причине:
batch-slowest = самые медленные:
batch-interrupted = остановлено сигналом { $signal }: проверено { $done } из { $total } целей (каждый результат, выведенный выше, полный)
## Serve

serve-listening = { $scheme }-сервер слушает { $addr } · токен { $token }
serve-reachable = адрес для подключения: { $url }
serve-loopback-warning = сервер слушает только { $addr }: другие машины подключиться не смогут. Чтобы принимать их подключения, используйте 0.0.0.0:{ $port } (или [::]:{ $port }).
serve-check-hint = на клиенте: { $cmd }
serve-stop-hint = Остановить — Ctrl-C.
serve-stopped = остановлен.
serve-not-local = { $addr } — не адрес этой машины (в облаках публичный IP обычно транслируется через NAT и не назначен ни одному интерфейсу): слушайте 0.0.0.0:{ $port } или частный адрес (addr-not-avail.bind-not-local)
serve-in-use = порт { $port } уже занят другой программой (какой именно, покажет ss -ltnp | grep :{ $port })
serve-permission = для портов ниже 1024 нужны права root или CAP_NET_BIND_SERVICE: { $detail }
serve-needs-address = адрес прослушивания — это IP (0.0.0.0, [::], 127.0.0.1, ...) или localhost: { $detail }
serve-failed = не удалось запустить: { $detail }

## Demo

demo-title = демо conndoctor: настоящие серверы на loopback, настоящие диагнозы
demo-scenario-open = Работающий WebSocket-сервер (conndoctor serve) с проверкой его токена
demo-scenario-closed = Порт, который никто не слушает
demo-scenario-loopback = Сервер привязан к 127.0.0.1, подключение идёт через 127.0.0.2
demo-scenario-queue = Сервер перестал принимать соединения: его очередь accept переполнена
demo-scenario-family = localhost разрешается и в IPv6, и в IPv4, а сервер слушает только IPv4
demo-scenario-ws-http = WebSocket-клиент подключается к обычному HTTP-серверу
demo-scenario-ws-text = WebSocket-клиент подключается к серверу текстового протокола
demo-scenario-tls-plain = Клиент wss:// подключается к WebSocket-порту без TLS
demo-scenario-plain-tls = Клиент ws:// подключается к TLS-порту
demo-scenario-path = WebSocket-клиент запрашивает путь, который сервер не обслуживает
demo-scenario-origin = WebSocket-сервер, который отклоняет Origin страницы
demo-scenario-wrong-ip = Имя указывает не на тот адрес, который вы ожидаете (--expect-ip)
demo-command = команда: { $cmd }

## Global options, completions, manual page, argument errors
help-color = Когда раскрашивать вывод: auto (в терминале, если не задан NO_COLOR), always, never.
help-completions-about = Вывести скрипт автодополнения для оболочки (bash, zsh, fish, elvish, powershell) в стандартный вывод.
help-man-about = Вывести страницу руководства (roff) в стандартный вывод, например conndoctor man | man -l -
help-completions-shell = Оболочка, для которой нужно автодополнение.
help-exporter-listen = Адрес, на котором слушать HTTP (порт 0 — любой свободный, он выводится при запуске).
help-exporter-config = Конфигурация YAML: модули, список разрешённых целей, ограничения. Без неё: встроенные модули tcp, http, https, ws, wss и только цели на loopback.
help-exporter-check-config = Проверить конфигурацию и выйти (0 — верна, 2 — нет).
clap-unknown-argument = неожиданный аргумент '{ $arg }'
clap-invalid-subcommand = неизвестная подкоманда '{ $arg }'
clap-invalid-value = недопустимое значение '{ $value }' для '{ $arg }'
clap-missing-value = для '{ $arg }' нужно значение
clap-missing-required = не указаны обязательные аргументы: { $args }
clap-conflict = '{ $arg }' нельзя использовать вместе с '{ $other }'
clap-missing-subcommand = нужно указать подкоманду
clap-other = недопустимые аргументы: { $detail }
clap-possible-values = допустимые значения: { $values }
clap-tip-subcommand = возможно, вы имели в виду '{ $name }'?
clap-tip-argument = возможно, вы имели в виду '{ $name }'?
clap-tip-value = возможно, вы имели в виду '{ $name }'?
clap-more-info = Подробнее: '--help'.

## serve: WebSocket subprotocols
help-serve-subprotocol = WebSocket: предлагаемый подпротокол (можно повторять); выбирается первый из запрошенных клиентом.
input-bad-subprotocol = «{ $detail }» — недопустимое имя подпротокола (только буквы, цифры и !#$%&'*+-.^_`|~)
