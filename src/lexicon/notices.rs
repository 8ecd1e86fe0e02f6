//! Notices laid over or into the article: cookie and consent notices,
//! placeholders of embedded posts, subscription pitches, paywalls.

use std::sync::LazyLock;

use crate::util::matchers::Families;

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

/// Pieces of which every [`EMBED_CONTENT`] word holds one ("conte" for
/// content, contenu, contenido, conteúdo; "treś" for treść, treści).
const CONTENT_PIECES: [&str; 4] = ["conte", "inhalt", "treś", "内容"];

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
        LazyLock::new(|| CONTENT_PIECES.map(memchr::memmem::Finder::new));
    if !PIECES.iter().any(|p| p.find(lower.as_bytes()).is_some()) || !CONTENT.is_match(lower) {
        return false;
    }
    let found = FAMILIES.found(lower);
    let has = |family: u32| found & (1 << family) != 0;
    if !has(0) {
        return false;
    }
    let (load, consent, external, data) = (has(1), has(2), has(3), has(4));
    let act = load || consent;
    let label = || lower.split_whitespace().nth(EMBED_LABEL_WORDS).is_none();
    (external && (act || label())) || (data && act) || (load && consent && label())
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
    has(actions) && has(channels)
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


#[cfg(test)]
mod tests {
    use super::*;

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

    /// Every content word holds a piece of the prefilter, so the prefilter
    /// rules out no line that names content.
    #[test]
    fn content_pieces_cover_every_content_word() {
        for w in EMBED_CONTENT {
            assert!(CONTENT_PIECES.iter().any(|p| w.contains(p)), "{w:?}");
        }
    }

    /// One pass over a line finds the families that separate searches
    /// find, and the subscribe test the words that `contains` finds.
    #[test]
    fn one_pass_searches_agree_with_plain_ones() {
        let lists = [EMBED_CONTENT, EMBED_LOAD, EMBED_CONSENT, EMBED_EXTERNAL, EMBED_DATA];
        let families = Families::new(&lists);
        let mut lines: Vec<String> = crate::util::samples::lines().iter().map(|l| l.to_lowercase()).collect();
        for list in lists.iter().chain([&SUBSCRIBE_ACTIONS, &SUBSCRIBE_CHANNELS]) {
            lines.extend(list.iter().map(|w| format!("x {w} y")));
        }
        for l in &lines {
            let found = families.found(l);
            for (f, words) in lists.iter().enumerate() {
                assert_eq!(found & (1 << f) != 0, words.iter().any(|w| l.contains(w)), "{l:?} {f}");
            }
            let plain = SUBSCRIBE_ACTIONS.iter().any(|c| l.contains(c))
                && SUBSCRIBE_CHANNELS.iter().any(|c| l.contains(c));
            assert_eq!(is_subscribe_pitch(l), plain, "{l:?}");
        }
    }
}
