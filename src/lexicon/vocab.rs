//! The boilerplate vocabulary, grouped by kind: written once, used by the
//! HTML pruner (class, id, role words) and by the block classifier (phrases in
//! short blocks of HTML and of text dumps).
//!
//! Attribute words are matched whole, after splitting `class`/`id` values at
//! `-`, `_`, spaces and camelCase humps, so `gdpr-Paragraph` never matches
//! `graph` and `MsoHeader` never matches `header` by accident of a substring.

use std::sync::LazyLock;

use crate::model::block::Kind;

/// Words in class/id/role values, by the kind of boilerplate they name.
/// A `(word, kind)` list rather than a map: it is small and read in order.
const ATTR_WORDS: &[(&str, Kind)] = &[
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
const ROLES: &[(&str, Kind)] = &[
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
const ATTR_PAIRS: &[(&str, &str, Kind)] = &[
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
const HIDING_TOKENS: &[&str] = &[
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
const UTILITY_PREFIXES: &[&str] = &[
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

/// Whether one class token is a utility class (or a responsive/state
/// variant such as `lg:hidden`), to be ignored when reading class words.
fn is_utility(token: &str) -> bool {
    let t = token.as_bytes();
    // Every prefix is lower-case ASCII: compare only those that start
    // with the token's first letter.
    let Some(first) = t.first().map(u8::to_ascii_lowercase) else {
        return false;
    };
    t.contains(&b':')
        || UTILITY_BY_FIRST.get(usize::from(first)).is_some_and(|ps| {
            ps.iter()
                .any(|p| t.len() >= p.len() && t[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
        })
}

/// [`UTILITY_PREFIXES`] by their first byte.
static UTILITY_BY_FIRST: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut by = vec![Vec::new(); 128];
    for &p in UTILITY_PREFIXES {
        by[usize::from(p.as_bytes()[0])].push(p);
    }
    by
});

/// Split one class or id value into lower-case words at `-`, `_`, `.`, `:`,
/// spaces, digits-to-letters and camelCase humps. Utility-CSS tokens are
/// left out. (The split [`attr_info_in`] reads, as owned words: for tests.)
#[cfg(test)]
pub fn attr_words(value: &str) -> Vec<String> {
    let (mut buf, mut ends) = (String::new(), Vec::new());
    attr_words_into(value, &mut buf, &mut ends);
    let mut start = 0;
    ends.iter()
        .map(|&end| buf[std::mem::replace(&mut start, end)..end].to_string())
        .collect()
}

/// The words of `attr_words` back to back in `buf`, with `ends` getting
/// where each one ends: no `String` per word. Returns whether any
/// token (utility or not) is one of [`HIDING_TOKENS`].
fn attr_words_into(value: &str, buf: &mut String, ends: &mut Vec<usize>) -> bool {
    let mut hiding = false;
    for token in value.split_whitespace() {
        hiding = hiding || HIDING_TOKENS.iter().any(|h| token.eq_ignore_ascii_case(h));
        if is_utility(token) {
            continue;
        }
        // The word being read is `buf[start..]`.
        let mut start = buf.len();
        let mut prev_lower = false;
        for c in token.chars() {
            if c.is_alphanumeric() {
                if c.is_uppercase() && prev_lower && buf.len() > start {
                    ends.push(buf.len());
                    start = buf.len();
                }
                prev_lower = c.is_lowercase() || c.is_ascii_digit();
                if c.is_ascii() {
                    buf.push(c.to_ascii_lowercase());
                } else {
                    buf.extend(c.to_lowercase());
                }
            } else {
                prev_lower = false;
                if buf.len() > start {
                    ends.push(buf.len());
                    start = buf.len();
                }
            }
        }
        if buf.len() > start {
            ends.push(buf.len());
        }
    }
    hiding
}

/// What one class or id value says about its element, read in one pass.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AttrInfo {
    /// The boilerplate kind it names.
    pub kind: Option<Kind>,
    /// Whether it names article content ("entry-content", "post").
    pub content: bool,
    /// Whether it names the article body itself ("entry-content", "articleBody").
    pub body: bool,
    /// Whether it names a card shown on hover (`HOVER_WORDS`).
    pub hover: bool,
}

/// Words naming a card shown on hover over a link. The link and its card
/// often share the word (`x-rollover` around `x-rollover-card`):
/// only the innermost is the card; the link's text is the sentence's.
const HOVER_WORDS: &[&str] = &["tooltip", "popover", "hovercard", "rollover"];

/// Read one class or id value: boilerplate kind, content and body hints.
/// ([`attr_info_in`] with fresh buffers: the plain reading tests compare
/// the arena's cached one with.)
#[cfg(test)]
pub fn attr_info(value: &str) -> AttrInfo {
    attr_info_in(value, &mut AttrScratch::default())
}

/// Buffers [`attr_info_in`] reuses from one value to the next.
#[derive(Default)]
pub struct AttrScratch {
    buf: String,
    ends: Vec<usize>,
}

/// Read one class or id value (boilerplate kind, content and body hints)
/// character by character, with buffers kept by the caller: no allocation
/// per value once they have grown. An ASCII value (nearly every one) reads
/// the same, faster, with [`attr_info_ascii`].
pub fn attr_info_in(value: &str, scratch: &mut AttrScratch) -> AttrInfo {
    let AttrScratch { buf, ends } = scratch;
    buf.clear();
    ends.clear();
    let hiding = attr_words_into(value, buf, ends);
    let mut fold = InfoFold::default();
    let mut start = 0;
    for &end in ends.iter() {
        fold.word(&buf[start..end]);
        start = end;
    }
    fold.finish(hiding)
}

/// [`attr_info_in`] of an ASCII value (nearly every class and id), given
/// `lower`, the value lower-cased: the words of `attr_words` are found
/// in one byte loop over the value (its case marks camelCase humps) and
/// read as slices of `lower`, without a copy per character or per word.
pub fn attr_info_ascii(value: &str, lower: &str) -> AttrInfo {
    debug_assert!(value.is_ascii() && lower == value.to_ascii_lowercase());
    let space = crate::util::bytes::is_space_byte;
    let mut hiding = false;
    let mut fold = InfoFold::default();
    let b = value.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if space(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && !space(b[i]) {
            i += 1;
        }
        let token = &lower[start..i];
        // Every hiding token and utility prefix is lower-case.
        hiding = hiding || (HIDING_SHAPES.may_hold(token) && HIDING_TOKENS.contains(&token));
        if is_utility_lower(token) {
            continue;
        }
        // The word being read starts at byte `word` of the value.
        let mut word: Option<usize> = None;
        let mut prev_lower = false;
        for (j, &c) in (start..i).zip(&b[start..i]) {
            let class = ASCII_CLASS[usize::from(c & 0x7f)];
            if class != 0 {
                if class == UPPER
                    && prev_lower
                    && let Some(w) = word
                {
                    fold.word(&lower[w..j]);
                    word = Some(j);
                }
                word.get_or_insert(j);
                prev_lower = class == LOWER_OR_DIGIT;
            } else {
                prev_lower = false;
                if let Some(w) = word.take() {
                    fold.word(&lower[w..j]);
                }
            }
        }
        if let Some(w) = word {
            fold.word(&lower[w..i]);
        }
    }
    fold.finish(hiding)
}

/// [`ASCII_CLASS`] of an upper-case letter.
const UPPER: u8 = 1;
/// [`ASCII_CLASS`] of a lower-case letter or a digit.
const LOWER_OR_DIGIT: u8 = 2;

/// Of each ASCII byte, for [`attr_info_ascii`]'s camelCase split: upper-case
/// letter, lower-case letter or digit, or 0 (not alphanumeric).
static ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_lowercase() || c.is_ascii_digit() {
            LOWER_OR_DIGIT
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The [`Shapes`] of [`HIDING_TOKENS`].
static HIDING_SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::of(HIDING_TOKENS.iter()));

/// [`is_utility`] of a lower-case token.
fn is_utility_lower(t: &str) -> bool {
    let Some(&first) = t.as_bytes().first() else {
        return false;
    };
    t.contains(':')
        || UTILITY_BY_FIRST
            .get(usize::from(first))
            .is_some_and(|ps| ps.iter().any(|p| t.starts_with(p)))
}

/// What the words of one value say together, read one word at a time.
/// One table look-up per word instead of a hash and several list scans;
/// pairs are read with the word before.
#[derive(Default)]
struct InfoFold<'a> {
    prev: Option<(&'a str, WordInfo)>,
    pair_kind: Option<Kind>,
    word_kind: Option<Kind>,
    hover: bool,
    content: bool,
    body: bool,
}

impl<'a> InfoFold<'a> {
    fn word(&mut self, w: &'a str) {
        let i = if WORD_SHAPES.may_hold(w) {
            WORD_INFO.get(w).copied().unwrap_or_default()
        } else {
            WordInfo::default()
        };
        if let Some((pw, pi)) = self.prev {
            if self.pair_kind.is_none() && pi.pair_first {
                self.pair_kind = ATTR_PAIRS
                    .iter()
                    .find(|(x, y, _)| *x == pw && *y == w)
                    .map(|&(_, _, k)| k);
            }
            self.body |= pi.body_first && i.body_second;
        }
        self.word_kind = self.word_kind.or(i.kind);
        self.hover |= i.hover;
        self.content |= i.content;
        self.body |= i.body;
        self.prev = Some((w, i));
    }

    fn finish(self, hiding: bool) -> AttrInfo {
        AttrInfo {
            kind: if hiding {
                Some(Kind::Other)
            } else {
                self.pair_kind.or(self.word_kind)
            },
            hover: self.hover,
            content: self.content,
            body: self.body,
        }
    }
}

/// The first bytes and lengths of the words of a table: a word whose
/// pair is absent is not in it, answered without hashing the word (most
/// class words are in no list).
pub struct Shapes([u32; 256]);

impl Shapes {
    /// The shapes of `words`.
    pub fn of<W: AsRef<[u8]>>(words: impl IntoIterator<Item = W>) -> Shapes {
        let mut s = [0u32; 256];
        for w in words {
            let w = w.as_ref();
            if let Some(&f) = w.first() {
                s[usize::from(f)] |= Self::bit(w.len());
            }
        }
        Shapes(s)
    }

    /// One bit per length; lengths from 31 up share the last.
    fn bit(len: usize) -> u32 {
        1 << len.min(31)
    }

    /// False when `w` cannot be one of the words (the empty word may be).
    pub fn may_hold(&self, w: impl AsRef<[u8]>) -> bool {
        let w = w.as_ref();
        w.first()
            .is_none_or(|&f| self.0[usize::from(f)] & Self::bit(w.len()) != 0)
    }
}

/// What the vocabulary lists say of one class/id word.
#[derive(Clone, Copy, Default)]
struct WordInfo {
    /// Its entry in [`ATTR_WORDS`] (the first).
    kind: Option<Kind>,
    /// In [`CONTENT_WORDS`].
    content: bool,
    /// In [`BODY_WORDS`].
    body: bool,
    /// In [`BODY_FIRST`] / [`BODY_SECOND`].
    body_first: bool,
    body_second: bool,
    /// The first word of an [`ATTR_PAIRS`] entry.
    pair_first: bool,
    /// In [`HOVER_WORDS`].
    hover: bool,
}

// The hot maps (class words, template line keys, a page's short lines,
// month names, stopwords) use `foldhash::HashMap`/`HashSet`: their keys
// are short strings or hashes already, where SipHash costs more than the
// rest of the look-up, and foldhash is seeded per process, so a crafted
// page cannot make every key collide.

/// Every listed class word with what the lists say of it, built once.
static WORD_INFO: LazyLock<foldhash::HashMap<&'static str, WordInfo>> = LazyLock::new(|| {
    let mut m: foldhash::HashMap<&'static str, WordInfo> = foldhash::HashMap::default();
    for &(w, k) in ATTR_WORDS {
        m.entry(w).or_default().kind.get_or_insert(k);
    }
    for &w in CONTENT_WORDS {
        m.entry(w).or_default().content = true;
    }
    for &w in BODY_WORDS {
        m.entry(w).or_default().body = true;
    }
    for &w in BODY_FIRST {
        m.entry(w).or_default().body_first = true;
    }
    for &w in BODY_SECOND {
        m.entry(w).or_default().body_second = true;
    }
    for &(w, _, _) in ATTR_PAIRS {
        m.entry(w).or_default().pair_first = true;
    }
    for &w in HOVER_WORDS {
        m.entry(w).or_default().hover = true;
    }
    m
});

/// The [`Shapes`] of the words of [`WORD_INFO`].
static WORD_SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::of(WORD_INFO.keys().copied()));

/// The kind named by an ARIA `role` value.
pub fn role_kind(role: &str) -> Option<Kind> {
    let role = role.trim().to_ascii_lowercase();
    ROLES.iter().find(|(r, _)| *r == role).map(|&(_, k)| k)
}

/// Words in class/id values that mark the article itself.
const CONTENT_WORDS: &[&str] = &[
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
const BODY_FIRST: &[&str] = &[
    "entry", "post", "article", "story", "blog", "news", "main", "page", "single", "td",
];
const BODY_SECOND: &[&str] = &["content", "body", "text", "entry"];
/// One-word class/id values that name the article body.
const BODY_WORDS: &[&str] = &[
    "articlebody",
    "storybody",
    "postbody",
    "fulltext",
    "bodytext",
    "articletext",
    "storytext",
];

/// Phrases that, as (most of) a short block, mark it as boilerplate. Matched
/// case-insensitively as substrings of blocks of a few words only, so a
/// sentence of the article that mentions "share" is never touched. Several
/// languages per concept; the list is about the concept, not any one site.
const PHRASES: &[(&str, Kind)] = &[
    // Subscribe
    ("subscribe", Kind::Subscribe),
    ("newsletter", Kind::Subscribe),
    ("sign up", Kind::Subscribe),
    ("abonnieren", Kind::Subscribe),
    ("abonnez", Kind::Subscribe),
    ("abonner", Kind::Subscribe),
    ("suscríbete", Kind::Subscribe),
    ("suscribirse", Kind::Subscribe),
    ("iscriviti", Kind::Subscribe),
    ("zapisz się", Kind::Subscribe),
    ("inscreva-se", Kind::Subscribe),
    ("get the latest", Kind::Subscribe),
    // Share
    ("share this", Kind::Share),
    ("share on", Kind::Share),
    ("teilen", Kind::Share),
    ("partager", Kind::Share),
    ("compartir", Kind::Share),
    ("condividi", Kind::Share),
    ("udostępnij", Kind::Share),
    ("compartilhe", Kind::Share),
    // Asking whether the reader liked the article: a lead-in to share or
    // rate buttons.
    ("dieser artikel gefällt ihnen", Kind::Share),
    ("gefällt ihnen dieser artikel", Kind::Share),
    ("hat ihnen dieser artikel gefallen", Kind::Share),
    ("hat dir dieser artikel gefallen", Kind::Share),
    ("did you like this article", Kind::Share),
    ("did you enjoy this article", Kind::Share),
    ("enjoyed this article", Kind::Share),
    ("vous avez aimé cet article", Kind::Share),
    ("te ha gustado este artículo", Kind::Share),
    ("podobał ci się ten artykuł", Kind::Share),
    // Related
    ("related posts", Kind::Related),
    ("related articles", Kind::Related),
    ("related stories", Kind::Related),
    ("you may also like", Kind::Related),
    ("you might also like", Kind::Related),
    ("recommended for you", Kind::Related),
    ("more stories", Kind::Related),
    ("read more", Kind::Related),
    ("read next", Kind::Related),
    ("see also", Kind::Related),
    ("popular posts", Kind::Related),
    ("most popular", Kind::Related),
    ("most read", Kind::Related),
    ("trending", Kind::Related),
    ("what's hot", Kind::Related),
    ("weitere artikel", Kind::Related),
    ("mehr zum thema", Kind::Related),
    ("das könnte sie auch interessieren", Kind::Related),
    ("lire aussi", Kind::Related),
    ("à lire aussi", Kind::Related),
    ("sur le même sujet", Kind::Related),
    ("artículos relacionados", Kind::Related),
    ("te puede interesar", Kind::Related),
    ("leggi anche", Kind::Related),
    ("czytaj także", Kind::Related),
    ("czytaj też", Kind::Related),
    ("leia também", Kind::Related),
    ("veja também", Kind::Related),
    ("você pode gostar", Kind::Related),
    ("notícias relacionadas", Kind::Related),
    ("noticias relacionadas", Kind::Related),
    ("también te puede interesar", Kind::Related),
    ("potrebbe interessarti", Kind::Related),
    ("articoli correlati", Kind::Related),
    ("ähnliche beiträge", Kind::Related),
    ("ähnliche artikel", Kind::Related),
    ("vous aimerez aussi", Kind::Related),
    ("articles similaires", Kind::Related),
    ("zobacz też", Kind::Related),
    ("zobacz także", Kind::Related),
    ("podobne artykuły", Kind::Related),
    ("читайте также", Kind::Related),
    ("похожие статьи", Kind::Related),
    ("baca juga", Kind::Related), // Indonesian "read also"
    ("artikel terkait", Kind::Related),
    ("berita terkait", Kind::Related),
    ("関連記事", Kind::Related), // Japanese "related articles"
    ("おすすめ記事", Kind::Related),
    ("相关文章", Kind::Related), // Chinese "related articles"
    ("相關文章", Kind::Related),
    ("推荐阅读", Kind::Related),
    ("관련 기사", Kind::Related), // Korean "related articles"
    ("recent posts", Kind::Related),
    ("recent articles", Kind::Related),
    ("latest posts", Kind::Related),
    ("more from", Kind::Related),
    // Tag lists at the end of a post.
    ("tags:", Kind::Other),
    ("タグ:", Kind::Other), // Japanese "tags:"
    ("タグ：", Kind::Other),
    ("标签：", Kind::Other), // Chinese "tags:"
    ("标签:", Kind::Other),
    ("標籤：", Kind::Other),
    ("태그:", Kind::Other), // Korean "tags:"
    ("schlagwörter", Kind::Other),
    ("étiquettes", Kind::Other),
    ("etiquetas", Kind::Other),
    // Photo credits and picture sources.
    ("foto:", Kind::Other),
    ("photo:", Kind::Other),
    ("bild:", Kind::Other),
    ("bildquelle", Kind::Other),
    ("beitragsbild", Kind::Other),
    ("quelle: foto", Kind::Other),
    ("crédits photo", Kind::Other),
    ("crédit photo", Kind::Other),
    ("image credit", Kind::Other),
    ("photo credit", Kind::Other),
    ("domena publiczna", Kind::Other), // Polish "public domain" (image licence)
    // Post footers.
    ("this entry was posted", Kind::Footer),
    ("erstellt am", Kind::Footer),
    ("keine bewertungen", Kind::Other),
    ("no ratings yet", Kind::Other),
    ("follow us", Kind::Share),
    ("folgen sie uns", Kind::Share),
    ("suivez-nous", Kind::Share),
    ("síguenos", Kind::Share),
    ("nos siga", Kind::Share),
    // Placeholders for scripts that did not run.
    ("requires javascript", Kind::Other),
    ("enable javascript", Kind::Other),
    ("javascript is disabled", Kind::Other),
    ("javascript aktivieren", Kind::Other),
    // Cookie
    ("cookie", Kind::Cookie),
    ("we use cookies", Kind::Cookie),
    ("accept all", Kind::Cookie),
    ("alle akzeptieren", Kind::Cookie),
    ("tout accepter", Kind::Cookie),
    // Comments
    ("leave a reply", Kind::Comments),
    ("join the conversation", Kind::Comments),
    ("tell us what you think", Kind::Comments),
    ("leave a comment", Kind::Comments),
    ("post a comment", Kind::Comments),
    ("add a comment", Kind::Comments),
    ("no comments", Kind::Comments),
    ("comments", Kind::Comments),
    ("comment", Kind::Comments),
    ("your email address will not be published", Kind::Comments),
    ("required fields are marked", Kind::Comments),
    ("cancel reply", Kind::Comments),
    ("kommentar", Kind::Comments),
    ("commentaire", Kind::Comments),
    ("comentario", Kind::Comments),
    ("commenti", Kind::Comments),
    ("komentarz", Kind::Comments),
    // Footer
    ("©", Kind::Footer),
    ("copyright", Kind::Footer),
    ("all rights reserved", Kind::Footer),
    ("alle rechte vorbehalten", Kind::Footer),
    ("tous droits réservés", Kind::Footer),
    ("todos los derechos reservados", Kind::Footer),
    ("tutti i diritti riservati", Kind::Footer),
    ("wszelkie prawa zastrzeżone", Kind::Footer),
    ("privacy policy", Kind::Footer),
    ("terms of use", Kind::Footer),
    ("terms of service", Kind::Footer),
    ("terms and conditions", Kind::Footer),
    ("impressum", Kind::Footer),
    // Russian, Ukrainian and Dutch, concept by concept: subscribe, share,
    // related, comments, rights.
    ("подписаться", Kind::Subscribe),
    ("подпишитесь", Kind::Subscribe),
    ("рассылк", Kind::Subscribe),
    ("підписатися", Kind::Subscribe),
    ("inschrijven voor", Kind::Subscribe),
    ("abonneer", Kind::Subscribe),
    ("поделиться", Kind::Share),
    ("поделитесь", Kind::Share),
    ("поділитися", Kind::Share),
    ("deel dit", Kind::Share),
    ("похожие статьи", Kind::Related),
    ("похожие записи", Kind::Related),
    ("похожие новости", Kind::Related),
    ("читайте также", Kind::Related),
    ("смотрите также", Kind::Related),
    ("самые популярные", Kind::Related),
    ("популярные статьи", Kind::Related),
    ("вам также может понравиться", Kind::Related),
    ("читайте також", Kind::Related),
    ("схожі статті", Kind::Related),
    ("gerelateerde artikelen", Kind::Related),
    ("lees ook", Kind::Related),
    ("meest gelezen", Kind::Related),
    ("комментари", Kind::Comments),
    ("добавить отзыв", Kind::Comments),
    ("оставить отзыв", Kind::Comments),
    ("коментар", Kind::Comments),
    ("reacties", Kind::Comments),
    ("laat een reactie achter", Kind::Comments),
    ("все права защищены", Kind::Footer),
    ("всі права захищені", Kind::Footer),
    ("alle rechten voorbehouden", Kind::Footer),
    // Advertising and affiliate disclosures.
    ("enthält werbung", Kind::Other),
    ("enthält affiliate", Kind::Other),
    ("contains affiliate links", Kind::Other),
    ("contient des liens affiliés", Kind::Other),
    ("datenschutz", Kind::Footer),
    ("mentions légales", Kind::Footer),
    ("powered by", Kind::Footer),
    ("author bio", Kind::Footer),
    ("about the author", Kind::Footer),
    ("über den autor", Kind::Footer),
    ("à propos de l'auteur", Kind::Footer),
    // Navigation
    ("close menu", Kind::Navigation),
    ("skip to content", Kind::Navigation),
    ("skip to main", Kind::Navigation),
    ("zum inhalt springen", Kind::Navigation),
    ("previous post", Kind::Navigation),
    ("next post", Kind::Navigation),
    ("previous article", Kind::Navigation),
    ("next article", Kind::Navigation),
    ("back to top", Kind::Navigation),
];

/// "All rights reserved" in the languages deboil meets: with the copyright
/// sign, it marks a legal notice of any length.
const RIGHTS_RESERVED: &[&str] = &[
    "all rights reserved",
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "todos os direitos reservados",
    "tutti i diritti riservati",
    "wszelkie prawa zastrzeżone",
    "版权所有", // zh: "copyright reserved"
];

/// Whether lower-case `lower` says "all rights reserved" in some language.
pub fn is_rights_reserved(lower: &str) -> bool {
    RIGHTS_RESERVED.iter().any(|p| lower.contains(p))
}

/// An automaton of `words` that ignores ASCII case: for lists searched in
/// a line before (or instead of) lower-casing it. Only ASCII letters
/// lower-case to ASCII letters (but for the Kelvin sign and U+0130), so for
/// lower-case ASCII words it finds what a search of the lower-cased line
/// would.
pub fn ascii_case_matcher(words: &[&str]) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .expect("a word list builds an automaton")
}

/// The kind of boilerplate a short block's wording names, if any.
/// `text` must already be lower-case.
pub fn phrase_kind(lower: &str) -> Option<Kind> {
    // The first phrase of the list that the text contains at a word start,
    // found in one pass over the text for all phrases.
    static MATCHER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::new(PHRASES.iter().map(|(p, _)| p))
                .expect("the phrase list builds an automaton")
        });
    let first = MATCHER
        .find_overlapping_iter(lower)
        .filter(|m| phrase_starts_word(lower, m.start(), PHRASES[m.pattern().as_usize()].0))
        .map(|m| m.pattern().as_usize())
        .min();
    debug_assert_eq!(
        PHRASES.iter().position(|(p, _)| lower
            .match_indices(p)
            .any(|(at, _)| phrase_starts_word(lower, at, p))),
        first
    );
    first.map(|i| PHRASES[i].1)
}

/// Phrases that other words are glued onto and keep their sense: German
/// compounds ("Kundennewsletter", "Drittanbietercookies") and English
/// "unsubscribe". Every other phrase must start a word: "teilen" (share) is
/// no share button inside "mitteilen" or "verteilen", "read more" none
/// inside "spread more", "most read" none inside "almost ready".
const GLUED_HEADS: &[&str] = &["newsletter", "subscribe", "cookie"];

/// Whether the phrase found at byte `at` of `text` stands at a word start
/// (or may be glued on, or is written in a script without spaces).
fn phrase_starts_word(text: &str, at: usize, phrase: &str) -> bool {
    let starts_word = text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    starts_word
        || GLUED_HEADS.contains(&phrase)
        || phrase
            .chars()
            .next()
            .is_some_and(crate::util::chars::is_cjk)
}

/// Words that open a byline, lower-case ("By Jane Doe", "Von ...", "Par ...").
pub const BYLINE_OPENERS: &[&str] = &[
    "by",
    "written by",
    "words by",
    "text by",
    "von",
    "text:",
    "текст:",
    "автор:",
    "par",
    "texte",
    "por",
    "di",
    "door",
    "av",
    "przez",
    "autor",
    "autorin",
    "author:",
    "posted by",
    "geschrieben von",
    "écrit par",
    "publicado por",
    "escrito por",
    "scritto da",
];

/// Whole short blocks that are a label, not text: ad markers, lone
/// buttons. Matched against the block, lower-cased, without surrounding
/// punctuation.
/// A whole short line that heads the post's tag list, lower-case, bare of
/// punctuation: "Tags", "Schlagworte". Matched whole (the word alone is
/// common in prose); the list closes the article.
pub const TAG_HEADINGS: &[&str] = &[
    "tags",
    "tag",
    "schlagworte",
    "schlagwörter",
    "stichwörter",
    "stichworte",
    "mots-clés",
    "mots clés",
    "étiquettes",
    "etiquetas",
    "etichette",
    "tagi",
    "themen",
    "themen in diesem artikel",
    "topics",
    "topics in this article",
    "標籤",
    "标签",
];

const LABELS: &[(&str, Kind)] = &[
    // The heading of a teaser box set inside the article: the box goes,
    // the article goes on after it.
    ("don't miss", Kind::Related),
    ("don’t miss", Kind::Related),
    ("do not miss", Kind::Related),
    ("nicht verpassen", Kind::Related),
    ("à ne pas manquer", Kind::Related),
    ("no te lo pierdas", Kind::Related),
    ("da non perdere", Kind::Related),
    ("nie przegap", Kind::Related),
    ("não perca", Kind::Related),
    ("advertisement", Kind::Other),
    ("advert", Kind::Other),
    ("ad", Kind::Other),
    ("sponsored", Kind::Other),
    ("anzeige", Kind::Other), // German "advertisement"
    ("werbung", Kind::Other),
    ("publicité", Kind::Other),
    ("publicidad", Kind::Other),
    ("pubblicità", Kind::Other),
    ("reklama", Kind::Other),
    ("caption", Kind::Other),
    ("close", Kind::Other),
    // The placeholder of an embed blocked until consent.
    ("externer inhalt", Kind::Cookie),
    ("external content", Kind::Cookie),
    ("contenu externe", Kind::Cookie),
    ("contenido externo", Kind::Cookie),
    ("menu", Kind::Navigation),
    ("print", Kind::Share),
    // Image zoom buttons.
    ("enlarge", Kind::Other),
    ("vergrößern", Kind::Other),
    ("agrandir", Kind::Other),
    ("ampliar", Kind::Other),
    ("ingrandisci", Kind::Other),
    ("powiększ", Kind::Other),
];

/// The kind of a block that is only a label ("Advertisement", "Anzeige").
pub fn label_kind(bare_lower: &str) -> Option<Kind> {
    // One hash look-up instead of a comparison per label; a label listed
    // twice keeps its first kind, as a scan of the list finds it.
    static INDEX: LazyLock<foldhash::HashMap<&'static str, Kind>> = LazyLock::new(|| {
        let mut m = foldhash::HashMap::default();
        for &(l, k) in LABELS {
            m.entry(l).or_insert(k);
        }
        m
    });
    let found = INDEX.get(bare_lower).copied();
    debug_assert_eq!(
        found,
        LABELS
            .iter()
            .find(|(l, _)| *l == bare_lower)
            .map(|&(_, k)| k)
    );
    found
}

/// Openings of an "About ..." section heading (company boilerplate at the
/// end of press releases, author boxes), lower-case.
pub const ABOUT_OPENERS: &[&str] = &[
    "about ",
    "über ",
    "à propos",
    "a propos",
    "acerca de",
    "sobre ",
    "informazioni su",
    "o autorze",
    "o firmie",
    // Contact boxes that close press releases and association pages.
    "kontakt",
    "contact",
    "ansprechpartner",
    "pressekontakt",
    "media contact",
    "press contact",
    "weitere informationen",
    "more information",
    "further information",
    "zusatzinformationen",
    "plus d'informations",
    "más información",
];

/// Time words and the small words of dates in the languages deboil meets
/// most, for telling a dateline ("Posted Nov 18, 8:19 PM") from a
/// sentence; months and weekdays are [`crate::metadata::date`]'s.
const DATE_WORDS: &[&str] = &[
    // English
    "am",
    "pm",
    "posted",
    "updated",
    "published",
    "on",
    "at",
    "est",
    "edt",
    "cst",
    "cdt",
    "pst",
    "pdt",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    // German
    "uhr",
    "um",
    "veröffentlicht",
    "aktualisiert",
    "stand",
    // French
    "le",
    "publié",
    "mis",
    "jour",
    "à",
    // Spanish, Portuguese, Italian
    "de",
    "às",
    "del",
    "di",
];

/// Whether a lower-case word names a month (in a language of
/// [`crate::metadata::date`]'s calendar).
pub fn is_month(lower: &str) -> bool {
    crate::metadata::date::month_number(lower).is_some()
}

/// Whether a lower-case word is a weekday or a time word (a month is
/// [`is_month`]).
pub fn is_time_word(lower: &str) -> bool {
    DATE_WORDS.contains(&lower.trim_end_matches('.')) || crate::metadata::date::is_weekday(lower)
}

/// Share targets and the words of a share bar, beside the
/// [`SOCIAL_NETWORKS`]. A short line made only of these is a share bar or a
/// follow bar.
const SHARE_WORDS: &[&str] = &[
    "x",
    "email",
    "e-mail",
    "mail",
    "print",
    "reddit",
    "tumblr",
    "vkontakte",
    "vk",
    "messenger",
    "share",
    "shares",
    "tweet",
    "pocket",
    "flipboard",
    "xing",
    "vimeo",
    "copy",
    "link",
    "rss",
    "feed",
    "google",
    "skype",
    "line",
    "viber",
    "weibo",
    "wechat",
    "qq",
    "github",
    "discord",
    "sms",
    "(twitter)",
    "teilen",
    "drucken",
    "partager",
    "imprimer",
    "compartir",
    "imprimir",
    "condividi",
    "stampa",
    "udostępnij",
    "drukuj",
    "follow",
    "us",
    "on",
    "via",
    "share:",
    "share.",
];

/// Prompts to print or pass on the page, which open a short line: "Print
/// this article", "Share it with friends", "Diesen Artikel teilen".
const SHARE_PROMPTS: &[&str] = &[
    "print this article",
    "print this page",
    "share this article",
    "share this story",
    "share it with friends",
    "share your thoughts",
    "diesen artikel teilen",
    "artikel teilen",
    "artikel drucken",
    "seite drucken",
    "partager cet article",
    "imprimer l'article",
    "imprimer cet article",
    "udostępnij artykuł",
    "drukuj artykuł",
    "分享到", // "share to"
];

/// Whether a short line (lower-case) opens with a print or share prompt.
pub fn is_share_prompt(lower: &str) -> bool {
    let t = lower.trim_start();
    SHARE_PROMPTS.iter().any(|p| t.starts_with(p))
}

/// Whether a short block consists only of share-bar / social-network words.
pub fn is_share_line(lower: &str) -> bool {
    // Both lists in one set: each word is looked up once, in one set.
    static WORDS: LazyLock<foldhash::HashSet<&'static str>> =
        LazyLock::new(|| SHARE_WORDS.iter().chain(SOCIAL_NETWORKS).copied().collect());
    let mut n = 0;
    for tok in lower.split(|c: char| c.is_whitespace() || c == '|' || c == '·' || c == ',') {
        if tok.is_empty() {
            continue;
        }
        if !WORDS.contains(tok) && !tok.chars().all(|c| c.is_ascii_digit() || c == 'k') {
            return false;
        }
        n += 1;
    }
    // "Share", "Facebook Twitter", ... but not a single "x" or "on".
    n >= 1
        && !matches!(
            lower.trim(),
            "x" | "on" | "us" | "via" | "line" | "link" | "copy"
        )
}

/// Headings that open the zone after an article: related posts, the
/// comment section, the author box. Once enough article text precedes one,
/// nothing after it is article (trafilatura and the ScrapingHub annotations
/// both stop there). Matched as the start of a short line, lower-case.
const END_PHRASES: &[(&str, Kind)] = &[
    // Related: lists of other posts ("Related", "Related coverage: ...").
    ("related", Kind::Related),
    ("related posts", Kind::Related),
    ("related articles", Kind::Related),
    ("related stories", Kind::Related),
    ("related news", Kind::Related),
    ("you may also like", Kind::Related),
    ("you might also like", Kind::Related),
    ("more stories", Kind::Related),
    ("more from", Kind::Related),
    ("recommended for you", Kind::Related),
    ("popular posts", Kind::Related),
    ("most popular", Kind::Related),
    ("most read", Kind::Related),
    ("weitere artikel", Kind::Related),
    ("ähnliche beiträge", Kind::Related),
    ("ähnliche artikel", Kind::Related),
    ("das könnte sie auch interessieren", Kind::Related),
    ("meistgelesen", Kind::Related),
    ("articles similaires", Kind::Related),
    ("sur le même sujet", Kind::Related),
    ("artículos relacionados", Kind::Related),
    ("articoli correlati", Kind::Related),
    ("podobne artykuły", Kind::Related),
    ("相关文章", Kind::Related), // "related articles"
    ("相关阅读", Kind::Related), // "related reading"
    ("猜你喜欢", Kind::Related), // "guess you like"
    ("更多文章", Kind::Related), // "more articles"
    ("更多新闻", Kind::Related), // "more news"
    // "Read also" boxes: often inside the article, where the inline-box
    // rules of the text path let the article go on after them.
    ("mehr zum thema", Kind::Related),
    ("lesen sie auch", Kind::Related),
    ("auch lesen", Kind::Related), // de "also read"
    ("lies auch", Kind::Related),  // de "read also" (informal)
    // With their colon only: "Lesen Sie hier, was ..." is a sentence of
    // the article, "Lesen Sie hier: <headline>" a link to another.
    ("lesen sie hier:", Kind::Related),
    ("lesen sie mehr:", Kind::Related),
    ("auch interessant", Kind::Related),
    ("à lire aussi", Kind::Related),
    ("lire aussi", Kind::Related),
    ("czytaj także", Kind::Related),
    ("czytaj też", Kind::Related),
    ("zobacz także", Kind::Related),
    ("read also", Kind::Related),
    ("keep reading", Kind::Related),
    ("see also", Kind::Related),
    ("você pode gostar", Kind::Related),
    ("você também pode gostar", Kind::Related),
    ("también te puede interesar", Kind::Related),
    ("te puede interesar", Kind::Related),
    ("lee también:", Kind::Related),
    ("lea también:", Kind::Related),
    ("ver también:", Kind::Related),
    ("mira:", Kind::Related), // es "look:", a link to another story
    ("leia também:", Kind::Related),
    ("vous aimerez aussi", Kind::Related),
    ("vous aimerez peut-être", Kind::Related),
    ("das könnte dich auch interessieren", Kind::Related),
    ("to może cię zainteresować", Kind::Related),
    // Related topics and lists of the most read pages.
    ("related topics", Kind::Related),
    ("verwandte themen", Kind::Related),
    ("verwandte artikel", Kind::Related),
    ("verwandte beiträge", Kind::Related),
    ("ähnliche themen", Kind::Related),
    ("articles liés", Kind::Related),
    ("noticias relacionadas", Kind::Related),
    ("temas relacionados", Kind::Related),
    ("notícias relacionadas", Kind::Related),
    ("artigos relacionados", Kind::Related),
    ("powiązane artykuły", Kind::Related),
    ("most viewed", Kind::Related),
    ("most shared", Kind::Related),
    ("am meisten gelesen", Kind::Related),
    ("meist gelesen", Kind::Related),
    ("les plus lus", Kind::Related),
    ("lo más leído", Kind::Related),
    ("lo más visto", Kind::Related),
    ("mais lidas", Kind::Related),
    ("najczęściej czytane", Kind::Related),
    // Comments: the thread and its form.
    ("leave a reply", Kind::Comments),
    ("join the conversation", Kind::Comments),
    ("tell us what you think", Kind::Comments),
    ("leave a comment", Kind::Comments),
    ("post a comment", Kind::Comments),
    ("add a comment", Kind::Comments),
    ("comments", Kind::Comments),
    ("responses", Kind::Comments),
    ("kommentare", Kind::Comments),
    ("kommentar schreiben", Kind::Comments),
    ("schreibe einen kommentar", Kind::Comments),
    ("hinterlasse einen kommentar", Kind::Comments),
    ("commentaires", Kind::Comments),
    ("laisser un commentaire", Kind::Comments),
    ("laisser une réponse", Kind::Comments),
    ("comentarios", Kind::Comments),
    ("deja un comentario", Kind::Comments),
    ("commenti", Kind::Comments),
    ("komentarze", Kind::Comments),
    ("dodaj komentarz", Kind::Comments),
    ("评论", Kind::Comments), // "comments"
    ("comentários", Kind::Comments),
    ("deixe um comentário", Kind::Comments),
    ("deixe uma resposta", Kind::Comments),
    ("deja una respuesta", Kind::Comments),
    // Footer: feedback prompts under a post ("Was this article helpful?").
    ("was this article", Kind::Footer),
    ("was this helpful", Kind::Footer),
    ("did you find this article", Kind::Footer),
    ("war dieser artikel", Kind::Footer),
    ("war der artikel", Kind::Footer),
    ("hat ihnen dieser artikel", Kind::Footer),
    ("gefällt ihnen dieser artikel", Kind::Footer),
    ("hat dir dieser artikel", Kind::Footer),
    ("cet article vous a-t-il", Kind::Footer),
    ("czy ten artykuł", Kind::Footer),
    ("¿te ha resultado útil", Kind::Footer),
    ("¿le ha resultado útil", Kind::Footer),
    ("questo articolo ti è stato utile", Kind::Footer),
    // Footer: the author box at the end of a post.
    ("author bio", Kind::Footer),
    ("about the author", Kind::Footer),
    ("über den autor", Kind::Footer),
    ("über die autorin", Kind::Footer),
    ("à propos de l'auteur", Kind::Footer),
    ("o autorze", Kind::Footer),
];

/// Words that, next to "cookie", show a consent notice rather than a
/// recipe: the site, the browser, agreeing, tracking.
const COOKIE_CONTEXT: &[&str] = &[
    "website",
    "site",
    "browsing",
    "browser",
    "consent",
    "accept",
    "agree",
    "privacy",
    "tracking",
    "experience",
    "webseite",
    "zustimm",
    "akzeptier",
    "einwillig",
    "datenschutz",
    "navigateur",
    "navigation",
    "consentement",
    "accepte",
    "navegación",
    "aceptar",
    "consenso",
    "zgod",
    "przeglądar",
    "prywatn",
];

/// Whether a block of any length is a cookie or consent notice: it speaks
/// of cookies together with the site, the browser or consent. `lower` must
/// be lower-case.
pub fn is_cookie_notice(lower: &str) -> bool {
    // Built once: `str::contains` sets up its searcher on every call.
    static COOKIE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("cookie"));
    COOKIE.find(lower.as_bytes()).is_some() && COOKIE_CONTEXT.iter().any(|w| lower.contains(w))
}

/// Words for the page's content in a placeholder for an embedded post or
/// video ("Externer Inhalt", "external content").
const EMBED_CONTENT: &[&str] = &[
    "inhalt",
    "content",
    "contenu",
    "contenido",
    "conteúdo",
    "treść",
    "treści",
    "内容",
];
/// Loading the content.
const EMBED_LOAD: &[&str] = &[
    "laden", "load", "charger", "cargar", "carregar", "załaduj", "加载",
];
/// Agreeing to it.
const EMBED_CONSENT: &[&str] = &[
    "einverstanden",
    "zustimm",
    "consent",
    "accepte",
    "acepto",
    "zgadzam",
    "同意",
];
/// Where it comes from: an outside provider.
const EMBED_EXTERNAL: &[&str] = &[
    "extern",
    "drittanbieter",
    "third-party",
    "third party",
    "tiers",
    "terceros",
    "zewnętrzn",
    "第三方",
];
/// What it costs: personal data.
const EMBED_DATA: &[&str] = &[
    "personenbezogen",
    "persönlichen daten",
    "personal data",
    "données personnelles",
    "datos personales",
    "dane osobowe",
    "个人信息",
];

/// Words at most in a bare label or button of such a placeholder.
const EMBED_LABEL_WORDS: usize = 5;

/// Whether a short block is the placeholder of an embedded post or video
/// that asks for consent before loading it: "Externer Inhalt", "Zustimmen
/// und Inhalt laden", "Ich bin einverstanden, dass mir externe Inhalte
/// angezeigt werden ...". It names the content and an outside source or
/// personal data, and loading or agreeing (a bare label needs less).
/// `lower` must be lower-case.
pub fn is_embed_consent(lower: &str) -> bool {
    static FAMILIES: LazyLock<Families> = LazyLock::new(|| {
        Families::new(&[
            EMBED_CONTENT,
            EMBED_LOAD,
            EMBED_CONSENT,
            EMBED_EXTERNAL,
            EMBED_DATA,
        ])
    });
    // Most lines name no content: one fast scan for those words alone
    // comes before the pass over all five families.
    static CONTENT: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(EMBED_CONTENT).expect("the content words build an automaton")
    });
    // Each content word holds one of these pieces ("conte" for content,
    // contenu, contenido, conteúdo; "treś" for treść, treści): a few
    // vectorised substring searches rule out most lines before the
    // automaton is run.
    static PIECES: LazyLock<[memchr::memmem::Finder<'static>; 4]> =
        LazyLock::new(|| ["conte", "inhalt", "treś", "内容"].map(memchr::memmem::Finder::new));
    debug_assert!(
        EMBED_CONTENT
            .iter()
            .all(|w| PIECES.iter().any(|p| p.find(w.as_bytes()).is_some()))
    );
    if !PIECES.iter().any(|p| p.find(lower.as_bytes()).is_some()) || !CONTENT.is_match(lower) {
        return false;
    }
    let found = FAMILIES.found(lower);
    let has = |family: u32| found & (1 << family) != 0;
    debug_assert!(
        [
            EMBED_CONTENT,
            EMBED_LOAD,
            EMBED_CONSENT,
            EMBED_EXTERNAL,
            EMBED_DATA
        ]
        .iter()
        .enumerate()
        .all(|(f, words)| has(f as u32) == words.iter().any(|w| lower.contains(w)))
    );
    if !has(0) {
        return false;
    }
    let (load, consent, external, data) = (has(1), has(2), has(3), has(4));
    let act = load || consent;
    let label = || lower.split_whitespace().nth(EMBED_LABEL_WORDS).is_none();
    (external && (act || label())) || (data && act) || (load && consent && label())
}

/// Lists of phrases ("families") searched in one pass over a text with one
/// automaton: which families have a phrase in it, as plain substrings.
pub struct Families {
    matcher: aho_corasick::AhoCorasick,
    /// The family of each pattern, by pattern index.
    family: Vec<u8>,
}

impl Families {
    /// An automaton over the phrases of up to 32 families.
    pub fn new(families: &[&[&str]]) -> Families {
        assert!(families.len() <= 32, "a family is one bit of a u32");
        let mut patterns = Vec::new();
        let mut family = Vec::new();
        for (f, words) in families.iter().enumerate() {
            for w in *words {
                patterns.push(*w);
                family.push(f as u8);
            }
        }
        let matcher = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("a phrase list builds an automaton");
        Families { matcher, family }
    }

    /// One bit per family (bit `f` for `families[f]`) that has a phrase
    /// somewhere in `text`.
    pub fn found(&self, text: &str) -> u32 {
        let mut bits = 0u32;
        for m in self.matcher.find_overlapping_iter(text) {
            bits |= 1 << self.family[m.pattern().as_usize()];
        }
        bits
    }
}

/// How the header line of one comment ends ("Jane says:", "Max sagt:",
/// "Alex on May 3, 2019 at 6:34 am said:"): the first one opens the thread.
/// Ad labels printed between paragraphs.
const AD_LABELS: &[&str] = &[
    "advertisement",
    "ad",
    "sponsored",
    "anzeige",
    "werbung",
    "publicité",
    "reklama",
    "广告", // "advertisement"
];

/// Openings of a photo credit or source line: "Foto: dpa", "Quelle: AFP".
const CREDIT_OPENINGS: &[&str] = &[
    "foto:",
    "fotos:",
    "photo:",
    "photos:",
    "bild:",
    "image:",
    "quelle:",
    "source:",
    "crédit",
    "©",
    "fot.",
    "źródło:",
    "图片来源",
];

/// Whether a short line (lower-case) is an ad label or a photo credit:
/// furniture that sits between two paragraphs of an article.
pub fn is_inline_furniture(lower: &str) -> bool {
    let t = lower.trim();
    AD_LABELS.contains(&t) || CREDIT_OPENINGS.iter().any(|p| t.starts_with(p))
}

/// Openings of a line that asks the reader to follow a site or a person.
const FOLLOW_OPENINGS: &[&str] = &[
    "follow ",
    "folgen sie ",
    "folge uns",
    "folgt uns",
    "suivez",
    "síguenos",
    "siga-nos",
    "seguici",
    "seguite",
    "obserwuj",
    "volg ons",
];

/// Social networks, named in follow and share lines.
const SOCIAL_NETWORKS: &[&str] = &[
    "twitter",
    "facebook",
    "instagram",
    "linkedin",
    "youtube",
    "tiktok",
    "pinterest",
    "telegram",
    "whatsapp",
    "mastodon",
    "threads",
    "bluesky",
    "snapchat",
];

/// Whether a line (lower-case) asks to follow someone on social networks:
/// "Follow the Morning Desk on Instagram and YouTube", "Folgen Sie uns
/// auf Twitter".
pub fn is_follow_line(lower: &str) -> bool {
    let t = lower.trim_start();
    if !FOLLOW_OPENINGS.iter().any(|o| t.starts_with(o)) {
        return false;
    }
    // A network named as a whole word, after "on", "auf", "sur", ... or in
    // a "follow us" line: "Follow the threads of the story" is prose.
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric() && c != '@')
        .filter(|w| !w.is_empty())
        .collect();
    let us = words.get(1).is_some_and(|w| FOLLOW_US.contains(w))
        || words.get(2).is_some_and(|w| FOLLOW_US.contains(w));
    words.iter().enumerate().any(|(i, w)| {
        SOCIAL_NETWORKS.contains(w)
            && (us || (i > 0 && FOLLOW_PREPOSITIONS.contains(&words[i - 1])))
    })
}

/// "Follow us", "Folgen Sie uns", "Suivez-nous", ...
const FOLLOW_US: &[&str] = &["us", "me", "uns", "mir", "nous", "nos", "ci", "ons", "nas"];

/// Words before a network's name in a follow line: "on Twitter", "auf
/// Instagram", "sur Facebook".
const FOLLOW_PREPOSITIONS: &[&str] = &["on", "auf", "bei", "sur", "en", "em", "su", "na", "op"];

/// Openings of a post's publication line: "Posted on 3 May 2014 by ...",
/// "Erstellt am Freitag, 3. Juni 2011 und abgelegt unter ...".
const POSTED_OPENINGS: &[&str] = &[
    "posted on",
    "posted in",
    "published on",
    "erstellt am",
    "veröffentlicht am",
    "geschrieben am",
    "publié le",
    "publicado el",
    "publicado em",
    "pubblicato il",
    "opublikowano",
];

/// Whether a line (lower-case) is a post's publication line: a posted
/// opening with a number (the date) among its next few words.
pub fn is_posted_line(lower: &str) -> bool {
    let t = lower.trim_start();
    // Most lines open with a byte no opening opens with.
    if !t
        .as_bytes()
        .first()
        .is_some_and(|&b| POSTED_FIRST_BYTES[usize::from(b)])
    {
        return false;
    }
    POSTED_OPENINGS.iter().any(|o| {
        t.strip_prefix(o).is_some_and(|rest| {
            rest.starts_with(' ')
                && rest
                    .split_whitespace()
                    .take(4)
                    .any(|w| w.bytes().any(|b| b.is_ascii_digit()))
        })
    })
}

/// The first bytes of [`POSTED_OPENINGS`].
const POSTED_FIRST_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < POSTED_OPENINGS.len() {
        t[POSTED_OPENINGS[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    t
};

/// Openings of a news agency's staff credit: "(Reporting by ...; Editing
/// by ...)", "Additional reporting by ...".
const STAFF_CREDIT_OPENINGS: &[&str] = &[
    "reporting by",
    "additional reporting by",
    "writing by",
    "editing by",
    "compiled by",
];

/// Whether a line (lower-case) is a staff credit line.
pub fn is_staff_credit(lower: &str) -> bool {
    let t = lower.trim_start_matches(|c: char| c == '(' || c == '[' || c.is_whitespace());
    STAFF_CREDIT_OPENINGS.iter().any(|o| t.starts_with(o))
}

/// Words that count the pictures of a gallery: "Image 1 of 5", "Bild 2
/// von 12".
const GALLERY_NOUNS: &[&str] = &[
    "image", "images", "photo", "photos", "picture", "slide", "bild", "foto", "fotos", "zdjęcie",
    "imagen", "immagine",
];
const GALLERY_OF: &[&str] = &["of", "von", "sur", "de", "di", "z", "/"];

/// Whether a line (lower-case) is a gallery counter: "Image 1 of 5".
pub fn is_gallery_counter(lower: &str) -> bool {
    // The number after the noun opens with a digit: read on the bytes
    // first, as most lines have none there.
    if !second_word_may_open_with_digit(lower) {
        return false;
    }
    let mut t = lower.split_whitespace();
    // The noun first: most lines stop here.
    if !t.next().is_some_and(|noun| GALLERY_NOUNS.contains(&noun)) {
        return false;
    }
    let num = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    matches!((t.next(), t.next(), t.next(), t.next()), (Some(a), Some(of), Some(b), None)
        if num(a) && GALLERY_OF.contains(&of) && num(b))
}

/// Whether the second whitespace-separated word of `text` may open with
/// an ASCII digit, read on the bytes: `false` only when it does not (or
/// there is none); a non-ASCII byte where a word may end (it could be a
/// Unicode space) answers `true`.
pub fn second_word_may_open_with_digit(text: &str) -> bool {
    let b = text.as_bytes();
    let space = crate::util::bytes::is_space_byte;
    // Past leading spaces, to the end of the first word.
    let Some(start) = b.iter().position(|&c| !space(c)) else {
        return false;
    };
    let Some(end) = b[start..]
        .iter()
        .position(|&c| !c.is_ascii() || space(c))
        .map(|n| start + n)
    else {
        return false;
    };
    // (A first word opening with a non-ASCII byte ends at once: end is
    // start.)
    if !b[end].is_ascii() {
        return true;
    }
    b[end..]
        .iter()
        .find(|&&c| !space(c))
        .is_some_and(|&c| c.is_ascii_digit() || !c.is_ascii())
}

/// Openings of a paywall notice: the article is cut here and what follows
/// is the sales pitch.
const PAYWALL_OPENINGS: &[&str] = &[
    "to view the full story",
    "to continue reading",
    "to read the full story",
    "to read the full article",
    "subscribe to continue reading",
    "subscribe to read",
    "this article is for subscribers",
    "this content is for subscribers",
    "um weiterzulesen",
    "um den vollständigen artikel zu lesen",
    "weiterlesen mit",
    "dieser artikel ist nur für abonnenten",
    "pour lire la suite",
    "la suite est réservée aux abonnés",
    "cet article est réservé aux abonnés",
    "aby przeczytać cały artykuł",
    "aby czytać dalej",
];

/// Cues of a newsletter or subscription pitch: what the reader is asked
/// to do, and where the mail goes. Either alone may sit in an article's
/// sentence ("the company signed up subscribers"); both together in a
/// short block are the pitch.
const SUBSCRIBE_ACTIONS: &[&str] = &[
    "subscribe",
    "sign up",
    "signup",
    "abonnieren",
    "anmelden",
    "abonnez",
    "inscrivez",
    "suscríbete",
    "iscriviti",
    "zapisz się",
    "inscreva-se",
    "подпиш",
];
const SUBSCRIBE_CHANNELS: &[&str] = &[
    "newsletter",
    "inbox",
    "your email",
    "posteingang",
    "boîte mail",
    "bandeja de entrada",
    "skrzynk",
    "рассылк",
];

/// Whether a block (lower-case) asks the reader to subscribe to a mailing.
pub fn is_subscribe_pitch(lower: &str) -> bool {
    // Searchers built once (`str::contains` sets one up on every call),
    // and cheap to build: a page may ask only once.
    type Finders = Vec<memchr::memmem::Finder<'static>>;
    static FINDERS: LazyLock<(Finders, Finders)> = LazyLock::new(|| {
        let build = |words: &[&'static str]| -> Finders {
            words
                .iter()
                .map(|w| memchr::memmem::Finder::new(w.as_bytes()))
                .collect()
        };
        (build(SUBSCRIBE_ACTIONS), build(SUBSCRIBE_CHANNELS))
    });
    let (actions, channels) = &*FINDERS;
    let has = |fs: &Finders| fs.iter().any(|f| f.find(lower.as_bytes()).is_some());
    let found = has(actions) && has(channels);
    debug_assert_eq!(
        found,
        SUBSCRIBE_ACTIONS.iter().any(|c| lower.contains(c))
            && SUBSCRIBE_CHANNELS.iter().any(|c| lower.contains(c))
    );
    found
}

/// Stems that name what a paywall asks for: a subscription, an account,
/// a log-in. A notice holds one; "To continue reading about the pool,
/// scroll down" does not.
const PAYWALL_CUES: &[&str] = &[
    "subscri", "abonn", "log in", "login", "log-in", "sign in", "einlogg", "anmeld", "registr",
    "connect", "member", "mitglied", "premium", "plus", "suscri", "zaloguj", "prenumer",
    "subskryp", "assin",
];

/// Whether a line (lower-case) opens a paywall notice: a paywall opening,
/// and a word for what it asks the reader to buy or sign into.
pub fn is_paywall_notice(lower: &str) -> bool {
    let t = lower.trim_start();
    PAYWALL_OPENINGS.iter().any(|p| t.starts_with(p))
        && (PAYWALL_CUES.iter().any(|c| {
            // At the start of a word: "remember" holds no "member".
            t.match_indices(c).any(|(i, _)| {
                !t[..i].chars().next_back().is_some_and(char::is_alphanumeric)
            })
        })
            // German "Abo" (subscription), as a word: "about" is not one.
            || t.split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "abo" || w == "abos"))
}

/// Nouns that, as the last word of a short line, head a comment thread:
/// "Top Rated Comments", "[ 167 comments ]", "12 Kommentare".
const COMMENT_NOUNS: &[&str] = &[
    "comments",
    "kommentare",
    "commentaires",
    "comentarios",
    "comentários",
    "commenti",
    "komentarze",
    "komentarzy", // pl genitive: "15 komentarzy"
];

/// Words at most in a line that ends with a comment noun.
const COMMENT_NOUN_MAX_WORDS: usize = 4;

const COMMENT_HEADER_ENDINGS: &[&str] = &[
    " says:",
    " said:",
    " wrote:",
    " sagt:",
    " schreibt:",
    " meint:",
    " dit :",
    " dit:",
    " a écrit :",
    " napisał:",
    " napisała:",
    " dice:",
    " disse:",
    " ha detto:",
];

/// Verbs that link a name to its role in an author box: "Will Knight is a
/// senior writer for ...", "Anna Schmidt ist Redakteurin ...", "Marie Dupont
/// est journaliste ...". Matched with spaces around, lower-case.
const BIO_VERBS: &[&str] = &[
    " is a ", " is an ", " is the ", // en
    " ist ",    // de
    " est ",    // fr
    " jest ",   // pl
    " es ",     // es
    " é ",      // pt
    " è ",      // it
];

/// Roles named in an author box (the start of the word: "redakteur" also
/// finds "Redakteurin").
const BIO_ROLES: &[&str] = &[
    "writer",
    "editor",
    "reporter",
    "journalist",
    "correspondent",
    "columnist",
    "contributor",
    "author of",
    "redakteur",
    "autor",
    "korrespondent",
    "kolumnist",
    "volontär",
    "journaliste",
    "rédact",
    "chroniqueu",
    "dziennikar",
    "redaktor",
    "felietonist",
    "periodista",
    "redactor",
    "jornalista",
    "giornalista",
];

/// Words at most between the start of an author box and its role.
const BIO_ROLE_WORDS: usize = 12;

/// Whether a lower-cased text names a journalist's role ("writer",
/// "Redakteurin", "dziennikarz").
pub fn names_a_role(lower: &str) -> bool {
    BIO_ROLES.iter().any(|r| lower.contains(r))
}

/// Whether a word lower-cases to the first word of one of [`BIO_VERBS`].
fn is_bio_verb_word(word: &str) -> bool {
    debug_assert!(BIO_VERBS.iter().all(|v| {
        ["is", "ist", "est", "jest", "es", "é", "è"]
            .contains(&v.split_whitespace().next().unwrap_or_default())
    }));
    ["is", "ist", "est", "jest", "es"]
        .iter()
        .any(|v| word.eq_ignore_ascii_case(v))
        || ["é", "É", "è", "È"].contains(&word)
}

/// Whether a paragraph opens an author box: a name of two or three words,
/// a linking verb, and a journalist's role soon after ("Maria Lopez is a
/// staff reporter for the Valley Courier, covering ...").
pub fn is_author_bio(text: &str) -> bool {
    // The name's first two words open the text, capitalised: most
    // paragraphs fail here, before anything is joined or lower-cased.
    let mut tokens = text.split_whitespace();
    let capital =
        |w: Option<&str>| w.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    if !(capital(tokens.next()) && capital(tokens.next())) {
        return false;
    }
    // The verb follows a name of two or three words: the third or fourth
    // word is its first (lower-casing keeps words apart, and only these
    // spellings lower-case to a verb's first word).
    if !tokens.take(2).any(is_bio_verb_word) {
        return false;
    }
    let head: String = text
        .split_whitespace()
        .take(BIO_ROLE_WORDS)
        .collect::<Vec<_>>()
        .join(" ");
    let lower = head.to_lowercase();
    let Some((verb_at, _)) = BIO_VERBS
        .iter()
        .filter_map(|v| lower.find(v).map(|at| (at, v)))
        .min()
    else {
        return false;
    };
    // The name is the words before the verb. They are counted in the
    // lower-cased copy and taken from `head`: lower-casing can change a
    // character's byte length (ẞ, İ, the Kelvin sign), so `verb_at` is no
    // offset into `head`, but it never adds or removes whitespace.
    let words = lower[..verb_at].split_whitespace().count();
    (2..=3).contains(&words)
        && head
            .split_whitespace()
            .take(words)
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && BIO_ROLES.iter().any(|r| lower[verb_at..].contains(r))
}

/// Openings of the "read more" link under a teaser's summary: "Weiterlesen
/// … <title>", "Read more", "Lire la suite". Two of them after an article
/// show a list of teasers.
const READ_MORE: &[&str] = &[
    "read more",
    "continue reading",
    "read full story",
    "weiterlesen",
    "mehr lesen",
    "lire la suite",
    "czytaj dalej",
    "czytaj więcej",
    "leer más",
    "leia mais",
    "continua a leggere",
    "阅读全文", // zh "read the full text"
];

/// Whether a short line (lower-case) is a teaser's "read more" link.
pub fn is_read_more(lower: &str) -> bool {
    let t = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    READ_MORE.iter().any(|p| t.starts_with(p))
}

/// Headings of the two lists of a recipe or a how-to: what it takes and
/// what to do.
const RECIPE_SECTIONS: &[&str] = &[
    "ingredients",
    "directions",
    "instructions",
    "method",
    "preparation",
    "zutaten",
    "zubereitung",
    "anleitung",
    "ingrédients",
    "préparation",
    "składniki",
    "przygotowanie",
    "sposób przygotowania",
    "ingredientes",
    "preparación",
    "modo de preparo",
    "ingredienti",
    "preparazione",
    "材料",
    "配料",
    "做法",
];

/// Words at most after a section heading that counts servings ("für 4
/// Personen", "for 2 servings").
const RECIPE_SERVINGS_WORDS: usize = 4;

/// Whether a line (lower-case) heads a recipe's list of ingredients or of
/// steps: "Zutaten", "Ingredients:", "Zubereitung", "Zutaten für 4
/// Personen".
pub fn is_recipe_section(lower: &str) -> bool {
    let t = lower
        .trim()
        .trim_end_matches(|c: char| c == ':' || c == '：' || c.is_whitespace());
    RECIPE_SECTIONS.iter().any(|&w| {
        t == w
            || t.strip_prefix(w)
                .and_then(|rest| rest.strip_prefix(' '))
                .is_some_and(|rest| {
                    rest.chars().any(|c| c.is_ascii_digit())
                        && rest.split_whitespace().count() <= RECIPE_SERVINGS_WORDS
                })
    })
}

/// Calls to action that close a promotion box (a seminar, a download, a
/// newsletter): "mehr erfahren", "Jetzt herunterladen!".
const CALL_TO_ACTION_ENDINGS: &[&str] = &[
    "learn more",
    "find out more",
    "download now",
    "sign up now",
    "register now",
    "mehr erfahren",
    "jetzt herunterladen",
    "jetzt anmelden",
    "jetzt buchen",
    "jetzt bestellen",
    "hier anmelden",
    "en savoir plus",
    "télécharger",
    "inscrivez-vous",
    "dowiedz się więcej",
    "zapisz się",
    "pobierz",
    "saber más",
    "saiba mais",
    "了解更多", // zh "learn more"
];

/// Words at most in a `CALL_TO_ACTION_ENDINGS` entry: a longer unit is
/// no call to action.
pub const CALL_TO_ACTION_MAX_WORDS: usize = 4;

/// Whether a line (lower-case) is only a call to action: the button of a
/// promotion box.
pub fn is_call_to_action(lower: &str) -> bool {
    let t = lower.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '!' | '.' | '»' | '›' | '>' | '→')
    });
    CALL_TO_ACTION_ENDINGS.contains(&t)
}

/// Words that open a "more of the same" heading over a teaser list: "More
/// Great WIRED Stories", "Weitere Nachrichten", "Plus d'actualités",
/// "Więcej artykułów", "Más noticias".
const MORE_OPENERS: &[&str] = &[
    "more",    // en
    "mehr",    // de
    "weitere", // de
    "plus",    // fr
    "więcej",  // pl
    "más",     // es
    "mais",    // pt
    "altri",   // it
    "altre",   // it
    "other",   // en
    "andere",  // de
    "autres",  // fr
    "otras",   // es
    "otros",   // es
    "outras",  // pt
    "outros",  // pt
    "inne",    // pl
];

/// Nouns for other articles that close such a heading (any word after the
/// opener), so that "more than ever" or "weitere Schritte" is no heading.
const MORE_NOUNS: &[&str] = &[
    "stories",
    "articles",
    "news",
    "posts",
    "headlines",
    "artikel",
    "beiträge",
    "nachrichten",
    "meldungen",
    "news-artikel",
    "actualités",
    "actus",
    "artykułów",
    "wiadomości",
    "tekstów",
    "noticias",
    "artículos",
    "notícias",
    "artigos",
    "articoli",
    "notizie",
    // Topics and contents of the site ("Weitere Themen", "Otros temas").
    "topics",
    "themen",
    "inhalte",
    "temas",
    "sujets",
    "tematy",
];

/// Words at most in a "more stories" heading.
const MORE_MAX_WORDS: usize = 5;

/// Whether a short line (lower-case) heads a list of other articles:
/// an opener such as "more" or "weitere" and a noun such as "stories" or
/// "Nachrichten" within `MORE_MAX_WORDS` words.
pub fn is_more_stories(lower: &str) -> bool {
    let mut words = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty());
    // The opener first: most lines stop here.
    if !words.next().is_some_and(|w| MORE_OPENERS.contains(&w)) {
        return false;
    }
    let mut n = 1;
    let mut noun = false;
    for w in words {
        n += 1;
        if n > MORE_MAX_WORDS {
            return false;
        }
        noun |= MORE_NOUNS.contains(&w);
    }
    n >= 2 && noun
}

/// The kind of end-of-article zone a short line opens, if it opens one.
/// `lower` must already be lower-case; a count may precede the phrase
/// ("12 Comments").
pub fn end_kind(lower: &str) -> Option<Kind> {
    let t = lower
        .trim_start_matches(|c: char| {
            c.is_ascii_digit() || c.is_whitespace() || matches!(c, '[' | '(' | '»' | '›')
        })
        .trim_end_matches([']', ')'])
        .trim();
    // Every header ending ends with a colon.
    if t.ends_with(':') && COMMENT_HEADER_ENDINGS.iter().any(|e| t.ends_with(e)) {
        return Some(Kind::Comments);
    }
    // The last of at most COMMENT_NOUN_MAX_WORDS words.
    let mut words = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let mut last = None;
    for (n, w) in words.by_ref().enumerate() {
        if n == COMMENT_NOUN_MAX_WORDS {
            last = None;
            break;
        }
        last = Some(w);
    }
    if last.is_some_and(|w| COMMENT_NOUNS.contains(&w)) {
        return Some(Kind::Comments);
    }
    if is_more_stories(t) {
        return Some(Kind::Related);
    }
    // END_PHRASES by their first byte, in list order: only those can open `t`.
    static BY_FIRST_BYTE: LazyLock<Vec<Vec<usize>>> = LazyLock::new(|| {
        let mut index = vec![Vec::new(); 256];
        for (i, (p, _)) in END_PHRASES.iter().enumerate() {
            index[usize::from(p.as_bytes()[0])].push(i);
        }
        index
    });
    let first = *t.as_bytes().first()?;
    let found = BY_FIRST_BYTE[usize::from(first)]
        .iter()
        .map(|&i| END_PHRASES[i])
        .find(|(p, _)| t.starts_with(p))
        .map(|(_, k)| k);
    debug_assert_eq!(
        found,
        END_PHRASES
            .iter()
            .find(|(p, _)| t.starts_with(p))
            .map(|&(_, k)| k)
    );
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_word_digit_test_rules_out_no_gallery_counter() {
        let plain = |t: &str| {
            t.split_whitespace()
                .nth(1)
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        };
        for t in [
            "",
            "image",
            "image 1 of 5",
            "  bild 3 von 12",
            "foto\u{a0}2 z 9",
            "zdjęcie 1 z 4",
            "photo\t4 / 7",
            "the 3 best",
            "plain words here",
            "x y",
            "x  7",
        ] {
            if plain(t) {
                assert!(second_word_may_open_with_digit(t), "{t:?}");
            }
        }
        assert!(!second_word_may_open_with_digit("plain words here"));
        assert!(is_gallery_counter("image 1 of 5"));
        assert!(is_gallery_counter("zdjęcie 1 z 4"));
        assert!(is_gallery_counter("foto\u{a0}2 z 9"));
        assert!(!is_gallery_counter("image one of five"));
    }

    #[test]
    fn calls_to_action_fit_their_word_bound() {
        for e in CALL_TO_ACTION_ENDINGS {
            assert!(
                crate::util::words::word_count(e) <= CALL_TO_ACTION_MAX_WORDS,
                "{e}"
            );
        }
    }

    #[test]
    fn splits_attr_words() {
        assert_eq!(attr_words("entry-content"), ["entry", "content"]);
        assert_eq!(attr_words("postNavLinks"), ["post", "nav", "links"]);
        assert_eq!(attr_words("gdpr-Paragraph"), ["gdpr", "paragraph"]);
        assert_eq!(attr_words("MsoHeader"), ["mso", "header"]);
    }

    /// The ASCII reading of a value answers as the character loop does.
    #[test]
    fn ascii_reading_equals_char_reading() {
        use proptest::prelude::*;
        let by_chars = |v: &str| {
            let (mut buf, mut ends) = (String::new(), Vec::new());
            let hiding = attr_words_into(v, &mut buf, &mut ends);
            let mut fold = InfoFold::default();
            let mut start = 0;
            for &end in &ends {
                fold.word(&buf[start..end]);
                start = end;
            }
            fold.finish(hiding)
        };
        let ascii = |v: &str| attr_info_ascii(v, &v.to_ascii_lowercase());
        for v in [
            "",
            " ",
            "entry-content",
            "postNavLinks  x\u{b}y",
            "HTMLParser sr-only",
            "a2aShare_Buttons-3x lg:hidden",
            "text-center bg-share-blue Is-Hidden",
            "AuthorBio readMore YouMay",
            "Author Bio",
        ] {
            assert_eq!(ascii(v), by_chars(v), "{v:?}");
        }
        let words = "(hidden|sr-only|Text-|col-|Nav|share|author|Bio|read|More|entry|Content|\
                     article|Body|tooltip|[a-zA-Z0-9]{1,4}|[ _:.-]|\t|\u{b})";
        proptest!(|(v in format!("{words}{{0,8}}").as_str())| {
            prop_assert_eq!(ascii(&v), by_chars(&v));
        });
        proptest!(|(v in "[a-zA-Z0-9 _:.\\-\t\n\u{b}\u{c}\r]{0,40}")| {
            prop_assert_eq!(ascii(&v), by_chars(&v));
        });
    }

    #[test]
    fn shapes_never_refuse_a_word_of_the_table() {
        for w in WORD_INFO.keys() {
            assert!(WORD_SHAPES.may_hold(w), "{w}");
        }
        let shapes = Shapes::of(["nav", "a-very-long-class-word-of-many-letters"]);
        assert!(shapes.may_hold("nav"));
        assert!(!shapes.may_hold("navs") && !shapes.may_hold("bar"));
        assert!(shapes.may_hold("a-very-long-class-word-of-many-letters-and-more"));
    }

    #[test]
    fn attr_kinds() {
        let kind = |v: &str| attr_info(v).kind;
        assert_eq!(kind("main-navigation"), Some(Kind::Navigation));
        assert_eq!(kind("sharedaddy sd-sharing"), Some(Kind::Share));
        assert_eq!(kind("jp-relatedposts"), Some(Kind::Related));
        assert_eq!(kind("author-bio"), Some(Kind::Footer));
        assert_eq!(kind("comment-respond"), Some(Kind::Comments));
        assert_eq!(kind("entry-content"), None);
        assert_eq!(kind("field field--label-hidden"), None);
        assert!(!attr_info("font-serif text-blue-500 text-center").content);
        assert!(attr_info("entry-content text-lg").content);
        assert!(attr_info("entry-content").body);
        assert!(attr_info("articleBody").body);
        assert!(!attr_info("entry-meta").body);
        assert_eq!(kind("note sr-only"), Some(Kind::Other));
        // Whole words only: "shadow" is not "ad", "header" is not "read".
        assert_eq!(kind("shadow-box"), None);
        assert_eq!(kind("loaded"), None);
        assert!(attr_info("x-rollover-card").hover);
        assert!(!attr_info("rolled-over").hover);
    }

    /// [`attr_info`] reads each list through the one word table: every
    /// listed word and pair, alone as a class value, says what its list says.
    #[test]
    fn word_table_agrees_with_the_lists() {
        let alone = |w: &str| {
            attr_words(w) == [w] && !HIDING_TOKENS.iter().any(|h| w.eq_ignore_ascii_case(h))
        };
        for &(w, _) in ATTR_WORDS.iter().filter(|(w, _)| alone(w)) {
            let first = ATTR_WORDS.iter().find(|(x, _)| *x == w).map(|&(_, k)| k);
            assert_eq!(attr_info(w).kind, first, "{w}");
        }
        for &(a, b, _) in ATTR_PAIRS.iter().filter(|(a, b, _)| alone(a) && alone(b)) {
            let first = ATTR_PAIRS
                .iter()
                .find(|(x, y, _)| (*x, *y) == (a, b))
                .map(|&(_, _, k)| k);
            assert_eq!(attr_info(&format!("{a}-{b}")).kind, first, "{a}-{b}");
        }
        for &w in CONTENT_WORDS.iter().filter(|w| alone(w)) {
            assert!(attr_info(w).content, "{w}");
        }
        for &w in BODY_WORDS.iter().filter(|w| alone(w)) {
            assert!(attr_info(w).body, "{w}");
        }
        for &a in BODY_FIRST {
            for &b in BODY_SECOND {
                assert!(attr_info(&format!("{a}-{b}")).body, "{a}-{b}");
            }
        }
        for &w in HOVER_WORDS {
            assert!(attr_info(w).hover, "{w}");
        }
        assert_eq!(attr_info("plain-words"), AttrInfo::default());
    }

    #[test]
    fn phrases_and_share_lines() {
        assert_eq!(phrase_kind("subscribe to updates"), Some(Kind::Subscribe));
        assert_eq!(phrase_kind("leave a reply"), Some(Kind::Comments));
        assert_eq!(phrase_kind("the quick brown fox"), None);
        // Phrases count at a word start only, but for the heads that
        // compounds are built on, and for scripts without spaces.
        assert_eq!(phrase_kind("alles gleichmäßig verteilen."), None);
        assert_eq!(phrase_kind("wir werden es ihnen mitteilen"), None);
        assert_eq!(phrase_kind("we spread more mulch in spring"), None);
        assert_eq!(phrase_kind("the house is almost ready"), None);
        assert_eq!(phrase_kind("artikel teilen"), Some(Kind::Share));
        assert_eq!(phrase_kind("(teilen)"), Some(Kind::Share));
        assert_eq!(
            phrase_kind("jetzt den kundennewsletter bestellen"),
            Some(Kind::Subscribe)
        );
        assert_eq!(
            phrase_kind("unsubscribe at any time"),
            Some(Kind::Subscribe)
        );
        assert_eq!(phrase_kind("この関連記事を読む"), Some(Kind::Related));
        assert!(is_share_line(
            "facebook twitter pinterest linkedin tumblr whatsapp vkontakte email"
        ));
        assert!(is_share_line("facebook x (twitter) instagram"));
        assert!(!is_share_line("facebook bought instagram"));
        assert!(!is_share_line("x"));
    }

    #[test]
    fn cookie_notices() {
        assert!(is_cookie_notice(
            "our website uses cookies to improve its performance."
        ));
        assert!(is_cookie_notice(
            "wir verwenden cookies, um ihnen die nutzung der webseite zu erleichtern."
        ));
        assert!(!is_cookie_notice(
            "bake the cookies for twelve minutes until golden."
        ));
    }

    #[test]
    fn end_zone_headings() {
        assert_eq!(end_kind("related posts"), Some(Kind::Related));
        assert_eq!(end_kind("12 comments"), Some(Kind::Comments));
        assert_eq!(end_kind("[ 167 comments ]"), Some(Kind::Comments));
        assert_eq!(end_kind("top rated comments"), Some(Kind::Comments));
        assert_eq!(end_kind("15 komentarzy"), Some(Kind::Comments));
        assert_eq!(end_kind("você pode gostar..."), Some(Kind::Related));
        assert_eq!(
            end_kind("what readers say about the comments in parliament"),
            None
        );
        assert_eq!(end_kind("leave a reply cancel reply"), Some(Kind::Comments));
        assert_eq!(end_kind("author bio"), Some(Kind::Footer));
        assert_eq!(end_kind("1. borchert sagt:"), Some(Kind::Comments));
        assert_eq!(
            end_kind("alex on may 3, 2019 at 6:34 am said:"),
            Some(Kind::Comments)
        );
        assert_eq!(end_kind("no comments yet on this"), None);
        assert_eq!(end_kind("more great wired stories"), Some(Kind::Related));
        assert_eq!(
            end_kind("weitere nachrichten aus bayern"),
            Some(Kind::Related)
        );
        assert_eq!(end_kind("plus d'actualités"), Some(Kind::Related));
        assert_eq!(end_kind("więcej artykułów"), Some(Kind::Related));
        assert_eq!(end_kind("otras noticias"), Some(Kind::Related));
        assert_eq!(end_kind("war dieser artikel nützlich?"), Some(Kind::Footer));
        assert_eq!(end_kind("was this article helpful?"), Some(Kind::Footer));
        assert!(is_embed_consent("externer inhalt"));
        assert!(is_embed_consent("zustimmen und inhalt laden"));
        assert!(is_embed_consent(
            "ich bin einverstanden, dass mir externe inhalte angezeigt werden."
        ));
        assert!(!is_embed_consent(
            "the new content system loads data from the archive every night."
        ));
        assert_eq!(end_kind("verwandte themen"), Some(Kind::Related));
        assert_eq!(end_kind("weitere inhalte:"), Some(Kind::Related));
        assert_eq!(end_kind("andere meinung"), None);
        assert_eq!(end_kind("more than ever"), None);
        assert_eq!(
            end_kind("auch lesen: diese 3 sternzeichen"),
            Some(Kind::Related)
        );
        assert!(is_author_bio(
            "Maria Lopez is a staff reporter for the Valley Courier, covering schools."
        ));
        assert!(is_author_bio(
            "Anna Schmidt ist Redakteurin im Ressort Politik und schreibt über Europa."
        ));
        assert!(!is_author_bio(
            "The council is a body of elected members that meets every month."
        ));
        assert!(!is_author_bio(
            "Berlin ist eine Stadt, in der viele Journalisten leben und arbeiten."
        ));
        assert_eq!(end_kind("weitere schritte folgen"), None);
        assert_eq!(end_kind("the comments were clear"), None);
    }

    #[test]
    fn recipe_sections() {
        assert!(is_recipe_section("zutaten"));
        assert!(is_recipe_section("ingredients:"));
        assert!(is_recipe_section(" składniki : "));
        assert!(is_recipe_section("zutaten für 4 personen"));
        assert!(!is_recipe_section("zutaten für vier personen kaufen"));
        assert!(!is_recipe_section("methods of payment"));
    }

    #[test]
    fn read_also_openers_in_more_languages() {
        assert_eq!(
            end_kind("lesen sie hier: neue regeln für radfahrer"),
            Some(Kind::Related)
        );
        assert_eq!(
            end_kind("mira: el alcalde inaugura la plaza"),
            Some(Kind::Related)
        );
        assert_eq!(
            end_kind("lee también: la plaza abre el lunes"),
            Some(Kind::Related)
        );
        assert_eq!(
            end_kind("leia também: a praça abre na segunda"),
            Some(Kind::Related)
        );
        assert_eq!(end_kind("mirador sobre la bahía"), None);
        assert_eq!(
            end_kind("lesen sie hier, was die pläne für pendler bedeuten."),
            None
        );
    }

    /// `end_kind` tries the comment-header endings only on lines ending in
    /// an ASCII colon: every ending must end in one.
    #[test]
    fn comment_header_endings_end_in_a_colon() {
        for e in COMMENT_HEADER_ENDINGS {
            assert!(e.ends_with(':'), "{e:?}");
        }
    }

    /// Lower-casing changes the byte length of ẞ, İ and the Kelvin sign:
    /// a name holding them must neither panic nor shift the name's words.
    #[test]
    fn author_bio_with_letters_that_change_length_when_lower_cased() {
        assert!(is_author_bio(
            "JÖRG GROẞ ist Redakteur bei der Zeitung und schreibt über Sport."
        ));
        assert!(is_author_bio(
            "İlkay Yıldız ist Redakteurin im Ressort Wirtschaft der Zeitung."
        ));
        assert!(!is_author_bio(
            "ẞẞẞẞ ẞẞẞẞ ẞẞẞẞ ẞẞ ist ein Wort, kein Redakteur."
        ));
    }
}
