//! HTML pages -> article blocks.
//!
//! One parse (html5ever via scraper), one arena copy of the text-bearing
//! nodes ([`dom`]), pruning and scoring over that arena ([`select`]), block
//! emission from the chosen subtrees ([`blocks`]), then the shared
//! block-level rules ([`crate::boilerplate`]).

// The arena is walked by index: parents, subtree ends and per-node tables
// are all indices, so index loops are the clear form here.
#![allow(clippy::needless_range_loop)]

pub mod blocks;
pub mod dom;
pub mod select;

use crate::block::{Block, BlockTag, Kind, Removed, word_count};
use crate::boilerplate;
use crate::extract::Article;

use dom::{Dom, Tag};

/// Extract the article from an HTML page.
pub fn extract(html: &str) -> Article {
    let doc = scraper::Html::parse_document(html);
    let meta = crate::metadata::html::extract(&doc);
    let dom = Dom::build(&doc);
    drop(doc);
    let an = select::analyse(&dom);
    let mut removed = Removed::default();
    count_pruned(&dom, &an, &mut removed);
    let roots = select::select(&dom, &an);
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
        let words = word_count(&b.text);
        if b.link_density() > 0.6 && words < 30 {
            removed.add(Kind::Navigation);
            continue;
        }
        out.push(b);
    }
    boilerplate::finish(out, removed)
}
