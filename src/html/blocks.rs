//! Turn the selected subtrees into [`Block`]s: block-level elements start
//! new blocks, inline text runs are joined with collapsed whitespace, data
//! table rows become one `TableRow` each (cells joined by `" | "`), and
//! headings, list items, quotes and preformatted text keep their role.

use crate::block::{Block, BlockTag};

use super::dom::{Dom, Tag};
use super::select::Analysis;

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

struct Emitter {
    blocks: Vec<Block>,
    buf: String,
    link_chars: usize,
    space: bool,
    ctx: Vec<(u32, Ctx)>,
}

impl Emitter {
    fn tag(&self) -> BlockTag {
        let mut quote = false;
        for &(_, c) in self.ctx.iter().rev() {
            match c {
                Ctx::Heading(l) => return BlockTag::Heading(l),
                Ctx::Item => return BlockTag::ListItem,
                Ctx::Pre => return BlockTag::Pre,
                Ctx::Row => return BlockTag::TableRow,
                Ctx::Quote => quote = true,
                Ctx::Cell | Ctx::Plain => {}
            }
        }
        if quote {
            BlockTag::Quote
        } else {
            BlockTag::Paragraph
        }
    }

    fn in_row(&self) -> bool {
        self.ctx.iter().any(|&(_, c)| c == Ctx::Row)
    }

    fn in_pre(&self) -> bool {
        self.ctx.iter().any(|&(_, c)| c == Ctx::Pre)
    }

    fn push_text(&mut self, t: &str, link: bool) {
        if self.in_pre() {
            self.buf.push_str(t);
            if link {
                self.link_chars += t.chars().count();
            }
            return;
        }
        for c in t.chars() {
            if c.is_whitespace() {
                self.space = true;
                continue;
            }
            if self.space && !self.buf.is_empty() {
                self.buf.push(' ');
                if link {
                    self.link_chars += 1;
                }
            }
            self.space = false;
            self.buf.push(c);
            if link {
                self.link_chars += 1;
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
    let mut em = Emitter {
        blocks: Vec::new(),
        buf: String::new(),
        link_chars: 0,
        space: false,
        ctx: Vec::new(),
    };
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
                em.ctx.pop();
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
                Tag::Figcaption => {
                    // Captions and photo credits are not the article's prose.
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
                    em.ctx.push((node_end, ctx));
                }
                _ => {}
            }
            i += 1;
        }
        while let Some((_, c)) = em.ctx.pop() {
            close(&mut em, c);
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
