//! Byte-level helpers for UTF-8 text read byte by byte.

/// Whether an ASCII byte is whitespace as `char::is_whitespace` has it:
/// `u8::is_ascii_whitespace` plus the vertical tab. (A non-ASCII byte is
/// none: the Unicode spaces are several bytes long.)
#[inline]
pub const fn is_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
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
}
