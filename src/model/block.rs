//! The shared intermediate form: a page as an ordered list of text blocks.
//!
//! The HTML path and the text-dump path differ only until both have produced
//! [`Block`]s. From there the boilerplate rules, the article assembly and the
//! outputs are shared.

use serde::Serialize;

/// What a block is, structurally.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockTag {
    /// A heading, with its level (1-6). Text dumps guess level 2.
    Heading(u8),
    /// A paragraph or a run of prose.
    Paragraph,
    /// One item of a list.
    ListItem,
    /// A block quote.
    Quote,
    /// Preformatted text or code.
    Pre,
    /// One row of a table, cells separated by `" | "`.
    TableRow,
}

/// One unit of text on the page, in page order.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The text, whitespace-normalised (no newlines except inside `Pre`).
    pub text: String,
    /// The structural role.
    pub tag: BlockTag,
    /// Characters of `text` that sit inside links (HTML only; 0 for dumps).
    pub link_chars: usize,
}

impl Block {
    /// A block with no link text.
    pub fn new(tag: BlockTag, text: impl Into<String>) -> Block {
        Block {
            text: text.into(),
            tag,
            link_chars: 0,
        }
    }

    /// Share of the block's characters that are link text.
    pub fn link_density(&self) -> f64 {
        let n = self.text.chars().count();
        if n == 0 {
            0.0
        } else {
            self.link_chars as f64 / n as f64
        }
    }
}

/// The kinds of boilerplate deboil recognises and counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Menus, breadcrumbs, pagination, skip links.
    Navigation,
    /// Newsletter and subscription prompts.
    Subscribe,
    /// Share bars and social-media buttons.
    Share,
    /// Related, recommended or popular posts.
    Related,
    /// Cookie and consent banners.
    Cookie,
    /// Comment sections and comment forms.
    Comments,
    /// Footers, copyright lines, author boxes at the end.
    Footer,
    /// Anything else that is not the article (ads, sidebars, widgets, link farms).
    Other,
}

impl Kind {
    /// Every kind, in the order of the `removed` columns.
    pub const ALL: [Kind; 8] = [
        Kind::Navigation,
        Kind::Subscribe,
        Kind::Share,
        Kind::Related,
        Kind::Cookie,
        Kind::Comments,
        Kind::Footer,
        Kind::Other,
    ];

    /// The lower-case name used in the record.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Navigation => "navigation",
            Kind::Subscribe => "subscribe",
            Kind::Share => "share",
            Kind::Related => "related",
            Kind::Cookie => "cookie",
            Kind::Comments => "comments",
            Kind::Footer => "footer",
            Kind::Other => "other",
        }
    }
}

/// How many blocks (HTML: subtrees) of each boilerplate kind were dropped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Removed {
    /// Menus, breadcrumbs, navigation bars.
    pub navigation: u32,
    /// Newsletter and subscription boxes, paywall notices.
    pub subscribe: u32,
    /// Share bars and follow lines.
    pub share: u32,
    /// Related posts, "more stories", teaser lists.
    pub related: u32,
    /// Cookie and consent notices.
    pub cookie: u32,
    /// Comment sections and forms.
    pub comments: u32,
    /// Footers, copyright and legal lines.
    pub footer: u32,
    /// Everything else dropped (ads, captions, author boxes, forms, ...).
    pub other: u32,
}

impl Removed {
    /// Count one removal of `kind`.
    pub fn add(&mut self, kind: Kind) {
        *self.slot(kind) += 1;
    }

    /// The count for `kind`.
    pub fn get(&self, kind: Kind) -> u32 {
        match kind {
            Kind::Navigation => self.navigation,
            Kind::Subscribe => self.subscribe,
            Kind::Share => self.share,
            Kind::Related => self.related,
            Kind::Cookie => self.cookie,
            Kind::Comments => self.comments,
            Kind::Footer => self.footer,
            Kind::Other => self.other,
        }
    }

    fn slot(&mut self, kind: Kind) -> &mut u32 {
        match kind {
            Kind::Navigation => &mut self.navigation,
            Kind::Subscribe => &mut self.subscribe,
            Kind::Share => &mut self.share,
            Kind::Related => &mut self.related,
            Kind::Cookie => &mut self.cookie,
            Kind::Comments => &mut self.comments,
            Kind::Footer => &mut self.footer,
            Kind::Other => &mut self.other,
        }
    }

    /// Total number of removals.
    pub fn total(&self) -> u32 {
        Kind::ALL.iter().map(|&k| self.get(k)).sum()
    }
}

/// Join kept blocks into the record's text: paragraphs separated by a blank
/// line, headings, list items and table rows each on their own line.
pub fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut prev: Option<BlockTag> = None;
    for b in blocks {
        if b.text.is_empty() {
            continue;
        }
        if let Some(p) = prev {
            let tight = |t: BlockTag| matches!(t, BlockTag::ListItem | BlockTag::TableRow);
            // Consecutive list items / table rows stay on adjacent lines.
            if tight(p) && p == b.tag {
                out.push('\n');
            } else {
                out.push_str("\n\n");
            }
        }
        out.push_str(&b.text);
        prev = Some(b.tag);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_spacing() {
        let blocks = vec![
            Block::new(BlockTag::Heading(2), "Title"),
            Block::new(BlockTag::Paragraph, "One."),
            Block::new(BlockTag::ListItem, "a"),
            Block::new(BlockTag::ListItem, "b"),
            Block::new(BlockTag::Paragraph, "Two."),
        ];
        assert_eq!(render(&blocks), "Title\n\nOne.\n\na\nb\n\nTwo.");
    }

    #[test]
    fn removed_counts() {
        let mut r = Removed::default();
        r.add(Kind::Share);
        r.add(Kind::Share);
        r.add(Kind::Footer);
        assert_eq!(r.get(Kind::Share), 2);
        assert_eq!(r.total(), 3);
    }
}
