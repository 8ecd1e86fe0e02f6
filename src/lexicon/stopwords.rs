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

use crate::util::bytes::{ascii_capital_bits, is_space_byte, utf8_len};
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

/// Bytes in the longest function word (a token whose lower case is longer
/// than this is none).
static MAX_BYTES: LazyLock<usize> =
    LazyLock::new(|| STOPWORDS.iter().map(|w| w.len()).max().unwrap_or(0));

/// The ASCII function words of up to eight bytes, each packed into a `u64`
/// (see [`pack`]): most tokens of a page are looked up as one integer,
/// without hashing their bytes.
static PACKED: LazyLock<HashSet<u64>> = LazyLock::new(|| {
    STOPWORDS
        .iter()
        .filter(|w| w.is_ascii() && w.len() <= 8)
        .map(|w| pack(w.as_bytes()))
        .collect()
});

/// Up to eight ASCII bytes, lower-cased, as one little-endian integer. No
/// function word holds a NUL, so words of different lengths never agree.
fn pack(word: &[u8]) -> u64 {
    debug_assert!(word.len() <= 8);
    let mut buf = [0u8; 8];
    buf[..word.len()].copy_from_slice(word);
    u64::from_le_bytes(buf) | ascii_case_bits(&buf)
}

/// The bits that lower-case the ASCII capitals among `buf`'s bytes (all
/// ASCII), found for the eight bytes at once: the 0x20 bit of each
/// capital ([`ascii_capital_bits`] shifted down from its high bit).
fn ascii_case_bits(buf: &[u8; 8]) -> u64 {
    ascii_capital_bits(u64::from_le_bytes(*buf)) >> 2
}

/// Whether a lower-case token (punctuation already trimmed) is a function word.
pub fn is_stopword(lower: &str) -> bool {
    STOPWORDS.contains(lower)
}

/// Whether a token's byte is trimmed from its ends: anything but a letter,
/// a digit or an apostrophe (for an ASCII byte).
fn trims(b: u8) -> bool {
    !b.is_ascii_alphanumeric() && b != b'\''
}

/// Whether an untrimmed whitespace token is a function word, and whether it
/// counts as a token at all (it holds something besides punctuation).
fn judge(tok: &str) -> (bool, bool) {
    let b = tok.as_bytes();
    if b.is_ascii() {
        // ASCII: trimmed and lower-cased on the bytes.
        let Some(first) = b.iter().position(|&c| !trims(c)) else {
            return (false, false);
        };
        let last = b.iter().rposition(|&c| !trims(c)).unwrap_or(first);
        let t = &b[first..=last];
        let hit = if t.len() <= 8 {
            PACKED.contains(&pack(t))
        } else {
            t.len() <= *MAX_BYTES
                && crate::util::chars::with_ascii_lower(&tok[first..=last], is_stopword)
                    == Some(true)
        };
        return (hit, true);
    }
    let t = tok.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
    if t.is_empty() {
        return (false, false);
    }
    (lower_is_stopword(t), true)
}

/// Whether a non-ASCII token, lower-cased, is a function word: lower-cased
/// char by char into a stack buffer (no function word is longer than it).
fn lower_is_stopword(t: &str) -> bool {
    // A capital sigma lower-cases by its position in the word, which only
    // `str::to_lowercase` knows; no function word here holds one.
    if t.contains('Σ') {
        return is_stopword(&t.to_lowercase());
    }
    let mut buf = [0u8; 64];
    let mut n = 0;
    for c in t.chars().flat_map(char::to_lowercase) {
        let len = c.len_utf8();
        if n + len > (*MAX_BYTES).min(buf.len()) {
            return false;
        }
        c.encode_utf8(&mut buf[n..]);
        n += len;
    }
    std::str::from_utf8(&buf[..n]).is_ok_and(is_stopword)
}

/// Bytes of the whitespace character (as `char::is_whitespace`) at byte `i`
/// of `text`, 0 if it is none. Non-ASCII spaces start with one of four lead
/// bytes; only those are decoded.
fn space_len(text: &str, i: usize) -> usize {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        usize::from(is_space_byte(b))
    } else if matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
        text[i..]
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8)
    } else {
        0
    }
}

/// Share of the whitespace tokens of `text` that are function words, and the
/// number of tokens counted.
pub fn density(text: &str) -> (f64, usize) {
    let mut n = 0usize;
    let mut stop = 0usize;
    // The tokens of `split_whitespace`, cut on the bytes: only the lead
    // bytes of Unicode spaces are decoded.
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let space = space_len(text, i);
        if space > 0 {
            i += space;
            continue;
        }
        let start = i;
        while i < b.len() {
            let c = b[i];
            if c.is_ascii() {
                // ASCII, most of a page: a space ends the token.
                if is_space_byte(c) {
                    break;
                }
                i += 1;
            } else if space_len(text, i) > 0 {
                break;
            } else {
                i += utf8_len(c);
            }
        }
        let (hit, counts) = judge(&text[start..i]);
        n += usize::from(counts);
        stop += usize::from(hit);
    }
    if n == 0 {
        (0.0, 0)
    } else {
        (stop as f64 / n as f64, n)
    }
}

/// [`density`] as first written: every token trimmed, lower-cased and
/// looked up as a string.
#[cfg(test)]
fn density_reference(text: &str) -> (f64, usize) {
    let mut n = 0usize;
    let mut stop = 0usize;
    for tok in text.split_whitespace() {
        let t = tok.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        if t.is_empty() {
            continue;
        }
        n += 1;
        if is_stopword(&t.to_lowercase()) {
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
        assert!(
            !STOPWORDS
                .iter()
                .any(|w| w.contains('\0') || w.contains('σ') || w.contains('ς'))
        );
    }

    /// The eight-at-once case bits agree with a byte-by-byte lower-casing.
    #[test]
    fn packed_case_bits_lower_case_every_ascii_byte() {
        for b in 0u8..128 {
            for k in 0..8 {
                let mut buf = [b'q'; 8];
                buf[k] = b;
                let mut lower = buf;
                lower.make_ascii_lowercase();
                let got = u64::from_le_bytes(buf) | ascii_case_bits(&buf);
                assert_eq!(got, u64::from_le_bytes(lower), "{b} at {k}");
            }
        }
    }

    /// `space_len` knows every whitespace character and no other.
    #[test]
    fn space_len_agrees_with_is_whitespace() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            let want = if c.is_whitespace() { c.len_utf8() } else { 0 };
            assert_eq!(space_len(s, 0), want, "{c:?}");
            assert_eq!(utf8_len(s.as_bytes()[0]), c.len_utf8());
        }
    }

    /// The packed and stack-buffer look-ups agree with the plain one on
    /// every function word in several spellings and on tokens around them.
    #[test]
    fn density_matches_the_plain_lookup() {
        let mut texts: Vec<String> = Vec::new();
        for w in STOPWORDS.iter() {
            let upper = w.to_uppercase();
            let mut title = String::new();
            for (k, c) in w.chars().enumerate() {
                if k == 0 {
                    title.extend(c.to_uppercase());
                } else {
                    title.push(c);
                }
            }
            texts.push(format!("{w} ({upper}) \"{title}\", {w}s x{w} {w}'"));
        }
        texts.extend(
            [
                "",
                "...",
                "— – ,",
                "ÜBER Über über überall FÜR für",
                "ΣΑΣ σας İstanbul KELVIN \u{212a} straße STRASSE",
                "И в НЕ на Что только ТОЛЬКО толькоо",
                "it's IT'S l' L' c'est C'EST qu'il d'une",
                "abcdefgh abcdefghi zwischen ZWISCHEN zwischenzeit",
                "中文 内容 ١٢٣ ٤ \u{a0}the\u{a0}and",
                "the\u{0}",
                "A\u{0}",
                "the\u{a0}and\u{85}or\u{1680}in\u{2000}to\u{200a}of\u{2028}a\u{2029}is",
                "die\u{202f}und\u{205f}der\u{3000}das\u{200b}zu \u{feff}in\u{180e}am",
                " \t\n\x0b\x0c\r the \r\n",
            ]
            .map(String::from),
        );
        for t in &texts {
            assert_eq!(density(t), density_reference(t), "{t:?}");
        }
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
