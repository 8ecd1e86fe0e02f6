//! Metadata from HTML markup: JSON-LD, OpenGraph, `<meta>`, `<time>`, bylines.
//!
//! One walk over the document collects every candidate (meta tags, the
//! canonical link, `<title>`, `<h1>`s, JSON-LD blocks, `<time>` elements,
//! byline, date and breadcrumb elements); [`extract`] then picks each field
//! from its sources in order of trust. Candidates inside comment sections,
//! sidebars, footers and navigation are ignored (their authors and dates
//! belong to other texts).
//!
//! Dates are taken with reluctance where the page is not an article: an
//! `og:type` other than article voids `article:*` timestamps, microdata
//! dates inside a product, review or recipe scope are that thing's, and a
//! JSON-LD `WebPage` date is an SEO plugin's stamp. A UTC timestamp whose
//! day differs by one from a date the page shows takes the shown (local)
//! day; a timestamp with another offset is read as written, never
//! converted. Categories and tags come from `article:section`/`article:tag`,
//! JSON-LD `articleSection`/`keywords`, `rel=category`/`rel=tag` links and
//! class-named link lists (in that order, the fullest list holding the
//! first one winning); `<meta name=keywords>` only when nothing else.

pub mod element;
pub mod entities;

use std::borrow::Cow;
use std::collections::HashMap;

use serde_json::Value;

use super::author::clean_author;
use super::lists::{fullest, link_texts, list_class, push_items};
use super::{date, jsonld, title};
#[cfg(test)]
use crate::lexicon::class_words::class_bits;
use crate::lexicon::class_words::{CATEGORY_LIST_WORDS, TAG_LIST_WORDS, word_bits, words};
use crate::markup::dom::{Attrs, Observer};
use crate::markup::tree::{Data, Element, ElementRef, NodeRef};
#[cfg(test)]
use crate::markup::tree::{Edge, Tree};
use crate::model::metadata::Metadata;
use crate::util::spaces::{clean, clean_short, is_blank};
use element::{class_id_words, text_of};
use entities::unescape;
use html5ever::{LocalName, local_name};

/// `<meta>` names for the publication date, most specific first
/// (lower-case; `name`, `property`, `itemprop` and `http-equiv` alike).
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "article.published",
    "datepublished",
    "date_published",
    "published_time",
    "published-date",
    "publishdate",
    "publish-date",
    "publish_date",
    "publishdatetime",
    "publication_date",
    "publication-date",
    "pubdate",
    "pub_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
    "citation_date",
    "prism.publicationdate",
    "originalpublicationdate",
    "rnews:datepublished",
    "cxenseparse:recs:publishtime",
    "release_date",
    "datecreated",
    "created",
];

/// `<meta>` names for the last modification, a last resort.
const MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
];

/// `<meta>` names that hold an author's name.
const AUTHOR_META: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "sailthru.author",
    "parsely-author",
    "byl",
    "citation_author",
];

/// Lead-ins that introduce a byline, lower-case.
const BYLINE_LABELS: &[&str] = &[
    "by",
    "von",
    "par",
    "por",
    "door",
    "autor",
    "autorin",
    "author",
    "text",
    "written by",
];

/// Labels that, alone in an element, put the author's name in the next
/// one ("<strong>Autor:</strong> <a>Jane Doe</a>"). Only unambiguous
/// labels: "von" or "by" alone also precede dates and places.
const BYLINE_TAGS: &[&str] = &[
    "autor",
    "autorin",
    "author",
    "text",
    "written by",
    "geschrieben von",
];

/// Words that open a short byline ("von Jane Doe").
const BYLINE_LEADS: &[&str] = &["von", "by", "par", "por", "door"];

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

/// True when the element sits in (or is) a comment section, sidebar,
/// footer, aside or navigation.
/// An `<aside>` or `<footer>` inside an `<article>` belongs to it (its
/// date line, its byline).
#[cfg(debug_assertions)]
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

/// Class names that hide an element from sight but not from screen
/// readers: a hidden `<h1>` holds the site's name for them, not the
/// headline.
const HIDDEN_CLASSES: &[&str] = &[
    "sr-only",
    "screen-reader-text",
    "screen-reader-only",
    "visually-hidden",
    "visuallyhidden",
    "offscreen",
    "assistive-text",
    "hidden",
    "hide",
];

/// Class words of the kicker (overline) a heading may hold above its
/// headline: "Klimaschutz" in "Klimaschutz: Bohren, bis es heiß wird".
const KICKER_WORDS: &[&str] = &[
    "kicker",
    "dachzeile",
    "topline",
    "overline",
    "supertitle",
    "roofline",
    "spitzmarke",
];

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

/// A `<time>` element or other date carrier, with how much it is trusted.
struct DateCand {
    value: String,
    /// The element's text, the date as the reader sees it.
    shown: String,
    score: u8,
}

/// Everything one walk over the document collects.
#[derive(Default)]
struct Found {
    lang: Option<String>,
    meta: HashMap<String, String>,
    canonical: Option<String>,
    title: Option<String>,
    /// `<h1>` texts, and whether the whole heading is a link to the front
    /// page (a logo).
    h1s: Vec<(String, bool)>,
    /// `<h2>`/`<h3>` whose class names a title ("entry-title").
    title_heads: Vec<String>,
    jsonld: Vec<Value>,
    times: Vec<DateCand>,
    itemprop_dates: Vec<String>,
    class_dates: Vec<String>,
    authors: Vec<(u8, String)>,
    breadcrumb: Vec<String>,
    /// Every `article:section` / `article:tag` meta value, in order.
    meta_sections: Vec<String>,
    meta_tags: Vec<String>,
    /// Texts of `rel=category` and `rel=tag` links outside foreign regions.
    rel_categories: Vec<String>,
    rel_tags: Vec<String>,
    /// Link texts of the first category- and tag-classed lists.
    class_categories: Vec<String>,
    class_tags: Vec<String>,
    /// Names that follow an "Autor:" or "Text:" label further down the
    /// page (the element after the label's).
    labelled_bylines: Vec<String>,
    /// Short texts of the few elements just before the first `<h1>`
    /// and of those after it: where a date line stands.
    near_h1: Vec<String>,
    /// Own texts of elements that are a date alone ("16.10.2021",
    /// "Datum: 28.01.2022"), outside foreign regions, in page order.
    standalone_dates: Vec<String>,
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
        // The top-down state must agree with the walks up it replaces.
        #[cfg(debug_assertions)]
        {
            assert_eq!(info.foreign, in_foreign_region(&el));
            assert_eq!(info.list_foreign, super::lists::in_list_foreign_region(&el));
            assert_eq!(
                bits,
                crate::lexicon::class_words::bits_of(class_id_words(&el))
            );
        }
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
fn walk(doc: &Tree) -> Found {
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
fn may_be_label(t: &str) -> bool {
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
fn opens_label(t: &str) -> bool {
    BYLINE_LEADS.iter().chain(BYLINE_TAGS).any(|w| {
        t.as_bytes()
            .get(..w.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(w.as_bytes()))
    })
}

/// [`date::parse_as`], answering at once for texts without a digit: every
/// date it reads has a year in ASCII digits.
fn parse_date(s: &str, how: date::Reading) -> Option<String> {
    if s.bytes().any(|b| b.is_ascii_digit()) {
        date::parse_as(s, how)
    } else {
        None
    }
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

/// Path segments of an author's profile page ("/author/jane-doe/",
/// "/autoren/georg-quaas/").
const AUTHOR_PATHS: &[&str] = &[
    "author", "authors", "autor", "autoren", "autorin", "auteur", "auteurs", "autore",
];

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

fn absolute(url: Option<&String>) -> Option<String> {
    url.filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .cloned()
}

/// The primary language subtag, lower-case ("de-DE" -> "de").
fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_lowercase();
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic()))
        .then_some(primary)
}

/// Read the page's metadata from its parsed document.
#[cfg(test)]
pub fn extract(doc: &Tree) -> Metadata {
    pick(walk(doc))
}

/// Pick each field from the candidates one walk collected.
fn pick(f: Found) -> Metadata {
    let ld = jsonld::read(&f.jsonld);
    let meta = |k: &str| f.meta.get(k);

    let url = absolute(f.canonical.as_ref()).or_else(|| absolute(meta("og:url")));

    // Site name, needed to clean titles and reject authors.
    let declared_site = meta("og:site_name")
        .cloned()
        .or_else(|| ld.site_name.clone())
        .or_else(|| meta("application-name").cloned());
    let mut hints: Vec<String> = declared_site.iter().map(|s| title::norm(s)).collect();
    if let Some(label) = url.as_deref().and_then(domain_label) {
        hints.push(label);
    }
    // An <h1> that is nothing but a link is the site's logo.
    hints.extend(
        f.h1s
            .iter()
            .filter(|(_, link)| *link)
            .map(|(t, _)| title::norm(t)),
    );
    let (title_head, title_site) = f
        .title
        .as_deref()
        .map(|t| title::clean_title(t, &hints))
        .unwrap_or_default();
    let site_name = declared_site.or(title_site);

    let title = choose_title(&f, &ld, &hints, &title_head);
    if let Some(s) = &site_name {
        hints.push(title::norm(s));
    }
    let author = choose_author(&f, &ld, &hints);
    // Slashed dates are read in the page's order ("05/06/2020").
    let how = date::Reading::for_language(
        f.lang
            .as_deref()
            .or_else(|| meta("content-language").map(String::as_str))
            .or_else(|| meta("og:locale").map(String::as_str)),
    );
    let date = choose_date(&f, &ld, url.as_deref(), how);

    let language = f.lang.as_deref().and_then(primary_language).or_else(|| {
        ["content-language", "language", "dc.language", "og:locale"]
            .iter()
            .find_map(|k| meta(k).and_then(|v| primary_language(v)))
    });

    let description = choose_description(&f, &ld, &hints);
    let image = absolute(ld.image.as_ref())
        .or_else(|| absolute(meta("og:image")))
        .or_else(|| absolute(meta("og:image:url")))
        .or_else(|| absolute(meta("twitter:image")))
        .or_else(|| absolute(meta("twitter:image:src")));
    let categories = choose_categories(&f, &ld, title.as_deref());
    let tags = choose_tags(&f, &ld);

    Metadata {
        url,
        title,
        author,
        date,
        site_name,
        language,
        description,
        categories,
        tags,
        image,
        reading_time_minutes: None,
    }
}

fn choose_title(f: &Found, ld: &jsonld::JsonLd, hints: &[String], head: &str) -> Option<String> {
    let full_title = f.title.as_deref().unwrap_or("");
    let declared = ld
        .headline
        .as_ref()
        .or_else(|| f.meta.get("og:title"))
        .or_else(|| f.meta.get("twitter:title"))
        .map(|t| {
            if t == full_title {
                head.to_string()
            } else {
                title::strip_site(t, hints)
            }
        })
        .filter(|t| !t.is_empty());
    let headings = f
        .h1s
        .iter()
        .filter(|(t, _)| !hints.contains(&title::norm(t)))
        .map(|(t, _)| t)
        .chain(&f.title_heads);
    for h in headings {
        let hit = declared.as_deref().is_some_and(|d| title::matches(h, d))
            || (!head.is_empty() && title::matches(h, head));
        if hit {
            return Some(h.clone());
        }
    }
    declared
        .or_else(|| clean(head))
        .or_else(|| (f.h1s.len() == 1).then(|| f.h1s[0].0.clone()))
}

/// True for a link to a site's front page ("/", "https://example.com/",
/// "index.html"), as a logo has.
fn is_home_link(href: &str) -> bool {
    let h = href.trim().trim_end_matches('/');
    let after_scheme = h.rsplit("://").next().unwrap_or(h);
    let last = h.rsplit('/').next().unwrap_or(h);
    h.is_empty()
        || h == "."
        || (h.contains("://") && !after_scheme.contains('/'))
        || last.starts_with("index.")
}

/// The main label of a URL's host: "www.example.co.uk" -> "example".
fn domain_label(url: &str) -> Option<String> {
    let host = url
        .split_once("://")?
        .1
        .split(['/', ':', '?', '#'])
        .next()?;
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    if n < 2 {
        return None;
    }
    let label = if n >= 3 && labels[n - 2].len() <= 3 && labels[n - 3] != "www" {
        labels[n - 3]
    } else {
        labels[n - 2]
    };
    Some(title::norm(label)).filter(|l| l.len() >= 3)
}

fn choose_author(f: &Found, ld: &jsonld::JsonLd, site: &[String]) -> Option<String> {
    if !ld.authors.is_empty()
        && let Some(a) = clean_author(&ld.authors.join("; "), site)
    {
        return Some(a);
    }
    for k in AUTHOR_META {
        if let Some(v) = f.meta.get(*k)
            && let Some(a) = clean_author(v, site)
        {
            return Some(a);
        }
    }
    let mut cands: Vec<&(u8, String)> = f.authors.iter().collect();
    cands.sort_by_key(|(rank, _)| *rank);
    if let Some(a) = cands.iter().find_map(|(_, v)| clean_author(v, site)) {
        return Some(a);
    }
    f.labelled_bylines
        .iter()
        .find_map(|t| clean_author(t, site))
        .or_else(|| near_h1_byline(f, site))
}

/// A byline near the headline: "By Jane Doe", or "By" then the name.
fn near_h1_byline(f: &Found, site: &[String]) -> Option<String> {
    for (i, t) in f.near_h1.iter().enumerate() {
        let lower = t.to_lowercase();
        if BYLINE_LABELS.contains(&lower.trim_end_matches(':')) {
            if let Some(a) = f.near_h1.get(i + 1).and_then(|n| clean_author(n, site)) {
                return Some(a);
            }
        } else if t.chars().count() <= 60
            && BYLINE_LABELS
                .iter()
                .any(|l| lower.starts_with(l) && lower[l.len()..].starts_with(' '))
            && let Some(a) = clean_author(t, site)
        {
            return Some(a);
        }
    }
    None
}

/// `og:type` values that say the page is not an article: its
/// `article:published_time` is then a template's stamp, not a date the
/// page states for a text.
fn declared_non_article(f: &Found) -> bool {
    f.meta.get("og:type").is_some_and(|t| {
        let t = t.to_lowercase();
        !t.contains("article") && !t.contains("blog") && !t.contains("post")
    })
}

/// The publication date: the most trusted source that states one, then
/// corrected to the reader's calendar day when it is a UTC timestamp (see
/// [`date::is_utc_stamp`]) and a date the page shows is one day off it.
fn choose_date(
    f: &Found,
    ld: &jsonld::JsonLd,
    url: Option<&str>,
    how: date::Reading,
) -> Option<String> {
    let (raw, d) = first_date(f, ld, url, how)?;
    if !date::is_utc_stamp(&raw) {
        return Some(d);
    }
    let shown = url
        .and_then(date::from_url)
        .into_iter()
        .chain(f.times.iter().filter_map(|t| parse_date(&t.shown, how)))
        .chain(
            f.times
                .iter()
                .filter(|t| !date::is_utc_stamp(&t.value))
                .filter_map(|t| date::parse(&t.value)),
        )
        .chain(f.near_h1.iter().filter_map(|v| parse_date(v, how)))
        .chain(f.class_dates.iter().filter_map(|v| parse_date(v, how)));
    for local in shown {
        if local == d {
            return Some(d);
        }
        if date::one_day_apart(&local, &d) {
            return Some(local);
        }
    }
    Some(d)
}

/// The first date in order of trust, with the raw string it came from.
fn first_date(
    f: &Found,
    ld: &jsonld::JsonLd,
    url: Option<&str>,
    how: date::Reading,
) -> Option<(String, String)> {
    let parsed = |s: &String| parse_date(s, how).map(|d| (s.clone(), d));
    let non_article = declared_non_article(f);
    // The trusted statements of a publication date, most trusted first.
    let published_meta = PUBLISHED_META
        .iter()
        .copied()
        .chain(prefixed_published_keys(f))
        .filter(|k| !(non_article && (k.starts_with("article") || k.starts_with("og:"))))
        .filter_map(|k| f.meta.get(k));
    let declared: Vec<(String, String)> = ld
        .date_published
        .iter()
        .chain(published_meta)
        .chain(&f.itemprop_dates)
        .filter_map(parsed)
        .collect();
    if let Some(first) = declared.first() {
        // Declarations that disagree: the one the reader is shown wins.
        let shown = shown_dates(f, how);
        let confirmed = declared.iter().find(|(_, d)| shown.contains(d));
        return Some(confirmed.unwrap_or(first).clone());
    }
    let strong_time = (2..=3)
        .rev()
        .flat_map(|s| f.times.iter().filter(move |t| t.score == s))
        .find_map(|t| parsed(&t.value));
    if let Some(d) = strong_time {
        return Some(d);
    }
    if let Some(d) = url.and_then(date::from_url) {
        return Some((d.clone(), d));
    }
    if let Some(d) = f.near_h1.iter().find_map(parsed) {
        return Some(d);
    }
    // A page that declares itself no article: an unmarked `<time>` is a
    // listed item's.
    let weak_time = f.times.iter().filter(|t| t.score == 1 && !non_article);
    if let Some(d) = weak_time.map(|t| &t.value).find_map(parsed) {
        return Some(d);
    }
    if let Some(d) = f.class_dates.iter().find_map(parsed) {
        return Some(d);
    }
    // A date alone in an element ("Datum: 28.01.2022").
    if let Some(d) = f.standalone_dates.iter().find_map(parsed) {
        return Some(d);
    }
    // A date in the headline ("Report of 22.04.2020").
    let titles = [f.meta.get("og:title"), f.title.as_ref()];
    if let Some(d) = titles.into_iter().flatten().find_map(parsed) {
        return Some(d);
    }
    // A `WebPage`'s dates are stamped on every page by SEO plugins, articles
    // or not: they are not taken as a publication date.
    let ld_modified = ld.date_modified.as_ref().filter(|_| ld.main_rank >= 2);
    ld_modified.and_then(parsed).or_else(|| {
        MODIFIED_META
            .iter()
            .filter(|k| !(non_article && (k.starts_with("article") || k.starts_with("og:"))))
            .find_map(|k| f.meta.get(*k).and_then(parsed))
    })
}

/// Endings of `<meta>` names that state a publication date under a
/// vendor's prefix (`shareaholic:article_published_time`, `bi3dPubDate`).
const PUBLISHED_SUFFIXES: &[&str] = &[
    "published_time",
    "publishedtime",
    "publish_date",
    "publishdate",
    "published_date",
    "publication_date",
    "pubdate",
    "datepublished",
];

/// The page's `<meta>` names that end like a publication date's but are
/// not in [`PUBLISHED_META`], in a stable order.
fn prefixed_published_keys(f: &Found) -> Vec<&str> {
    let mut keys: Vec<&str> = f
        .meta
        .keys()
        .map(String::as_str)
        .filter(|k| !PUBLISHED_META.contains(k))
        .filter(|k| PUBLISHED_SUFFIXES.iter().any(|s| k.ends_with(s)))
        .collect();
    keys.sort_unstable();
    keys
}

/// The dates the reader sees: date lines near the headline, date-classed
/// elements and dates standing alone (a `<time>`'s own text is left out:
/// it would only confirm its own `datetime`).
fn shown_dates(f: &Found, how: date::Reading) -> Vec<String> {
    f.near_h1
        .iter()
        .chain(&f.class_dates)
        .chain(&f.standalone_dates)
        .filter_map(|v| parse_date(v, how))
        .collect()
}

/// The page's own summary: `<meta name=description>` (what the author
/// typed), else OpenGraph, Twitter, Dublin Core, JSON-LD. A value that is
/// a URL is skipped, and one cut off at the start of a much fuller one
/// ("Interview: Jane Doe" before the interview's summary) yields to it.
fn choose_description(f: &Found, ld: &jsonld::JsonLd, hints: &[String]) -> Option<String> {
    let cands: Vec<String> = [
        "description",
        "og:description",
        "twitter:description",
        "dc.description",
    ]
    .iter()
    .filter_map(|k| f.meta.get(*k))
    .chain(&ld.description)
    .filter_map(|d| clean(d))
    .filter(|d| {
        let lower = d.to_lowercase();
        !d.starts_with("http://")
            && !d.starts_with("https://")
            && !title::is_site(d.trim_matches(|c: char| !c.is_alphanumeric()), hints)
            && !BLOG_TAGLINES.iter().any(|t| lower.contains(t))
    })
    .collect();
    let first = cands.first()?;
    // A whole sentence is a summary of its own, not a cut.
    let cut = !first.ends_with(['.', '!', '?', '…', '。', '！', '？']);
    let fuller = cands
        .iter()
        .find(|c| cut && c.len() > 2 * first.len() && c.starts_with(first.as_str()));
    Some(fuller.unwrap_or(first).clone())
}

/// Blog engines' default taglines, which stand in a description field
/// when the owner never wrote one.
const BLOG_TAGLINES: &[&str] = &[
    "just another wordpress",
    "ein weiterer wordpress",
    "otro sitio de wordpress",
    "un site utilisant wordpress",
];

/// Categories from the first source that has any: `article:section`,
/// JSON-LD `articleSection`, `rel=category` links, a category-classed link
/// list, the breadcrumb's last section.
fn choose_categories(f: &Found, ld: &jsonld::JsonLd, title: Option<&str>) -> Vec<String> {
    let sources = [
        &f.meta_sections,
        &ld.sections,
        &f.rel_categories,
        &f.class_categories,
    ];
    if let Some(first) = sources.iter().find(|l| !l.is_empty()) {
        return fullest(first, &sources).clone();
    }
    let trail = if ld.breadcrumb.is_empty() {
        &f.breadcrumb
    } else {
        &ld.breadcrumb
    };
    category_from_breadcrumb(trail, title).into_iter().collect()
}

/// Tags from the first source that has any: `article:tag`, JSON-LD
/// `keywords`, `rel=tag` links, a tag-classed link list, and only then
/// `<meta name=keywords>` (often a site-wide SEO list).
fn choose_tags(f: &Found, ld: &jsonld::JsonLd) -> Vec<String> {
    let sources = [&f.meta_tags, &ld.keywords, &f.rel_tags, &f.class_tags];
    if let Some(first) = sources.iter().find(|l| !l.is_empty()) {
        return fullest(first, &sources).clone();
    }
    let mut out = Vec::new();
    if let Some(k) = f
        .meta
        .get("keywords")
        .or_else(|| f.meta.get("news_keywords"))
    {
        push_items(&mut out, k);
    }
    out
}

/// The section a breadcrumb trail ends in: its last item once the page's
/// own title is dropped, unless only the home link is left.
fn category_from_breadcrumb(trail: &[String], title: Option<&str>) -> Option<String> {
    let mut items: Vec<&String> = trail.iter().collect();
    if let (Some(last), Some(t)) = (items.last(), title) {
        let (l, t) = (title::norm(last), title::norm(t));
        if !l.is_empty() && (l == t || t.contains(&l) || l.contains(&t)) {
            items.pop();
        }
    }
    if items.len() < 2 {
        return None;
    }
    items.last().and_then(|s| clean(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The metadata as production reads it: in the arena build's walk.
    fn meta_of(html: &str) -> Metadata {
        let doc = crate::markup::tree::parse(html);
        let mut walk = Walk::new();
        crate::markup::dom::Dom::build_observed(&doc, &mut walk);
        let meta = walk.finish();
        assert_eq!(meta, extract(&doc), "one walk and two walks agree");
        meta
    }

    /// Each [`word_bits`] bit answers its question as the walk asked it
    /// word by word: list membership and substrings.

    #[test]
    fn blank_and_label_prefilters() {
        for s in ["", " \n\t", "\u{a0}", " x ", "\u{3000}y", "\x0b\x0c"] {
            assert_eq!(is_blank(s), s.trim().is_empty(), "{s:?}");
        }
        for c in (0..=0x3000).filter_map(char::from_u32) {
            let s = format!(" \n{c}\t");
            assert_eq!(is_blank(&s), s.trim().is_empty(), "{s:?}");
        }
        assert!(may_be_label("Von Jane Doe"));
        assert!(may_be_label("Text:"));
        assert!(may_be_label("Über uns"));
        assert!(!may_be_label("Home"));
        for b in 0u8..128 {
            let t = format!("{}x", char::from(b));
            let first = b.to_ascii_lowercase();
            let listed = BYLINE_LEADS
                .iter()
                .chain(BYLINE_TAGS)
                .any(|w| w.as_bytes()[0] == first);
            assert_eq!(may_be_label(&t), listed, "{t:?}");
        }
        for t in [
            "Von Jane Doe",
            "VON",
            "vo",
            "Text:",
            "Written By Jane",
            "Geschrieben von",
            "Über uns",
            "\u{212a}ey",
            "\u{130}ndex",
            "Bylines",
            "Home",
            "",
        ] {
            let lower = t.to_lowercase();
            let by_lower = BYLINE_LEADS
                .iter()
                .chain(BYLINE_TAGS)
                .any(|w| lower.starts_with(w));
            assert_eq!(opens_label(t), by_lower, "{t:?}");
        }
        for s in [
            "",
            "  ",
            "\n  Home \n",
            "a  b",
            "a\tb",
            " Über\u{a0}uns ",
            "x\x0by",
            "\x0b16.10.2021\r\n",
            "\u{3000}Jane Doe",
            "a\x01b",
        ] {
            assert_eq!(clean_short(s), clean(s), "{s:?}");
        }
    }

    #[test]
    fn product_scope_still_yields_page_tags() {
        let m = meta_of(
            r#"<html><head><title>T</title></head><body>
            <div itemscope itemtype="https://schema.org/Product">
            <meta itemprop="keywords" property="article:tag" content="Widgets"></div>
            <p>Text.</p></body></html>"#,
        );
        assert_eq!(m.tags, ["Widgets"]);
    }

    #[test]
    fn jsonld_graph_beats_meta() {
        let m = meta_of(
            r#"<html lang="de-DE"><head><title>Schlagzeile | Beispiel</title>
            <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle",
            "headline":"Schlagzeile","author":{"@type":"Person","name":"Max Muster"},
            "datePublished":"2021-03-04T10:00:00+01:00","articleSection":"Politik"}]}</script>
            <meta name="author" content="Redaktion"></head><body><h1>Schlagzeile</h1></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Schlagzeile"));
        assert_eq!(m.author.as_deref(), Some("Max Muster"));
        assert_eq!(m.date.as_deref(), Some("2021-03-04"));
        assert_eq!(m.language.as_deref(), Some("de"));
        assert_eq!(m.categories, ["Politik"]);
        assert_eq!(m.site_name.as_deref(), Some("Beispiel"));
    }

    #[test]
    fn opengraph_fallbacks() {
        let m = meta_of(
            r#"<html><head><title>A headline - Site</title>
            <meta property="og:title" content="A headline">
            <meta property="og:site_name" content="Site">
            <meta property="og:url" content="https://example.com/2020/05/06/a-headline/">
            <meta property="og:locale" content="fr_FR">
            <meta property="article:published_time" content="2020-05-06T08:00:00Z">
            <meta property="article:author" content="https://example.com/jane">
            </head><body><p class="byline">By Jane Doe</p></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("A headline"));
        assert_eq!(m.site_name.as_deref(), Some("Site"));
        assert_eq!(
            m.url.as_deref(),
            Some("https://example.com/2020/05/06/a-headline/")
        );
        assert_eq!(m.language.as_deref(), Some("fr"));
        assert_eq!(m.date.as_deref(), Some("2020-05-06"));
        assert_eq!(m.author.as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn nothing_invented() {
        let m = meta_of(
            "<html><body><div class='comment'><span class='author'>Bob</span>\
             <time datetime='2020-01-01'>x</time></div>\
             <footer>© 2019 Example</footer></body></html>",
        );
        assert_eq!(m.author, None);
        assert_eq!(m.date, None);
        assert_eq!(m.title, None);
    }

    #[test]
    fn url_date_and_time_element() {
        let m = meta_of(
            "<html><head><link rel='canonical' href='https://ex.com/2019/10/18/x/'></head>\
             <body><h1>Only heading</h1></body></html>",
        );
        assert_eq!(m.date.as_deref(), Some("2019-10-18"));
        assert_eq!(m.title.as_deref(), Some("Only heading"));
        let m = meta_of(
            "<html><body><article><header><time datetime='2018-02-03T10:00'>3 Feb</time>\
             </header></article></body></html>",
        );
        assert_eq!(m.date.as_deref(), Some("2018-02-03"));
    }

    #[test]
    fn rejects_future_dates() {
        let m = meta_of(
            "<html><head><meta name='date' content='2999-01-01'></head><body></body></html>",
        );
        assert_eq!(m.date, None);
    }

    #[test]
    fn double_escaped_meta() {
        assert_eq!(
            unescape("Redacci&oacute;n &amp; Co &#8211; x &#x41; &bogus; a&b"),
            "Redacción & Co – x A &bogus; a&b"
        );
    }

    #[test]
    fn breadcrumb_category() {
        let m = meta_of(
            "<html><head><title>Story</title></head><body><ol class='breadcrumb'>\
             <li><a href='/'>Home</a></li><li><a href='/sport'>Sport</a></li><li>Story</li>\
             </ol><h1>Story</h1></body></html>",
        );
        assert_eq!(m.categories, ["Sport"]);
    }

    #[test]
    fn kicker_is_not_part_of_the_headline() {
        let m = meta_of(
            r#"<html><head><meta property="og:title" content="Klimaschutz: Bohren, bis es heiß wird">
            </head><body><h1><span class="article-heading__kicker">Klimaschutz</span>
            <span class="visually-hidden">: </span><span>Bohren, bis es heiß wird</span></h1>
            </body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Bohren, bis es heiß wird"));
    }

    #[test]
    fn author_profile_links_and_labelled_bylines() {
        let m = meta_of(
            r#"<html><body><h1>T</h1><p>x</p>
            <a href="/autoren/georg-quaas/">Georg Quaas</a></body></html>"#,
        );
        assert_eq!(m.author.as_deref(), Some("Georg Quaas"));
        let m = meta_of(
            r#"<html><body><h1>T</h1><p>Long text.</p>
            <p><strong>Text:</strong> Klausmartin Friedrich</p>
            <p><strong>Fotos:</strong> Helmut Elstrodt</p></body></html>"#,
        );
        assert_eq!(m.author.as_deref(), Some("Klausmartin Friedrich"));
        let m =
            meta_of("<html><body><p>Story.</p><p> von <em>Klaus Stanjek</em></p></body></html>");
        assert_eq!(m.author.as_deref(), Some("Klaus Stanjek"));
        let m = meta_of("<html><body><p>Story.</p><p>von 2019 bis heute</p></body></html>");
        assert_eq!(m.author, None);
    }

    #[test]
    fn hidden_h1_is_not_the_headline() {
        let m = meta_of(
            r#"<html><head><title>Heulage: Besser als ihr Ruf? - fuetterung - Reiterrevue International</title>
            <meta property="og:title" content="Heulage: Besser als ihr Ruf?">
            <meta property="og:site_name" content="Reiterrevue"></head><body>
            <h1 class="sr-only">Reiterrevue International</h1></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Heulage: Besser als ihr Ruf?"));
    }

    #[test]
    fn description_image_and_meta_tags() {
        let m = meta_of(
            r#"<html><head><meta property="og:description" content="From OG">
            <meta name="description" content="Typed by the author">
            <meta property="og:image" content="https://ex.com/lead.jpg">
            <meta property="article:section" content="Sport">
            <meta property="article:tag" content="Rust">
            <meta property="article:tag" content="Parsing, HTML">
            <meta name="keywords" content="seo, junk"></head><body></body></html>"#,
        );
        assert_eq!(m.description.as_deref(), Some("Typed by the author"));
        assert_eq!(m.image.as_deref(), Some("https://ex.com/lead.jpg"));
        assert_eq!(m.categories, ["Sport"]);
        assert_eq!(m.tags, ["Rust", "Parsing", "HTML"]);
    }

    #[test]
    fn site_names_and_default_taglines_are_not_descriptions() {
        let m = meta_of(
            r#"<html><head><meta property="og:site_name" content="Raptastisch">
            <meta name="description" content="Raptastisch">
            <meta name="twitter:description" content="Die Sprechwaisen - Ein weiterer WordPress-Blog">
            <meta property="og:description" content="The story in brief.">
            </head><body></body></html>"#,
        );
        assert_eq!(m.description.as_deref(), Some("The story in brief."));
    }

    #[test]
    fn a_description_cut_to_its_start_yields_to_the_full_one() {
        let m = meta_of(
            r#"<html><head><meta name="description" content="Interview: Jane Doe">
            <meta property="og:description" content="Interview: Jane Doe What happens next in
            the region, and who decides it? A long talk about the coming years.">
            </head><body></body></html>"#,
        );
        assert!(m.description.unwrap().ends_with("the coming years."));
    }

    #[test]
    fn meta_keywords_only_as_last_resort() {
        let m =
            meta_of("<html><head><meta name='keywords' content='a, b'></head><body></body></html>");
        assert_eq!(m.tags, ["a", "b"]);
    }

    #[test]
    fn wordpress_rel_links_give_every_category() {
        // Yoast names only the primary category; the post's links list all.
        let m = meta_of(
            r#"<html><head><meta property="article:section" content="News"></head><body>
            <aside class="widget"><a rel="tag" href="/tag/x">Cloud</a></aside>
            <article><h1>T</h1><p>x</p><footer class="entry-footer">
            <span class="cat-links"><a rel="category tag" href="/c/blog">Blog</a>,
            <a rel="category tag" href="/c/news">News</a></span>
            <span class="tags-links"><a rel="tag" href="/t/a">Alpha</a>
            <a rel="tag" href="/t/b">Beta</a></span></footer></article></body></html>"#,
        );
        assert_eq!(m.categories, ["Blog", "News"]);
        assert_eq!(m.tags, ["Alpha", "Beta"]);
    }

    #[test]
    fn class_named_lists_but_not_menus_or_post_classes() {
        let m = meta_of(
            r#"<html><body><ul class="menu"><li class="menu-item-object-category">
            <a href="/c/x">Menu cat</a></li></ul>
            <article class="post category-sport tag-foo"><h1>T</h1>
            <div class="post-tags"><a href="/t/1">#Eins</a><a href="/t/2">Zwei</a></div>
            </article></body></html>"#,
        );
        assert_eq!(m.categories, Vec::<String>::new());
        assert_eq!(m.tags, ["Eins", "Zwei"]);
        let m = meta_of(
            r#"<html><body><div class="tags"><a href="/t">Politik</a>
            <a href="https://facebook.com/share">Facebook</a></div></body></html>"#,
        );
        assert!(m.tags.is_empty(), "a share bar is not a tag list");
    }

    #[test]
    fn utc_timestamp_takes_the_shown_local_day() {
        let m = meta_of(
            r#"<html><head><meta property="og:type" content="article">
            <meta property="article:published_time" content="2018-12-31T23:11:59+00:00">
            <link rel="canonical" href="https://ex.com/2019/01/01/happy-new-year/">
            </head><body></body></html>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2019-01-01"));
        // With an offset, the date is the one written: no conversion.
        let m = meta_of(
            r#"<html><head><meta property="article:published_time"
            content="2022-02-03T23:17:12+01:00"></head><body>
            <time datetime="2022-02-04">4 Feb</time></body></html>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2022-02-03"));
    }

    #[test]
    fn the_date_the_reader_is_shown_settles_a_disagreement() {
        let m = meta_of(
            r#"<html><head><meta property="og:type" content="article">
            <meta name="pubdate" content="2021-12-14T15:41:07+01:00">
            <meta name="DC.date.issued" content="2022-02-04T15:33:00+01:00">
            </head><body><h1>T</h1><p class="date">04.02.2022 | 15:33 Uhr</p></body></html>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2022-02-04"));
        // A shown modification date does not displace the publication date.
        let m = meta_of(
            r#"<html><head><meta property="article:published_time" content="2019-11-08T15:30:00-05:00">
            <meta property="article:modified_time" content="2019-11-13T10:28:18-05:00">
            </head><body><h1>T</h1><span class="byline">
            <time class="entry-updated updated" datetime="2019-11-13T15:28:18">Nov 13, 2019</time>
            </span></body></html>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2019-11-08"));
        // Without a shown date, the most trusted source stands.
        let m = meta_of(
            r#"<html><head><meta name="pubdate" content="2021-12-14">
            <meta name="date" content="2022-02-04"></head><body></body></html>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2021-12-14"));
    }

    #[test]
    fn vendor_prefixed_publication_meta() {
        let m = meta_of(
            r#"<html><head><meta name='shareaholic:article_published_time'
            content='2014-03-17T01:44:37+01:00'>
            <meta name='shareaholic:article_modified_time' content='2018-09-16T07:34:07+01:00'>
            </head><body></body></html>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2014-03-17"));
    }

    #[test]
    fn a_date_alone_in_an_element_but_not_a_clock_widget() {
        let m = meta_of(
            r#"<html><body><h1>T</h1><p>Text.</p><p><strong>Datum</strong>
            <span class="value">28.01.2022</span></p></body></html>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2022-01-28"));
        let m = meta_of(
            r#"<html><body><div id="date-widget"><div>Feb.</div><div>19</div>
            <div>2020</div></div><h1>T</h1><p>Text.</p></body></html>"#,
        );
        assert_eq!(m.date, None);
        // A page that is no article: an unmarked `<time>` dates a listed item.
        let html = format!(
            r#"<html><head><meta property="og:type" content="website"></head><body>
            <h1>T</h1>{}<div><h2>Item</h2><time datetime="2022-12-08">08.12.2022</time></div>
            </body></html>"#,
            "<p>Text.</p>".repeat(30)
        );
        let m = meta_of(&html);
        assert_eq!(m.date, None);
    }

    #[test]
    fn dates_of_products_recipes_and_website_pages_are_not_publication_dates() {
        let m = meta_of(
            r#"<html><body><div itemscope itemtype="http://schema.org/Recipe">
            <meta itemprop="datePublished" content="2020-01-10"></div>
            <div itemscope itemtype="https://schema.org/Review">
            <span itemprop="datePublished" content="2020-06-08"></span></div></body></html>"#,
        );
        assert_eq!(m.date, None);
        let m = meta_of(
            r#"<html><head><meta property="og:type" content="website">
            <meta property="article:published_time" content="2015-05-07T06:45:09">
            <meta property="article:modified_time" content="2020-04-30 09:17:13">
            </head><body></body></html>"#,
        );
        assert_eq!(m.date, None);
        let m = meta_of(
            r#"<html><body><article itemscope itemtype="https://schema.org/BlogPosting">
            <meta itemprop="datePublished" content="2020-01-10"></article></body></html>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2020-01-10"));
    }
}
