# conndoctor audit --watch: где останавливаются SYN клиента, глазами сервера.

## Options and input

help-audit-watch = Следить за входящими SYN на PORT на интерфейсах и сказать, где они останавливаются: до этого хоста, на правиле файрвола, у слушающего сокета (нужен root).
help-audit-duration = Сколько длится --watch, например 30s, 2m [по умолчанию: 60s]; Ctrl-C завершает раньше.
watch-input-bad-port = { $detail } не подходит как порт для --watch (1-65535)
watch-input-two-ports = { $detail } и --watch { $port } указывают разные порты
watch-input-bad-duration = { $detail } не подходит как длительность для --duration (например 30s, 2m; не больше 1h)
watch-error-denied = для наблюдения за пакетами нужен root (CAP_NET_RAW): { $detail }
watch-error-capture = не удалось открыть пакетный сокет: { $detail }

## While it runs

watch-ready = слежу за TCP-портом { $port } на всех интерфейсах { $secs } с; подключитесь клиентом сейчас (Ctrl-C завершает наблюдение)
watch-ready-from = слежу за SYN от { $client } на TCP-порт { $port } { $secs } с; подключитесь клиентом сейчас (Ctrl-C завершает наблюдение)

## The report

watch-title = TCP-порт { $port } · наблюдение { $secs } с
watch-no-client = клиентов нет
watch-row = SYN пришло: { $syns } ({ $iface }; порты источника { $ports }) · SYN-ACK ушло: { $synacks } · RST ушло: { $resets }
watch-row-none = ни одного SYN не пришло
watch-verdict-never-arrived = пакеты не дошли до этого хоста → группа безопасности облака, файрвол провайдера или маршрутизатор перед ним
watch-verdict-dropped-local = дошли до сетевой карты, отброшены локальным правилом в { $chain }
watch-verdict-panel-firewall = дошли до сетевой карты, отброшены { $panel } ({ $chain })
watch-verdict-no-listener = дошли до хоста, но порт { $port } никто не слушает
watch-verdict-queue-full = дошли до слушающего сокета, но соединение не принято: очередь полна
watch-verdict-asymmetric-route = дошли до слушающего сокета; ответ ушёл другим путём ({ $out })
watch-verdict-not-answered = дошли до хоста, но ответ не ушёл
watch-verdict-reply-lost = дошли до слушающего сокета, SYN-ACK ушёл через { $iface }, но до клиента не дошёл
watch-verdict-accepted = дошли до слушающего сокета, SYN-ACK ушёл

## Evidence

watch-ev-none-from = за { $secs } с ни на один интерфейс не пришёл SYN от { $client } на порт { $port }
watch-ev-none = за { $secs } с ни на один интерфейс не пришёл SYN на порт { $port }
watch-ev-others = SYN приходили с других адресов ({ $count }): { $addrs }. Если клиент за NAT, его адрес среди них: запустите наблюдение с этим --from
watch-ev-before-host = наблюдение видит пакеты на интерфейсе, раньше любого файрвола этого хоста: чего здесь нет, то отброшено по дороге
watch-ev-syns = от { $client } на { $dst } пришло SYN: { $count }, на { $iface } (порты источника { $ports })
watch-ev-syn-ack = SYN-ACK ушло через { $iface }: { $count }
watch-ev-syn-ack-elsewhere = SYN-ACK ушло через { $out }: { $count }, а SYN пришли через { $in }
watch-ev-retried = клиент прислал тот же SYN снова после SYN-ACK (раз: { $count }): ответ до него не дошёл
watch-ev-rule = { $source } { $chain }, правило { $position } ({ $verdict }): { $text }
watch-ev-policy = { $source } { $chain }: их отбросила политика цепочки drop (ни одно правило не разрешает порт)
watch-ev-counter = счётчик пакетов правила вырос за время наблюдения на { $count }
watch-ev-no-counter = у правила нет счётчика; его называет собственная оценка набора правил
watch-ev-reject-with = оно отвечает { $with }
watch-ev-manager = цепочка принадлежит { $panel }
watch-ev-panel = панели на этой машине: { $panels }
watch-ev-no-listener = на { $addr } никакой сокет не слушает (на этом порту слушают: { $bound })
watch-ev-resets = в ответ ушло RST: { $count }
watch-ev-queue = очередь accept у { $addr } достигла { $queue } при backlog { $backlog }
watch-ev-overflows = ListenOverflows вырос за время наблюдения на { $count }: ядро отбрасывало SYN из-за полной очереди
watch-ev-rp-filter = на { $iface } включена строгая проверка обратного пути (rp_filter = 1): SYN, ответ на который ушёл бы через другой интерфейс, отбрасывается
watch-ev-firewall-unread = не удалось прочитать правила файрвола (запустите от root)

## Causes

cause-watch-never-arrived = Ни один SYN на порт { $port } не дошёл до этого хоста: их отбрасывают раньше
fix-watch-never-arrived = Откройте TCP { $port } там, где пакеты фильтруются до этого хоста: в группе безопасности облака (входящее правило для TCP { $port } с адреса клиента), в сетевом файрволе провайдера или хостинг-панели, или в пробросе порта на маршрутизаторе/NAT перед ним. Проверьте также, что клиент подключается к публичному адресу этого хоста.
cause-watch-dropped-local = SYN от { $client } дошли до этого хоста, и их отбросило локальное правило файрвола в { $chain }
fix-watch-dropped-local = Разрешите TCP { $port } перед этим правилом в { $chain } (или удалите правило), затем пусть клиент попробует снова.
cause-watch-panel-firewall = SYN от { $client } отбросили правила { $panel } ({ $chain })
fix-watch-panel-firewall = Откройте TCP { $port } в самом { $panel } (ufw allow { $port }/tcp; firewall-cmd --permanent --add-port={ $port }/tcp и firewall-cmd --reload; TCP_IN в /etc/csf/csf.conf для csf) или в панели, которая им управляет: правило, добавленное вручную, затрётся при перезагрузке его цепочек.
cause-watch-no-listener = SYN от { $client } прошли файрвол, но порт { $port } никто не слушает
fix-watch-no-listener = Запустите сервер на порту { $port }, слушающий 0.0.0.0 (или [::]) или адрес, к которому подключаются клиенты; проверьте: ss -ltnp | grep :{ $port }.
cause-watch-queue-full = SYN от { $client } дошли до слушающего сокета, но его очередь accept была полна
fix-watch-queue-full = Программа принимает соединения медленнее, чем они приходят: проверьте, не зависла ли она и не перегружена ли, и увеличьте её listen backlog (и net.core.somaxconn).
cause-watch-asymmetric-route = Ответ для { $client } ушёл через { $out }, а не через { $in }, куда пришёл SYN
fix-watch-asymmetric-route = Сделайте так, чтобы ответ уходил через { $in }: исправьте маршрут к { $client } (ip route get { $client }) или добавьте правило policy routing для адреса этого хоста на { $in }.
cause-watch-not-answered = SYN от { $client } пришли, но ответ не ушёл
fix-watch-not-answered = Проверьте проверку обратного пути (sysctl net.ipv4.conf.all.rp_filter), программы tc или XDP на интерфейсе и журнал ядра, затем понаблюдайте снова.
cause-watch-reply-lost = Этот хост ответил { $client } через { $iface }, но ответ до него не дошёл
fix-watch-reply-lost = Ищите на обратном пути: файрвол, группу безопасности или NAT между этим хостом и { $client }, которые отбрасывают пакеты с TCP-порта { $port } (исходящие правила, stateful-устройство, не видевшее SYN), или маршрут, уводящий их в другое место после { $iface }.
cause-watch-accepted = Этот хост ответил { $client }: SYN-ACK ушёл
fix-watch-accepted = На этом хосте менять нечего. Если клиент всё равно не подключается, ответ теряется на обратном пути (stateful-файрвол или NAT посередине), или сбой происходит после рукопожатия.

## On the client

check-watch-hint = чтобы увидеть, где останавливаются пакеты, запустите на сервере: { $cmd }
check-watch-ports = затем подключитесь снова; ваши порты источника (идентификатор для сопоставления): { $ports }
