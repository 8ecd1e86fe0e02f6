//! Show how deboil reads one text dump: every unit with its context-free
//! class, its final decision and the boilerplate kind when dropped.
//!
//! `cargo run --release --example explain_text -- dump.txt`

use deboil::text::{classify, lines};

fn main() {
    let path = std::env::args().nth(1).expect("usage: explain_text DUMP");
    let bytes = std::fs::read(&path).expect("read");
    let text = deboil::decode::decode(&bytes, false).text;
    let units = lines::split(&text);
    let feats = classify::features(&units);
    let classes = classify::smooth(&feats);
    let decisions = classify::decide(&units);
    for (i, u) in units.iter().enumerate() {
        let d = &decisions[i];
        let cut: String = u.text.chars().take(110).collect();
        println!(
            "{} {:>4} {:?}->{:?} {:?} {:?}| {cut}",
            if d.keep { "KEEP" } else { "    " },
            i,
            feats[i].class,
            classes[i],
            u.tag,
            d.kind,
        );
    }
}
