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
mod found;
mod pick;
mod walk;

#[cfg(test)]
use crate::markup::tree::Tree;
#[cfg(test)]
use crate::model::metadata::Metadata;
#[cfg(test)]
use pick::pick;
pub use walk::Walk;
#[cfg(test)]
use walk::walk;

/// Read the page's metadata from its parsed document.
#[cfg(test)]
pub fn extract(doc: &Tree) -> Metadata {
    pick(walk(doc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::entities::unescape;
    use super::walk::{may_be_label, opens_label};
    use crate::lexicon::bylines::{BYLINE_LEADS, BYLINE_TAGS};
    use crate::util::spaces::{clean, clean_short, is_blank};

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
