//! The operating systems' own error texts and numbers, generated from their message
//! catalogues and headers by `data/explain/gen_os_tables.py` (see that script for
//! the sources) and compiled in:
//!
//! - `glibc.tsv`: strerror/gai_strerror texts in every language glibc ships;
//! - `winsock.tsv`: Winsock texts in every language Wine translates;
//! - `errno.tsv`: the errno numbers of Linux, BSD/macOS, Windows (WSA*) and libuv.
//!
//! A catalogue family names the errors whose translated texts it matches (`l10n`);
//! the numbers let a bare `os error 61` or `code: 49` be read on any system.

use std::sync::OnceLock;

pub const GLIBC: &str = include_str!("../../../../data/explain/os/glibc.tsv");
pub const WINSOCK: &str = include_str!("../../../../data/explain/os/winsock.tsv");
pub const ERRNO: &str = include_str!("../../../../data/explain/os/errno.tsv");

/// One translated error text.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub lang: &'static str,
    pub name: &'static str,
    pub text: &'static str,
}

/// One error number on one system.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// `linux`, `bsd` (also macOS), `windows` or `libuv`.
    pub os: &'static str,
    pub name: &'static str,
    pub number: i64,
}

#[derive(Debug, Default)]
pub struct Tables {
    pub texts: Vec<Text>,
    pub numbers: Vec<Number>,
    /// Lines that did not parse; the tests require none.
    pub errors: Vec<String>,
}

fn rows(src: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    src.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

/// Parses the three tables (public for tests that feed broken data).
pub fn parse(glibc: &'static str, winsock: &'static str, errno: &'static str) -> Tables {
    let mut t = Tables::default();
    for (file, src) in [("glibc.tsv", glibc), ("winsock.tsv", winsock)] {
        for (line, cols) in rows(src) {
            match cols.as_slice() {
                [lang, name, text, _source] if !text.trim().is_empty() => {
                    t.texts.push(Text { lang, name, text })
                }
                _ => t
                    .errors
                    .push(format!("{file}:{line}: want lang, name, text, source")),
            }
        }
    }
    for (line, cols) in rows(errno) {
        match cols.as_slice() {
            [os, name, n] => match n.parse() {
                Ok(number) => t.numbers.push(Number { os, name, number }),
                Err(_) => t.errors.push(format!("errno.tsv:{line}: bad number {n:?}")),
            },
            _ => t
                .errors
                .push(format!("errno.tsv:{line}: want os, name, number")),
        }
    }
    t
}

/// The shipped tables, parsed on first use.
pub fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| parse(GLIBC, WINSOCK, ERRNO))
}

impl Tables {
    /// Every translated text (English left out: the catalogue's own families match
    /// the English wording) of the error `name`, without duplicates.
    pub fn translations(&self, name: &str) -> Vec<&'static str> {
        let mut v: Vec<&'static str> = self
            .texts
            .iter()
            .filter(|t| t.name == name && t.lang != "en")
            .map(|t| t.text)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    pub fn knows(&self, name: &str) -> bool {
        self.texts.iter().any(|t| t.name == name) || self.numbers.iter().any(|n| n.name == name)
    }

    /// The error names a number can stand for, on any system. libuv on Unix
    /// reports the negated errno (Node.js `errno: -111`), so a negative number is
    /// also read as the Linux errno it negates.
    pub fn names_of(&self, number: i64) -> Vec<&'static str> {
        let mut v: Vec<&'static str> = self
            .numbers
            .iter()
            .filter(|n| {
                n.number == number || (number < 0 && n.os == "linux" && n.number == -number)
            })
            .map(|n| n.name)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// The number of `name` on `os`.
    pub fn number(&self, os: &str, name: &str) -> Option<i64> {
        self.numbers
            .iter()
            .find(|n| n.os == os && n.name == name)
            .map(|n| n.number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_lines_are_reported_not_fatal() {
        let t = parse(
            "# header\nde\tECONNREFUSED\tVerbindungsaufbau abgelehnt\tglibc\nonly two\tcols\n",
            "ja\tWSAECONNREFUSED\t\twine\n",
            "linux\tECONNREFUSED\t111\nbsd\tECONNREFUSED\tsixty-one\n",
        );
        assert_eq!(t.texts.len(), 1);
        assert_eq!(t.numbers.len(), 1);
        assert_eq!(t.errors.len(), 3, "{:#?}", t.errors);
    }

    #[test]
    fn numbers_are_read_per_system_and_negated_for_libuv() {
        let t = parse(
            "",
            "",
            "linux\tECONNREFUSED\t111\nbsd\tECONNREFUSED\t61\nlibuv\tECONNREFUSED\t-4078\nlinux\tEAI_NONAME\t-2\n",
        );
        assert_eq!(t.names_of(61), ["ECONNREFUSED"]);
        assert_eq!(t.names_of(-111), ["ECONNREFUSED"]);
        assert_eq!(t.names_of(-4078), ["ECONNREFUSED"]);
        assert_eq!(t.names_of(-2), ["EAI_NONAME"]);
        assert!(t.names_of(2).is_empty());
        assert_eq!(t.number("bsd", "ECONNREFUSED"), Some(61));
    }

    #[test]
    fn translations_leave_out_english_and_duplicates() {
        let t = parse(
            "en\tECONNREFUSED\tConnection refused\tglibc\npt_BR\tECONNREFUSED\tConexão recusada\tglibc\npt\tECONNREFUSED\tConexão recusada\tglibc\n",
            "",
            "",
        );
        assert_eq!(t.translations("ECONNREFUSED"), ["Conexão recusada"]);
        assert!(t.knows("ECONNREFUSED"));
        assert!(!t.knows("ENOENT"));
    }
}
