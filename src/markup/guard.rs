//! A cheap byte scan run before parsing, to refuse pages that would make
//! html5ever slow or huge. One pass yields the three figures the guards
//! need ([`Shape`]):
//!
//! - the deepest nesting of container tags: html5ever's tree builder walks
//!   the stack of open elements for every start tag, so 300,000 nested
//!   `<div>`s take minutes. Only containers the HTML parser never closes
//!   implicitly are counted (`div`, `span`, `section`, lists, tables, ...),
//!   so omitted `</p>` or `</li>` end tags do not inflate the estimate;
//! - the most attributes on one element (the tree builder checks each new
//!   attribute against the element's others);
//! - an upper bound on the elements a parse would create: every `<`
//!   followed by a letter, wherever it is (comments, scripts and attribute
//!   values included, since foreign content can turn them into elements).

// The tag reader's byte classes, from the one table: its whitespace is
// the HTML tokenizer's.
use crate::util::bytes::{CLASS, EQ, GT, HTML_SPACE as SPACE, LT, SLASH};

/// Containers the parser never closes implicitly, counted for nesting
/// depth.
const NESTING: [&[u8]; 21] = [
    b"div",
    b"span",
    b"section",
    b"article",
    b"main",
    b"aside",
    b"nav",
    b"header",
    b"footer",
    b"ul",
    b"ol",
    b"table",
    b"blockquote",
    b"form",
    b"center",
    b"font",
    b"b",
    b"i",
    b"em",
    b"strong",
    b"a",
];

/// How the scan treats a tag.
#[derive(PartialEq, Clone, Copy)]
enum Kind {
    /// One of [`NESTING`], by index.
    Nesting(usize),
    /// Raw-text content (no tags inside).
    Raw,
    /// `<html>` and `<body>`: the parser merges all their tags into one
    /// element each, attributes included.
    Html,
    Body,
    Other,
}

/// The [`Kind`] of a tag name, in any case. Tag names are nearly always
/// written in lower case: they are matched as they stand, and lower-cased
/// only when they hold an upper-case letter.
fn kind(name: &[u8]) -> Kind {
    match kind_lower(name) {
        Kind::Other if name.iter().any(u8::is_ascii_uppercase) => {
            // The longest name listed is "blockquote".
            let mut buf = [0u8; 10];
            let Some(lower) = buf.get_mut(..name.len()) else {
                return Kind::Other;
            };
            for (d, s) in lower.iter_mut().zip(name) {
                *d = s.to_ascii_lowercase();
            }
            kind_lower(lower)
        }
        k => k,
    }
}

/// The [`Kind`] of a lower-case tag name. Slice patterns: the match
/// branches on the length and then byte by byte, where comparing with
/// each listed name in turn costs a comparison per name.
fn kind_lower(lower: &[u8]) -> Kind {
    // Indices into NESTING (a test checks that they agree).
    match lower {
        [b'd', b'i', b'v'] => Kind::Nesting(0),
        [b's', b'p', b'a', b'n'] => Kind::Nesting(1),
        [b's', b'e', b'c', b't', b'i', b'o', b'n'] => Kind::Nesting(2),
        [b'a', b'r', b't', b'i', b'c', b'l', b'e'] => Kind::Nesting(3),
        [b'm', b'a', b'i', b'n'] => Kind::Nesting(4),
        [b'a', b's', b'i', b'd', b'e'] => Kind::Nesting(5),
        [b'n', b'a', b'v'] => Kind::Nesting(6),
        [b'h', b'e', b'a', b'd', b'e', b'r'] => Kind::Nesting(7),
        [b'f', b'o', b'o', b't', b'e', b'r'] => Kind::Nesting(8),
        [b'u', b'l'] => Kind::Nesting(9),
        [b'o', b'l'] => Kind::Nesting(10),
        [b't', b'a', b'b', b'l', b'e'] => Kind::Nesting(11),
        [b'b', b'l', b'o', b'c', b'k', b'q', b'u', b'o', b't', b'e'] => Kind::Nesting(12),
        [b'f', b'o', b'r', b'm'] => Kind::Nesting(13),
        [b'c', b'e', b'n', b't', b'e', b'r'] => Kind::Nesting(14),
        [b'f', b'o', b'n', b't'] => Kind::Nesting(15),
        [b'b'] => Kind::Nesting(16),
        [b'i'] => Kind::Nesting(17),
        [b'e', b'm'] => Kind::Nesting(18),
        [b's', b't', b'r', b'o', b'n', b'g'] => Kind::Nesting(19),
        [b'a'] => Kind::Nesting(20),
        [b's', b'c', b'r', b'i', b'p', b't']
        | [b's', b't', b'y', b'l', b'e']
        | [b't', b'e', b'x', b't', b'a', b'r', b'e', b'a']
        | [b't', b'i', b't', b'l', b'e']
        | [b'x', b'm', b'p'] => Kind::Raw,
        [b'h', b't', b'm', b'l'] => Kind::Html,
        [b'b', b'o', b'd', b'y'] => Kind::Body,
        _ => Kind::Other,
    }
}

/// The figures of one page for the guards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shape {
    /// Deepest nesting of counted container tags (see the module doc).
    /// When it passes the scan's `depth_cap` the scan stops there: this is
    /// then `depth_cap + 1` and the other figures are partial.
    pub depth: usize,
    /// The largest number of attributes on one element (all `<html>` tags
    /// together, and all `<body>` tags, count as one element each).
    pub attributes: usize,
    /// `<` followed by an ASCII letter, anywhere.
    pub start_tags: usize,
}

/// The [`CLASS`] bits of a byte.
fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

/// Whether `html[at]` is `<` followed by an ASCII letter.
fn opens_tag(html: &[u8], at: usize) -> bool {
    html.get(at + 1).is_some_and(u8::is_ascii_alphabetic)
}

/// The `<`+letter pairs in `html[from..to]` (a `<` at `to - 1` may pair
/// with the byte at `to`).
fn tags_in(html: &[u8], from: usize, to: usize) -> usize {
    memchr::memchr_iter(b'<', &html[from..to])
        .filter(|&off| opens_tag(html, from + off))
        .count()
}

/// The classes that end a tag name or an attribute name (the tokenizer's
/// whitespace, `/` and `>`; `=` ends attribute names only).
const ENDS_NAME: u8 = SPACE | SLASH | GT;

/// The bytes of a tag's name, attributes and `>`, read the way the HTML
/// tokenizer reads them.
struct Tag {
    /// The tag name (any case): everything up to whitespace, `/` or `>`,
    /// so `<title-x>` and `<style<b>` are other tags than `title` and
    /// `style`.
    name_end: usize,
    /// Attribute names read.
    attributes: usize,
    /// Just past the `>` (or the end of the input).
    end: usize,
    /// `<`+letter pairs inside the name and the attributes.
    start_tags: usize,
}

/// From `html[i]`, the index of the first byte with a class in `stop`
/// (or the end), and the `<`+letter pairs met before it.
fn run_until(html: &[u8], mut i: usize, stop: u8) -> (usize, usize) {
    let mut lts = 0;
    while let Some(&b) = html.get(i) {
        let c = class(b);
        if c & stop != 0 {
            break;
        }
        if c & LT != 0 {
            lts += usize::from(opens_tag(html, i));
        }
        i += 1;
    }
    (i, lts)
}

/// Read a tag whose name starts at `start`. The attributes follow the
/// tokenizer's states: a name runs to whitespace, `/`, `>` or `=` (an `=`
/// or a quote that opens a name is part of it); only an `=` after a name
/// introduces a value, quoted to the matching quote or unquoted to
/// whitespace or `>`. End tags are read the same way (the tokenizer reads
/// their attributes too, and then drops them).
fn read_tag(html: &[u8], start: usize) -> Tag {
    let n = html.len();
    let mut start_tags = 0;
    let run = |i: usize, stop: u8, start_tags: &mut usize| {
        let (end, lts) = run_until(html, i, stop);
        *start_tags += lts;
        end
    };
    let mut i = run(start, ENDS_NAME, &mut start_tags);
    let name_end = i;
    let mut attributes = 0;
    loop {
        // Before an attribute name: whitespace and `/` are skipped.
        while i < n && class(html[i]) & (SPACE | SLASH) != 0 {
            i += 1;
        }
        if i >= n {
            break;
        }
        if html[i] == b'>' {
            i += 1;
            break;
        }
        // An attribute name; its first byte may be `=` or a quote (or `<`).
        attributes += 1;
        start_tags += usize::from(html[i] == b'<' && opens_tag(html, i));
        i = run(i + 1, ENDS_NAME | EQ, &mut start_tags);
        while i < n && class(html[i]) & SPACE != 0 {
            i += 1;
        }
        if i >= n || html[i] != b'=' {
            // No value: the next attribute, `/` or `>`.
            continue;
        }
        i += 1;
        while i < n && class(html[i]) & SPACE != 0 {
            i += 1;
        }
        if i < n && (html[i] == b'"' || html[i] == b'\'') {
            let quote = html[i];
            i += 1;
            loop {
                match memchr::memchr2(quote, b'<', &html[i..]) {
                    Some(e) if html[i + e] == b'<' => {
                        start_tags += usize::from(opens_tag(html, i + e));
                        i += e + 1;
                    }
                    Some(e) => {
                        i += e + 1;
                        break;
                    }
                    None => {
                        i = n;
                        break;
                    }
                }
            }
        } else {
            i = run(i, SPACE | GT, &mut start_tags);
        }
    }
    Tag {
        name_end,
        attributes,
        end: i,
        start_tags,
    }
}

/// One byte scan of `html` for the guards' [`Shape`]; it stops once the
/// nesting depth passes `depth_cap`.
///
/// Tags are read as the HTML tokenizer reads them (`read_tag`);
/// comments hold no tags, and neither does the content of raw-text
/// elements (`script`, `style`, ...) until the first `<svg>` or `<math>`:
/// in foreign content those names are ordinary elements, so from there on
/// their content is scanned (counting too much is the safe side). A
/// self-closing `<div/>` counts as nesting: HTML ignores the slash on
/// elements that are not void.
pub fn shape(html: &[u8], depth_cap: usize) -> Shape {
    let mut shape = Shape::default();
    let (mut depth, mut on_html, mut on_body) = (0usize, 0usize, 0usize);
    let mut foreign = false;
    // Open elements per name in NESTING; `depth` is their sum.
    let mut open = [0usize; NESTING.len()];
    let n = html.len();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &html[i..]) {
        let lt = i + off;
        i = lt + 1;
        if i >= n {
            break;
        }
        if html[i..].starts_with(b"!--") {
            let end = super::lex::comment_end(html, i + 3);
            shape.start_tags += tags_in(html, i, end);
            i = end;
            continue;
        }
        let closing = html[i] == b'/';
        let start = i + usize::from(closing);
        if !html.get(start).is_some_and(u8::is_ascii_alphabetic) {
            // Not a tag: text, `<!doctype`, a bogus comment, `</>`.
            continue;
        }
        let tag = read_tag(html, start);
        let name = &html[start..tag.name_end];
        i = tag.end;
        shape.start_tags += tag.start_tags;
        let kind = kind(name);
        if closing {
            // Only an end tag whose element is open closes anything: stray
            // `</i>`s must not hide the nesting of the `<div>`s around them.
            if let Kind::Nesting(at) = kind
                && open[at] > 0
            {
                open[at] -= 1;
                depth -= 1;
            }
            continue;
        }
        shape.start_tags += 1;
        if name.eq_ignore_ascii_case(b"svg") || name.eq_ignore_ascii_case(b"math") {
            foreign = true;
        }
        let total = match kind {
            Kind::Html => {
                on_html += tag.attributes;
                on_html
            }
            Kind::Body => {
                on_body += tag.attributes;
                on_body
            }
            _ => tag.attributes,
        };
        shape.attributes = shape.attributes.max(total);
        match kind {
            Kind::Nesting(at) => {
                open[at] += 1;
                depth += 1;
                if depth > shape.depth {
                    shape.depth = depth;
                    if depth > depth_cap {
                        return shape;
                    }
                }
            }
            Kind::Raw if !foreign => {
                // To just past `</name` (any case); no tags before it.
                let len = name.len();
                let mut at = i;
                loop {
                    let Some(off) = memchr::memchr(b'<', &html[at..]) else {
                        return shape;
                    };
                    let lt = at + off;
                    let s = lt + 2;
                    if html.get(lt + 1) == Some(&b'/')
                        && html
                            .get(s..s + len)
                            .is_some_and(|w| w.eq_ignore_ascii_case(name))
                    {
                        i = s + len;
                        break;
                    }
                    shape.start_tags += usize::from(opens_tag(html, lt));
                    at = lt + 1;
                }
            }
            _ => {}
        }
    }
    shape
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_names_in_any_case() {
        for (at, name) in NESTING.iter().enumerate() {
            assert!(kind(name) == Kind::Nesting(at));
            assert!(kind(&name.to_ascii_uppercase()) == Kind::Nesting(at));
        }
        for name in [&b"script"[..], b"STYLE", b"TextArea", b"title", b"xmp"] {
            assert!(kind(name) == Kind::Raw);
        }
        assert!(kind(b"HTML") == Kind::Html && kind(b"body") == Kind::Body);
        for name in [
            &b""[..],
            b"d",
            b"di",
            b"divx",
            b"blockquotes",
            b"h1",
            b"svg",
            b"spa\0",
        ] {
            assert!(kind(name) == Kind::Other);
        }
    }

    fn depth(html: &[u8], cap: usize) -> usize {
        shape(html, cap).depth
    }

    fn attributes(html: &[u8]) -> usize {
        shape(html, usize::MAX).attributes
    }

    fn start_tags(html: &[u8]) -> usize {
        shape(html, usize::MAX).start_tags
    }

    #[test]
    fn counts_containers_only() {
        assert_eq!(depth(b"<div><div><p>x<p>y</div></div>", 100), 2);
        assert_eq!(depth(b"<ul><li>a<li>b<li>c</ul>", 100), 1);
        // HTML ignores the slash of a self-closing `<div/>`: it nests.
        assert_eq!(depth(b"<div/><div/><div/>", 100), 3);
        assert_eq!(depth(b"<script>'<div><div><div>'</script><div>", 100), 1);
        assert_eq!(depth(b"<!-- <div><div> --><div>", 100), 1);
        // Names in any case; raw text in any case; unknown names ignored.
        assert_eq!(depth(b"<DIV><Blockquote><p><SPAN>", 100), 3);
        assert_eq!(depth(b"<STYLE><div></style><div>", 100), 1);
        assert_eq!(depth(b"<blockquotes><divx><div>", 100), 1);
        // A `/>` inside a quoted value does not close the tag.
        assert_eq!(depth(b"<div title='a/>'><div>", 100), 2);
    }

    /// Markup the tokenizer reads differently from a naive scan must not
    /// hide the nesting after it.
    #[test]
    fn tags_are_read_as_the_tokenizer_reads_them() {
        let divs = "<div>".repeat(50);
        for prefix in [
            // `=` or a quote opening an attribute name, or glued to the
            // tag name, is part of the name: no quoted value follows.
            "<i ='>",
            "<i='>",
            "<i a='x'='>",
            // Names run to whitespace, `/` or `>`: these are no raw-text
            // elements.
            "<title-x>",
            "<style<b>",
            // `--!>` ends a comment, and so do `<!-->` and `<!--->`.
            "<!-- a --!>",
            "<!-->",
            "<!--->",
            // A run of three or more dashes before `>` or `!>` ends one.
            "<!-- a --->",
            "<!-- a ---!>",
            "<!----->",
            // In foreign content `script` is an ordinary element.
            "<svg><script>",
            "<math><title>",
        ] {
            let page = format!("{prefix}{divs}'\"-->");
            assert!(depth(page.as_bytes(), 1000) >= 50, "{prefix}");
        }
        // End tags of elements that are not open close nothing.
        let page = "<div></i>".repeat(50);
        assert_eq!(depth(page.as_bytes(), 1000), 50);
    }

    #[test]
    fn stops_past_the_cap() {
        let deep = "<div>".repeat(100_000);
        assert_eq!(depth(deep.as_bytes(), 1000), 1001);
    }

    #[test]
    fn counts_attributes() {
        assert_eq!(attributes(b"<div a=1 b='x y' c d=\"e f\">"), 4);
        assert_eq!(attributes(b"<p>a < b and c > d</p>"), 0);
        assert_eq!(
            attributes(b"<script>x = '<div a b c d e>'</script><i x>"),
            1
        );
        assert_eq!(attributes(b"<html a><html b><HTML c><p q>"), 3);
        assert_eq!(attributes(b"<body a b><p q><body c>"), 3);
        let many: String = (0..5000).map(|i| format!(" a{i}=1")).collect();
        assert_eq!(attributes(format!("<div{many}>").as_bytes()), 5000);
        // A quote inside an unquoted value or a name does not open a quoted
        // run (real pages that were refused before this was fixed).
        assert_eq!(attributes(b"<a href=it's title=x>text</a>"), 2);
        let text = "word ".repeat(2000);
        let page = format!("<p data-x=don't>{text}</p><a b'c d>{text}<i e='f'>");
        assert!(attributes(page.as_bytes()) <= 2);
    }

    #[test]
    fn counts_every_letter_after_a_less_than() {
        // Comments, raw text and attribute values included: foreign
        // content (`<svg><style>`) can make elements of them.
        let page = b"<p>a<b</p><!-- <i> --><script>'<u>'</script>\
                     <a title='<q>' x=<s data=\"<t>\">1 < 2 <3 </a><";
        assert_eq!(start_tags(page), 9);
        let naive = memchr::memchr_iter(b'<', page)
            .filter(|&i| page.get(i + 1).is_some_and(u8::is_ascii_alphabetic))
            .count();
        assert_eq!(naive, 9);
        // Unclosed comments and raw text run to the end.
        assert_eq!(start_tags(b"<p><!-- <a><b"), 3);
        assert_eq!(start_tags(b"<style><a><b"), 3);
    }

    #[test]
    fn start_tags_match_the_naive_count_on_any_markup() {
        // Pseudo-random strings of the pieces the scan reacts to.
        const PIECES: &[&[u8]] = &[
            b"<", b"<", b">", b"/", b"!--", b"-->", b"'", b"\"", b"=", b" ", b"a", b"div",
            b"STYLE", b"</style", b"1",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for len in 0..400 {
            let page: Vec<u8> = (0..len)
                .flat_map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    PIECES[(seed % PIECES.len() as u64) as usize]
                })
                .copied()
                .collect();
            let naive = memchr::memchr_iter(b'<', &page)
                .filter(|&i| page.get(i + 1).is_some_and(u8::is_ascii_alphabetic))
                .count();
            assert_eq!(
                start_tags(&page),
                naive,
                "{}",
                String::from_utf8_lossy(&page)
            );
        }
    }
}
