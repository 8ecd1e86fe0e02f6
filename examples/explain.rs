//! Show how deboil reads one HTML page: the pruned subtrees (kind, tag,
//! text length) and the chosen article roots, then the extracted blocks.
//!
//! `cargo run --release --example explain -- page.html[.gz]`

use deboil::html::select;
use deboil::markup::dom::Dom;

fn main() {
    let path = std::env::args().nth(1).expect("usage: explain PAGE");
    let bytes = deboil::input::read(std::path::Path::new(&path), 1 << 30).expect("read");
    let text = deboil::decode::decode(&bytes, true).text;
    let doc = deboil::markup::tree::parse(&text);
    let dom = Dom::build(&doc);
    let an = select::analyse(&dom, true);
    for (i, p) in an.pruned.iter().enumerate() {
        if let Some(kind) = p {
            let end = dom.nodes[i].end as usize;
            let t: String = (i..end)
                .filter(|&j| dom.nodes[j].tag == deboil::markup::dom::Tag::Text)
                .map(|j| dom.text_of(j))
                .collect::<String>();
            let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
            if !t.is_empty() {
                let cut: String = t.chars().take(100).collect();
                println!(
                    "PRUNED {kind:?} {:?} #{i} {} chars: {cut}",
                    dom.nodes[i].tag,
                    t.len()
                );
            }
        }
    }
    let roots = select::select(&dom, &an);
    for r in &roots {
        println!("ROOT #{r} {:?} stats={:?}", dom.nodes[*r].tag, an.stats[*r]);
    }
    let article = deboil::extract_str(&text, deboil::input::Format::Html);
    println!("---- {:?}", article.meta);
    for b in &article.blocks {
        println!("[{:?} ld={:.2}] {}", b.tag, b.link_density(), b.text);
    }
}
