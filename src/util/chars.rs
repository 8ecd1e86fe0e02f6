//! Character helpers: scripts without spaces, invisible characters, fast
//! case folds of common characters.

/// Characters that render as nothing and only break words apart for the
/// reader of the text: soft hyphens, zero-width spaces, word joiners, BOMs.
/// (Zero-width joiners stay: emoji and some scripts need them.)
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// `f` of an ASCII word lower-cased, without allocating: on the stack for
/// words up to 32 bytes (`None` for longer or non-ASCII words), and the
/// word itself when it holds no capital. For look-ups of short words
/// (month names, function words) on hot paths.
pub fn with_ascii_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
    if !word.is_ascii() {
        return None;
    }
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return Some(f(word));
    }
    let mut buf = [0u8; 32];
    let lower = buf.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).ok().map(f)
}

/// Han, Hiragana, Katakana, Hangul syllables: scripts written without spaces
/// (Hangul does use spaces, but its syllables are dense like Han).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// The key form of a common non-ASCII character without the Unicode
/// tables: `Some(None)` drops it (punctuation, box drawing), `Some(l)`
/// is its lower case (Latin-1 and basic Cyrillic letters), `None` leaves
/// it to the tables. Agrees with `is_alphanumeric` and `to_lowercase`
/// (see the test).
pub fn fold_common(c: char) -> Option<Option<char>> {
    let n = u32::from(c);
    let shift = |d: u32| char::from_u32(n + d);
    Some(match n {
        // General punctuation, box drawing, block elements, shapes.
        0x2000..=0x206F | 0x2500..=0x25FF | 0xD7 | 0xF7 => None,
        0xC0..=0xDE => shift(0x20),
        0xDF..=0xFF => Some(c),
        0x400..=0x40F => shift(0x50),
        0x410..=0x42F => shift(0x20),
        0x430..=0x45F => Some(c),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_words_lower_cased_on_the_stack() {
        assert_eq!(with_ascii_lower("März", str::to_string), None);
        assert_eq!(
            with_ascii_lower("MaRcH", str::to_string).as_deref(),
            Some("march")
        );
        assert_eq!(with_ascii_lower("june", str::len), Some(4));
        assert_eq!(with_ascii_lower(&"A".repeat(33), str::len), None);
    }

    #[test]
    fn common_characters_fold_as_the_unicode_tables() {
        let mut seen = 0;
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let Some(folded) = fold_common(c) else {
                continue;
            };
            seen += 1;
            let expected = c
                .is_alphanumeric()
                .then(|| c.to_lowercase().collect::<String>());
            assert_eq!(folded.map(String::from), expected, "{c:?}");
        }
        assert!(seen > 500);
    }
}
