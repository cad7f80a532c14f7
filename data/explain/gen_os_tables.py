#!/usr/bin/env python3
"""Regenerates the operating-system tables `conndoctor explain` reads
(data/explain/os/*.tsv, compiled into the binary).

    python3 data/explain/gen_os_tables.py --wine-po /path/to/wine/po [--out data/explain/os] [--check]

--check writes nothing and exits 1 when a committed table differs from what the
sources on this machine give (a different glibc or Wine version changes them).

Sources, all read from files on this machine (no network):

  glibc.tsv   strerror()/gai_strerror() texts of the connection errors in every
              language glibc ships: /usr/share/locale/*/LC_MESSAGES/libc.mo
              (Debian/Ubuntu package libc-l10n), plus glibc's English msgids and
              the BSD/macOS English texts (FreeBSD lib/libc/gen/errlst.c and
              lib/libc/net/gai_strerror.c; macOS uses the same).
  winsock.tsv Winsock error texts in every language Wine translates: the English
              text of each WSA* id in <wine>/dlls/kernelbase/winerror.mc, looked
              up in <wine>/po/*.po. Wine's texts are its own short wording
              ("Connection refused."), not Microsoft's; the Microsoft wording users
              paste is in patterns.toml, with where each was seen.
  errno.tsv   errno numbers per system: Linux from /usr/include/asm-generic/errno*.h
              and getaddrinfo's EAI_* from /usr/include/netdb.h (package
              linux-libc-dev, libc6-dev); Windows WSA* from <wine>/include/winerror.h and winsock.h;
              libuv's own negative codes (Node.js on Windows) from
              /usr/include/uv/errno.h (package libuv1-dev); BSD/macOS from the
              constant table below (FreeBSD sys/sys/errno.h, Apple xnu
              bsd/sys/errno.h: the same numbers).

Wine's sources: `apt-get source wine` (Debian) or a checkout of
https://gitlab.winehq.org/wine/wine; pass its po/ directory.
"""

import argparse
import gettext
import glob
import os
import re
import sys

# Connection-related errno names and glibc's English text (the msgid).
POSIX = {
    "ECONNREFUSED": "Connection refused",
    "ETIMEDOUT": "Connection timed out",
    "EADDRNOTAVAIL": "Cannot assign requested address",
    "EHOSTUNREACH": "No route to host",
    "ENETUNREACH": "Network is unreachable",
    "ECONNRESET": "Connection reset by peer",
    "EMFILE": "Too many open files",
    "ENFILE": "Too many open files in system",
    "EADDRINUSE": "Address already in use",
    "ECONNABORTED": "Software caused connection abort",
    "EPIPE": "Broken pipe",
    "EHOSTDOWN": "Host is down",
    "ENETDOWN": "Network is down",
}
# getaddrinfo errors and glibc's gai_strerror msgids.
EAI = {
    "EAI_NONAME": "Name or service not known",
    "EAI_AGAIN": "Temporary failure in name resolution",
    "EAI_NODATA": "No address associated with hostname",
    "EAI_FAIL": "Non-recoverable failure in name resolution",
}
# FreeBSD/macOS English texts where they differ from glibc's.
BSD_TEXT = {
    "EADDRNOTAVAIL": "Can't assign requested address",
    "ETIMEDOUT": "Operation timed out",
    "EAI_NONAME": "nodename nor servname provided, or not known",
    "EAI_AGAIN": "Temporary failure in name resolution",
    "EAI_FAIL": "Non-recoverable failure in name resolution",
}
# FreeBSD sys/sys/errno.h = Apple xnu bsd/sys/errno.h (the 4.4BSD numbering).
BSD_ERRNO = {
    "EPIPE": 32, "EMFILE": 24, "ENFILE": 23, "EADDRINUSE": 48, "EADDRNOTAVAIL": 49,
    "ENETDOWN": 50, "ENETUNREACH": 51, "ECONNABORTED": 53, "ECONNRESET": 54,
    "ETIMEDOUT": 60, "ECONNREFUSED": 61, "EHOSTDOWN": 64, "EHOSTUNREACH": 65,
}
# The Winsock ids that matter for a connection.
WSA = [
    "WSAECONNREFUSED", "WSAETIMEDOUT", "WSAEADDRNOTAVAIL", "WSAEHOSTUNREACH",
    "WSAENETUNREACH", "WSAECONNRESET", "WSAEMFILE", "WSAEADDRINUSE", "WSAECONNABORTED",
    "WSAEHOSTDOWN", "WSAENETDOWN", "WSAHOST_NOT_FOUND", "WSATRY_AGAIN", "WSANO_DATA",
    "WSANO_RECOVERY",
]


def clean(s):
    """One line, no tabs, no trailing sentence dot (the tables are matched as
    substrings, and a pasted message may end anywhere)."""
    s = " ".join(s.replace("\t", " ").split())
    return s.rstrip(".。．")


def glibc_rows(locale_dir):
    rows = []
    for name, msgid in list(POSIX.items()) + list(EAI.items()):
        rows.append(("en", name, msgid, "glibc msgid"))
    for name, text in BSD_TEXT.items():
        rows.append(("en", name, text, "FreeBSD/macOS libc"))
    for mo in sorted(glob.glob(os.path.join(locale_dir, "*", "LC_MESSAGES", "libc.mo"))):
        lang = mo.split(os.sep)[-3]
        with open(mo, "rb") as f:
            cat = gettext.GNUTranslations(f)._catalog
        for name, msgid in list(POSIX.items()) + list(EAI.items()):
            text = cat.get(msgid)
            if text and text != msgid:
                rows.append((lang, name, clean(text), "glibc libc.mo"))
    return rows


def unquote(s):
    return (
        s.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\")
    )


def read_po(path):
    """msgid -> msgstr of a .po file, leaving out fuzzy and untranslated entries."""
    out = {}
    entry = {"fuzzy": False}
    key = None

    def flush():
        mid, mstr = entry.get("msgid"), entry.get("msgstr")
        if mid and mstr and not entry["fuzzy"]:
            out[mid] = mstr

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                flush()
                entry, key = {"fuzzy": False}, None
            elif line.startswith("#,") and "fuzzy" in line:
                entry["fuzzy"] = True
            elif line.startswith("#"):
                continue
            elif line.startswith(("msgid ", "msgstr ", "msgctxt ")):
                key, rest = line.split(" ", 1)
                entry[key] = unquote(rest.strip()[1:-1])
            elif line.startswith('"') and key:
                entry[key] = entry.get(key, "") + unquote(line.strip()[1:-1])
    flush()
    return out


def winsock_rows(wine_po):
    mc = os.path.join(wine_po, os.pardir, "dlls", "kernelbase", "winerror.mc")
    english = {}
    sym = None
    with open(mc, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for i, line in enumerate(lines):
        if line.startswith("SymbolicName="):
            sym = line.split("=", 1)[1].strip()
        elif line.startswith("Language=ENU") and sym in WSA:
            text = []
            for t in lines[i + 1:]:
                if t == ".":
                    break
                text.append(t)
            english[sym] = "\n".join(text) + "\n"
    rows = [("en", s, clean(t), "wine winerror.mc") for s, t in sorted(english.items())]
    for po in sorted(glob.glob(os.path.join(wine_po, "*.po"))):
        lang = os.path.basename(po)[:-3]
        if lang.startswith("en"):
            continue
        cat = read_po(po)
        for s, t in sorted(english.items()):
            tr = cat.get(t)
            if tr and tr != t:
                rows.append((lang, s, clean(tr), "wine po/" + os.path.basename(po)))
    return rows


def defines(path, pattern):
    with open(path, encoding="utf-8") as f:
        return re.findall(pattern, f.read(), re.M)


def errno_rows(wine_po):
    rows = []
    linux = {}
    for h in ("/usr/include/asm-generic/errno-base.h", "/usr/include/asm-generic/errno.h"):
        for n, v in defines(h, r"^#define\s+(E[A-Z]+)\s+(\d+)"):
            linux[n] = int(v)
    for n in POSIX:
        rows.append(("linux", n, linux[n]))
    for n, v in defines("/usr/include/netdb.h", r"^#\s*define\s+(EAI_[A-Z]+)\s+(-\d+)"):
        if n in EAI:
            rows.append(("linux", n, int(v)))
    for n, v in sorted(BSD_ERRNO.items(), key=lambda x: x[1]):
        rows.append(("bsd", n, v))
    inc = os.path.join(wine_po, os.pardir, "include")
    base = int(defines(os.path.join(inc, "winerror.h"), r"^#define\s+WSABASEERR\s+(\d+)")[0])
    # winerror.h has the WSAE* ids, winsock.h the resolver ones (WSAHOST_NOT_FOUND).
    for h in ("winerror.h", "winsock.h"):
        for n, v in defines(os.path.join(inc, h), r"^#define\s+(WSA[A-Z_]+)\s+\(WSABASEERR\s*\+\s*(\d+)\)"):
            if n in WSA:
                rows.append(("windows", n, base + int(v)))
    uv = "/usr/include/uv/errno.h"
    seen = set()
    for n, v in defines(uv, r"^#\s*define\s+UV__(E[A-Z_]+)\s+\((-\d+)\)"):
        # The header lists a platform's own number first for a few names; libuv
        # uses its own (-3xxx, -4xxx) where the platform has none (Windows).
        if (n in POSIX or n in EAI) and n not in seen and int(v) <= -3000:
            seen.add(n)
            rows.append(("libuv", n, int(v)))
    return rows


def write(path, header, rows, check):
    """Writes one table; with check, only compares. Returns whether it was current."""
    rows = sorted(set(rows), key=lambda r: tuple(str(x) for x in r))
    text = "# generated by data/explain/gen_os_tables.py; do not edit\n"
    text += "# " + "\t".join(header) + "\n"
    text += "".join("\t".join(str(x) for x in r) + "\n" for r in rows)
    try:
        with open(path, encoding="utf-8") as f:
            current = f.read() == text
    except FileNotFoundError:
        current = False
    if check:
        print(f"{path}: {'up to date' if current else 'DIFFERS'}", file=sys.stderr)
        return current
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{path}: {len(rows)} rows", file=sys.stderr)
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wine-po", required=True, help="Wine's po/ directory")
    ap.add_argument("--locale-dir", default="/usr/share/locale")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "os"))
    ap.add_argument("--check", action="store_true", help="compare only, exit 1 on a difference")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    text_header = ["lang", "name", "text", "source"]
    ok = all([
        write(os.path.join(a.out, "glibc.tsv"), text_header, glibc_rows(a.locale_dir), a.check),
        write(os.path.join(a.out, "winsock.tsv"), text_header, winsock_rows(a.wine_po), a.check),
        write(os.path.join(a.out, "errno.tsv"), ["os", "name", "number"], errno_rows(a.wine_po), a.check),
    ])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
