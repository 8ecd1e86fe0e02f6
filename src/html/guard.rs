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

/// How the scan treats a tag.
#[derive(PartialEq, Clone, Copy)]
enum Kind {
    /// Counted for nesting depth: containers the parser never closes
    /// implicitly.
    Nesting,
    /// Raw-text content (no tags inside).
    Raw,
    /// `<html>` and `<body>`: the parser merges all their tags into one
    /// element each, attributes included.
    Html,
    Body,
    Other,
}

/// The [`Kind`] of a tag name, in any case.
fn kind(name: &[u8]) -> Kind {
    // The longest name listed is "blockquote".
    let mut buf = [0u8; 10];
    let Some(lower) = buf.get_mut(..name.len()) else {
        return Kind::Other;
    };
    for (d, s) in lower.iter_mut().zip(name) {
        *d = s.to_ascii_lowercase();
    }
    match &*lower {
        b"div" | b"span" | b"section" | b"article" | b"main" | b"aside" | b"nav" | b"header"
        | b"footer" | b"ul" | b"ol" | b"table" | b"blockquote" | b"form" | b"center" | b"font"
        | b"b" | b"i" | b"em" | b"strong" | b"a" => Kind::Nesting,
        b"script" | b"style" | b"textarea" | b"title" | b"xmp" => Kind::Raw,
        b"html" => Kind::Html,
        b"body" => Kind::Body,
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

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
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

/// One byte scan of `html` for the guards' [`Shape`]; it stops once the
/// nesting depth passes `depth_cap`.
///
/// Tags are read as the HTML tokenizer reads them: comments and the
/// content of raw-text elements (`script`, `style`, ...) hold no tags, and
/// attribute names start after whitespace (or `/`), with `=` introducing
/// a value, quoted (to the matching quote) or unquoted (to whitespace or
/// `>`). A quote anywhere else is just a character of a name.
pub fn shape(html: &[u8], depth_cap: usize) -> Shape {
    let mut shape = Shape::default();
    let (mut depth, mut on_html, mut on_body) = (0usize, 0usize, 0usize);
    let n = html.len();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &html[i..]) {
        let lt = i + off;
        i = lt + 1;
        if i >= n {
            break;
        }
        if html[i..].starts_with(b"!--") {
            let end = memchr::memmem::find(&html[i..], b"-->").map_or(n, |e| i + e + 3);
            shape.start_tags += tags_in(html, i, end);
            i = end;
            continue;
        }
        let closing = html[i] == b'/';
        let start = i + usize::from(closing);
        let len = html[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if len == 0 {
            continue;
        }
        let name = &html[start..start + len];
        i = start + len;
        if closing {
            if kind(name) == Kind::Nesting {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if !name[0].is_ascii_alphabetic() {
            continue;
        }
        shape.start_tags += 1;
        // The attributes, to the tag's `>` (or the end).
        let mut count = 0usize;
        let mut after_space = false;
        let mut gt = n;
        while i < n {
            match html[i] {
                b'>' => {
                    gt = i;
                    i += 1;
                    break;
                }
                b'=' => {
                    i += 1;
                    while i < n && is_space(html[i]) {
                        i += 1;
                    }
                    if i < n && (html[i] == b'"' || html[i] == b'\'') {
                        let quote = html[i];
                        i += 1;
                        loop {
                            match memchr::memchr2(quote, b'<', &html[i..]) {
                                Some(e) if html[i + e] == b'<' => {
                                    shape.start_tags += usize::from(opens_tag(html, i + e));
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
                        while i < n && !is_space(html[i]) && html[i] != b'>' {
                            shape.start_tags += usize::from(html[i] == b'<' && opens_tag(html, i));
                            i += 1;
                        }
                    }
                    after_space = true;
                    continue;
                }
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' => after_space = true,
                b => {
                    if b == b'<' {
                        shape.start_tags += usize::from(opens_tag(html, i));
                    }
                    if after_space {
                        count += 1;
                    }
                    after_space = false;
                }
            }
            i += 1;
        }
        let kind = kind(name);
        let total = match kind {
            Kind::Html => {
                on_html += count;
                on_html
            }
            Kind::Body => {
                on_body += count;
                on_body
            }
            _ => count,
        };
        shape.attributes = shape.attributes.max(total);
        match kind {
            // A self-closing `<div/>` does not nest.
            Kind::Nesting if !(gt > start + len && html[gt - 1] == b'/') => {
                depth += 1;
                if depth > shape.depth {
                    shape.depth = depth;
                    if depth > depth_cap {
                        return shape;
                    }
                }
            }
            Kind::Raw => {
                // To just past `</name` (any case); no tags before it.
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
        assert_eq!(depth(b"<div/><div/><div/>", 100), 0);
        assert_eq!(depth(b"<script>'<div><div><div>'</script><div>", 100), 1);
        assert_eq!(depth(b"<!-- <div><div> --><div>", 100), 1);
        // Names in any case; raw text in any case; unknown names ignored.
        assert_eq!(depth(b"<DIV><Blockquote><p><SPAN>", 100), 3);
        assert_eq!(depth(b"<STYLE><div></style><div>", 100), 1);
        assert_eq!(depth(b"<blockquotes><divx><div>", 100), 1);
        // A `/>` inside a quoted value does not close the tag.
        assert_eq!(depth(b"<div title='a/>'><div>", 100), 2);
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
