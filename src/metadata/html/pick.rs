//! Each field chosen from the candidates in order of trust: JSON-LD, then
//! OpenGraph and `<meta>`, then what the page shows.



use super::found::Found;

use crate::lexicon::bylines::*;
use crate::lexicon::meta_tags::*;
use crate::metadata::author::clean_author;
use crate::metadata::lists::{fullest, push_items};
use crate::metadata::{date, jsonld, title};
use crate::model::metadata::Metadata;
use crate::util::spaces::clean;

/// Pick each field from the candidates one walk collected.
pub(super) fn pick(f: Found) -> Metadata {
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
pub(super) fn is_home_link(href: &str) -> bool {
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

/// [`date::parse_as`], answering at once for texts without a digit: every
/// date it reads has a year in ASCII digits.
pub(super) fn parse_date(s: &str, how: date::Reading) -> Option<String> {
    if s.bytes().any(|b| b.is_ascii_digit()) {
        date::parse_as(s, how)
    } else {
        None
    }
}

pub(super) fn absolute(url: Option<&String>) -> Option<String> {
    url.filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .cloned()
}

/// The primary language subtag, lower-case ("de-DE" -> "de").
pub(super) fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_lowercase();
    ((2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic()))
        .then_some(primary)
}
