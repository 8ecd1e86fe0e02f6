//! Bylines and author boxes: the words that open a byline, a post's
//! publication line, a staff credit, an "About the author" heading and an
//! author's biography.

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


/// Lead-ins that introduce a byline, lower-case.
pub const BYLINE_LABELS: &[&str] = &[
    "by",
    "von",
    "par",
    "por",
    "door",
    "autor",
    "autorin",
    "author",
    "text",
    "written by",
];

/// Labels that, alone in an element, put the author's name in the next
/// one ("<strong>Autor:</strong> <a>Jane Doe</a>"). Only unambiguous
/// labels: "von" or "by" alone also precede dates and places.
pub const BYLINE_TAGS: &[&str] = &[
    "autor",
    "autorin",
    "author",
    "text",
    "written by",
    "geschrieben von",
];

/// Words that open a short byline ("von Jane Doe").
pub const BYLINE_LEADS: &[&str] = &["von", "by", "par", "por", "door"];

/// Path segments of an author's profile page ("/author/jane-doe/",
/// "/autoren/georg-quaas/").
pub const AUTHOR_PATHS: &[&str] = &[
    "author", "authors", "autor", "autoren", "autorin", "auteur", "auteurs", "autore",
];


#[cfg(test)]
mod tests {
    use super::*;

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

    /// Every linking verb of [`BIO_VERBS`] opens with a word that
    /// `is_bio_verb_word` knows.
    #[test]
    fn bio_verbs_open_with_a_known_word() {
        for v in BIO_VERBS {
            let first = v.split_whitespace().next().unwrap_or_default();
            assert!(is_bio_verb_word(first), "{v:?}");
        }
    }
}
