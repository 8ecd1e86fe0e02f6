//! Furniture printed inside the article: ad labels, photo credits and
//! source lines, gallery counters.

/// Ad labels printed between paragraphs.
const AD_LABELS: &[&str] = &[
    "advertisement",
    "ad",
    "sponsored",
    "anzeige",
    "werbung",
    "publicité",
    "reklama",
    "广告", // "advertisement"
];

/// Openings of a photo credit or source line: "Foto: dpa", "Quelle: AFP".
const CREDIT_OPENINGS: &[&str] = &[
    "foto:",
    "fotos:",
    "photo:",
    "photos:",
    "bild:",
    "image:",
    "quelle:",
    "source:",
    "crédit",
    "©",
    "fot.",
    "źródło:",
    "图片来源",
];

/// Whether a short line (lower-case) is an ad label or a photo credit:
/// furniture that sits between two paragraphs of an article.
pub fn is_inline_furniture(lower: &str) -> bool {
    let t = lower.trim();
    AD_LABELS.contains(&t) || CREDIT_OPENINGS.iter().any(|p| t.starts_with(p))
}

/// Words that count the pictures of a gallery: "Image 1 of 5", "Bild 2
/// von 12".
const GALLERY_NOUNS: &[&str] = &[
    "image", "images", "photo", "photos", "picture", "slide", "bild", "foto", "fotos", "zdjęcie",
    "imagen", "immagine",
];
const GALLERY_OF: &[&str] = &["of", "von", "sur", "de", "di", "z", "/"];

/// Whether a line (lower-case) is a gallery counter: "Image 1 of 5".
pub fn is_gallery_counter(lower: &str) -> bool {
    // The number after the noun opens with a digit: read on the bytes
    // first, as most lines have none there.
    if !second_word_may_open_with_digit(lower) {
        return false;
    }
    let mut t = lower.split_whitespace();
    // The noun first: most lines stop here.
    if !t.next().is_some_and(|noun| GALLERY_NOUNS.contains(&noun)) {
        return false;
    }
    let num = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    matches!((t.next(), t.next(), t.next(), t.next()), (Some(a), Some(of), Some(b), None)
        if num(a) && GALLERY_OF.contains(&of) && num(b))
}

/// Whether the second whitespace-separated word of `text` may open with
/// an ASCII digit, read on the bytes: `false` only when it does not (or
/// there is none); a non-ASCII byte where a word may end (it could be a
/// Unicode space) answers `true`.
pub fn second_word_may_open_with_digit(text: &str) -> bool {
    let b = text.as_bytes();
    let space = crate::util::bytes::is_space_byte;
    // Past leading spaces, to the end of the first word.
    let Some(start) = b.iter().position(|&c| !space(c)) else {
        return false;
    };
    let Some(end) = b[start..]
        .iter()
        .position(|&c| !c.is_ascii() || space(c))
        .map(|n| start + n)
    else {
        return false;
    };
    // (A first word opening with a non-ASCII byte ends at once: end is
    // start.)
    if !b[end].is_ascii() {
        return true;
    }
    b[end..]
        .iter()
        .find(|&&c| !space(c))
        .is_some_and(|&c| c.is_ascii_digit() || !c.is_ascii())
}


/// Words that name a caption's credit, lower-cased (see
/// [`ends_with_credit`]).
pub const CREDIT_WORDS: &[&str] = &[
    "foto:",
    "fotos:",
    "bild:",
    "photo:",
    "photograph:",
    "credit:",
    "fot.",
    "crédit",
    "©",
    "图片来源",
];

/// Picture agencies and stock libraries, lower-cased: named alone in a
/// caption's closing parenthesis, they are its credit ("(Jane Doe /
/// iStock.com)", "(AP Photo/John Doe)").
pub const PICTURE_AGENCIES: &[&str] = &[
    "istock",
    "getty images",
    "shutterstock",
    "unsplash",
    "pixabay",
    "adobe stock",
    "adobestock",
    "imago",
    "picture alliance",
    "picture-alliance",
    "ap photo",
];


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_word_digit_test_rules_out_no_gallery_counter() {
        let plain = |t: &str| {
            t.split_whitespace()
                .nth(1)
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        };
        for t in [
            "",
            "image",
            "image 1 of 5",
            "  bild 3 von 12",
            "foto\u{a0}2 z 9",
            "zdjęcie 1 z 4",
            "photo\t4 / 7",
            "the 3 best",
            "plain words here",
            "x y",
            "x  7",
        ] {
            if plain(t) {
                assert!(second_word_may_open_with_digit(t), "{t:?}");
            }
        }
        assert!(!second_word_may_open_with_digit("plain words here"));
        assert!(is_gallery_counter("image 1 of 5"));
        assert!(is_gallery_counter("zdjęcie 1 z 4"));
        assert!(is_gallery_counter("foto\u{a0}2 z 9"));
        assert!(!is_gallery_counter("image one of five"));
    }
}
