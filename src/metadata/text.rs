//! Metadata from the header zone of a text dump: the lines above the article.
//!
//! A rendered page states its metadata in a few recognisable lines: a
//! breadcrumb (`Home»Section»Title`), the logo text (often printed twice in a
//! row, `SiteSite`), the headline, and a byline with author, date and reading
//! time (`adminBy adminNovember 1, 2025No Comments4 Mins Read`). Inline
//! elements run together in dumps, so the parsers here find their pieces
//! inside glued text. Nothing is guessed: a field no line states stays `None`.

use crate::lexicon::bylines;
use crate::util::matchers;
use crate::model::block::{Block, BlockTag};
use crate::model::metadata::Metadata;
use crate::util::words::{word_count, word_count_upto};
use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

pub use crate::lexicon::calendar::month_number;
use super::date::{Reading, month_at};

/// A run of ASCII digits at `s[i..]`: (value, length).
fn digits_at(s: &[char], i: usize) -> (u32, usize) {
    let mut v = 0u32;
    let mut n = 0;
    while let Some(d) = s.get(i + n).and_then(|c| c.to_digit(10)) {
        v = v.saturating_mul(10).saturating_add(d);
        n += 1;
    }
    (v, n)
}

/// Skip characters of `set` from `i`.
fn skip(s: &[char], mut i: usize, set: &str) -> usize {
    while s.get(i).is_some_and(|c| set.contains(*c)) {
        i += 1;
    }
    i
}

/// The first date written in `line`, as ISO `YYYY-MM-DD`: "November 1,
/// 2025", "1. November 2025", "1er novembre 2025", "Nov 19, 2019",
/// "2025-11-01", "01.11.2025", "11/01/2025" (US order when ambiguous).
/// A year is required; text may be glued on either side ("adminNovember 1,
/// 2025No Comments").
pub fn find_date(line: &str) -> Option<String> {
    super::date::find(line, Reading::TEXT)
        .filter(|d| (1900..=2100).contains(&d.year))
        .map(|d| d.iso())
}

/// Words that introduce an author: "By", "Von", "Par", "Por", "Di", "Autor:".
const BY_WORDS: &[&str] = &["by", "von", "par", "por", "di", "door", "autor:", "author:"];

/// Words at most in a line read as a byline.
const BYLINE_MAX_WORDS: usize = 20;

/// [`BY_WORDS`] found in one pass, ASCII case ignored (only ASCII letters
/// lower-case to theirs).
static BY_MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| matchers::ascii_case_matcher(BY_WORDS));

/// Whether one of [`BY_WORDS`] stands in `line` where [`byline_author`]
/// could take it: at a word start (or as a capital glued to a word) and
/// before a space. Lines without one are not decoded.
fn has_by_word(line: &str) -> bool {
    let b = line.as_bytes();
    // No by-word's end is another's start, so no two matches overlap: the
    // plain (prefiltered) search finds them all.
    BY_MATCHER.find_iter(line).any(|m| {
        let upper = b[m.start()].is_ascii_uppercase();
        let boundary = upper
            || line[..m.start()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphabetic());
        boundary
            && line[m.end()..]
                .chars()
                .next()
                .is_some_and(char::is_whitespace)
    })
}

/// The author named in a byline: "By Jane Doe", "adminBy adminNovember 1,
/// 2025" (-> "admin"), "Von Max Muster | 3. Mai 2024". Names are one to four
/// words; the name ends at a date, digit, separator or a glued capital that
/// starts a month name.
pub fn byline_author(line: &str) -> Option<String> {
    // The openers first: a line with none is no byline, however long.
    let by = has_by_word(line);
    if !by && !starts_cjk_by(line) {
        return None;
    }
    if word_count_upto(line, BYLINE_MAX_WORDS) > BYLINE_MAX_WORDS {
        return None;
    }
    if let Some(name) = cjk_byline(line) {
        return Some(name);
    }
    if !by {
        return None;
    }
    let s: Vec<char> = line.chars().collect();
    for i in 0..s.len() {
        let boundary = i == 0 || !s[i - 1].is_alphabetic() || s[i].is_uppercase();
        if !boundary {
            continue;
        }
        // A word can start here only if its first letter is this one.
        let mut lower = s[i].to_lowercase();
        let Some(first) = lower.next().filter(|_| lower.next().is_none()) else {
            continue;
        };
        for w in BY_WORDS {
            if !w.starts_with(first) {
                continue;
            }
            let n = w.chars().count();
            let word_here = s.len() > i + n
                && s[i..i + n]
                    .iter()
                    .zip(w.chars())
                    .all(|(a, b)| a.to_lowercase().eq(std::iter::once(b)));
            // "By" glued to a preceding word must be capitalised.
            if !word_here || (i > 0 && s[i - 1].is_alphabetic() && !s[i].is_uppercase()) {
                continue;
            }
            if !s[i + n].is_whitespace() {
                continue;
            }
            let before: String = s[i.saturating_sub(8)..i]
                .iter()
                .collect::<String>()
                .to_lowercase();
            if ["photo", "image", "foto", "bild", "picture", "credit"]
                .iter()
                .any(|p| before.contains(p))
            {
                continue;
            }
            if let Some(name) = name_at(&s, i + n + 1, s[i].is_uppercase()) {
                if !s[i].is_uppercase() && !name.contains(' ') && !leads_a_byline(&s[..i]) {
                    // "Leben in Zeiten von Corona", "Die Rückkehr von
                    // Messi": inside a phrase, a lower-case by-word with one
                    // name after it joins two nouns; it credits no author.
                    // (With a full name after it, "Analysis by Jane Doe",
                    // it still does.)
                    continue;
                }
                return Some(name);
            }
        }
    }
    None
}

/// Openers of Chinese bylines: "作者：张伟" (author), "记者 李明" (reporter),
/// "文/王芳" (text by).
const CJK_BY: &[&str] = &["作者", "记者", "文/", "文／", "编辑"];

/// Whether `line` opens with one of [`CJK_BY`] (after any whitespace).
/// Those are not ASCII: a line whose first byte past its ASCII spaces is
/// ASCII (most lines) opens with none, and is not trimmed or compared
/// further.
fn starts_cjk_by(line: &str) -> bool {
    let t = line
        .trim_start_matches(|c: char| c.is_ascii() && crate::util::bytes::is_space_byte(c as u8));
    if t.as_bytes().first().is_none_or(u8::is_ascii) {
        return false;
    }
    let t = t.trim_start();
    CJK_BY.iter().any(|b| t.starts_with(b))
}

/// Longest Chinese name taken from a byline, in characters.
const CJK_NAME_MAX: usize = 4;

/// The author of a Chinese byline: two to four Han characters after the
/// opener and an optional colon or space.
fn cjk_byline(line: &str) -> Option<String> {
    let t = line.trim_start();
    let rest = CJK_BY.iter().find_map(|b| t.strip_prefix(b))?;
    let rest = rest.trim_start_matches(['：', ':', ' ', '\u{3000}']);
    let name: String = rest
        .chars()
        .take_while(|&c| crate::util::chars::is_cjk(c))
        .collect();
    (2..=CJK_NAME_MAX)
        .contains(&name.chars().count())
        .then_some(name)
}

/// The name that starts at `s[i..]`, if it looks like one.
/// Whether the text before a by-word can lead a byline: nothing but
/// punctuation, a date ("12.03.2020 von Redaktion"), or a byline opener
/// ("Posted by", "Geschrieben von").
fn leads_a_byline(before: &[char]) -> bool {
    if !before.iter().any(|c| c.is_alphabetic()) {
        return true;
    }
    let before: String = before.iter().collect();
    let lower = before.trim().to_lowercase();
    find_date(&before).is_some()
        || bylines::BYLINE_OPENERS
            .iter()
            .filter_map(|o| o.rsplit_once(' ').map(|(lead, _)| lead))
            .any(|lead| lower.ends_with(lead))
}

fn name_at(s: &[char], i: usize, capital_by: bool) -> Option<String> {
    let mut end = i;
    while end < s.len() {
        let c = s[end];
        if c.is_ascii_digit()
            || "|·•–—,;:()[]/".contains(c)
            || (c == '-' && end > i && s[end - 1] == ' ')
        {
            break;
        }
        // A capital glued to a lower-case letter starts the next field when
        // a month name or a number follows ("adminNovember 1").
        if end > i && c.is_uppercase() && s[end - 1].is_lowercase() && month_at(s, end).is_some() {
            break;
        }
        end += 1;
    }
    let name: String = s[i..end].iter().collect();
    let name = crate::util::spaces::clean(&name)?;
    // Trailing words that start the next field: "Jane Doe on", "Max am",
    // "Moritz Bachmann publiziert am": a name ends with a capitalised word
    // ("Ursula von der Leyen"); a lone lower-case name stays ("By admin").
    let mut words: Vec<&str> = name.split(' ').collect();
    while words.len() > 1
        && words.last().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "on" | "am" | "le" | "el" | "il" | "published" | "updated" | "and" | "und" | "et"
            ) || !w.chars().any(char::is_uppercase)
        })
    {
        words.pop();
    }
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    let all_lower = words.iter().all(|w| w.chars().all(|c| !c.is_uppercase()));
    let capitalised = words.iter().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
    });
    if !(capitalised || (capital_by && all_lower && words.len() == 1)) {
        return None;
    }
    // A month ends the name's field ("Jane Doe May"); "Jan Kowalski" is
    // a name.
    if words.last().is_some_and(|w| month_number(w).is_some()) {
        return None;
    }
    Some(words.join(" "))
}

/// The words of a reading time, lower-case ASCII.
const READ_WORDS: &[&str] = &[
    "read", "lesezeit", "lecture", "lectura", "lettura", "czytania",
];

/// A stated reading time in minutes: "4 Mins Read", "5 min read", "3 Min.
/// Lesezeit", "Lesezeit: 6 Minuten", "4 min de lecture".
pub fn reading_time(line: &str) -> Option<u32> {
    // A number is needed: lines without an ASCII digit are not lower-cased.
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // The reading words are ASCII: the line holds one lower-cased exactly
    // when it holds one, ASCII case ignored (of the other characters only
    // the Kelvin sign and U+0130 lower-case to ASCII letters, to "k" and to
    // "i" followed by a combining dot, which complete no reading word), so
    // lines without one are not lower-cased.
    static READ_ANY_CASE: LazyLock<AhoCorasick> = LazyLock::new(|| matchers::ascii_case_matcher(READ_WORDS));
    if !READ_ANY_CASE.is_match(line) {
        return None;
    }
    let lower = line.to_lowercase();
    let s: Vec<char> = lower.chars().collect();
    for i in 0..s.len() {
        if !s[i].is_ascii_digit() || (i > 0 && s[i - 1].is_ascii_digit()) {
            continue;
        }
        let (v, n) = digits_at(&s, i);
        let j = skip(&s, i + n, " ");
        let unit: String = s[j..].iter().take(3).collect();
        if unit != "min" {
            continue;
        }
        // The reading word must sit right after the unit or just before the
        // number ("Lesezeit: 6 Minuten").
        let after: String = s[j..].iter().take(20).collect();
        let before: String = s[i.saturating_sub(14)..i].iter().collect();
        if (READ_WORDS.iter().any(|r| after.contains(r) || before.contains(r))) && (1..=300).contains(&v)
        {
            return Some(v);
        }
    }
    None
}

/// Separators of breadcrumb trails.
const CRUMB_SEPS: &[char] = &['»', '›', '>', '/', '→'];

/// Whether `line` holds one of [`CRUMB_SEPS`]. Most lines have none:
/// found on the bytes ('»' is C2 BB, '›' E2 80 BA, '→' E2 86 92) with
/// vectorised searches.
fn has_crumb_sep(line: &str) -> bool {
    let b = line.as_bytes();
    memchr::memchr2(b'>', b'/', b).is_some()
        || memchr::memchr2_iter(0xC2, 0xE2, b).any(|i| match b[i] {
            0xC2 => b.get(i + 1) == Some(&0xBB),
            _ => matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0x80), Some(0xBA)) | (Some(0x86), Some(0x92))
            ),
        })
}

/// The items of a breadcrumb trail ("Home»Section»Title", "Home > News >
/// Title"): at least three items, the first one short.
pub fn breadcrumb(line: &str) -> Option<Vec<String>> {
    if !has_crumb_sep(line) {
        return None;
    }
    let sep = CRUMB_SEPS.iter().find(|&&c| line.contains(c))?;
    let items: Vec<String> = line
        .split(*sep)
        .filter_map(crate::util::spaces::clean)
        .collect();
    if items.len() < 3 || word_count(&items[0]) > 3 {
        return None;
    }
    // Slashes also separate dates and paths: require words around them.
    if items.iter().any(|i| !i.chars().any(char::is_alphabetic)) {
        return None;
    }
    Some(items)
}

/// Logo text printed twice in a row ("Defence SpotDefence Spot").
pub fn doubled(line: &str) -> Option<&str> {
    let n = line.len();
    if n < 6 || !n.is_multiple_of(2) || !line.is_char_boundary(n / 2) {
        return None;
    }
    let (a, b) = line.split_at(n / 2);
    (a == b && a.chars().any(char::is_alphabetic) && word_count(a) <= 6).then_some(a)
}

/// Whether a line could be a headline: a few words, not a sentence fragment
/// ending in a comma, not a date.
pub fn headline_like(line: &str) -> bool {
    let words = word_count(line);
    (3..=30).contains(&words)
        && line.chars().count() <= 250
        // "Home | News | Contact" is a menu; "Title | Site" may be a title.
        && line.matches(['|', '»', '›']).count() < 2
        && !line.ends_with([',', ':', ';', '.'])
        && find_date(line).is_none()
        && byline_author(line).is_none()
        && crate::rules::wording_kind(&Block::new(BlockTag::Paragraph, line)).is_none()
}

/// Metadata stated in the header zone of a dump.
///
/// `header` holds the lines above the article (bullets already stripped), in
/// page order; `headline` is the heading the article body opened with, if
/// one was dropped from it.
pub fn extract(header: &[&str], headline: Option<&str>) -> Metadata {
    let mut meta = Metadata::default();
    let mut byline_at = None;
    for line in header {
        if meta.site_name.is_none() {
            meta.site_name = doubled(line).and_then(crate::util::spaces::clean);
        }
        if let Some(items) = breadcrumb(line) {
            let n = items.len();
            // "Home > News > Long Article Title": the last item is the
            // title and the one before it the category; "Home > News >
            // Politics": the last item is the category.
            if word_count(&items[n - 1]) >= 3 {
                meta.title = Some(items[n - 1].clone());
                meta.categories = vec![items[n - 2].clone()];
            } else {
                meta.categories = vec![items[n - 1].clone()];
            }
        }
    }
    // The byline nearest the article wins over bylines of teasers above it.
    for (i, line) in header.iter().enumerate().rev() {
        if let Some(a) = byline_author(line) {
            meta.author = Some(a);
            byline_at = Some(i);
            if let Some(d) = find_date(line) {
                meta.date = Some(d);
            }
            break;
        }
    }
    if meta.date.is_none() {
        meta.date = header.iter().rev().find_map(|l| find_date(l));
    }
    meta.reading_time_minutes = header.iter().rev().find_map(|l| reading_time(l));
    if meta.title.is_none() {
        let above_byline =
            byline_at.and_then(|b| header[..b].iter().rev().take(4).find(|l| headline_like(l)));
        meta.title = above_byline
            .map(|s| s.to_string())
            .or_else(|| headline.filter(|h| headline_like(h)).map(str::to_string))
            .and_then(|t| crate::util::spaces::clean(&t));
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each line gives its expected value.
    fn reads(f: fn(&str) -> Option<String>, cases: &[(&str, Option<&str>)]) {
        for &(line, want) in cases {
            assert_eq!(f(line).as_deref(), want, "{line:?}");
        }
    }

    #[test]
    fn dates_in_many_forms() {
        reads(
            find_date,
            &[
                ("15 marca 2024", Some("2024-03-15")),
                ("24 listopada 2025", Some("2025-11-24")),
                ("24. November 2025", Some("2025-11-24")),
                ("24.11.2025", Some("2025-11-24")),
                ("2025年11月24日", Some("2025-11-24")),
                ("作者：张伟　2024年3月15日", Some("2024-03-15")),
                (
                    "adminBy adminNovember 1, 2025No Comments4 Mins Read",
                    Some("2025-11-01"),
                ),
                (
                    "Chris Davies - Nov 19, 2019, 10:31 pm CST",
                    Some("2019-11-19"),
                ),
                ("Veröffentlicht am 3. März 2024", Some("2024-03-03")),
                ("Publié le 1er novembre 2025 à 10h", Some("2025-11-01")),
                ("12 août 2023", Some("2023-08-12")),
                ("Stand: 01.11.2025, 14:05 Uhr", Some("2025-11-01")),
                ("2025-11-01T10:00", Some("2025-11-01")),
                ("posted 11/02/2025", Some("2025-11-02")),
                ("You may also like 3 things", None),
                ("Washington, D.C. – In a significant escalation", None),
                ("Order 20251101 shipped", None),
            ],
        );
    }

    #[test]
    fn by_words_never_overlap() {
        // No by-word's end is another's start (nor holds one inside): the
        // plain search finds every match the overlapping one would.
        for a in BY_WORDS {
            for b in BY_WORDS {
                for k in 1..a.len().min(b.len()) {
                    assert_ne!(&a[a.len() - k..], &b[..k], "{a} {b}");
                }
                assert!(a == b || !a.contains(b), "{a} {b}");
            }
        }
        for line in [
            "By Jane",
            "adminBy adminNovember",
            "von par por di door autor: author: by",
        ] {
            let all: Vec<_> = BY_MATCHER
                .find_overlapping_iter(line)
                .map(|m| m.span())
                .collect();
            let plain: Vec<_> = BY_MATCHER.find_iter(line).map(|m| m.span()).collect();
            assert_eq!(all, plain, "{line:?}");
        }
    }

    #[test]
    fn cjk_byline_openers_found_after_any_space() {
        for (line, want) in [
            ("作者：张伟", true),
            ("  记者 李明", true),
            ("\u{3000}文/王芳", true),
            ("\u{a0} 编辑 王", true),
            ("By 张伟", false),
            ("", false),
            ("   ", false),
            ("中文 作者", false),
        ] {
            assert_eq!(starts_cjk_by(line), want, "{line:?}");
            assert_eq!(
                starts_cjk_by(line),
                CJK_BY.iter().any(|b| line.trim_start().starts_with(b))
            );
        }
    }

    #[test]
    fn bylines() {
        reads(
            byline_author,
            &[
                ("Autor: Jan Kowalski", Some("Jan Kowalski")),
                ("作者：张伟　2024年3月15日", Some("张伟")),
                ("By Jane Doe May", None),
                (
                    "adminBy adminNovember 1, 2025No Comments4 Mins Read",
                    Some("admin"),
                ),
                ("By Jane Doe | March 3, 2024", Some("Jane Doe")),
                ("Von Max Mustermann, 3. Mai 2024", Some("Max Mustermann")),
                ("Par Marie Dupont le 12 août 2023", Some("Marie Dupont")),
                ("Stand by me", None),
                ("US-Sport in Zeiten von Corona", None),
                ("Die Rückkehr von Messi", None),
                ("Posted by Admin", Some("Admin")),
                ("Geschrieben von Redaktion", Some("Redaktion")),
                ("12.03.2020 von Redaktion", Some("Redaktion")),
                ("Analysis by Jane Doe", Some("Jane Doe")),
                (
                    "Von Jonas Berg veröffentlicht am 3. Mai 2024",
                    Some("Jonas Berg"),
                ),
                (
                    "Made by the best team in the whole wide world of news",
                    None,
                ),
            ],
        );
    }

    #[test]
    fn reading_times() {
        assert_eq!(reading_time("No Comments4 Mins Read"), Some(4));
        assert_eq!(reading_time("5 min read"), Some(5));
        assert_eq!(reading_time("Lesezeit: 6 Minuten"), Some(6));
        assert_eq!(reading_time("3 Min. Lesezeit"), Some(3));
        assert_eq!(reading_time("4 min de lecture"), Some(4));
        assert_eq!(reading_time("Read 40 comments"), None);
    }

    #[test]
    fn breadcrumbs_and_header() {
        let b = breadcrumb("Home»Defence & Military Expo»U.S. Targets Venezuelan Sites").unwrap();
        assert_eq!(
            b,
            [
                "Home",
                "Defence & Military Expo",
                "U.S. Targets Venezuelan Sites"
            ]
        );
        assert_eq!(breadcrumb("01/11/2025"), None);
        let header = [
            "Close Menu",
            "Site NameSite Name",
            "Home»World»Big News Happens Today",
            "World",
            "Big News Happens Today",
            "adminBy adminNovember 1, 2025No Comments4 Mins Read",
        ];
        let m = extract(&header, None);
        assert_eq!(m.site_name.as_deref(), Some("Site Name"));
        assert_eq!(m.title.as_deref(), Some("Big News Happens Today"));
        assert_eq!(m.categories, ["World"]);
        assert_eq!(m.author.as_deref(), Some("admin"));
        assert_eq!(m.date.as_deref(), Some("2025-11-01"));
        assert_eq!(m.reading_time_minutes, Some(4));
    }

    #[test]
    fn nothing_invented() {
        let m = extract(&[], None);
        assert_eq!(m, Metadata::default());
        let m = extract(
            &["Menu", "Search"],
            Some("Rising Tensions in the Region Today"),
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Rising Tensions in the Region Today")
        );
        assert_eq!(m.author, None);
        assert_eq!(m.date, None);
    }

    #[test]
    fn breadcrumb_category_is_the_deepest_section() {
        let m = extract(&["Startseite > Politik > Inland"], None);
        assert_eq!(m.categories, ["Inland"]);
        let m = extract(&["Home » News » Council Approves the New Square"], None);
        assert_eq!(m.categories, ["News"]);
        assert_eq!(m.title.as_deref(), Some("Council Approves the New Square"));
    }

    #[test]
    fn a_menu_is_no_headline() {
        assert!(!headline_like("Accueil | Actualités | Politique | Contact"));
        assert!(headline_like(
            "Council approves the new square | Example Times"
        ));
    }

    /// The byte tests that rule lines out early answer as the plain ones:
    /// a CJK byline opening, a reading word in any ASCII case, a
    /// breadcrumb separator.
    #[test]
    fn fast_tests_agree_with_the_plain_ones() {
        let mut lines = crate::util::samples::lines();
        lines.extend(["  作者：王", "记者 李", "文/张", "\u{212a}READ", "İread", "4 MIN READ"].map(String::from));
        lines.extend(CRUMB_SEPS.iter().map(|c| format!("a {c} b")));
        let read = matchers::ascii_case_matcher(READ_WORDS);
        for l in &lines {
            assert_eq!(
                starts_cjk_by(l),
                CJK_BY.iter().any(|b| l.trim_start().starts_with(b)),
                "{l:?}"
            );
            let lower = l.to_lowercase();
            assert_eq!(read.is_match(l), READ_WORDS.iter().any(|r| lower.contains(r)), "{l:?}");
            assert_eq!(has_crumb_sep(l), l.contains(CRUMB_SEPS), "{l:?}");
        }
    }
}
