//! Phrases that, as (most of) a short block, name it boilerplate: share
//! bars, subscribe boxes, comment prompts, copyright lines.

use crate::model::block::Kind;

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


#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::social::is_share_line;

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

    /// One automaton pass finds what a scan of the list finds: the first
    /// phrase the text holds at a word start.
    #[test]
    fn one_pass_agrees_with_the_list() {
        let mut texts: Vec<String> = crate::util::samples::lines().iter().map(|l| l.to_lowercase()).collect();
        for (p, _) in PHRASES {
            texts.extend([p.to_string(), format!("x {p} y"), format!("x{p}"), format!("{p}s and more")]);
        }
        for t in &texts {
            let plain = PHRASES
                .iter()
                .position(|(p, _)| t.match_indices(p).any(|(at, _)| phrase_starts_word(t, at, p)))
                .map(|i| PHRASES[i].1);
            assert_eq!(phrase_kind(t), plain, "{t:?}");
        }
    }
}
