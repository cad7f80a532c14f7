# conndoctor audit --watch: クライアントの SYN がどこで止まるかをサーバー側で見る。

## Options and input

help-audit-watch = PORT 宛ての SYN をインターフェースで監視し、どこで止まるかを示します: このホストの手前、ファイアウォールのルール、リスナー（root が必要）。
help-audit-duration = --watch の実行時間。例: 30s、2m [既定: 60s]。Ctrl-C で早めに終了できます。
watch-input-bad-port = { $detail } は --watch のポートではありません（1-65535）
watch-input-two-ports = { $detail } と --watch { $port } は別のポートを指しています
watch-input-bad-duration = { $detail } は --duration の時間ではありません（例: 30s、2m。最大 1h）
watch-error-denied = パケットの監視には root（CAP_NET_RAW）が必要です: { $detail }
watch-error-capture = パケットソケットを開けません: { $detail }

## While it runs

watch-ready = すべてのインターフェースで TCP ポート { $port } を { $secs } 秒間監視しています。いまクライアントから接続してください（Ctrl-C で終了）
watch-ready-from = { $client } から TCP ポート { $port } への SYN を { $secs } 秒間監視しています。いまクライアントから接続してください（Ctrl-C で終了）

## The report

watch-title = TCP ポート { $port } · { $secs } 秒間監視
watch-no-client = クライアントなし
watch-row = 受信 SYN: { $syns }（{ $iface }、送信元ポート { $ports }）· 送信 SYN-ACK: { $synacks } · 送信 RST: { $resets }
watch-row-none = SYN は届いていません
watch-verdict-never-arrived = パケットはこのホストに届いていません → クラウドのセキュリティグループ、事業者のファイアウォール、または手前のルーター
watch-verdict-dropped-local = NIC には届き、{ $chain } のローカルルールで破棄されました
watch-verdict-panel-firewall = NIC には届き、{ $panel }（{ $chain }）で破棄されました
watch-verdict-no-listener = このホストには届きましたが、ポート { $port } で待ち受けているものがありません
watch-verdict-queue-full = リスナーには届きましたが、受け付けられませんでした: キューが満杯です
watch-verdict-asymmetric-route = リスナーには届きましたが、応答は別の経路（{ $out }）から出ました
watch-verdict-not-answered = このホストには届きましたが、応答は出ていません
watch-verdict-reply-lost = リスナーに届き、SYN-ACK は { $iface } から出ましたが、クライアントには届いていません
watch-verdict-accepted = リスナーに届き、SYN-ACK が送信されました

## Evidence

watch-ev-none-from = { $secs } 秒間、{ $client } からポート { $port } への SYN はどのインターフェースにも届きませんでした
watch-ev-none = { $secs } 秒間、ポート { $port } への SYN はどのインターフェースにも届きませんでした
watch-ev-others = 別のアドレスからの SYN は届いています（{ $count } 個）: { $addrs }。クライアントが NAT の内側にあるなら、そのアドレスはこの中にあります: それを --from にして監視し直してください
watch-ev-before-host = 監視はインターフェースでパケットを見ており、このホストのどのファイアウォールよりも手前です: ここに現れないものは途中で破棄されています
watch-ev-syns = { $client } から { $dst } への SYN が { $count } 個、{ $iface } に届きました（送信元ポート { $ports }）
watch-ev-syn-ack = SYN-ACK が { $count } 個、{ $iface } から出ました
watch-ev-syn-ack-elsewhere = SYN-ACK が { $count } 個 { $out } から出ましたが、SYN は { $in } から入ってきました
watch-ev-retried = クライアントは SYN-ACK の後に同じ SYN を再送しました（{ $count } 回）: 応答が届いていません
watch-ev-rule = { $source } { $chain } ルール { $position }（{ $verdict }）: { $text }
watch-ev-policy = { $source } { $chain }: チェーンのポリシー drop で破棄（このポートを許可するルールがありません）
watch-ev-counter = 監視中にこのルールのパケットカウンターが { $count } 増えました
watch-ev-no-counter = このルールにはカウンターがありません。ルールセット自体の評価でこのルールが特定されています
watch-ev-reject-with = { $with } で応答します
watch-ev-manager = このチェーンは { $panel } のものです
watch-ev-panel = このマシンのパネル: { $panels }
watch-ev-no-listener = { $addr } で待ち受けているソケットはありません（このポートの待ち受け: { $bound }）
watch-ev-resets = 応答として RST が { $count } 個出ました
watch-ev-queue = { $addr } の accept キューが { $queue } に達しました（backlog { $backlog }）
watch-ev-overflows = 監視中に ListenOverflows が { $count } 増えました: カーネルがキュー満杯のため SYN を破棄しました
watch-ev-rp-filter = { $iface } で厳格なリバースパスフィルタ（rp_filter = 1）が有効です: 応答が別のインターフェースから出る SYN は破棄されます
watch-ev-firewall-unread = ファイアウォールのルールを読めませんでした（root で実行してください）

## Causes

cause-watch-never-arrived = ポート { $port } への SYN はこのホストに届いていません: 手前で破棄されています
fix-watch-never-arrived = このホストの手前でパケットを遮断している場所で TCP { $port } を開けてください: クラウドのセキュリティグループ（クライアントのアドレスからの TCP { $port } のインバウンドルール）、事業者やホスティングパネルのネットワークファイアウォール、または手前のルーターや NAT のポート転送。クライアントがこのホストのパブリックアドレスに接続しているかも確認してください。
cause-watch-dropped-local = { $client } からの SYN はこのホストに届き、{ $chain } のローカルファイアウォールルールで破棄されました
fix-watch-dropped-local = { $chain } のそのルールより前で TCP { $port } を許可する（またはルールを削除する）と、クライアントから再試行してください。
cause-watch-panel-firewall = { $client } からの SYN は { $panel } のルール（{ $chain }）で破棄されました
fix-watch-panel-firewall = { $panel } 自体で TCP { $port } を開けてください（ufw allow { $port }/tcp、firewall-cmd --permanent --add-port={ $port }/tcp と firewall-cmd --reload、csf なら /etc/csf/csf.conf の TCP_IN）、またはそれを操作しているパネルで: 手で追加したルールはチェーンの再読み込みで上書きされます。
cause-watch-no-listener = { $client } からの SYN はファイアウォールを通りましたが、ポート { $port } で待ち受けているものがありません
fix-watch-no-listener = ポート { $port } でサーバーを起動し、0.0.0.0（または [::]）かクライアントが接続するアドレスで待ち受けてください。確認: ss -ltnp | grep :{ $port }
cause-watch-queue-full = { $client } からの SYN はリスナーに届きましたが、その accept キューが満杯でした
fix-watch-queue-full = プログラムの接続受け付けが追いついていません: 停止や過負荷がないか確認し、listen の backlog（と net.core.somaxconn）を増やしてください。
cause-watch-asymmetric-route = { $client } への応答は、SYN が入ってきた { $in } ではなく { $out } から出ました
fix-watch-asymmetric-route = 応答が { $in } から出るようにしてください: { $client } への経路を直す（ip route get { $client }）か、{ $in } のこのホストのアドレスにポリシールーティングのルールを追加します。
cause-watch-not-answered = { $client } からの SYN は届きましたが、応答は出ていません
fix-watch-not-answered = リバースパスフィルタ（sysctl net.ipv4.conf.all.rp_filter）、インターフェースの tc や XDP プログラム、カーネルログを確認し、もう一度監視してください。
cause-watch-reply-lost = このホストは { $iface } から { $client } に応答しましたが、応答は届いていません
fix-watch-reply-lost = 戻りの経路を調べてください: このホストと { $client } の間で TCP ポート { $port } からのパケットを破棄するファイアウォール、セキュリティグループ、NAT（アウトバウンドルール、SYN を見ていないステートフル機器）、または { $iface } の先でパケットを別の場所へ送る経路。
cause-watch-accepted = このホストは { $client } に応答しました: SYN-ACK が送信されました
fix-watch-accepted = このホストで変更するものはありません。それでもクライアントが失敗するなら、応答が戻る途中で失われている（途中のステートフルファイアウォールや NAT）か、失敗はハンドシェイクの後に起きています。

## On the client

check-watch-hint = パケットがどこで止まるかを見るには、サーバーで実行: { $cmd }
check-watch-ports = その後もう一度接続してください。送信元ポート（照合用 ID）: { $ports }
