//! The boilerplate vocabulary, grouped by kind: written once, used by the
//! HTML pruner (class, id, role words) and by the block classifier (phrases in
//! short blocks of HTML and of text dumps).
//!
//! Attribute words are matched whole, after splitting `class`/`id` values at
//! `-`, `_`, spaces and camelCase humps, so `gdpr-Paragraph` never matches
//! `graph` and `MsoHeader` never matches `header` by accident of a substring.

use crate::block::Kind;

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
    ("banner", Kind::Other),
    ("tags", Kind::Other),
    ("tagcloud", Kind::Other),
    ("hidden", Kind::Other),
    ("hide", Kind::Other),
    ("sronly", Kind::Other), // "sr-only": text for screen readers only
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
    ("screen", "reader", Kind::Other),
    ("visually", "hidden", Kind::Other),
    ("sr", "only", Kind::Other),
    ("read", "more", Kind::Related),
    ("more", "stories", Kind::Related),
    ("you", "may", Kind::Related),
    ("tag", "list", Kind::Other),
    ("post", "tags", Kind::Other),
    ("sign", "up", Kind::Subscribe),
    ("opt", "in", Kind::Subscribe),
];

/// Split one class or id value into lower-case words at `-`, `_`, `.`, `:`,
/// spaces, digits-to-letters and camelCase humps.
pub fn attr_words(value: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in value.chars() {
        if c.is_alphanumeric() {
            if c.is_uppercase() && prev_lower && !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
            cur.extend(c.to_lowercase());
        } else {
            prev_lower = false;
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// The boilerplate kind named by one class/id value, if any.
pub fn attr_kind(value: &str) -> Option<Kind> {
    let words = attr_words(value);
    for pair in words.windows(2) {
        for &(a, b, kind) in ATTR_PAIRS {
            if pair[0] == a && pair[1] == b {
                return Some(kind);
            }
        }
    }
    for w in &words {
        for &(word, kind) in ATTR_WORDS {
            if w == word {
                return Some(kind);
            }
        }
    }
    None
}

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

/// Whether a class/id value names article content ("entry-content",
/// "article__body", "postText").
pub fn attr_is_content(value: &str) -> bool {
    attr_words(value)
        .iter()
        .any(|w| CONTENT_WORDS.contains(&w.as_str()))
}

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
    // Cookie
    ("cookie", Kind::Cookie),
    ("we use cookies", Kind::Cookie),
    ("accept all", Kind::Cookie),
    ("alle akzeptieren", Kind::Cookie),
    ("tout accepter", Kind::Cookie),
    // Comments
    ("leave a reply", Kind::Comments),
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
    ("datenschutz", Kind::Footer),
    ("mentions légales", Kind::Footer),
    ("powered by", Kind::Footer),
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

/// The kind of boilerplate a short block's wording names, if any.
/// `text` must already be lower-case.
pub fn phrase_kind(lower: &str) -> Option<Kind> {
    PHRASES
        .iter()
        .find(|(p, _)| lower.contains(p))
        .map(|&(_, k)| k)
}

/// Names of share targets and social networks, and the words of a share
/// bar. A short line made only of these is a share bar or a follow bar.
const SHARE_WORDS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "pinterest",
    "whatsapp",
    "email",
    "e-mail",
    "mail",
    "print",
    "reddit",
    "tumblr",
    "vkontakte",
    "vk",
    "telegram",
    "messenger",
    "share",
    "shares",
    "tweet",
    "pocket",
    "flipboard",
    "xing",
    "instagram",
    "youtube",
    "vimeo",
    "threads",
    "mastodon",
    "bluesky",
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
    "tiktok",
    "snapchat",
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

/// Whether a short block consists only of share-bar / social-network words.
pub fn is_share_line(lower: &str) -> bool {
    let mut n = 0;
    for tok in lower.split(|c: char| c.is_whitespace() || c == '|' || c == '·' || c == ',') {
        if tok.is_empty() {
            continue;
        }
        if !SHARE_WORDS.contains(&tok) && !tok.chars().all(|c| c.is_ascii_digit() || c == 'k') {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_attr_words() {
        assert_eq!(attr_words("entry-content"), ["entry", "content"]);
        assert_eq!(attr_words("postNavLinks"), ["post", "nav", "links"]);
        assert_eq!(attr_words("gdpr-Paragraph"), ["gdpr", "paragraph"]);
        assert_eq!(attr_words("MsoHeader"), ["mso", "header"]);
    }

    #[test]
    fn attr_kinds() {
        assert_eq!(attr_kind("main-navigation"), Some(Kind::Navigation));
        assert_eq!(attr_kind("sharedaddy sd-sharing"), Some(Kind::Share));
        assert_eq!(attr_kind("jp-relatedposts"), Some(Kind::Related));
        assert_eq!(attr_kind("author-bio"), Some(Kind::Footer));
        assert_eq!(attr_kind("comment-respond"), Some(Kind::Comments));
        assert_eq!(attr_kind("entry-content"), None);
        // Whole words only: "shadow" is not "ad", "header" is not "read".
        assert_eq!(attr_kind("shadow-box"), None);
        assert_eq!(attr_kind("loaded"), None);
    }

    #[test]
    fn phrases_and_share_lines() {
        assert_eq!(phrase_kind("subscribe to updates"), Some(Kind::Subscribe));
        assert_eq!(phrase_kind("leave a reply"), Some(Kind::Comments));
        assert_eq!(phrase_kind("the quick brown fox"), None);
        assert!(is_share_line(
            "facebook twitter pinterest linkedin tumblr whatsapp vkontakte email"
        ));
        assert!(is_share_line("facebook x (twitter) instagram"));
        assert!(!is_share_line("facebook bought instagram"));
        assert!(!is_share_line("x"));
    }
}
