# conndoctor exporter — 日本語メッセージ（locales/en/exporter.ftl と同じ id）。
# プレースホルダーのアドレス、ファイル名、モジュール名、ネットワーク、例は翻訳しません。
# メトリクス名とその HELP テキストはここにはありません（Prometheus の慣習どおり英語のまま）。

## Exporter: start-up and signals

exporter-started-builtin = conndoctor exporter は http://{ $addr } で待ち受けています — 組み込みモジュール { $modules }。--config が指定されていないため、許可する対象はループバックのみ（{ $cidrs }）
exporter-started-file = conndoctor exporter は http://{ $addr } で待ち受けています — モジュール { $modules }（{ $file } から）
exporter-allow-loopback = 許可する対象：ループバックのみ（{ $cidrs }）、全ポート。他のホストを調べるには設定に "allow:" セクションを追加してください
exporter-allow-list = 許可する対象：ホスト { $hosts }、ネットワーク { $cidrs }、ポート { $ports }
exporter-allow-any-port = 全ポート
exporter-allow-none = なし
exporter-denied-ranges = allow.cidrs に明示しない限り調べないアドレス：{ $ranges }（リンクローカルとクラウドのメタデータアドレス）
exporter-limits = 同時に最大 { $probes } 件のプローブ。プローブの期限：モジュールのタイムアウト、またはスクレイプのタイムアウトから { $offset } 秒引いた値のうち短い方
exporter-public-warning = { $addr } は他のマシンから到達できます。ここに到達できる人は誰でも、このマシンに許可された対象を調べさせることができます
exporter-usage = 試す：curl 'http://{ $addr }/probe?target=127.0.0.1:22&module=tcp' · 完全なレポート：&debug=true を追加 · SIGHUP で設定を再読み込み、Ctrl+C で停止
exporter-reloaded = { $file } から設定を再読み込みしました：モジュール { $modules }
exporter-reload-failed = 設定を再読み込みしませんでした。現在の設定を使い続けます：{ $detail }
exporter-reload-no-file = SIGHUP を受け取りましたが、再読み込みする --config ファイルがありません
exporter-stopped = exporter を停止しました
exporter-config-ok = { $file }：設定は有効です。モジュール { $modules }
exporter-listen-bad = "{ $detail }" は待ち受けアドレスではありません（例：127.0.0.1:9115、[::1]:9115、localhost:0）
exporter-listen-failed = { $addr } で待ち受けできません：{ $detail }

## Exporter: configuration errors

exporter-config-read = { $file }：設定を読み込めません：{ $detail }
exporter-config-syntax = { $file }：有効な設定ではありません：{ $detail }
exporter-config-no-modules = { $file }：モジュールが定義されていません。"modules:" の下に少なくとも 1 つ追加してください（例：tcp: {"{"} prober: tcp {"}"}）
exporter-config-module-name = { $file }："{ $module }" は有効なモジュール名ではありません（英字、数字、"_"、"-"、最大 64 文字）
exporter-config-prober = { $file }：モジュール "{ $module }"：不明なプローバー "{ $value }"（使用可能：tcp、text、http、https、ws、wss）
exporter-config-timeout = { $file }：モジュール "{ $module }"："{ $value }" は有効なタイムアウトではありません（例：5s、500ms、1.5。0 より大きく、最大 1 時間）
exporter-config-not-for-prober = { $file }：モジュール "{ $module }"："{ $field }" はプローバー { $prober } では意味がありません
exporter-config-path = { $file }：モジュール "{ $module }"：パス "{ $value }" は "/" で始まり、空白、制御文字、"#" を含まない必要があります
exporter-config-bad-value = { $file }：モジュール "{ $module }"：{ $field } "{ $value }" が空か、改行や制御文字を含んでいます
exporter-config-header = { $file }：モジュール "{ $module }"："{ $value }" は有効なヘッダーではありません（名前は英字、数字、!#$%&'*+-.^_`|~ のみ、値は 1 行）
exporter-config-too-many-headers = { $file }：モジュール "{ $module }"：ヘッダーが { $max } 個を超えています
exporter-config-host = { $file }：allow.hosts："{ $value }" はホスト名でも "*.example.com" 形式のパターンでもありません
exporter-config-cidr = { $file }：allow.cidrs："{ $value }" はアドレスでもネットワークでもありません（例：10.0.0.0/8、192.0.2.7、2001:db8::/32）
exporter-config-port = { $file }：allow.ports："{ $value }" はポートでもポート範囲でもありません（例：443、"8000-8999"）
exporter-config-allow-empty = { $file }："allow:" にホストもネットワークもないため、すべてのプローブが拒否されます
exporter-config-limit = { $file }：limits.{ $field }："{ $value }" は 1 から { $max } までの整数でなければなりません
exporter-config-offset = { $file }：limits.scrape_timeout_offset："{ $value }" は 0〜60 秒の時間ではありません（例：0.5s、500ms、0）
exporter-config-side-probes = { $file }：モジュール "{ $module }"：side_probes はポート { $ports } に接続しますが、allow.ports はそのすべてを許可していません。ポートを追加するか side_probes をオフにしてください

## Exporter: refused requests

exporter-refused-method = GET のみ受け付けます
exporter-refused-uri = リクエスト URI が { $limit } バイトを超えています
exporter-refused-body = exporter へのリクエストに本文は付けられません
exporter-refused-query = クエリ文字列が不正です（% エスケープの誤り、UTF-8 でない、パラメーターの重複、またはパラメーターが多すぎる）
exporter-refused-no-target = "target" パラメーターがありません（例：/probe?target=127.0.0.1:8080&module=tcp）
exporter-refused-module = 不明なモジュール "{ $module }"（設定済み：{ $modules }）
exporter-refused-timeout-header = X-Prometheus-Scrape-Timeout-Seconds "{ $value }" は正の秒数ではありません
exporter-refused-bad-target = 対象 "{ $target }" は無効です：{ $detail }
exporter-refused-scheme = 対象 { $target } は { $scheme }:// を使っていますが、モジュール "{ $module }" は { $prober } を調べます
exporter-refused-port = 対象 { $target } は許可されていません：ポート { $port } は許可リストにありません
exporter-refused-host = 対象 { $target } は許可されていません：ホスト { $host } は許可リストにありません
exporter-refused-resolved = 対象 { $target } は許可されていません：{ $host } は許可リストにあるホストではなく、許可されたネットワーク内のアドレスにも解決されません
exporter-refused-address = 対象 { $target } は許可されていません：{ $addr } は許可されたネットワークの外です
exporter-refused-denied = 対象 { $target } は許可されていません：リンクローカルまたはクラウドのメタデータアドレス（{ $range }）です。調べるには allow.cidrs に明示してください
exporter-refused-unspecified = 対象 { $target } は許可されていません：{ $addr } は未指定アドレスで、このマシン自身につながります
exporter-refused-busy = 同時に実行中のプローブが多すぎます（上限 { $limit }）。しばらくしてから再試行してください
exporter-not-found = 見つかりません：exporter が提供するのは /probe、/metrics、/-/healthy、/-/ready、POST /-/reload です
exporter-index = conndoctor exporter：/probe?target=…&module=… で対象を調べます（&debug=true で完全なレポート、&format=json で JSON）。/metrics は exporter 自身のメトリクスです

## Exporter: debug output

exporter-debug-module = モジュール { $module }（プローバー { $prober }）、期限 { $seconds } 秒
exporter-debug-unfinished = チェックは期限内に終わりませんでした
exporter-debug-metrics = このプローブで返すメトリクス：

## Exporter: blackbox_exporter compatibility

exporter-refused-method-post = このエンドポイントには POST リクエストが必要です
exporter-healthy = 正常
exporter-ready = 準備完了
exporter-config-prober-unsupported = { $file }：モジュール "{ $module }"：blackbox_exporter のプローバー "{ $value }" は conndoctor にはありません（使用可能：tcp と http、および text、https、ws、wss）
exporter-config-unsupported = { $file }：モジュール "{ $module }"：blackbox_exporter のオプション { $field } は conndoctor では使えません。削除してください（README「blackbox_exporter より厳しい点」）
exporter-config-unknown-field = { $file }：モジュール "{ $module }"：{ $block } に不明なフィールド "{ $field }" があります（使用可能：{ $known }）
exporter-config-status = { $file }：モジュール "{ $module }"：valid_status_codes："{ $value }" は HTTP ステータスコード（100〜599）ではありません
exporter-config-http-version = { $file }：モジュール "{ $module }"：valid_http_versions は { $value } ですが、conndoctor は HTTP/1.1 のみ話します。"HTTP/1.1" を加えてください
exporter-config-method = { $file }：モジュール "{ $module }"：method "{ $value }"：スクレイプが対象を変更しないよう、conndoctor は GET でのみ検査します
exporter-config-redirects = { $file }：モジュール "{ $module }"：conndoctor はリダイレクトをたどりません（許可リストが拒否する対象に導かれうるため）。follow_redirects を削除するか no_follow_redirects: true にしてください
exporter-config-ip-protocol = { $file }：モジュール "{ $module }"：preferred_ip_protocol "{ $value }" は ip4 か ip6 にしてください
exporter-config-steps = { $file }：モジュール "{ $module }"：query_response のステップが { $max } を超えています
exporter-config-step = { $file }：モジュール "{ $module }"：query_response の各ステップには expect か send が必要です
exporter-config-regex = { $file }：モジュール "{ $module }"："{ $value }" は正しい正規表現ではありません（または 1024 文字を超えています）
exporter-config-send = { $file }：モジュール "{ $module }"：send "{ $value }" は 1 行・1024 バイト以内で、${"{"}…{"}"} 参照を含まないものにしてください
exporter-timeout-offset-bad = --timeout-offset "{ $value }" は 0〜60 の秒数ではありません（例：0.5）
