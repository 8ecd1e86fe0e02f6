//! HTML pages -> article blocks.
//!
//! One parse (html5ever via scraper); one walk over the tree that copies
//! the text-bearing nodes into an arena ([`dom`]) and collects the metadata
//! candidates ([`crate::metadata::html::Walk`]); pruning and scoring over
//! that arena ([`select`]), block emission from the chosen subtrees
//! ([`blocks`]), then the shared block-level rules ([`crate::boilerplate`]).

// The arena is walked by index: parents, subtree ends and per-node tables
// are all indices, so index loops are the clear form here.
#![allow(clippy::needless_range_loop)]

pub mod blocks;
pub mod dom;
pub mod guard;
pub mod select;

use crate::block::{Block, BlockTag, Kind, Removed, word_count_upto};
use crate::boilerplate;
use crate::extract::Article;

use dom::{Dom, Tag};

/// Below this many characters, an extraction is suspect and retried
/// without pruning.
const MIN_CHARS: u32 = 250;

/// Extract the article from an HTML page.
pub fn extract(html: &str) -> Article {
    let doc = scraper::Html::parse_document(html);
    let (dom, meta) = Dom::build_with_meta(&doc);
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
        if b.link_density() > 0.75 && word_count_upto(&b.text, 30) < 30 {
            removed.add(Kind::Navigation);
            continue;
        }
        out.push(b);
    }
    boilerplate::finish(out, removed)
}
