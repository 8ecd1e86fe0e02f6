//! A text dump -> units: one logical line each, with its layout features.
//!
//! Renderers such as w3m and Lynx print one paragraph per line (the page is
//! rendered 1000 columns wide), list items as bullet lines and table rows as
//! space- or `|`-separated cells. Hand-made dumps may wrap paragraphs at a
//! fixed width instead. This module undoes those layouts: it strips bullets,
//! joins wrapped lines and records what the layout said about each unit.

use std::borrow::Cow;

use crate::model::block::BlockTag;

/// One logical line of the dump: a paragraph, list item, table row or a short
/// piece of page furniture.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit<'a> {
    /// The text, whitespace-normalised, without bullet or box-drawing
    /// borders: borrowed from the dump when its line was clean already.
    pub text: Cow<'a, str>,
    /// The structural role the layout suggests (`Paragraph`, `ListItem`,
    /// `TableRow`, `Quote`); headings are decided later, from context.
    pub tag: BlockTag,
    /// Whether a blank line precedes this unit (or it opens the dump).
    pub blank_before: bool,
    /// Whether a blank line follows this unit (or it closes the dump).
    pub blank_after: bool,
    /// Leading spaces of the first source line (tabs count as 8).
    pub indent: usize,
}

/// Symbol bullets that renderers and authors put before list items: w3m
/// (`•`, `□`, `☆`, `○`), Lynx (`*`, `+`, `o`, `#`), hand-written lists
/// (`-`, `·`, `▪`, `►`, `–`) and a few common typographic ones.
const BULLETS: &[char] = &[
    '•', '*', '+', 'o', '#', '□', '☆', '○', '-', '·', '▪', '►', '–', '◦', '■', '●', '◆', '▸', '‣',
    '→', '»', '✓', '✔', '★',
];

/// Bullets that are also ordinary leading characters of text (`o` is a word
/// in Spanish and Portuguese, `#` starts hashtags, `»` opens German quotes):
/// they count only on an indented line, as renderers print list items.
const WEAK_BULLETS: &[char] = &['o', '#', '»', '+'];

/// Split a line into (bullet found, text after it). Numbered items ("1. ",
/// "2) ") are recognised but keep their number, which is part of the text
/// (and may be a German date such as "1. April 2018").
pub fn strip_bullet(line: &str) -> (bool, &str) {
    let t = line.trim_start();
    let indent = line.len() - t.len();
    let mut chars = t.chars();
    // Most lines open with a letter or digit: of those only `o` is a bullet.
    if let Some(c) = chars
        .next()
        .filter(|&c| !c.is_ascii_alphanumeric() || c == 'o')
    {
        let rest = chars.as_str();
        let weak_ok = indent > 0 || !WEAK_BULLETS.contains(&c);
        if BULLETS.contains(&c) && weak_ok {
            if rest.is_empty() {
                return (true, "");
            }
            if rest.starts_with([' ', '\t', '\u{a0}']) {
                return (true, rest.trim_start());
            }
        }
    }
    // "1. Item", "12) Item": up to three digits, on an indented line.
    let digits = if indent > 0 {
        t.bytes().take_while(u8::is_ascii_digit).count()
    } else {
        0
    };
    if (1..=3).contains(&digits) {
        let rest = &t[digits..];
        if (rest.starts_with(". ") || rest.starts_with(") ")) && rest.len() > 2 {
            return (true, t);
        }
    }
    (false, t)
}

/// Characters w3m uses to draw table borders.
fn is_box_char(c: char) -> bool {
    ('\u{2500}'..='\u{257F}').contains(&c)
}

/// Whether a line holds any [`is_box_char`]: in UTF-8 those are the
/// sequences `E2 94 xx` and `E2 95 xx`, found without decoding the line.
fn has_box_char(line: &str) -> bool {
    let b = line.as_bytes();
    memchr::memchr_iter(0xE2, b).any(|i| matches!(b.get(i + 1), Some(0x94 | 0x95)))
}

/// Turn one source line into normalised text and a layout tag.
fn parse_line(raw: &str) -> (Cow<'_, str>, BlockTag, usize) {
    // memchr's vectorised search: `str::contains` with a char runs core's
    // word-at-a-time one.
    if memchr::memchr(b'\t', raw.as_bytes()).is_some() {
        let expanded = raw.replace('\t', "        ");
        let (text, tag, indent) = parse_expanded(&expanded);
        return (Cow::Owned(text.into_owned()), tag, indent);
    }
    parse_expanded(raw)
}

/// [`parse_line`] of a line without tabs.
fn parse_expanded(line: &str) -> (Cow<'_, str>, BlockTag, usize) {
    let line = line.trim_start_matches('\u{feff}');
    let indent = line.chars().take_while(|c| c.is_whitespace()).count();
    // w3m box-drawn tables: "│ cell │ cell │" rows and "├──┼──┤" rules.
    if has_box_char(line) {
        let cells: Vec<String> = line
            .split(is_box_char)
            .filter_map(crate::util::spaces::clean)
            .collect();
        return (Cow::Owned(cells.join(" | ")), BlockTag::TableRow, indent);
    }
    let (bullet, rest) = strip_bullet(line);
    let text = crate::util::spaces::clean_cow(rest).unwrap_or_default();
    let tag = if bullet {
        BlockTag::ListItem
    } else if is_pipe_row(&text) {
        BlockTag::TableRow
    } else {
        BlockTag::Paragraph
    };
    (text, tag, indent)
}

/// A row of cells written with `|` separators ("a | b | c |").
fn is_pipe_row(text: &str) -> bool {
    // Most lines have no `|` at all: skip setting up the searcher.
    memchr::memchr(b'|', text.as_bytes()).is_some()
        && text.matches(" | ").count() + usize::from(text.ends_with(" |")) >= 2
}

/// Width from which a renderer's line is taken for wrapped: w3m and Lynx
/// render 1000 columns wide and wrap longer paragraphs there.
const RENDER_WRAP: usize = 960;

/// A source line's widths, measured once: its characters and how wide a
/// renderer takes it to be. w3m counts display columns (a CJK character
/// takes two), Lynx counts bytes (a Cyrillic letter takes two), so a
/// wrapped line may hold far fewer than 1000 characters; the wider of the
/// two is always the byte length, as every CJK character takes three or
/// four bytes. Trailing whitespace does not count.
#[derive(Debug, Clone, Copy)]
struct Width {
    chars: usize,
    render: usize,
}

impl Width {
    fn of(line: &str) -> Width {
        let line = line.trim_end();
        let chars = if line.is_ascii() {
            line.len()
        } else {
            line.chars().count()
        };
        Width {
            chars,
            render: line.len(),
        }
    }
}

/// Columns below the wrap width within which a wrapped line ends (the next
/// word did not fit).
const WRAP_SLACK: usize = 20;

/// Columns below the longest line within which the lines of a hard-wrapped
/// dump pile up.
const WRAP_PEAK: usize = 10;

/// Width at which a dump's paragraphs were hard-wrapped, if they were:
/// many lines end close to the same column, as many as end in the rest of
/// its right half (menus and short lines do not count against it). Renderer
/// dumps (one paragraph per line) report their own wide width, where only
/// very long paragraphs wrap.
fn wrap_width(widths: &[Width]) -> Option<usize> {
    let lens: Vec<usize> = widths.iter().map(|w| w.chars).filter(|&n| n > 0).collect();
    let max = *lens.iter().max()?;
    if max >= RENDER_WRAP || widths.iter().any(|w| w.render >= RENDER_WRAP) {
        return Some(RENDER_WRAP);
    }
    if !(40..=140).contains(&max) {
        return None;
    }
    let near = lens.iter().filter(|&&n| n + WRAP_PEAK >= max).count();
    let mid = lens
        .iter()
        .filter(|&&n| n * 2 >= max && n + WRAP_PEAK < max)
        .count();
    (lens.len() >= 4 && (near * 3 >= lens.len() || (near >= 4 && near >= mid))).then_some(max)
}

/// The source lines of a dump: split at LF, CRLF and lone CR, as
/// `text.split('\n')`, each line without one trailing CR, split at CR.
/// One vectorised search for both bytes.
fn source_lines(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', b).count() + 1);
    let mut start = 0;
    for i in memchr::memchr2_iter(b'\n', b'\r', b) {
        // The LF of a CRLF, taken with its CR.
        if i < start {
            continue;
        }
        lines.push(&text[start..i]);
        start = i + 1;
        if b[i] == b'\r' {
            if b.get(i + 1) == Some(&b'\n') {
                start = i + 2;
            } else if i + 1 == b.len() {
                // A CR that ends the dump ends its last line: no empty
                // line follows (as no LF follows it).
                return lines;
            }
        }
    }
    lines.push(&text[start..]);
    lines
}

/// Split a dump into units: CRLF and lone CR line ends, a stray U+FEFF,
/// tabs, bullets, box-drawn tables and hard-wrapped paragraphs handled.
pub fn split(text: &str) -> Vec<Unit<'_>> {
    let text = text.trim_start_matches('\u{feff}');
    let lines = source_lines(text);
    let widths: Vec<Width> = lines.iter().map(|l| Width::of(l)).collect();
    let wrap = wrap_width(&widths);
    let mut units: Vec<Unit> = Vec::new();
    let mut blank = true;
    // Whether the previous unit's last source line reached the wrap width.
    let mut prev_full = false;
    // Width of the previous source line (hand-wrapped dumps).
    let mut prev_len = 0;
    // Whether the previous source line ended a sentence.
    let mut prev_sentence = false;
    for (raw, width) in lines.iter().zip(&widths) {
        // A blank line (a third of a dump's lines; most are empty) is not
        // parsed: its text would be empty.
        let (text, tag, indent) = if raw.bytes().all(crate::util::bytes::is_space_byte) {
            (Cow::Borrowed(""), BlockTag::Paragraph, 0)
        } else {
            parse_line(raw)
        };
        if text.is_empty() {
            // A bare bullet or a table rule is not a blank line.
            if raw.trim().is_empty() {
                blank = true;
                if let Some(u) = units.last_mut() {
                    u.blank_after = true;
                }
            }
            prev_full = false;
            prev_len = 0;
            continue;
        }
        let len = width.chars;
        let full = wrap.is_some_and(|w| {
            if w == RENDER_WRAP {
                width.render >= w
            } else {
                len + WRAP_SLACK >= w
            }
        });
        // A hand-wrapped line broke where the next word did not fit: had
        // this line's first word fitted on the previous one, the break was
        // the author's.
        if let Some(w) = wrap.filter(|&w| w != RENDER_WRAP) {
            let word = raw
                .split_whitespace()
                .next()
                .map_or(0, |t| t.chars().count());
            prev_full = prev_len > 0 && prev_len + 1 + word > w;
        }
        prev_len = len;
        // Without blank lines, a sentence that ends at the wrap width and a
        // short line below it ("Share on Facebook") are two units: only a
        // full line, or one after an unfinished sentence, continues.
        let continues = !blank
            && prev_full
            && (full || !prev_sentence)
            && tag == BlockTag::Paragraph
            && units
                .last()
                .is_some_and(|u| matches!(u.tag, BlockTag::Paragraph | BlockTag::ListItem));
        prev_full = full;
        prev_sentence = crate::util::sentence::ends_sentence(&text);
        if continues && let Some(u) = units.last_mut() {
            let joined = u.text.to_mut();
            joined.push(' ');
            joined.push_str(&text);
            continue;
        }
        units.push(Unit {
            text,
            tag,
            blank_before: blank,
            blank_after: false,
            indent,
        });
        blank = false;
    }
    if let Some(u) = units.last_mut() {
        u.blank_after = true;
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_of_any_whitespace_separate_units() {
        // Empty, spaces, a tab, a vertical tab, CR line ends, and a line of
        // Unicode spaces (parsed: it is not ASCII) all count as blank; a
        // bare bullet does not.
        let dump = "One line.\n\nTwo line.\n   \nThree.\n\t\nFour.\r\n\x0b\r\nFive.\n\u{a0}\u{3000}\nSix.\n  •\nSeven.\n";
        let units = split(dump);
        let texts: Vec<&str> = units.iter().map(|u| &*u.text).collect();
        assert_eq!(
            texts,
            [
                "One line.",
                "Two line.",
                "Three.",
                "Four.",
                "Five.",
                "Six.",
                "Seven."
            ]
        );
        let blank: Vec<(bool, bool)> = units
            .iter()
            .map(|u| (u.blank_before, u.blank_after))
            .collect();
        assert_eq!(
            blank,
            [
                (true, true),
                (true, true),
                (true, true),
                (true, true),
                (true, true),
                (true, false),
                (false, true)
            ]
        );
    }

    #[test]
    fn strips_renderer_and_typed_bullets() {
        assert_eq!(strip_bullet("  • Home"), (true, "Home"));
        assert_eq!(strip_bullet("  * Home"), (true, "Home"));
        assert_eq!(strip_bullet("      □ Reviews"), (true, "Reviews"));
        assert_eq!(strip_bullet("  + Columns"), (true, "Columns"));
        assert_eq!(strip_bullet("  o Deeper"), (true, "Deeper"));
        assert_eq!(
            strip_bullet("- Human Cost: many"),
            (true, "Human Cost: many")
        );
        assert_eq!(strip_bullet("▪ item"), (true, "item"));
        // Numbered items keep their number; unindented numbers are text.
        assert_eq!(
            strip_bullet(" 1. Borchert sagt:"),
            (true, "1. Borchert sagt:")
        );
        assert_eq!(strip_bullet("6. April 2018"), (false, "6. April 2018"));
        // Not bullets: a word, a hashtag or a quote at the line start.
        assert_eq!(strip_bullet("o que é isso"), (false, "o que é isso"));
        assert_eq!(strip_bullet("#rust rocks"), (false, "#rust rocks"));
        assert_eq!(strip_bullet("-5 degrees"), (false, "-5 degrees"));
    }

    /// `source_lines` agrees with the plain split for every short mix of
    /// text, CR and LF.
    #[test]
    fn source_lines_agree_with_the_plain_split() {
        fn plain(text: &str) -> Vec<&str> {
            text.split('\n')
                .map(|l| l.strip_suffix('\r').unwrap_or(l))
                .flat_map(|l| l.split('\r'))
                .collect()
        }
        let parts = ["a", "\r", "\n", "é"];
        let mut texts = vec![String::new()];
        for _ in 0..6 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| parts.iter().map(move |p| format!("{t}{p}")))
                .collect();
            for t in &longer {
                assert_eq!(source_lines(t), plain(t), "{t:?}");
            }
            texts = longer;
        }
    }

    #[test]
    fn splits_crlf_bom_tabs_and_blank_lines() {
        let units = split("\u{feff}Title\r\n\r\n\tFirst  para.\r\nSecond para.\r\n");
        let texts: Vec<&str> = units.iter().map(|u| &*u.text).collect();
        assert_eq!(texts, ["Title", "First para.", "Second para."]);
        assert!(units[0].blank_after && units[1].blank_before);
        assert!(!units[2].blank_before);
        assert_eq!(units[1].indent, 8);
    }

    /// `strip_bullet` looks for a bullet only in lines that open with a
    /// character other than an ASCII letter or digit, or with `o`.
    #[test]
    fn o_is_the_only_alphanumeric_bullet() {
        let alnum: Vec<char> = BULLETS
            .iter()
            .copied()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        assert_eq!(alnum, ['o']);
    }

    #[test]
    fn tables_become_rows() {
        let units = split("│ a │ b │\n├───┼───┤\n│ c │ d │\nA | B | C |\n");
        assert_eq!(units.len(), 3);
        assert_eq!(units[0].text, "a | b");
        assert_eq!(units[0].tag, BlockTag::TableRow);
        assert_eq!(units[2].tag, BlockTag::TableRow);
        assert_eq!(units[2].text, "A | B | C |");
    }

    #[test]
    fn joins_hard_wrapped_paragraphs() {
        let text = "This paragraph was wrapped by its author at a width of about\n\
                    sixty columns, so its lines must be joined back together so\n\
                    that it reads as one.\n\n\
                    A second paragraph follows here, also wrapped at the same wi\n\
                    dth as the first one was, ending on a short line.\n";
        let units = split(text);
        assert_eq!(units.len(), 2, "{units:?}");
        assert!(units[0].text.starts_with("This paragraph") && units[0].text.ends_with("one."));
    }

    #[test]
    fn joins_renderer_wraps_counted_in_bytes() {
        // Lynx wraps at 1000 bytes: a Cyrillic line holds about 500 letters.
        let head = "слово ".repeat(90);
        let text = format!("Заголовок\n\n{head}конец\nпродолжение абзаца.\n\nДругой абзац.\n");
        let units = split(&text);
        let texts: Vec<&str> = units.iter().map(|u| &*u.text).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[1].ends_with("конец продолжение абзаца."));
    }

    #[test]
    fn sentence_end_at_the_wrap_ends_the_unit() {
        let text = "This paragraph was wrapped by its author at a width of about\n\
                    sixty columns, and it ends right here at the wrap column ok.\n\
                    Share on Facebook\n\
                    A second paragraph follows here, also wrapped at the same wi\n\
                    dth as the first one was, ending on a short line.\n\
                    Another line that fills the column up to the wrap width too.\n";
        let units = split(text);
        let texts: Vec<&str> = units.iter().map(|u| &*u.text).collect();
        assert_eq!(texts.len(), 4, "{texts:?}");
        assert_eq!(texts[1], "Share on Facebook");
        // A short last line ends its paragraph: "Another" would have fitted
        // on it, so the line below opens a new one.
        assert!(texts[2].ends_with("ending on a short line."));
        assert!(texts[3].starts_with("Another line"));
    }

    #[test]
    fn wrapped_paragraphs_among_menu_lines_are_joined() {
        // Hand-wrapped at 60 columns, with short menu lines around: the
        // lines that end near column 60 outnumber those ending before it.
        let para = "Die Stadt hat am Montag beschlossen, dass die Bauarbeiten\n\
                    für den neuen Platz im Frühjahr beginnen sollen, wie der\n\
                    Bürgermeister am Abend vor den Anwohnern im Rathaus sagte.\n";
        let text = format!(
            "Home\nNews\nSport\nKultur\nWetter\nKontakt\nReisen\nAuto\nDigital\nGeld\nWissen\nPolitik\n\n{para}\n{para}\nImpressum\nDatenschutz\n"
        );
        let units = split(&text);
        let texts: Vec<&str> = units.iter().map(|u| &*u.text).collect();
        assert_eq!(texts.len(), 16, "{texts:?}");
        assert!(texts[12].starts_with("Die Stadt") && texts[12].ends_with("sagte."));
    }

    /// The byte test for box drawing answers as the character test.
    #[test]
    fn box_char_bytes_agree_with_the_characters() {
        let mut lines = crate::util::samples::lines();
        lines.extend((0x2400..0x2700).filter_map(char::from_u32).map(|c| format!("a{c}b")));
        for l in &lines {
            assert_eq!(has_box_char(l), l.chars().any(is_box_char), "{l:?}");
        }
    }

    /// A line's byte length bounds its rendered width: a CJK character,
    /// two columns wide, takes three bytes.
    #[test]
    fn byte_length_bounds_the_rendered_width() {
        for l in crate::util::samples::lines() {
            let w = Width::of(&l);
            let cjk = l.trim_end().chars().filter(|&c| crate::util::chars::is_cjk(c)).count();
            assert!(w.chars + cjk <= w.render, "{l:?}");
        }
    }

    /// A line of whitespace alone parses to no text, as `split` takes it
    /// without parsing.
    #[test]
    fn whitespace_lines_parse_to_nothing() {
        for l in ["", " ", "\t", "\u{b}", "\u{c}", "\r", " \t\u{b}\u{c}\r "] {
            assert!(l.bytes().all(crate::util::bytes::is_space_byte));
            assert!(parse_line(l).0.is_empty(), "{l:?}");
        }
    }
}
