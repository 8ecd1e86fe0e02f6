//! Category and tag lists marked in the markup: `rel=category` /
//! `rel=tag` links and class-named link lists ("cat-links", "post-tags"),
//! with the rules that keep menus, widgets and share bars out.

use crate::markup::tree::{Element, ElementRef};

use super::html::element::text_of;
use crate::lexicon::class_words::words_cow;
use crate::util::spaces::clean;

/// Words that may follow the kind word in a list's class ("cat-links",
/// "tags-list", "post-categories-wrap").
const LIST_SUFFIXES: &[&str] = &[
    "links",
    "link",
    "list",
    "wrap",
    "wrapper",
    "box",
    "container",
    "area",
    "holder",
    "meta",
];

/// Words of a class that mark a menu or widget, not the post's own list
/// ("menu-item-object-category", "herald-mega-menu-sub-cats").
const LIST_NOT: &[&str] = &[
    "menu",
    "nav",
    "navigation",
    "mega",
    "sub",
    "widget",
    "cloud",
    "item",
    "object",
    "taxonomy",
    "type",
    "search",
    "filter",
    "dropdown",
    "select",
];

/// Link texts that mark a share bar or a menu, not a list of tags.
const LIST_NOISE: &[&str] = &[
    "facebook",
    "twitter",
    "whatsapp",
    "e-mail",
    "email",
    "teilen",
    "share",
    "print",
    "drucken",
    "pinterest",
    "linkedin",
    "home",
    "startseite",
];

/// Most links a tag or category list may hold; more is a site-wide cloud.
const MAX_LIST_LINKS: usize = 25;

/// True when one class or id token of the element names a tag or
/// category list: a kind word ("tags", "cat") last or before a list
/// suffix ("cat-links"), and no menu or widget word. WordPress's
/// per-post classes ("category-sport", "tag-rust") name a slug after the
/// kind word and so do not count.
pub(super) fn list_class(v: &Element, kinds: &[&str]) -> bool {
    let tokens = v
        .attr("class")
        .unwrap_or("")
        .split_whitespace()
        .chain(v.attr("id"));
    tokens.into_iter().any(|tok| {
        // Borrowed words: nearly all are lower-case ASCII already.
        let ws: Vec<_> = words_cow(tok).collect();
        if ws.iter().any(|w| LIST_NOT.contains(&w.as_ref())) {
            return false;
        }
        ws.iter().enumerate().any(|(i, w)| {
            kinds.contains(&w.as_ref())
                && ws[i + 1..]
                    .iter()
                    .all(|x| LIST_SUFFIXES.contains(&x.as_ref()))
        })
    })
}

/// Add the comma-separated items of `s` to `list`, skipping repeats.
pub(super) fn push_items(list: &mut Vec<String>, s: &str) {
    for part in s.split(',') {
        if let Some(c) = clean(part)
            && !list.contains(&c)
        {
            list.push(c);
        }
    }
}

/// The texts of the links inside a tag or category list, or nothing when
/// it holds no links or too many.
pub(super) fn link_texts(el: &ElementRef<'_>) -> Vec<String> {
    let mut out = Vec::new();
    for a in el.descendants().filter_map(ElementRef::wrap) {
        if a.value().name() != "a" {
            continue;
        }
        if out.len() >= MAX_LIST_LINKS {
            return Vec::new();
        }
        let t = text_of(&a);
        let t = t.trim_start_matches('#').trim();
        if LIST_NOISE.contains(&t.to_lowercase().as_str()) {
            return Vec::new();
        }
        if !t.is_empty()
            && !t.ends_with(':')
            && t.chars().count() <= 60
            && !out.iter().any(|o: &String| o == t)
        {
            out.push(t.to_string());
        }
    }
    out
}

/// The longest of `lists` that holds every item of `first`: SEO plugins
/// put only the primary category in `article:section`, while the post's
/// own category links list them all. The last list (class-named link
/// lists, the weakest evidence) is never taken this way.
pub(super) fn fullest<'a>(first: &'a Vec<String>, lists: &[&'a Vec<String>]) -> &'a Vec<String> {
    let lower = |l: &Vec<String>| l.iter().map(|s| s.to_lowercase()).collect::<Vec<_>>();
    let want = lower(first);
    lists
        .iter()
        .filter(|l| !std::ptr::eq(**l, &*lists[lists.len() - 1]))
        .filter(|l| {
            l.len() > first.len() && {
                let have = lower(l);
                want.iter().all(|w| have.contains(w))
            }
        })
        .max_by_key(|l| l.len())
        .copied()
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::class_words::{CATEGORY_LIST_WORDS, TAG_LIST_WORDS};

    fn first_div_class(html: &str, kinds: &[&str]) -> bool {
        let doc = crate::markup::tree::parse(html);
        let el = doc
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
            .find(|e| e.value().name() == "div")
            .expect("a div");
        list_class(el.value(), kinds)
    }

    #[test]
    fn list_classes() {
        assert!(first_div_class(
            "<div class='cat-links'></div>",
            CATEGORY_LIST_WORDS
        ));
        assert!(first_div_class(
            "<div class='x post-tags'></div>",
            TAG_LIST_WORDS
        ));
        assert!(!first_div_class(
            "<div class='category-sport'></div>",
            CATEGORY_LIST_WORDS
        ));
        assert!(!first_div_class(
            "<div class='menu-item-object-category'></div>",
            CATEGORY_LIST_WORDS
        ));
        assert!(!first_div_class(
            "<div class='tagcloud-widget'></div>",
            TAG_LIST_WORDS
        ));
    }

    #[test]
    fn fullest_list_holding_the_first() {
        let section = vec!["News".to_string()];
        let rel = vec!["Blog".to_string(), "news".to_string()];
        let other = vec!["A".to_string(), "B".to_string(), "C".to_string()];
        let class = vec!["News".into(), "X".into(), "Y".into(), "Z".into()];
        assert_eq!(fullest(&section, &[&section, &rel, &other, &class]), &rel);
    }
}
