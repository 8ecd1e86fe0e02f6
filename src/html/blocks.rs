//! Turn the selected subtrees into [`Block`]s: block-level elements start
//! new blocks, inline text runs are joined with collapsed whitespace, data
//! table rows become one `TableRow` each (cells joined by `" | "`), and
//! headings, list items, quotes and preformatted text keep their role.

use crate::model::block::{Block, BlockTag};
use crate::util::bytes::utf8_len;
use crate::util::chars::is_invisible;

use super::select::Analysis;
use crate::markup::dom::{Dom, Tag};

/// For every element: whether its descendants hold block structure that no
/// data table has (paragraphs, headings, lists, nested tables). A table
/// whose cells hold such things is a layout table, and its cells are read
/// as `<div>`s.
fn structural(dom: &Dom) -> Vec<bool> {
    let n = dom.nodes.len();
    let mut below = vec![false; n];
    for i in (0..n).rev() {
        let tag = dom.nodes[i].tag;
        let own = matches!(
            tag,
            Tag::P
                | Tag::H(_)
                | Tag::Ul
                | Tag::Ol
                | Tag::Table
                | Tag::Blockquote
                | Tag::Pre
                | Tag::Article
                | Tag::Section
                | Tag::Form
        );
        let p = dom.nodes[i].parent as usize;
        if p != i && (own || below[i]) {
            below[p] = true;
        }
    }
    below
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Heading(u8),
    Item,
    Quote,
    Pre,
    Row,
    Cell,
    Plain,
}

#[derive(Default)]
struct Emitter {
    blocks: Vec<Block>,
    buf: String,
    link_chars: usize,
    space: bool,
    ctx: Vec<(u32, Ctx)>,
    roles: Vec<Ctx>,
    rows: u32,
    pres: u32,
    quotes: u32,
}

impl Emitter {
    /// The role of text emitted now: the innermost heading, list item,
    /// preformatted block or table row; else a quote or a paragraph.
    fn tag(&self) -> BlockTag {
        match self.roles.last() {
            Some(Ctx::Heading(l)) => BlockTag::Heading(*l),
            Some(Ctx::Item) => BlockTag::ListItem,
            Some(Ctx::Pre) => BlockTag::Pre,
            Some(Ctx::Row) => BlockTag::TableRow,
            _ if self.quotes > 0 => BlockTag::Quote,
            _ => BlockTag::Paragraph,
        }
    }

    fn in_row(&self) -> bool {
        self.rows > 0
    }

    fn in_pre(&self) -> bool {
        self.pres > 0
    }

    /// Enter a context that lasts until arena index `end`. Counters and the
    /// role stack keep every query O(1), whatever the nesting depth.
    fn enter(&mut self, end: u32, c: Ctx) {
        self.count(c, true);
        self.ctx.push((end, c));
    }

    fn leave(&mut self) -> Option<Ctx> {
        let (_, c) = self.ctx.pop()?;
        self.count(c, false);
        Some(c)
    }

    fn count(&mut self, c: Ctx, enter: bool) {
        let bump = |n: &mut u32| {
            if enter { *n += 1 } else { *n -= 1 }
        };
        match c {
            Ctx::Row => bump(&mut self.rows),
            Ctx::Pre => bump(&mut self.pres),
            Ctx::Quote => bump(&mut self.quotes),
            _ => {}
        }
        if matches!(c, Ctx::Heading(_) | Ctx::Item | Ctx::Pre | Ctx::Row) {
            if enter {
                self.roles.push(c);
            } else {
                self.roles.pop();
            }
        }
    }

    fn push_text(&mut self, t: &str, link: bool) {
        if self.in_pre() {
            self.buf.push_str(t);
            if link {
                self.link_chars += t.chars().count();
            }
            return;
        }
        // Runs of visible, non-space characters are copied whole; a space
        // before a run becomes one ' ' (none at the start of a block).
        let bytes = t.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let start = i;
            let mut chars = 0;
            // The character that ended the run, if any.
            let mut stop = None;
            while i < bytes.len() {
                let b = bytes[i];
                if b.is_ascii() {
                    if b.is_ascii_whitespace() || b == b'\x0b' {
                        stop = Some((b as char, 1));
                        break;
                    }
                    i += 1;
                } else if !matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF) {
                    // Not the lead byte of a space or an invisible mark.
                    i += utf8_len(b);
                } else {
                    let c = t[i..].chars().next().unwrap_or_default();
                    if is_invisible(c) || c.is_whitespace() {
                        stop = Some((c, c.len_utf8()));
                        break;
                    }
                    i += c.len_utf8();
                }
                chars += 1;
            }
            if i > start {
                if self.space && !self.buf.is_empty() {
                    self.buf.push(' ');
                    if link {
                        self.link_chars += 1;
                    }
                }
                self.space = false;
                self.buf.push_str(&t[start..i]);
                if link {
                    self.link_chars += chars;
                }
            }
            if let Some((c, len)) = stop {
                i += len;
                if !is_invisible(c) {
                    self.space = true;
                }
            }
        }
    }

    fn flush(&mut self) {
        let tag = self.tag();
        let text = if tag == BlockTag::Pre {
            self.buf.trim_matches('\n').trim_end().to_string()
        } else {
            self.buf.trim().to_string()
        };
        self.buf.clear();
        self.space = false;
        let link_chars = std::mem::take(&mut self.link_chars).min(text.chars().count());
        if !text.is_empty() {
            self.blocks.push(Block {
                text,
                tag,
                link_chars,
            });
        }
    }
}

/// Emit the blocks of the subtrees rooted at `roots`, in order.
pub fn emit(dom: &Dom, an: &Analysis, roots: &[usize]) -> Vec<Block> {
    let layoutish = structural(dom);
    let mut em = Emitter::default();
    for &root in roots {
        let end = dom.nodes[root].end as usize;
        let mut i = root;
        while i < end {
            // Close the contexts whose subtree ended.
            while let Some(&(e, c)) = em.ctx.last() {
                if (e as usize) > i {
                    break;
                }
                close(&mut em, c);
                em.leave();
            }
            if an.dropped[i] {
                i = dom.nodes[i].end as usize;
                continue;
            }
            let node = &dom.nodes[i];
            let node_end = node.end;
            match node.tag {
                Tag::Text => em.push_text(dom.text_of(i), an.in_link[i]),
                Tag::Br | Tag::Hr => {
                    if em.in_pre() {
                        em.buf.push('\n');
                    } else if em.in_row() {
                        em.space = true;
                    } else {
                        em.flush();
                    }
                }
                Tag::Figcaption if !an.captions_are_content => {
                    // Captions and photo credits are not the article's prose,
                    // but in a gallery they are all the text there is.
                    i = node_end as usize;
                    continue;
                }
                tag if tag.is_block() => {
                    let data_table = |t: usize| !layoutish[t];
                    let ctx = match tag {
                        Tag::H(l) => Ctx::Heading(l),
                        Tag::Li | Tag::Dt | Tag::Dd => Ctx::Item,
                        Tag::Blockquote => Ctx::Quote,
                        Tag::Pre => Ctx::Pre,
                        Tag::Tr if enclosing_table(dom, i).is_some_and(data_table) => Ctx::Row,
                        Tag::Td if em.in_row() => Ctx::Cell,
                        _ => Ctx::Plain,
                    };
                    if em.in_row() {
                        if ctx == Ctx::Cell && !em.buf.is_empty() {
                            em.buf.push_str(" | ");
                            em.space = false;
                        } else {
                            em.space = true;
                        }
                    } else {
                        em.flush();
                    }
                    em.enter(node_end, ctx);
                }
                _ => {}
            }
            i += 1;
        }
        while let Some(&(_, c)) = em.ctx.last() {
            close(&mut em, c);
            em.leave();
        }
        em.flush();
    }
    em.blocks
}

fn close(em: &mut Emitter, c: Ctx) {
    match c {
        Ctx::Cell => {}
        _ if em.in_row() && c != Ctx::Row => em.space = true,
        _ => em.flush(),
    }
}

/// The `<table>` a row belongs to (through thead/tbody).
fn enclosing_table(dom: &Dom, tr: usize) -> Option<usize> {
    let mut a = dom.nodes[tr].parent as usize;
    for _ in 0..3 {
        if dom.nodes[a].tag == Tag::Table {
            return Some(a);
        }
        let p = dom.nodes[a].parent as usize;
        if p == a {
            return None;
        }
        a = p;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_runs_are_pushed_as_char_by_char() {
        // The text push as first written, one character at a time.
        let by_chars = |em: &mut Emitter, t: &str, link: bool| {
            for c in t.chars() {
                if is_invisible(c) {
                    continue;
                }
                if c.is_whitespace() {
                    em.space = true;
                    continue;
                }
                if em.space && !em.buf.is_empty() {
                    em.buf.push(' ');
                    em.link_chars += usize::from(link);
                }
                em.space = false;
                em.buf.push(c);
                em.link_chars += usize::from(link);
            }
        };
        let pieces = [
            "",
            " ",
            "Hello,  world ",
            "  lead\ttab\nline\x0bvt\x0cff\rcr",
            "soft\u{ad}hyphen zero\u{200b}width \u{feff}bom",
            "\u{a0}nbsp\u{3000}ideo\u{2009}thin 日本語の文章 Grüße",
            "\u{ad} \u{ad}",
        ];
        for (k, a) in pieces.iter().enumerate() {
            for b in pieces {
                let (mut fast, mut slow) = (Emitter::default(), Emitter::default());
                for (t, link) in [(*a, k % 2 == 0), (b, true), (*a, false)] {
                    fast.push_text(t, link);
                    by_chars(&mut slow, t, link);
                }
                assert_eq!(
                    (&fast.buf, fast.link_chars, fast.space),
                    (&slow.buf, slow.link_chars, slow.space),
                    "{a:?} {b:?}"
                );
            }
        }
        // Every character, between letters.
        let every: String = (0..=0x10_ffff)
            .filter_map(char::from_u32)
            .flat_map(|c| [c, 'x'])
            .collect();
        let (mut fast, mut slow) = (Emitter::default(), Emitter::default());
        fast.push_text(&every, true);
        by_chars(&mut slow, &every, true);
        assert!(fast.buf == slow.buf && fast.link_chars == slow.link_chars);
    }
}
