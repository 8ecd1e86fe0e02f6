//! A cheap byte scan run before parsing, to refuse pages whose element
//! nesting would make html5ever's tree builder quadratic (it walks the
//! stack of open elements for every start tag: 300,000 nested `<div>`s take
//! minutes).
//!
//! Only container tags that the HTML parser never closes implicitly are
//! counted (`div`, `span`, `section`, lists, tables, ...), so omitted `</p>`
//! or `</li>` end tags do not inflate the estimate.

/// How the scan treats a tag.
#[derive(PartialEq)]
enum Kind {
    /// Counted for nesting depth: containers the parser never closes
    /// implicitly.
    Nesting,
    /// Raw-text content (no tags inside).
    Raw,
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
        _ => Kind::Other,
    }
}

/// The deepest nesting of counted container tags, stopping once `cap` is
/// passed (the result is then `cap + 1`).
pub fn nesting_depth(html: &[u8], cap: usize) -> usize {
    let mut depth = 0usize;
    let mut max = 0usize;
    let mut i = 0;
    let n = html.len();
    while let Some(off) = memchr(b'<', &html[i..]) {
        i += off + 1;
        if i >= n {
            break;
        }
        if html[i..].starts_with(b"!--") {
            match find(&html[i..], b"-->") {
                Some(e) => i += e + 3,
                None => break,
            }
            continue;
        }
        let closing = html[i] == b'/';
        let start = if closing { i + 1 } else { i };
        let len = html[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if len == 0 {
            continue;
        }
        let name = &html[start..start + len];
        i = start + len;
        let kind = kind(name);
        if !closing && kind == Kind::Raw {
            match find_end_tag(&html[i..], name) {
                Some(e) => i += e,
                None => break,
            }
            continue;
        }
        if kind != Kind::Nesting {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            // A self-closing `<div/>` does not nest.
            let gt = memchr(b'>', &html[i..]).map_or(n, |g| i + g);
            if gt > i && html[gt - 1] == b'/' {
                continue;
            }
            depth += 1;
            if depth > max {
                max = depth;
                if max > cap {
                    return max;
                }
            }
        }
    }
    max
}

fn memchr(b: u8, hay: &[u8]) -> Option<usize> {
    memchr::memchr(b, hay)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// Offset just past `</name` (any case) in `hay`.
fn find_end_tag(hay: &[u8], name: &[u8]) -> Option<usize> {
    let mut at = 0;
    while let Some(off) = memchr::memmem::find(&hay[at..], b"</") {
        let s = at + off + 2;
        if hay.len() >= s + name.len() && hay[s..s + name.len()].eq_ignore_ascii_case(name) {
            return Some(s + name.len());
        }
        at = s;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_containers_only() {
        assert_eq!(nesting_depth(b"<div><div><p>x<p>y</div></div>", 100), 2);
        assert_eq!(nesting_depth(b"<ul><li>a<li>b<li>c</ul>", 100), 1);
        assert_eq!(nesting_depth(b"<div/><div/><div/>", 100), 0);
        assert_eq!(
            nesting_depth(b"<script>'<div><div><div>'</script><div>", 100),
            1
        );
        assert_eq!(nesting_depth(b"<!-- <div><div> --><div>", 100), 1);
        // Names in any case; raw text in any case; unknown names ignored.
        assert_eq!(nesting_depth(b"<DIV><Blockquote><p><SPAN>", 100), 3);
        assert_eq!(nesting_depth(b"<STYLE><div></style><div>", 100), 1);
        assert_eq!(nesting_depth(b"<blockquotes><divx><div>", 100), 1);
    }

    #[test]
    fn stops_past_the_cap() {
        let deep = "<div>".repeat(100_000);
        assert_eq!(nesting_depth(deep.as_bytes(), 1000), 1001);
    }
}
