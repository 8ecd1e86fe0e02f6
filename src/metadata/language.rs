//! The page's language: its declaration, checked against the text.
//!
//! A page's `lang` attribute is often a template default (`en` on a German
//! blog). The article text is run through a trigram identifier
//! ([`whatlang`]); when it is confident and disagrees with the declaration,
//! the text wins. A short or mixed text leaves the declaration alone.

use whatlang::Lang;

/// Characters of text looked at: enough for a confident guess, cheap on
/// long pages.
const SAMPLE_CHARS: usize = 500;

/// Below this many characters the identifier is not trusted.
const MIN_CHARS: usize = 200;

/// ISO 639-3 codes of the identifier mapped to the ISO 639-1 codes pages
/// declare. A language without a two-letter code keeps its three letters.
const TWO_LETTER: &[(&str, &str)] = &[
    ("afr", "af"),
    ("aka", "ak"),
    ("amh", "am"),
    ("ara", "ar"),
    ("aze", "az"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("cmn", "zh"), // Mandarin: pages declare "zh"
    ("cym", "cy"),
    ("dan", "da"),
    ("deu", "de"),
    ("ell", "el"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("guj", "gu"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("hye", "hy"),
    ("ind", "id"),
    ("ita", "it"),
    ("jav", "jv"),
    ("jpn", "ja"),
    ("kan", "kn"),
    ("kat", "ka"),
    ("khm", "km"),
    ("kor", "ko"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mal", "ml"),
    ("mar", "mr"),
    ("mkd", "mk"),
    ("mya", "my"),
    ("nep", "ne"),
    ("nld", "nl"),
    ("nob", "nb"),
    ("ori", "or"),
    ("pan", "pa"),
    ("pes", "fa"), // Persian
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("sin", "si"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("sna", "sn"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tel", "te"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tuk", "tk"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("uzb", "uz"),
    ("vie", "vi"),
    ("yid", "yi"),
    ("zul", "zu"),
];

/// Languages an identifier confuses with a close neighbour; a declaration
/// naming the neighbour is kept ("no" for Bokmål, "bs" for Croatian).
const NEIGHBOURS: &[(&str, &str)] = &[
    ("nb", "no"),
    ("nb", "nn"),
    ("nb", "da"),
    ("da", "no"),
    ("hr", "bs"),
    ("hr", "sr"),
    ("sr", "bs"),
    ("ms", "id"),
];

fn two_letter(lang: Lang) -> &'static str {
    let code = lang.code();
    TWO_LETTER
        .iter()
        .find(|(three, _)| *three == code)
        .map_or(code, |(_, two)| two)
}

/// The language of `text`, when the identifier is confident about it.
pub fn identify(text: &str) -> Option<&'static str> {
    let end = text
        .char_indices()
        .nth(SAMPLE_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_CHARS {
        return None;
    }
    let info = whatlang::detect(sample)?;
    (info.is_reliable() || info.confidence() >= 0.9).then(|| two_letter(info.lang()))
}

/// The declared language, unless the text is confidently in another one;
/// the text's language when nothing is declared.
pub fn resolve(declared: Option<String>, text: &str) -> Option<String> {
    let Some(found) = identify(text) else {
        return declared;
    };
    match declared {
        Some(d)
            if d == found
                || NEIGHBOURS
                    .iter()
                    .any(|&(a, b)| (a == found && b == d) || (b == found && a == d)) =>
        {
            Some(d)
        }
        _ => Some(found.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DE: &str = "Die Bundesregierung hat am Mittwoch beschlossen, dass die neuen \
        Regeln für den Ausbau der Windenergie schon im kommenden Jahr gelten sollen. \
        Kritiker bemängeln, dass die Genehmigungsverfahren weiterhin viel zu lange \
        dauern und die Kommunen mit den Aufgaben allein gelassen werden.";

    #[test]
    fn text_beats_a_wrong_declaration() {
        assert_eq!(resolve(Some("en".into()), DE).as_deref(), Some("de"));
        assert_eq!(resolve(Some("de".into()), DE).as_deref(), Some("de"));
        assert_eq!(resolve(None, DE).as_deref(), Some("de"));
    }

    #[test]
    fn short_text_keeps_the_declaration() {
        assert_eq!(resolve(Some("fr".into()), "Kurz.").as_deref(), Some("fr"));
        assert_eq!(resolve(None, "Hallo Welt"), None);
    }
}
