//! Plain-text dumps of rendered pages -> article blocks.

use crate::block::{Block, BlockTag};
use crate::extract::Article;

/// Extract the article from a text dump.
pub fn extract(text: &str) -> Article {
    let blocks = text
        .split("\n\n")
        .filter_map(crate::metadata::clean)
        .map(|t| Block::new(BlockTag::Paragraph, t))
        .collect();
    Article {
        blocks,
        ..Article::default()
    }
}
