//! Show how deboil reads one text dump: every unit with its context-free
//! class, its final decision and the boilerplate kind when dropped.
//!
//! `cargo run --release --example explain_text -- dump.txt [batch-dir]`
//!
//! With a batch folder, the lines its dumps share count as template.

use deboil::text::template::Template;
use deboil::text::{classify, lines};

fn main() {
    let path = std::env::args().nth(1).expect("usage: explain_text DUMP");
    let bytes = std::fs::read(&path).expect("read");
    let text = deboil::decode::decode(&bytes, false).text;
    let template = match std::env::args().nth(2) {
        Some(dir) => {
            let texts: Vec<String> = std::fs::read_dir(dir)
                .expect("batch dir")
                .filter_map(|e| std::fs::read(e.ok()?.path()).ok())
                .map(|b| deboil::decode::decode(&b, false).text)
                .collect();
            Template::from_texts(texts.iter().map(String::as_str))
        }
        None => Template::default(),
    };
    let units = lines::split(&text);
    let feats = classify::features(&units);
    let classes = classify::smooth(&feats);
    let decisions = classify::decide_with(&units, &template);
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
