//! What the metadata readers take from one element: its text, its class
//! and id words.

use crate::lexicon::class_words::words;
use crate::markup::tree::ElementRef;
use crate::util::spaces::clean_short;

pub fn class_id_words(el: &ElementRef<'_>) -> Vec<String> {
    let v = el.value();
    let mut out: Vec<String> = v
        .attr("class")
        .map(|c| words(c).collect())
        .unwrap_or_default();
    if let Some(id) = v.attr("id") {
        out.extend(words(id));
    }
    out
}

pub fn text_of(el: &ElementRef<'_>) -> String {
    let mut s = String::new();
    for t in el.text() {
        s.push_str(t);
        if s.len() > 2000 {
            break;
        }
    }
    clean_short(&s).unwrap_or_default()
}
