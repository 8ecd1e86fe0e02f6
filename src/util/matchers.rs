//! Fast matchers for word lists: a prefilter by first byte and length
//! ([`Shapes`]), automata that ignore ASCII case, and families of phrases
//! searched in one pass.

/// The first bytes and lengths of the words of a table: a word whose
/// pair is absent is not in it, answered without hashing the word (most
/// class words are in no list).
pub struct Shapes([u32; 256]);

impl Shapes {
    /// The shapes of `words`.
    pub fn of<W: AsRef<[u8]>>(words: impl IntoIterator<Item = W>) -> Shapes {
        let mut s = [0u32; 256];
        for w in words {
            let w = w.as_ref();
            if let Some(&f) = w.first() {
                s[usize::from(f)] |= Self::bit(w.len());
            }
        }
        Shapes(s)
    }

    /// One bit per length; lengths from 31 up share the last.
    fn bit(len: usize) -> u32 {
        1 << len.min(31)
    }

    /// False when `w` cannot be one of the words (the empty word may be).
    pub fn may_hold(&self, w: impl AsRef<[u8]>) -> bool {
        let w = w.as_ref();
        w.first()
            .is_none_or(|&f| self.0[usize::from(f)] & Self::bit(w.len()) != 0)
    }
}

/// An automaton of `words` that ignores ASCII case: for lists searched in
/// a line before (or instead of) lower-casing it. Only ASCII letters
/// lower-case to ASCII letters (but for the Kelvin sign and U+0130), so for
/// lower-case ASCII words it finds what a search of the lower-cased line
/// would.
pub fn ascii_case_matcher(words: &[&str]) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .expect("a word list builds an automaton")
}

/// Lists of phrases ("families") searched in one pass over a text with one
/// automaton: which families have a phrase in it, as plain substrings.
pub struct Families {
    matcher: aho_corasick::AhoCorasick,
    /// The family of each pattern, by pattern index.
    family: Vec<u8>,
}

impl Families {
    /// An automaton over the phrases of up to 32 families.
    pub fn new(families: &[&[&str]]) -> Families {
        assert!(families.len() <= 32, "a family is one bit of a u32");
        let mut patterns = Vec::new();
        let mut family = Vec::new();
        for (f, words) in families.iter().enumerate() {
            for w in *words {
                patterns.push(*w);
                family.push(f as u8);
            }
        }
        let matcher = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("a phrase list builds an automaton");
        Families { matcher, family }
    }

    /// One bit per family (bit `f` for `families[f]`) that has a phrase
    /// somewhere in `text`.
    pub fn found(&self, text: &str) -> u32 {
        let mut bits = 0u32;
        for m in self.matcher.find_overlapping_iter(text) {
            bits |= 1 << self.family[m.pattern().as_usize()];
        }
        bits
    }
}
