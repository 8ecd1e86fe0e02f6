//! A text dump -> units: one logical line each, with its layout features.
//!
//! Renderers such as w3m and Lynx print one paragraph per line (the page is
//! rendered 1000 columns wide), list items as bullet lines and table rows as
//! space- or `|`-separated cells. Hand-made dumps may wrap paragraphs at a
//! fixed width instead. This module undoes those layouts: it strips bullets,
//! joins wrapped lines and records what the layout said about each unit.

use crate::block::BlockTag;

/// One logical line of the dump: a paragraph, list item, table row or a short
/// piece of page furniture.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// The text, whitespace-normalised, without bullet or box-drawing borders.
    pub text: String,
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
    let indent = line.len() - line.trim_start().len();
    let t = line.trim_start();
    let mut chars = t.chars();
    if let Some(c) = chars.next() {
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
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if indent > 0 && (1..=3).contains(&digits) {
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
    let found = memchr::memchr_iter(0xE2, b).any(|i| matches!(b.get(i + 1), Some(0x94 | 0x95)));
    debug_assert_eq!(found, line.chars().any(is_box_char));
    found
}

/// Turn one source line into normalised text and a layout tag.
fn parse_line(raw: &str) -> (String, BlockTag, usize) {
    let expanded;
    let line = if raw.contains('\t') {
        expanded = raw.replace('\t', "        ");
        expanded.as_str()
    } else {
        raw
    };
    let line = line.trim_start_matches('\u{feff}');
    let indent = line.chars().take_while(|c| c.is_whitespace()).count();
    // w3m box-drawn tables: "│ cell │ cell │" rows and "├──┼──┤" rules.
    if has_box_char(line) {
        let cells: Vec<String> = line
            .split(is_box_char)
            .filter_map(crate::metadata::clean)
            .collect();
        return (cells.join(" | "), BlockTag::TableRow, indent);
    }
    let (bullet, rest) = strip_bullet(line);
    let text = crate::metadata::clean(rest).unwrap_or_default();
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

/// Width at which a dump's paragraphs were hard-wrapped, if they were:
/// many lines end close to the same column. Renderer dumps (one paragraph per
/// line) report their own wide width, where only very long paragraphs wrap.
fn wrap_width(lines: &[&str]) -> Option<usize> {
    let lens: Vec<usize> = lines
        .iter()
        .map(|l| l.trim_end().chars().count())
        .filter(|&n| n > 0)
        .collect();
    let max = *lens.iter().max()?;
    if max >= 960 {
        return Some(960);
    }
    if !(40..=140).contains(&max) {
        return None;
    }
    let near = lens.iter().filter(|&&n| n + 15 >= max).count();
    (lens.len() >= 4 && near * 3 >= lens.len()).then_some(max - 15)
}

/// Split a dump into units: CRLF and lone CR line ends, a stray U+FEFF,
/// tabs, bullets, box-drawn tables and hard-wrapped paragraphs handled.
pub fn split(text: &str) -> Vec<Unit> {
    let text = text.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .flat_map(|l| l.split('\r'))
        .collect();
    let wrap = wrap_width(&lines);
    let mut units: Vec<Unit> = Vec::new();
    let mut blank = true;
    // Whether the previous unit's last source line reached the wrap width.
    let mut prev_full = false;
    // Whether the previous source line ended a sentence.
    let mut prev_sentence = false;
    for raw in &lines {
        let (text, tag, indent) = parse_line(raw);
        if text.is_empty() {
            // A bare bullet or a table rule is not a blank line.
            if raw.trim().is_empty() {
                blank = true;
                if let Some(u) = units.last_mut() {
                    u.blank_after = true;
                }
            }
            prev_full = false;
            continue;
        }
        let full = wrap.is_some_and(|w| raw.trim_end().chars().count() >= w);
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
        prev_sentence = crate::text::classify::ends_sentence(&text);
        if continues && let Some(u) = units.last_mut() {
            u.text.push(' ');
            u.text.push_str(&text);
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

    #[test]
    fn splits_crlf_bom_tabs_and_blank_lines() {
        let units = split("\u{feff}Title\r\n\r\n\tFirst  para.\r\nSecond para.\r\n");
        let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(texts, ["Title", "First para.", "Second para."]);
        assert!(units[0].blank_after && units[1].blank_before);
        assert!(!units[2].blank_before);
        assert_eq!(units[1].indent, 8);
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
    fn sentence_end_at_the_wrap_ends_the_unit() {
        let text = "This paragraph was wrapped by its author at a width of about\n\
                    sixty columns, and it ends right here at the wrap column ok.\n\
                    Share on Facebook\n\
                    A second paragraph follows here, also wrapped at the same wi\n\
                    dth as the first one was, ending on a short line.\n\
                    Another line that fills the column up to the wrap width too.\n";
        let units = split(text);
        let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert_eq!(texts[1], "Share on Facebook");
    }
}
