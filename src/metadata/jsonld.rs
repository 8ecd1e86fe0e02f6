//! JSON-LD (`<script type="application/ld+json">`): schema.org facts about
//! the page.
//!
//! Blocks are parsed leniently: HTML comment and CDATA wrappers are
//! stripped, raw control characters inside strings are tolerated, several
//! concatenated values are read one after another, and a block that still
//! does not parse is skipped. `@graph` containers, arrays and nested objects
//! (`mainEntity`, `hasPart`) are flattened; `@id` references to Person nodes
//! elsewhere in the graph are resolved.

use std::collections::HashMap;

use serde_json::Value;

/// What the page's JSON-LD says about its main article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonLd {
    /// `headline` (or `name`) of the first article-like object.
    pub headline: Option<String>,
    /// Author names of that object, in order.
    pub authors: Vec<String>,
    /// `datePublished` (else `dateCreated`), raw.
    pub date_published: Option<String>,
    /// `datePublished` of a mere `WebPage` (site generators stamp every
    /// page with one, articles or not), raw.
    pub page_date: Option<String>,
    /// `dateModified`, raw.
    pub date_modified: Option<String>,
    /// `articleSection`, every item when a list.
    pub sections: Vec<String>,
    /// `keywords` of the main object (a list, or a string split at commas).
    pub keywords: Vec<String>,
    /// `description` of the main object.
    pub description: Option<String>,
    /// `image` of the main object (a URL, an `ImageObject`, or a list).
    pub image: Option<String>,
    /// How strongly the main object marks an article: 3 article or posting,
    /// 2 other creative work, 1 web page, 0 none.
    pub main_rank: u8,
    /// `publisher.name` of the article, else the `WebSite` name.
    pub site_name: Option<String>,
    /// Item names of the first `BreadcrumbList`, in position order.
    pub breadcrumb: Vec<String>,
    /// `url` / `mainEntityOfPage` of the article.
    pub url: Option<String>,
}

/// Types that describe the page's main text, best first. Anything whose
/// type ends in "Article" or "Posting" counts as well.
const ARTICLE_TYPES: &[&str] = &[
    "Report",
    "Review",
    "Recipe",
    "HowTo",
    "QAPage",
    "Question",
    "Blog",
    "CreativeWork",
];

/// How strongly a `@type` marks the main content: 3 article, 2 other
/// creative work, 1 web page, 0 none.
fn article_rank(obj: &serde_json::Map<String, Value>) -> u8 {
    types(obj)
        .map(|t| {
            if t.ends_with("Article") || t.ends_with("Posting") || t == "Article" {
                3
            } else if ARTICLE_TYPES.contains(&t) {
                2
            } else if t.ends_with("WebPage") || t == "WebPage" {
                1
            } else {
                0
            }
        })
        .max()
        .unwrap_or(0)
}

fn types(obj: &serde_json::Map<String, Value>) -> impl Iterator<Item = &str> {
    let t = obj.get("@type");
    let list: Vec<&str> = match t {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    // "http://schema.org/NewsArticle" -> "NewsArticle"
    list.into_iter().map(|s| s.rsplit('/').next().unwrap_or(s))
}

fn has_type(obj: &serde_json::Map<String, Value>, name: &str) -> bool {
    types(obj).any(|t| t == name)
}

/// Strip wrappers and parse every JSON value in one script block.
pub fn parse_block(raw: &str) -> Vec<Value> {
    let mut s = raw.trim();
    for prefix in ["<!--", "//<![CDATA[", "<![CDATA["] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.trim_start();
        }
    }
    for suffix in ["-->", "//]]>", "]]>"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.trim_end();
        }
    }
    let s = s.trim_end_matches(';');
    let mut out = Vec::new();
    if read_values(s, &mut out) {
        return out;
    }
    // Raw newlines and tabs inside strings are invalid JSON but common.
    let fixed: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    out.clear();
    read_values(&fixed, &mut out);
    out
}

/// Read a stream of values; true when the whole input was consumed.
fn read_values(s: &str, out: &mut Vec<Value>) -> bool {
    let mut stream = serde_json::Deserializer::from_str(s).into_iter::<Value>();
    for v in stream.by_ref() {
        match v {
            Ok(v) => out.push(v),
            Err(_) => return false,
        }
    }
    true
}

/// Collect every object in the values, depth first, in document order.
fn flatten<'a>(v: &'a Value, out: &mut Vec<&'a serde_json::Map<String, Value>>, depth: usize) {
    if depth > 12 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| flatten(x, out, depth + 1)),
        Value::Object(o) => {
            if o.contains_key("@type") {
                out.push(o);
            }
            for (k, x) in o {
                // Descend into containers, not into the properties of an
                // object (its author, publisher, images...).
                if matches!(
                    k.as_str(),
                    "@graph" | "mainEntity" | "mainEntityOfPage" | "hasPart" | "itemListElement"
                ) || (!o.contains_key("@type") && k != "@context")
                {
                    flatten(x, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => crate::util::spaces::clean(&super::html::entities::unescape(s)),
        Value::Array(a) => a.iter().find_map(text),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Every item of a string list; a single string is split at commas
/// ("a, b, c"), as `keywords` often is.
fn list(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: &str| {
        for part in s.split(',') {
            if let Some(c) = crate::util::spaces::clean(&super::html::entities::unescape(part))
                && !out.contains(&c)
            {
                out.push(c);
            }
        }
    };
    match v {
        Value::String(s) => push(s),
        Value::Array(a) => a.iter().filter_map(Value::as_str).for_each(push),
        _ => {}
    }
    out
}

/// The URL of an `image`: a string, an `ImageObject`'s `url`, or the first
/// of a list.
fn image_url(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => crate::util::spaces::clean(s).filter(|u| u.starts_with("http")),
        Value::Array(a) => a.iter().find_map(image_url),
        Value::Object(o) => o
            .get("url")
            .or_else(|| o.get("contentUrl"))
            .and_then(image_url),
        _ => None,
    }
}

type Ids<'a> = HashMap<&'a str, &'a serde_json::Map<String, Value>>;

fn name_of(v: &Value, ids: &Ids<'_>) -> Option<String> {
    match v {
        Value::String(s) => crate::util::spaces::clean(&super::html::entities::unescape(s)),
        Value::Object(o) => name_of_obj(o, ids, 0),
        _ => None,
    }
}

/// `name`, else given + family name, else the name of the node `@id`
/// points to.
fn name_of_obj(o: &serde_json::Map<String, Value>, ids: &Ids<'_>, depth: u8) -> Option<String> {
    if let Some(n) = o.get("name").and_then(text) {
        return Some(n);
    }
    let given = o.get("givenName").and_then(text);
    let family = o.get("familyName").and_then(text);
    if given.is_some() || family.is_some() {
        let full = [given, family].into_iter().flatten().collect::<Vec<_>>();
        return Some(full.join(" "));
    }
    let id = o.get("@id").and_then(Value::as_str)?;
    let target = ids.get(id)?;
    if depth > 2 || std::ptr::eq(*target, o) {
        return None;
    }
    name_of_obj(target, ids, depth + 1)
}

fn names(v: &Value, ids: &Ids<'_>) -> Vec<String> {
    match v {
        Value::Array(a) => a.iter().filter_map(|x| name_of(x, ids)).collect(),
        other => name_of(other, ids).into_iter().collect(),
    }
}

/// Read the facts from all parsed blocks of a page.
pub fn read(values: &[Value]) -> JsonLd {
    let mut objs = Vec::new();
    for v in values {
        flatten(v, &mut objs, 0);
    }
    let ids: Ids<'_> = objs
        .iter()
        .filter_map(|o| Some((o.get("@id")?.as_str()?, *o)))
        .collect();
    let mut out = JsonLd::default();

    // The main object: the first of the highest rank.
    let best_rank = objs.iter().map(|o| article_rank(o)).max().unwrap_or(0);
    let main = (best_rank > 0)
        .then(|| objs.iter().find(|o| article_rank(o) == best_rank))
        .flatten();
    if let Some(a) = main {
        out.headline = a
            .get("headline")
            .and_then(text)
            .or_else(|| a.get("name").and_then(text));
        out.authors = a.get("author").map(|v| names(v, &ids)).unwrap_or_default();
        if out.authors.is_empty() {
            out.authors = a.get("creator").map(|v| names(v, &ids)).unwrap_or_default();
        }
        if best_rank >= 2 {
            out.date_published = a
                .get("datePublished")
                .and_then(text)
                .or_else(|| a.get("dateCreated").and_then(text));
        }
        out.date_modified = a.get("dateModified").and_then(text);
        out.sections = a.get("articleSection").map(list).unwrap_or_default();
        out.keywords = a.get("keywords").map(list).unwrap_or_default();
        out.description = a.get("description").and_then(text);
        out.image = a.get("image").and_then(image_url);
        out.main_rank = best_rank;
        out.site_name = a.get("publisher").and_then(|p| name_of(p, &ids));
        out.url = a
            .get("url")
            .and_then(text)
            .filter(|u| u.starts_with("http"));
    }
    // Other article-like objects may carry what the main one lacks (a
    // WebPage with the date, an article without the author).
    for o in objs.iter().filter(|o| article_rank(o) > 0) {
        if article_rank(o) >= 2 && out.date_published.is_none() {
            out.date_published = o.get("datePublished").and_then(text);
        }
        if article_rank(o) == 1 && out.page_date.is_none() {
            out.page_date = o.get("datePublished").and_then(text);
        }
        if out.authors.is_empty() && article_rank(o) >= 2 {
            out.authors = o.get("author").map(|v| names(v, &ids)).unwrap_or_default();
        }
    }
    if out.site_name.is_none() {
        out.site_name = objs
            .iter()
            .find(|o| has_type(o, "WebSite"))
            .and_then(|o| o.get("name").and_then(text));
    }
    if let Some(list) = objs.iter().find(|o| has_type(o, "BreadcrumbList")) {
        out.breadcrumb = breadcrumb(list, &ids);
    }
    out
}

fn breadcrumb(list: &serde_json::Map<String, Value>, ids: &Ids<'_>) -> Vec<String> {
    let Some(Value::Array(items)) = list.get("itemListElement") else {
        return Vec::new();
    };
    let mut named: Vec<(i64, String)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, it)| {
            let o = it.as_object()?;
            let pos = o
                .get("position")
                .and_then(|p| p.as_i64().or_else(|| p.as_str()?.trim().parse().ok()))
                .unwrap_or(i as i64);
            let name = o
                .get("name")
                .and_then(text)
                .or_else(|| o.get("item").and_then(|x| name_of(x, ids)))?;
            Some((pos, name))
        })
        .collect();
    named.sort_by_key(|(p, _)| *p);
    named.into_iter().map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(s: &str) -> JsonLd {
        read(&parse_block(s))
    }

    #[test]
    fn graph_with_referenced_author() {
        let j = read_str(
            r##"{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","@id":"#site","name":"Example News"},
              {"@type":"WebPage","@id":"#page","name":"Page name"},
              {"@type":["Article","NewsArticle"],"headline":"Big  news",
               "author":{"@id":"#p1"},"datePublished":"2020-01-02T03:04:05+01:00",
               "articleSection":["Politics","World"]},
              {"@type":"Person","@id":"#p1","name":"Jane Doe"},
              {"@type":"BreadcrumbList","itemListElement":[
                {"@type":"ListItem","position":2,"item":{"@id":"/p","name":"Politics"}},
                {"@type":"ListItem","position":1,"name":"Home"}]}]}"##,
        );
        assert_eq!(j.headline.as_deref(), Some("Big news"));
        assert_eq!(j.authors, vec!["Jane Doe"]);
        assert_eq!(
            j.date_published.as_deref(),
            Some("2020-01-02T03:04:05+01:00")
        );
        assert_eq!(j.sections, vec!["Politics", "World"]);
        assert_eq!(j.site_name.as_deref(), Some("Example News"));
        assert_eq!(j.breadcrumb, vec!["Home", "Politics"]);
    }

    #[test]
    fn nested_author_list_and_publisher() {
        let j = read_str(
            "<!-- {\"@type\":\"WebPage\",\"mainEntity\":{\"@type\":\"BlogPosting\",\
             \"headline\":\"Post\",\"author\":[{\"@type\":\"Person\",\"givenName\":\"Ann\",\
             \"familyName\":\"Lee\"},\"Bob Roe\"],\"publisher\":{\"@type\":\"Organization\",\
             \"name\":\"The Blog\"}}} -->",
        );
        assert_eq!(j.headline.as_deref(), Some("Post"));
        assert_eq!(j.authors, vec!["Ann Lee", "Bob Roe"]);
        assert_eq!(j.site_name.as_deref(), Some("The Blog"));
    }

    #[test]
    fn keywords_description_image() {
        let j = read_str(
            r#"{"@type":"BlogPosting","keywords":"Laufen, Running ,Laufen",
               "description":"Kurz &amp; gut","image":{"@type":"ImageObject",
               "url":"https://ex.com/a.jpg"}}"#,
        );
        assert_eq!(j.keywords, vec!["Laufen", "Running"]);
        assert_eq!(j.description.as_deref(), Some("Kurz & gut"));
        assert_eq!(j.image.as_deref(), Some("https://ex.com/a.jpg"));
        assert_eq!(j.main_rank, 3);
        let j = read_str(r#"{"@type":"Article","keywords":["a","b"],"image":["https://x/1.png"]}"#);
        assert_eq!(j.keywords, vec!["a", "b"]);
        assert_eq!(j.image.as_deref(), Some("https://x/1.png"));
    }

    #[test]
    fn lenient_parsing() {
        let j = read_str("{\"@type\":\"NewsArticle\",\"headline\":\"Line\nbreak\"};");
        assert_eq!(j.headline.as_deref(), Some("Line break"));
        assert_eq!(read_str("{not json"), JsonLd::default());
    }
}
