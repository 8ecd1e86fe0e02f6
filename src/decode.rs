//! Bytes to UTF-8, as a browser would: a byte-order mark first, then the
//! charset the page declares (a prescan of its first bytes for `<meta
//! charset>`, `http-equiv` Content-Type and the XML declaration), then
//! statistical detection with chardetng. Bad bytes become U+FFFD; nothing
//! here can panic on any input.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use html5ever::tendril::StrTendril;

/// How many leading bytes the charset prescan looks at (browsers use 1024;
/// many real pages declare later, after long `<script>`s, so look further).
const PRESCAN_BYTES: usize = 4096;

/// Decoded page text and the encoding that was used.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
}

/// Decode `bytes`. With `html`, a charset declared in the markup is honoured.
pub fn decode(bytes: &[u8], html: bool) -> Decoded {
    let (text, encoding) = decode_cow(bytes, html);
    Decoded {
        text: text.into_owned(),
        encoding,
    }
}

/// [`decode`], borrowing `bytes` when they are the text already (UTF-8, or
/// ASCII in an ASCII-compatible encoding): no copy until the caller makes
/// its own.
fn decode_cow(bytes: &[u8], html: bool) -> (Cow<'_, str>, &'static Encoding) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return finish(enc, &bytes[bom_len..]);
    }
    // Validated once: most pages are UTF-8, and then decoding is a copy.
    // simdutf8 checks 32 bytes a step (AVX2, found at run time) where the
    // standard library's check leaves its word-at-a-time path at every
    // non-ASCII character; the same answer.
    let utf8 = simdutf8::basic::from_utf8(bytes).ok();
    let declared = if html { prescan(bytes) } else { None };
    match declared {
        // Declared and valid: the copy below, not a second validation. A
        // page that declares UTF-8 but is not valid UTF-8 was mislabelled:
        // it falls through to detection instead of filling with U+FFFD.
        Some(enc) if enc == UTF_8 => {}
        // And the reverse: a page declaring a legacy encoding whose bytes
        // are valid UTF-8 with multi-byte sequences is UTF-8 (such
        // sequences are vanishingly rare in real legacy-encoded text).
        Some(_) if utf8.is_some() && !bytes.is_ascii() => {}
        Some(enc) => return finish(enc, bytes),
        None => {}
    }
    if let Some(text) = utf8 {
        return (Cow::Borrowed(text), UTF_8);
    }
    let mut det = EncodingDetector::new(Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    finish(det.guess(None, Utf8Detection::Allow), bytes)
}

/// [`decode`], then [`strip_controls`]: the text every extractor (and the
/// text-dump template of [`crate::text::template`]) reads.
pub fn page_text(bytes: &[u8], html: bool) -> Decoded {
    let mut decoded = decode(bytes, html);
    strip_controls(&mut decoded.text);
    decoded
}

/// [`page_text`] of an HTML page as the parser's buffer ([`StrTendril`],
/// which [`crate::markup::tree::parse_page`] reads in place): the same text,
/// copied out of `bytes` once (when the bytes are the text already, as
/// on most pages) where a `String` and then the parser's copy of it would
/// take two.
pub fn page_tendril(bytes: &[u8]) -> (StrTendril, &'static Encoding) {
    let (text, encoding) = decode_cow(bytes, true);
    let page = if has_controls(&text) {
        StrTendril::from_slice(&without_controls(text.into_owned()))
    } else {
        StrTendril::from_slice(&text)
    };
    (page, encoding)
}

/// A character [`strip_controls`] drops.
fn is_control(b: u8) -> bool {
    (b < b' ' && !matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r')) || b == 0x7f
}

/// Whether `text` holds a character [`strip_controls`] drops.
fn has_controls(text: &str) -> bool {
    // The same test as range comparisons only, branch-free over fixed
    // 64-byte blocks, so that it vectorises; a block is first tested for
    // any byte below space or DEL (two comparisons a byte), and only the
    // quarter of blocks of real pages that hold a tab or line feed are
    // tested in full.
    let rough = |b: u8| u8::from(b < 0x20) | u8::from(b == 0x7f);
    let bad_wide = |b: u8| {
        u8::from(b < 0x09)
            | u8::from(b == 0x0b)
            | u8::from(b.wrapping_sub(0x0e) < 0x12)
            | u8::from(b == 0x7f)
    };
    let (blocks, rest) = text.as_bytes().as_chunks::<64>();
    blocks.iter().any(|c| {
        c.iter().fold(0u8, |acc, &b| acc | rough(b)) != 0
            && c.iter().fold(0u8, |acc, &b| acc | bad_wide(b)) != 0
    }) || rest.iter().copied().any(is_control)
}

/// Drop C0 control characters other than tab, line feed, form feed and
/// carriage return, and DEL: they are never article text, and NUL in
/// particular upsets downstream tools. Allocates only when one is present.
pub fn strip_controls(text: &mut String) {
    if has_controls(text) {
        *text = without_controls(std::mem::take(text));
    }
}

/// `text` without the characters [`strip_controls`] drops.
fn without_controls(text: String) -> String {
    // The characters dropped are all ASCII, and ASCII bytes never occur
    // inside a multi-byte UTF-8 sequence: work on bytes.
    let mut bytes = text.into_bytes();
    bytes.retain(|&b| !is_control(b));
    String::from_utf8(bytes).expect("dropping ASCII bytes keeps UTF-8 valid")
}

fn finish<'a>(enc: &'static Encoding, bytes: &'a [u8]) -> (Cow<'a, str>, &'static Encoding) {
    let (text, _had_errors) = enc.decode_without_bom_handling(bytes);
    (text, enc)
}

/// Find a charset declared in the first bytes of an HTML page.
///
/// A light version of the WHATWG prescan: it looks for `charset=` inside
/// `<meta ...>` tags (which covers both `<meta charset>` and the
/// `http-equiv` form) and for `encoding=` in an XML declaration. A label
/// declaring UTF-16 is read as UTF-8, as browsers do, since a UTF-16 page
/// would have had a BOM or could not have been prescanned as ASCII.
pub fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"<?xml")
        && let Some(end) = find(&lower, b"?>")
        && let Some(enc) = label_after(&lower[..end], b"encoding")
    {
        return Some(utf16_as_utf8(enc));
    }
    let mut pos = 0;
    while let Some(i) = find(&lower[pos..], b"<meta") {
        let start = pos + i + 5;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        if let Some(enc) = label_after(&lower[start..end], b"charset") {
            return Some(utf16_as_utf8(enc));
        }
        pos = end;
    }
    None
}

fn utf16_as_utf8(enc: &'static Encoding) -> &'static Encoding {
    if enc == UTF_16LE || enc == UTF_16BE {
        UTF_8
    } else {
        enc
    }
}

/// The encoding named after `key=` (quoted or not) in `tag`.
fn label_after(tag: &[u8], key: &[u8]) -> Option<&'static Encoding> {
    let k = find(tag, key)?;
    let rest = &tag[k + key.len()..];
    let rest = trim_start(rest);
    let rest = trim_start(rest.strip_prefix(b"=")?);
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// Whether `bytes` look like a binary file (image, archive, executable)
/// rather than text: more than one byte in twenty of the first 8 KiB is a
/// control character (NUL included). UTF-16 with a BOM is text.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some() {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return false;
    }
    // Counted per 64-byte block into a byte-wide sum (at most 64), which
    // vectorises; a filter and count over the bytes does not.
    let control = |b: u8| u8::from(b < 0x09 || (0x0e..0x20).contains(&b) && b != 0x1b);
    let (blocks, rest) = head.as_chunks::<64>();
    let ctrl = blocks
        .iter()
        .map(|c| usize::from(c.iter().fold(0u8, |n, &b| n + control(b))))
        .sum::<usize>()
        + rest.iter().map(|&b| usize::from(control(b))).sum::<usize>();
    // A stray NUL or escape in a page is no reason to lose it (they are
    // dropped later); binary formats have far more than one in twenty.
    ctrl * 20 > head.len()
}


#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::WINDOWS_1252;

    #[test]
    fn bom_wins() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "héllo".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes, true);
        assert_eq!(d.encoding, UTF_16LE);
        assert_eq!(d.text, "héllo");
    }

    #[test]
    fn declared_charset() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        let d = decode(page, true);
        assert_eq!(d.encoding, WINDOWS_1252);
        assert!(d.text.contains("café"));
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">";
        assert_eq!(prescan(page).unwrap().name(), "Shift_JIS");
        let page = b"<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><html></html>";
        assert_eq!(prescan(page).unwrap().name(), "ISO-8859-2");
    }

    #[test]
    fn undeclared_detected() {
        // windows-1252 bytes, no declaration, invalid as UTF-8.
        let text = "Ça coûte très cher, dit-elle à l'été. Déjà vu, naïve façade.";
        let (bytes, _, _) = WINDOWS_1252.encode(text);
        let d = decode(&bytes, true);
        assert_eq!(d.text, text);
    }

    #[test]
    fn utf8_declared_as_legacy_is_utf8() {
        let page = "<meta charset=windows-1252><p>Grüße aus Köln</p>".as_bytes();
        let d = decode(page, true);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.contains("Grüße aus Köln"));
        // Pure ASCII keeps its declaration.
        assert_eq!(
            decode(b"<meta charset=shift_jis>x", true).encoding.name(),
            "Shift_JIS"
        );
    }

    #[test]
    fn wrong_utf8_declaration_falls_back() {
        let (bytes, _, _) = WINDOWS_1252.encode("<meta charset=utf-8><p>Grüße aus Köln</p>");
        let d = decode(&bytes, true);
        assert!(d.text.contains("Grüße aus Köln"), "{}", d.text);
    }

    #[test]
    fn garbage_never_panics() {
        for bytes in [
            &b"\xff\xfe\xfd"[..],
            b"<meta charset=",
            b"<meta charset=\"",
            b"",
        ] {
            let _ = decode(bytes, true);
        }
    }

    #[test]
    fn controls_are_stripped() {
        for b in 0..=0x7fu8 {
            // Each byte alone, and at every offset of a long run.
            let keep = b >= 0x20 && b != 0x7f || matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r');
            for at in [0, 1, 63, 64, 65, 130] {
                let mut bytes = vec![b'a'; 140];
                bytes[at] = b;
                let mut text = String::from_utf8(bytes).unwrap();
                strip_controls(&mut text);
                assert_eq!(
                    text.len(),
                    if keep { 140 } else { 139 },
                    "byte {b:#x} at {at}"
                );
            }
        }
        let d = page_text(b"a\0b\x7fc\td\x1be", false);
        assert_eq!(d.text, "abc\tde");
    }

    #[test]
    fn page_tendril_is_page_text() {
        let (latin1, _, _) = WINDOWS_1252.encode("<p>Grüße aus Köln</p>");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("<p>Grüße</p>".as_bytes());
        for bytes in [
            &b"<html><p>plain ASCII</p>"[..],
            "<meta charset=utf-8><p>Grüße</p>".as_bytes(),
            &latin1,
            b"<meta charset=iso-8859-1><p>caf\xe9</p>",
            &bom,
            b"<p>a\0b\x7fc\td\x1be</p>",
            b"",
        ] {
            let (page, encoding) = page_tendril(bytes);
            let decoded = page_text(bytes, true);
            assert_eq!(&*page, decoded.text, "{bytes:?}");
            assert_eq!(encoding, decoded.encoding, "{bytes:?}");
        }
    }

    #[test]
    fn binary_sniff() {
        // One control byte in twenty is the line, across the 64-byte
        // blocks the count works in and the tail after them.
        for len in [20, 100, 1000, 8192, 9000] {
            for ctrls in [len.min(8192) / 20, len.min(8192) / 20 + 1] {
                let mut bytes = vec![b'a'; len];
                for k in 0..ctrls {
                    bytes[k * 19 % len.min(8192)] = if k % 2 == 0 { 0 } else { 0x1f };
                }
                let counted = bytes[..len.min(8192)].iter().filter(|&&b| b < 0x20).count();
                assert_eq!(
                    looks_binary(&bytes),
                    counted * 20 > len.min(8192),
                    "{len} {ctrls}"
                );
            }
        }
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(!looks_binary(b"<html>hello</html>"));
        let stray = b"<html><body><p>A page with one stray \0 NUL and an \x1b escape in it.</p>";
        assert!(!looks_binary(stray));
    }

    /// The block-wise control test answers as a byte-by-byte scan, for every
    /// ASCII byte at the edges of a 64-byte block and on real lines.
    #[test]
    fn control_test_agrees_with_the_plain_scan() {
        let mut texts = crate::util::samples::lines();
        for b in 0u8..0x80 {
            for at in [0, 1, 62, 63, 64, 65, 127, 128, 139] {
                let mut s = "x".repeat(140).into_bytes();
                s[at] = b;
                texts.push(String::from_utf8(s).unwrap());
            }
        }
        for t in &texts {
            assert_eq!(has_controls(t), t.bytes().any(is_control), "{t:?}");
        }
    }
}
