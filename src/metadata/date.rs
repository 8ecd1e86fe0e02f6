//! Date parsing and normalisation to ISO 8601.
//!
//! [`parse`] finds the first plausible calendar date in a string, whether it
//! is machine-written (`2025-11-01T10:00:00Z`, `20251101`) or written for
//! people (`November 1, 2025`, `1. November 2025`, `1 novembre 2025`,
//! `01.11.2025`, `2019年06月24日`), and returns it as `YYYY-MM-DD`. Month
//! names are known in English, German, French, Spanish, Italian, Portuguese,
//! Polish and Dutch (and, in the genitive, Russian and Ukrainian). Dates
//! outside 1995-01-01 ..= today are rejected (htmldate's bounds: nothing
//! older than the web at large, nothing in the future, which is what a stray
//! JavaScript timestamp tends to be).

use std::time::{SystemTime, UNIX_EPOCH};

use crate::lexicon::calendar::{MONTHS, WEEKDAY_ABBREVIATIONS, is_weekday, month_number};

/// A calendar date, validated against the calendar but not against the
/// plausibility window (see [`Ymd::is_plausible`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd {
    /// Four-digit year.
    pub year: u16,
    /// Month, 1-12.
    pub month: u8,
    /// Day of the month, 1-31.
    pub day: u8,
}

impl Ymd {
    /// A date if the three numbers form a real calendar day.
    pub fn new(year: u32, month: u32, day: u32) -> Option<Ymd> {
        if !(1..=12).contains(&month) || day == 0 || year > 9999 {
            return None;
        }
        if day > days_in_month(year, month) {
            return None;
        }
        Some(Ymd {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Between 1995-01-01 and today (UTC), inclusive.
    pub fn is_plausible(&self) -> bool {
        self.year >= 1995 && *self <= today()
    }

    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Today's date in UTC.
pub fn today() -> Ymd {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_from_days((secs / 86_400) as i64)
}

/// Days since 1970-01-01 to a calendar date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> Ymd {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
    Ymd { year, month, day }
}

/// The month name starting at `s[i..]` and ending there (not running on
/// into a longer word): its number and length in characters.
pub fn month_at(s: &[char], i: usize) -> Option<(u8, usize)> {
    // Most positions start no month name: only the names with this first
    // letter are compared (a letter whose lower case is several characters
    // starts none).
    let mut lower = s.get(i)?.to_lowercase();
    let first = lower.next().filter(|_| lower.next().is_none())?;
    let groups = &*MONTHS_BY_INITIAL;
    let group = &groups[groups.binary_search_by_key(&first, |(c, _)| *c).ok()?].1;
    group.iter().find_map(|&(name, n, len)| {
        let here = s.get(i..i + len)?;
        let same = here
            .iter()
            .zip(name.chars())
            .all(|(a, b)| a.to_lowercase().eq(std::iter::once(b)));
        (same && !s.get(i + len).is_some_and(|c| c.is_alphabetic())).then_some((n, len))
    })
}

/// [`MONTHS`] grouped by first letter, sorted by it, each group in list
/// order (longer names first stays true), with each name's length in chars.
type MonthGroups = Vec<(char, Vec<(&'static str, u8, usize)>)>;

static MONTHS_BY_INITIAL: std::sync::LazyLock<MonthGroups> = std::sync::LazyLock::new(|| {
    let mut groups: MonthGroups = Vec::new();
    for &(name, n) in MONTHS {
        let first = name.chars().next().unwrap_or_default();
        let entry = (name, n, name.chars().count());
        match groups.iter_mut().find(|(c, _)| *c == first) {
            Some((_, g)) => g.push(entry),
            None => groups.push((first, vec![entry])),
        }
    }
    groups.sort_by_key(|(c, _)| *c);
    groups
});

#[derive(Debug, Clone, PartialEq)]
enum Tok<'a> {
    Num(&'a str),
    Word(&'a str),
    Sep(char),
}

/// How to read what a written date leaves open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// `05/06/2020` is the 5th of June (most of the world), not May 6th
    /// (the United States). Dots and dashes are always day first.
    pub day_first: bool,
    /// `20200506` is a date (as in URLs and meta tags); off for running
    /// text, where eight digits are more often a number.
    pub compact: bool,
}

impl Reading {
    /// Markup values: US order for ambiguous slashes, compact dates read.
    pub const MARKUP: Reading = Reading {
        day_first: false,
        compact: true,
    };
    /// Running text: US order for ambiguous slashes, no compact dates.
    pub const TEXT: Reading = Reading {
        day_first: false,
        compact: false,
    };

    /// The reading for a page in `language` (a tag such as `en-GB`, `de`):
    /// day first everywhere but in American English (or English with no
    /// region given).
    pub fn for_language(language: Option<&str>) -> Reading {
        let day_first = language.is_some_and(|l| {
            let l = l.trim().to_lowercase().replace('_', "-");
            let mut parts = l.split('-');
            let primary = parts.next().unwrap_or("");
            let region = parts.next();
            !primary.is_empty() && (primary != "en" || region.is_some_and(|r| r != "us"))
        });
        Reading {
            day_first,
            compact: true,
        }
    }
}

/// Whether `s` may hold a date at all: every pattern of [`date_at`] has a
/// run of at least two ASCII digits (a year, a compact date, "24.11.25").
/// Most lines of prose have none, and are not tokenised.
fn may_hold_date(s: &str) -> bool {
    s.as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_digit() && w[1].is_ascii_digit())
}

/// Split into digit runs, letter runs and single punctuation marks;
/// whitespace only separates.
fn tokenize(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = iter.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = j + 1;
                iter.next();
            }
            out.push(Tok::Num(&s[i..end]));
        } else if c.is_alphabetic() {
            // A capital after a lower-case letter starts a new word: inline
            // elements run together in text dumps ("adminNovember 1").
            let mut end = i + c.len_utf8();
            let mut prev = c;
            while let Some(&(j, d)) = iter.peek() {
                if !d.is_alphabetic() || (d.is_uppercase() && prev.is_lowercase()) {
                    break;
                }
                end = j + d.len_utf8();
                prev = d;
                iter.next();
            }
            out.push(Tok::Word(&s[i..end]));
        } else if !c.is_whitespace() {
            out.push(Tok::Sep(c));
        }
        if out.len() > 400 {
            break;
        }
    }
    out
}

fn num(t: Option<&Tok<'_>>, min_len: usize, max_len: usize) -> Option<u32> {
    match t {
        Some(Tok::Num(n)) if (min_len..=max_len).contains(&n.len()) => n.parse().ok(),
        _ => None,
    }
}

fn is_sep(t: Option<&Tok<'_>>, set: &[char]) -> Option<char> {
    match t {
        Some(Tok::Sep(c)) if set.contains(c) => Some(*c),
        _ => None,
    }
}

fn month_tok(t: Option<&Tok<'_>>) -> Option<u32> {
    match t {
        Some(Tok::Word(w)) => month_number(w).map(u32::from),
        _ => None,
    }
}

/// Connector words that may stand between day, month and year
/// ("1 de mayo de 2022", "1st of May").
fn is_filler(t: Option<&Tok<'_>>) -> bool {
    matches!(t, Some(Tok::Word(w)) if matches!(w.to_lowercase().as_str(), "de" | "of" | "del" | "st" | "nd" | "rd" | "th" | "er"))
}

/// Try every pattern at token `i`; the date and the tokens it used.
/// Every pattern needs a run of two ASCII digits (a year at least):
/// [`may_hold_date`] skips lines without one, so a pattern that does
/// without must change that test too.
fn date_at(toks: &[Tok<'_>], i: usize, how: Reading) -> Option<(Ymd, usize)> {
    let g = |k: usize| toks.get(i + k);
    // YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD (also "2019. 6. 24.")
    if let Some(y) = num(g(0), 4, 4) {
        if let Some(s) = is_sep(g(1), &['-', '/', '.'])
            && let (Some(m), Some(_), Some(d)) =
                (num(g(2), 1, 2), is_sep(g(3), &[s]), num(g(4), 1, 2))
        {
            return Ymd::new(y, m, d).map(|ymd| (ymd, 5));
        }
        // 2019年06月24日 (Chinese, Japanese)
        if matches!(g(1), Some(Tok::Word(w)) if w.starts_with('年'))
            && let (Some(m), Some(Tok::Word(mw)), Some(d)) =
                (num(g(2), 1, 2), g(3), num(g(4), 1, 2))
            && mw.starts_with('月')
        {
            let used = if matches!(g(5), Some(Tok::Word("日"))) {
                6
            } else {
                5
            };
            return Ymd::new(y, m, d).map(|ymd| (ymd, used));
        }
    }
    // YYYYMMDD (compact ISO, as in URLs and some meta tags)
    if let Some(Tok::Num(n)) = g(0)
        && how.compact
        && (n.len() == 8 || (n.len() == 14 && i == 0))
    {
        let y = n[0..4].parse().ok()?;
        let m = n[4..6].parse().ok()?;
        let d = n[6..8].parse().ok()?;
        if (1995..=2100).contains(&y)
            && let Some(ymd) = Ymd::new(y, m, d)
        {
            return Some((ymd, 1));
        }
    }
    // DD.MM.YYYY, DD-MM-YYYY, MM/DD/YYYY (slash: US order unless impossible)
    if let Some(a) = num(g(0), 1, 2) {
        if let Some(s) = is_sep(g(1), &['.', '-', '/'])
            && let (Some(b), Some(_), Some(y)) =
                (num(g(2), 1, 2), is_sep(g(3), &[s]), num(g(4), 4, 4))
        {
            let us = s == '/' && a <= 12 && !(how.day_first && b <= 12);
            let (d, m) = if us { (b, a) } else { (a, b) };
            return Ymd::new(y, m, d).map(|ymd| (ymd, 5));
        }
        // 24.11.25, a German short form: two digits each, this century,
        // and not part of a longer dotted number (a version, an address).
        if let (Some(_), Some(b), Some(_), Some(yy)) = (
            is_sep(g(1), &['.']),
            num(g(2), 2, 2),
            is_sep(g(3), &['.']),
            num(g(4), 2, 2),
        ) && matches!(g(0), Some(Tok::Num(n)) if n.len() == 2)
            && !(is_sep(g(5), &['.']).is_some() && matches!(g(6), Some(Tok::Num(_))))
            && !(i >= 2
                && is_sep(toks.get(i - 1), &['.']).is_some()
                && matches!(toks.get(i - 2), Some(Tok::Num(_))))
        {
            return Ymd::new(2000 + yy, b, a).map(|ymd| (ymd, 5));
        }
        // 1. November 2025, 1 novembre 2025, 1 de mayo de 2022, 1st May 2025
        let mut k = 1;
        if is_sep(g(k), &['.']).is_some() {
            k += 1;
        }
        while is_filler(g(k)) {
            k += 1;
        }
        if let Some(m) = month_tok(g(k)) {
            k += 1;
            if is_sep(g(k), &['.', ',']).is_some() {
                k += 1;
            }
            while is_filler(g(k)) {
                k += 1;
            }
            if let Some(y) = num(g(k), 4, 4) {
                return Ymd::new(y, m, a).map(|ymd| (ymd, k + 1));
            }
        }
    }
    // November 1, 2025; Nov. 1st 2025
    if let Some(m) = month_tok(g(0)) {
        let mut k = 1;
        if is_sep(g(k), &['.']).is_some() {
            k += 1;
        }
        if let Some(d) = num(g(k), 1, 2) {
            k += 1;
            while is_filler(g(k)) {
                k += 1;
            }
            if is_sep(g(k), &[',', '.']).is_some() {
                k += 1;
            }
            if let Some(y) = num(g(k), 4, 4) {
                return Ymd::new(y, m, d).map(|ymd| (ymd, k + 1));
            }
        }
    }
    None
}

/// The first calendar date written in `s`, plausible or not.
pub fn find(s: &str, how: Reading) -> Option<Ymd> {
    if !may_hold_date(s) {
        return None;
    }
    let toks = tokenize(s);
    (0..toks.len()).find_map(|i| date_at(&toks, i, how).map(|(d, _)| d))
}

/// The first plausible date written in `s`, as `YYYY-MM-DD`.
///
/// ```
/// use deboil::metadata::date::parse;
/// assert_eq!(parse("1. November 2025").as_deref(), Some("2025-11-01"));
/// assert_eq!(parse("2025-11-01T10:00:00Z").as_deref(), Some("2025-11-01"));
/// assert_eq!(parse("© 1980"), None);
/// ```
pub fn parse(s: &str) -> Option<String> {
    parse_as(s, Reading::MARKUP)
}

/// [`parse`] with ambiguities read as `how` says.
pub fn parse_as(s: &str, how: Reading) -> Option<String> {
    if !may_hold_date(s) {
        return None;
    }
    let toks = tokenize(s);
    (0..toks.len())
        .filter_map(|i| date_at(&toks, i, how).map(|(d, _)| d))
        .find(Ymd::is_plausible)
        .map(|d| d.iso())
}

/// Words that may stand beside a date in a line that states nothing else:
/// labels ("Datum", "Published", "Erschienen am", "Publié le"), fillers and
/// time-of-day words, lower-case.
const DATE_LABELS: &[&str] = &[
    // English ("by" and its kin: a byline whose name is a link of its own)
    "date",
    "by",
    "published",
    "posted",
    "updated",
    "on",
    "at",
    "am",
    "pm",
    "last",
    "modified",
    "a",
    "p",
    "m",
    "et",
    "gmt",
    "utc",
    // German
    "datum",
    "von",
    "veröffentlicht",
    "erschienen",
    "aktualisiert",
    "stand",
    "vom",
    "am",
    "um",
    "uhr",
    "den",
    "zuletzt",
    "erstellt",
    // French
    "publié",
    "publiée",
    "par",
    "le",
    "mis",
    "à",
    "jour",
    "h",
    // Spanish, Portuguese, Italian
    "publicado",
    "fecha",
    "data",
    "pubblicato",
    "il",
    "el",
    "em",
    "às",
    // Polish, Dutch
    "opublikowano",
    "publikacji",
    "aktualizacji",
    "r",
    "dnia",
    "godz",
    "gepubliceerd",
    "op",
    // Chinese: "发布时间", "日期" are read as words of Han characters
    "发布时间",
    "发布日期",
    "日期",
    "时间",
];

/// A line that is a date and nothing else, beside a label, a weekday, a
/// time of day and punctuation ("16.10.2021", "Apr 7, 2009", "am
/// 20.09.2020", "Datum: 28.01.2022", "Mittwoch, 3. März 2021, 14:05 Uhr").
/// The date is returned as `YYYY-MM-DD` when plausible.
pub fn standalone(s: &str, how: Reading) -> Option<String> {
    if s.len() > 4 * 80 || s.chars().count() > 80 || !may_hold_date(s) {
        return None;
    }
    let toks = tokenize(s);
    let (at, (ymd, len)) = (0..toks.len()).find_map(|i| date_at(&toks, i, how).map(|d| (i, d)))?;
    let rest_ok = toks[..at].iter().chain(&toks[at + len..]).all(|t| match t {
        Tok::Word(w) => {
            let w = w.to_lowercase();
            DATE_LABELS.contains(&w.as_str())
                || is_weekday(&w)
                || WEEKDAY_ABBREVIATIONS.contains(&w.as_str())
        }
        Tok::Num(n) => n.len() <= 2,
        // "© 16.10.2021" is a copyright notice.
        Tok::Sep(c) => *c != '©',
    });
    (rest_ok && ymd.is_plausible()).then(|| ymd.iso())
}

/// A date written into a URL path: `/2025/11/01/`, `/2025-11-01-slug`,
/// `/20251101/`. A year and month alone are not a date.
pub fn from_url(url: &str) -> Option<String> {
    let path = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest.split_once('/').map_or("", |(_, p)| p));
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segs: Vec<&str> = path.split('/').collect();
    for (i, seg) in segs.iter().enumerate() {
        let all_digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if all_digits(seg, 4)
            && let (Some(m), Some(d)) = (segs.get(i + 1), segs.get(i + 2))
        {
            let d = d.get(..2).unwrap_or(d);
            if (1..=2).contains(&m.len())
                && m.bytes().all(|b| b.is_ascii_digit())
                && (1..=2).contains(&d.len())
                && d.bytes().all(|b| b.is_ascii_digit())
                && segs
                    .get(i + 2)
                    .is_some_and(|s| s.len() <= 2 || !s.as_bytes()[2].is_ascii_digit())
            {
                let ymd = Ymd::new(seg.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
                if let Some(ymd) = ymd.filter(Ymd::is_plausible) {
                    return Some(ymd.iso());
                }
            }
        }
        let b = seg.as_bytes();
        let next = segs.get(i + 1).copied().unwrap_or("");
        let two_digits = |s: &str| {
            let n = s.as_bytes();
            n.len() >= 2
                && n[..2].iter().all(u8::is_ascii_digit)
                && n.get(2).is_none_or(|c| !c.is_ascii_digit())
        };
        // /2025-11/01/ and /2025/1101/ (Chinese news sites)
        if b.len() == 7
            && b[4] == b'-'
            && two_digits(next)
            && let Some(ymd) = parse_ymd_digits(&seg[0..4], &seg[5..7], &next[0..2])
        {
            return Some(ymd.iso());
        }
        if all_digits(seg, 4)
            && all_digits(next, 4)
            && let Some(ymd) = parse_ymd_digits(seg, &next[0..2], &next[2..4])
        {
            return Some(ymd.iso());
        }
        // 2025-11-01 or 20251101 at the start of a segment
        if b.len() >= 10
            && b[4] == b'-'
            && b[7] == b'-'
            && (b.len() == 10 || !b[10].is_ascii_digit())
            && let Some(ymd) = parse_ymd_digits(&seg[0..4], &seg[5..7], &seg[8..10])
        {
            return Some(ymd.iso());
        }
        if b.len() == 8
            && b.iter().all(u8::is_ascii_digit)
            && let Some(ymd) = parse_ymd_digits(&seg[0..4], &seg[4..6], &seg[6..8])
        {
            return Some(ymd.iso());
        }
    }
    None
}

/// Days since 1970-01-01 (inverse of `civil_from_days`).
fn days_from_civil(d: Ymd) -> i64 {
    let y = i64::from(d.year) - i64::from(d.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(d.month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn from_iso(s: &str) -> Option<Ymd> {
    let b = s.as_bytes();
    (b.len() == 10 && b[4] == b'-' && b[7] == b'-')
        .then(|| parse_ymd_digits(&s[0..4], &s[5..7], &s[8..10]))
        .flatten()
}

/// True when two `YYYY-MM-DD` dates are exactly one day apart.
pub fn one_day_apart(a: &str, b: &str) -> bool {
    match (from_iso(a), from_iso(b)) {
        (Some(a), Some(b)) => (days_from_civil(a) - days_from_civil(b)).abs() == 1,
        _ => false,
    }
}

/// True for a machine timestamp with a time of day given in UTC
/// (`2020-01-07T23:30:16+00:00`, `...Z`): its calendar date may be a day
/// off the date the page shows its readers. A timestamp with another
/// offset is already local, and its date is taken as written.
pub fn is_utc_stamp(s: &str) -> bool {
    let s = s.trim();
    let b = s.as_bytes();
    let timed = b.len() >= 16 && matches!(b[10], b'T' | b' ') && b[13] == b':';
    timed
        && (s.ends_with('Z')
            || s.ends_with("+00:00")
            || s.ends_with("+0000")
            || s.ends_with("-00:00")
            || s.ends_with("+00"))
}

fn parse_ymd_digits(y: &str, m: &str, d: &str) -> Option<Ymd> {
    let all = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !(all(y) && all(m) && all(d)) {
        return None;
    }
    Ymd::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).filter(Ymd::is_plausible)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::calendar::MONTH_INDEX;

    #[test]
    fn month_shapes_rule_out_no_month() {
        let plain = |w: &str| {
            let w = w.trim_end_matches('.');
            MONTH_INDEX.get(w.to_lowercase().as_str()).copied()
        };
        let mut words: Vec<String> = Vec::new();
        for (name, _) in MONTHS {
            words.push((*name).to_string());
            words.push(name.to_uppercase());
            words.push(format!("{name}."));
            words.push(format!("{name}s"));
            let mut shorter = name.chars();
            shorter.next_back();
            words.push(shorter.as_str().to_string());
        }
        words.extend(
            [
                "", ".", "Mai", "MAY", "mar", "Jun.", "sept", "Sept.", "x", "Juli", "März", "the",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(month_number(w), plain(w), "{w:?}");
        }
    }

    /// Each input gives its expected value.
    fn reads(f: impl Fn(&str) -> Option<String>, cases: &[(&str, Option<&str>)]) {
        for &(s, want) in cases {
            assert_eq!(f(s).as_deref(), want, "{s:?}");
        }
    }

    #[test]
    fn machine_formats() {
        reads(
            parse,
            &[
                ("2025-11-01T10:00:00Z", Some("2025-11-01")),
                ("2025-11-01", Some("2025-11-01")),
                ("2019/10/18 12:00", Some("2019-10-18")),
                ("20191018", Some("2019-10-18")),
                ("2019年06月24日 12時", Some("2019-06-24")),
            ],
        );
    }

    #[test]
    fn textual_dates_in_several_languages() {
        reads(
            parse,
            &[
                ("November 1, 2025", Some("2025-11-01")),
                ("Nov. 1st, 2025", Some("2025-11-01")),
                ("1. November 2025", Some("2025-11-01")),
                ("24. November 2025", Some("2025-11-24")),
                ("am 3. März 2020", Some("2020-03-03")),
                ("1 novembre 2025", Some("2025-11-01")),
                ("1er novembre 2025", Some("2025-11-01")),
                ("1 de mayo de 2022", Some("2022-05-01")),
                ("12 ottobre 2021", Some("2021-10-12")),
                ("5 de março de 2021", Some("2021-03-05")),
                ("7 listopada 2020", Some("2020-11-07")),
                ("3 mei 2019", Some("2019-05-03")),
                ("15 августа 2016, 13:43", Some("2016-08-15")),
                ("Published 01.11.2025, 10:00", Some("2025-11-01")),
                ("10/18/2019", Some("2019-10-18")),
                ("18/10/2019", Some("2019-10-18")),
                ("adminNovember 1, 2025No Comments", Some("2025-11-01")),
                ("23.09.20 | 18:19", Some("2020-09-23")),
                ("Version 10.11.12.4", None),
                ("192.168.10.11.12", None),
            ],
        );
    }

    #[test]
    fn slashed_dates_in_the_page_order() {
        let gb = Reading::for_language(Some("en-GB"));
        let fr = Reading::for_language(Some("fr"));
        let us = Reading::for_language(Some("en"));
        assert_eq!(parse_as("02/10/2020", gb).as_deref(), Some("2020-10-02"));
        assert_eq!(parse_as("05/06/2020", fr).as_deref(), Some("2020-06-05"));
        assert_eq!(parse_as("05/06/2020", us).as_deref(), Some("2020-05-06"));
        assert_eq!(parse_as("10/18/2019", fr).as_deref(), Some("2019-10-18"));
        assert_eq!(parse_as("05.06.2020", us).as_deref(), Some("2020-06-05"));
    }

    #[test]
    fn rejects_impossible_and_implausible_dates() {
        let next_year = today().year + 1;
        let future = format!("{next_year}-01-01");
        reads(
            parse,
            &[
                ("2019-02-30", None),
                ("1. Januar 1990", None),
                ("3099-01-01", None),
                (&future, None),
                ("© 2019 Example Inc.", None),
                ("no date here", None),
            ],
        );
    }

    #[test]
    fn dates_standing_alone() {
        reads(
            |s| standalone(s, Reading::MARKUP),
            &[
                ("16.10.2021", Some("2021-10-16")),
                ("Apr 7, 2009", Some("2009-04-07")),
                ("am 20.09.2020", Some("2020-09-20")),
                ("Datum: 28.01.2022", Some("2022-01-28")),
                ("Mittwoch, 3. März 2021, 14:05 Uhr", Some("2021-03-03")),
                ("Publié le 24 novembre 2025 à 10 h", Some("2025-11-24")),
                ("24 listopada 2025", Some("2025-11-24")),
                ("2025年11月24日", Some("2025-11-24")),
                ("wtorek, 24 listopada 2025 r.", Some("2025-11-24")),
                ("Data publikacji: 24.11.2025", Some("2025-11-24")),
                ("发布时间：2025-11-24 10:30", Some("2025-11-24")),
                ("Nov. 24, 2025 at 10:30 a.m. ET", Some("2025-11-24")),
                // A date inside a sentence, or with other words, is not alone.
                ("Das Forum wurde am 26. Januar 2022 eröffnet", None),
                ("© 16.10.2021 Example GmbH", None),
                ("no date", None),
                ("© 16.10.2021", None),
                ("von am 20.09.2020", Some("2020-09-20")),
            ],
        );
    }

    #[test]
    fn weekdays() {
        assert!(is_weekday("Mittwoch"));
        assert!(is_weekday("mardi"));
        assert!(is_weekday("Środa"));
        assert!(!is_weekday("so"));
        assert!(!is_weekday("Mitte"));
    }

    #[test]
    fn url_dates() {
        assert_eq!(
            from_url("https://example.com/2019/10/18/some-title/").as_deref(),
            Some("2019-10-18")
        );
        assert_eq!(
            from_url("https://example.com/news/2020-04-28-slug.html").as_deref(),
            Some("2020-04-28")
        );
        assert_eq!(from_url("https://example.com/2019/10/slug"), None);
        assert_eq!(
            from_url("http://www.example.cn/news/2012-06/04/content_25340717.htm").as_deref(),
            Some("2012-06-04")
        );
        assert_eq!(
            from_url("http://example.cn/n1/2019/1124/c1001-31469370.html").as_deref(),
            Some("2019-11-24")
        );
        assert_eq!(from_url("https://example.com/2019/1399/x"), None);
        assert_eq!(from_url("https://example.com/1234/5678/90/"), None);
    }

    #[test]
    fn utc_stamps_and_day_distance() {
        assert!(is_utc_stamp("2020-01-07T23:30:16+00:00"));
        assert!(is_utc_stamp("2023-11-09T05:30:59Z"));
        assert!(!is_utc_stamp("2022-02-03T20:17:12+01:00"));
        assert!(!is_utc_stamp("2022-02-03"));
        assert!(one_day_apart("2018-12-31", "2019-01-01"));
        assert!(one_day_apart("2020-03-01", "2020-02-29"));
        assert!(!one_day_apart("2020-03-01", "2020-03-03"));
        for z in [0, 365, 18_000, 19_500] {
            assert_eq!(days_from_civil(civil_from_days(z)), z);
        }
    }

    #[test]
    fn civil_calendar() {
        assert_eq!(civil_from_days(0).iso(), "1970-01-01");
        assert_eq!(civil_from_days(18_000).iso(), "2019-04-14");
    }
}
