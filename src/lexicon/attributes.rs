//! Words in class, id and role values, by the kind of boilerplate they
//! name, and the words that mark the article itself.

use crate::model::block::Kind;

/// Words in class/id/role values, by the kind of boilerplate they name.
/// A `(word, kind)` list rather than a map: it is small and read in order.
pub const ATTR_WORDS: &[(&str, Kind)] = &[
    // Navigation: menus, breadcrumbs, pagination, skip links.
    ("nav", Kind::Navigation),
    ("navbar", Kind::Navigation),
    ("navigation", Kind::Navigation),
    ("subnav", Kind::Navigation),
    ("menu", Kind::Navigation),
    ("menubar", Kind::Navigation),
    ("megamenu", Kind::Navigation),
    ("breadcrumb", Kind::Navigation),
    ("breadcrumbs", Kind::Navigation),
    ("crumbs", Kind::Navigation),
    ("pagination", Kind::Navigation),
    ("pager", Kind::Navigation),
    ("skiplink", Kind::Navigation),
    ("topbar", Kind::Navigation),
    ("toolbar", Kind::Navigation),
    ("masthead", Kind::Navigation),
    ("navigation", Kind::Navigation),
    // Subscribe: newsletter boxes and sign-up forms.
    ("newsletter", Kind::Subscribe),
    ("subscribe", Kind::Subscribe),
    ("subscription", Kind::Subscribe),
    ("signup", Kind::Subscribe),
    ("optin", Kind::Subscribe),
    ("mc4wp", Kind::Subscribe), // MailChimp for WordPress forms
    ("mailchimp", Kind::Subscribe),
    // Share: share bars and social buttons.
    ("share", Kind::Share),
    ("sharing", Kind::Share),
    ("sharebar", Kind::Share),
    ("shares", Kind::Share),
    ("social", Kind::Share),
    ("sociable", Kind::Share),
    ("sharedaddy", Kind::Share), // WordPress Jetpack share block
    ("addtoany", Kind::Share),
    ("addthis", Kind::Share),
    ("a2a", Kind::Share),     // AddToAny prefix
    ("shariff", Kind::Share), // German privacy-friendly share buttons
    ("dpsp", Kind::Share),    // Social Pug plugin prefix
    ("ssba", Kind::Share),    // Simple Share Buttons Adder
    ("viral", Kind::Share),
    // Related: related, recommended, popular, trending lists.
    ("related", Kind::Related),
    ("relatedposts", Kind::Related),
    ("recommended", Kind::Related),
    ("recommendations", Kind::Related),
    ("recirculation", Kind::Related),
    ("popular", Kind::Related),
    ("trending", Kind::Related),
    ("outbrain", Kind::Related),
    ("taboola", Kind::Related),
    ("readmore", Kind::Related),
    ("morestories", Kind::Related),
    // Cookie: consent banners and their vendors.
    ("cookie", Kind::Cookie),
    ("cookies", Kind::Cookie),
    ("consent", Kind::Cookie),
    ("gdpr", Kind::Cookie),
    ("onetrust", Kind::Cookie),
    ("cookiebot", Kind::Cookie),
    ("borlabs", Kind::Cookie), // German WordPress consent plugin
    ("cmplz", Kind::Cookie),   // Complianz plugin prefix
    ("cmp", Kind::Cookie),     // "consent management platform"
    // Comments: threads, forms, counts.
    ("comment", Kind::Comments),
    ("comments", Kind::Comments),
    ("commentlist", Kind::Comments),
    ("disqus", Kind::Comments),
    ("respond", Kind::Comments), // WordPress comment form id
    ("replies", Kind::Comments),
    ("akismet", Kind::Comments),
    // Footer: page footers, copyright, author boxes.
    ("footer", Kind::Footer),
    ("copyright", Kind::Footer),
    ("colophon", Kind::Footer),
    ("authorbox", Kind::Footer),
    ("authorbio", Kind::Footer),
    // Other: sidebars, widgets, ads, pop-ups.
    ("sidebar", Kind::Other),
    ("widget", Kind::Other),
    ("widgets", Kind::Other),
    ("ad", Kind::Other),
    ("ads", Kind::Other),
    ("advert", Kind::Other),
    ("advertisement", Kind::Other),
    ("adsense", Kind::Other),
    ("sponsor", Kind::Other),
    ("sponsored", Kind::Other),
    ("promo", Kind::Other),
    ("popup", Kind::Other),
    ("modal", Kind::Other),
    ("overlay", Kind::Other),
    // Cards shown on hover over a link: not the sentence they sit in
    // (see [`HOVER_WORDS`]).
    ("tooltip", Kind::Other),
    ("popover", Kind::Other),
    ("hovercard", Kind::Other),
    ("rollover", Kind::Other),
    ("banner", Kind::Other),
    ("tags", Kind::Other),
    ("tagcloud", Kind::Other),
    // Account and search widgets.
    ("login", Kind::Navigation),
    ("signin", Kind::Navigation),
    ("register", Kind::Navigation),
    ("account", Kind::Navigation),
    ("search", Kind::Navigation),
    ("searchform", Kind::Navigation),
    // Teasers: boxes that advertise other articles.
    ("teaser", Kind::Related),
    ("teasers", Kind::Related),
    // Timestamps shown apart from the text (the date is metadata).
    ("timestamp", Kind::Other),
    ("date", Kind::Other),
    ("published", Kind::Other),
    // Image captions and photo credits: not the article's prose.
    ("caption", Kind::Other),
    ("credit", Kind::Other),
    ("credits", Kind::Other),
    ("bildunterschrift", Kind::Other), // German "caption"
    ("bildtext", Kind::Other),
    ("legende", Kind::Other),
    ("leyenda", Kind::Other),
    ("didascalia", Kind::Other), // Italian "caption"
    // Bylines and datelines: metadata, read separately, not body text.
    ("byline", Kind::Other),
    ("dateline", Kind::Other),
    ("author", Kind::Other),
];

/// ARIA roles that mark page furniture.
pub const ROLES: &[(&str, Kind)] = &[
    ("navigation", Kind::Navigation),
    ("menu", Kind::Navigation),
    ("menubar", Kind::Navigation),
    ("banner", Kind::Navigation),
    ("contentinfo", Kind::Footer),
    ("complementary", Kind::Other),
    ("dialog", Kind::Other),
    ("alertdialog", Kind::Other),
    ("search", Kind::Navigation),
];

/// Two-word attribute phrases that carry a kind their words alone do not
/// ("author-bio", "post-nav", "screen-reader-text").
pub const ATTR_PAIRS: &[(&str, &str, Kind)] = &[
    ("author", "bio", Kind::Footer),
    ("author", "box", Kind::Footer),
    ("about", "author", Kind::Footer),
    ("author", "info", Kind::Footer),
    ("post", "nav", Kind::Navigation),
    ("skip", "link", Kind::Navigation),
    ("skip", "content", Kind::Navigation),
    ("read", "more", Kind::Related),
    ("more", "stories", Kind::Related),
    ("you", "may", Kind::Related),
    ("tag", "list", Kind::Other),
    ("post", "tags", Kind::Other),
    ("sign", "up", Kind::Subscribe),
    ("entry", "meta", Kind::Other),
    ("post", "meta", Kind::Other),
    ("article", "meta", Kind::Other),
    ("opt", "in", Kind::Subscribe),
];

/// Whole class tokens that hide an element. Only whole tokens count:
/// Drupal's `field--label-hidden` hides the label, not the field.
pub const HIDING_TOKENS: &[&str] = &[
    "hidden",
    "hide",
    "is-hidden",
    "d-none",
    "invisible",
    "display-none",
    "sr-only", // text for screen readers only
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screenreader-only",
    "element-invisible",
];

/// Prefixes of utility-CSS class tokens (Tailwind, Bootstrap): they style,
/// they do not say what an element is. `text-center` is not "text",
/// `bg-share-blue` is not a share bar.
pub const UTILITY_PREFIXES: &[&str] = &[
    "text-",
    "font-",
    "bg-",
    "border-",
    "rounded",
    "shadow",
    "flex",
    "grid",
    "col-",
    "row-",
    "w-",
    "h-",
    "p-",
    "px-",
    "py-",
    "pt-",
    "pb-",
    "pl-",
    "pr-",
    "m-",
    "mx-",
    "my-",
    "mt-",
    "mb-",
    "ml-",
    "mr-",
    "gap-",
    "space-",
    "justify-",
    "items-",
    "align-",
    "d-",
    "float-",
    "max-w",
    "min-w",
    "max-h",
    "min-h",
    "overflow-",
    "leading-",
    "tracking-",
    "z-",
    "order-",
    "opacity-",
    "transition",
    "duration-",
    "ease-",
    "top-",
    "left-",
    "right-",
    "bottom-",
    "inset-",
];

/// Words naming a card shown on hover over a link. The link and its card
/// often share the word (`x-rollover` around `x-rollover-card`):
/// only the innermost is the card; the link's text is the sentence's.
pub const HOVER_WORDS: &[&str] = &["tooltip", "popover", "hovercard", "rollover"];

/// Words in class/id values that mark the article itself.
pub const CONTENT_WORDS: &[&str] = &[
    "article",
    "articlebody",
    "body",
    "content",
    "entry",
    "main",
    "post",
    "story",
    "text",
    "blog",
    "prose",
    "richtext",
    "fulltext",
];

/// First words of a two-word class/id that names the article body
/// ("entry-content", "post_body", "articleText"), with the second in
/// [`BODY_SECOND`].
pub const BODY_FIRST: &[&str] = &[
    "entry", "post", "article", "story", "blog", "news", "main", "page", "single", "td",
];
pub const BODY_SECOND: &[&str] = &["content", "body", "text", "entry"];
/// One-word class/id values that name the article body.
pub const BODY_WORDS: &[&str] = &[
    "articlebody",
    "storybody",
    "postbody",
    "fulltext",
    "bodytext",
    "articletext",
    "storytext",
];
