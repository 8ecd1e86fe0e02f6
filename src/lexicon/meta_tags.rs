//! The names of `<meta>` tags that state a page's dates and author, and
//! the default values that state nothing (a blog engine's tagline).

/// `<meta>` names for the publication date, most specific first
/// (lower-case; `name`, `property`, `itemprop` and `http-equiv` alike).
pub const PUBLISHED_META: &[&str] = &[
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
pub const MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
];

/// `<meta>` names that hold an author's name.
pub const AUTHOR_META: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "sailthru.author",
    "parsely-author",
    "byl",
    "citation_author",
];

/// Endings of `<meta>` names that state a publication date under a
/// vendor's prefix (`shareaholic:article_published_time`, `bi3dPubDate`).
pub const PUBLISHED_SUFFIXES: &[&str] = &[
    "published_time",
    "publishedtime",
    "publish_date",
    "publishdate",
    "published_date",
    "publication_date",
    "pubdate",
    "datepublished",
];

/// Blog engines' default taglines, which stand in a description field
/// when the owner never wrote one.
pub const BLOG_TAGLINES: &[&str] = &[
    "just another wordpress",
    "ein weiterer wordpress",
    "otro sitio de wordpress",
    "un site utilisant wordpress",
];
