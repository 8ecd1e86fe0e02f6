//! What closes an article: the headings of the zone after it (related
//! posts, comments, "more stories"), comment thread headers, "read more"
//! links and calls to action.

use std::sync::LazyLock;

use crate::model::block::Kind;

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

/// How the header line of one comment ends ("Jane says:", "Max sagt:",
/// "Alex on May 3, 2019 at 6:34 am said:"): the first one opens the thread.
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

/// Words at most in a [`CALL_TO_ACTION_ENDINGS`] entry: a longer unit is
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
/// "Nachrichten" within [`MORE_MAX_WORDS`] words.
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
    end_phrase_kind(t)
}

/// The kind of the first of [`END_PHRASES`] that opens `t`.
fn end_phrase_kind(t: &str) -> Option<Kind> {
    // END_PHRASES by their first byte, in list order: only those can open `t`.
    static BY_FIRST_BYTE: LazyLock<Vec<Vec<usize>>> = LazyLock::new(|| {
        let mut index = vec![Vec::new(); 256];
        for (i, (p, _)) in END_PHRASES.iter().enumerate() {
            index[usize::from(p.as_bytes()[0])].push(i);
        }
        index
    });
    let first = *t.as_bytes().first()?;
    BY_FIRST_BYTE[usize::from(first)]
        .iter()
        .map(|&i| END_PHRASES[i])
        .find(|(p, _)| t.starts_with(p))
        .map(|(_, k)| k)
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::bylines::is_author_bio;
    use crate::lexicon::notices::is_embed_consent;

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

    /// The index by first byte finds what a scan of the list finds: the
    /// first phrase that opens the text.
    #[test]
    fn first_byte_index_agrees_with_the_list() {
        let mut texts: Vec<String> = crate::util::samples::lines().iter().map(|l| l.to_lowercase()).collect();
        for (p, _) in END_PHRASES {
            let cut = p.char_indices().last().map_or(0, |(i, _)| i);
            texts.extend([p.to_string(), format!("{p} and more"), p[..cut].to_string()]);
        }
        for t in &texts {
            let plain = END_PHRASES.iter().find(|(p, _)| t.starts_with(p)).map(|&(_, k)| k);
            assert_eq!(end_phrase_kind(t), plain, "{t:?}");
        }
    }
}
