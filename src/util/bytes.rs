//! Byte-level helpers for UTF-8 text read byte by byte.

/// Whether an ASCII byte is whitespace as `char::is_whitespace` has it:
/// `u8::is_ascii_whitespace` plus the vertical tab. (A non-ASCII byte is
/// none: the Unicode spaces are several bytes long.)
#[inline]
pub const fn is_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// Byte classes, one bit each, for the loops that read text and markup a
/// byte at a time: one look-up in [`CLASS`] and a mask instead of a chain
/// of comparisons. Whitespace as `char::is_whitespace` has it
/// ([`is_space_byte`]).
pub const SPACE: u8 = 1;
/// Whitespace as the HTML tokenizer has it: space, tab, line feed, form
/// feed and carriage return (not the vertical tab).
pub const HTML_SPACE: u8 = 2;
/// An ASCII capital letter.
pub const UPPER: u8 = 4;
/// An ASCII lower-case letter or digit.
pub const LOWER_OR_DIGIT: u8 = 8;
/// An ASCII letter or digit.
pub const ALNUM: u8 = UPPER | LOWER_OR_DIGIT;
/// `/`.
pub const SLASH: u8 = 16;
/// `>`.
pub const GT: u8 = 32;
/// `=`.
pub const EQ: u8 = 64;
/// `<`.
pub const LT: u8 = 128;

/// The classes of every byte; the bytes above ASCII have none.
pub static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        let mut bits = 0;
        if is_space_byte(c) {
            bits |= SPACE;
        }
        if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
            bits |= HTML_SPACE;
        }
        if c.is_ascii_uppercase() {
            bits |= UPPER;
        }
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            bits |= LOWER_OR_DIGIT;
        }
        bits |= match c {
            b'/' => SLASH,
            b'>' => GT,
            b'=' => EQ,
            b'<' => LT,
            _ => 0,
        };
        t[b] = bits;
        b += 1;
    }
    t
};

/// The high bit (0x80) of each byte of `w` that is an ASCII capital, for
/// eight ASCII bytes at once: for an ASCII byte `x`, `x + 0x3F` has its
/// high bit set from 'A' (0x41) on and `x + 0x25` from '[' (0x5B) on, with
/// no carry into the next byte.
#[inline]
pub fn ascii_capital_bits(w: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    debug_assert_eq!(w & HIGH, 0, "ASCII bytes only");
    let from_a = w.wrapping_add(0x3F3F_3F3F_3F3F_3F3F);
    let past_z = w.wrapping_add(0x2525_2525_2525_2525);
    from_a & !past_z & HIGH
}

/// The length of the UTF-8 sequence that starts with `lead` (1 for ASCII
/// and for a stray continuation byte, which valid text never starts with).
pub(crate) fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_bytes_are_the_ascii_whitespace_characters() {
        for b in 0..=255u8 {
            assert_eq!(
                is_space_byte(b),
                b.is_ascii() && char::from(b).is_whitespace(),
                "{b}"
            );
        }
    }

    /// Each class bit is the byte test it stands for.
    #[test]
    fn class_bits_are_their_byte_tests() {
        for b in 0..=255u8 {
            let c = CLASS[usize::from(b)];
            assert_eq!(c & SPACE != 0, is_space_byte(b), "{b}");
            assert_eq!(c & HTML_SPACE != 0, b"\t\n\x0c\r ".contains(&b), "{b}");
            assert_eq!(c & UPPER != 0, b.is_ascii_uppercase(), "{b}");
            assert_eq!(c & LOWER_OR_DIGIT != 0, b.is_ascii_lowercase() || b.is_ascii_digit(), "{b}");
            assert_eq!(c & ALNUM != 0, b.is_ascii_alphanumeric(), "{b}");
            for (bit, x) in [(SLASH, b'/'), (GT, b'>'), (EQ, b'='), (LT, b'<')] {
                assert_eq!(c & bit != 0, b == x, "{b}");
            }
        }
    }

    /// Every ASCII byte in every lane is found a capital exactly when it is
    /// one, whatever its neighbours.
    #[test]
    fn capital_bits_agree_with_is_ascii_uppercase() {
        let plain = |bytes: [u8; 8]| {
            bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| b.is_ascii_uppercase())
                .fold(0u64, |m, (i, _)| m | 0x80 << (8 * i))
        };
        for b in 0..0x80u8 {
            for lane in 0..8 {
                for fill in [0u8, b'A', b'Z', b'a', 0x7f, b'@', b'['] {
                    let mut bytes = [fill; 8];
                    bytes[lane] = b;
                    assert_eq!(ascii_capital_bits(u64::from_le_bytes(bytes)), plain(bytes));
                }
            }
        }
    }

    /// Every character's first byte gives the character's length; a stray
    /// continuation byte gives 1.
    #[test]
    fn utf8_len_is_the_length_of_the_character() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(utf8_len(c.encode_utf8(&mut buf).as_bytes()[0]), c.len_utf8(), "{c:?}");
        }
        for b in 0x80..0xC0u8 {
            assert_eq!(utf8_len(b), 1);
        }
    }
}
