//! HTML pages -> article blocks.
//!
//! One parse (html5ever, into the lean tree of [`tree`]); one walk over
//! that tree that copies the text-bearing nodes into an arena ([`dom`]) and
//! collects the metadata candidates ([`crate::metadata::html::Walk`]); pruning and scoring over
//! that arena ([`select`]), block emission from the chosen subtrees
//! ([`blocks`]), then the shared block-level rules ([`crate::rules`]).

// The arena is walked by index: parents, subtree ends and per-node tables
// are all indices, so index loops are the clear form here.
#![allow(clippy::needless_range_loop)]

pub mod blocks;
pub mod select;

use crate::markup::{dom, tree};

use crate::model::article::Article;
use crate::model::block::{Block, BlockTag, Kind, Removed};
use crate::rules;
use crate::util::words::word_count_upto;

use dom::{Dom, Tag};

/// Below this many characters, an extraction is suspect and retried
/// without pruning.
const MIN_CHARS: u32 = 250;

/// Extract the article from an HTML page.
pub fn extract(html: &str) -> Article {
    extract_within(html, tree::Limits::NONE).expect("no limits")
}

/// As [`extract`], giving up on pages that pass a limit while parsing
/// (see [`tree::parse_within`]).
///
/// # Errors
/// [`tree::Exceeded`] names the limit passed.
pub fn extract_within(html: &str, limits: tree::Limits) -> Result<Article, tree::Exceeded> {
    Ok(extract_tree(tree::parse_within(html, limits)?))
}

/// As [`extract_within`], for a page already in the parser's buffer (see
/// [`crate::decode::page_tendril`]).
///
/// # Errors
/// [`tree::Exceeded`] names the limit passed.
pub fn extract_page(
    page: &html5ever::tendril::StrTendril,
    limits: tree::Limits,
) -> Result<Article, tree::Exceeded> {
    Ok(extract_tree(tree::parse_page(page, limits)?))
}

/// The article of a parsed page.
fn extract_tree(doc: tree::Tree) -> Article {
    let mut walk = crate::metadata::html::Walk::new();
    let dom = Dom::build_observed(&doc, &mut walk);
    let meta = walk.finish();
    drop(doc);
    let mut an = select::analyse(&dom, true);
    let mut roots = select::select(&dom, &an);
    let chosen: u32 = roots.iter().map(|&r| an.stats[r].chars).sum();
    if chosen < MIN_CHARS {
        // Pruning took (nearly) everything: a class word misfired on the
        // article's wrapper. Try again without pruning, keep the longer.
        let bare = select::analyse(&dom, false);
        let bare_roots = select::select(&dom, &bare);
        let bare_chars: u32 = bare_roots.iter().map(|&r| bare.stats[r].chars).sum();
        if bare_chars > chosen * 2 {
            an = bare;
            roots = bare_roots;
        }
    }
    if let Some(desc) = meta.description.as_deref()
        && let Some(lead) = select::standfirst(&dom, &roots, desc)
    {
        keep_subtree(&dom, &mut an, lead);
        if let Some(&root) = roots.iter().find(|&&r| select::contains(&dom, r, lead)) {
            // Inside the article: the wrappers the pruner dropped around it
            // (`<div class="teaser"><p>...`) must be entered, though their
            // other children stay dropped.
            let mut a = dom.nodes[lead].parent as usize;
            while a != root && a != dom.nodes[a].parent as usize {
                an.pruned[a] = None;
                an.dropped[a] = false;
                a = dom.nodes[a].parent as usize;
            }
        } else {
            roots.insert(0, lead);
        }
    }
    let mut removed = Removed::default();
    count_pruned(&dom, &an, &mut removed);
    let blocks = blocks::emit(&dom, &an, &roots);
    let blocks = filter(blocks, &mut removed);
    Article {
        blocks,
        removed,
        meta,
    }
}

/// Undo the pruning over the subtree of `root`, but for the pruned
/// subtrees nested in it.
fn keep_subtree(dom: &Dom, an: &mut select::Analysis, root: usize) {
    an.pruned[root] = None;
    let end = dom.nodes[root].end as usize;
    let mut j = root;
    while j < end {
        if j != root && an.pruned[j].is_some() {
            j = dom.nodes[j].end as usize;
            continue;
        }
        an.dropped[j] = false;
        j += 1;
    }
}

/// Count each pruned subtree that had any text, by kind.
fn count_pruned(dom: &Dom, an: &select::Analysis, removed: &mut Removed) {
    let mut i = 0;
    while i < dom.nodes.len() {
        if let Some(kind) = an.pruned[i] {
            let end = dom.nodes[i].end as usize;
            let has_text = (i..end)
                .any(|j| dom.nodes[j].tag == Tag::Text && !dom.text_of(j).trim().is_empty());
            if has_text {
                removed.add(kind);
            }
            i = end;
        } else {
            i += 1;
        }
    }
}

/// Shared block-level rules: wording (share bars, "Leave a Reply",
/// copyright), link-dense short blocks, and the page headline.
fn filter(blocks: Vec<Block>, removed: &mut Removed) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        if b.tag == BlockTag::Heading(1) {
            // The headline is metadata (title), not body text.
            continue;
        }
        let ld = b.link_density();
        if ld > 0.9 || (ld > 0.75 && word_count_upto(&b.text, 30) < 30) {
            removed.add(Kind::Navigation);
            continue;
        }
        out.push(b);
    }
    rules::finish(out, removed)
}

/// The HTML golden fixtures (`tests/fixtures/*/source.html`): path and
/// text, at least two of them.
#[cfg(test)]
pub(crate) fn fixture_pages() -> Vec<(std::path::PathBuf, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path().join("source.html"))
        .filter_map(|path| std::fs::read_to_string(&path).ok().map(|html| (path, html)))
        .collect();
    assert!(pages.len() >= 2, "no HTML fixtures in {}", dir.display());
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(html: &str) -> String {
        extract(html)
            .blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    const PARA: &str = "<p>The council met on Tuesday evening and, after a long debate about \
        the budget, agreed to keep the swimming pool open through the winter months.</p>\
        <p>Residents had collected more than two thousand signatures, and several of them \
        spoke at the meeting about what the pool means for children and older people.</p>";

    #[test]
    fn heading_id_is_an_anchor_not_a_name() {
        let html = format!(
            "<html><body><nav><a href=/>Home</a></nav><article>{PARA}\
             <h3 id=\"nav_what_comes_next\">What comes next</h3>{PARA}</article></body></html>"
        );
        assert!(text_of(&html).contains("What comes next"));
        // The same word in a class still names a menu heading.
        let html = format!(
            "<html><body><article>{PARA}<h3 class=\"nav\">Sections</h3>{PARA}</article>\
             </body></html>"
        );
        assert!(!text_of(&html).contains("Sections"));
    }

    #[test]
    fn standfirst_repeating_the_description_is_kept() {
        let lead = "Der Verband fordert nach dem Treffen in München einen schnelleren \
                    Ausbau der Windkraft im ganzen Land.";
        let html = format!(
            "<html><head><meta name=\"description\" content=\"{lead}\"></head><body>\
             <h1>Windkraft: Verband drängt</h1><div class=\"teaser-text\"><p>{lead}</p></div>\
             <div class=\"teaser\"><p>Ein anderer Artikel über ein anderes Thema, der nur \
             verlinkt wird und nicht zum Text gehört.</p></div>\
             <article>{PARA}</article></body></html>"
        );
        let text = text_of(&html);
        assert!(text.starts_with("Der Verband fordert"), "{text}");
        assert!(!text.contains("anderes Thema"));
    }

    #[test]
    fn hover_card_goes_but_its_link_stays() {
        let html = format!(
            "<html><body><article><p>The mayor, <span class=\"rollover-person\">\
             <a class=\"rollover-link\" href=\"/p/1\">Anna Berg</a><span class=\"rollover-card\">\
             <a href=\"/a\">Berg opens new bridge</a> <a href=\"/b\">Berg on the budget</a>\
             </span></span>, said the pool would stay open all winter long.</p>{PARA}\
             </article></body></html>"
        );
        let text = text_of(&html);
        assert!(text.contains("The mayor, Anna Berg, said"), "{text}");
        assert!(!text.contains("opens new bridge"));
    }

    #[test]
    fn standfirst_inside_a_pruned_wrapper_in_the_article_is_kept() {
        let lead = "Die Stadt will bis zum Sommer alle Schulen mit schnellem Internet \
                    versorgen, sagt die Bürgermeisterin.";
        let html = format!(
            "<html><head><meta property=\"og:description\" content=\"{lead}\"></head><body>\
             <article><h1>Glasfaser für alle Schulen</h1><div class=\"teaser\"><p>{lead}</p>\
             <a href=\"/x\">Mehr aus dem Ressort</a></div>{PARA}</article></body></html>"
        );
        let text = text_of(&html);
        assert!(text.starts_with("Die Stadt will"), "{text}");
        assert!(!text.contains("Mehr aus dem Ressort"));
    }

    #[test]
    fn paywall_notice_ends_the_article() {
        let html = format!(
            "<html><body><article>{PARA}<p>To continue reading, subscribe now: your first \
             month is free.</p><p>Unlimited access to all our journalism.</p></article>\
             </body></html>"
        );
        let text = text_of(&html);
        assert!(text.contains("swimming pool"));
        assert!(!text.contains("Unlimited access"));
    }

    /// The one walk gives the same arena and the same metadata as the arena
    /// build and the metadata walk run on their own.
    #[test]
    fn one_walk_equals_two() {
        for (path, html) in crate::html::fixture_pages() {
            let doc = tree::parse(&html);
            let mut walk = crate::metadata::html::Walk::new();
            let dom = Dom::build_observed(&doc, &mut walk);
            let meta = walk.finish();
            let alone = Dom::build(&doc);
            assert_eq!(dom.text, alone.text, "{}", path.display());
            assert_eq!(dom.nodes.len(), alone.nodes.len(), "{}", path.display());
            for (a, b) in dom.nodes.iter().zip(&alone.nodes) {
                assert_eq!(
                    (
                        a.tag,
                        a.parent,
                        a.end,
                        a.text,
                        a.kind,
                        a.weight,
                        a.body_hint
                    ),
                    (
                        b.tag,
                        b.parent,
                        b.end,
                        b.text,
                        b.kind,
                        b.weight,
                        b.body_hint
                    )
                );
            }
            assert_eq!(
                meta,
                crate::metadata::html::extract(&doc),
                "{}",
                path.display()
            );
        }
    }
}
