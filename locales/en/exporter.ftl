# conndoctor exporter — English messages (the reference locale).
# Placeables hold addresses, file names, module names, networks and examples; they stay untranslated.
# Metric names and their HELP texts are not here: they stay English (Prometheus convention).

## Exporter: start-up and signals

exporter-started-builtin = conndoctor exporter listening on http://{ $addr } — built-in modules { $modules }; allowed targets: loopback only ({ $cidrs }), because no --config was given
exporter-started-file = conndoctor exporter listening on http://{ $addr } — modules { $modules } from { $file }
exporter-allow-loopback = allowed targets: loopback only ({ $cidrs }), any port; an "allow:" section in the configuration opens other hosts
exporter-allow-list = allowed targets: hosts { $hosts }; networks { $cidrs }; ports { $ports }
exporter-allow-any-port = any port
exporter-allow-none = none
exporter-denied-ranges = never probed unless listed explicitly under allow.cidrs: { $ranges } (link-local and cloud metadata addresses)
exporter-limits = at most { $probes } probes at once; probe deadline: the module timeout, or the scrape timeout minus { $offset } s when that is shorter
exporter-public-warning = { $addr } is reachable from other machines: whoever reaches it can make this machine probe the allowed targets
exporter-usage = try: curl 'http://{ $addr }/probe?target=127.0.0.1:22&module=tcp' · full report: add &debug=true · SIGHUP reloads the configuration, Ctrl+C stops
exporter-reloaded = configuration reloaded from { $file }: modules { $modules }
exporter-reload-failed = configuration not reloaded, the running one stays in use: { $detail }
exporter-reload-no-file = SIGHUP received, but there is no --config file to reload
exporter-stopped = exporter stopped
exporter-config-ok = { $file }: the configuration is valid; modules { $modules }
exporter-listen-bad = "{ $detail }" is not an address to listen on (examples: 127.0.0.1:9115, [::1]:9115, localhost:0)
exporter-listen-failed = cannot listen on { $addr }: { $detail }

## Exporter: configuration errors

exporter-config-read = { $file }: cannot read the configuration: { $detail }
exporter-config-syntax = { $file }: not a valid configuration: { $detail }
exporter-config-no-modules = { $file }: no modules are defined; add at least one under "modules:" (for example tcp: {"{"} prober: tcp {"}"})
exporter-config-module-name = { $file }: "{ $module }" is not a valid module name (letters, digits, "_" and "-", at most 64)
exporter-config-prober = { $file }: module "{ $module }": unknown prober "{ $value }" (known: tcp, text, http, https, ws, wss)
exporter-config-timeout = { $file }: module "{ $module }": "{ $value }" is not a valid timeout (examples: 5s, 500ms, 1.5; more than 0, at most 1 hour)
exporter-config-not-for-prober = { $file }: module "{ $module }": "{ $field }" has no meaning for prober { $prober }
exporter-config-path = { $file }: module "{ $module }": path "{ $value }" must start with "/" and hold no spaces, control characters or "#"
exporter-config-bad-value = { $file }: module "{ $module }": { $field } "{ $value }" is empty or holds a line break or control character
exporter-config-header = { $file }: module "{ $module }": "{ $value }" is not a valid header (a name of letters, digits and !#$%&'*+-.^_`|~, and a value on one line)
exporter-config-too-many-headers = { $file }: module "{ $module }": more than { $max } headers
exporter-config-host = { $file }: allow.hosts: "{ $value }" is not a host name or a "*.example.com" pattern
exporter-config-cidr = { $file }: allow.cidrs: "{ $value }" is not an address or a network (examples: 10.0.0.0/8, 192.0.2.7, 2001:db8::/32)
exporter-config-port = { $file }: allow.ports: "{ $value }" is not a port or a port range (examples: 443, "8000-8999")
exporter-config-allow-empty = { $file }: "allow:" lists no hosts and no networks, so every probe would be refused
exporter-config-limit = { $file }: limits.{ $field }: "{ $value }" must be a whole number from 1 to { $max }
exporter-config-offset = { $file }: limits.scrape_timeout_offset: "{ $value }" is not a duration from 0 to 60 s (examples: 0.5s, 500ms, 0)
exporter-config-side-probes = { $file }: module "{ $module }": side_probes connects to ports { $ports }, which allow.ports does not all allow; add them or turn side_probes off

## Exporter: refused requests

exporter-refused-method = only GET is served
exporter-refused-uri = the request URI is longer than { $limit } bytes
exporter-refused-body = requests to the exporter carry no body
exporter-refused-query = malformed query string (bad %-escape, not UTF-8, a parameter given twice, or too many parameters)
exporter-refused-no-target = the "target" parameter is missing (example: /probe?target=127.0.0.1:8080&module=tcp)
exporter-refused-module = unknown module "{ $module }" (configured: { $modules })
exporter-refused-timeout-header = X-Prometheus-Scrape-Timeout-Seconds "{ $value }" is not a positive number of seconds
exporter-refused-bad-target = target "{ $target }" is not valid: { $detail }
exporter-refused-scheme = target { $target } uses { $scheme }://, but module "{ $module }" probes { $prober }
exporter-refused-port = target { $target } is not allowed: port { $port } is not in the allow-list
exporter-refused-host = target { $target } is not allowed: host { $host } is not in the allow-list
exporter-refused-resolved = target { $target } is not allowed: { $host } is not a listed host, and it does not resolve to addresses inside the allowed networks
exporter-refused-address = target { $target } is not allowed: { $addr } is outside the allowed networks
exporter-refused-denied = target { $target } is not allowed: it is a link-local or cloud metadata address ({ $range }); list it under allow.cidrs to probe it
exporter-refused-unspecified = target { $target } is not allowed: { $addr } is the unspecified address, which reaches this machine itself
exporter-refused-busy = too many probes at once (limit { $limit }); try again later
exporter-not-found = not found: the exporter serves /probe, /metrics, /-/healthy, /-/ready and POST /-/reload
exporter-index = conndoctor exporter: /probe?target=…&module=… probes a target (add &debug=true for the full report, &format=json for JSON); /metrics shows the exporter's own metrics

## Exporter: debug output

exporter-debug-module = module { $module } (prober { $prober }), deadline { $seconds } s
exporter-debug-unfinished = the check did not finish within its deadline
exporter-debug-metrics = Metrics returned for this probe:

## Exporter: blackbox_exporter compatibility

exporter-refused-method-post = this endpoint requires a POST request
exporter-healthy = Healthy
exporter-ready = Ready
exporter-config-prober-unsupported = { $file }: module "{ $module }": prober "{ $value }" of blackbox_exporter is not available in conndoctor (it probes tcp and http, and text, https, ws, wss)
exporter-config-unsupported = { $file }: module "{ $module }": { $field } (a blackbox_exporter option) is not supported by conndoctor; remove it (README: "What stays stricter than blackbox_exporter")
exporter-config-unknown-field = { $file }: module "{ $module }": unknown field "{ $field }" in { $block } (known: { $known })
exporter-config-status = { $file }: module "{ $module }": valid_status_codes: "{ $value }" is not an HTTP status code (100 to 599)
exporter-config-http-version = { $file }: module "{ $module }": valid_http_versions lists { $value }, but conndoctor speaks HTTP/1.1 only; add "HTTP/1.1"
exporter-config-method = { $file }: module "{ $module }": method "{ $value }": conndoctor probes with GET only, so that a scrape never changes anything on the target
exporter-config-redirects = { $file }: module "{ $module }": conndoctor does not follow redirects (a redirect could lead to a target the allow-list refuses); remove follow_redirects or set no_follow_redirects: true
exporter-config-ip-protocol = { $file }: module "{ $module }": preferred_ip_protocol "{ $value }" must be ip4 or ip6
exporter-config-steps = { $file }: module "{ $module }": query_response has more than { $max } steps
exporter-config-step = { $file }: module "{ $module }": a query_response step needs expect or send
exporter-config-regex = { $file }: module "{ $module }": "{ $value }" is not a valid regular expression (or longer than 1024 characters)
exporter-config-send = { $file }: module "{ $module }": send "{ $value }" must be one line of at most 1024 bytes, without ${"{"}…{"}"} references
exporter-timeout-offset-bad = --timeout-offset "{ $value }" is not a number of seconds from 0 to 60 (example: 0.5)
