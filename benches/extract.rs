//! Per-page cost against the parser's own: `parse_only` is
//! `scraper::Html::parse_document` alone (html5ever into a full DOM),
//! `parse_sink` html5ever's tokenizer and tree builder into deboil's
//! `html::tree`, `parse_lex` the same tree built by deboil's tokenizer
//! (`html::lex`, what deboil runs) and html5ever's tree builder,
//! `full_page` deboil's whole per-page path (decode, parse, extract,
//! metadata, serialise), all over the same pages, so their ratios are
//! measured in one run.
//!
//! `cargo bench --bench extract` (pages from ../shared/bench/scrapinghub/html,
//! or the folder in `DEBOIL_BENCH_PAGES`: `.html` or `.html.gz` files).

use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use deboil::markup::tree;
use deboil::{Format, PageOptions};

fn pages() -> Vec<(PageOptions, Vec<u8>)> {
    let dir = std::env::var_os("DEBOIL_BENCH_PAGES").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/scrapinghub/html"),
        PathBuf::from,
    );
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let bytes = deboil::input::read(&path, u64::MAX).unwrap();
            let options = PageOptions {
                id: path.file_name().unwrap().to_string_lossy().into_owned(),
                source: path.to_string_lossy().into_owned(),
                format: Some(Format::Html),
                ..PageOptions::default()
            };
            (options, bytes)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let pages = pages();
    let total: u64 = pages.iter().map(|(_, b)| b.len() as u64).sum();
    let texts: Vec<String> = pages
        .iter()
        .map(|(_, b)| deboil::decode::decode(b, true).text)
        .collect();
    let mut group = c.benchmark_group("pages");
    group.throughput(Throughput::Bytes(total));
    group.sample_size(10);
    group.bench_function("parse_only", |b| {
        b.iter(|| {
            for t in &texts {
                std::hint::black_box(scraper::Html::parse_document(t));
            }
        })
    });
    for (name, tokenizer) in [
        ("parse_sink", tree::Tokenizer::Html5ever),
        ("parse_lex", tree::Tokenizer::Lex),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                for t in &texts {
                    std::hint::black_box(
                        tree::parse_with(t, tree::Limits::NONE, tokenizer).expect("no limits"),
                    );
                }
            })
        });
    }
    group.bench_function("full_page", |b| {
        b.iter(|| {
            for (options, bytes) in &pages {
                let doc = deboil::extract_page(bytes, options);
                if let Ok(doc) = doc {
                    std::hint::black_box(serde_json::to_string(&doc).unwrap());
                }
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
