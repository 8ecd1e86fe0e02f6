//! Whole short blocks that are a label, not text: ad markers, lone tag
//! headings.

use std::sync::LazyLock;

use crate::model::block::Kind;

/// Whole short blocks that are a label, not text: ad markers, lone
/// buttons. Matched against the block, lower-cased, without surrounding
/// punctuation.
/// A whole short line that heads the post's tag list, lower-case, bare of
/// punctuation: "Tags", "Schlagworte". Matched whole (the word alone is
/// common in prose); the list closes the article.
pub const TAG_HEADINGS: &[&str] = &[
    "tags",
    "tag",
    "schlagworte",
    "schlagwörter",
    "stichwörter",
    "stichworte",
    "mots-clés",
    "mots clés",
    "étiquettes",
    "etiquetas",
    "etichette",
    "tagi",
    "themen",
    "themen in diesem artikel",
    "topics",
    "topics in this article",
    "標籤",
    "标签",
];

const LABELS: &[(&str, Kind)] = &[
    // The heading of a teaser box set inside the article: the box goes,
    // the article goes on after it.
    ("don't miss", Kind::Related),
    ("don’t miss", Kind::Related),
    ("do not miss", Kind::Related),
    ("nicht verpassen", Kind::Related),
    ("à ne pas manquer", Kind::Related),
    ("no te lo pierdas", Kind::Related),
    ("da non perdere", Kind::Related),
    ("nie przegap", Kind::Related),
    ("não perca", Kind::Related),
    ("advertisement", Kind::Other),
    ("advert", Kind::Other),
    ("ad", Kind::Other),
    ("sponsored", Kind::Other),
    ("anzeige", Kind::Other), // German "advertisement"
    ("werbung", Kind::Other),
    ("publicité", Kind::Other),
    ("publicidad", Kind::Other),
    ("pubblicità", Kind::Other),
    ("reklama", Kind::Other),
    ("caption", Kind::Other),
    ("close", Kind::Other),
    // The placeholder of an embed blocked until consent.
    ("externer inhalt", Kind::Cookie),
    ("external content", Kind::Cookie),
    ("contenu externe", Kind::Cookie),
    ("contenido externo", Kind::Cookie),
    ("menu", Kind::Navigation),
    ("print", Kind::Share),
    // Image zoom buttons.
    ("enlarge", Kind::Other),
    ("vergrößern", Kind::Other),
    ("agrandir", Kind::Other),
    ("ampliar", Kind::Other),
    ("ingrandisci", Kind::Other),
    ("powiększ", Kind::Other),
];

/// The kind of a block that is only a label ("Advertisement", "Anzeige").
pub fn label_kind(bare_lower: &str) -> Option<Kind> {
    // One hash look-up instead of a comparison per label; a label listed
    // twice keeps its first kind, as a scan of the list finds it.
    static INDEX: LazyLock<foldhash::HashMap<&'static str, Kind>> = LazyLock::new(|| {
        let mut m = foldhash::HashMap::default();
        for &(l, k) in LABELS {
            m.entry(l).or_insert(k);
        }
        m
    });
    INDEX.get(bare_lower).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash look-up finds what a scan of the list finds, the first
    /// kind of a label listed twice included.
    #[test]
    fn index_agrees_with_the_list() {
        let mut words: Vec<String> = crate::util::samples::words().iter().map(|w| w.to_lowercase()).collect();
        words.extend(LABELS.iter().map(|(l, _)| l.to_string()));
        for w in &words {
            let plain = LABELS.iter().find(|(l, _)| *l == w).map(|&(_, k)| k);
            assert_eq!(label_kind(w), plain, "{w:?}");
        }
    }
}
