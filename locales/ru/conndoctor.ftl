# conndoctor — Russian (ru). Same ids and variables as locales/en/conndoctor.ftl.
# Placeables hold addresses, ports, commands and config lines; they stay untranslated.
# Plurals: CLDR one/few/many/other. Terms: слушать (listen), соединение отклонено,
# время ожидания истекло, локальный порт, очередь accept, петлевой адрес (loopback),
# файловые дескрипторы, DNS-резолвер, повтор SYN, брандмауэр, группа безопасности.

## Command line

app-about = Объясняет, почему клиент не может подключиться к серверу, и что нужно изменить.
app-check-about = Диагностирует подключение к целевому адресу (ws://, wss://, http://, https://, tcp://, text://, websocket://, host:port).
app-demo-about = Запускает настоящие серверы на loopback и показывает диагноз для каждого случая.
app-error = ошибка
input-empty = не указан целевой адрес
input-whitespace = в целевом адресе есть пробелы; укажите один адрес или URL
input-unknown-scheme = неизвестная схема «{ $detail }://» (поддерживаются: ws, wss, http, https, tcp, text, websocket)
input-missing-host = в целевом адресе нет имени хоста или адреса
input-bad-host = «{ $detail }» — недопустимое имя хоста или IP-адрес
input-missing-port = в целевом адресе нет порта, а у схемы нет порта по умолчанию
input-bad-port = «{ $detail }» — недопустимый порт (1–65535)
input-bad-timeout = «{ $detail }» — недопустимая длительность (примеры: 3s, 500ms, 1.5)
input-example = примеры: conndoctor check ws://example.com:8282/chat · conndoctor check 203.0.113.7:8282 · conndoctor check websocket://[::1]:8282
lang-fallback = язык «{ $lang }» пока не поддерживается; вывод на английском
error-internal = сбой conndoctor: { $detail }

## Checklist

check-target = Цель
check-resolve = Разрешение имени
check-connect = Подключение
check-side = Другие порты
check-listeners = Слушающие сокеты
check-ports = Локальные порты
target-line = { $input } → TCP-порт { $port }
resolve-literal = { $addrs } (адрес указан напрямую)
resolve-system = { $name } → { $addrs } ({ $ms } мс)
resolve-failed = { $name }: { $error }
resolve-error-no-name = такого имени не существует
resolve-error-no-address = у имени нет ни IPv4-, ни IPv6-адреса
resolve-error-resolver-failure = DNS-резолвер не дал корректного ответа
resolve-error-timeout = резолвер не ответил за отведённое время
resolve-error-other = ошибка резолвера
attempt-line = { $addr }: { $outcome } ({ $ms } мс)
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
verdict-dns = имя не разрешается
verdict-local = этой клиентской машине не удалось открыть соединение
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
cause-dns-resolver-failure = DNS-резолвер не смог ответить на запрос { $name }
fix-dns-resolver-failure = Проверьте серверы имён в /etc/resolv.conf и сеть этой машины; повторите попытку с другим резолвером.

## Evidence lines

ev-family-failed = { $addr }: { $outcome }
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
ev-router-reported = маршрутизатор { $router } сообщил: { $outcome }
ev-kernel-reported = ядро этой машины сообщило: { $outcome }
ev-ports-in-use = сокеты к { $dst } занимают { $used } из { $size ->
    [one] { $size } доступного локального порта
   *[other] { $size } доступных локальных портов
} ({ $lo }–{ $hi })
ev-time-wait = из них в TIME_WAIT: { $count }; net.ipv4.tcp_tw_reuse = { $reuse }
ev-fd-limit = лимит файловых дескрипторов: { $soft } (жёсткий лимит { $hard })
ev-errno = connect() завершился ошибкой, errno { $errno }: { $message }

## Demo

demo-title = демо conndoctor: настоящие серверы на loopback, настоящие диагнозы
demo-scenario-open = Сервер, который принимает соединения
demo-scenario-closed = Порт, который никто не слушает
demo-scenario-loopback = Сервер привязан к 127.0.0.1, подключение идёт через 127.0.0.2
demo-scenario-queue = Сервер перестал принимать соединения: его очередь accept переполнена
demo-scenario-family = localhost разрешается и в IPv6, и в IPv4, а сервер слушает только IPv4
demo-command = команда: { $cmd }
