//! The parsed page as html5ever builds it: a lean tree in one `Vec`, with
//! indices for handles and parent/child/sibling links.
//!
//! [`parse`] drives html5ever's tree builder with this module's
//! [`TreeSink`], so the HTML5 tree construction rules (foster parenting,
//! the adoption agency, template contents) are html5ever's own; the tokens
//! come from [`super::lex`] (html5ever's own tokenizer is the fallback,
//! and [`parse_with`] can name it). The tree
//! keeps only what deboil reads: element names, the attributes the arena
//! and the metadata walk look at ([`kept`]), text (adjacent text merged
//! into one node, as the DOM has it) and a placeholder for the doctype.
//! Comments and processing instructions, which no stage reads, are not
//! built at all (`DROPPED`): the text on both sides of one is one node.
//!
//! [`NodeRef`] and [`ElementRef`] read it the way `scraper`'s types of the
//! same names read theirs (`children`, `descendants`, `ancestors`,
//! `traverse`, `text`, `attr`).

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{
    ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{Attribute, QualName, local_name, ns};

/// No node (a missing link).
const NONE: u32 = u32::MAX;

/// The handle of every comment and processing instruction: deboil reads
/// neither, so they are not built, and putting one in place does nothing.
/// Text on either side of a comment becomes one text node, and a page of
/// millions of comments costs no memory (each node would be ~80 bytes).
const DROPPED: u32 = u32::MAX - 1;

/// What a node is.
#[derive(Debug)]
pub enum Data {
    Document,
    /// A template's contents: the first child of its `<template>`.
    Fragment,
    Doctype,
    /// Read it with [`NodeRef::as_text`].
    Text(StrTendril),
    Element(Element),
}

impl Data {
    pub fn as_element(&self) -> Option<&Element> {
        match self {
            Data::Element(e) => Some(e),
            _ => None,
        }
    }

    pub fn is_element(&self) -> bool {
        matches!(self, Data::Element(_))
    }
}

/// An element: its name and the attributes deboil reads.
#[derive(Debug)]
pub struct Element {
    pub name: QualName,
    /// Un-namespaced attributes named by [`kept`], in source order.
    pub attrs: Vec<Attribute>,
}

impl Element {
    /// The local name ("div"; "title" also inside `<svg>`).
    pub fn name(&self) -> &str {
        &self.name.local
    }

    /// The value of the attribute `name`, if the element has it (and it is
    /// one of those [`kept`]).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| &*a.name.local == name)
            .map(|a| &*a.value)
    }
}

/// Whether an attribute is kept: un-namespaced, and read by the arena
/// build ([`crate::markup::dom`]) or the metadata walk
/// ([`crate::metadata::html`]), as the list of the attributes
/// [`super::lex`] builds says.
pub fn kept(name: &QualName) -> bool {
    // Most attributes come from lex as placeholders for those dropped.
    name.local != local_name!("")
        && name.prefix.is_none()
        && name.ns.is_empty()
        && super::lex::needed(name.local.as_bytes()).is_some_and(|(_, kept)| kept)
}

/// One node and its links.
#[derive(Debug)]
pub struct Node {
    parent: u32,
    first: u32,
    last: u32,
    prev: u32,
    next: u32,
    /// Elements above it when it was last put in place (the document
    /// counts none); only the parse's depth limit reads it.
    depth: u32,
    pub data: Data,
}

/// The parsed document. Node 0 is the document node.
#[derive(Debug)]
pub struct Tree {
    nodes: Vec<Node>,
    /// Bytes of text handed in (see [`Tree::text_len`]).
    text_len: usize,
    limits: Limits,
    /// Elements created so far.
    elements: usize,
    /// Comments and processing instructions met (not built: [`DROPPED`]).
    dropped: usize,
    /// The tree builder's steps (see [`Limits::work`]), once parsed.
    work: u64,
}

fn link(i: u32) -> Option<u32> {
    (i != NONE).then_some(i)
}

impl Tree {
    fn new(capacity: usize, limits: Limits) -> Tree {
        let mut nodes = Vec::with_capacity(capacity);
        nodes.push(Node::new(Data::Document));
        Tree {
            nodes,
            text_len: 0,
            limits,
            elements: 0,
            dropped: 0,
            work: 0,
        }
    }

    /// The number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the tree has only its document node.
    #[cfg(any(test, feature = "internals"))]
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    /// Bytes of text handed to the tree: about the text of all text
    /// nodes, for sizing copies of it.
    pub fn text_len(&self) -> usize {
        self.text_len
    }

    /// The document node.
    pub fn root(&self) -> NodeRef<'_> {
        NodeRef { tree: self, id: 0 }
    }

    /// The `<html>` element.
    #[cfg(test)]
    pub fn root_element(&self) -> ElementRef<'_> {
        self.root()
            .children()
            .find_map(ElementRef::wrap)
            .expect("html5ever always creates <html>")
    }

    /// Stop the parse: unwind out of html5ever with the limit passed, for
    /// [`parse_within`] to catch. `resume_unwind` runs no panic hook, so
    /// nothing is printed. (A build with `panic = "abort"` would abort
    /// here instead; deboil's profiles unwind.)
    fn give_up(exceeded: Exceeded) -> ! {
        std::panic::resume_unwind(Box::new(exceeded))
    }

    fn check_depth(&self, depth: u32) {
        if depth as usize > self.limits.depth {
            Tree::give_up(Exceeded::Depth);
        }
    }

    fn push(&mut self, data: Data) -> u32 {
        let id = self.nodes.len() as u32;
        self.nodes.push(Node::new(data));
        id
    }

    fn detach(&mut self, id: u32) {
        let n = &mut self.nodes[id as usize];
        let (parent, prev, next) = (n.parent, n.prev, n.next);
        if parent == NONE {
            return;
        }
        n.parent = NONE;
        n.prev = NONE;
        n.next = NONE;
        if prev != NONE {
            self.nodes[prev as usize].next = next;
        } else {
            self.nodes[parent as usize].first = next;
        }
        if next != NONE {
            self.nodes[next as usize].prev = prev;
        } else {
            self.nodes[parent as usize].last = prev;
        }
    }

    fn append(&mut self, parent: u32, child: u32) {
        assert_ne!(parent, child, "cannot append a node to itself");
        if self.nodes[parent as usize].last == child {
            return;
        }
        self.detach(child);
        let p = &self.nodes[parent as usize];
        let (last, depth) = (p.last, p.depth + 1);
        self.link(child, parent, last, NONE, depth);
    }

    fn insert_before(&mut self, sibling: u32, new: u32) {
        assert_ne!(sibling, new, "cannot insert a node before itself");
        self.detach(new);
        let s = &self.nodes[sibling as usize];
        let (parent, prev, depth) = (s.parent, s.prev, s.depth);
        self.link(new, parent, prev, sibling, depth);
    }

    /// Put the detached `node` under `parent` between `prev` and `next`
    /// (`NONE` at either end), at `depth`: the reverse of [`Tree::detach`].
    fn link(&mut self, node: u32, parent: u32, prev: u32, next: u32, depth: u32) {
        self.check_depth(depth);
        let n = &mut self.nodes[node as usize];
        n.parent = parent;
        n.prev = prev;
        n.next = next;
        n.depth = depth;
        if prev != NONE {
            self.nodes[prev as usize].next = node;
        } else {
            self.nodes[parent as usize].first = node;
        }
        if next != NONE {
            self.nodes[next as usize].prev = node;
        } else {
            self.nodes[parent as usize].last = node;
        }
    }

    /// Append `text` to the text node `at`, if it is one. Text nodes are
    /// tendrils: most are slices of the page (see [`super::lex`]), and a
    /// piece that follows its node's text in the page only lengthens the
    /// slice; any other piece makes the node's text its own (a buffer that
    /// doubles as it grows, so merging stays linear).
    fn merge_text(&mut self, at: u32, text: &StrTendril) -> bool {
        let Some(Data::Text(t)) = self.nodes.get_mut(at as usize).map(|n| &mut n.data) else {
            return false;
        };
        t.push_tendril(text);
        self.text_len += text.len();
        true
    }

    /// A new text node holding `text`.
    fn push_text(&mut self, text: StrTendril) -> u32 {
        self.text_len += text.len();
        self.push(Data::Text(text))
    }
}

impl Node {
    fn new(data: Data) -> Node {
        Node {
            parent: NONE,
            first: NONE,
            last: NONE,
            prev: NONE,
            next: NONE,
            depth: 0,
            data,
        }
    }
}

/// Parse an HTML document.
#[cfg(any(test, feature = "internals"))]
pub fn parse(html: &str) -> Tree {
    parse_within(html, Limits::NONE).expect("no limits")
}

/// What a parse may build before it gives up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Elements above any node.
    pub depth: usize,
    /// Elements created, clones made by the tree builder's repairs
    /// included.
    pub elements: usize,
    /// Steps of the tree builder: element names it reads (it walks its
    /// stack of open elements, reading each name, for most tags) and
    /// elements and attributes it hands in. Whatever the markup, this
    /// bounds the parse's time, which depth and element counts alone do
    /// not (`</li>` after 4,000 open `<div>`s walks them all and creates
    /// nothing).
    pub work: u64,
}

impl Limits {
    pub const NONE: Limits = Limits {
        depth: usize::MAX,
        elements: usize::MAX,
        work: u64::MAX,
    };

    /// The work budget for a page of `len` bytes: real pages take about
    /// one step per byte (the 360 bench pages at most 0.6), a page that
    /// makes the tree builder quadratic hundreds or thousands.
    pub fn work_for(len: usize) -> u64 {
        (len as u64).saturating_mul(WORK_PER_BYTE).max(MIN_WORK)
    }
}

/// Tree-builder steps allowed per byte of a page (see [`Limits::work_for`]).
pub const WORK_PER_BYTE: u64 = 32;
/// Steps allowed on any page, however short.
const MIN_WORK: u64 = 4_000_000;

/// The limit a page passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exceeded {
    Depth,
    Elements,
    Work,
}

/// Parse an HTML document, giving up as soon as it passes a limit.
///
/// html5ever's tree builder walks its stack of open elements for every
/// start tag, so a parse is quadratic in depth; and it re-opens every
/// formatting element left open when a paragraph closes, so a page can
/// make far more elements than it has tags (`<p><b class=1>...<b
/// class=500>` and then `<p>x` a thousand times builds half a million).
/// The byte scan in [`super::guard`] refuses most such pages before
/// parsing. Here the depth limit counts a node's depth when it is put in
/// place (the tree builder's repairs can move subtrees deeper without it
/// seeing), the element limit counts every element made, and the work
/// budget counts the tree builder's steps, which bounds the parse's time
/// whatever the markup. The tokens come from [`super::lex`] (see
/// [`Tokenizer`]); the limits count the same elements with either
/// tokenizer, and with lex no more work (it hands text on in fewer
/// pieces than html5ever's tokenizer).
///
/// # Errors
/// [`Exceeded`] names the limit passed.
pub fn parse_within(html: &str, limits: Limits) -> Result<Tree, Exceeded> {
    parse_with(html, limits, Tokenizer::Lex)
}

/// Which tokenizer feeds html5ever's tree builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tokenizer {
    /// [`super::lex`], falling back to html5ever's on a page it refuses.
    Lex,
    /// html5ever's own.
    #[cfg(any(test, feature = "internals"))]
    Html5ever,
}

/// [`parse_within`] with the tokenizer named.
///
/// # Errors
/// [`Exceeded`] names the limit passed.
pub fn parse_with(html: &str, limits: Limits, tokenizer: Tokenizer) -> Result<Tree, Exceeded> {
    parse_page_with(&StrTendril::from_slice(html), limits, tokenizer)
}

/// [`parse_within`] a page already in a tendril (see
/// [`crate::decode::page_tendril`]): the tokenizer reads it in place.
///
/// # Errors
/// [`Exceeded`] names the limit passed.
pub fn parse_page(page: &StrTendril, limits: Limits) -> Result<Tree, Exceeded> {
    parse_page_with(page, limits, Tokenizer::Lex)
}

/// [`parse_with`] a page already in a tendril.
fn parse_page_with(
    page: &StrTendril,
    limits: Limits,
    tokenizer: Tokenizer,
) -> Result<Tree, Exceeded> {
    let html: &str = page;
    let sink = || {
        // About one node per 40 bytes of markup on real pages.
        let tree = Tree::new(html.len() / 40 + 16, limits);
        Sink {
            tree: RefCell::new(tree),
            work: Cell::new(0),
            budget: limits.work,
        }
    };
    // A limit passed unwinds out of the parser ([`Tree::give_up`]); any
    // other panic goes on unwinding.
    let catch = |parse: &mut dyn FnMut() -> Option<Tree>| match std::panic::catch_unwind(
        std::panic::AssertUnwindSafe(parse),
    ) {
        Ok(tree) => Ok(tree),
        Err(payload) => match payload.downcast::<Exceeded>() {
            Ok(exceeded) => Err(*exceeded),
            Err(other) => std::panic::resume_unwind(other),
        },
    };
    if tokenizer == Tokenizer::Lex {
        let lexed = catch(&mut || {
            let builder = TreeBuilder::new(sink(), TreeBuilderOpts::default());
            super::lex::tokenize_page(page, &builder).ok()?;
            Some(builder.sink.finish())
        })?;
        if let Some(tree) = lexed {
            return Ok(tree);
        }
    }
    catch(&mut || Some(html5ever::parse_document(sink(), Default::default()).one(page.clone())))
        .map(|tree| tree.expect("html5ever parses every page"))
}

impl Sink {
    /// Count tree-builder steps; give up past the budget.
    fn step(&self, n: u64) {
        let work = self.work.get() + n;
        self.work.set(work);
        if work > self.budget {
            Tree::give_up(Exceeded::Work);
        }
    }
}

/// The [`TreeSink`] that builds a [`Tree`].
struct Sink {
    tree: RefCell<Tree>,
    /// Steps of the tree builder so far: names it read (each walk of its
    /// stack of open elements reads one per element) and elements and
    /// attributes handed in.
    work: Cell<u64>,
    /// [`Limits::work`].
    budget: u64,
}

impl TreeSink for Sink {
    type Handle = u32;
    type Output = Tree;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Tree {
        let mut tree = self.tree.into_inner();
        tree.work = self.work.get();
        tree
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn get_document(&self) -> u32 {
        0
    }

    fn same_node(&self, x: &u32, y: &u32) -> bool {
        x == y
    }

    fn elem_name<'a>(&'a self, target: &'a u32) -> Ref<'a, QualName> {
        self.step(1);
        Ref::map(self.tree.borrow(), |t| {
            match &t.nodes[*target as usize].data {
                Data::Element(e) => &e.name,
                _ => panic!("elem_name of a node that is not an element"),
            }
        })
    }

    fn create_element(&self, name: QualName, mut attrs: Vec<Attribute>, _: ElementFlags) -> u32 {
        self.step(1 + attrs.len() as u64);
        let template = name.expanded() == html5ever::expanded_name!(html "template");
        attrs.retain(|a| kept(&a.name));
        // The vector html5ever filled may be far larger than what is kept
        // (an element re-opened in every paragraph brings all its
        // attributes each time).
        if attrs.capacity() > 2 * attrs.len() + 4 {
            attrs.shrink_to_fit();
        }
        let mut t = self.tree.borrow_mut();
        t.elements += 1;
        if t.elements > t.limits.elements {
            drop(t);
            Tree::give_up(Exceeded::Elements);
        }
        let id = t.push(Data::Element(Element { name, attrs }));
        if template {
            let contents = t.push(Data::Fragment);
            t.append(id, contents);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> u32 {
        self.tree.borrow_mut().dropped += 1;
        DROPPED
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> u32 {
        self.tree.borrow_mut().dropped += 1;
        DROPPED
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let mut t = self.tree.borrow_mut();
        let id = t.push(Data::Doctype);
        t.append(0, id);
    }

    fn append(&self, parent: &u32, child: NodeOrText<u32>) {
        let mut t = self.tree.borrow_mut();
        match child {
            NodeOrText::AppendNode(DROPPED) => {}
            NodeOrText::AppendNode(id) => t.append(*parent, id),
            NodeOrText::AppendText(text) => {
                let last = t.nodes[*parent as usize].last;
                if !t.merge_text(last, &text) {
                    let id = t.push_text(text);
                    t.append(*parent, id);
                }
            }
        }
    }

    fn append_before_sibling(&self, sibling: &u32, new_node: NodeOrText<u32>) {
        if matches!(new_node, NodeOrText::AppendNode(DROPPED)) {
            return;
        }
        let mut t = self.tree.borrow_mut();
        if let NodeOrText::AppendNode(id) = new_node {
            t.detach(id);
        }
        if t.nodes[*sibling as usize].parent == NONE {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(id) => t.insert_before(*sibling, id),
            NodeOrText::AppendText(text) => {
                let prev = t.nodes[*sibling as usize].prev;
                if !t.merge_text(prev, &text) {
                    let id = t.push_text(text);
                    t.insert_before(*sibling, id);
                }
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &u32,
        prev_element: &u32,
        child: NodeOrText<u32>,
    ) {
        let has_parent = self.tree.borrow().nodes[*element as usize].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn remove_from_parent(&self, target: &u32) {
        if *target == DROPPED {
            return;
        }
        self.tree.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &u32, new_parent: &u32) {
        assert_ne!(
            node, new_parent,
            "cannot reparent a node's children to itself"
        );
        let mut t = self.tree.borrow_mut();
        let (first, last) = {
            let n = &mut t.nodes[*node as usize];
            let fl = (n.first, n.last);
            n.first = NONE;
            n.last = NONE;
            fl
        };
        if first == NONE {
            return;
        }
        let mut c = first;
        while c != NONE {
            let n = &mut t.nodes[c as usize];
            n.parent = *new_parent;
            c = n.next;
        }
        let old_last = t.nodes[*new_parent as usize].last;
        if old_last == NONE {
            t.nodes[*new_parent as usize].first = first;
        } else {
            t.nodes[old_last as usize].next = first;
            t.nodes[first as usize].prev = old_last;
        }
        t.nodes[*new_parent as usize].last = last;
    }

    fn add_attrs_if_missing(&self, target: &u32, attrs: Vec<Attribute>) {
        let mut t = self.tree.borrow_mut();
        let Data::Element(el) = &mut t.nodes[*target as usize].data else {
            panic!("add_attrs_if_missing on a node that is not an element");
        };
        for a in attrs {
            if kept(&a.name) && !el.attrs.iter().any(|b| b.name == a.name) {
                el.attrs.push(a);
            }
        }
    }

    fn get_template_contents(&self, target: &u32) -> u32 {
        let first = self.tree.borrow().nodes[*target as usize].first;
        assert_ne!(first, NONE, "a template without its contents");
        first
    }

    fn mark_script_already_started(&self, _node: &u32) {}
}

/// A node of a [`Tree`].
#[derive(Clone, Copy, Debug)]
pub struct NodeRef<'a> {
    tree: &'a Tree,
    id: u32,
}

impl PartialEq for NodeRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.tree, other.tree) && self.id == other.id
    }
}

impl Eq for NodeRef<'_> {}

/// One step of a [`NodeRef::traverse`]: a node's start or its end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge<'a> {
    Open(NodeRef<'a>),
    Close(NodeRef<'a>),
}

impl<'a> NodeRef<'a> {
    fn node(&self) -> &'a Node {
        &self.tree.nodes[self.id as usize]
    }

    fn at(&self, id: u32) -> Option<NodeRef<'a>> {
        link(id).map(|id| NodeRef {
            tree: self.tree,
            id,
        })
    }

    /// The node's index in its tree, unique while the tree lives.
    pub fn id(&self) -> u32 {
        self.id
    }

    pub fn value(&self) -> &'a Data {
        &self.node().data
    }

    /// The text of a text node; `None` for other nodes.
    #[inline]
    pub fn as_text(&self) -> Option<&'a str> {
        match &self.node().data {
            Data::Text(t) => Some(t),
            _ => None,
        }
    }

    pub fn parent(&self) -> Option<NodeRef<'a>> {
        self.at(self.node().parent)
    }

    pub fn first_child(&self) -> Option<NodeRef<'a>> {
        self.at(self.node().first)
    }

    pub fn next_sibling(&self) -> Option<NodeRef<'a>> {
        self.at(self.node().next)
    }

    pub fn children(&self) -> impl Iterator<Item = NodeRef<'a>> + use<'a> {
        std::iter::successors(self.first_child(), NodeRef::next_sibling)
    }

    /// The ancestors, nearest first (the node itself not included).
    pub fn ancestors(&self) -> impl Iterator<Item = NodeRef<'a>> + use<'a> {
        std::iter::successors(self.parent(), NodeRef::parent)
    }

    /// The node's start and end and those of all its descendants, in
    /// document order.
    pub fn traverse(&self) -> Traverse<'a> {
        Traverse {
            root: *self,
            next: Some(Edge::Open(*self)),
        }
    }

    /// The node and its descendants, in document order.
    pub fn descendants(&self) -> impl Iterator<Item = NodeRef<'a>> + use<'a> {
        self.traverse().filter_map(|e| match e {
            Edge::Open(n) => Some(n),
            Edge::Close(_) => None,
        })
    }
}

/// The iterator of [`NodeRef::traverse`].
pub struct Traverse<'a> {
    root: NodeRef<'a>,
    next: Option<Edge<'a>>,
}

impl<'a> Iterator for Traverse<'a> {
    type Item = Edge<'a>;

    fn next(&mut self) -> Option<Edge<'a>> {
        let edge = self.next?;
        self.next = match edge {
            Edge::Open(n) => Some(match n.first_child() {
                Some(c) => Edge::Open(c),
                None => Edge::Close(n),
            }),
            Edge::Close(n) if n == self.root => None,
            Edge::Close(n) => match n.next_sibling() {
                Some(s) => Some(Edge::Open(s)),
                None => n.parent().map(Edge::Close),
            },
        };
        Some(edge)
    }
}

/// An element node of a [`Tree`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ElementRef<'a> {
    node: NodeRef<'a>,
    el: &'a Element,
}

impl<'a> ElementRef<'a> {
    /// The node as an element, if it is one.
    pub fn wrap(node: NodeRef<'a>) -> Option<ElementRef<'a>> {
        node.value().as_element().map(|el| ElementRef { node, el })
    }

    pub fn value(&self) -> &'a Element {
        self.el
    }

    /// The texts of the element's descendant text nodes, in order.
    pub fn text(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        self.node.descendants().filter_map(|n| n.as_text())
    }
}

impl PartialEq for Element {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for Element {}

impl<'a> std::ops::Deref for ElementRef<'a> {
    type Target = NodeRef<'a>;

    fn deref(&self) -> &NodeRef<'a> {
        &self.node
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use html5ever::LocalName;

    /// The attributes kept are those lex's list marks as kept: not those
    /// only the tree builder reads, nor any other, nor namespaced ones.
    #[test]
    fn kept_attributes_follow_lex_list() {
        let qual = |n: &str| QualName::new(None, ns!(), LocalName::from(n));
        let read = [
            "class",
            "id",
            "role",
            "style",
            "hidden",
            "aria-hidden",
            "itemprop",
            "itemscope",
            "itemtype",
            "rel",
            "href",
            "content",
            "name",
            "property",
            "http-equiv",
            "type",
            "lang",
            "datetime",
            "title",
            "pubdate",
            "xml:lang",
        ];
        for n in read {
            assert!(kept(&qual(n)), "{n}");
            assert_eq!(
                super::super::lex::needed(n.as_bytes()),
                Some((LocalName::from(n), true))
            );
        }
        let builder = [
            "charset",
            "encoding",
            "color",
            "face",
            "size",
            "form",
            "shadowrootmode",
        ];
        for n in builder {
            assert!(!kept(&qual(n)), "{n}");
            assert_eq!(
                super::super::lex::needed(n.as_bytes()),
                Some((LocalName::from(n), false))
            );
        }
        for n in ["", "src", "alt", "width", "data-id", "onclick", "Class"] {
            assert!(!kept(&qual(n)), "{n}");
            assert_eq!(super::super::lex::needed(n.as_bytes()), None, "{n}");
        }
        let xlink = QualName::new(None, ns!(xlink), local_name!("href"));
        assert!(!kept(&xlink));
    }

    /// A step of an outline: text, or an element's start or end.
    enum Step {
        Text(String),
        Mark(String),
    }

    /// Steps as strings, each run of text steps as one: deboil builds no
    /// comments, so text on both sides of one is one node in its tree and
    /// two in scraper's.
    fn joined(steps: impl Iterator<Item = Step>) -> Vec<String> {
        let mut out = Vec::new();
        let mut text: Option<String> = None;
        for step in steps {
            match step {
                Step::Text(t) => text.get_or_insert_default().push_str(&t),
                Step::Mark(m) => {
                    out.extend(text.take().map(|t| format!("T{t:?}")));
                    out.push(m);
                }
            }
        }
        out.extend(text.map(|t| format!("T{t:?}")));
        out
    }

    /// The document as a list of steps, for comparing two parsers' trees:
    /// element names and their kept attributes, text, and ends.
    fn outline(tree: &Tree) -> Vec<String> {
        joined(tree.root().traverse().filter_map(|e| {
            match e {
                Edge::Open(n) => match n.value() {
                    Data::Element(el) => {
                        let mut attrs: Vec<String> = el
                            .attrs
                            .iter()
                            .map(|a| format!("{}={}", &*a.name.local, &*a.value))
                            .collect();
                        attrs.sort();
                        Some(Step::Mark(format!(
                            "<{:?}:{} {}>",
                            el.name.ns,
                            el.name(),
                            attrs.join(" ")
                        )))
                    }
                    Data::Text(_) => Some(Step::Text(n.as_text().unwrap_or_default().into())),
                    Data::Fragment => Some(Step::Mark("<#fragment>".into())),
                    _ => None,
                },
                Edge::Close(n) => n
                    .value()
                    .is_element()
                    .then(|| Step::Mark("</>".to_string())),
            }
        }))
    }

    /// The same outline of scraper's tree.
    fn scraper_outline(doc: &scraper::Html) -> Vec<String> {
        use ego_tree::iter::Edge as E;
        joined(doc.tree.root().traverse().filter_map(|e| {
            match e {
                E::Open(n) => match n.value() {
                    scraper::Node::Element(el) => {
                        let mut attrs: Vec<String> = el
                            .attrs
                            .iter()
                            .filter(|(q, _)| kept(q))
                            .map(|(q, v)| format!("{}={}", &*q.local, &**v))
                            .collect();
                        attrs.sort();
                        Some(Step::Mark(format!(
                            "<{:?}:{} {}>",
                            el.name.ns,
                            el.name(),
                            attrs.join(" ")
                        )))
                    }
                    scraper::Node::Text(t) => Some(Step::Text(t.to_string())),
                    scraper::Node::Fragment => Some(Step::Mark("<#fragment>".into())),
                    _ => None,
                },
                E::Close(n) => n
                    .value()
                    .is_element()
                    .then(|| Step::Mark("</>".to_string())),
            }
        }))
    }

    fn same_as_scraper(html: &str) {
        let ours = outline(&parse(html));
        let theirs = scraper_outline(&scraper::Html::parse_document(html));
        if ours != theirs {
            let at = ours
                .iter()
                .zip(&theirs)
                .position(|(a, b)| a != b)
                .unwrap_or(ours.len().min(theirs.len()));
            panic!(
                "trees differ at step {at}: ours {:?}, scraper {:?}\nin {html:?}",
                ours.get(at),
                theirs.get(at)
            );
        }
    }

    /// Comments and processing instructions build no node, wherever the
    /// tree builder puts them (before `<html>`, in a table, after
    /// `</html>`), and the text on both sides of one is one text node: a
    /// page of millions of comments stays a small tree.
    #[test]
    fn comments_are_not_built() {
        let t = parse(
            "<!--a--><p>a<!-- x -->b<?pi?>c</p><table><!--t--><tr><td>d</table></html><!--z-->",
        );
        assert_eq!(t.dropped, 5);
        let p = t
            .root()
            .descendants()
            .find(|n| matches!(n.value(), Data::Element(e) if e.name() == "p"))
            .unwrap();
        let texts: Vec<String> = p
            .children()
            .map(|c| c.as_text().unwrap().to_string())
            .collect();
        assert_eq!(texts, ["abc"]);
        let many = format!("<p>{}", "a<!>".repeat(100_000));
        let t = parse(&many);
        assert_eq!(t.dropped, 100_000);
        // document, html, head, body, p and one text
        assert_eq!(t.len(), 6);
    }

    /// Markup that exercises the tree builder's repairs: misnested
    /// formatting (adoption agency), text and tables (foster parenting),
    /// templates, stray end tags, attributes added to `<html>`/`<body>`,
    /// foreign content and comments between texts.
    #[test]
    fn repairs_match_scraper() {
        for html in [
            "<p>a<b>b<i>c</b>d</i>e</p>",
            "<table>x<tr>y<td>cell</td>z</tr>w</table>after",
            "<table><b>bold<tr><td>c</td></tr></b></table>",
            "<a href=/x>one<div>two</a>three</div>",
            "<template><p class=t>inside</p></template><p>out</p>",
            "<html lang=de><body class=a><body class=b id=c><p>x</p>",
            "</p></div><p>text<!-- c -->more</p>",
            "<svg><title>icon</title><foreignObject><p>f</p></foreignObject></svg>",
            "<math><mi xml:lang=en>x</mi></math><p xml:lang=fr lang=de>y</p>",
            "<ul><li>a<li>b<ul><li>c</ul></ul><dl><dt>t<dd>d</dl>",
            "<select><option>a<option>b</select><frameset></frameset>",
            "<b><p>1</b>2<b>3</p>4</b>",
            "<table><tr><td><table><tr><td>x</table>y</table>",
            "text before<html><head><title>T</title></head>",
            // Foster-parented text merged into a node that other text
            // has followed (it moves to a string of its own), twice.
            "<p>a</p>b<table>c<tr><td> d </td></tr>e<tr><td>f</td></tr>g\nh</table>i",
        ] {
            same_as_scraper(html);
        }
    }

    /// Text merged into a node whose text is not just before it in the
    /// page (foster parenting) keeps all its pieces in order; text that
    /// follows its node's in the page lengthens the node's slice.
    #[test]
    fn foster_text_merges_in_order() {
        let tree = parse("<table>c<tr><td>d</td></tr>e<tr><td>f</td></tr>g</table>");
        let texts: Vec<&str> = (0..tree.len() as u32)
            .filter_map(|id| tree.root().at(id)?.as_text())
            .collect();
        assert_eq!(texts, ["ceg", "d", "f"]);
        let tree = parse("<p>a &amp; b</p>");
        let texts: Vec<&str> = (0..tree.len() as u32)
            .filter_map(|id| tree.root().at(id)?.as_text())
            .collect();
        assert_eq!(texts, ["a & b"]);
        assert_eq!(tree.text_len(), 5);
    }

    /// Every HTML fixture page parses to the same tree as scraper's.
    #[test]
    fn fixture_pages_match_scraper() {
        for (_, html) in crate::html::fixture_pages() {
            same_as_scraper(&html);
        }
    }

    /// The depth limit holds however the markup misleads a byte scan.
    #[test]
    fn nesting_past_the_limit_is_given_up() {
        let divs = "<div>".repeat(300);
        let limit = |depth| Limits {
            depth,
            ..Limits::NONE
        };
        for prefix in [
            "",
            "<i ='>",
            "<svg><script>",
            "<div></i>",
            "<title-x>",
            "<svg><div><textarea><!--</textarea>",
        ] {
            let page = format!("{prefix}{divs}");
            assert_eq!(
                parse_within(&page, limit(200)).unwrap_err(),
                Exceeded::Depth,
                "{prefix}"
            );
            assert!(parse_within(&page, limit(400)).is_ok(), "{prefix}");
        }
    }

    /// Markup that keeps the tree builder walking a deep stack without
    /// nesting further or creating elements passes the work budget; real
    /// pages stay far under it.
    #[test]
    fn quadratic_markup_passes_the_work_budget() {
        let budget = |html: &str| Limits {
            work: Limits::work_for(html.len()),
            ..Limits::NONE
        };
        for page in [
            // End tags that find nothing to close, under 3,000 open divs.
            format!("<body>{}{}", "<div>".repeat(3000), "</li>".repeat(20_000)),
            // Re-parenting by the adoption agency keeps each new figure
            // deeper, with few elements per tag.
            format!("<body>{}", "<u><s><figure></u>".repeat(4000)),
        ] {
            assert_eq!(
                parse_within(&page, budget(&page)).unwrap_err(),
                Exceeded::Work
            );
        }
        for (_, html) in crate::html::fixture_pages() {
            assert!(parse_within(&html, budget(&html)).is_ok());
        }
    }

    /// Formatting elements left open are cloned into every new paragraph:
    /// the element limit counts the clones, not the tags.
    #[test]
    fn repaired_elements_count_against_the_limit() {
        let open: String = (0..100).map(|i| format!("<b class=c{i}>")).collect();
        let page = format!("<p>{open}{}", "<p>x".repeat(200));
        let limit = |elements| Limits {
            elements,
            ..Limits::NONE
        };
        assert_eq!(
            parse_within(&page, limit(5_000)).unwrap_err(),
            Exceeded::Elements
        );
        let tree = parse_within(&page, limit(50_000)).unwrap();
        let elements = tree
            .root()
            .descendants()
            .filter(|n| n.value().is_element())
            .count();
        assert!(elements > 20_000, "{elements}");
    }

    /// The outline of [`outline`] with the doctypes, processing
    /// instructions and comments met too: what two tokenizers must agree
    /// on.
    fn full_outline(tree: &Tree) -> Vec<String> {
        let mut out = outline(tree);
        let doctypes = tree
            .root()
            .descendants()
            .filter(|n| matches!(n.value(), Data::Doctype))
            .count();
        out.push(format!(
            "{doctypes} doctypes, {} PIs and comments",
            tree.dropped
        ));
        out
    }

    /// Whether [`super::super::lex`] tokenizes the page (rather than
    /// leaving it to html5ever's tokenizer).
    fn lex_accepts(html: &str) -> bool {
        let sink = Sink {
            tree: RefCell::new(Tree::new(16, Limits::NONE)),
            work: Cell::new(0),
            budget: u64::MAX,
        };
        let builder = TreeBuilder::new(sink, TreeBuilderOpts::default());
        super::super::lex::tokenize(html, &builder).is_ok()
    }

    /// The first difference between the trees lex and html5ever's
    /// tokenizer build, if any (or between the limits they count).
    fn tokenizers_differ(html: &str) -> Option<String> {
        let lex = parse_with(html, Limits::NONE, Tokenizer::Lex).unwrap();
        let ever = parse_with(html, Limits::NONE, Tokenizer::Html5ever).unwrap();
        if lex.work > ever.work || lex.elements != ever.elements {
            return Some(format!(
                "work {} vs {}, elements {} vs {}",
                lex.work, ever.work, lex.elements, ever.elements
            ));
        }
        let ours = full_outline(&lex);
        let theirs = full_outline(&ever);
        if ours == theirs {
            return None;
        }
        let at = ours
            .iter()
            .zip(&theirs)
            .position(|(a, b)| a != b)
            .unwrap_or(ours.len().min(theirs.len()));
        Some(format!(
            "trees differ at step {at}: lex {:?}, html5ever {:?}",
            ours.get(at),
            theirs.get(at)
        ))
    }

    fn same_tokenizers(html: &str) {
        assert!(lex_accepts(html), "lex refused {html:?}");
        if let Some(diff) = tokenizers_differ(html) {
            panic!("{diff}\nin {html:?}");
        }
    }

    /// Each tokenizer state's odd corners, as small pages: both tokenizers
    /// build the same tree.
    #[test]
    fn lex_matches_html5ever_on_edge_cases() {
        for html in [
            // Text, character references and `<` that opens nothing.
            "<p>a &amp; b &lt;c&gt; &copy 2020 &notit; &notin; &#169; &#xA9; &#x; &#; &# &",
            "<p>&amp&lt&gt &AMP; &Amp; &ampx &#0; &#xD800; &#x110000; &#99999999999; &#128; &#x9F;",
            "<p>&#13; &#x0d; &#11; &#xFFFE; &#xFDD0; &NotANamedRef; &zz; &a1; x &",
            "<p>a < b <3 <> <= a<<b 1<2",
            "<p>&nbsp&nbsp;x&thetasym;&theta;&notinva;&fjlig;&acE;",
            // Attributes: quotes, none, odd names, references, duplicates.
            "<a href=/x?a=1&b=2&amp;c=3&copy=4&copy;=5 class=\"A B\" id='i' title=t>x</a>",
            "<div class=a class=b CLASS=c ID=x data-x=1 data-x=2>y</div>",
            "<p title=\"a&quot;b\" lang='x&#39;y' id=u&v&lt;w>z</p>",
            "<p =x \"y\"=z 'q' <a=b a<b=c class= >x</p>",
            "<img src=a.png/><br/><input type=hidden /><input TYPE=HIDDEN><p/>x</p>",
            "<p class=\"x\"id=y title='t'/class=z>a</p>",
            "<p class=a / id=b>x</p><p class/>y<p class =  c>z",
            "<b class=a>1<b class=a>2<b class=a>3<b class=a>4<p>x</p>",
            "<b class=a data-n=1>1<b class=a data-n=2>2<b class=a data-n=3>3<b class=a data-n=4>4<p>x",
            // End tags.
            "<p>a</p >b</p foo=bar>c</P\n>d</ p>e</>f</3>g</!x>h",
            "<div>a</div/>b</div class=x>c",
            // Comments of every shape.
            "<p>a<!-->b<!--->c<!---->d<!-- x -- y -->e<!-- x --!>f<!--!-->g</p>",
            "<p>a<!-- <!-- nested --> b<!----->c<!-- a --!- b -->d<!--<!---->e</p>",
            "<p>a<!x>b<?php echo 1 ?>c<!>d<!->e<!-f>g</p>",
            "<p>a<!--",
            "<p>a<!-- x --",
            "<p>a<!-- x --!",
            "<p>a<!",
            "<p>a<?x",
            // Doctypes: quirks and limited quirks change the tree.
            "<!DOCTYPE html><p><table><tr><td>x</td></tr></table>",
            "<!doctype><p><table><tr><td>x</td></tr></table>",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><p><table><tr><td>x</table>",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\" \"http://www.w3.org/TR/html4/loose.dtd\"><p><table>x</table>",
            "<!DOCTYPE HTML SYSTEM 'about:legacy-compat'><p><table>x</table>",
            "<!DOCTYPE html PUBLIC\"-//W3O//DTD W3 HTML Strict 3.0//EN//\"><p><table>x</table>",
            "<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0 Transitional//EN'x><p><table>x</table>",
            "<!DOCTYPE html SYSTEM \"x\" junk><p><table>x</table>",
            "<!DOCTYPE html bogus><p><table>x</table>",
            "<!DOCTYPE html PUBLIC><p><table>x</table>",
            "<!DOCTYPE html PUBLIC \"x><p><table>x</table>",
            "<!DOCTYPEhtml><p><table>x</table>",
            "<!DOCTYPE html PUBLIC \"\" ''><p><table>x</table>",
            "<!DOCTYPE",
            "<!DOCTYPE html PUB",
            "<p>x</p><!DOCTYPE html><p>y",
            // Raw text: title and textarea (references decoded), style,
            // script, xmp, iframe, noscript, noembed, noframes, plaintext.
            "<title>a &amp; b <b>c</b> </titlex> </title >x",
            "<textarea>\nfirst</textarea><textarea>\n\nsecond &lt;</TEXTAREA>",
            "<style>p > a { x: '</style' } </style>b",
            "<script>if (a < b && c) { d = '</scr' + 'ipt>'; }</script>x",
            "<script><!-- document.write('<script>x</script>'); --></script>after",
            "<script><!-- a --></script>b<script><!--<script>--></script>c</script>d",
            "<script><!--<script></script>still</script>e",
            "<script><!--<SCRIPT >x</SCRIPT\n>y --></script>f",
            "<script><!--<scripts></script>g",
            "<script><!- x --></script>h<script><!x</script>i<script><!--></script>j",
            "<script>--><!--a--!></script>k<script><!--a-<--></script>l",
            "<xmp><b>x</b></xmp><iframe><p>y</iframe><noembed>z</noembed><noframes>w</noframes>",
            "<noscript><p>n</p></noscript><p>after",
            "<p><plaintext>a</plaintext><b>b",
            "<script>x",
            "<script>x</scr",
            "<script>x</script",
            "<title>x</title",
            "<style>x</style",
            "<script><!--x",
            "<script><!--<script>x",
            // Newline after pre, listing and textarea; CR and CRLF.
            "<pre>\nx</pre><pre>\n\ny</pre><listing>\nz</listing>",
            "<pre></>\nx</pre><pre>&#10;y</pre><pre>&#10z</pre><pre>&NewLine;w</pre>",
            "<pre>\r\nx</pre>a\rb\r\nc\n\rd<p title=\"x\r\ny\">z</p>",
            "<textarea>\r\nx</textarea>",
            // Foreign content: CDATA, svg script, font attributes.
            "<svg><![CDATA[a<b>c]]><title>t</title></svg><p><![CDATA[x]]>y",
            "<svg><![CDATA[a]]]><![CDATA[]]><![CDATA[z",
            "<svg><script>a<b></script>c</svg><math><mi><![CDATA[m]]></mi></math>",
            "<svg><font color=red>x</font><font>y</font></svg>",
            "<math><annotation-xml encoding=\"text/html\"><p>x</p></annotation-xml></math>",
            "<svg viewBox=\"0 0 1 1\" xlink:href=x xml:lang=en><a xlink:href=y>z</a></svg>",
            // Uppercase and odd names, EOF mid-tag.
            "<DIV CLASS=X><SPAN Id=Y>t</SPAN></DIV><Ä-x>u</Ä-x><my-el data-Ü=1>v",
            "<p>a<div",
            "<p>a<div class",
            "<p>a<div class=",
            "<p>a<div class=\"x",
            "<p>a<div class=x",
            "<p>a<div class=x/",
            "<p>a</div",
            "<p>a</",
            "<p>a<",
            "\u{FEFF}<p>bom</p>",
            "",
            "text only",
            "<template shadowrootmode=open><p>s</p></template>",
            // Text before a CDATA section reaches the tree builder first: in
            // an integration point it reopens formatting elements, and the
            // section is then a bogus comment.
            "<svg><desc><b><i></b>x<![CDATA[y]]>",
            "<math><mi><p><i></p>-<![CDATA[z]]>",
            // html5ever's driver feeds again after a script's end tag and
            // after an encoding declaration, and each feed drops a BOM.
            "<script></script>\u{FEFF}<p>x",
            "<head><meta charset=utf-8>\u{FEFF}<title>t</title>",
            "<head><meta http-equiv=content-type content=\"text/html; charset=utf-8\">\u{FEFF}<title>t</title>",
            // Runs of dashes inside and at the end of comments.
            "<p>a<!-- ---------- -->b<!------------>c<!-- x ---!>d<!-- --!-->e<!-----",
            "<form id=f></form><input form=f name=n>",
        ] {
            same_tokenizers(html);
        }
    }

    /// Every named character reference, whole and cut one character
    /// short, followed by characters that change its reading (`=` and
    /// alphanumerics in attributes), in text, in a quoted and an unquoted
    /// attribute value and in RCDATA, and numeric references at the edges
    /// of the replacement rules: both tokenizers build the same tree.
    #[test]
    fn lex_reads_every_character_reference_as_html5ever() {
        let mut page = String::new();
        let mut names: Vec<&str> = html5ever::data::NAMED_ENTITIES
            .keys()
            .copied()
            .filter(|name| !name.is_empty())
            .collect();
        names.sort_unstable();
        for (i, name) in names.iter().enumerate() {
            let tail = ["", "=", "x", "1", ";", " "][i % 6];
            let short = &name[..name.len() - 1];
            page.push_str(&format!(
                "<p title=\"&{name}{tail}\" lang=&{short}{tail}>&{name}{tail}&{short}{tail}</p>"
            ));
        }
        for n in [
            0u64, 9, 10, 13, 0x80, 0x81, 0x9F, 0xA0, 0xD800, 0xDFFF, 0xFDD0, 0xFFFE,
        ]
        .into_iter()
        .chain([0x10FFFF, 0x110000, 0xFFFF_FFFF, 0x1_0000_0000])
        {
            page.push_str(&format!("<p title='&#{n};&#x{n:X}'>&#{n}x&#x{n:x};</p>"));
        }
        same_tokenizers(&page);
        same_tokenizers(&format!("<textarea>{page}</textarea>"));
    }

    /// Tags with many attributes, duplicates among them (the first of a
    /// name wins), on elements and on formatting elements.
    #[test]
    fn lex_keeps_the_first_of_many_attributes() {
        let attrs: String = (0..40)
            .map(|i| format!(" a{}=v{i} CLASS=c{i} id=i{i}", i % 25))
            .collect();
        for tag in ["div", "b", "a", "p"] {
            let html = format!("<p><{tag}{attrs}>x<{tag}{attrs}>y</{tag}><p>z");
            same_tokenizers(&html);
            let tree = parse(&html);
            let el = tree
                .root()
                .descendants()
                .filter_map(ElementRef::wrap)
                .find(|e| e.value().name() == tag && e.value().attr("class").is_some())
                .unwrap();
            assert_eq!(el.value().attr("class"), Some("c0"));
            assert_eq!(el.value().attr("id"), Some("i0"));
        }
    }

    /// Every HTML fixture page builds the same tree through lex as
    /// through html5ever's tokenizer.
    #[test]
    fn fixture_pages_lex_matches_html5ever() {
        for (path, html) in crate::html::fixture_pages() {
            assert!(lex_accepts(&html), "{}", path.display());
            if let Some(diff) = tokenizers_differ(&html) {
                panic!("{}: {diff}", path.display());
            }
        }
    }

    /// The limits count about the same whichever tokenizer feeds the
    /// tree builder: the same elements, and no more work (attributes lex
    /// does not build are handed on as placeholders; html5ever's tokenizer
    /// hands text on in more pieces, a newline often on its own, and the
    /// tree builder takes a few steps for each).
    #[test]
    fn work_counts_the_same_with_either_tokenizer() {
        let open: String = (0..50)
            .map(|i| format!("<b class=c{i} data-x=1>"))
            .collect();
        let quadratic = format!("<p>{open}{}", "<p>x<i id=a title=t onclick=f>y".repeat(50));
        let mut pages: Vec<String> = crate::html::fixture_pages()
            .into_iter()
            .map(|(_, html)| html)
            .collect();
        pages.push(quadratic);
        for html in &pages {
            let lex = parse_with(html, Limits::NONE, Tokenizer::Lex).unwrap();
            let ever = parse_with(html, Limits::NONE, Tokenizer::Html5ever).unwrap();
            assert!(lex.work > 0);
            assert!(lex.work <= ever.work, "{} > {}", lex.work, ever.work);
            assert_eq!(lex.elements, ever.elements);
        }
    }

    /// Lex refuses a page with a NUL (deboil's decoding drops them), and
    /// the parse falls back to html5ever's tokenizer.
    #[test]
    fn nul_falls_back_to_html5ever() {
        let html = "<p>a\0b</p><table>\0<tr><td>c</td></tr></table>";
        assert!(!lex_accepts(html));
        assert_eq!(
            full_outline(&parse(html)),
            full_outline(&parse_with(html, Limits::NONE, Tokenizer::Html5ever).unwrap())
        );
    }

    /// Lex over whole page directories (`DEBOIL_LEX_PAGES`, paths joined
    /// by `:`), decoded as deboil decodes them, whole and cut short at
    /// fourteen places: every tree the same as html5ever's tokenizer builds.
    /// Run with `--ignored`.
    #[test]
    #[ignore = "reads the benchmark pages named by DEBOIL_LEX_PAGES"]
    fn bench_pages_lex_matches_html5ever() {
        use std::io::Read;
        let dirs = std::env::var("DEBOIL_LEX_PAGES").expect("DEBOIL_LEX_PAGES");
        let (mut pages, mut refused, mut differ) = (0, 0, Vec::new());
        for dir in dirs.split(':') {
            let mut paths: Vec<_> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            paths.sort();
            for path in paths {
                let mut bytes = std::fs::read(&path).unwrap();
                if path.extension().is_some_and(|e| e == "gz") {
                    let mut out = Vec::new();
                    flate2::read::GzDecoder::new(&bytes[..])
                        .read_to_end(&mut out)
                        .unwrap();
                    bytes = out;
                }
                let html = crate::decode::page_text(&bytes, true).text;
                pages += 1;
                if !lex_accepts(&html) {
                    refused += 1;
                }
                if let Some(diff) = tokenizers_differ(&html) {
                    differ.push(format!("{}: {diff}", path.display()));
                }
                // The page cut short at a few places: the end of the
                // input in whatever state the tokenizer is in there.
                for k in 1..8 {
                    let mut at = html.len() * k / 8;
                    while !html.is_char_boundary(at) {
                        at += 1;
                    }
                    // Anywhere, and a few bytes into the next markup.
                    let lt = html[at..].find('<').map_or(at, |i| at + i + 2 + k);
                    for mut cut in [at + k, lt] {
                        while cut < html.len() && !html.is_char_boundary(cut) {
                            cut += 1;
                        }
                        let cut = cut.min(html.len());
                        if let Some(diff) = tokenizers_differ(&html[..cut]) {
                            differ.push(format!("{} cut at {cut}: {diff}", path.display()));
                        }
                    }
                }
            }
        }
        eprintln!(
            "{pages} pages, {refused} refused by lex, {} differ",
            differ.len()
        );
        assert!(differ.is_empty(), "{}", differ.join("\n"));
    }

    mod prop {
        use proptest::prelude::*;

        /// Tag soup: fragments of real markup in any order, unbalanced.
        fn soup() -> impl Strategy<Value = String> {
            let piece = prop::sample::select(vec![
                "<p>",
                "</p>",
                "<b>",
                "</b>",
                "<i>",
                "</i>",
                "<a href='/a'>",
                "</a>",
                "<div class='x nav'>",
                "</div>",
                "<table>",
                "</table>",
                "<tr>",
                "<td>",
                "</td>",
                "<li>",
                "<ul>",
                "</ul>",
                "<template>",
                "</template>",
                "<svg>",
                "</svg>",
                "<title>",
                "</title>",
                "<!-- c -->",
                "<br>",
                "<form>",
                "</form>",
                "<select>",
                "<option>",
                "<h1 id=h>",
                "</h1>",
                "<body class=b>",
                "<html lang=x>",
                "<script>",
                "</script>",
                "<frameset>",
                "<nobr>",
                "<button>",
                " ",
                "text",
                "&amp;",
                "<math>",
                "<mi>",
                "<caption>",
                "<col>",
                "<head>",
                "<meta name=a content=b>",
                // Text that is not one slice of the page: CRs normalised,
                // references decoded, text joined across a comment, and
                // characters of several bytes.
                "\r\n",
                "\r",
                "&#233;",
                "&lt",
                "é中",
                "<?pi x?>",
                "<!---->",
            ]);
            prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(300))]
            #[test]
            fn tag_soup_matches_scraper(html in soup()) {
                super::same_as_scraper(&html);
            }
        }

        /// Tokenizer soup: the hard bits of every tokenizer state, cut
        /// anywhere (EOF mid-tag, mid-reference, mid-comment).
        fn lex_soup() -> impl Strategy<Value = String> {
            let piece = prop::sample::select(vec![
                "<p>",
                "</p>",
                "<b class=x>",
                "</b>",
                "<a href='/a?x=1&y=2'>",
                "</a>",
                "<DIV ID=D>",
                "</Div >",
                "<table>",
                "<tr>",
                "<td>",
                "</table>",
                "<pre>",
                "<listing>",
                "<textarea>",
                "</textarea>",
                "<title>",
                "</title>",
                "<style>",
                "</style>",
                "<script>",
                "</script>",
                "</SCRIPT >",
                "<script ",
                "<xmp>",
                "</xmp>",
                "<noscript>",
                "</noscript>",
                "<plaintext>",
                "<svg>",
                "</svg>",
                "<math>",
                "<mi>",
                "<font color=red>",
                "<![CDATA[",
                "]]>",
                "]]",
                "<!--",
                "-->",
                "--!>",
                "<!-->",
                "<!--->",
                "--",
                "-",
                "!",
                "<!",
                "<!x>",
                "<?",
                "</",
                "</>",
                "</ x>",
                "</3>",
                "<",
                ">",
                "/>",
                "/",
                "<!DOCTYPE html>",
                "<!doctype html public \"-//W3C//DTD HTML 4.0//EN\">",
                "<!DOCTYPE",
                " PUBLIC ",
                " SYSTEM ",
                "'",
                "\"",
                "=",
                " ",
                "\n",
                "\r",
                "\r\n",
                "\t",
                "&",
                "&amp",
                "&amp;",
                "&lt",
                "&notin",
                "&noti;",
                "&copy",
                "&#",
                "&#10",
                "&#10;",
                "&#x",
                "&#xA9;",
                "&#0;",
                "&#128",
                "&#x110000;",
                "&zz;",
                "x",
                "text",
                "é",
                "€",
                "class",
                "id",
                "type=hidden",
                "<input ",
                "<img src=",
                "<br/>",
                "<p class",
                "=x",
                "='y'",
                "=\"z\"",
                "<html lang=de>",
                "<body class=b>",
                "<template>",
                "</template>",
                "<select>",
                "<option>",
            ]);
            prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]
            #[test]
            fn tag_soup_lex_matches_html5ever(html in lex_soup()) {
                super::same_tokenizers(&html);
            }
        }

        /// Character soup: a context (raw text, foreign content, a
        /// table, `<pre>`) and then any string of the characters the
        /// tokenizer's states turn on.
        fn char_soup() -> impl Strategy<Value = String> {
            let context = prop::sample::select(vec![
                "",
                "<p>",
                "<script>",
                "<script><!--",
                "<style>",
                "<title>",
                "<textarea>",
                "<svg>",
                "<math><mi>",
                "<table>",
                "<pre>",
                "<!DOCTYPE",
                "<svg><script>",
            ]);
            let body = proptest::string::string_regex(
                "[<>/!\\-&#;='\" \n\r\tabcdeilmnoprstuxyACDTSP0-9\\[\\]é]{0,80}",
            )
            .unwrap();
            (context, body).prop_map(|(c, b)| format!("{c}{b}"))
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]
            #[test]
            fn char_soup_lex_matches_html5ever(html in char_soup()) {
                super::same_tokenizers(&html);
            }
        }
    }
}
