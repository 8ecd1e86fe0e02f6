//! [`Article`]: what an extractor found on one page.

use super::block::{self, Block, Removed};
use super::metadata::Metadata;

/// What an extractor found on one page.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// The article's blocks, in page order.
    pub blocks: Vec<Block>,
    /// Boilerplate dropped, by kind.
    pub removed: Removed,
    /// Title, author, date, ...
    pub meta: Metadata,
}

impl Article {
    /// The article text as written to the record.
    pub fn text(&self) -> String {
        block::render(&self.blocks)
    }
}
