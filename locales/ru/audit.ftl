# conndoctor audit — server-side messages (ru).
# Адреса, порты, команды, тексты правил и имена программ в подстановках не переводятся.

## Command line

audit-input-example = примеры: conndoctor audit 8282 · conndoctor audit websocket://0.0.0.0:8282 · conndoctor audit (все слушающие порты)
audit-input-bad-from = «{ $detail }» — не IP-адрес (--from принимает адрес клиента, например 203.0.113.9)
audit-input-bad-sysroot = «{ $detail }» — не каталог (--sysroot)

## Checklist

audit-check-address = Адрес прослушивания
audit-check-interfaces = Адреса
audit-check-listeners = Слушатель
audit-check-self-probe = Самопроверка
audit-check-protocol = Протокол
audit-check-firewall = Брандмауэр
audit-check-panel = Панель
audit-check-cloud = Облако
audit-check-capacity = Ёмкость
audit-check-limits = Ограничения
audit-all-listeners = все слушающие сокеты этой машины
audit-address-local = { $ip } — адрес этой машины
audit-address-not-local = { $ip } — не адрес этой машины
audit-no-listener = TCP-порт { $port } никто не слушает
audit-no-listeners-at-all = ни один TCP-порт не прослушивается
audit-nearby-line = рядом: { $addr } · { $program }
audit-process = { $comm } (pid { $pid }, пользователь { $user }{ $count ->
    [1] {""}
    [one] , сокет делят { $count } процесс
    [few] , сокет делят { $count } процесса
    [many] , сокет делят { $count } процессов
   *[other] , сокет делят { $count } процесса
}) · { $cmd }
audit-process-unknown = процесс не найден (владелец сокета: { $user })
audit-process-hidden = процесс скрыт (владелец сокета: { $user }); запустите от root, чтобы его увидеть
audit-hidden-processes = { $count ->
    [one] { $count } процесс другого пользователя не удалось проверить; запустите от root, чтобы его увидеть
    [few] { $count } процесса других пользователей не удалось проверить; запустите от root, чтобы их увидеть
    [many] { $count } процессов других пользователей не удалось проверить; запустите от root, чтобы их увидеть
   *[other] { $count } процесса других пользователей не удалось проверить; запустите от root, чтобы их увидеть
}
audit-addr-v6only = { $addr } (только IPv6)
audit-addr-dual = { $addr } (IPv6 и IPv4)
audit-self-probe-line = { $addr }: { $outcome } за { $ms } мс
audit-speaks = порт говорит на { $kind ->
    [websocket] WebSocket
    [wss] WebSocket поверх TLS
    [http] HTTP
    [https] HTTPS
    [tls] TLS
    [ssh] SSH
    [smtp] SMTP
    [ftp] FTP
    [redis] Redis
    [mysql] MySQL
    [text] текстовом протоколе
    [binary] двоичном протоколе
    [silent] — молчит: ждёт, что клиент заговорит первым
    [closes] — молчит: закрывает соединение
   *[other] нераспознанном протоколе
} { $detail }
audit-fw-source-read = { $tool }: { $rules ->
    [one] { $rules } правило
    [few] { $rules } правила
    [many] { $rules } правил
   *[other] { $rules } правила
}
audit-fw-source-empty = правила не загружены ({ $tools })
audit-fw-source-missing = { $tool } не установлен
audit-fw-source-denied = { $tool }: нет прав читать правила ({ $detail }); запустите от root
audit-fw-source-failed = { $tool } завершился с ошибкой: { $detail }
audit-fw-no-outside-interface = кроме loopback, сетевых интерфейсов нет: снаружи ничего не придёт
audit-fw-accepted = TCP { $port } пропускается на { $addrs } · { $by }
audit-fw-dropped = TCP { $port } отбрасывается на { $addrs } · { $by }
audit-fw-rejected = TCP { $port } отклоняется на { $addrs } · { $by }
audit-fw-unknown = TCP { $port } на { $addrs } передаётся программе вне набора правил (queue) · { $by }
audit-fw-no-rules = на входящем пути нет правил фильтрации
audit-fw-rule-ref = { $source } { $chain } №{ $position }: { $text }
audit-fw-policy-ref = { $source } { $chain }: { $text }
audit-panel-line = { $name } ({ $marker })
audit-ufw-enabled = ufw включён (/etc/ufw/ufw.conf)
audit-firewalld-running = firewalld запущен
audit-cloud-line = { $provider ->
    [alibaba] Alibaba Cloud
    [tencent] Tencent Cloud
    [huawei] Huawei Cloud
    [aws] Amazon Web Services
    [google] Google Cloud
    [azure] Microsoft Azure
    [oracle] Oracle Cloud
    [digitalocean] DigitalOcean
    [hetzner] Hetzner Cloud
    [vultr] Vultr
    [linode] Akamai / Linode
    [upcloud] UpCloud
    [scaleway] Scaleway
    [exoscale] Exoscale
    [openstack] облако OpenStack
   *[other] облачный провайдер
} (DMI { $field }: { $value }): его группа безопасности фильтрует пакеты до того, как они дойдут до этой машины
audit-cloud-none = облачный провайдер не распознан (DMI: { $vendor })
audit-cloud-no-dmi = данных DMI нет (контейнер или не ВМ): облачный провайдер неизвестен
audit-queue-line = { $addr }: очередь accept { $queued }/{ $backlog } · ListenOverflows +{ $overflows } за { $ms } мс
audit-fds-line = { $program } (pid { $pid }): открыто файлов { $open } из { $limit }
audit-note-no-ephemeral = у сервера нет ограничения на эфемерные порты: все клиенты подключаются к одному порту, а соединения различаются по адресу и порту клиента. Сервер ограничивают файловые дескрипторы (лимит процесса и fs.file-nr { $files }), очередь прослушивания (net.core.somaxconn { $somaxconn }) и память (доступно { $mem } МиБ)
audit-inv-open = насколько видно с этой машины, доступен снаружи
audit-inv-summary = { $count ->
    [one] проверен { $count } слушающий порт
    [few] проверено { $count } слушающих порта
    [many] проверено { $count } слушающих портов
   *[other] проверено { $count } слушающего порта
}: { $problems ->
    [0] клиентам ничто не мешает
    [one] проблема на { $problems } порту ({ $ports })
    [few] проблемы на { $problems } портах ({ $ports })
    [many] проблемы на { $problems } портах ({ $ports })
   *[other] проблемы на { $problems } порта ({ $ports })
}
audit-summary-time = аудит занял { $ms } мс

## Verdicts

audit-verdict-ok = на этой машине ничто не мешает клиентам подключаться к этому порту
audit-verdict-refused = клиенты получают «в соединении отказано» (connection refused)
audit-verdict-timeout = у клиентов истекает время ожидания: их пакеты отбрасываются
audit-verdict-mismatch = клиенты подключаются, но порт говорит на другом протоколе
audit-verdict-reset = клиенты подключаются, а затем сервер закрывает соединение
audit-verdict-tls = клиенты подключаются, но TLS не устанавливается
audit-label-causes = Причины, в том порядке, в каком их встречает пакет клиента

## Evidence lines

audit-ev-cloud-dmi = эта машина работает в { $provider ->
    [alibaba] Alibaba Cloud
    [tencent] Tencent Cloud
    [huawei] Huawei Cloud
    [aws] Amazon EC2
    [google] Google Compute Engine
    [azure] Azure
    [oracle] Oracle Cloud
    [digitalocean] DigitalOcean
    [hetzner] Hetzner
    [vultr] Vultr
    [linode] Linode
    [upcloud] UpCloud
    [scaleway] Scaleway
    [exoscale] Exoscale
    [openstack] OpenStack
   *[other] облаке
} (DMI { $field }: { $value })
audit-ev-sg-invisible = группа безопасности фильтрует пакеты до того, как они попадут на эту ВМ, поэтому отсюда не видно, открыт ли там TCP { $port }
audit-ev-fw-rule = { $verdict ->
    [reject] отклоняется правилом
   *[other] отбрасывается правилом
} { $source } { $chain } №{ $position }: { $text }
audit-ev-fw-policy = у { $source } { $chain } политика drop, и ни одно правило в ней не пропускает TCP { $port }
audit-ev-fw-reject-with = отказ отправляется как { $with }
audit-ev-fw-packet = проверено для нового соединения извне, пришедшего на { $iface } к { $addr }
audit-ev-fw-also = то же самое на { $addrs }
audit-ev-fw-open-elsewhere = пропускается на { $addrs }
audit-ev-fw-only-from = пропускается только для некоторых адресов клиентов: { $source } { $chain } №{ $position }: { $text }
audit-ev-fw-not-understood = пропущено правило, которое conndoctor понимает не полностью: { $source } { $chain } №{ $position }: { $text }
audit-ev-fw-command = чтобы пропустить: { $cmd }
audit-ev-fw-unreadable = правила брандмауэра прочитать не удалось (запустите conndoctor audit от root)
audit-ev-csf-tcp-in = в TCP_IN файла /etc/csf/csf.conf нет порта { $port } (открыты { $ports })
audit-ev-panel-marker = установлена { $name } ({ $marker })
audit-ev-panel-owns-rules = правила брандмауэра записывает { $name }; правило, добавленное вручную, может быть перезаписано
audit-ev-not-local = { $ip } нет ни на одном интерфейсе этой машины (её адреса: { $addrs })
audit-ev-nat = { $ip } — публичный адрес, а у этой машины только частные: облако пересылает (NAT) публичный адрес на частный
audit-ev-no-listener = в таблице сокетов ядра нет слушателя на TCP-порту { $port }
audit-ev-nearby = { $addr } слушает ({ $program }): опечатка в номере порта?
audit-ev-bound-loopback = привязан к { $bound }: подключиться могут только программы на этой машине
audit-ev-uncovered = { $addrs } не обслуживается: сокет привязан к { $bound }
audit-ev-v6only = { $bound } — сокет только для IPv6 (IPV6_V6ONLY): клиентам IPv4 отказано
audit-ev-bindv6only = net.ipv6.bindv6only = 1 делает каждый сокет [::] только IPv6, если программа не укажет иное
audit-ev-v4-only = у этой машины есть публичный IPv6-адрес { $addr }, а IPv6-сокет на этом порту никто не слушает
audit-ev-queue-vs-backlog = в очереди accept { $queued } при backlog { $backlog }
audit-ev-somaxconn-caps = backlog равен net.core.somaxconn ({ $somaxconn }): ядро урезало то, что просила программа
audit-ev-overflows-rising = за { $ms } мс этого аудита { $count ->
    [one] ядро отбросило { $count } попытку соединения
    [few] ядро отбросило { $count } попытки соединения
    [many] ядро отбросило { $count } попыток соединения
   *[other] ядро отбросило { $count } попытки соединения
}, потому что очередь прослушивания была полна (TcpExtListenOverflows; ListenDrops +{ $drops })
audit-ev-self-probe-timeout = самопроверка { $addrs } не получила ответа
audit-ev-fds = у { $program } (pid { $pid }) открыто { $open } файлов при лимите { $limit }

## Causes: titles (cause-*) and fixes (fix-*) that only audit finds

cause-timeout-security-group = { $provider ->
    [alibaba] Группа безопасности Alibaba Cloud
    [tencent] Группа безопасности Tencent Cloud
    [huawei] Группа безопасности Huawei Cloud
    [aws] Группа безопасности AWS
    [google] Брандмауэр VPC Google Cloud
    [azure] Группа безопасности сети Azure
    [oracle] Список безопасности Oracle Cloud
    [digitalocean] Облачный брандмауэр DigitalOcean
    [hetzner] Облачный брандмауэр Hetzner
    [vultr] Группа брандмауэра Vultr
    [linode] Облачный брандмауэр Linode
   *[other] Группа безопасности или брандмауэр облачного провайдера
}, возможно, не пропускает TCP-порт { $port }
fix-timeout-security-group = Разрешите входящий TCP { $port } с источником 0.0.0.0/0 (или адресами ваших клиентов): { $provider ->
    [alibaba] консоль ECS → Экземпляры → нужный экземпляр → Группы безопасности → Входящие правила (Simple Application Server: вкладка «Брандмауэр» экземпляра)
    [tencent] консоль CVM → Группы безопасности → Входящие правила (Lighthouse: вкладка «Брандмауэр» экземпляра)
    [huawei] консоль ECS → нужный экземпляр → Группы безопасности → Входящие правила
    [aws] консоль EC2 → Instances → вкладка Security → группа безопасности → Edit inbound rules (Lightsail: Networking → Firewall); проверьте и сетевой ACL подсети
    [google] VPC network → Firewall → Create firewall rule (направление ingress, цель — сетевой тег экземпляра)
    [azure] ВМ → Сеть → Правила входящих портов (её группа безопасности сети)
    [oracle] Networking → Virtual Cloud Networks → Security List подсети (или Network Security Group экземпляра) → Ingress Rules; в образах Oracle есть и правила iptables, которые тоже должны его пропускать
    [digitalocean] Networking → Firewalls → брандмауэр, применённый к Droplet → Inbound Rules
    [hetzner] Cloud Console → Firewalls → брандмауэр, применённый к серверу → Inbound rules
    [vultr] Network → Firewall → группа брандмауэра, связанная с экземпляром
    [linode] Cloud Manager → Firewalls → брандмауэр, назначенный Linode → Inbound rules
    [upcloud] Hub → сервер → Firewall
    [scaleway] Instances → Security groups → Inbound rules
    [exoscale] Compute → Security groups → Rules
    [openstack] панель управления → Сеть → Группы безопасности → Управление правилами
   *[other] в консоли провайдера: группа безопасности, брандмауэр или сетевой ACL этой ВМ
}.
cause-timeout-panel-firewall = Брандмауэр { $panel ->
    [bt] BT Panel / aaPanel
    [onepanel] 1Panel
    [cpanel] cPanel/WHM
    [plesk] Plesk
    [directadmin] DirectAdmin
    [cyberpanel] CyberPanel
    [hestia] HestiaCP
    [vesta] VestaCP
    [cwp] CentOS Web Panel
    [ispmanager] ISPmanager
    [csf] ConfigServer Firewall (csf)
   *[other] панели хостинга
} не открывает TCP-порт { $port }
fix-timeout-panel-firewall = { $panel ->
    [bt] В BT Panel / aaPanel: Безопасность → Брандмауэр → добавьте правило, разрешающее TCP { $port }.
    [onepanel] В 1Panel: Хост → Брандмауэр → создайте правило порта, разрешающее TCP { $port }.
    [cpanel] В WHM: Plugins → ConfigServer Security & Firewall → добавьте { $port } в TCP_IN (или в брандмауэр, настроенный хостером).
    [plesk] В Plesk: Инструменты и настройки → Брандмауэр → добавьте правило, разрешающее входящий TCP { $port }.
    [directadmin] В брандмауэре DirectAdmin (обычно csf): добавьте { $port } в TCP_IN и перезапустите его.
    [cyberpanel] В CyberPanel: Security → Firewall → добавьте правило для TCP { $port }.
    [hestia] В HestiaCP: Server → Firewall → добавьте правило ACCEPT для TCP { $port }.
    [vesta] В VestaCP: Server → Firewall → добавьте правило ACCEPT для TCP { $port }.
    [cwp] В CentOS Web Panel: Security → CSF Firewall → разрешите TCP { $port }.
    [ispmanager] В ISPmanager: Брандмауэр → добавьте правило, разрешающее TCP { $port }.
    [csf] Добавьте { $port } в TCP_IN в /etc/csf/csf.conf и выполните csf -r.
   *[other] Откройте TCP-порт { $port } на странице брандмауэра панели: панель переписывает брандмауэр хоста по своему списку.
}
cause-addr-not-avail-bind-not-local = Сервер настроен слушать { $addr }, а такого адреса у этой машины нет
fix-addr-not-avail-bind-not-local = Слушайте 0.0.0.0:{ $port } (все адреса) или частный адрес этой машины; клиенты по-прежнему используют публичный адрес, который облако пересылает на частный. Привязка к отсутствующему адресу завершается ошибкой "Cannot assign requested address".
cause-timeout-server-fd-limit = { $program } (pid { $pid }) упёрся в лимит открытых файлов ({ $open } из { $limit }): новые соединения он принять не может
fix-timeout-server-fd-limit = Поднимите лимит для { $program }: LimitNOFILE=65535 в его unit-файле systemd (или ulimit -n 65535 перед запуском), затем перезапустите; проверьте, нет ли соединений, которые он никогда не закрывает.
