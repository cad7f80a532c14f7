# conndoctor — Japanese (ja). Same ids and variables as locales/en/conndoctor.ftl.
# Placeables hold addresses, ports, commands and config lines; they stay untranslated.
# Terms: リッスン, 接続拒否, 接続タイムアウト, ローカルポート, accept キュー,
# ループバックアドレス, ファイルディスクリプタ, 名前解決, リゾルバ, 再送.

## Command line

app-error = エラー
input-empty = 接続先が指定されていません
input-whitespace = 接続先に空白が含まれています。アドレスか URL を 1 つだけ指定してください
input-control = 接続先に制御文字 (NUL や DEL など) が含まれています。アドレスか URL を 1 つだけ指定してください
input-unknown-scheme = 不明なスキーム「{ $detail }://」です（対応: ws, wss, http, https, tcp, text, websocket）
input-missing-host = 接続先にホスト名またはアドレスがありません
input-bad-host = 「{ $detail }」は有効なホスト名でも IP アドレスでもありません
input-missing-port = 接続先にポートがなく、このスキームにはデフォルトポートもありません
input-bad-port = 「{ $detail }」は有効なポート番号ではありません（1–65535）
input-bad-timeout = 「{ $detail }」は有効な時間指定ではありません（例: 3s, 500ms, 1.5）
input-bad-header = 「{ $detail }」は有効なヘッダーではありません。「Name: value」の形式で指定してください
input-bad-token = 「{ $detail }」は有効なトークンではありません（英数字のみ）
input-bad-ip = 「{ $detail }」は IP アドレスではありません（--expect-ip には 203.0.113.7 や 2001:db8::7 のようなアドレスを指定します）
input-bad-file = 接続先リストを読み込めません: { $detail }
input-bad-line = { $line } 行目（「{ $target }」）: { $detail }
input-bad-concurrency = --concurrency は 1 以上にしてください
input-example = 例: conndoctor check ws://example.com:8282/chat · conndoctor check 203.0.113.7:8282 · conndoctor check websocket://[::1]:8282
lang-fallback = 言語「{ $lang }」にはまだ対応していないため、英語で表示します
error-internal = conndoctor の実行に失敗しました: { $detail }

## Help (--help)

help-about = クライアントがサーバーに接続できない理由と、直すべき点を示します。
help-check-about = 接続先への接続を診断します（ws://, wss://, http://, https://, tcp://, text://, websocket://, host:port）。
help-demo-about = ループバック上で実際のサーバーを起動し、ケースごとの診断結果を表示します。
help-serve-about = 識別トークンを返す参照用サーバー（websocket://, http://, text://, tcp://、TLS も可）を起動します。
help-explain-about = 貼り付けたエラーメッセージ（ブラウザのコンソール、ログ、ターミナル）を解説します: 症状、原因、対処、次に実行するチェック。
help-audit-about = サーバー上で実行: クライアントがこのポートに接続できない理由を調べます（リッスン、プロセス、ファイアウォール、パネル、クラウド、処理能力）。
help-exporter-about = Prometheus エクスポーター（blackbox_exporter の /probe 仕様に準拠）。プローブが失敗した理由をメトリクスで示します。
help-help-about = このメッセージ、または指定したサブコマンドのヘルプを表示します
help-usage = 使い方
help-commands = コマンド
help-arguments = 引数
help-options = オプション
help-examples = 例
help-help = ヘルプを表示します
help-version = バージョンを表示します
help-lang = 出力の言語（en, zh-CN, th, vi, ru, ja, ar）。省略時は LC_ALL, LC_MESSAGES, LANG から決めます。
help-json = テキストのレポートの代わりに JSON オブジェクト（schema 1）を 1 つ出力します。
help-target = クライアントの接続先: ws://host:port/path, host:port, [v6]:port など（複数指定するとバッチ処理）
help-file = 接続先をファイルから 1 行に 1 つずつ読み込みます。# 以降はコメント（「-」なら標準入力から読み込み）。
help-concurrency = バッチ処理: 同時に確認する接続先の数（ファイルディスクリプタの上限に合わせて下げます）[デフォルト: { $default }]
help-timeout = 全体の制限時間。例: 3s, 500ms, 1.5（秒）[デフォルト: 3s、demo は 1s]
help-no-side-probes = メインの接続を待つ間に、接続先の他のポートを調べません。
help-origin = WebSocket アップグレードで送る Origin ヘッダー（ブラウザのページが送るのと同じもの）。
help-subprotocol = 要求する Sec-WebSocket-Protocol。
help-header = 追加のリクエストヘッダー「Name: value」（複数指定可）。
help-insecure = 証明書に問題があっても続行し、問題は警告として報告します。
help-expect-token = conndoctor serve が表示したトークン。クライアントがまさにそのサーバーに届いたことを確かめます。
help-expect-ip = サーバーのものだと思うアドレス（複数指定可）。DNS の答えが異なれば報告します。
help-no-trace = 接続に応答がないとき、TTL を制限した SYN で経路を調べません。
help-serve-listen = リッスンするアドレス。Workerman のリッスン設定と同じ書き方です: websocket://0.0.0.0:8282, http://0.0.0.0:8080, text://[::]:5678
help-serve-tls = TLS で提供します（wss://, https://）。--cert/--key がなければ自己署名証明書を使います。
help-serve-cert = --tls で使う PEM 形式の証明書チェーン。
help-serve-key = --tls で使う PEM 形式の秘密鍵。
help-serve-token = 応答に使う識別トークン（デフォルト: ランダム）。
help-serve-strict-path = WebSocket: LISTEN に書いたパスと完全に一致する場合だけアップグレードします（それ以外は 404）。
help-serve-allow-origin = WebSocket: この値以外の Origin には 403 を返します。
help-explain-message = エラーメッセージ（引用符で囲んでください）。省略するか「-」を指定すると標準入力から読み込みます。
help-explain-check = 提案された conndoctor check をすぐに実行します。
help-explain-timeout = --check で実行するチェックの制限時間。例: 3s, 500ms, 1.5 [デフォルト: 3s]
help-audit-target = ポート番号、またはサーバーのコードにあるリッスンアドレス（websocket://0.0.0.0:8282）。省略するとすべてのリッスンを調べます。
help-audit-sysroot = 設定とハードウェアの目印（/sys/class/dmi, /etc, パネルのパス）を / ではなく DIR の下から読み込みます。
help-audit-timeout = 制限時間。例: 3s, 500ms, 1.5 [デフォルト: 3s]
help-audit-from = クライアントのアドレス。送信元アドレスで許可・破棄を決めるファイアウォールルールの判定に使います。
## Checklist

check-target = 接続先
check-resolve = 名前解決
check-connect = 接続
check-side = 他のポート
check-listeners = リッスン
check-ports = ローカルポート
check-protocol = プロトコル
check-cross = クロスチェック
check-tls = TLS
check-dns = ネームサーバー
check-hosts = hosts ファイル
check-proxy = プロキシ
check-path = 経路
path-line = { $hops }
tls-established = { $version } ハンドシェイク完了、証明書は有効
tls-established-bad-cert = { $version } ハンドシェイクは完了、ただし証明書が受け入れられない
tls-failed = ハンドシェイク失敗: { $error }
check-cert = 証明書
cert-facts = { $subject }、発行者 { $issuer }、名前: { $names }、有効期限 { $date }（残り日数: { $days }）、チェーン: { $chain }
cert-no-names = なし（subjectAltName がありません）
target-line = { $input } → TCP ポート { $port }
resolve-literal = { $addrs }（アドレスを直接指定）
resolve-system = { $name } → { $addrs }（{ $ms } ms）
resolve-failed = { $name }: { $error }
resolve-error-no-name = その名前は存在しません
resolve-error-no-address = その名前には IPv4 アドレスも IPv6 アドレスもありません
resolve-error-resolver-failure = DNS リゾルバが正常に応答しませんでした
resolve-error-timeout = リゾルバが制限時間内に応答しませんでした
resolve-error-other = 名前解決に失敗しました
attempt-line = { $addr }: { $outcome }、{ $ms } ms
attempt-retransmits = { $count ->
    [0] SYN の再送はまだなし
   *[other] SYN を { $count } 回再送
}
outcome-connected = 接続成功
outcome-refused = 拒否（RST）
outcome-refused-icmp = { $origin } からの ICMP エラーで拒否
outcome-timed-out = 応答なし
outcome-host-unreachable = ホストに到達不能
outcome-net-unreachable = ネットワークに到達不能
outcome-addr-not-available = 使用可能なローカルポートなし
outcome-fd-exhausted = ファイルディスクリプタ不足
outcome-other = エラー: { $message }
side-line = { $ip }: { $answers }
side-nothing = { $ip }: 他のポートも応答なし（{ $ports }）
listeners-none = このマシンでポート { $port } をリッスンしているものはありません
listeners-some = ポート { $port } は { $addrs } にバインドされています
listeners-remote = { $ip } は別のマシンです。リッスン状況はそのマシン上でしか確認できません（conndoctor audit）
ports-line = { $dst } 宛ての接続がローカルポート { $size } 個中 { $used } 個を使用中

## Verdicts

verdict-ok = 接続は正常です
verdict-refused = 接続が拒否されました
verdict-timeout = 接続がタイムアウトしました
verdict-unreachable = サーバーに到達できません
verdict-addr-not-avail = 要求されたアドレスを割り当てられません（ローカルポートが枯渇）
verdict-dns = DNS の問題: 名前が解決できないか、正しいサーバーに解決されません
verdict-local = このクライアントマシンから接続を開始できませんでした
verdict-reset = サーバーが接続を受け付けた直後に切断しました
verdict-mismatch = 接続できましたが、サーバーは別のプロトコルで動いています
verdict-tls = 接続できましたが、TLS に失敗しました
label-causes = 原因
label-warnings = 対処推奨
label-fix = 対処
confidence-high = 確度: 高
confidence-medium = 確度: 中
confidence-low = 確度: 低
summary-time = 診断時間 { $ms } ms

## Causes: titles (cause-*) and fixes (fix-*)

cause-refused-not-listening = { $addr } で接続を受け付けているものがありません
fix-refused-not-listening = サーバーを起動し、ポート { $port } をリッスンしているか確認してください（サーバー上で: ss -ltnp | grep :{ $port }）。別のポートで動いている場合は、クライアントの接続先をそのポートに変更してください。
cause-refused-loopback-only = サーバーがループバックアドレス（{ $bound }）でしかリッスンしていないため、{ $addr } への接続は拒否されます
fix-refused-loopback-only = サーバーのリッスンアドレスを 127.0.0.1 ではなく 0.0.0.0（全 IPv4 アドレス）または [::] にして（Workerman なら websocket://0.0.0.0:{ $port }）、サーバーを再起動してください。
cause-refused-other-address = サーバーは { $addr } ではなく別のアドレス（{ $bound }）でリッスンしています
fix-refused-other-address = 0.0.0.0（またはクライアントが使うアドレス）でリッスンするか、サーバーがバインドしているアドレスに接続してください。
cause-refused-family-mismatch = { $working } には接続できるのに { $failed } は失敗します。サーバーが一方の IP バージョンでしかリッスンしていません
fix-refused-family-mismatch = サーバーを IPv4 と IPv6 の両方でリッスンさせる（例: デュアルスタックで [::]）か、クライアントに接続できる方のアドレスを使わせてください（例: localhost ではなく 127.0.0.1）。
cause-refused-firewall-reject = ファイアウォールが { $addr } への接続を拒否しており、サーバーまで届いていません
fix-refused-firewall-reject = 拒否を返したファイアウォールでこのポートを許可してください（そのマシンで nft list ruleset / iptables -S を確認。拒否が別の場所から来ている場合はルーターやクラウドの ACL を確認）。
cause-timeout-filtered = ファイアウォールが { $addr } 宛てのパケットを黙って破棄しています
fix-timeout-filtered = サーバーのファイアウォール、クラウドのセキュリティグループ、ホスティングパネル（BT パネルなど）のファイアウォールのすべてで TCP ポート { $port } を開放してください（例: nft add rule inet filter input tcp dport { $port } accept）。
cause-timeout-host-down = ホスト { $ip } がまったく応答しません。停止しているか、存在しないか、すべてのパケットを破棄しています
fix-timeout-host-down = サーバーが稼働していること、{ $ip } が本当にそのアドレスであること（DNS レコード、入力ミス）を確認してください。稼働しているなら、手前のファイアウォールがすべての通信を破棄しています。
cause-timeout-private-unroutable = { $addr } はプライベート（内部）アドレスで、このクライアントのネットワークからは到達できません
fix-timeout-private-unroutable = サーバーのグローバル IP アドレスかドメインを使うか、先にそのネットワークに参加してください（VPN、同じ LAN）。内部アドレスはそのネットワークの中でしか使えません。
cause-timeout-accept-queue-full = サーバーの accept キューが満杯のため（{ $addr } で { $queued } 件の接続が待機中）、カーネルが新しい接続を破棄しています
fix-timeout-accept-queue-full = サーバープロセスの accept が遅すぎるか、止まっています。CPU 使用率とイベントループを確認し、listen の backlog と net.core.somaxconn を引き上げるか、ワーカープロセスを増やしてください。
cause-unreachable-no-route = このクライアントから { $addr } への経路がありません
fix-unreachable-no-route = このマシンのネットワーク接続とルーティングを確認してください（ip route get { $addr }）。接続していないネットワークのアドレスかもしれません。
cause-unreachable-host = { $addr } に到達できません。そのネットワーク上で該当ホストが応答しません
fix-unreachable-host = サーバーの電源が入っていること、{ $addr } が正しいことを確認してください。同じ LAN 内なら、ケーブル/Wi-Fi と ARP（ip neigh）も確認してください。
cause-addr-not-avail-ephemeral-exhausted = このクライアントは { $dst } 宛てのローカルポートを使い果たしています（範囲 { $lo }–{ $hi }）
fix-addr-not-avail-ephemeral-exhausted = リクエストごとに接続を張らずに接続を再利用し（keep-alive、コネクションプール）、範囲を広げてください: sysctl -w net.ipv4.ip_local_port_range="1024 65535"（永続化するには /etc/sysctl.d/ に記述）。
cause-addr-not-avail-time-wait = { $dst } との閉じた接続 { $count } 件が、TIME_WAIT のままローカルポートを占有しています
fix-addr-not-avail-time-wait = クライアントが TIME_WAIT のポートを再利用できるようにし（sysctl -w net.ipv4.tcp_tw_reuse=1、現在の値は { $reuse }）、net.ipv4.ip_local_port_range を広げ、再接続を繰り返さずに接続を維持してください。
cause-local-fd-exhausted = このクライアントプロセスのファイルディスクリプタが枯渇しています。サーバー側の問題ではありません
fix-local-fd-exhausted = 使っていないソケットを閉じ、上限を引き上げてください。クライアントを起動するシェルで ulimit -n 65535 を実行するか、systemd ユニットに LimitNOFILE= を設定します。
cause-local-outbound-blocked = このマシン自体が { $addr } への発信接続をブロックしています
fix-local-outbound-blocked = ローカルのファイアウォールの送信ルール（nft list ruleset、iptables -S OUTPUT）とセキュリティモジュール（SELinux、AppArmor）に、この宛先をブロックするルールがないか確認してください。
cause-local-connect-error = { $addr } への接続が通常とは異なるエラーで失敗しました
fix-local-connect-error = 下のエラーを調べてください。これはサーバーではなく、このマシンのカーネルが返したものです。
cause-dns-nxdomain = 名前 { $name } は DNS に存在しません
fix-dns-nxdomain = { $name } の綴りと、ドメインが登録済みでレコードがあることを確認してください。
cause-dns-no-address = 名前 { $name } は存在しますが、アドレスレコードがありません
fix-dns-no-address = { $name } の DNS プロバイダで A（IPv4）または AAAA（IPv6）レコードを追加してください。
cause-dns-resolver-failure = DNS リゾルバが { $name } について応答できませんでした（ネームサーバー: { $servers }）
fix-dns-resolver-failure = /etc/resolv.conf のネームサーバーとこのマシンのネットワークを確認し、別のリゾルバで再試行してください。
cause-mismatch-ws-to-http = WebSocket クライアントが通常の HTTP サーバーに接続しています。101 Switching Protocols ではなく { $status }{ $server ->
    [none] {""}
   *[other] （Server: { $server }）
}が返されました
fix-mismatch-ws-to-http = クライアントの接続先を WebSocket のポートにするか、このポートで WebSocket を提供してください（Workerman: new Worker('websocket://0.0.0.0:{ $port }')）。ブラウザではこの状況が "Unexpected response code: { $code }" と表示されます。
cause-mismatch-ws-to-non-http = WebSocket クライアントが HTTP を話さないサーバーに接続しています（受信内容: { $bytes }）
fix-mismatch-ws-to-non-http = このポートでは別のプロトコル（text や独自の TCP プロトコル）が動いています。WebSocket クライアントをサーバーの websocket:// ポートに接続するか、サーバーのリッスン設定を websocket://0.0.0.0:{ $port } に変更してください。ブラウザではこの状況が ERR_INVALID_HTTP_RESPONSE と表示されます。
cause-mismatch-http-to-ws = HTTP クライアントが WebSocket 専用サーバーに接続しています{ $status ->
    [none] {""}
   *[other] （{ $status }）
}
fix-mismatch-http-to-ws = WebSocket クライアント（ws:// または wss://）で接続するか、別のポートで通常の HTTP を提供してください（Workerman: new Worker('http://0.0.0.0:PORT')）。
cause-mismatch-http-to-non-http = HTTP クライアントが HTTP を話さないサーバーに接続しています（受信内容: { $bytes }）
fix-mismatch-http-to-non-http = このポートでは別のプロトコル（{ $speaks ->
    [http] HTTP
    [tls] TLS
    [ssh] SSH
    [smtp] SMTP
    [ftp] FTP
    [redis] Redis
    [mysql] MySQL
    [text] テキストプロトコル
    [binary] バイナリプロトコル
   *[other] { $speaks }
}）が動いています。サーバーの HTTP ポートを使うか、そのプロトコルに対応したクライアントを使ってください。
cause-mismatch-text-to-http = text プロトコルのクライアントが HTTP サーバーに接続しています（{ $status }{ $server ->
    [none] {""}
   *[other] 、Server: { $server }
}）
fix-mismatch-text-to-http = サーバーの text:// ポートを使うか、このポートには HTTP で接続してください。
cause-mismatch-tls-to-plain = クライアントは TLS を使っていますが、{ $addr } は平文で通信しています。代わりに { $plain } を使ってください
fix-mismatch-tls-to-plain = クライアントで { $plain } を使うか、サーバーの前段に TLS を置いてください。リバースプロキシ（nginx の "listen 443 ssl" と 127.0.0.1:{ $port } への proxy_pass）か、Workerman の transport = 'ssl' と証明書を使います。
cause-mismatch-plain-to-tls = クライアントは平文で通信していますが、{ $addr } は TLS を要求しています。代わりに { $secure } を使ってください
fix-mismatch-plain-to-tls = クライアントで { $secure } を使う（ws:// → wss://、http:// → https://）か、サーバーの TLS なしのポートに接続してください。
cause-mismatch-ws-path = WebSocket のパス { $path } はこのサーバーでは正しくありません
fix-mismatch-ws-path = サーバーが処理するパス（{ $working }）を使ってください。前段に nginx がある場合は、location ブロックが { $path } に一致しているか確認してください。
cause-mismatch-ws-origin = サーバーが Origin { $origin } を拒否しています
fix-mismatch-ws-origin = ページのオリジンをサーバーの許可オリジン（または CORS/Origin チェック）に追加するか、許可されたオリジンからページを読み込んでください。
cause-mismatch-proxy-no-upgrade = リバースプロキシ{ $server ->
    [none] {""}
   *[other] （{ $server }）
}がアップグレード要求に { $status } を返しました。WebSocket を転送していません
fix-mismatch-proxy-no-upgrade = プロキシの location ブロックに proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade"; を追加し、設定を再読み込みしてください（nginx -s reload）。
cause-mismatch-silent-server = サーバーは接続を受け付けましたが、{ $ms } ms 以内に有効な応答を返しませんでした
fix-mismatch-silent-server = サーバーが別のもの（別のプロトコルや、クライアントから先に送られるはずの最初のメッセージ）を待っているか、イベントループが止まっています。サーバーのプロトコルとログを確認してください。
cause-reset-after-connect = { $addr } は接続を受け付けたものの、応答する前に切断しました
fix-reset-after-connect = サーバーのログを確認してください。このプロトコルやクライアントの IP を拒否している、接続数の上限に達している、リクエストの処理中にクラッシュしている、などが考えられます。接続をリセットするファイアウォールや IPS でも同じことが起こります。
cause-tls-cert-expired = { $host } の証明書は有効期限が切れています（またはまだ有効期間前です）
fix-tls-cert-expired = 証明書を更新し（例: certbot renew）、サーバーに再読み込みさせてください。サーバーの時刻も確認してください。
cause-tls-cert-name = 証明書が名前 { $host } をカバーしていません
fix-tls-cert-name = { $host } を含む証明書（subjectAltName）を取得するか、証明書がカバーしている名前で接続してください。
cause-tls-cert-untrusted = { $kind ->
    [self-signed] { $host } の証明書は自己署名です。明示的に信頼させない限り、どのクライアントも信頼しません
   *[other] { $host } の証明書は、クライアントが信頼していない発行者によるものです
}
fix-tls-cert-untrusted = { $kind ->
    [self-signed] テスト環境ならクライアントでこの証明書を信頼させてください（ここでは --insecure も使えます）。より良いのは、rustls/webpki クライアントが求めるとおり CA:TRUE を付けず、名前を subjectAltName に入れて作り直すことです: openssl req -x509 -newkey rsa:2048 -nodes -subj /CN={ $host } -addext "subjectAltName={ $san }" -addext "basicConstraints=critical,CA:FALSE" -keyout key.pem -out cert.pem。本番では公的な CA（Let's Encrypt）を使ってください。
   *[other] 公的な CA（例: Let's Encrypt）の証明書を中間証明書も含めて使うか、発行元の CA をクライアントのトラストストアに追加してください。テスト時は --insecure で検証を飛ばせます。
}
cause-tls-handshake = { $host } との TLS ハンドシェイクに失敗しました
fix-tls-handshake = このポートが新しいバージョン（TLS 1.2/1.3）の TLS を証明書付きで提供しているか確認してください。下のエラーはハンドシェイク中に発生したものです。
cause-tls-cert-chain-incomplete = { $host } は { $issuer } の中間証明書を付けずに自分の証明書だけを送っています
fix-tls-cert-chain-incomplete = 証明書単体ではなくチェーン全体を設定してください: nginx は ssl_certificate に fullchain.pem（certbot）、Apache は SSLCertificateFile にチェーンを連結、Workerman は local_cert = fullchain.pem。{ $issuer } が自前の CA なら、代わりにクライアントのトラストストアに追加してください。
cause-tls-cert-usage = { $host } の証明書は TLS サーバー用ではありません
fix-tls-cert-usage = サーバー証明書を発行してください: basicConstraints CA:FALSE と extendedKeyUsage serverAuth（openssl: -addext "basicConstraints=critical,CA:FALSE" -addext "extendedKeyUsage=serverAuth"）。CA 証明書やクライアント専用の証明書はサーバー証明書としてクライアントに拒否されます。
cause-tls-version-old = { $host } は { $version } しか話さず、現在のクライアントはそれを受け付けません
fix-tls-version-old = サーバーで TLS 1.2 と 1.3 を有効にしてください（nginx: ssl_protocols TLSv1.2 TLSv1.3、OpenSSL ベースのサーバー: -tls1/-tls1_1 や MinProtocol=TLSv1 を外す）。または TLS ライブラリを更新してください。ブラウザ、rustls、Java 17 以降、OpenSSL 3 は既定で TLS 1.0/1.1 を拒否します。
cause-tls-no-shared-cipher = { $host } とクライアントに共通の暗号スイートや鍵交換がありません
fix-tls-no-shared-cipher = サーバーで最新の AEAD スイート（ECDHE と AES-GCM または ChaCha20-Poly1305。nginx なら Mozilla の "intermediate" の ssl_ciphers）を許可し、ECDSA か 2048 ビット以上の RSA の証明書を使ってください。
cause-tls-client-cert-required = { $host } はクライアント証明書（相互 TLS）を要求していますが、クライアントは送っていません
fix-tls-client-cert-required = サーバーが信頼する CA が発行した証明書と鍵をクライアントに設定してください（curl --cert/--key、Node の tls.connect の cert/key、Java のキーストア、ブラウザに取り込んだ .p12）。クライアント認証が不要なら、サーバー側で無効にしてください（nginx: ssl_verify_client off または optional）。
cause-tls-sni-cert = { $host } に誤った証明書が返されています。サーバーはクライアントが送る名前（SNI）で証明書を選んでいます
fix-tls-sni-cert = サーバーでその名前を扱う設定に { $host } の証明書を設定してください（nginx: server_name { $host } の server ブロックとその ssl_certificate、Apache: 該当する VirtualHost）。または、サーバーが想定している名前で接続してください。
cause-refused-wrong-host = クライアントが { $addr } で接続したのは、本来の接続先とは別のサーバーです
fix-refused-wrong-host = クライアントのホストとポート、DNS レコードと hosts ファイル、途中のプロキシやポートフォワーディングを確認してください。起動したサーバーのトークンが返ってきませんでした。
cause-dns-wrong-ip = 名前 { $name } は { $addrs } を指していますが、これは目的のサーバーではありません
fix-dns-wrong-ip = { $name } の DNS の A/AAAA レコード（または hosts ファイルのエントリ）をサーバーのアドレスに直し、TTL が切れるまで待ってください。
cause-dns-hosts-override = hosts ファイルは { $name } を { $hosts } に対応付けていますが、DNS の答えは { $dns } です
fix-dns-hosts-override = /etc/hosts（Windows では C:\Windows\System32\drivers\etc\hosts）の { $name } の行が消し忘れなら、削除または修正してください。他のマシンのクライアントは DNS に従います。
cause-dns-fake-ip = { $name } は { $addr } に解決されました。これはプロキシソフトが割り当てた偽のアドレス（Fake IP）です
fix-dns-fake-ip = プロキシソフト（Clash、mihomo、Surge、sing-box…）が DNS に偽の IP で応答し、接続を横取りしています。このドメインに DIRECT ルールか fake-ip-filter のエントリを追加するか、テスト中はソフトをダイレクトモードに切り替えてください。
cause-proxy-local-software = このクライアント上のプロキシソフトが接続先を変えています（{ $via }）
fix-proxy-local-software = サーバーをプロキシのバイパスリスト（NO_PROXY=host、DIRECT ルール、プロキシアプリの「バイパス」設定）に追加するか、プロキシをオフまたはダイレクトモードにして、もう一度テストしてください。
cause-proxy-auth-required = このクライアントとサーバーの間の HTTP プロキシがユーザー名とパスワードを求めています（407 Proxy Authentication Required）
fix-proxy-auth-required = クライアントにプロキシの認証情報を設定する（例: HTTPS_PROXY=http://ユーザー:パスワード@プロキシ:ポート、またはアプリのプロキシ設定）か、直接つなぐべきサーバーなら NO_PROXY に追加して、もう一度テストしてください。
cause-proxy-cdn-port-not-proxied = { $cdn } はポート { $port } を転送しないため、経由する接続には応答がありません
fix-proxy-cdn-port-not-proxied = CDN が転送するポートを使う（Cloudflare: HTTP は 80, 8080, 8880, 2052, 2082, 2086, 2095、HTTPS は 443, 2053, 2083, 2087, 2096, 8443）か、DNS レコードを「DNS のみ」（グレーの雲）にしてオリジンサーバーに直接接続してください。
cause-proxy-cdn = クライアントとサーバーの間に { $cdn } が入っています
fix-proxy-cdn = 接続先のアドレスはあなたのサーバーではなく CDN のものです。自分の IP を対象にしたサーバーの許可リストやファイアウォールルールは一致しません。CDN の設定（WebSocket 対応、転送するポート）を確認するか、オリジンサーバーに直接接続してください。

## Evidence lines

ev-family-failed = { $addr }: { $outcome ->
    [refused] 拒否
    [timed-out] 応答なし
    [host-unreachable] ホストに到達不能
    [net-unreachable] ネットワークに到達不能
   *[other] 失敗（{ $outcome }）
}
ev-family-connected = { $addr } には接続成功
ev-icmp-error = { $origin } から TCP の応答ではなく ICMP エラー（type { $type }、code { $code }）が返ってきました
ev-icmp-other-origin = 拒否を返したのはサーバー自身ではなく { $origin } です
ev-icmp-not-rst = ポートが閉じているサーバーは ICMP ではなく TCP リセットを返します。これは reject ルールによるものです
ev-no-listener-local = このマシンのソケット一覧に、ポート { $port } をリッスンしているものはありません
ev-listener-but-rst = { $addr } でリッスンしているソケットがあるのに、接続はリセットされました。「reject with tcp reset」ルールの可能性が高いです
ev-listener-elsewhere = ポートは { $bound } にのみバインドされており、{ $addr } は含まれていません
ev-rst-from-target = { $addr } が TCP リセットを返しました。ホストは稼働中で、ポートが閉じています
ev-audit-would-tell = どちらなのかはサーバー上でしか判断できません。サーバーで conndoctor audit { $port } を実行してください
ev-syn-unanswered = { $addr } は { $ms } ms 以内に SYN に応答しませんでした（再送 { $retransmits } 回）
ev-accept-queue = { $addr } の accept キューで { $queued } 件の接続が待機していますが、サーバーが取り出していません
ev-backlog = リッスンソケットの backlog は { $backlog } で、キューには { $queued } 件が入っています。満杯のため、新しい SYN は破棄されます
ev-listen-overflows = 待機中に listen キューがあふれ、カーネルが接続要求を { $count } 件破棄しました（TcpExtListenOverflows）
ev-only-default-route = そのアドレスへの経路はデフォルトルート（{ $iface } の { $gateway } 経由）だけ、つまりインターネット経由です
ev-no-route-at-all = このマシンにはそのアドレスへの経路がまったくありません
ev-private-address = { $addr } はプライベートアドレスの範囲（RFC 1918、CGNAT、IPv6 ULA）に属しています
ev-not-on-local-network = このマシンのどのインターフェースも { $addr } と同じネットワークにありません
ev-side-probes-off = 他のポートは調べていない（--no-side-probes）ため、ホストが停止しているかどうか判別できません
ev-host-answers-elsewhere = { $ip } は他のポートでは応答しています: { $ports }
ev-host-silent = { $ip } は他のポートでも応答しませんでした（{ $ports }）
ev-neighbour-failed = このマシンはローカルネットワーク上で { $addr } を問い合わせましたが（ARP/近隣探索）、応答がありませんでした
ev-router-reported = ルーター { $router } からの通知: { $outcome ->
    [net-unreachable] ネットワークに到達不能
   *[other] ホストに到達不能
}
ev-kernel-reported = このマシンのカーネルからの通知: { $outcome ->
    [net-unreachable] ネットワークに到達不能（経路なし）
   *[other] ホストに到達不能
}
ev-ports-in-use = 使用可能なローカルポート { $size } 個（{ $lo }–{ $hi }）のうち { $used } 個が { $dst } 宛てのソケットに使われています
ev-time-wait = うち { $count } 個が TIME_WAIT、net.ipv4.tcp_tw_reuse = { $reuse }
ev-fd-limit = ファイルディスクリプタの上限: { $soft }（ハードリミット { $hard }）
ev-reply-http = { $request }（{ $transport }）→ HTTP { $status }{ $server ->
    [none] {""}
   *[other] （Server: { $server }）
}
ev-reply-data = { $request }（{ $transport }）→ { $len } バイトのデータ（推定: { $speaks ->
    [http] HTTP
    [tls] TLS
    [ssh] SSH
    [smtp] SMTP
    [ftp] FTP
    [redis] Redis
    [mysql] MySQL
    [text] テキスト
    [binary] バイナリ
   *[other] { $speaks }
}）: { $bytes }
ev-reply-silence = { $request }（{ $transport }）→ { $ms } ms 以内に応答なし
ev-reply-closed = { $request }（{ $transport }）→ サーバーが応答せずに接続を閉じた
ev-reply-reset = { $request }（{ $transport }）→ サーバーが接続をリセットした
ev-reply-too-large = { $request }（{ $transport }）→ レスポンスヘッダーが 16 KiB を超えた
ev-reply-no-connection = { $request }（{ $transport }）→ 再接続できなかった（{ $outcome }）
ev-reply-error = { $request }（{ $transport }）→ { $message }
ev-tls-failed = TLS ハンドシェイクに失敗しました: { $error }
ev-tls-works = 同じポートでの TLS ハンドシェイクは成功します（{ $version }）
ev-bad-accept = 101 応答の Sec-WebSocket-Accept が正しくありません
ev-root-upgrades = / に対する同じアップグレードは成功します
ev-no-origin-upgrades = Origin ヘッダーを付けない同じアップグレードは成功します
ev-upgrade-works = 同じポートへの WebSocket アップグレードは成功します
ev-cdn-header = レスポンスに { $header } が含まれています（{ $cdn }）
ev-cert-not-after = 証明書は { $date } に有効期限が切れました
ev-cert-not-yet-valid = 証明書はまだ有効期間前です
ev-cert-names = 証明書の対象名: { $names }
ev-cert-unknown-issuer = 発行者 { $issuer } はクライアントの信頼済みルートに含まれていません
ev-cert-no-trusted-root = 証明書チェーンが信頼済みのルート証明書にたどり着きません
ev-cert-not-before = この証明書は { $date } からしか有効になりません
ev-cert-no-sni-covers = サーバー名（SNI）なしだとサーバーは別の証明書を送り、そちらは { $host } を含みます: { $names }
ev-cert-ip-no-sni = IP アドレスで接続するとサーバー名（SNI）が送られません。複数の証明書を持つサーバーは既定の証明書を返します
ev-cert-self-signed = 自分自身が発行しています（{ $subject }）: 発行者とサブジェクトが同じです
ev-cert-ca-true = CA として印が付いており（basicConstraints CA:TRUE）、rustls/webpki クライアントは信頼済みでもサーバー証明書としては拒否します
ev-cert-bad-signature = 署名が発行者の鍵で検証できません
ev-cert-chain-one = サーバーは自分の証明書しか送っていません。発行者 { $issuer } は信頼済みのルートではありません
ev-cert-no-server-auth = 拡張鍵用途（extendedKeyUsage）に serverAuth（TLS サーバー）が含まれていません
ev-cert-rejected = 証明書が拒否されました（{ $code }）
ev-cert-no-san = 証明書に名前（subjectAltName）が一つもありません。クライアントはサブジェクト { $subject } を見ません
ev-tls-old-version = サーバーは TLS 1.2/1.3 の ClientHello に { $version } で応答しました
ev-tls-version-refused = サーバーは TLS 1.2 と 1.3 を拒否しました（アラート protocol_version）
ev-tls-alert = サーバーはアラート { $alert } でハンドシェイクを終了しました
ev-tls-client-cert-asked = サーバーはクライアント証明書を要求し（CertificateRequest）、届かなかったので接続を切りました
ev-tls-unrecognized-name = サーバーは SNI で送られた名前 { $host } を知りません（アラート unrecognized_name）
ev-tls-error = { $error }
ev-token-mismatch = conndoctor serve のトークン { $expected } を期待しましたが、{ $got } が返ってきました
ev-ns-answer = ネームサーバー { $server } の応答: { $addrs }（CNAME { $cnames }、TTL { $ttl } 秒）
ev-ns-nxdomain = ネームサーバー { $server } によると、その名前は存在しません（NXDOMAIN）
ev-ns-nodata = ネームサーバー { $server } はその名前を知っていますが、A/AAAA レコードがありません
ev-ns-failure = ネームサーバー { $server } がエラーを返しました: { $rcode }
ev-ns-timeout = ネームサーバー { $server } は { $ms } ms 以内に応答しませんでした
ev-no-nameservers = /etc/resolv.conf にネームサーバーが 1 つも記載されていません
ev-hosts-entry = hosts ファイルはその名前を { $addrs } に対応付けています
ev-expected-ip = 期待値は { $expected } ですが、システムのリゾルバは { $addrs } を返しています
ev-fake-ip = { $addr } は 198.18.0.0/15 の範囲にあります。プロキシソフトが Fake IP 方式の DNS に使う範囲です
ev-tun-route = サーバーへの経路がトンネルインターフェース { $iface } を通っています（プロキシまたは VPN ソフト）
ev-proxy-env = { $var } = { $value } が設定されています。これに従うクライアントはそのプロキシ経由で接続します
ev-proxy-direct = conndoctor はプロキシを使わずに直接接続しました
ev-cdn-range = { $addr } は { $cdn } が公開しているアドレス範囲 { $range } に含まれます（{ $date } 時点のリスト）
ev-cdn-ports = ポート { $port } は CDN が転送するポートの一覧に含まれていません
ev-path-last-hop = SYN はホップ { $ttl }（{ $addr }）まで届いていますが、その先からは応答がありません
ev-path-no-hop = TTL を制限した SYN に、最初のルーターさえ応答しませんでした
ev-path-on-link = サーバーはこのマシンと同じネットワーク上にあり、間にルーターはありませんが、何も応答しませんでした
ev-path-target-answers = サーバーのホストはホップ { $ttl }（{ $addr }）で応答しています
ev-errno = connect() が errno { $errno } で失敗しました: { $message }

## Batch

batch-summary = { $total } 件の接続先を { $secs } 秒で確認、失敗 { $failed } 件
batch-by-symptom = 症状別:
batch-by-cause = 最初の原因別:
batch-slowest = 遅かった接続先:
batch-interrupted = { $signal } で中断しました: { $total } 件中 { $done } 件の接続先を確認済み（上に表示した結果はすべて完全です）
## Serve

serve-listening = { $addr } で { $scheme } を提供中 · トークン { $token }
serve-reachable = 接続先: { $url }
serve-loopback-warning = { $addr } でしかリッスンしていないため、他のマシンからは接続できません。受け付けるには 0.0.0.0:{ $port }（または [::]:{ $port }）を使ってください。
serve-check-hint = クライアントから: { $cmd }
serve-stop-hint = Ctrl-C で停止します。
serve-stopped = 停止しました。
serve-not-local = { $addr } はこのマシンのアドレスではありません（クラウドではパブリック IP は通常 NAT されており、どのインターフェースにも付いていません）。代わりに 0.0.0.0:{ $port } かプライベートアドレスでリッスンしてください（addr-not-avail.bind-not-local）
serve-in-use = ポート { $port } は既に別のプログラムが使用しています（ss -ltnp | grep :{ $port } でどのプログラムか分かります）
serve-permission = 1024 未満のポートには root 権限か CAP_NET_BIND_SERVICE が必要です: { $detail }
serve-needs-address = リッスンアドレスには IP（0.0.0.0、[::]、127.0.0.1 など）か localhost を指定します: { $detail }
serve-failed = 起動できませんでした: { $detail }

## Demo

demo-title = conndoctor デモ: ループバック上の実際のサーバーを実際に診断します
demo-scenario-open = 正常に動作する WebSocket サーバー（conndoctor serve）、識別トークンも確認
demo-scenario-closed = 何もリッスンしていないポート
demo-scenario-loopback = 127.0.0.1 にバインドしたサーバーに 127.0.0.2 経由で接続
demo-scenario-queue = accept をやめたサーバー（accept キューが満杯）
demo-scenario-family = localhost が IPv6 と IPv4 に解決されるが、サーバーは IPv4 でのみリッスン
demo-scenario-ws-http = 通常の HTTP サーバーに接続する WebSocket クライアント
demo-scenario-ws-text = text プロトコルのサーバーに接続する WebSocket クライアント
demo-scenario-tls-plain = 平文の WebSocket ポートに接続する wss:// クライアント
demo-scenario-plain-tls = TLS ポートに接続する ws:// クライアント
demo-scenario-path = サーバーが提供していないパスを要求する WebSocket クライアント
demo-scenario-origin = ページの Origin を拒否する WebSocket サーバー
demo-scenario-wrong-ip = 名前が、期待しているのとは別のアドレスを指している（--expect-ip）
demo-command = コマンド: { $cmd }

## Global options, completions, manual page, argument errors
help-color = 出力に色を付ける条件：auto（端末で、NO_COLOR が未設定のとき）、always、never。
help-completions-about = シェル補完スクリプト（bash、zsh、fish、elvish、powershell）を標準出力に書き出します。
help-man-about = マニュアルページ（roff）を標準出力に書き出します。例：conndoctor man | man -l -
help-completions-shell = 補完を生成するシェル。
help-exporter-listen = HTTP を待ち受けるアドレス（ポート 0：空いているポートを使い、起動時に表示）。
help-exporter-config = YAML 設定：モジュール、許可リスト、上限。指定しない場合：組み込みモジュール tcp、http、https、ws、wss とループバックのターゲットのみ。
help-exporter-check-config = 設定を検証して終了します（0 有効、2 無効）。
clap-unknown-argument = 想定外の引数 '{ $arg }'
clap-invalid-subcommand = 不明なサブコマンド '{ $arg }'
clap-invalid-value = '{ $arg }' の値 '{ $value }' は無効です
clap-missing-value = '{ $arg }' には値が必要です
clap-missing-required = 必須の引数が指定されていません：{ $args }
clap-conflict = '{ $arg }' は '{ $other }' と同時に使えません
clap-missing-subcommand = サブコマンドが必要です
clap-other = 引数が無効です：{ $detail }
clap-possible-values = 指定できる値：{ $values }
clap-tip-subcommand = '{ $name }' のことですか？
clap-tip-argument = '{ $name }' のことですか？
clap-tip-value = '{ $name }' のことですか？
clap-more-info = 詳しくは '--help' を実行してください。

## serve: WebSocket subprotocols
help-serve-subprotocol = WebSocket: 提供するサブプロトコル（複数指定可）。クライアントが求めたもののうち最初に対応するものを選びます。
input-bad-subprotocol = 「{ $detail }」は有効なサブプロトコル名ではありません（英数字と !#$%&'*+-.^_`|~ のみ）
