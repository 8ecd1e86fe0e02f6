//! Boilerplate rules shared by the HTML and text-dump paths.
//!
//! Both paths end in a list of [`Block`]s; the rules here judge one block by
//! its wording (share bars, "Subscribe to Updates", "Leave a Reply",
//! copyright lines). Structure-specific rules (DOM attributes, bullet runs)
//! live with their path and use the same [`vocab`].

pub mod vocab;

use crate::block::{Block, Kind, word_count};

/// Blocks longer than this many words are never judged by their wording:
/// an article sentence may mention "comments" or "cookies".
pub const PHRASE_MAX_WORDS: usize = 12;

/// The boilerplate kind a block's wording alone reveals, if any.
pub fn wording_kind(block: &Block) -> Option<Kind> {
    let words = word_count(&block.text);
    if words == 0 || words > PHRASE_MAX_WORDS {
        return None;
    }
    let lower = block.text.to_lowercase();
    if vocab::is_share_line(&lower) {
        return Some(Kind::Share);
    }
    vocab::phrase_kind(&lower)
}

/// Whether a line is only a copyright notice or a list of legal links.
pub fn is_copyright(lower: &str) -> bool {
    lower.contains('©') || lower.contains("(c) 20") || lower.contains("copyright")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::block::BlockTag;

    #[test]
    fn judges_short_blocks_only() {
        let b = Block::new(BlockTag::Paragraph, "Leave A Reply");
        assert_eq!(wording_kind(&b), Some(Kind::Comments));
        let b = Block::new(
            BlockTag::Paragraph,
            "Readers left many comments about the plan, and the council said it would read \
             every one of them before the vote next week.",
        );
        assert_eq!(wording_kind(&b), None);
        let b = Block::new(
            BlockTag::Paragraph,
            "Facebook Twitter LinkedIn Pinterest Email",
        );
        assert_eq!(wording_kind(&b), Some(Kind::Share));
    }
}
