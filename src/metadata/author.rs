//! Author names: clean a raw byline into people's names.
//!
//! A byline is cut at the first digit or date-ish connector ("on", "am"),
//! stripped of lead-ins ("By", "Von", "Par", "Por", "Written by"), split
//! into several names at `;`, `|`, `,`, `&` and the word "and" in several
//! languages, and every part that is not plausibly a person is dropped:
//! URLs, e-mail addresses, @handles, role words ("admin", "staff",
//! "Redaktion") and the site's own name. Names are joined with "; ".

/// Lead-ins before a name, lower-case, longest first within a language.
const PREFIXES: &[&str] = &[
    // English
    "written by",
    "recipe by",
    "posted by",
    "published by",
    "authored by",
    "story by",
    "words by",
    "text by",
    "author:",
    "authors:",
    "author",
    "by:",
    "by",
    // WordPress author links ("View all posts by jane →")
    "view all posts by",
    "all posts by",
    "more posts by",
    "posts by",
    "zeige alle beiträge von",
    "alle beiträge von",
    "weitere beiträge von",
    "voir tous les articles de",
    "ver todas las entradas de",
    // German
    "geschrieben von",
    "veröffentlicht von",
    "ein artikel von",
    "artikel von:",
    "artikel von",
    "verfasst von",
    "ein beitrag von",
    "beitrag von",
    "autorin:",
    "autor:",
    "autoren:",
    "text:",
    "von:",
    "von",
    // French
    "écrit par",
    "publié par",
    "auteur :",
    "auteur:",
    "par",
    // Spanish, Portuguese
    "escrito por",
    "publicado por",
    "autor",
    "por:",
    "por",
    // Italian
    "scritto da",
    "di",
    // Dutch
    "geschreven door",
    "door",
    // Polish
    "autor:",
];

/// Words that name a role or the newsroom, not a person (compared on the
/// whole lower-cased name).
const NOT_PEOPLE: &[&str] = &[
    "admin",
    "administrator",
    "administrador",
    "webmaster",
    "staff",
    "editor",
    "editors",
    "editorial",
    "editorial staff",
    "editorial team",
    "the editors",
    "redaktion",
    "online-redaktion",
    "onlineredaktion",
    "redaction",
    "rédaction",
    "redacción",
    "redazione",
    "redactie",
    "redakcja",
    "guest",
    "gast",
    "anonymous",
    "anonym",
    "unknown",
    "user",
    "root",
    "author",
    "autor",
    "autorin",
    "team",
    "news",
    "home",
    "facebook",
    "twitter",
    "instagram",
    "linkedin",
    "email",
    "e-mail",
    "publisher",
    "copyright",
    // lead-in words left alone
    "veröffentlicht",
    "published",
    "posted",
    "by",
    "von",
    "par",
    "por",
    "door",
    // academic and professional credentials after a name
    "phd",
    "ph.d.",
    "md",
    "ms",
    "msc",
    "bsc",
    "mba",
    "rd",
    "rn",
    "dr.",
    "cpt",
];

/// First words of a photo credit, lower-case (several languages).
const PHOTO_WORDS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "image",
    "images",
    "picture",
    "credit",
    "foto",
    "fotos",
    "fotografie",
    "bild",
    "bilder",
    "bildquelle",
    "illustration",
    "fot",
    "zdjęcie",
    "фото",
    "світлина",
    "图片",
    "摄影",
    "写真",
];

/// Words of a company's legal form: a firm, not a person.
const LEGAL_FORMS: &[&str] = &[
    "gmbh", "ag", "inc", "inc.", "ltd", "ltd.", "llc", "e.v.", "kg", "co.", "s.a.", "s.l.", "gbr",
    "ug", "plc", "corp", "corp.", "sarl", "srl", "s.r.l.", "b.v.",
];

/// Words after which a byline stops being a name ("Jane Doe on May 3").
const STOP_WORDS: &[&str] = &[
    "on",
    "at",
    "in",
    "for",
    "via",
    "am",
    "um",
    "le",
    "el",
    "il",
    "em",
    "published",
    "updated",
    "veröffentlicht",
    "aktualisiert",
    "posted",
    "-",
    "—",
    "–",
];

/// Clean a raw author string into names joined with "; ", or `None`.
///
/// ```
/// use deboil::metadata::author::clean_author;
/// assert_eq!(clean_author("By Jane Doe", &[]).as_deref(), Some("Jane Doe"));
/// assert_eq!(clean_author("admin", &[]), None);
/// ```
pub fn clean_author(raw: &str, site_hints: &[String]) -> Option<String> {
    let raw = crate::util::spaces::clean(raw)?;
    if raw.chars().count() > 120 {
        return None;
    }
    // What follows a bar or bullet is a date, a role or a reading time.
    let raw = raw.split(['|', '•', '·']).next().unwrap_or("");
    let mut names: Vec<String> = Vec::new();
    for part in split_names(raw) {
        let Some(name) = clean_one(part, site_hints) else {
            continue;
        };
        if !names
            .iter()
            .any(|n| n.to_lowercase() == name.to_lowercase())
        {
            names.push(name);
        }
    }
    // Drop a name contained in another ("Doe" beside "Jane Doe").
    let all = names.clone();
    names.retain(|n| {
        !all.iter()
            .any(|m| m != n && m.to_lowercase().contains(&n.to_lowercase()))
    });
    (!names.is_empty()).then(|| names.join("; "))
}

/// True when a name is the site's own: equal to a normalised site-name
/// hint, or one of them nearly contains the other ("FinanceScout" on
/// financescout24).
fn is_site_name(name: &str, hints: &[String]) -> bool {
    let n = super::title::norm(name);
    hints.iter().any(|h| {
        !h.is_empty()
            && (*h == n
                || (n.len() >= 4 && h.contains(n.as_str()))
                || (h.len() >= 4 && n.contains(h.as_str()) && n.len() <= h.len() + 4))
    })
}

/// Split at list separators; "/" is kept because "dpa/AFP" names one
/// source.
fn split_names(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    for a in s.split([';', ',', '&', '\n']) {
        let mut rest = a;
        // " and " / " und " / " et " / " y " / " e " / " en " / " i "
        loop {
            let lower = rest.to_lowercase();
            let cut = [
                " and ", " und ", " et ", " y ", " e ", " en ", " i ", " oraz ",
            ]
            .iter()
            .filter_map(|w| lower.find(w).map(|i| (i, w.len())))
            .min();
            // Lower-casing can change byte lengths; only cut when it did not.
            match cut {
                Some((i, len)) if lower.len() == rest.len() => {
                    parts.push(&rest[..i]);
                    rest = &rest[i + len..];
                }
                _ => break,
            }
        }
        parts.push(rest);
    }
    parts
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if !head.eq_ignore_ascii_case(prefix) && head.to_lowercase() != prefix {
        return None;
    }
    let rest = &s[prefix.len()..];
    // A word prefix must be followed by a boundary.
    let boundary = prefix.ends_with(':')
        || rest.starts_with(|c: char| c.is_whitespace() || c == ':' || c == '.');
    boundary.then(|| rest.trim_start_matches([':', '.', ' ']).trim())
}

fn clean_one(part: &str, site_hints: &[String]) -> Option<String> {
    let mut s = part.trim();
    // Lead-ins, possibly repeated ("Text: Von Jane Doe").
    'outer: loop {
        for p in PREFIXES {
            if let Some(rest) = strip_prefix_ci(s, p) {
                s = rest;
                continue 'outer;
            }
        }
        break;
    }
    // Cut at an e-mail address or a date written with a month name.
    let words: Vec<&str> = s.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        let next_is_num = words
            .get(i + 1)
            .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()));
        let month = crate::lexicon::calendar::month_number(w.trim_matches(|c: char| !c.is_alphabetic()));
        if w.contains('@') || w.starts_with('[') || (month.is_some() && next_is_num && i > 0) {
            let cut = words[..i].iter().map(|w| w.len() + 1).sum::<usize>();
            s = &s[..cut.saturating_sub(1).min(s.len())];
            break;
        }
    }
    // Cut at the first digit (a date or time follows the name).
    if let Some(i) = s.find(|c: char| c.is_ascii_digit()) {
        s = &s[..i];
    }
    // Cut at a connector that starts a date or place.
    let mut end = s.len();
    let mut offset = 0;
    for w in s.split(' ') {
        if offset > 0 && STOP_WORDS.contains(&w.to_lowercase().as_str()) {
            end = offset - 1;
            break;
        }
        offset += w.len() + 1;
    }
    s = &s[..end.min(s.len())];
    let s = s.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | ':'
                    | '-'
                    | '–'
                    | '—'
                    | '|'
                    | '('
                    | ')'
                    | '"'
                    | '“'
                    | '”'
                    | '·'
                    | '•'
                    | '→'
                    | '»'
            )
    });
    let mut name = crate::util::spaces::clean(s)?;
    // A trailing lower-case handle naming the site ("Matthias herrpfleger"
    // on herrpfleger.de: the name, then the author box's social link).
    if let Some((head, last)) = name.rsplit_once(' ')
        && last.starts_with(|c: char| c.is_lowercase())
        && site_hints
            .iter()
            .any(|h| h.len() >= 4 && *h == super::title::norm(last))
    {
        name = head.to_string();
    }
    let lower = name.to_lowercase();
    if name.contains('@')
        || lower.contains("http")
        || lower.contains("www.")
        || lower.contains(".com")
        || lower.contains(".de/")
        || name.contains(['<', '>', '{', '}', '=', '#'])
        || NOT_PEOPLE.contains(&lower.as_str())
        || !name.chars().any(char::is_alphabetic)
        || name.chars().count() < 4
        || name.chars().count() > 60
        || name.split(' ').count() > 6
    {
        return None;
    }
    if is_site_name(&name, site_hints) {
        return None;
    }
    // A photo credit ("Foto: dpa", "Фото из Инстаграма ..."), not a byline.
    let first = lower.split([' ', ':', '/']).next().unwrap_or("");
    if PHOTO_WORDS.contains(&first.trim_end_matches('.')) {
        return None;
    }
    if lower.split(' ').any(|w| LEGAL_FORMS.contains(&w)) || lower.contains("rights reserved") {
        return None;
    }
    // A month or weekday left over from a date ("Jane Doe, March 3").
    if !name.contains(' ')
        && (crate::lexicon::calendar::month_number(&name).is_some() || crate::lexicon::calendar::is_weekday(&lower))
    {
        return None;
    }
    Some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_site_handle() {
        let hints = vec!["herrpfleger".to_string()];
        assert_eq!(
            clean_author("Matthias herrpfleger", &hints).as_deref(),
            Some("Matthias")
        );
        // A capitalised surname is a name, whatever the site is called.
        let hints = vec!["pfleger".to_string()];
        assert_eq!(
            clean_author("Maria Annette Pfleger", &hints).as_deref(),
            Some("Maria Annette Pfleger")
        );
    }

    #[test]
    fn wordpress_author_link_text() {
        assert_eq!(
            clean_author("Zeige alle Beiträge von Jan Koch →", &[]).as_deref(),
            Some("Jan Koch")
        );
        assert_eq!(
            clean_author("View all posts by Ann Lee »", &[]).as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(clean_author("Veröffentlicht", &[]), None);
    }

    /// Each raw string cleans (without site hints) to its expected value.
    fn cleans(cases: &[(&str, Option<&str>)]) {
        for &(raw, want) in cases {
            assert_eq!(clean_author(raw, &[]).as_deref(), want, "{raw:?}");
        }
    }

    #[test]
    fn strips_lead_ins() {
        cleans(&[
            ("By Jane Doe", Some("Jane Doe")),
            ("Von Max Muster", Some("Max Muster")),
            ("Par Marie Merlet", Some("Marie Merlet")),
            ("Written by: Ann Lee", Some("Ann Lee")),
            ("Autor: Jan Koch", Some("Jan Koch")),
            ("Byron Smith", Some("Byron Smith")),
        ]);
    }

    #[test]
    fn cuts_dates_after_the_name() {
        cleans(&[
            ("By Jane Doe on March 3, 2020", Some("Jane Doe")),
            ("Von Max Muster am 3. März 2020", Some("Max Muster")),
            ("Jane Doe, Mittwoch", Some("Jane Doe")),
        ]);
    }

    #[test]
    fn several_authors() {
        cleans(&[
            ("By Jane Doe and John Roe", Some("Jane Doe; John Roe")),
            ("Jane Doe, John Roe", Some("Jane Doe; John Roe")),
            ("dpa/AFP", Some("dpa/AFP")),
        ]);
    }

    #[test]
    fn rejects_non_people() {
        cleans(&[
            ("admin", None),
            ("Redaktion", None),
            ("https://example.com/author/jane", None),
            ("jane@example.com", None),
            ("", None),
            ("Example Media GmbH", None),
            ("kj", None),
            ("Dienstag", None),
            ("Foto: Jane Doe", None),
            ("Фото из архива Анны Ивановой", None),
            ("Maria Lopez, PhD", Some("Maria Lopez")),
            ("CBS News February 24, 2020", Some("CBS News")),
        ]);
        assert_eq!(
            clean_author("Example News", &["examplenews".to_string()]),
            None
        );
    }
}
