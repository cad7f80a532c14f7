# The HTML report (check --html): page texts, the steps of the path and their states.

## page
html-title = conndoctor report
html-title-target = conndoctor: { $target }
html-generated = Made by conndoctor { $version }. This page loads nothing from the network.
html-batch-summary = { $total } targets checked, { $failed } failing
html-contents = Targets
html-path = The path from the client to the server

## steps of the path
html-step-client = This client
html-step-dns = DNS
html-step-proxy = Proxy / CDN
html-step-network = Network path
html-step-firewall = Server firewall
html-step-listener = Listener
html-step-protocol = Protocol

## step states
html-state-ok = passed
html-state-fail = fails here
html-state-warn = warning
html-state-skip = not reached
html-state-off = not checked

## sections
html-fails-at = Fails at: { $step }
html-works = Every step of the path works.
html-seen = What was seen
html-step-empty = nothing to show at this step
html-cause-step = step: { $step }
check-cdn = CDN

## command line
help-html = Also write the report as one self-contained HTML page to FILE ("-": standard output, instead of the text report).
input-bad-html = cannot write the HTML report: { $detail }
