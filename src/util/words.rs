//! Word counts, as the records and the length rules count words.

use super::bytes::{ALNUM, CLASS, SPACE, utf8_len};
use super::chars::{fold_common, is_cjk};

/// Words in `text`: whitespace-separated tokens holding a letter or digit,
/// with each CJK character counted as one word (those scripts use no spaces).
pub fn word_count(text: &str) -> usize {
    word_count_upto(text, usize::MAX)
}

/// [`word_count`], but it stops counting once past `cap`: the result is
/// exact up to `cap` and some number above `cap` beyond it. For the tests
/// of short blocks, which need not read a long one to its end.
pub fn word_count_upto(text: &str, cap: usize) -> usize {
    // Words are the runs between whitespace (as `split_whitespace`): one
    // for a run with a letter or digit, plus one per CJK character. One
    // byte scan; only non-ASCII characters are decoded.
    let bytes = text.as_bytes();
    let mut n = 0;
    let mut cjk = 0;
    let mut other = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let space = if b.is_ascii() {
            i += 1;
            let class = CLASS[usize::from(b)];
            other |= class & ALNUM != 0;
            class & SPACE != 0
        } else if other && !matches!(b, 0xC2 | 0xE1..=0xE9 | 0xEF | 0xF0) {
            // Neither a space nor CJK (those start with these lead bytes),
            // and the run already has its letter.
            i += utf8_len(b);
            false
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            i += c.len_utf8();
            if c.is_whitespace() {
                true
            } else {
                if is_cjk(c) {
                    cjk += 1;
                } else if !other {
                    // The Unicode lookup is the dear part: once per run.
                    other = fold_common(c).map_or_else(|| c.is_alphanumeric(), |f| f.is_some());
                }
                false
            }
        };
        if space {
            n += cjk + usize::from(other);
            if n > cap {
                return n;
            }
            (cjk, other) = (0, false);
        }
    }
    n + cjk + usize::from(other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_count_matches_the_token_split() {
        // The count as first written, token by token.
        let by_tokens = |text: &str| -> usize {
            text.split_whitespace()
                .map(|tok| {
                    let cjk = tok.chars().filter(|&c| is_cjk(c)).count();
                    cjk + usize::from(tok.chars().any(|c| !is_cjk(c) && c.is_alphanumeric()))
                })
                .sum()
        };
        for t in [
            "",
            " ",
            "one",
            "  a  b\u{a0}c , . d ",
            "x\u{3000}y\u{2009}z\u{85}w\x0bv",
            "日本語の文章 and some words — here",
            "漢字abc 42 -- é ß\u{feff}",
            "tab\tnew\nline\r\nend\x0c!",
        ] {
            assert_eq!(word_count(t), by_tokens(t), "{t:?}");
        }
        // Longer texts: ASCII blocks, runs across their edges, other
        // characters between them.
        let mixed = "Ein (Satz) -- mit Wörtern, 日本語 und 12 Zahlen;\u{a0}ende. ".repeat(5);
        for k in 0..mixed.len() {
            if mixed.is_char_boundary(k) {
                let t = &mixed[k..];
                assert_eq!(word_count(t), by_tokens(t), "{t:?}");
            }
        }
        // Every character, alone and inside a word.
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            for t in [format!("{c}"), format!("a{c}b")] {
                assert_eq!(word_count(&t), by_tokens(&t), "{c:?}");
            }
        }
    }

    #[test]
    fn capped_word_count_is_exact_up_to_the_cap() {
        let long = "Ein Satz mit -- vielen Wörtern, Zahlen 12 und (Klammern) ".repeat(6);
        let texts = [
            "",
            "one",
            "one two three four five",
            "日本語の文章 and some words — here",
            "  a  b\u{a0}c , . d ",
            &long,
        ];
        for t in texts {
            for cap in 0..60 {
                let full = word_count(t);
                let capped = word_count_upto(t, cap);
                assert_eq!(capped.min(cap + 1), full.min(cap + 1), "{t:?} {cap}");
                assert!(capped <= full);
            }
        }
    }

    #[test]
    fn words_in_spaced_and_cjk_text() {
        assert_eq!(word_count("Hello, brave new world -- 42"), 5);
        assert_eq!(word_count("日本語の文章"), 6);
    }
}
