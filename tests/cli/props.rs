//! Property tests: the decoder, the whole per-page path and the writers on
//! arbitrary input.

use std::fs;

use deboil::output::Outputs;
use deboil::{Format, PageOptions};
use proptest::prelude::*;

/// Bytes that look a little like HTML more often than pure noise would.
fn pagey() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"<p>".to_vec()),
        Just(b"</p>".to_vec()),
        Just(b"<div class=nav>".to_vec()),
        Just(b"<!--".to_vec()),
        Just(b"<meta charset=shift_jis>".to_vec()),
        Just(b"&amp;&#0;&#xD800;".to_vec()),
        Just(b"\xff\xfe".to_vec()),
        Just(b"\0".to_vec()),
        Just(
            "The council approved the budget, said the mayor. "
                .as_bytes()
                .to_vec()
        ),
        proptest::collection::vec(any::<u8>(), 0..40),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn decoding_never_panics_and_keeps_utf8(bytes in proptest::collection::vec(any::<u8>(), 0..2000), html in any::<bool>()) {
        let d = deboil::decode::decode(&bytes, html);
        if let Ok(s) = std::str::from_utf8(&bytes)
            && !s.starts_with('\u{feff}')
            && (!html || deboil::decode::prescan(&bytes).is_none())
        {
            prop_assert_eq!(d.text, s);
        }
    }

    #[test]
    fn the_page_path_never_panics(bytes in pagey()) {
        deboil::extract::fuzz_page(&bytes);
    }

    #[test]
    fn extracting_text_never_panics(text in any::<String>()) {
        let _ = deboil::extract_str(&text, Format::Html);
        let _ = deboil::extract_str(&text, Format::Text);
    }

    #[test]
    fn what_is_written_reads_back_equal(
        text in any::<String>(),
        title in proptest::option::of(any::<String>()),
        id in any::<String>(),
        safe in any::<bool>(),
    ) {
        let page = "<article><p>The council approved the new budget on Tuesday, after \
                    a long debate, and the mayor spoke.</p></article>";
        let options = PageOptions { format: Some(Format::Html), id: "p".into(), source: "p.html".into(), ..PageOptions::default() };
        let mut doc = deboil::extract_page(page.as_bytes(), &options).unwrap();
        doc.text = text;
        doc.meta.title = title;
        doc.id = id;
        let dir = tempfile::tempdir().unwrap();
        let mut out = Outputs::create(dir.path(), safe).unwrap();
        out.article(&doc).unwrap();
        out.finish(&[]).unwrap();
        let jsonl = fs::read_to_string(dir.path().join("articles.jsonl")).unwrap();
        prop_assert_eq!(jsonl.lines().count(), 1);
        let v: serde_json::Value = serde_json::from_str(jsonl.trim_end_matches('\n')).unwrap();
        prop_assert_eq!(v["text"].as_str().unwrap(), doc.text.as_str());
        prop_assert_eq!(v["id"].as_str().unwrap(), doc.id.as_str());
        prop_assert_eq!(v["title"].as_str(), doc.meta.title.as_deref());
        let mut r = csv::Reader::from_path(dir.path().join("articles.csv")).unwrap();
        let headers = r.headers().unwrap().clone();
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        prop_assert_eq!(rows.len(), 1);
        let col = |n: &str| rows[0][headers.iter().position(|h| h == n).unwrap()].to_string();
        let expect = |s: &str| if safe { deboil::output::neutralise(s).into_owned() } else { s.to_string() };
        // CSV readers trim nothing, but a lone "\r" line ending inside a
        // quoted field is kept as is: compare exactly.
        prop_assert_eq!(col("text"), expect(&doc.text));
        prop_assert_eq!(col("id"), expect(&doc.id));
        prop_assert_eq!(col("title"), expect(doc.meta.title.as_deref().unwrap_or("")));
    }
}

#[test]
fn csv_header_matches_the_serialised_row() {
    // csv_header() is written before any record; it must name the columns
    // serde writes for a CsvRow, in the same order.
    let options = PageOptions {
        format: Some(Format::Html),
        id: "p".into(),
        source: "p.html".into(),
        ..PageOptions::default()
    };
    let page = "<article><p>The council approved the new budget on Tuesday, after a long \
                debate, and the mayor spoke.</p></article>";
    let doc = deboil::extract_page(page.as_bytes(), &options).unwrap();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.serialize(deboil::output::record::CsvRow::from(&doc))
        .unwrap();
    let bytes = w.into_inner().unwrap();
    let header = String::from_utf8(bytes).unwrap();
    let header = header.lines().next().unwrap();
    assert_eq!(header, deboil::output::csv_header().join(","));
}
