# The HTML report (check --html): page texts, the steps of the path and their states.

## page
html-title = conndoctor レポート
html-title-target = conndoctor: { $target }
html-generated = conndoctor { $version } が作成。このページはネットワークから何も読み込みません。
html-batch-summary = { $total } 件を確認、{ $failed } 件が失敗
html-contents = 対象
html-path = クライアントからサーバーまでの経路

## steps of the path
html-step-client = このクライアント
html-step-dns = DNS
html-step-proxy = プロキシ / CDN
html-step-network = ネットワーク経路
html-step-firewall = サーバーのファイアウォール
html-step-listener = 待ち受けポート
html-step-protocol = プロトコル

## step states
html-state-ok = 成功
html-state-fail = ここで失敗
html-state-warn = 警告
html-state-skip = 未到達
html-state-off = 未確認

## sections
html-fails-at = 失敗した段階: { $step }
html-works = 経路のすべての段階が動作しています。
html-seen = 確認した内容
html-step-empty = この段階で表示するものはありません
html-cause-step = 段階: { $step }
check-cdn = CDN

## command line
help-html = レポートを単独で完結した HTML ページとして FILE にも書き出します（"-": テキストレポートの代わりに標準出力へ）。
input-bad-html = HTML レポートを書き込めません: { $detail }
