//! Where each message of a Fluent source starts and ends, found without parsing it.
//!
//! Shared by the render crate's build script (which writes the index into the binary)
//! and its tests. An entry starts on a line that begins with its identifier and runs
//! until the next line that begins with an identifier, a comment (`#`) or a term
//! (`-`): in Fluent's grammar nothing else starts in the first column. A test checks
//! every cut against the parser in all languages.

/// `(id, start, end)` byte ranges of the entries of `src`, in file order.
pub fn cut(src: &str) -> Vec<(&str, usize, usize)> {
    let mut out = Vec::new();
    let mut current: Option<(&str, usize)> = None;
    let mut at = 0;
    for line in src.split_inclusive('\n') {
        let starts_entry = line.starts_with(|c: char| c.is_ascii_alphabetic());
        // A select's closing brace may stand in the first column; only an identifier,
        // a comment or a term begins something new there.
        let ends_entry = starts_entry || line.starts_with(['#', '-']);
        if ends_entry && let Some((id, start)) = current.take() {
            out.push((id, start, at));
        }
        if starts_entry {
            let id = line
                .split(|c: char| c == '=' || c.is_whitespace())
                .next()
                .unwrap_or_default();
            current = Some((id, at));
        }
        at += line.len();
    }
    if let Some((id, start)) = current {
        out.push((id, start, src.len()));
    }
    out
}
