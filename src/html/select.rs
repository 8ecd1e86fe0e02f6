//! Which parts of the page are the article.
//!
//! 1. **Prune**: subtrees whose tag or class/id/role names boilerplate are
//!    dropped, unless they hold most of the page's paragraph text (then the
//!    word is about a wrapper, as in `content-with-sidebar`).
//! 2. **Measure**: one bottom-up pass over the arena gives every element its
//!    text length, link text length and comma count, so every later score is
//!    O(1).
//! 3. **Score** (after Readability): each text-holding block scores
//!    `1 + commas + min(chars/100, 3)`, shared out to its ancestors; an
//!    element's score, discounted by its link density, picks the top
//!    candidate, which is then widened to a common ancestor or joined with
//!    worthy siblings.

use crate::model::block::{Block, BlockTag, Kind};
use crate::rules;
use crate::util::bytes::utf8_len;

use crate::markup::dom::{Dom, Tag};

/// Per-element measurements, with pruned subtrees left out.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    /// Non-whitespace characters of text.
    pub chars: u32,
    /// Of which inside links.
    pub link_chars: u32,
    /// Commas (Latin, CJK, Arabic).
    pub commas: u32,
    /// Characters of text held directly by `<p>`-like blocks.
    pub para_chars: u32,
}

impl Stats {
    pub fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            f64::from(self.link_chars) / f64::from(self.chars)
        }
    }
}

/// The analysed page.
pub struct Analysis {
    pub stats: Vec<Stats>,
    /// `Some(kind)` on the root of each pruned subtree.
    pub pruned: Vec<Option<Kind>>,
    /// Whether a node lies inside a pruned subtree (its root included).
    pub dropped: Vec<bool>,
    /// Nearest block-level ancestor (self for block elements).
    pub holder: Vec<u32>,
    /// Whether a node lies inside a link.
    pub in_link: Vec<bool>,
    /// Whether the page is a gallery whose captions are its text: they are
    /// then kept, where elsewhere a caption is furniture.
    pub captions_are_content: bool,
}

fn is_comma(c: char) -> bool {
    matches!(c, ',' | '，' | '、' | '،' | '؛')
}

/// The non-whitespace characters of a text and the commas among them.
/// One byte scan; only non-ASCII characters are decoded.
fn text_stats(t: &str) -> Stats {
    let bytes = t.as_bytes();
    let mut s = Stats::default();
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII, found eight bytes at a time and counted
        // branch-free.
        let run = i + ascii_run(&bytes[i..]);
        count_ascii(&bytes[i..run], &mut s);
        i = run;
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if matches!(b, 0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xE3 | 0xEF) {
            // The lead bytes of every non-ASCII space and comma.
            let c = t[i..].chars().next().unwrap_or_default();
            i += c.len_utf8();
            if !c.is_whitespace() {
                s.chars += 1;
                s.commas += u32::from(is_comma(c));
            }
        } else {
            i += utf8_len(b);
            s.chars += 1;
        }
    }
    s
}

/// The length of the run of ASCII bytes that `b` opens.
fn ascii_run(b: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let (words, _) = b.as_chunks::<8>();
    for (k, w) in words.iter().enumerate() {
        let high = u64::from_le_bytes(*w) & HIGH;
        if high != 0 {
            return 8 * k + high.trailing_zeros() as usize / 8;
        }
    }
    let tail = 8 * words.len();
    tail + b[tail..]
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(b.len() - tail)
}

/// Add the non-space characters and the commas of ASCII bytes to `s`:
/// counted in blocks of 64 bytes into byte-wide sums (they vectorise).
fn count_ascii(run: &[u8], s: &mut Stats) {
    let space = |b: u8| (b == b' ') | (b.wrapping_sub(b'\t') < 5);
    let (blocks, rest) = run.as_chunks::<64>();
    for block in blocks {
        let spaces = block.iter().fold(0u8, |n, &b| n + u8::from(space(b)));
        let commas = block.iter().fold(0u8, |n, &b| n + u8::from(b == b','));
        s.chars += 64 - u32::from(spaces);
        s.commas += u32::from(commas);
    }
    for &b in rest {
        s.chars += u32::from(!space(b));
        s.commas += u32::from(b == b',');
    }
}

/// Measure every element, skipping nodes for which `skip` is true. The
/// text nodes' own figures are taken from `texts` when given (a previous
/// measure: they do not depend on `skip`).
fn measure(dom: &Dom, skip: &[bool], texts: Option<&[Stats]>) -> Vec<Stats> {
    let n = dom.nodes.len();
    let mut stats = vec![Stats::default(); n];
    // Pre-order arena: children come after parents, so walking backwards
    // sees every child before its parent.
    for i in (0..n).rev() {
        if skip[i] {
            stats[i] = Stats::default();
            continue;
        }
        let node = &dom.nodes[i];
        if node.tag == Tag::Text {
            stats[i] = texts.map_or_else(|| text_stats(dom.text_of(i)), |t| t[i]);
        } else if node.tag == Tag::A {
            stats[i].link_chars = stats[i].chars;
        } else if matches!(node.tag, Tag::P | Tag::Pre) {
            // Paragraph text counts once, whatever paragraphs it nests.
            stats[i].para_chars = stats[i].chars - stats[i].link_chars;
        }
        let p = node.parent as usize;
        if p != i {
            let s = stats[i];
            let ps = &mut stats[p];
            ps.chars += s.chars;
            ps.link_chars += s.link_chars;
            ps.commas += s.commas;
            ps.para_chars += s.para_chars;
        }
    }
    stats
}

/// Prune (when `prune` is set) and measure.
pub fn analyse(dom: &Dom, prune: bool) -> Analysis {
    let n = dom.nodes.len();
    let none = vec![false; n];
    let raw = measure(dom, &none, None);
    let total_para = raw.first().map_or(0, |s| s.para_chars).max(1);
    let plain = |s: &Stats| s.chars - s.link_chars;
    let total_plain = raw.first().map_or(0, plain).max(1);

    let captions_are_content = caption_chars(dom, &raw) * 2 > total_plain;
    let mut pruned = vec![None; n];
    let mut dropped = vec![false; n];
    for i in 0..n {
        let node = &dom.nodes[i];
        let p = node.parent as usize;
        if p != i && dropped[p] {
            dropped[i] = true;
            continue;
        }
        if !prune {
            continue;
        }
        if let Some(kind) = opens_closing_section(dom, &raw, i) {
            pruned[i] = Some(kind);
            dropped[i] = true;
            continue;
        }
        let Some(kind) = node.kind else {
            continue;
        };
        if captions_are_content && node.tag == Tag::Figcaption {
            continue;
        }
        // A hover card's trigger (the link, or a wrapper around the link
        // and its card) is the sentence's own text: prune only the card.
        if node.hover
            && (node.tag == Tag::A || (i + 1..node.end as usize).any(|j| dom.nodes[j].hover))
        {
            continue;
        }
        // A wrapper that holds most of the page's prose is not boilerplate,
        // whatever its class says.
        if (raw[i].para_chars * 2 > total_para && raw[i].para_chars > 500)
            || plain(&raw[i]) * 2 > total_plain
        {
            continue;
        }
        if node.body_hint {
            continue;
        }
        pruned[i] = Some(kind);
        dropped[i] = true;
    }
    let stats = measure(dom, &dropped, Some(&raw));

    let mut holder = vec![0u32; n];
    let mut in_link = vec![false; n];
    for i in 0..n {
        let node = &dom.nodes[i];
        let p = node.parent as usize;
        in_link[i] = node.tag == Tag::A || (p != i && in_link[p]);
        holder[i] = if node.tag.is_block() || node.parent as usize == i {
            i as u32
        } else {
            holder[node.parent as usize]
        };
    }
    Analysis {
        stats,
        pruned,
        dropped,
        holder,
        in_link,
        captions_are_content,
    }
}

/// Characters of text outside links inside `<figcaption>` elements.
fn caption_chars(dom: &Dom, raw: &[Stats]) -> u32 {
    let mut sum = 0;
    let mut i = 0;
    while i < dom.nodes.len() {
        if dom.nodes[i].tag == Tag::Figcaption {
            sum += raw[i].chars - raw[i].link_chars;
            i = dom.nodes[i].end as usize;
        } else {
            i += 1;
        }
    }
    sum
}

/// A container whose first child with text is a heading worded as a
/// related-posts or comments heading ("Related articles", "Você pode
/// gostar...", "Kommentare") holds that section, not the article, however
/// much text it holds: teasers can outweigh a short article. A container
/// holding the page's headline (`<h1>`) is the article's own.
fn opens_closing_section(dom: &Dom, raw: &[Stats], i: usize) -> Option<Kind> {
    if !matches!(
        dom.nodes[i].tag,
        Tag::Div | Tag::Section | Tag::Article | Tag::Aside | Tag::Block
    ) {
        return None;
    }
    let first = dom.children(i).find(|&c| raw[c].chars > 0)?;
    if !matches!(dom.nodes[first].tag, Tag::H(2..=6)) || raw[first].chars > 80 {
        return None;
    }
    let text: String = (first..dom.nodes[first].end as usize)
        .filter(|&j| dom.nodes[j].tag == Tag::Text)
        .map(|j| dom.text_of(j))
        .collect();
    let block = Block::new(BlockTag::Heading(2), text.trim());
    let kind =
        rules::region_kind(&block).filter(|k| matches!(k, Kind::Related | Kind::Comments))?;
    let end = dom.nodes[i].end as usize;
    if (i..end).any(|j| dom.nodes[j].tag == Tag::H(1) || dom.nodes[j].body_hint) {
        return None;
    }
    Some(kind)
}

/// Tag part of a candidate's starting score (Readability's values).
fn tag_base(tag: Tag) -> f64 {
    match tag {
        Tag::Div | Tag::Article | Tag::Main | Tag::Section => 5.0,
        Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
        Tag::Ul | Tag::Ol | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => -3.0,
        Tag::H(_) => -5.0,
        _ => 0.0,
    }
}

/// The elements that make up the article, in page order (each a subtree root).
pub fn select(dom: &Dom, an: &Analysis) -> Vec<usize> {
    let n = dom.nodes.len();
    if n == 0 {
        return Vec::new();
    }
    // Text held directly by each block element (not by nested blocks).
    let mut own_chars = vec![0u32; n];
    let mut own_links = vec![0u32; n];
    let mut own_commas = vec![0u32; n];
    for i in 0..n {
        if an.dropped[i] || dom.nodes[i].tag != Tag::Text {
            continue;
        }
        let h = an.holder[dom.nodes[i].parent as usize] as usize;
        let s = an.stats[i];
        own_chars[h] += s.chars;
        own_commas[h] += s.commas;
        if an.in_link[i] {
            own_links[h] += s.chars;
        }
    }

    let mut score = vec![0f64; n];
    let mut scored = vec![false; n];
    for h in 0..n {
        let tag = dom.nodes[h].tag;
        if an.dropped[h]
            || !matches!(
                tag,
                Tag::P
                    | Tag::Pre
                    | Tag::Td
                    | Tag::Blockquote
                    | Tag::Div
                    | Tag::Section
                    | Tag::Article
                    | Tag::Block
                    | Tag::Dd
                    | Tag::Main
                    | Tag::Body
            )
        {
            continue;
        }
        let chars = own_chars[h];
        if chars < 25 || own_links[h] * 2 > chars {
            continue;
        }
        let s = 1.0 + f64::from(own_commas[h]) + (f64::from(chars) / 100.0).min(3.0);
        // Readability gives a paragraph's score to its parent and
        // grandparent in full and half, then a third per further level.
        let mut a = dom.nodes[h].parent as usize;
        let mut level = 0;
        if !matches!(tag, Tag::P | Tag::Pre | Tag::Td | Tag::Blockquote) {
            // A <div> holding text directly is itself a candidate too.
            a = h;
        }
        while level < 5 {
            if !scored[a] {
                scored[a] = true;
                score[a] += tag_base(dom.nodes[a].tag) + f64::from(dom.nodes[a].weight);
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => f64::from(l) * 3.0,
            };
            score[a] += s / div;
            let p = dom.nodes[a].parent as usize;
            if p == a {
                break;
            }
            a = p;
            level += 1;
        }
    }
    let adjusted = |i: usize| score[i] * (1.0 - an.stats[i].link_density());

    let mut top: Option<usize> = None;
    for i in 0..n {
        if scored[i] && !an.dropped[i] && top.is_none_or(|t| adjusted(i) > adjusted(t)) {
            top = Some(i);
        }
    }
    let Some(mut top) = top else {
        return vec![0];
    };
    let is_root = |i: usize| {
        matches!(dom.nodes[i].tag, Tag::Body | Tag::Html) || dom.nodes[i].parent as usize == i
    };

    // Several near-equal candidates: their common ancestor is the article.
    let top_score = adjusted(top);
    let mut rivals: Vec<usize> = (0..n)
        .filter(|&i| i != top && scored[i] && !an.dropped[i] && adjusted(i) >= 0.75 * top_score)
        .filter(|&i| !contains(dom, i, top) && !contains(dom, top, i))
        .collect();
    rivals.sort_by(|&a, &b| adjusted(b).total_cmp(&adjusted(a)));
    rivals.truncate(4);
    if rivals.len() >= 2 {
        let mut a = dom.nodes[top].parent as usize;
        while !is_root(a) {
            let inside = rivals.iter().filter(|&&r| contains(dom, a, r)).count();
            if inside >= 2 {
                top = a;
                break;
            }
            a = dom.nodes[a].parent as usize;
        }
    }

    // Climb while the parent scores at least as well.
    let mut last = score[top];
    let threshold = last / 3.0;
    let mut p = dom.nodes[top].parent as usize;
    while !is_root(p) {
        if !scored[p] {
            p = dom.nodes[p].parent as usize;
            continue;
        }
        if score[p] < threshold {
            break;
        }
        if score[p] > last {
            top = p;
            break;
        }
        last = score[p];
        p = dom.nodes[p].parent as usize;
    }
    // A single element the page marks as the article body
    // (itemprop=articleBody, "entry-content") is trusted over the score
    // when the two agree on the region: the chosen candidate lies inside
    // it, or contains it along with other matter.
    let bodies: Vec<usize> = (0..n)
        .filter(|&i| {
            dom.nodes[i].body_hint && !an.dropped[i] && an.stats[i].chars >= BODY_MIN_CHARS
        })
        .collect();
    if let [body] = bodies[..]
        && an.stats[body].link_density() < 0.3
        && contains(dom, top, body)
    {
        top = body;
    }
    // Climb through parents that hold nothing else.
    loop {
        let p = dom.nodes[top].parent as usize;
        if is_root(p) || an.stats[p].chars != an.stats[top].chars {
            break;
        }
        top = p;
    }

    // Join siblings that look like part of the article.
    let parent = dom.nodes[top].parent as usize;
    if parent == top {
        return vec![top];
    }
    let threshold = (score[top] * 0.2).max(10.0);
    let mut out = Vec::new();
    for s in dom.children(parent) {
        if s == top {
            out.push(s);
            continue;
        }
        if an.dropped[s] || dom.nodes[s].tag == Tag::Text {
            continue;
        }
        let st = an.stats[s];
        let ld = st.link_density();
        let keep = if scored[s] && adjusted(s) >= threshold {
            true
        } else if dom.nodes[s].tag == Tag::P {
            let text_like = own_commas[s] > 0 || st.chars > 80;
            (st.chars > 80 && ld < 0.25) || (text_like && ld == 0.0)
        } else {
            false
        };
        if keep {
            out.push(s);
        }
    }
    let mut leads = lead_paragraphs(dom, an, &own_chars, &own_links, out[0]);
    leads.extend(out);
    leads
}

/// Lead paragraphs (standfirst, teaser) that sit between the headline and
/// the chosen container, in a container of their own: text-holding blocks
/// after the last `<h1>` before `first`, with little link text.
fn lead_paragraphs(
    dom: &Dom,
    an: &Analysis,
    own_chars: &[u32],
    own_links: &[u32],
    first: usize,
) -> Vec<usize> {
    // The headline: the nearest <h1> before the container, not pruned.
    let Some(h1) = (0..first)
        .rev()
        .find(|&i| dom.nodes[i].tag == Tag::H(1) && !an.dropped[i])
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut i = dom.nodes[h1].end as usize;
    while i < first {
        let node = &dom.nodes[i];
        if an.dropped[i] || (node.end as usize) > first {
            // Pruned, or a wrapper of the container itself: step inside.
            i = if an.dropped[i] {
                node.end as usize
            } else {
                i + 1
            };
            continue;
        }
        let holds_all = own_chars[i] > 0 && own_chars[i] == an.stats[i].chars;
        if matches!(node.tag, Tag::P | Tag::Div | Tag::Section | Tag::Blockquote)
            && holds_all
            && own_chars[i] >= LEAD_MIN_CHARS
            && own_links[i] * 4 < own_chars[i]
        {
            out.push(i);
            i = node.end as usize;
            continue;
        }
        i += 1;
    }
    out
}

/// The standfirst: an element between the headline and the article that
/// repeats the page's own description (`og:description`, `<meta
/// name=description>`). Pages often mark it as a teaser, which the pruner
/// drops, or set it as a sub-heading; it is the article's first paragraph.
/// The innermost such element is returned; it may lie inside the chosen
/// container, where the pruner dropped it.
pub fn standfirst(dom: &Dom, roots: &[usize], description: &str) -> Option<usize> {
    let first = *roots.first()?;
    let key = text_key(description);
    if key.chars().count() < STANDFIRST_KEY_CHARS {
        return None;
    }
    // The headline sits before the article or at its top.
    let first_end = dom.nodes[first].end as usize;
    let h1 = (0..first_end)
        .rev()
        .find(|&i| dom.nodes[i].tag == Tag::H(1))?;
    let mut i = dom.nodes[h1].end as usize;
    let limit = if i <= first {
        first
    } else {
        first_end.min(i + STANDFIRST_SCAN_NODES)
    };
    let mut best: Option<usize> = None;
    while i < limit {
        if let Some(b) = best
            && i >= dom.nodes[b].end as usize
        {
            break;
        }
        let node = &dom.nodes[i];
        let candidate = matches!(
            node.tag,
            Tag::P | Tag::Div | Tag::Section | Tag::Blockquote | Tag::Header | Tag::H(2..=6)
        ) && !(i < first && node.end as usize > first);
        if candidate && subtree_key(dom, i) == key {
            best = Some(i);
        }
        i += 1;
    }
    best
}

/// [`text_key`] of the text of the subtree of `i`, read no further than
/// the key needs (and no more than [`STANDFIRST_KEY_NODES`] nodes), so that
/// nested candidates do not make the search quadratic.
fn subtree_key(dom: &Dom, i: usize) -> String {
    let end = (dom.nodes[i].end as usize).min(i + STANDFIRST_KEY_NODES);
    let mut key = String::new();
    let mut n = 0;
    for j in i..end {
        if dom.nodes[j].tag != Tag::Text {
            continue;
        }
        for c in dom.text_of(j).chars().filter(|c| c.is_alphanumeric()) {
            for l in c.to_lowercase() {
                if n == STANDFIRST_KEY_CHARS {
                    return key;
                }
                key.push(l);
                n += 1;
            }
        }
    }
    key
}

/// Nodes of a candidate's subtree read for its key.
const STANDFIRST_KEY_NODES: usize = 64;

/// The first [`STANDFIRST_KEY_CHARS`] letters and digits of a text,
/// lower-case: enough to recognise a description repeated in the page
/// whatever its markup, spacing or truncation.
fn text_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .take(STANDFIRST_KEY_CHARS)
        .collect()
}

/// Nodes after a headline inside the article searched for its standfirst.
const STANDFIRST_SCAN_NODES: usize = 200;

/// Letters and digits compared between a standfirst and the description.
const STANDFIRST_KEY_CHARS: usize = 50;

/// A lead paragraph has at least this many characters.
const LEAD_MIN_CHARS: u32 = 60;

/// An article-body hint needs at least this much text to be trusted.
const BODY_MIN_CHARS: u32 = 400;

/// Whether `inner` lies in the subtree of `outer`.
pub fn contains(dom: &Dom, outer: usize, inner: usize) -> bool {
    inner >= outer && inner < dom.nodes[outer].end as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_stats_count_characters_as_chars_do() {
        for t in [
            "",
            " \t\n",
            "Hello, world, again.",
            "a\u{a0}b\u{3000}c\u{2009}d\u{85}e\u{b}f",
            "日本語、中文，عربي، ؛ x",
            "Grüße aus Köln, ß",
        ] {
            let chars = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
            let commas = t.chars().filter(|&c| is_comma(c)).count() as u32;
            let s = text_stats(t);
            assert_eq!((s.chars, s.commas), (chars, commas), "{t:?}");
        }
        // Long runs of ASCII around other characters (the block counts).
        let long = "The council met, as planned, on Tuesday.\t\n ".repeat(5);
        for t in [
            long.clone(),
            format!("{long}é{long}"),
            format!("x{long}\u{a0}{long}，{}", &long[..61]),
        ] {
            let chars = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
            let commas = t.chars().filter(|&c| is_comma(c)).count() as u32;
            let s = text_stats(&t);
            assert_eq!((s.chars, s.commas), (chars, commas), "{t:?}");
            for n in 0..t.len() {
                let run = ascii_run(&t.as_bytes()[n..]);
                let want = t.as_bytes()[n..]
                    .iter()
                    .take_while(|b| b.is_ascii())
                    .count();
                assert_eq!(run, want);
            }
        }
        // Every character, between ASCII letters.
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let t = format!("a{c}b");
            let s = text_stats(&t);
            let want = 2 + u32::from(!c.is_whitespace());
            assert_eq!((s.chars, s.commas), (want, u32::from(is_comma(c))), "{c:?}");
        }
    }
}
