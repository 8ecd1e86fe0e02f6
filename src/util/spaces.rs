//! Whitespace: collapse runs to one space, trim, and say when a line is
//! already clean (most are) so it can be lent as is.

/// Trim, collapse whitespace, and turn an empty result into `None`. Most
/// lines are clean already (single spaces inside, no whitespace around, no
/// other whitespace) and are copied as they are, checked with a few
/// vectorised byte passes.
pub fn clean(s: &str) -> Option<String> {
    clean_cow(s).map(std::borrow::Cow::into_owned)
}

/// [`clean`], borrowing a line that is clean already.
pub fn clean_cow(s: &str) -> Option<std::borrow::Cow<'_, str>> {
    if is_clean(s) {
        return Some(std::borrow::Cow::Borrowed(s));
    }
    collapse(s).map(std::borrow::Cow::Owned)
}

/// Whether [`clean`] would return `s` as it is.
#[inline]
fn is_clean(s: &str) -> bool {
    let b = s.as_bytes();
    // No early exit: the folds vectorise (a searcher for "  " costs more
    // to start than a line takes to read).
    let controls = b
        .iter()
        .fold(false, |acc, &c| acc | (b'\t'..=b'\r').contains(&c));
    let double_space = b
        .iter()
        .zip(b.iter().skip(1))
        .fold(false, |acc, (&x, &y)| acc | (x == b' ' && y == b' '));
    let wide = |lead: u8| memchr::memchr_iter(lead, b).any(|i| wide_space_at(b, i));
    b.first().is_some_and(|&c| c != b' ')
        && b.last().is_some_and(|&c| c != b' ')
        && !controls
        && !double_space
        && (s.is_ascii() || !(wide(0xC2) || wide(0xE1) || wide(0xE2) || wide(0xE3)))
}

/// [`clean`] without the fast path.
fn collapse(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    (!out.is_empty()).then_some(out)
}

/// Whether a non-ASCII whitespace character (U+0085, U+00A0, U+1680,
/// U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) starts at byte
/// `i` of UTF-8 `b`.
fn wide_space_at(b: &[u8], i: usize) -> bool {
    matches!(
        (b[i], b.get(i + 1), b.get(i + 2)),
        (0xC2, Some(0x85 | 0xA0), _)
            | (0xE1, Some(0x9A), Some(0x80))
            | (0xE2, Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF))
            | (0xE2, Some(0x81), Some(0x9F))
            | (0xE3, Some(0x80), Some(0x80))
    )
}

/// [`clean`], copying ASCII text that is already single-spaced as is
/// (the same result, without a word-by-word rebuild).
pub fn clean_short(s: &str) -> Option<String> {
    let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let b = s.as_bytes();
    let start = b.iter().position(|c| !space(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !space(c)).map_or(start, |e| e + 1);
    let inner = &b[start..end];
    let plain = inner.iter().all(|&c| c == b' ' || c.is_ascii_graphic())
        && !inner.windows(2).any(|w| w == b"  ");
    if plain {
        // Only ASCII whitespace was cut, at character boundaries.
        s.get(start..end)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    } else {
        clean(s)
    }
}

/// `s.trim().is_empty()`, with a fast answer for ASCII text.
pub fn is_blank(s: &str) -> bool {
    // The ASCII whitespace of `char::is_whitespace` (tab to carriage
    // return, space) as a bit mask: one shift and test per byte.
    const WHITE: u64 = 1 << b'\t' | 1 << b'\n' | 1 << 0x0b | 1 << 0x0c | 1 << b'\r' | 1 << b' ';
    for &b in s.as_bytes() {
        if b > b' ' || WHITE >> b & 1 == 0 {
            return b >= 0x80 && s.trim().is_empty();
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path agrees with the plain collapse for every character, in
    /// every position a line can hold it.
    #[test]
    fn fast_path_agrees_for_every_character() {
        let mut s = String::new();
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            for (pre, post) in [("", ""), ("a ", " b"), ("\u{3000}", "b")] {
                s.clear();
                s.push_str(pre);
                s.push(c);
                s.push_str(post);
                assert_eq!(clean(&s), collapse(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn clean_lines_keep_the_fast_path_exact() {
        for s in [
            "plain words",
            "",
            " lead",
            "trail ",
            "two  spaces",
            "tab\there",
            "vt\u{b}here",
            "nbsp\u{a0}here",
            "\u{3000}ideographic",
            "em\u{2003}space",
            "narrow\u{202f}nbsp",
            "Grüße – aus Köln “quoted”",
            "中文内容",
        ] {
            assert_eq!(clean(s), collapse(s), "{s:?}");
        }
    }
}
