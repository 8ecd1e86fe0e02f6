//! The calendar's words: month and weekday names in the languages deboil
//! meets, and the small words of dates and times.


/// Time words and the small words of dates in the languages deboil meets
/// most, for telling a dateline ("Posted Nov 18, 8:19 PM") from a
/// sentence; months and weekdays are [`MONTHS`] and [`WEEKDAYS`].
const DATE_WORDS: &[&str] = &[
    // English
    "am",
    "pm",
    "posted",
    "updated",
    "published",
    "on",
    "at",
    "est",
    "edt",
    "cst",
    "cdt",
    "pst",
    "pdt",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    // German
    "uhr",
    "um",
    "veröffentlicht",
    "aktualisiert",
    "stand",
    // French
    "le",
    "publié",
    "mis",
    "jour",
    "à",
    // Spanish, Portuguese, Italian
    "de",
    "às",
    "del",
    "di",
];

/// Whether a lower-case word names a month (in a language of
/// [`MONTHS`]).
pub fn is_month(lower: &str) -> bool {
    month_number(lower).is_some()
}

/// Whether a lower-case word is a weekday or a time word (a month is
/// [`is_month`]).
pub fn is_time_word(lower: &str) -> bool {
    DATE_WORDS.contains(&lower.trim_end_matches('.')) || is_weekday(lower)
}

/// Month names and their usual abbreviations, lower-case, by language.
/// Shared spellings (`april`, `mai`, `juni`, `set`...) mean the same month
/// everywhere they occur, so one flat table is enough.
pub const MONTHS: &[(&str, u8)] = &[
    // English
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // German (Jänner: Austrian January)
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mär", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("okt", 10),
    ("dezember", 12),
    ("dez", 12),
    // French
    ("janvier", 1),
    ("janv", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fév", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    // Spanish (setiembre: Peruvian/Uruguayan spelling)
    ("enero", 1),
    ("ene", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("abr", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("ago", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("dic", 12),
    // Italian
    ("gennaio", 1),
    ("gen", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("mag", 5),
    ("giugno", 6),
    ("giu", 6),
    ("luglio", 7),
    ("lug", 7),
    ("settembre", 9),
    ("set", 9),
    ("ottobre", 10),
    ("ott", 10),
    ("dicembre", 12),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("fev", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("out", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Polish: nominative and genitive ("1 listopada 2025")
    ("styczeń", 1),
    ("stycznia", 1),
    ("luty", 2),
    ("lutego", 2),
    ("marzec", 3),
    ("marca", 3),
    ("kwiecień", 4),
    ("kwietnia", 4),
    ("maj", 5),
    ("maja", 5),
    ("czerwiec", 6),
    ("czerwca", 6),
    ("lipiec", 7),
    ("lipca", 7),
    ("sierpień", 8),
    ("sierpnia", 8),
    ("wrzesień", 9),
    ("września", 9),
    ("październik", 10),
    ("października", 10),
    ("listopad", 11),
    ("listopada", 11),
    ("grudzień", 12),
    ("grudnia", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mrt", 3),
    ("mei", 5),
    ("augustus", 8),
    // Russian and Ukrainian, genitive as written in dates ("15 августа 2016")
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
];

/// Weekday names, lower-case: English, German, French, Portuguese,
/// Spanish, Italian, Polish, Dutch.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "sábado",
    "domingo",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "poniedziałek",
    "wtorek",
    "środa",
    "czwartek",
    "piątek",
    "sobota",
    "niedziela",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];

/// Short weekday forms that date lines use ("Mi., 3. März", "Wed, 4 Nov"),
/// too ambiguous ("do", "so") to be taken for weekdays elsewhere.
pub const WEEKDAY_ABBREVIATIONS: &[&str] = &[
    "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "mo", "di", "mi", "do", "fr",
    "sa", "so", "lun", "mar", "mer", "jeu", "ven", "sam", "dim",
];

/// True for a weekday's full name (case-insensitive, trailing dot
/// ignored).
pub fn is_weekday(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    // As in [`month_number`]: ASCII words without allocating.
    crate::util::chars::with_ascii_lower(w, |l| WEEKDAYS.contains(&l))
        .unwrap_or_else(|| WEEKDAYS.contains(&w.to_lowercase().as_str()))
}

/// For each ASCII byte, the lengths (as bits) of the ASCII [`MONTHS`] names
/// that start with it.
static ASCII_MONTH_SHAPES: [u32; 128] = {
    let mut t = [0u32; 128];
    let mut i = 0;
    while i < MONTHS.len() {
        let name = MONTHS[i].0.as_bytes();
        if name.is_ascii() {
            assert!(name.len() < 32);
            t[name[0] as usize] |= 1 << name.len();
        }
        i += 1;
    }
    t
};

/// [`MONTHS`] as a map, for [`month_number`]: every word of a line may be
/// looked up.
pub static MONTH_INDEX: std::sync::LazyLock<foldhash::HashMap<&'static str, u8>> =
    std::sync::LazyLock::new(|| MONTHS.iter().copied().collect());

/// The month a word names, if any (case-insensitive, trailing dot ignored).
pub fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    // The longest name, "листопада", is 18 bytes: longer words are no month.
    if w.is_empty() || w.len() > 24 {
        return None;
    }
    // An ASCII word keeps its first letter (lower-cased) and its length:
    // unless a name has both, it is none, and is not hashed.
    if w.is_ascii()
        && ASCII_MONTH_SHAPES[usize::from(w.as_bytes()[0].to_ascii_lowercase())] & (1 << w.len())
            == 0
    {
        return None;
    }
    // ASCII words are lower-cased without allocating.
    crate::util::chars::with_ascii_lower(w, |l| MONTH_INDEX.get(l).copied())
        .unwrap_or_else(|| MONTH_INDEX.get(w.to_lowercase().as_str()).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shapes that rule ASCII words out answer as the look-up: every
    /// month name, in any case and with a dot, is found, and every other
    /// word is what the index says.
    #[test]
    fn shapes_agree_with_the_index() {
        let mut words = crate::util::samples::words();
        for (m, _) in MONTHS {
            words.extend([m.to_string(), m.to_uppercase(), format!("{m}."), format!("{m}x")]);
        }
        for w in &words {
            let t = w.trim_end_matches('.');
            let plain = (t.len() <= 24).then(|| MONTH_INDEX.get(t.to_lowercase().as_str()).copied()).flatten();
            assert_eq!(month_number(w), plain, "{w:?}");
        }
    }
}
