//! Whether a line ends like a sentence.

/// Whether `text` ends like a sentence.
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        matches!(
            c,
            '"' | '\'' | '”' | '’' | '»' | '«' | ')' | ']' | '“' | '」' | '』' | '）'
        ) || c.is_whitespace()
            || is_invisible_at_end(c)
    });
    if t.ends_with("...") {
        return false; // teasers and truncated excerpts
    }
    t.ends_with(['.', '!', '?', '。', '！', '？', '؟', '।'])
}

/// Invisible format characters that editors leave at line ends: those
/// [`crate::util::chars::is_invisible`] drops from text, and the zero-width joiners and
/// the invisible separator, which it keeps inside words.
fn is_invisible_at_end(c: char) -> bool {
    crate::util::chars::is_invisible(c) || matches!(c, '\u{200C}' | '\u{200D}' | '\u{2063}')
}
