//! Share bars and follow lines: share targets, social networks, prompts to
//! print or pass the page on.

use std::sync::LazyLock;

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
