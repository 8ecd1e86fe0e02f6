//! Function words of the languages deboil meets most (English, German,
//! French, Spanish, Italian, Portuguese, Polish, Dutch, Russian), in one
//! union list.
//!
//! Prose is dense in function words ("the", "und", "de"); menus, teasers and
//! bylines are not. jusText measures that density per block with one
//! language's stoplist; like trafilatura, deboil unions several so a page's
//! language need not be known. Only short, very frequent words are listed, so
//! a word of one language rarely looks like content in another.

use foldhash::HashSet;
use std::sync::LazyLock;

/// The union of the lists below, built once.
static STOPWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [EN, DE, FR, ES_IT_PT, PL, NL, RU]
        .iter()
        .flat_map(|l| l.iter().copied())
        .collect()
});

const EN: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but",
    "by", "can", "could", "did", "do", "for", "from", "had", "has", "have", "he", "her", "his",
    "how", "i", "if", "in", "into", "is", "it", "its", "it's", "more", "most", "not", "of", "on",
    "one", "or", "our", "she", "so", "some", "such", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "to", "up", "was", "we", "were", "what",
    "when", "which", "while", "who", "will", "with", "would", "you", "your",
];

const DE: &[&str] = &[
    "als", "am", "an", "auch", "auf", "aus", "bei", "bis", "das", "dass", "dem", "den", "der",
    "des", "die", "doch", "durch", "ein", "eine", "einem", "einen", "einer", "es", "für", "hat",
    "hatte", "ich", "ihr", "ihre", "im", "in", "ist", "kann", "mit", "nach", "nicht", "noch",
    "nur", "oder", "schon", "sich", "sie", "sind", "so", "um", "und", "uns", "von", "vor", "war",
    "wenn", "werden", "wie", "wir", "wird", "wurde", "zu", "zum", "zur", "über", "aber", "man",
    "mehr", "sein", "seine", "sehr", "haben", "habe", "hier", "dann", "da", "was", "diese",
    "dieser", "dieses", "einem", "eines", "ihm", "ihn", "mich", "mir", "dich", "dir", "euch", "ob",
    "ohne", "gegen", "unter", "zwischen", "seit", "sowie", "können", "muss", "soll", "waren",
];

const FR: &[&str] = &[
    "au", "aux", "avec", "ce", "cette", "dans", "de", "des", "du", "elle", "en", "est", "et", "il",
    "ils", "je", "la", "le", "les", "leur", "lui", "mais", "ne", "nous", "on", "ou", "par", "pas",
    "plus", "pour", "qu'il", "que", "qui", "sa", "se", "ses", "son", "sont", "sur", "un", "une",
    "vous", "été", "à", "d'un", "d'une", "l'", "c'est",
];

/// Spanish, Italian and Portuguese share many of their commonest words.
const ES_IT_PT: &[&str] = &[
    "al", "como", "con", "da", "del", "della", "di", "do", "e", "el", "em", "entre", "era", "es",
    "esta", "este", "gli", "ha", "il", "la", "las", "lo", "los", "mas", "na", "nel", "no", "non",
    "o", "os", "para", "per", "pero", "por", "que", "se", "sono", "su", "sus", "uma", "un", "una",
    "uno", "y", "è",
];

const PL: &[&str] = &[
    "a", "ale", "bo", "by", "był", "była", "było", "co", "do", "i", "ich", "jak", "jest", "jego",
    "jej", "już", "na", "nie", "o", "od", "oraz", "po", "przez", "się", "so", "tak", "to", "w",
    "we", "z", "za", "ze", "że", "może", "tylko", "są", "być", "dla", "jako", "jednak", "który",
    "która", "które", "tego", "też", "także", "gdy", "czy", "ten", "ta", "te", "ma", "mi", "go",
    "przy", "pod", "nad", "bez", "u",
];

const RU: &[&str] = &[
    "и",
    "в",
    "не",
    "на",
    "что",
    "с",
    "как",
    "по",
    "это",
    "он",
    "она",
    "они",
    "к",
    "из",
    "у",
    "за",
    "от",
    "же",
    "то",
    "для",
    "так",
    "но",
    "а",
    "о",
    "бы",
    "его",
    "ее",
    "её",
    "все",
    "мы",
    "вы",
    "я",
    "был",
    "была",
    "было",
    "при",
    "также",
    "если",
    "или",
    "уже",
    "только",
];

const NL: &[&str] = &[
    "aan", "bij", "dat", "de", "een", "en", "het", "hij", "in", "is", "met", "niet", "of", "op",
    "te", "van", "voor", "was", "wel", "zijn",
];

/// Bytes in the longest function word (an ASCII token longer than this is
/// none).
static MAX_BYTES: LazyLock<usize> =
    LazyLock::new(|| STOPWORDS.iter().map(|w| w.len()).max().unwrap_or(0));

/// Characters in the longest function word.
static MAX_CHARS: LazyLock<usize> = LazyLock::new(|| {
    STOPWORDS
        .iter()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
});

/// Whether a lower-case token (punctuation already trimmed) is a function word.
pub fn is_stopword(lower: &str) -> bool {
    STOPWORDS.contains(lower)
}

/// Share of the whitespace tokens of `text` that are function words, and the
/// number of tokens counted.
pub fn density(text: &str) -> (f64, usize) {
    let mut n = 0usize;
    let mut stop = 0usize;
    for tok in text.split_whitespace() {
        let t = tok.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        if t.is_empty() {
            continue;
        }
        n += 1;
        // Most tokens are ASCII: lower-cased without the Unicode tables or
        // an allocation. Tokens longer than every function word are not
        // looked up (lower-casing never shortens a token in characters).
        let hit = if t.is_ascii() {
            t.len() <= *MAX_BYTES && crate::block::with_ascii_lower(t, is_stopword) == Some(true)
        } else {
            t.chars().nth(*MAX_CHARS).is_none() && is_stopword(&t.to_lowercase())
        };
        if hit {
            stop += 1;
        }
    }
    if n == 0 {
        (0.0, 0)
    } else {
        (stop as f64 / n as f64, n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_stopword_fits_the_lowercasing_buffer() {
        assert!(*MAX_BYTES <= 32, "{}", *MAX_BYTES);
        assert_eq!(density("The AND Und").0, 1.0);
    }

    #[test]
    fn prose_is_dense_menus_are_not() {
        let (d, _) = density("The council said it would read every one of them before the vote.");
        assert!(d > 0.3, "{d}");
        let (d, _) = density("Die Regierung hat am Montag über den Plan für die Stadt beraten.");
        assert!(d > 0.3, "{d}");
        let (d, _) = density("Le maire a présenté le projet de la ville aux habitants.");
        assert!(d > 0.3, "{d}");
        let (d, _) = density("Он сказал, что это было не так, как они думали.");
        assert!(d > 0.3, "{d}");
        let (d, _) = density("Rada miasta przyjęła plan, który ma być gotowy do końca roku.");
        assert!(d > 0.3, "{d}");
        let (d, _) = density("Home News Sport Politics Business Technology Science");
        assert_eq!(d, 0.0);
    }
}
