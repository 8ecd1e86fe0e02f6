//! The format of a file whose name does not tell it.

use super::Format;

/// Guess the format of a file whose name does not tell: markup near the
/// start means HTML.
pub fn sniff(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let has = |needle: &[u8]| memchr::memmem::find(&lower, needle).is_some();
    let start = lower
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map(|i| &lower[i..])
        .unwrap_or(&[]);
    let markup = has(b"<html") || has(b"<!doctype html") || has(b"<head") || has(b"<body");
    if markup || (start.starts_with(b"<") && (has(b"<div") || has(b"<p>") || has(b"</"))) {
        Format::Html
    } else {
        Format::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs() {
        assert_eq!(sniff(b"  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff(b"<div><p>hi</p></div>"), Format::Html);
        assert_eq!(sniff(b"Home\n  * Menu\nSome text."), Format::Text);
    }
}
