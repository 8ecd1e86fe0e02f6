//! The walk that collects metadata candidates, one element at a time, as
//! the arena build hands them over ([`Observer`]): meta tags, the
//! canonical link, titles and headings, JSON-LD blocks, `<time>` elements,
//! bylines, date lines, breadcrumbs, tag and category lists, and the
//! regions (comments, sidebars, footers) whose candidates are not the
//! article's.

use std::borrow::Cow;

use html5ever::{LocalName, local_name};

use super::element::{class_id_words, text_of};
use super::entities::unescape;
use super::found::*;
use super::pick::{is_home_link, pick};

#[cfg(test)]
use crate::markup::tree::{Edge, Tree};
use crate::lexicon::bylines::*;
use crate::lexicon::class_words::*;
use crate::markup::dom::{Attrs, Observer};
use crate::markup::tree::{Data, Element, ElementRef, NodeRef};
use crate::metadata::lists::{link_texts, list_class, push_items};
use crate::metadata::{date, jsonld};
use crate::model::metadata::Metadata;
use crate::util::spaces::{clean, clean_short, is_blank};

/// A whole element that reads "von Jane Doe" / "by Jane Doe": the
/// lead-in, then two to four capitalised words and nothing else.
fn short_byline(el: &ElementRef<'_>, own_lower: &str, foreign: bool) -> Option<String> {
    let lead = BYLINE_LEADS.iter().copied().find(|l| {
        own_lower
            .strip_prefix(l)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    })?;
    let full = text_of(el);
    if full.chars().count() > 50 || foreign {
        return None;
    }
    let rest = full.get(lead.len()..)?.trim();
    let words: Vec<&str> = rest.split_whitespace().collect();
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    ((2..=4).contains(&words.len()) && capitalised && full[..lead.len()].eq_ignore_ascii_case(lead))
        .then(|| rest.to_string())
}

/// What [`walk`] knows of one element: its attributes, what its class and
/// id words say, and the regions it sits in.
struct ElInfo<'a, 'w> {
    attrs: &'w Attrs<'a>,
    /// The [`word_bits`] of its class and id.
    bits: u16,
    /// [`in_foreign_region`] of the element.
    foreign: bool,
    /// [`in_list_foreign_region`] of the element.
    list_foreign: bool,
}

/// The state of [`in_foreign_region`]-like walks up from an element,
/// computed top-down: whether a marking element was met below `<body>`,
/// and the verdict of the outermost `<aside>`/`<footer>`/`<article>`.
#[derive(Default, Clone, Copy)]
struct Region {
    hit: bool,
    outer: Option<bool>,
}

impl Region {
    fn foreign(self) -> bool {
        self.hit || self.outer == Some(true)
    }
}

#[derive(Default, Clone, Copy)]
struct Frame {
    /// For [`in_foreign_region`] (the element included).
    foreign: Region,
    /// For [`in_list_foreign_region`] (of the element's children).
    list: Region,
}

impl Frame {
    /// The frame of an element from its parent's. Walks up stop below
    /// `<body>`/`<html>`, so those start afresh.
    fn child(parent: Frame, name: &LocalName, bits: u16) -> Frame {
        if matches!(*name, local_name!("body") | local_name!("html")) {
            return Frame::default();
        }
        let nav = *name == local_name!("nav");
        let foreign = Region {
            hit: parent.foreign.hit || nav || bits & word_bits::FOREIGN != 0,
            outer: parent.foreign.outer.or(match *name {
                local_name!("footer") | local_name!("aside") => Some(true),
                local_name!("article") => Some(false),
                _ => None,
            }),
        };
        let list = Region {
            hit: parent.list.hit || nav || bits & word_bits::LIST_FOREIGN != 0,
            outer: parent.list.outer.or(match *name {
                local_name!("aside") => Some(true),
                local_name!("article") => Some(false),
                _ => None,
            }),
        };
        Frame { foreign, list }
    }
}

/// A heading's text without its kicker and hidden parts.
fn heading_text(el: &ElementRef<'_>) -> Option<String> {
    fn collect(node: NodeRef<'_>, out: &mut String) {
        for c in node.children() {
            match c.value() {
                Data::Text(_) => out.push_str(c.as_text().unwrap_or_default()),
                Data::Element(e) => {
                    let skip = is_hidden(e)
                        || e.attr("class").is_some_and(|cl| {
                            words(cl).any(|w| KICKER_WORDS.contains(&w.as_str()))
                        });
                    if !skip && out.len() < 2000 {
                        collect(c, out);
                    }
                }
                _ => {}
            }
        }
    }
    let mut s = String::new();
    collect(**el, &mut s);
    clean(&s).or_else(|| clean(&text_of(el)))
}

fn is_hidden(v: &Element) -> bool {
    v.attr("hidden").is_some()
        || v.attr("class").is_some_and(|c| {
            c.split_whitespace()
                .any(|t| HIDDEN_CLASSES.contains(&t.to_lowercase().as_str()))
        })
}

/// True when the nearest microdata scope around the element is something
/// other than an article or web page (a `Product`, `Review`, `Recipe`,
/// `Comment`, `Offer`...): its dates are that thing's.
fn in_foreign_scope(el: &ElementRef<'_>) -> bool {
    let scope = el
        .ancestors()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().attr("itemscope").is_some());
    let Some(itemtype) = scope.and_then(|e| e.value().attr("itemtype")) else {
        return false;
    };
    !itemtype.split_whitespace().any(|t| {
        let t = t.trim_end_matches('/').rsplit('/').next().unwrap_or(t);
        t.ends_with("Article") || t.ends_with("Posting") || t.ends_with("WebPage") || t == "Blog"
    })
}

/// True when the element sits in a page or article header or a byline.
fn in_header(el: &ElementRef<'_>) -> bool {
    el.ancestors().filter_map(ElementRef::wrap).any(|e| {
        e.value().name() == "header"
            || class_id_words(&e)
                .iter()
                .any(|w| matches!(w.as_str(), "header" | "byline" | "meta" | "entry" | "info"))
    })
}

/// How many elements before and after the first `<h1>` are looked at for
/// a date line.
const BEFORE_H1: usize = 4;
const AFTER_H1: usize = 25;

/// The text directly inside an element (not in its children) as it
/// stands, when it is not blank and at most 300 bytes: what [`clean_own`]
/// cleans. Most elements are
/// wrappers with no text of their own, or only whitespace between tags:
/// that is found out without allocating, and an element with one text
/// child (nearly all the others) lends it.
fn own_raw<'a>(el: &ElementRef<'a>) -> Option<Cow<'a, str>> {
    let mut len = 0;
    let mut any = false;
    let mut texts = 0;
    let mut only: &str = "";
    for c in el.children() {
        if let Some(t) = c.as_text() {
            len += t.len();
            texts += 1;
            only = t;
            any = any || !is_blank(t);
        }
    }
    if !any || len > 300 {
        return None;
    }
    if texts == 1 {
        return Some(Cow::Borrowed(only));
    }
    let mut s = String::with_capacity(len);
    for c in el.children() {
        if let Some(t) = c.as_text() {
            s.push_str(t);
        }
    }
    Some(Cow::Owned(s))
}

/// The own text of an element, cleaned, if short: from [`own_raw`].
fn clean_own(raw: &str) -> Option<String> {
    clean_short(raw).filter(|t| t.chars().count() <= 120)
}

const MAX_CANDIDATES: usize = 30;

/// The candidate-collecting walk over the document, fed one element at a
/// time in document order: [`Walk::open`] on each element's start,
/// [`Walk::close`] on its end. It rides along the arena build
/// ([`crate::markup::dom::Dom::build_observed`]), so the page is walked once.
pub struct Walk {
    f: Found,
    index: usize,
    h1_at: Option<usize>,
    before: std::collections::VecDeque<String>,
    label_pending: bool,
    /// Region state of the open elements, innermost last.
    stack: Vec<Frame>,
}

impl Default for Walk {
    fn default() -> Self {
        Walk::new()
    }
}

impl Walk {
    pub fn new() -> Self {
        Walk {
            f: Found::default(),
            index: 0,
            h1_at: None,
            before: std::collections::VecDeque::new(),
            label_pending: false,
            stack: Vec::new(),
        }
    }

    /// The end of the innermost open element.
    pub fn close(&mut self) {
        self.stack.pop();
    }

    /// The start of element `el`, with its attributes read and `bits`,
    /// the [`class_bits`] of its class and id combined.
    pub fn open(&mut self, el: ElementRef<'_>, attrs: &Attrs<'_>, bits: u16) {
        let v = el.value();
        let Walk {
            f,
            index,
            h1_at,
            before,
            label_pending,
            stack,
            ..
        } = self;
        let parent = stack.last().copied().unwrap_or_default();
        let local = &v.name.local;
        let frame = Frame::child(parent, local, bits);
        stack.push(frame);
        let info = ElInfo {
            attrs,
            bits,
            foreign: frame.foreign.foreign(),
            list_foreign: parent.list.foreign(),
        };
        *index += 1;
        if !matches!(
            *local,
            local_name!("script")
                | local_name!("style")
                | local_name!("meta")
                | local_name!("link")
                | local_name!("title")
                | local_name!("h1")
        ) {
            // A `<time>` is a candidate of its own.
            let foreign = info.foreign || *local == local_name!("time");
            // The own text is cleaned (and copied) only when one of the
            // uses below may take it; the tests on the raw text let
            // through every text those uses take (cleaning only collapses
            // whitespace: the same digits, the same first letter).
            let kept_near_h1 = h1_at.is_none_or(|at| *index <= at + AFTER_H1 && !info.foreign);
            let labels = f.labelled_bylines.len() < 3;
            let dates = !foreign && f.standalone_dates.len() < MAX_CANDIDATES;
            let own = own_raw(&el)
                .filter(|raw| {
                    kept_near_h1
                        || (labels && (*label_pending || may_be_label(raw.trim_start())))
                        || (dates && raw.bytes().any(|b| b.is_ascii_digit()))
                })
                .and_then(|raw| clean_own(&raw));
            note_standalone_date(f, own.as_deref(), foreign);
            if labels
                && let Some(t) = own.as_deref()
                && (*label_pending || opens_label(t))
            {
                let label = t.to_lowercase();
                let label = label.trim_end_matches(':').trim();
                if *label_pending {
                    if !info.foreign {
                        f.labelled_bylines.push(t.to_string());
                    }
                    *label_pending = false;
                } else if let Some(name) = short_byline(&el, label, info.foreign) {
                    f.labelled_bylines.push(name);
                } else if BYLINE_TAGS.contains(&label) {
                    // The name may be the text right after the
                    // label ("<b>Text:</b> Jane Doe"), else the
                    // next element's.
                    let next = el.next_sibling().and_then(|n| n.as_text().and_then(clean));
                    match next {
                        Some(name) if !info.foreign => {
                            f.labelled_bylines.push(name);
                        }
                        Some(_) => {}
                        None => *label_pending = true,
                    }
                }
            }
            // Last: `own` moves into the context kept around the `<h1>`.
            match *h1_at {
                None => {
                    if let Some(t) = own {
                        if before.len() == BEFORE_H1 {
                            before.pop_front();
                        }
                        before.push_back(t);
                    }
                }
                Some(at) if *index <= at + AFTER_H1 => {
                    if let Some(t) = own.filter(|_| !info.foreign) {
                        f.near_h1.push(t);
                    }
                }
                _ => {}
            }
        }
        match *local {
            local_name!("html") if f.lang.is_none() => {
                f.lang = v
                    .attr("lang")
                    .or_else(|| v.attr("xml:lang"))
                    .and_then(clean);
            }
            local_name!("meta") => {
                let content = attrs.content.and_then(|c| clean_short(&unescape(c)));
                if let Some(content) = content {
                    // Microdata inside a product, review or recipe describes
                    // that thing, not the page.
                    let foreign_scope = attrs.itemprop.is_some() && in_foreign_scope(&el);
                    for key in ["name", "property", "itemprop", "http-equiv"] {
                        if key == "itemprop" && foreign_scope {
                            continue;
                        }
                        if let Some(k) = v.attr(key) {
                            for k in k.split_whitespace() {
                                f.meta
                                    .entry(k.to_lowercase())
                                    .or_insert_with(|| content.clone());
                            }
                        }
                    }
                    if attrs.itemprop == Some("datePublished") && !foreign_scope {
                        f.itemprop_dates.push(content.clone());
                    }
                    let key = v.attr("property").or_else(|| v.attr("name")).unwrap_or("");
                    let list = if key.eq_ignore_ascii_case("article:tag") {
                        Some(&mut f.meta_tags)
                    } else if key.eq_ignore_ascii_case("article:section") {
                        Some(&mut f.meta_sections)
                    } else {
                        None
                    };
                    if let Some(list) = list {
                        push_items(list, &content);
                    }
                }
                return;
            }
            local_name!("link") => {
                let rel = attrs.rel.unwrap_or("");
                if f.canonical.is_none() && rel.split_whitespace().any(|r| r == "canonical") {
                    f.canonical = attrs.href.and_then(clean);
                }
                return;
            }
            local_name!("title") => {
                if f.title.is_none()
                    && !el
                        .ancestors()
                        .any(|a| ElementRef::wrap(a).is_some_and(|e| e.value().name() == "svg"))
                {
                    f.title = clean(&text_of(&el));
                }
                return;
            }
            local_name!("h1") => {
                if h1_at.is_none() && !info.foreign {
                    *h1_at = Some(*index);
                    f.near_h1.extend(before.drain(..));
                }
                if f.h1s.len() < 10
                    && !is_hidden(v)
                    && let Some(t) = heading_text(&el)
                {
                    let is_link = el.descendants().filter_map(ElementRef::wrap).any(|a| {
                        a.value().name() == "a"
                            && a.value().attr("href").is_some_and(is_home_link)
                            && text_of(&a) == t
                    });
                    f.h1s.push((t, is_link));
                }
                return;
            }
            local_name!("h2") | local_name!("h3") => {
                if f.title_heads.len() < 5
                    && info.bits & word_bits::TITLE != 0
                    && !info.foreign
                    && let Some(t) = clean(&text_of(&el))
                {
                    f.title_heads.push(t);
                }
            }
            local_name!("script") => {
                if v.attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
                {
                    let raw: String = el.text().collect();
                    f.jsonld.extend(jsonld::parse_block(&raw));
                }
                return;
            }
            local_name!("style") | local_name!("noscript") | local_name!("template") => return,
            local_name!("time") if f.times.len() < MAX_CANDIDATES && !info.foreign => {
                let value = v
                    .attr("datetime")
                    .and_then(clean)
                    .unwrap_or_else(|| text_of(&el));
                let score = time_score(v, info.bits, || in_header(&el));
                let shown = text_of(&el);
                f.times.push(DateCand {
                    value,
                    shown,
                    score,
                });
            }
            _ => {}
        }
        collect_attributes(&el, &info, f);
    }

    /// Pick each field from the candidates collected.
    pub fn finish(self) -> Metadata {
        pick(self.f)
    }
}

impl Observer for Walk {
    fn open(&mut self, el: ElementRef<'_>, attrs: &Attrs<'_>, bits: u16) {
        Walk::open(self, el, attrs, bits);
    }
    fn close(&mut self) {
        Walk::close(self);
    }
}

/// The walk over a whole document on its own (without the arena).
#[cfg(test)]
pub(super) fn walk(doc: &Tree) -> Found {
    let mut w = Walk::new();
    for edge in doc.root_element().traverse() {
        match edge {
            Edge::Open(n) => {
                if let Some(el) = ElementRef::wrap(n) {
                    let attrs = Attrs::read(el.value());
                    let bits = [attrs.class, attrs.id]
                        .into_iter()
                        .flatten()
                        .fold(0, |b, v| b | class_bits(v));
                    w.open(el, &attrs, bits);
                }
            }
            Edge::Close(n) => {
                if n.value().is_element() {
                    w.close();
                }
            }
        }
    }
    w.f
}

/// `v.attr(name)` without interning `name`: a scan of the element's few
/// attributes.
/// False when a text cannot start with a byline lead-in ("von", "by"...)
/// or a byline label from [`BYLINE_TAGS`]: its first letter, lower-cased,
/// begins none of them. Texts opening with a non-ASCII letter are kept.
pub(super) fn may_be_label(t: &str) -> bool {
    // The first bytes of the leads and labels, one bit each.
    const FIRSTS: u128 = {
        let mut bits = 0u128;
        let lists = [BYLINE_LEADS, BYLINE_TAGS];
        let mut l = 0;
        while l < lists.len() {
            let mut i = 0;
            while i < lists[l].len() {
                bits |= 1 << lists[l][i].as_bytes()[0];
                i += 1;
            }
            l += 1;
        }
        bits
    };
    match t.as_bytes().first() {
        Some(&b) if b.is_ascii() => FIRSTS >> b.to_ascii_lowercase() & 1 != 0,
        _ => true,
    }
}

/// Whether a text opens with a byline lead-in or label, in any case: the
/// texts that [`short_byline`] or [`BYLINE_TAGS`] may take, found
/// without lower-casing them (no character outside ASCII lower-cases to
/// a letter of theirs).
pub(super) fn opens_label(t: &str) -> bool {
    BYLINE_LEADS.iter().chain(BYLINE_TAGS).any(|w| {
        t.as_bytes()
            .get(..w.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(w.as_bytes()))
    })
}

/// Keep the element's own text when it is a date and nothing else.
fn note_standalone_date(f: &mut Found, own: Option<&str>, foreign: bool) {
    if let Some(d) = own
        .filter(|_| !foreign && f.standalone_dates.len() < MAX_CANDIDATES)
        // Every date has a year in ASCII digits.
        .filter(|t| t.bytes().any(|b| b.is_ascii_digit()))
        .filter(|t| date::standalone(t, date::Reading::MARKUP).is_some())
    {
        f.standalone_dates.push(d.to_string());
    }
}

/// How much a `<time>` is trusted as the publication date: 3 marked as
/// such, 2 classed as published or as the entry's (WordPress `entry-date
/// published updated` included), or standing in a header; 0 a
/// modification date ("entry-updated"); 1 otherwise.
fn time_score(v: &Element, bits: u16, in_header: impl FnOnce() -> bool) -> u8 {
    let any = |bit: u16| bits & bit != 0;
    if v.attr("pubdate").is_some() || v.attr("itemprop") == Some("datePublished") {
        3
    } else if any(word_bits::PUBLISH) {
        2
    } else if any(word_bits::UPDATED) {
        0
    } else if any(word_bits::ENTRY) || in_header() {
        2
    } else {
        1
    }
}

/// Author, date and breadcrumb candidates marked by attributes.
fn collect_attributes(el: &ElementRef<'_>, info: &ElInfo<'_, '_>, f: &mut Found) {
    let v = el.value();
    let name = &v.name.local;
    let a = info.attrs;
    let itemprop = a.itemprop.unwrap_or("");
    if itemprop == "datePublished" && *name != local_name!("time") && !in_foreign_scope(el) {
        if let Some(d) = ["content", "datetime", "title"]
            .iter()
            .find_map(|a| v.attr(a))
        {
            f.itemprop_dates.push(d.to_string());
        } else {
            f.itemprop_dates.push(text_of(el));
        }
    }
    if *name == local_name!("a")
        && let Some(rel) = a.rel
    {
        let (cat, tag) = rel.split_whitespace().fold((false, false), |(c, t), r| {
            (
                c || r.eq_ignore_ascii_case("category"),
                t || r.eq_ignore_ascii_case("tag"),
            )
        });
        if (cat || tag) && !info.list_foreign {
            let list = if cat {
                &mut f.rel_categories
            } else {
                &mut f.rel_tags
            };
            if list.len() < MAX_CANDIDATES {
                push_items(list, &text_of(el));
            }
        }
    }
    if *name == local_name!("a")
        && f.authors.len() < MAX_CANDIDATES
        && a.href.is_some_and(is_author_href)
        && !a.rel.is_some_and(|r| r.contains("author"))
        && !info.foreign
    {
        let t = text_of(el);
        if !t.is_empty() && t.chars().count() <= 60 {
            f.authors.push((3, t));
        }
    }
    let has_class = a.class.is_some() || a.id.is_some() || *name == local_name!("address");
    let is_rel_author = a
        .rel
        .is_some_and(|r| r.split_whitespace().any(|x| x == "author"));
    // Most elements have no itemprop: no split for them.
    let is_itemprop_author = !itemprop.is_empty()
        && itemprop
            .split_whitespace()
            .any(|x| x == "author" || x == "creator");
    if !has_class && !is_rel_author && !is_itemprop_author {
        return;
    }
    let any = |bit: u16| info.bits & bit != 0;
    if f.breadcrumb.is_empty() && any(word_bits::BREADCRUMB) {
        f.breadcrumb = breadcrumb_items(el);
    }
    if !matches!(
        *name,
        local_name!("a") | local_name!("body") | local_name!("article") | local_name!("html")
    ) {
        // Class-named lists are weaker evidence than rel links: they are
        // also refused in footers.
        let foreign = || info.list_foreign || info.foreign;
        // `list_class` needs a kind word among the element's class and id
        // words: most elements are rejected here without splitting again.
        let names = |bit: u16, kinds: &[&str]| any(bit) && list_class(v, kinds);
        if f.class_tags.is_empty() && names(word_bits::TAG_LIST, TAG_LIST_WORDS) && !foreign() {
            f.class_tags = link_texts(el);
        } else if f.class_categories.is_empty()
            && names(word_bits::CATEGORY_LIST, CATEGORY_LIST_WORDS)
            && !foreign()
        {
            f.class_categories = link_texts(el);
        }
    }
    let author_class = (*name == local_name!("address") || any(word_bits::AUTHOR))
        && !any(word_bits::AUTHOR_NOISE);
    if (is_rel_author || is_itemprop_author || author_class)
        && f.authors.len() < MAX_CANDIDATES
        && !info.foreign
    {
        let rank = if is_itemprop_author || is_rel_author {
            0
        } else if any(word_bits::BYLINE) {
            2
        } else {
            1
        };
        let value = if is_itemprop_author {
            a.content
                .map(str::to_string)
                .or_else(|| itemprop_name(el))
                .unwrap_or_else(|| text_of(el))
        } else {
            text_of(el)
        };
        if !value.is_empty() && value.chars().count() <= 120 {
            f.authors.push((rank, value));
        }
    }
    let date_class = any(word_bits::DATE) && !any(word_bits::CLOCK);
    if date_class && f.class_dates.len() < MAX_CANDIDATES && !info.foreign {
        let t = text_of(el);
        if !t.is_empty() && t.chars().count() <= 100 {
            f.class_dates.push(t);
        }
    }
}

/// True for a link to an author's profile: a path segment from
/// [`AUTHOR_PATHS`] followed by a name slug.
fn is_author_href(href: &str) -> bool {
    // Every listed segment contains "aut": most links are rejected here,
    // without splitting or lower-casing.
    if !href
        .as_bytes()
        .windows(3)
        .any(|w| w.eq_ignore_ascii_case(b"aut"))
    {
        return false;
    }
    let path = href.split(['?', '#']).next().unwrap_or("");
    let path = path.split_once("://").map_or(path, |(_, rest)| {
        rest.split_once('/').map_or("", |(_, p)| p)
    });
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    segs.iter().enumerate().any(|(i, s)| {
        AUTHOR_PATHS.contains(&s.to_lowercase().as_str())
            && segs
                .get(i + 1)
                .is_some_and(|n| n.chars().any(char::is_alphabetic))
    })
}

/// The text of a descendant marked `itemprop=name`.
fn itemprop_name(el: &ElementRef<'_>) -> Option<String> {
    el.descendants()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().attr("itemprop") == Some("name"))
        .map(|e| {
            e.value()
                .attr("content")
                .map_or_else(|| text_of(&e), str::to_string)
        })
}

/// The items of a breadcrumb trail: its list items, else its links.
fn breadcrumb_items(el: &ElementRef<'_>) -> Vec<String> {
    let pick = |name: &str| -> Vec<String> {
        el.descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| e.value().name() == name)
            .map(|e| text_of(&e))
            .map(|t| {
                t.trim_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '>' | '»' | '/' | '|' | '›' | '→' | '<')
                })
                .to_string()
            })
            .filter(|t| !t.is_empty() && t.chars().count() < 80)
            .collect()
    };
    let items = pick("li");
    if items.len() >= 2 { items } else { pick("a") }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// True when the element sits in (or is) a comment section, sidebar,
    /// footer, aside or navigation.
    /// An `<aside>` or `<footer>` inside an `<article>` belongs to it (its
    /// date line, its byline).
    fn in_foreign_region(el: &ElementRef<'_>) -> bool {
        let mut node = Some(**el);
        let mut aside = false;
        while let Some(n) = node {
            if let Some(e) = ElementRef::wrap(n) {
                // Page-level classes describe the layout ("right-sidebar").
                match e.value().name() {
                    "body" | "html" => break,
                    "nav" => return true,
                    "footer" | "aside" => aside = true,
                    "article" => aside = false,
                    _ => {}
                }
                if class_id_words(&e)
                    .iter()
                    .any(|w| crate::lexicon::class_words::FOREIGN_WORDS.contains(&w.as_str()))
                {
                    return true;
                }
            }
            node = n.parent();
        }
        aside
    }

    /// True when a tag or category link sits in a navigation, an aside or a
    /// widget area. Unlike [`in_foreign_region`], an article's footer (where
    /// WordPress themes put "Posted in ... Tagged ...") is fine.
    fn in_list_foreign_region(el: &ElementRef<'_>) -> bool {
        let mut aside = false;
        for e in el.ancestors().filter_map(ElementRef::wrap) {
            match e.value().name() {
                "body" | "html" => break,
                "nav" => return true,
                "aside" => aside = true,
                "article" => aside = false,
                _ => {}
            }
            if class_id_words(&e)
                .iter()
                .any(|w| crate::lexicon::class_words::LIST_FOREIGN_WORDS.contains(&w.as_str()))
            {
                return true;
            }
        }
        aside
    }

    /// The regions the walk reads top down, one frame per element, are
    /// those the walks up from each element find, and the class bits read
    /// per attribute value are those of the element's class and id words.
    #[test]
    fn frames_agree_with_the_walks_up() {
        let mut pages = crate::html::fixture_pages();
        pages.push((
            "made up".into(),
            "<html><body class='has-sidebar'><nav><a>Home</a></nav><article><header>\
             <time>1 May</time></header><aside class='byline'>By Jo</aside><p>Text</p>\
             <footer><a rel=tag>Tag</a></footer></article><aside><div class='widget'>\
             <a rel=tag>T</a></div></aside><div id='comments'><article><p>Hi</p></article>\
             </div><div class='related-posts'><ul class='tags'><li>a</li></ul></div><footer>\
             <div class='menu-item'>x</div></footer></body></html>"
                .to_string(),
        ));
        for (path, html) in pages {
            let doc = crate::markup::tree::parse(&html);
            let mut stack: Vec<Frame> = Vec::new();
            for edge in doc.root_element().traverse() {
                match edge {
                    Edge::Open(n) => {
                        let Some(el) = ElementRef::wrap(n) else {
                            continue;
                        };
                        let attrs = Attrs::read(el.value());
                        let bits = [attrs.class, attrs.id]
                            .into_iter()
                            .flatten()
                            .fold(0, |b, v| b | class_bits(v));
                        let parent = stack.last().copied().unwrap_or_default();
                        let frame = Frame::child(parent, &el.value().name.local, bits);
                        stack.push(frame);
                        let at = format!("{} <{}>", path.display(), el.value().name());
                        assert_eq!(frame.foreign.foreign(), in_foreign_region(&el), "{at}");
                        assert_eq!(parent.list.foreign(), in_list_foreign_region(&el), "{at}");
                        assert_eq!(bits, bits_of(class_id_words(&el)), "{at}");
                    }
                    Edge::Close(n) => {
                        if n.value().is_element() {
                            stack.pop();
                        }
                    }
                }
            }
        }
    }
}
