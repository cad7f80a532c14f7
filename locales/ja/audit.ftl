# conndoctor audit — server-side messages (ja).
# プレースホルダーのアドレス、ポート、コマンド、ルール文、プログラム名は翻訳しません。

## Command line

audit-input-example = 例: conndoctor audit 8282 · conndoctor audit websocket://0.0.0.0:8282 · conndoctor audit（すべてのリッスンポート）
audit-input-bad-from = "{ $detail }" は IP アドレスではありません（--from にはクライアントのアドレスを指定します。例: 203.0.113.9）
audit-input-bad-sysroot = "{ $detail }" はディレクトリではありません（--sysroot）

## Checklist

audit-check-address = リッスンアドレス
audit-check-interfaces = アドレス
audit-check-listeners = リスナー
audit-check-self-probe = 自己接続
audit-check-protocol = プロトコル
audit-check-firewall = ファイアウォール
audit-check-panel = パネル
audit-check-cloud = クラウド
audit-check-capacity = 容量
audit-check-limits = 上限
audit-all-listeners = このマシンのすべてのリスナー
audit-address-local = { $ip } はこのマシンのアドレスです
audit-address-not-local = { $ip } はこのマシンのアドレスではありません
audit-no-listener = TCP ポート { $port } をリッスンしているものはありません
audit-no-listeners-at-all = どの TCP ポートもリッスンされていません
audit-nearby-line = 近いポート: { $addr } · { $program }
audit-process = { $comm }（pid { $pid }、ユーザー { $user }{ $count ->
    [1] {""}
   *[other] 、{ $count } 個のプロセスがソケットを共有
}）· { $cmd }
audit-process-unknown = プロセスが見つかりません（ソケットの所有者: { $user }）
audit-process-hidden = プロセスは見えません（ソケットの所有者: { $user }）。root で実行すると表示されます
audit-hidden-processes = { $count ->
    [1] 他のユーザーのプロセス 1 個を調べられませんでした。root で実行すると表示されます
   *[other] 他のユーザーのプロセス { $count } 個を調べられませんでした。root で実行すると表示されます
}
audit-addr-v6only = { $addr }（IPv6 のみ）
audit-addr-dual = { $addr }（IPv6 と IPv4）
audit-self-probe-line = { $addr }: { $outcome }（{ $ms } ms）
audit-speaks = このポートのプロトコル: { $kind ->
    [websocket] WebSocket
    [wss] TLS 上の WebSocket
    [http] HTTP
    [https] HTTPS
    [tls] TLS
    [ssh] SSH
    [smtp] SMTP
    [ftp] FTP
    [redis] Redis
    [mysql] MySQL
    [text] テキストプロトコル
    [binary] バイナリプロトコル
    [silent] 応答なし（クライアントが先に送るのを待っています）
    [closes] 応答なし（接続を閉じます）
   *[other] 不明なプロトコル
} { $detail }
audit-fw-source-read = { $tool }: { $rules ->
    [1] ルール 1 個
   *[other] ルール { $rules } 個
}
audit-fw-source-empty = ルールは読み込まれていません（{ $tools }）
audit-fw-source-missing = { $tool } はインストールされていません
audit-fw-source-denied = { $tool }: ルールを読む権限がありません（{ $detail }）。root で実行してください
audit-fw-source-failed = { $tool } が失敗しました: { $detail }
audit-fw-no-outside-interface = ループバック以外のネットワークインターフェースがありません。外部からは何も届きません
audit-fw-accepted = TCP { $port } は { $addrs } で許可 · { $by }
audit-fw-dropped = TCP { $port } は { $addrs } で破棄（drop）· { $by }
audit-fw-rejected = TCP { $port } は { $addrs } で拒否（reject）· { $by }
audit-fw-unknown = { $addrs } の TCP { $port } はルールセット外のプログラムに渡されます（queue）· { $by }
audit-fw-no-rules = 受信経路にフィルタールールはありません
audit-fw-rule-ref = { $source } { $chain } #{ $position }: { $text }
audit-fw-policy-ref = { $source } { $chain }: { $text }
audit-panel-line = { $name }（{ $marker }）
audit-ufw-enabled = ufw が有効です（/etc/ufw/ufw.conf）
audit-firewalld-running = firewalld が動作しています
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
    [openstack] OpenStack クラウド
   *[other] クラウド事業者
}（DMI { $field }: { $value }）: そのセキュリティグループはパケットがこのマシンに届く前にフィルタリングします
audit-cloud-none = クラウド事業者は特定できませんでした（DMI: { $vendor }）
audit-cloud-no-dmi = DMI 情報がありません（コンテナ内、または VM ではない）: クラウド事業者は不明です
audit-queue-line = { $addr }: accept キュー { $queued }/{ $backlog } · ListenOverflows +{ $overflows }（{ $ms } ms 間）
audit-fds-line = { $program }（pid { $pid }）: 開いているファイル { $open } / 上限 { $limit }
audit-note-no-ephemeral = サーバー側にエフェメラルポートの上限はありません。すべてのクライアントが同じポートに接続し、接続はクライアントのアドレスとポートで区別されます。サーバーを制限するのは、ファイルディスクリプタ（プロセスごとの上限と fs.file-nr { $files }）、リッスンバックログ（net.core.somaxconn { $somaxconn }）、メモリ（空き { $mem } MiB）です
audit-inv-open = このマシンから見る限り外部から接続できます
audit-inv-summary = リッスンポート { $count } 個を確認：{ $problems ->
    [0] クライアントの接続を妨げるものはありません
   *[other] { $problems } 個に問題があります（ポート { $ports }）
}
audit-summary-time = 監査にかかった時間: { $ms } ms

## Verdicts

audit-verdict-ok = このマシン上にはクライアントの接続を妨げるものはありません
audit-verdict-refused = クライアントは「接続拒否」（connection refused）になります
audit-verdict-timeout = クライアントはタイムアウトします: パケットが破棄されています
audit-verdict-mismatch = クライアントは接続できますが、このポートは別のプロトコルを話しています
audit-verdict-reset = クライアントは接続できますが、その後サーバーが接続を閉じます
audit-verdict-tls = クライアントは接続できますが、TLS が失敗します
audit-label-causes = 原因（クライアントのパケットが出会う順）

## Evidence lines

audit-ev-cloud-dmi = このマシンは { $provider ->
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
   *[other] いずれかのクラウド
} 上で動いています（DMI { $field }: { $value }）
audit-ev-sg-invisible = セキュリティグループはパケットがこの VM に届く前にフィルタリングするため、TCP { $port } がそこで開いているかはこのマシンからは分かりません
audit-ev-fw-rule = { $verdict ->
    [reject] 拒否したルール:
   *[other] 破棄したルール:
} { $source } { $chain } #{ $position }: { $text }
audit-ev-fw-policy = { $source } { $chain } のポリシーは drop で、TCP { $port } を許可するルールがありません
audit-ev-fw-reject-with = 拒否の方法: { $with }
audit-ev-fw-packet = 外部から { $iface } に届く { $addr } 宛ての新規接続として評価しました
audit-ev-fw-also = { $addrs } でも同じです
audit-ev-fw-open-elsewhere = { $addrs } では許可されています
audit-ev-fw-only-from = 一部のクライアントアドレスだけ許可: { $source } { $chain } #{ $position }: { $text }
audit-ev-fw-not-understood = conndoctor が完全には理解できないルールを飛ばしました: { $source } { $chain } #{ $position }: { $text }
audit-ev-fw-command = 許可するには: { $cmd }
audit-ev-fw-unreadable = ファイアウォールのルールを読めませんでした（conndoctor audit を root で実行してください）
audit-ev-csf-tcp-in = /etc/csf/csf.conf の TCP_IN に { $port } がありません（開いているのは { $ports }）
audit-ev-panel-marker = { $name } がインストールされています（{ $marker }）
audit-ev-panel-owns-rules = ファイアウォールのルールは { $name } が書き込みます。手で追加したルールは上書きされることがあります
audit-ev-not-local = { $ip } はこのマシンのどのインターフェースにもありません（このマシンのアドレス: { $addrs }）
audit-ev-nat = { $ip } はパブリックアドレスで、このマシンにはプライベートアドレスしかありません: クラウドがパブリックアドレスをプライベートアドレスへ転送（NAT）しています
audit-ev-no-listener = カーネルのソケット表に TCP ポート { $port } のリスナーはありません
audit-ev-nearby = { $addr } がリッスンしています（{ $program }）: ポート番号の打ち間違いでは？
audit-ev-bound-loopback = { $bound } にバインドされています: このマシン上のプログラムしか接続できません
audit-ev-uncovered = { $addrs } は対象外です: ソケットは { $bound } にバインドされています
audit-ev-v6only = { $bound } は IPv6 専用ソケット（IPV6_V6ONLY）です: IPv4 クライアントは拒否されます
audit-ev-bindv6only = net.ipv6.bindv6only = 1 のため、プログラムが指定しない限りすべての [::] ソケットは IPv6 専用になります
audit-ev-v4-only = このマシンにはパブリック IPv6 アドレス { $addr } がありますが、このポートをリッスンする IPv6 ソケットはありません
audit-ev-queue-vs-backlog = accept キューに { $queued } 件、バックログは { $backlog } です
audit-ev-somaxconn-caps = バックログが net.core.somaxconn（{ $somaxconn }）と同じです: プログラムが要求した値をカーネルが切り詰めました
audit-ev-overflows-rising = この監査の { $ms } ms の間に、{ $count ->
    [1] リッスンキューが満杯のためカーネルが接続要求を 1 件破棄しました
   *[other] リッスンキューが満杯のためカーネルが接続要求を { $count } 件破棄しました
}（TcpExtListenOverflows、ListenDrops +{ $drops }）
audit-ev-self-probe-timeout = { $addrs } への自己接続に応答がありませんでした
audit-ev-fds = { $program }（pid { $pid }）は上限 { $limit } のうち { $open } 個のファイルを開いています

## Causes: titles (cause-*) and fixes (fix-*) that only audit finds

cause-timeout-security-group = { $provider ->
    [alibaba] Alibaba Cloud のセキュリティグループ
    [tencent] Tencent Cloud のセキュリティグループ
    [huawei] Huawei Cloud のセキュリティグループ
    [aws] AWS のセキュリティグループ
    [google] Google Cloud の VPC ファイアウォール
    [azure] Azure のネットワークセキュリティグループ
    [oracle] Oracle Cloud のセキュリティリスト
    [digitalocean] DigitalOcean のクラウドファイアウォール
    [hetzner] Hetzner のクラウドファイアウォール
    [vultr] Vultr のファイアウォールグループ
    [linode] Linode のクラウドファイアウォール
   *[other] クラウド事業者のセキュリティグループまたはファイアウォール
}が TCP ポート { $port } を許可していない可能性があります
fix-timeout-security-group = { $provider ->
    [alibaba] ECS コンソール → インスタンス → 対象インスタンス → セキュリティグループ → インバウンドルール（Simple Application Server: インスタンスの「ファイアウォール」タブ）
    [tencent] CVM コンソール → セキュリティグループ → インバウンドルール（Lighthouse: インスタンスの「ファイアウォール」タブ）
    [huawei] ECS コンソール → 対象インスタンス → セキュリティグループ → インバウンドルール
    [aws] EC2 コンソール → インスタンス → 「セキュリティ」タブ → セキュリティグループ → インバウンドルールを編集（Lightsail: ネットワーキング → ファイアウォール）。サブネットのネットワーク ACL も確認
    [google] VPC ネットワーク → ファイアウォール → ファイアウォール ルールを作成（上り、インスタンスのネットワークタグを対象）
    [azure] VM → ネットワーク → 受信ポートの規則（ネットワークセキュリティグループ）
    [oracle] ネットワーキング → 仮想クラウド・ネットワーク → サブネットのセキュリティ・リスト（またはインスタンスのネットワーク・セキュリティ・グループ）→ イングレス・ルール。Oracle のイメージには iptables ルールも入っており、そちらでも許可が必要
    [digitalocean] Networking → Firewalls → Droplet に適用したファイアウォール → Inbound Rules
    [hetzner] Cloud Console → Firewalls → サーバーに適用したファイアウォール → Inbound rules
    [vultr] Network → Firewall → インスタンスに紐づいたファイアウォールグループ
    [linode] Cloud Manager → Firewalls → Linode に割り当てたファイアウォール → Inbound rules
    [upcloud] Hub → 対象サーバー → Firewall
    [scaleway] Instances → Security groups → Inbound rules
    [exoscale] Compute → Security groups → Rules
    [openstack] ダッシュボード → ネットワーク → セキュリティグループ → ルールの管理
   *[other] クラウド事業者のコンソールで、この VM のセキュリティグループ、ファイアウォール、ネットワーク ACL
}で、送信元 0.0.0.0/0（またはクライアントのアドレス）からの TCP { $port } の受信を許可してください。
cause-timeout-panel-firewall = { $panel ->
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
    [csf] ConfigServer Firewall（csf）
   *[other] ホスティングパネル
} のファイアウォールが TCP ポート { $port } を開いていません
fix-timeout-panel-firewall = { $panel ->
    [bt] BT Panel / aaPanel で: セキュリティ → ファイアウォール → TCP { $port } を許可するポートルールを追加。
    [onepanel] 1Panel で: ホスト → ファイアウォール → TCP { $port } を許可するポートルールを作成。
    [cpanel] WHM で: Plugins → ConfigServer Security & Firewall → TCP_IN に { $port } を追加（またはホスティング事業者が設定したファイアウォール）。
    [plesk] Plesk で: ツールと設定 → ファイアウォール → 受信 TCP { $port } を許可するルールを追加。
    [directadmin] DirectAdmin のファイアウォール（通常は csf）で: TCP_IN に { $port } を追加して再起動。
    [cyberpanel] CyberPanel で: Security → Firewall → TCP { $port } のルールを追加。
    [hestia] HestiaCP で: Server → Firewall → TCP { $port } を ACCEPT するルールを追加。
    [vesta] VestaCP で: Server → Firewall → TCP { $port } を ACCEPT するルールを追加。
    [cwp] CentOS Web Panel で: Security → CSF Firewall → TCP { $port } を許可。
    [ispmanager] ISPmanager で: Firewall → TCP { $port } を許可するルールを追加。
    [csf] /etc/csf/csf.conf の TCP_IN に { $port } を追加し、csf -r を実行。
   *[other] パネルのファイアウォール画面で TCP ポート { $port } を開いてください: パネルは自分のリストからホストのファイアウォールを書き直します。
}
cause-addr-not-avail-bind-not-local = サーバーは { $addr } でリッスンするよう設定されていますが、このマシンにそのアドレスはありません
fix-addr-not-avail-bind-not-local = 0.0.0.0:{ $port }（すべてのアドレス）か、このマシンのプライベートアドレスでリッスンしてください。クライアントはそのままパブリックアドレスを使い、クラウドがプライベートアドレスへ転送します。存在しないアドレスへのバインドは "Cannot assign requested address" で失敗します。
cause-timeout-server-fd-limit = { $program }（pid { $pid }）は開けるファイル数の上限に達しています（{ $open } / { $limit }）: 新しい接続を受け付けられません
fix-timeout-server-fd-limit = { $program } の上限を上げてください: systemd ユニットに LimitNOFILE=65535（または起動前に ulimit -n 65535）を設定して再起動し、閉じられていない接続がないか確認してください。
