//! Lines for the tests that hold a fast path to its plain version: every
//! line of the repository's sample pages, dumps and expected texts, and
//! lines made to reach the edges of the fast paths (scripts without
//! spaces, wide and narrow spaces, a capital sigma, box drawing, controls,
//! separators, truncated multi-byte characters cut at a char boundary).

use std::path::Path;

/// Lines made to reach the edges of the byte-level fast paths.
const EDGES: &[&str] = &[
    "",
    " ",
    "\t \u{b}\u{c}\r",
    "plain words",
    "  Home  ›  News  ›  City  ",
    "Home » News » City",
    "Home | News | City",
    "Home / News · City • Sport",
    "ΣΟΦΊΑ ΚΑΙ ΛΌΓΟΣ",
    "ὈΔΥΣΣΕΎΣ",
    "中文内容，没有空格。作者：王小明",
    "記者 山田太郎",
    "기자 김철수",
    "┌──────┐ │ box │ └──────┘",
    "╔══╗ ║ ╚══╝",
    "a\u{0}b\u{1}c\u{7f}d",
    "tab\there\nline\u{c}feed\rreturn",
    "nbsp\u{a0}here\u{2003}em\u{202f}narrow\u{3000}wide",
    "Grüße aus Köln – “quoted” — 'x'",
    "5 Min. Lesezeit",
    "Reading time: 4 minutes",
    "Subscribe to our newsletter for updates",
    "Newsletter abonnieren und per E-Mail erhalten",
    "Related Posts",
    "Leave a Reply",
    "Advertisement",
    "ANZEIGE",
    "Is a Staff Writer at the Valley Courier",
    "Maria Lopez is a staff reporter for the Valley Courier",
    "Externer Inhalt: Dieser Inhalt von YouTube wird erst geladen, wenn Sie zustimmen.",
    "Click to load the content from an external provider; personal data may be sent.",
    "January 15, 2026",
    "15. März 2024",
    "Mi., 3. März",
    "SEPTEMBER",
    "Headline oneHeadline twoAnother One",
    "Dollar$ 1Apple 2Zebra [A] AZ az @[`{",
];

/// Every line of the sample files under `raw/` and `tests/fixtures/`, and
/// the edge lines, each once.
pub fn lines() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["raw", "raw/news", "tests/fixtures"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                files.extend(std::fs::read_dir(&p).into_iter().flatten().flatten().map(|e| e.path()));
            } else {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut out: Vec<String> = EDGES.iter().map(|s| s.to_string()).collect();
    for p in files {
        let Ok(bytes) = std::fs::read(&p) else {
            continue;
        };
        let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
            let mut out = Vec::new();
            let _ = std::io::Read::read_to_end(&mut flate2::read::MultiGzDecoder::new(&bytes[..]), &mut out);
            out
        } else {
            bytes
        };
        out.extend(String::from_utf8_lossy(&bytes).lines().map(str::to_string));
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|l| seen.insert(l.clone()));
    out
}

/// The words of [`lines`], each once.
pub fn words() -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    lines()
        .iter()
        .flat_map(|l| l.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .filter(|w| seen.insert(w.clone()))
        .collect()
}

/// Whole texts: the sample dumps under `raw/` and the expected texts of
/// the fixtures, and one made of lines printed again and again.
pub fn texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(root.join("raw"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.extend(
        std::fs::read_dir(root.join("tests/fixtures"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path().join("expected.txt")),
    );
    paths.sort();
    let mut out: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    out.push(
        "  * Home\n  * News\n\nHome\n\nCity Budget Passes\n\nThe council approved the new \
         budget on Tuesday, after a long debate that lasted well into the night.\n\nHome\n\
         \n  * Home\n  * News\n\nShare\n\nThe council approved the new budget on Tuesday, \
         after a long debate that lasted well into the night.\n\nShare\n"
            .to_string(),
    );
    out
}
