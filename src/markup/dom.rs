//! A compact, read-only copy of the parsed page: one pre-order arena of the
//! nodes that can hold article text, built in a single iterative walk over
//! the html5ever tree (no recursion, so nesting depth cannot overflow the
//! stack).
//!
//! Subtrees that are never content (scripts, styles, form controls, hidden
//! elements, embedded media) are left out while building. Every element
//! keeps what later stages need: its tag, its boilerplate kind from
//! class/id/role, a content-hint weight, and the index one past its last
//! descendant, so a subtree is the contiguous range `i..end`.

use super::tree::{Data, Edge, Element, ElementRef, Tree};

use crate::rules::attributes;
use crate::model::block::Kind;

/// The tags the extractor distinguishes. Everything else is `Inline` or `Block`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// A text node.
    Text,
    Html,
    Body,
    H(u8),
    P,
    Div,
    Section,
    Article,
    Main,
    Header,
    Footer,
    Nav,
    Aside,
    Form,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Blockquote,
    Pre,
    Table,
    Tr,
    Td,
    Figure,
    Figcaption,
    Br,
    Hr,
    A,
    Title,
    /// Another block-level element (address, center, details, ...).
    Block,
    /// Another inline element (span, em, strong, ...).
    Inline,
}

impl Tag {
    fn of(name: &str) -> Tag {
        match name {
            "html" => Tag::Html,
            "body" => Tag::Body,
            "h1" => Tag::H(1),
            "h2" => Tag::H(2),
            "h3" => Tag::H(3),
            "h4" => Tag::H(4),
            "h5" => Tag::H(5),
            "h6" => Tag::H(6),
            "p" => Tag::P,
            "div" => Tag::Div,
            "section" => Tag::Section,
            "article" => Tag::Article,
            "main" => Tag::Main,
            "header" => Tag::Header,
            "footer" => Tag::Footer,
            "nav" => Tag::Nav,
            "aside" => Tag::Aside,
            "form" => Tag::Form,
            "ul" | "menu" => Tag::Ul,
            "ol" => Tag::Ol,
            "li" => Tag::Li,
            "dl" => Tag::Dl,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "blockquote" => Tag::Blockquote,
            "pre" | "listing" | "xmp" | "plaintext" => Tag::Pre,
            "table" => Tag::Table,
            "tr" => Tag::Tr,
            "td" | "th" => Tag::Td,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "br" => Tag::Br,
            "hr" => Tag::Hr,
            "a" => Tag::A,
            "title" => Tag::Title,
            "address" | "center" | "details" | "summary" | "fieldset" | "caption" | "thead"
            | "tbody" | "tfoot" | "hgroup" | "dialog" | "frameset" | "frame" => Tag::Block,
            _ => Tag::Inline,
        }
    }

    /// Whether the element starts a new block of text.
    pub fn is_block(self) -> bool {
        !matches!(self, Tag::Text | Tag::Inline | Tag::A | Tag::Br)
    }
}

/// Elements whose whole subtree never holds article text.
fn never_content(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "picture"
            | "map"
            | "input"
            | "select"
            | "textarea"
            | "button"
            | "option"
            | "datalist"
            | "head"
            | "link"
            | "meta"
            | "base"
            | "img"
            | "rt" // ruby annotations (furigana) would double the text
            | "rp"
    )
}

/// The attributes the arena build and the metadata walk look at on every
/// element, gathered in one pass over its attribute list (each
/// [`Element::attr`] call would search the list again).
#[derive(Default, Clone, Copy)]
pub struct Attrs<'a> {
    pub class: Option<&'a str>,
    pub id: Option<&'a str>,
    pub role: Option<&'a str>,
    pub itemprop: Option<&'a str>,
    pub style: Option<&'a str>,
    pub rel: Option<&'a str>,
    pub href: Option<&'a str>,
    pub content: Option<&'a str>,
    pub hidden: bool,
    pub aria_hidden: bool,
}

impl<'a> Attrs<'a> {
    pub fn read(el: &'a Element) -> Attrs<'a> {
        use html5ever::local_name;
        let mut a = Attrs::default();
        for at in &el.attrs {
            let value = &at.value;
            // Names are interned: compare atoms, not strings.
            let slot = match at.name.local {
                local_name!("class") => &mut a.class,
                local_name!("id") => &mut a.id,
                local_name!("role") => &mut a.role,
                local_name!("itemprop") => &mut a.itemprop,
                local_name!("style") => &mut a.style,
                local_name!("rel") => &mut a.rel,
                local_name!("href") => &mut a.href,
                local_name!("content") => &mut a.content,
                local_name!("hidden") => {
                    a.hidden = true;
                    continue;
                }
                local_name!("aria-hidden") => {
                    a.aria_hidden = value.trim() == "true";
                    continue;
                }
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(value);
            }
        }
        a
    }

    /// Whether the element is hidden from readers.
    fn hides(&self) -> bool {
        if self.hidden || self.aria_hidden {
            return true;
        }
        let Some(style) = self.style else {
            return false;
        };
        let b = style.as_bytes();
        if memchr::memmem::find(b, b"none").is_none()
            && memchr::memmem::find(b, b"hidden").is_none()
        {
            return false;
        }
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        s.contains("display:none") || s.contains("visibility:hidden")
    }
}

/// What the walk that builds the arena hands each element to, besides
/// the arena: the metadata reader implements it, so one walk over the
/// tree serves both, and markup never imports metadata.
pub trait Observer {
    /// An element opens, in document order, also inside the subtrees the
    /// arena skips (`<head>`, scripts holding JSON-LD). `bits` are the
    /// [`class_bits`](crate::lexicon::class_words::class_bits) of its class
    /// and id, read once for both.
    fn open(&mut self, el: ElementRef<'_>, attrs: &Attrs<'_>, bits: u16);
    /// The element opened last closes.
    fn close(&mut self);
}

/// No observer: the arena alone.
#[cfg(any(test, feature = "internals"))]
enum Unobserved {}

#[cfg(any(test, feature = "internals"))]
impl Observer for Unobserved {
    fn open(&mut self, _: ElementRef<'_>, _: &Attrs<'_>, _: u16) {
        match *self {}
    }
    fn close(&mut self) {
        match *self {}
    }
}

/// One node of the arena.
#[derive(Debug, Clone)]
pub struct Node {
    pub tag: Tag,
    /// Index of the parent element (the root points at itself).
    pub parent: u32,
    /// One past the index of the last descendant.
    pub end: u32,
    /// Text nodes: byte range into [`Dom::text`].
    pub text: (u32, u32),
    /// Boilerplate kind named by the tag or by class/id/role.
    pub kind: Option<Kind>,
    /// Class/id weight: positive for content words, negative for boilerplate.
    pub weight: i32,
    /// `itemprop=articleBody`, or a class/id naming the article body.
    pub body_hint: bool,
    /// A class/id naming a card shown on hover.
    pub hover: bool,
}

/// The arena.
#[derive(Debug, Default)]
pub struct Dom {
    pub nodes: Vec<Node>,
    /// All text of all text nodes, concatenated.
    pub text: String,
}

impl Dom {
    /// Build the arena from a parsed document.
    #[cfg(any(test, feature = "internals"))]
    pub fn build(doc: &Tree) -> Dom {
        Dom::walk::<Unobserved>(doc, None)
    }

    /// Build the arena and, in the same walk, hand every element to
    /// `observer` (the metadata reader): the page is walked once.
    pub fn build_observed(doc: &Tree, observer: &mut impl Observer) -> Dom {
        Dom::walk(doc, Some(observer))
    }

    fn walk<O: Observer>(doc: &Tree, mut meta: Option<&mut O>) -> Dom {
        // At most one arena node per tree node, and at most the tree's text.
        let mut dom = Dom {
            nodes: Vec::with_capacity(doc.len()),
            text: String::with_capacity(doc.text_len()),
        };
        let mut stack: Vec<u32> = Vec::new();
        // While inside a skipped subtree: the id of its root. The metadata
        // walk still sees it (`<head>`, scripts holding JSON-LD).
        let mut skip: Option<u32> = None;
        for edge in doc.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Data::Element(el) => {
                        let attrs = Attrs::read(el);
                        let class = attrs.class.map(attr_info_cached);
                        let id = attrs.id.map(attr_info_cached);
                        if let Some(meta) = meta.as_deref_mut() {
                            let el_ref = ElementRef::wrap(node).expect("an element node");
                            let bits = class.map_or(0, |c| c.1) | id.map_or(0, |c| c.1);
                            meta.open(el_ref, &attrs, bits);
                        }
                        if skip.is_some() {
                            continue;
                        }
                        let name = el.name();
                        if never_content(name) || attrs.hides() {
                            skip = Some(node.id());
                            continue;
                        }
                        let tag = Tag::of(name);
                        let (kind, weight, body_hint, hover) =
                            classify(tag, &attrs, class.map(|c| c.0), id.map(|c| c.0));
                        let idx = dom.nodes.len() as u32;
                        dom.nodes.push(Node {
                            tag,
                            parent: stack.last().copied().unwrap_or(idx),
                            end: idx + 1,
                            text: (0, 0),
                            kind,
                            weight,
                            body_hint,
                            hover,
                        });
                        stack.push(idx);
                    }
                    Data::Text(_) => {
                        if skip.is_some() {
                            continue;
                        }
                        let t = node.as_text().unwrap_or_default();
                        let Some(&parent) = stack.last() else {
                            continue;
                        };
                        let start = dom.text.len() as u32;
                        dom.text.push_str(t);
                        let idx = dom.nodes.len() as u32;
                        dom.nodes.push(Node {
                            tag: Tag::Text,
                            parent,
                            end: idx + 1,
                            text: (start, dom.text.len() as u32),
                            kind: None,
                            weight: 0,
                            body_hint: false,
                            hover: false,
                        });
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if !node.value().is_element() {
                        continue;
                    }
                    if let Some(meta) = meta.as_deref_mut() {
                        meta.close();
                    }
                    if skip == Some(node.id()) {
                        skip = None;
                        continue;
                    }
                    if skip.is_none()
                        && let Some(idx) = stack.pop()
                    {
                        dom.nodes[idx as usize].end = dom.nodes.len() as u32;
                    }
                }
            }
        }
        dom
    }

    /// The text of a text node.
    pub fn text_of(&self, i: usize) -> &str {
        let (s, e) = self.nodes[i].text;
        &self.text[s as usize..e as usize]
    }

    /// Indices of the children of element `i`.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.nodes[i].end as usize;
        let mut c = i + 1;
        std::iter::from_fn(move || {
            if c >= end {
                return None;
            }
            let cur = c;
            c = self.nodes[c].end as usize;
            Some(cur)
        })
    }
}

/// Distinct class/id values remembered per worker thread, at most; the
/// memory stays bounded whatever the batch (the table is emptied when full).
const ATTR_CACHE_MAX: usize = 4096;

thread_local! {
    /// [`attributes::attr_info_in`] and the metadata walk's
    /// [`crate::lexicon::class_words::class_bits`] of class and id values seen
    /// before. Pages repeat the same class strings hundreds of times, and
    /// the pages of one site share them: each distinct value is read once.
    static ATTR_CACHE: std::cell::RefCell<AttrCache> =
        std::cell::RefCell::new(AttrCache::default());
}

/// The table of [`ATTR_CACHE`] and the buffers its misses are read with.
#[derive(Default)]
struct AttrCache {
    facts: foldhash::HashMap<Box<str>, ClassFacts>,
    scratch: Scratch,
}

/// The buffers values are read with.
#[derive(Default)]
struct Scratch {
    attr: attributes::AttrScratch,
    /// An ASCII value lower-cased, for both readings.
    lower: String,
}

/// Longest class/id value kept in [`ATTR_CACHE`]: real class strings are
/// short, and a page of huge distinct values must not make the cache hold
/// megabytes for the rest of the run.
const ATTR_CACHE_VALUE_MAX: usize = 256;

/// What one class or id value says: to the arena build, and to the
/// metadata walk.
type ClassFacts = (attributes::AttrInfo, u16);

fn read_facts(value: &str, scratch: &mut Scratch) -> ClassFacts {
    if value.is_ascii() {
        // Nearly every value: lower-cased once, and both readings take
        // their words from that copy.
        let lower = &mut scratch.lower;
        lower.clear();
        lower.push_str(value);
        lower.make_ascii_lowercase();
        return (
            attributes::attr_info_ascii(value, lower),
            crate::lexicon::class_words::class_bits_lower(lower),
        );
    }
    (
        attributes::attr_info_in(value, &mut scratch.attr),
        crate::lexicon::class_words::class_bits(value),
    )
}

fn attr_info_cached(value: &str) -> ClassFacts {
    if value.len() > ATTR_CACHE_VALUE_MAX {
        // Fresh buffers: the kept ones stay as small as the values cached.
        return read_facts(value, &mut Scratch::default());
    }
    ATTR_CACHE.with_borrow_mut(
        |AttrCache {
             facts: cache,
             scratch,
         }| {
            if let Some(&info) = cache.get(value) {
                return info;
            }
            let info = read_facts(value, scratch);
            if cache.len() >= ATTR_CACHE_MAX {
                cache.clear();
            }
            cache.insert(value.into(), info);
            info
        },
    )
}

/// Boilerplate kind, class/id weight and body hint of an element.
fn classify(
    tag: Tag,
    el: &Attrs<'_>,
    class: Option<attributes::AttrInfo>,
    id: Option<attributes::AttrInfo>,
) -> (Option<Kind>, i32, bool, bool) {
    if matches!(tag, Tag::Html | Tag::Body) {
        // Body classes describe the whole page ("single-post has-sidebar").
        return (None, 0, false, false);
    }
    let mut kind = match tag {
        Tag::Nav => Some(Kind::Navigation),
        Tag::Aside => Some(Kind::Other),
        Tag::Footer => Some(Kind::Footer),
        // Log-in, search and sign-up forms; a form that wraps the whole
        // page (ASP.NET) is spared by the pruning guard.
        Tag::Form => Some(Kind::Other),
        _ => None,
    };
    let mut weight = 0;
    let mut hover = false;
    let mut body_hint = el.itemprop.is_some_and(|v| {
        v.split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("articleBody"))
    });
    if body_hint {
        weight += 50;
    }
    // A heading's id is an anchor made from its own text
    // (`id="nav_nur_die_folie"`), not a name for what the heading is.
    let id = if matches!(tag, Tag::H(_)) { None } else { id };
    for info in [class, id].into_iter().flatten() {
        hover |= info.hover;
        if let Some(k) = info.kind {
            weight -= 25;
            kind = kind.or(Some(k));
        } else if info.content {
            weight += 25;
            body_hint |= info.body;
        }
    }
    if kind.is_none() {
        kind = el.role.and_then(attributes::role_kind);
    }
    if tag == Tag::Article || tag == Tag::Main {
        weight += 15;
    }
    (kind, weight, body_hint, hover)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values read through the lower-cased copy give what the two readings
    /// give on their own.
    #[test]
    fn facts_of_ascii_values_equal_the_plain_readings() {
        use proptest::prelude::*;
        let plain = |v: &str| {
            (
                attributes::attr_info(v),
                crate::lexicon::class_words::class_bits(v),
            )
        };
        let mut scratch = Scratch::default();
        for v in [
            "Entry-Title post-Date",
            "AuthorBox by_line",
            "sr-only Nav",
            "Größe-box",
            "",
        ] {
            assert_eq!(read_facts(v, &mut scratch), plain(v), "{v:?}");
        }
        proptest!(|(v in "(Title|headLine|Publish|date|Updated|author|Byline|nav|Share|\
            Entry|content|[a-zA-Z0-9]{1,3}|[ _:.-]|é){0,8}")| {
            prop_assert_eq!(read_facts(&v, &mut Scratch::default()), plain(&v));
        });
    }
}
