//! Character references (WHATWG 13.2.5.72-80, as html5ever 0.40's
//! `tokenizer/char_ref` implements them): `&amp;`, `&#x41;`, the named
//! references with and without their semicolon, in text and in attribute
//! values.

use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};
use html5ever::tokenizer::TokenSink;

use super::Lexer;

/// A decoded character reference.
pub(super) struct CharRef {
    /// The characters; `n == 0`: the `&` is text.
    pub(super) chars: [char; 2],
    pub(super) n: u8,
    /// Where the input goes on.
    pub(super) end: usize,
    /// html5ever reports a parse error (a token of its own).
    pub(super) error: bool,
}

impl<S: TokenSink> Lexer<'_, S> {
    /// A character reference in text at `at`; where scanning goes on.
    pub(super) fn text_char_ref(&mut self, at: usize) -> usize {
        let r = self.char_ref(at, false);
        if r.error {
            self.error_at(at);
        }
        if r.n == 0 {
            // The `&` stays in the pending text.
            return at + 1;
        }
        self.own.push_slice(&self.s[self.pend..at]);
        for &c in &r.chars[..r.n as usize] {
            self.own.push_char(c);
        }
        self.pend = r.end;
        r.end
    }

    /// Decode the character reference at `at` (`&`), as html5ever's
    /// character reference tokenizer does.
    pub(super) fn char_ref(&self, at: usize, in_attr: bool) -> CharRef {
        let b = self.b;
        let literal = |error| CharRef {
            chars: ['&', '\0'],
            n: 0,
            end: at + 1,
            error,
        };
        let Some(&first) = b.get(at + 1) else {
            return literal(false);
        };
        if first == b'#' {
            let mut p = at + 2;
            let base = match b.get(p) {
                Some(b'x' | b'X') => {
                    p += 1;
                    16
                }
                Some(_) => 10,
                None => return literal(true),
            };
            let (mut num, mut too_big, mut digits) = (0u32, false, false);
            while let Some(d) = b.get(p).and_then(|&c| (c as char).to_digit(base)) {
                num = num.wrapping_mul(base);
                if num > 0x10FFFF {
                    too_big = true;
                }
                num = num.wrapping_add(d);
                digits = true;
                p += 1;
            }
            if !digits {
                return literal(true);
            }
            let mut error = false;
            if b.get(p) == Some(&b';') {
                p += 1;
            } else {
                error = true;
            }
            let conv = |n: u32| char::from_u32(n).unwrap_or('\u{FFFD}');
            let (c, bad) = match num {
                n if n > 0x10FFFF || too_big => ('\u{FFFD}', true),
                0 | 0xD800..=0xDFFF => ('\u{FFFD}', true),
                0x80..=0x9F => (
                    C1_REPLACEMENTS[(num - 0x80) as usize].unwrap_or(conv(num)),
                    true,
                ),
                0x01..=0x08 | 0x0B | 0x0D..=0x1F | 0x7F | 0xFDD0..=0xFDEF => (conv(num), true),
                n if n & 0xFFFE == 0xFFFE => (conv(n), true),
                n => (conv(n), false),
            };
            return CharRef {
                chars: [c, '\0'],
                n: 1,
                end: p,
                error: error || bad,
            };
        }
        if !first.is_ascii_alphanumeric() {
            return literal(false);
        }
        // Longest match: extend the name while it is a prefix of some
        // entity's name (the map holds the prefixes too).
        let start = at + 1;
        let mut k = start;
        let mut matched: Option<(usize, u32, u32)> = None;
        let end_char = loop {
            let Some(c) = self.s[k..].chars().next() else {
                break None;
            };
            k += c.len_utf8();
            match NAMED_ENTITIES.get(&self.s[start..k]) {
                Some(&(c1, c2)) => {
                    if c1 != 0 {
                        matched = Some((k, c1, c2));
                    }
                }
                None => break Some(c),
            }
        };
        match matched {
            None => {
                let mut error = false;
                match end_char {
                    Some(c) if c.is_ascii_alphanumeric() => {
                        // A bogus name: alphanumerics, then maybe `;`.
                        let rest = &b[k..];
                        let n = rest
                            .iter()
                            .position(|c| !c.is_ascii_alphanumeric())
                            .unwrap_or(rest.len());
                        error = rest.get(n) == Some(&b';');
                    }
                    Some(';') => error = k - start > 1,
                    _ => {}
                }
                literal(error)
            }
            Some((mend, c1, c2)) => {
                let last = b[mend - 1];
                let next = b.get(mend).copied();
                let error = match (in_attr, last, next) {
                    (_, b';', _) => false,
                    (true, _, Some(b'=')) => return literal(false),
                    (true, _, Some(c)) if c.is_ascii_alphanumeric() => return literal(false),
                    _ => true,
                };
                let c1 = char::from_u32(c1).unwrap_or('\u{FFFD}');
                let (chars, n) = match c2 {
                    0 => ([c1, '\0'], 1),
                    c2 => ([c1, char::from_u32(c2).unwrap_or('\u{FFFD}')], 2),
                };
                CharRef {
                    chars,
                    n,
                    end: mend,
                    error,
                }
            }
        }
    }
}
