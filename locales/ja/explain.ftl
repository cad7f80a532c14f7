# conndoctor explain — Japanese (ja). Same ids and variables as locales/en/explain.ftl.
# Placeables hold hosts, ports, URLs, commands and error strings; they stay untranslated.

## Report

explain-title = conndoctor explain
explain-label-symptom = 症状
explain-label-message = 認識結果
explain-label-also = 他の一致
explain-label-says = メッセージの内容
explain-label-line = 該当行
explain-label-causes = 考えられる原因
explain-label-notes = 補足
explain-label-next = 次の手順
explain-family = { $source } [{ $id }]
explain-unknown = conndoctor の知らないメッセージです（既知のメッセージ系統: { $count } 種類）
explain-unknown-hint = このテキストだけでは、conndoctor は何が起きたのか判断できません。接続に関するものなら、下のチェックを実行してください。文言ではなく、ネットワークそのものを調べます。
explain-says-nothing = ホスト、ポート、URL、エラーコードのいずれも含まれていません
explain-field-url = URL { $value }
explain-field-host = ホスト { $value }
explain-field-port = ポート { $value }
explain-field-status = HTTP ステータス { $value }
explain-field-errno = エラー { $value }
explain-ev-said = { $source } の出力: { $excerpt }
explain-value-unknown = 不明

## Symptoms, as read from the message

explain-symptom-ok = 接続は成功している
explain-symptom-refused = 接続拒否: サーバーのマシンは応答したが、そのポートで接続を受け付けるものがなかった
explain-symptom-timeout = 接続タイムアウト: まったく応答がなかった
explain-symptom-unreachable = サーバーに到達できない: サーバーへの経路がない
explain-symptom-addr-not-avail = クライアントが接続用のローカルアドレスまたはポートを確保できなかった
explain-symptom-dns = ホスト名をアドレスに解決できなかった
explain-symptom-reset = 接続はできたが、ハンドシェイク完了前にリセットまたは切断された
explain-symptom-mismatch = 接続はできたが、サーバーはクライアントの想定とは別のプロトコルで動いている
explain-symptom-tls = 接続はできたが、TLS ハンドシェイクまたは証明書の検証に失敗した
explain-symptom-local = このクライアントマシンのリソースが尽きている。サーバー側の問題ではない
explain-symptom-none = 接続がどのように失敗したのか、メッセージからは分からない

## Next step

explain-next-run = クライアントを実行しているマシンで次を実行してください:
explain-next-incomplete = メッセージに接続先の全体が書かれていません。足りない部分を補って実行してください:
explain-next-check-flag = （--check を付ければすぐに実行します）
explain-running = { $cmd } を実行中 …

## Notes

explain-note-status-200 = サーバーは WebSocket のアップグレード要求に通常のページ（200）で応答しました。この URL が通常の Web サーバーやアプリケーションのルートで処理されているか、前段のリバースプロキシが Upgrade ヘッダーと Connection ヘッダーを転送していません。
explain-note-status-400 = アップグレード要求への 400 は、多くの場合、このパスのサーバーが WebSocket サーバーではないか、プロキシが Upgrade ヘッダーを落としたことが原因です。
explain-note-status-401 = 401 は WebSocket サーバーには到達しており、サーバーが認証情報（トークン、Cookie、ヘッダー）を求めていることを示します。ネットワークは正常です。クライアントが送る認証情報を確認してください。
explain-note-status-403 = アップグレード要求への 403 は、ほとんどの場合 Origin チェックによるものです。サーバーは特定のオリジンのページしか受け付けません。サーバー側でページのオリジンを許可するか、クライアントが送る認証情報を確認してください。
explain-note-status-404 = 404 は、HTTP サーバーは応答したものの、このパスには何もないことを示します。クライアントの URL のパスと、サーバー（またはプロキシの location ブロック）が WebSocket を提供しているパスを比べてください。
explain-note-status-426 = 426 Upgrade Required: サーバーは WebSocket へのアップグレードを求めていますが、アップグレード要求を受け取れていません。典型的にはプロキシが Upgrade ヘッダーを削除しています。
explain-note-status-429 = 429 は、サーバーがこのクライアントのリクエストをレート制限していることを示します。接続自体は正常です。時間をおくか、頻度を下げて再試行してください。
explain-note-status-500 = 500 は、アップグレード要求の処理中にサーバー自身のコードが失敗したことを示します。サーバーのログを確認してください。ネットワークは正常です。
explain-note-status-502 = { $status } はリバースプロキシやロードバランサーが返したものです。背後のアプリケーションを利用できない（起動していない、上流のポートが違う）か、WebSocket のアップグレードを転送していません。
explain-note-invalid-http-response = サーバーは WebSocket の要求に HTTP ではないバイト列で応答しました。このポートは別のプロトコルのサーバー（生の TCP、Workerman の text:// のようなテキストプロトコル、データベース、SSH）のものか、TLS を要求しています。
explain-note-closed-before-handshake = サーバーは TCP 接続を受け付けた後、アップグレード要求に応答せずに切断しました。別のプロトコルで動いているか、TLS を要求している（wss:// を使ってください）か、クライアントを拒否しています（接続数制限、IP フィルタ）。
explain-note-bad-handshake = gorilla/websocket は "bad handshake" としか出力しません。どの原因に当たるかは、サーバーが返した HTTP ステータス（多くの場合、その前の行にあります）で分かります。
explain-note-mixed-content = ブラウザが接続開始前にブロックしました。https:// で読み込んだページから開けるのは wss:// の WebSocket だけです。WebSocket を TLS 経由（wss://。たとえばページを配信しているのと同じ nginx 経由）で提供し、その URL を使ってください。
explain-note-tls-to-plain = クライアントは TLS（wss:// または https://）を開始しましたが、サーバーは平文で応答しました。このポートは TLS に対応していません。ws:// か http:// を使うか、サーバーの前段に TLS を置いてください（nginx、またはサーバー自体に証明書を設定）。
explain-note-plain-to-tls = クライアントは TLS を要求するポートに平文（ws:// または http://）で接続しました。このポートには wss:// か https:// を使ってください。
explain-note-http09 = 応答が HTTP のステータス行で始まっていません。このポートは別のプロトコルか、TLS です（https:// を試してください）。
explain-note-generic-browser = ブラウザはあらゆる種類の失敗（拒否、タイムアウト、不正な応答）でこのメッセージを出し、セキュリティ上の理由で原因を隠します。下のチェックで、どれに当たるのかを調べます。
explain-note-generic-client = このクライアントはあらゆる種類の失敗（拒否、タイムアウト、名前解決の失敗、不正な応答）で同じメッセージを出し、どれなのかを示しません。下のチェックで、どれに当たるのかを調べます。
explain-note-interrupted = Firefox は、WebSocket の接続中にページを離れたり再読み込みしたりするとこのメッセージを出します。これ単独なら問題ありません。
explain-note-proxy = ブラウザがプロキシを使う設定になっており、そのプロキシが失敗しています。サーバーより先に、ブラウザやシステムのプロキシ設定（Clash や V2Ray などのプロキシソフトも）を確認してください。
explain-note-connect-0000 = 0.0.0.0 はサーバーがリッスンするためのアドレス（「すべてのインターフェース」）で、クライアントの接続先にはなりません。サーバーの実際のアドレス、同じマシンなら 127.0.0.1 に接続してください。
explain-note-ipv6-loopback = クライアントは IPv6 のループバックアドレス ::1（多くのシステムで「localhost」が最初に解決される先）に接続しようとしました。127.0.0.1 でしかリッスンしていないサーバーにはそこから到達できません。クライアントで 127.0.0.1 を使うか、サーバーを両方でリッスンさせてください。
explain-note-private-address = { $host } はプライベート（内部）アドレスです。同じネットワークの内側か、VPN 経由でしか到達できません。
explain-note-ipv6-unreachable = 接続先は IPv6 アドレスですが、このクライアントには IPv6 の経路がありません。ネットワークが IPv6 に対応していないので、サーバーの IPv4 アドレスを使ってください。
explain-note-fake-ip = { $host } は 198.18.0.0/15 の範囲にあります。これはプロキシソフト（Clash、Surge など）が偽の DNS 応答（Fake IP）に使う範囲で、接続はサーバーではなくプロキシに向かいます。
explain-note-host-is-url = ホスト名に "://" や "/" が含まれています。ホスト名だけを書くべきところに URL 全体が指定されています。
explain-note-ehostunreach = "No route to host" は、ファイアウォールの "reject with icmp-host-prohibited" ルール（firewalld や多くの iptables 設定のデフォルト）でも発生します。経路だけでなく、サーバーのファイアウォールも確認してください。
explain-note-fast-failure = 接続の試行は 1 秒もかからずに失敗しました。サーバーのマシンが拒否を返したということで、ポートが閉じているか、ファイアウォールが reject しているときの挙動です。
explain-note-connect-call-failed = asyncio は "Connect call failed" としか出力しません。他のエラーコードがなければ、ほぼ確実に接続拒否です。
explain-note-server-side = これはクライアントの接続失敗ではなく、サーバーの起動失敗です。このマシンが持っていないアドレスにバインドしようとしています（クラウドサーバーでは通常、パブリック IP はマシン上にありません）。代わりに 0.0.0.0 にバインドしてください。
explain-note-address-in-use = これはサーバーの起動失敗です。別のプロセスが既にこのポートをリッスンしています（同じサーバーの古いプロセスであることが多い）。それを停止するか、別のポートを選んでください（ss -ltnp で使用中のプロセスが分かります）。

## Input errors

explain-input-empty = メッセージが指定されていません。エラーテキストを引数として（引用符で囲んで）渡すか、標準入力にパイプしてください
explain-input-unreadable = 標準入力を読み取れませんでした: { $detail }
explain-input-truncated = メッセージが { $max } バイトを超えているため、先頭部分だけを読み込みました。
explain-input-example = 例: conndoctor explain "connect ECONNREFUSED 127.0.0.1:8282" · my-client 2>&1 | conndoctor explain
explain-check-needs-target = --check には完全な接続先が必要ですが、メッセージに含まれていません。アドレスとポートを指定して、conndoctor check を自分で実行してください
