//! Boilerplate rules shared by the HTML and text-dump paths.
//!
//! Both paths end in a list of [`Block`]s; the rules here judge one block by
//! its wording (share bars, "Subscribe to Updates", "Leave a Reply",
//! copyright lines). Structure-specific rules (DOM attributes, bullet runs)
//! live with their path and use the same [`crate::lexicon`].

pub mod attributes;

use crate::lexicon::bylines;
use crate::lexicon::calendar;
use crate::lexicon::closings;
use crate::lexicon::credits;
use crate::lexicon::labels;
use crate::lexicon::notices;
use crate::lexicon::phrases;
use crate::lexicon::social;
use crate::model::block::{Block, BlockTag, Kind, Removed};
use crate::util::words::word_count_upto;

/// Blocks longer than this many words are never judged by their wording:
/// an article sentence may mention "comments" or "cookies".
pub const PHRASE_MAX_WORDS: usize = 12;

/// Blocks up to this many words are judged as a newsletter pitch when two
/// subscription cues meet in them ("Sign up for our newsletter to get ...
/// in your inbox").
pub const PITCH_MAX_WORDS: usize = 35;

/// The boilerplate kind a block's wording alone reveals, if any.
pub fn wording_kind(block: &Block) -> Option<Kind> {
    let words = word_count_upto(&block.text, PITCH_MAX_WORDS);
    if words == 0 || words > PITCH_MAX_WORDS {
        return None;
    }
    wording_kind_of(&block.text.to_lowercase(), words)
}

/// [`wording_kind`] of a text given lower-cased, and its word count (exact
/// up to [`PITCH_MAX_WORDS`], anything above it beyond): for callers that
/// have both at hand.
pub fn wording_kind_of(lower: &str, words: usize) -> Option<Kind> {
    if words == 0 || words > PITCH_MAX_WORDS {
        return None;
    }
    if social::is_follow_line(lower) {
        return Some(Kind::Share);
    }
    if bylines::is_staff_credit(lower) || bylines::is_posted_line(lower) {
        return Some(Kind::Footer);
    }
    if words > PHRASE_MAX_WORDS {
        return notices::is_subscribe_pitch(lower).then_some(Kind::Subscribe);
    }
    if credits::is_gallery_counter(lower) {
        return Some(Kind::Other);
    }
    if social::is_share_line(lower) {
        return Some(Kind::Share);
    }
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if let Some(kind) = labels::label_kind(bare) {
        return Some(kind);
    }
    if labels::TAG_HEADINGS.contains(&bare) {
        return Some(Kind::Other);
    }
    phrases::phrase_kind(lower)
}

/// The boilerplate kind of a block in a chosen article region: its wording,
/// or, for a short heading-like line, the zone after the article it opens
/// ("Related Roundup: ...", "More Great WIRED Stories", "12 Comments").
/// The text-dump path judges such lines with their neighbours instead.
pub fn region_kind(block: &Block) -> Option<Kind> {
    let words = word_count_upto(&block.text, PITCH_MAX_WORDS);
    if words > PITCH_MAX_WORDS {
        return None;
    }
    region_kind_of(&block.text.to_lowercase(), words)
}

/// [`region_kind`] of a text given lower-cased, and its word count (exact
/// up to [`PITCH_MAX_WORDS`]).
fn region_kind_of(lower: &str, words: usize) -> Option<Kind> {
    wording_kind_of(lower, words).or_else(|| {
        (words <= END_MAX_WORDS)
            .then(|| closings::end_kind(lower))
            .flatten()
    })
}

/// Words at most in a line judged by its opening as the start of the zone
/// after the article.
const END_MAX_WORDS: usize = 6;

/// Whether a short block or heading opens an "About the company" or "About
/// the author" section, which closes press releases and blog posts.
#[cfg(test)]
pub fn is_about_heading(block: &Block) -> bool {
    let words = word_count_upto(&block.text, 6);
    (1..=6).contains(&words) && about_heading_of(&block.text.to_lowercase(), words)
}

/// [`is_about_heading`] of a text given lower-cased, and its word count
/// (exact up to 6).
fn about_heading_of(lower: &str, words: usize) -> bool {
    if words == 0 || words > 6 {
        return false;
    }
    bylines::ABOUT_OPENERS.iter().any(|o| {
        // Whole words only: "Kontakt:" opens a contact box, "Kontaktlinsen" does not.
        lower
            .strip_prefix(o)
            .is_some_and(|rest| o.ends_with(' ') || !rest.starts_with(char::is_alphanumeric))
    })
}

/// Words at most in a paywall notice ("To continue reading, subscribe ...").
pub const PAYWALL_MAX_WORDS: usize = 40;
// `finish` counts each block's words up to this cap and hands the count to
// every wording rule, the subscribe pitch's included.
const _: () = assert!(PAYWALL_MAX_WORDS >= PITCH_MAX_WORDS);

/// Whether a block is a paywall notice: short, and opening with the words
/// that cut an article off for non-subscribers.
#[cfg(test)]
pub fn is_paywall_notice(text: &str) -> bool {
    let words = word_count_upto(text, PAYWALL_MAX_WORDS);
    words > 0 && words <= PAYWALL_MAX_WORDS && notices::is_paywall_notice(&text.to_lowercase())
}

/// [`is_paywall_notice`] of a text given lower-cased, and its word count
/// (exact up to [`PAYWALL_MAX_WORDS`]).
fn paywall_notice_of(lower: &str, words: usize) -> bool {
    words > 0 && words <= PAYWALL_MAX_WORDS && notices::is_paywall_notice(lower)
}

/// Whether a line is only a copyright notice or a list of legal links.
pub fn is_copyright(lower: &str) -> bool {
    // The marks open with three bytes (© is C2 A9): one vectorised search
    // for those, and a comparison where one stands, costs less on a short
    // line than a substring searcher per mark.
    let b = lower.as_bytes();
    memchr::memchr3_iter(0xC2, b'(', b'c', b).any(|i| {
        let rest = &b[i..];
        COPYRIGHT_MARKS
            .iter()
            .any(|m| rest.starts_with(m.as_bytes()))
    })
}

/// What names a copyright: see [`is_copyright`].
const COPYRIGHT_MARKS: [&str; 3] = ["©", "(c) 20", "copyright"];

/// Whether a short block is only a date, a time or a "Posted/Updated"
/// line: most of its tokens hold digits or are month, weekday or time words.
pub fn is_dateline(text: &str) -> bool {
    // A dateline has a token with an ASCII digit: without one, the answer
    // is no before splitting and lower-casing every token.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let tokens: Vec<&str> = text
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | '|' | '/' | '(' | ')' | '·' | '•')
        })
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.is_empty() || tokens.len() > 12 {
        return false;
    }
    let mut digits = 0;
    let mut datey = 0;
    // A year, a clock time or a month name: what makes numbers a date.
    let mut anchor = false;
    for t in &tokens {
        let lower = t.to_lowercase();
        let lower = lower.trim_matches(|c: char| !c.is_alphanumeric());
        if t.chars().any(|c| c.is_ascii_digit()) {
            digits += 1;
            datey += 1;
            anchor |= has_year(t) || is_clock(lower);
        } else {
            let month = calendar::is_month(lower);
            if month || calendar::is_time_word(lower) {
                datey += 1;
                anchor |= month;
            }
        }
    }
    digits >= 1 && anchor && datey * 3 >= tokens.len() * 2
}

/// Whether a short line is a byline: "By Jane Doe", "Von Jana Müller",
/// "Texte : Marie Dupont".
#[cfg(test)]
pub fn is_byline(text: &str) -> bool {
    let words = word_count_upto(text, 12);
    if words == 0 || words > 12 {
        return false;
    }
    byline_of(text, &text.to_lowercase(), words)
}

/// [`is_byline`] of a text and its lower-cased copy, given its word count
/// (exact up to 12).
fn byline_of(text: &str, lower: &str, words: usize) -> bool {
    if words == 0 || words > 12 {
        return false;
    }
    // Whitespace lower-cases to itself: both trims cut the same bytes.
    let text = text.trim_start();
    let lower = lower.trim_start();
    bylines::BYLINE_OPENERS.iter().any(|w| {
        let Some(rest) = lower.strip_prefix(w) else {
            return false;
        };
        if !rest.starts_with(|c: char| c.is_whitespace() || c == ':') {
            return false;
        }
        // The original-case remainder must look like a name: a few
        // capitalised words before any separator, date or end.
        let Some(orig) = text.get(text.len() - rest.len()..) else {
            return false;
        };
        let name: Vec<&str> = orig
            .trim_start_matches(|c: char| c.is_whitespace() || c == ':')
            .split(['·', '|', ',', '–', '—', '/', '(', '\n'])
            .next()
            .unwrap_or("")
            .split_whitespace()
            .take_while(|t| !t.chars().any(|c| c.is_ascii_digit()))
            .collect();
        (1..=5).contains(&name.len())
            && name.iter().all(|t| {
                t.starts_with(|c: char| c.is_uppercase())
                    || matches!(
                        *t,
                        "de" | "da"
                            | "van"
                            | "von"
                            | "der"
                            | "and"
                            | "und"
                            | "et"
                            | "y"
                            | "e"
                            | "&"
                    )
            })
    })
}

/// Whether a token holds a plausible year (1990-2039) as a run of 4 digits.
fn has_year(t: &str) -> bool {
    t.split(|c: char| !c.is_ascii_digit()).any(|d| {
        d.len() == 4 && (d.starts_with("19") && d >= "1990" || d.starts_with("20") && d < "2040")
    })
}

/// Whether a token is a clock time such as `9:41` or `20:13`.
fn is_clock(t: &str) -> bool {
    let mut parts = t.split(':');
    matches!((parts.next(), parts.next()), (Some(h), Some(m))
        if (1..=2).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_digit())
            && m.len() >= 2 && m.bytes().take(2).all(|b| b.is_ascii_digit()))
}

/// Shared rules over a page's candidate article blocks, for both paths:
/// drop blocks whose wording marks them as boilerplate, datelines, repeats
/// of an earlier block (gallery captions, sticky headers), and everything
/// after a closing marker ("Related posts", "Leave a reply", "Tags") that
/// comes once most of the article is behind us.
pub fn finish(blocks: Vec<Block>, removed: &mut Removed) -> Vec<Block> {
    let total: usize = blocks.iter().map(|b| b.text.len()).sum();
    let mut keep = vec![true; blocks.len()];
    let mut before = 0usize;
    let mut cut = blocks.len();
    let mut seen_prose = false;
    for (i, b) in blocks.iter().enumerate() {
        // Every wording rule below judges blocks of at most
        // PAYWALL_MAX_WORDS words: their words are counted and their text
        // lower-cased once, here, and longer blocks are not lower-cased.
        let words = word_count_upto(&b.text, PAYWALL_MAX_WORDS);
        let lower = (words <= PAYWALL_MAX_WORDS).then(|| b.text.to_lowercase());
        let lower = lower.as_deref();
        let prose = b.text.len() > 200 || (b.tag == BlockTag::Paragraph && words > 25);
        if !seen_prose && !prose && lower.is_some_and(|l| byline_of(&b.text, l, words)) {
            keep[i] = false;
            removed.add(Kind::Other);
            continue;
        }
        seen_prose |= prose;
        if before > 0 && lower.is_some_and(|l| paywall_notice_of(l, words)) {
            // The teaser ends here; what follows is the sales pitch.
            removed.add(Kind::Subscribe);
            cut = i;
            break;
        }
        if let Some((kind, lower)) = lower.and_then(|l| region_kind_of(l, words).map(|k| (k, l))) {
            keep[i] = false;
            removed.add(kind);
            // Labels ("Advertisement", "Caption") sit anywhere; related,
            // comment and tag headings close the article.
            let label =
                labels::label_kind(lower.trim_matches(|c: char| !c.is_alphanumeric())).is_some();
            let closing = !label && matches!(kind, Kind::Related | Kind::Comments | Kind::Other);
            if closing && before * 10 >= total * 7 {
                cut = i + 1;
                break;
            }
        } else if lower.is_some_and(|l| about_heading_of(l, words)) && before * 10 >= total * 6 {
            removed.add(Kind::Footer);
            cut = i;
            break;
        } else {
            let dateline = !prose
                && b.tag != BlockTag::TableRow
                && b.tag != BlockTag::ListItem
                && is_dateline(&b.text);
            // A block repeated right after itself (give or take a caption
            // line) is a gallery or sticky-header copy; repeats further
            // apart are the article's own (recipes, schedules).
            let repeat = b.text.chars().nth(19).is_some()
                && blocks[i.saturating_sub(3)..i]
                    .iter()
                    .any(|p| p.text == b.text);
            if dateline || repeat {
                keep[i] = false;
                removed.add(Kind::Other);
            }
        }
        before += b.text.len();
    }
    if cut < blocks.len() {
        removed.add(Kind::Related);
    }
    blocks
        .into_iter()
        .zip(keep)
        .take(cut)
        .filter_map(|(b, k)| k.then_some(b))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copyright_marks_found_as_substrings() {
        for t in [
            "",
            "©",
            "© 2024 verlag",
            "(c) 2019 company",
            "(c) 19",
            "copyright",
            "all rights: copyrigh",
            "cc (c (c) 2 (c) 20",
            "\u{a0}c©",
            "ccopyright",
        ] {
            let plain = COPYRIGHT_MARKS.iter().any(|m| t.contains(m));
            assert_eq!(is_copyright(t), plain, "{t:?}");
        }
    }

    #[test]
    fn datelines() {
        assert!(is_dateline("segunda-feira, 22 de janeiro de 2018 às 0:13"));
        assert!(is_dateline(
            "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM"
        ));
        assert!(is_dateline("2018-08-16"));
        assert!(is_dateline("23 Nov 2017"));
        assert!(is_dateline("11 октября 2018"));
        assert!(!is_dateline("In 2018 the company sold 42 cars in Brazil."));
        assert!(!is_dateline("Chapter one"));
        assert!(!is_dateline("286,35 €"));
        assert!(!is_dateline("0,5s Genauigkeitsklasse"));
        // A month of the calendar's, abbreviated as German, Spanish and
        // Portuguese dates write it, anchors a date; a time zone does not.
        assert!(is_dateline("12. Okt."));
        assert!(is_dateline("3 abr"));
        assert!(!is_dateline("5 EST"));
    }

    #[test]
    fn labels_and_about_sections() {
        let p = |t: &str| Block::new(BlockTag::Paragraph, t);
        assert_eq!(wording_kind(&p("Advertisement")), Some(Kind::Other));
        assert_eq!(wording_kind(&p("- Anzeige -")), Some(Kind::Other));
        assert_eq!(wording_kind(&p("Adverts are everywhere")), None);
        assert_eq!(wording_kind(&p("Schlagworte:")), Some(Kind::Other));
        assert_eq!(wording_kind(&p("Tags")), Some(Kind::Other));
        assert_eq!(wording_kind(&p("Price tags")), None);
        assert_eq!(wording_kind(&p("Externer Inhalt")), Some(Kind::Cookie));
        assert_eq!(
            wording_kind(&p(
                "Follow the Morning Desk on Instagram, Facebook and YouTube."
            )),
            Some(Kind::Share)
        );
        assert_eq!(
            wording_kind(&p("Follow the instructions on the box.")),
            None
        );
        assert_eq!(
            wording_kind(&p("Folgen Sie uns auf Instagram!")),
            Some(Kind::Share)
        );
        assert_eq!(
            wording_kind(&p(
                "Follow the money, investigators say, and the threads lead to a shell company."
            )),
            None
        );
        assert_eq!(
            wording_kind(&p(
                "(Reporting by Jane Roe; additional reporting by John Doe; Editing by Max Muster)"
            )),
            Some(Kind::Footer)
        );
        assert_eq!(wording_kind(&p("Image 3 of 12")), Some(Kind::Other));
        assert_eq!(
            wording_kind(&p(
                "Erstellt am Freitag 3. Juni 2011 um 08:15 und abgelegt unter Reisen, Bahn."
            )),
            Some(Kind::Footer)
        );
        assert_eq!(
            wording_kind(&p("Posted in the window of the bakery was a note.")),
            None
        );
        assert_eq!(wording_kind(&p("Bild 2 von 5")), Some(Kind::Other));
        assert_eq!(wording_kind(&p("DON'T MISS")), Some(Kind::Related));
        assert_eq!(
            region_kind(&p("Related Roundup: MacBook Pro")),
            Some(Kind::Related)
        );
        assert_eq!(region_kind(&p("14 Kommentare")), Some(Kind::Comments));
        assert_eq!(
            region_kind(&p("Related findings were published in Nature last year.")),
            None
        );
        assert_eq!(
            wording_kind(&p(
                "There's plenty more where that came from. Sign up today to get the free \
                 daily newsletter delivered to your inbox."
            )),
            Some(Kind::Subscribe)
        );
        assert_eq!(
            wording_kind(&p(
                "The company patched the software and continued to sign up additional \
                 subscribers throughout the week."
            )),
            None
        );
        assert_eq!(wording_kind(&p("Похожие статьи")), Some(Kind::Related));
        assert_eq!(wording_kind(&p("Добавить отзыв")), Some(Kind::Comments));
        assert_eq!(
            wording_kind(&p("Did you enjoy this article? Tell your friends!")),
            Some(Kind::Share)
        );
        assert_eq!(
            wording_kind(&p(
                "*Werbung. Dieser Beitrag enthält Werbung für eine Marke."
            )),
            Some(Kind::Other)
        );
        assert_eq!(
            wording_kind(&p("Crédits photos : Bestimage")),
            Some(Kind::Other)
        );
        assert_eq!(
            wording_kind(&p(
                "This entry was posted in Allgemein. Bookmark the permalink."
            )),
            Some(Kind::Footer)
        );
        assert_eq!(
            wording_kind(&p("This slideshow requires JavaScript.")),
            Some(Kind::Other)
        );
        assert!(is_about_heading(&Block::new(
            BlockTag::Heading(2),
            "About Ascom"
        )));
        assert!(is_about_heading(&p("Über die Autorin")));
        assert!(is_about_heading(&p("Kontakt:")));
        assert!(!is_about_heading(&p("Kontaktlinsen richtig pflegen")));
        assert!(!is_about_heading(&p(
            "About a third of the residents left the valley that year."
        )));

        // An "About the company" section closes the article once most of it
        // is behind; a label in between does not.
        let long = "The company reported higher sales in every region this quarter, \
                    driven by demand for its new products and a weaker currency.";
        let blocks = vec![
            p(long),
            p("Caption"),
            p(
                "Its chief executive said the outlook for next year remained good, although costs were rising.",
            ),
            Block::new(BlockTag::Heading(2), "About Example Corp"),
            p("Example Corp makes widgets and employs 1,300 people."),
        ];
        let mut removed = Removed::default();
        let out = finish(blocks, &mut removed);
        assert_eq!(out.len(), 2);
        assert_eq!(removed.footer, 1);
    }

    #[test]
    fn bylines() {
        assert!(is_byline("By Ruth Okafor · 18 July 2024"));
        assert!(is_byline("Von Jana Müller"));
        assert!(!is_byline("By the end of the year the plant had closed."));
        assert!(!is_byline("Bystanders watched"));
    }

    #[test]
    fn finish_drops_repeats_and_tail() {
        let p = |t: &str| Block::new(BlockTag::Paragraph, t);
        let long = "This is a long paragraph of the article that goes on for a while, \
                    with enough words to count as prose in any reasonable reading.";
        let blocks = vec![
            p(long),
            p("A photo caption that repeats"),
            p(long).clone(),
            p("A photo caption that repeats"),
            p("Related Posts"),
            p("Some other story"),
        ];
        let mut removed = Removed::default();
        let out = finish(blocks, &mut removed);
        let texts: Vec<&str> = out.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, [long, "A photo caption that repeats"]);
        assert!(removed.related >= 1);
    }

    #[test]
    fn paywall_notice_cuts_the_teaser() {
        let p = |t: &str| Block::new(BlockTag::Paragraph, t);
        let lead = "Der Stadtrat hat am Dienstag beschlossen, die Gebühren für die \
                    Müllabfuhr im kommenden Jahr um zwölf Prozent zu erhöhen.";
        let blocks = vec![
            p(lead),
            p("Um weiterzulesen, schließen Sie ein Abo ab: vier Wochen für nur einen Euro."),
            p("Unbegrenzter Zugang zu allen Artikeln, jederzeit kündbar und ohne Werbung."),
        ];
        let mut removed = Removed::default();
        let out = finish(blocks, &mut removed);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].text, lead);
        assert_eq!(removed.subscribe, 1);
        // Without a word for a subscription or a log-in, the opening is prose.
        let blocks = vec![
            p(lead),
            p("To continue reading about the history of the pool, remember the photos."),
            p("Unbegrenzter Zugang zu allen Artikeln, jederzeit kündbar und ohne Werbung."),
        ];
        assert_eq!(finish(blocks, &mut Removed::default()).len(), 3);
        // Before any article text, the same words cut nothing (a page
        // that opens with the notice keeps its article).
        let blocks = vec![p("To continue reading, log in."), p(lead)];
        let out = finish(blocks, &mut Removed::default());
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn judges_short_blocks_only() {
        let b = Block::new(BlockTag::Paragraph, "Leave A Reply");
        assert_eq!(wording_kind(&b), Some(Kind::Comments));
        let b = Block::new(
            BlockTag::Paragraph,
            "Readers left many comments about the plan, and the council said it would read \
             every one of them before the vote next week.",
        );
        assert_eq!(wording_kind(&b), None);
        let b = Block::new(
            BlockTag::Paragraph,
            "Facebook Twitter LinkedIn Pinterest Email",
        );
        assert_eq!(wording_kind(&b), Some(Kind::Share));
    }
}
