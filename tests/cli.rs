//! Integration tests: run the real `deboil` binary on real files and read
//! its outputs back.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

#[path = "cli/dataset.rs"]
mod dataset;
#[path = "cli/hostile.rs"]
mod hostile;
#[path = "cli/props.rs"]
mod props;
#[path = "cli/publish.rs"]
mod publish;
#[path = "cli/runs.rs"]
mod runs;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_deboil"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run deboil on `inputs` into `out`, returning the process output.
fn run(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    let mut cmd = bin();
    cmd.args(inputs).arg("-o").arg(out).args(extra);
    cmd.output().expect("run deboil")
}

/// Run `cmd` with `input` on its standard input, collecting its output.
fn run_fed(cmd: &mut Command, input: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start deboil");
    // Written from a thread: a large input could otherwise fill the pipe
    // while deboil waits for its output to be read.
    let mut stdin = child.stdin.take().expect("piped stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().expect("run deboil");
    writer.join().expect("writer thread").expect("write stdin");
    output
}

/// Assert that a run exited 0, showing its stderr if not.
fn assert_success(o: &Output) {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn read_jsonl(path: &Path) -> Vec<Value> {
    fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

fn by_id<'a>(records: &'a [Value], id: &str) -> &'a Value {
    records
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no record {id}"))
}

#[test]
fn cleans_the_sample_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(&[&root().join("raw")], tmp.path(), &[]);
    assert_success(&out);
    let records = read_jsonl(&tmp.path().join("articles.jsonl"));
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "000_a1dff7ca44dfd5da",
            "001_524541e866114f71",
            "002_0ed5c4077f11353d",
            "garden-blog",
            "news/harbour-ferry",
            "stadtrat-radwege",
        ]
    );
    assert_eq!(
        fs::read_to_string(tmp.path().join("errors.jsonl")).unwrap(),
        ""
    );

    let garden = by_id(&records, "garden-blog");
    assert_eq!(garden["format"], "html");
    let text = garden["text"].as_str().unwrap();
    assert!(
        text.starts_with("Every summer the same thing happens"),
        "{text}"
    );
    assert!(text.contains("What is going on inside the fruit\n\nA tomato's skin"));
    assert!(
        text.contains("Water deeply twice a week rather than a little every day.\nMulch the bed")
    );
    assert!(text.contains("Sungold | Cherry | Low"));
    assert!(text.ends_with("cook the rest into a sauce."), "{text}");
    for boiler in [
        "cookies",
        "Home",
        "Facebook",
        "Subscribe",
        "Related Posts",
        "Blossom end rot",
        "Leave a Reply",
        "Great tip",
        "Popular this week",
        "All rights reserved",
        "Ruth Okafor has kept",
    ] {
        assert!(!text.contains(boiler), "kept {boiler:?}");
    }
    for kind in [
        "navigation",
        "subscribe",
        "share",
        "related",
        "cookie",
        "comments",
        "footer",
    ] {
        assert!(
            garden["removed"][kind].as_u64().unwrap() >= 1,
            "no {kind} removed"
        );
    }

    let de = by_id(&records, "stadtrat-radwege");
    assert_eq!(de["encoding"], "windows-1252");
    let text = de["text"].as_str().unwrap();
    assert!(
        text.contains("„Wir holen nach, was jahrzehntelang versäumt wurde“"),
        "{text}"
    );
    for boiler in [
        "Cookies",
        "Alle akzeptieren",
        "Startseite",
        "Impressum",
        "WhatsApp",
        "Buslinie",
    ] {
        assert!(!text.contains(boiler), "kept {boiler:?}");
    }

    let ferry = by_id(&records, "news/harbour-ferry");
    assert!(
        ferry["source"]
            .as_str()
            .unwrap()
            .ends_with("harbour-ferry.html.gz")
    );
    let text = ferry["text"].as_str().unwrap();
    assert!(text.starts_with("The blue-and-white ferry"));
    assert!(!text.contains("Most read") && !text.contains("Archive") && !text.contains("Tweet"));

    let seed = by_id(&records, "002_0ed5c4077f11353d");
    assert_eq!(seed["format"], "text");
    let text = seed["text"].as_str().unwrap();
    assert!(
        text.starts_with("The Wall Street Journal reported"),
        "{text}"
    );
    assert!(
        text.ends_with("Army Recognition will provide ongoing updates."),
        "{text}"
    );
    assert!(text.contains("\n\nIntelligence Findings and Implications\n\n"));
    for boiler in [
        "Close Menu",
        "Drone Warfare",
        "Subscribe to Updates",
        "What's Hot",
        "Facebook",
        "Related Posts",
        "Leave A Reply",
        "Alain Servaes",
        "Defencespot.com",
        "Welcome Back",
    ] {
        assert!(!text.contains(boiler), "kept {boiler:?}");
    }
    assert_eq!(
        seed["title"],
        "U.S. Targets Venezuelan Military Sites Tied to Drug Trafficking"
    );
    assert_eq!(seed["author"], "admin");
    assert_eq!(seed["date"], "2025-11-01");
    assert_eq!(seed["site_name"], "Defence Spot");
    assert_eq!(
        seed["categories"],
        serde_json::json!(["Defence & Military Expo"])
    );
    assert_eq!(seed["reading_time_minutes"], 4);

    // The clean seeds keep their whole body.
    let s0 = by_id(&records, "000_a1dff7ca44dfd5da");
    assert_eq!(
        s0["title"],
        "U.S. Military Strikes: A New Era of Engagement in the Balkans Amid Rising Tensions"
    );
    assert!(
        s0["text"]
            .as_str()
            .unwrap()
            .starts_with("Overview of U.S. Military Action\n")
    );
    assert!(s0["author"].is_null() && s0["date"].is_null());
    let s1 = by_id(&records, "001_524541e866114f71");
    assert!(s1["title"].is_null());
    assert!(
        s1["text"]
            .as_str()
            .unwrap()
            .ends_with("a lot more complicated.")
    );
}

#[test]
fn hostile_nesting_becomes_an_error_record() {
    let inputs = tempfile::tempdir().unwrap();
    let deep = format!(
        "<html><body>{}x{}</body></html>",
        "<div>".repeat(50_000),
        "</div>".repeat(50_000)
    );
    fs::write(inputs.path().join("deep.html"), deep).unwrap();
    let out = tempfile::tempdir().unwrap();
    let res = run(&[inputs.path()], out.path(), &["--max-depth", "1000"]);
    assert_eq!(res.status.code(), Some(1));
    let errors = read_jsonl(&out.path().join("errors.jsonl"));
    assert_eq!(
        errors[0]["reason"],
        "elements nested deeper than the limit of 1000"
    );
}

#[test]
fn csv_has_the_same_records_as_jsonl() {
    let tmp = tempfile::tempdir().unwrap();
    run(&[&root().join("raw")], tmp.path(), &[]);
    let records = read_jsonl(&tmp.path().join("articles.jsonl"));
    let mut reader = csv::Reader::from_path(tmp.path().join("articles.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    // Same columns in the same order: each CSV column's key appears in the
    // first JSON line after the previous one (serde_json sorts parsed keys,
    // so read the raw line).
    let first_line = fs::read_to_string(tmp.path().join("articles.jsonl")).unwrap();
    let first_line = first_line.lines().next().unwrap();
    let mut pos = 0;
    for h in headers.iter() {
        let key = match h.strip_prefix("removed_") {
            Some(kind) => format!("\"{kind}\":"),
            None => format!("\"{h}\":"),
        };
        let at = first_line[pos..]
            .find(&key)
            .unwrap_or_else(|| panic!("column {h} out of order or missing"));
        pos += at + key.len();
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), records.len());
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    for (row, rec) in rows.iter().zip(&records) {
        assert_eq!(&row[col("id")], rec["id"].as_str().unwrap());
        assert_eq!(&row[col("text")], rec["text"].as_str().unwrap());
        let title = rec["title"].as_str().unwrap_or("");
        assert_eq!(&row[col("title")], title);
        assert_eq!(
            row[col("removed_share")].parse::<u64>().unwrap(),
            rec["removed"]["share"].as_u64().unwrap()
        );
    }
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    let inputs = [root().join("raw"), root().join("tests/fixtures")];
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    run(&inputs, one.path(), &["--threads", "1"]);
    run(&inputs, two.path(), &["--threads", "4"]);
    for name in ["articles.jsonl", "articles.csv", "errors.jsonl"] {
        let a = fs::read(one.path().join(name)).unwrap();
        let b = fs::read(two.path().join(name)).unwrap();
        assert!(!a.is_empty() || name == "errors.jsonl");
        assert!(a == b, "{name} differs between 1 and 4 threads");
    }
}

#[test]
fn bad_pages_are_listed_and_the_batch_goes_on() {
    let inputs = tempfile::tempdir().unwrap();
    let dir = inputs.path();
    fs::write(dir.join("empty.html"), "").unwrap();
    fs::write(dir.join("blank.txt"), "  \n\n \t\n").unwrap();
    fs::write(
        dir.join("image.html"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0",
    )
    .unwrap();
    fs::write(
        dir.join("truncated.html.gz"),
        [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00],
    )
    .unwrap();
    fs::write(
        dir.join("good.html"),
        "<html><body><article><p>A perfectly ordinary paragraph of article text that \
         deserves to be kept, with a comma, and a full stop.</p></article></body></html>",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let res = run(&[dir], out.path(), &[]);
    assert_eq!(res.status.code(), Some(1), "some pages failed");
    let stderr = String::from_utf8_lossy(&res.stderr);
    assert!(
        stderr.contains("5 pages in, 1 articles out, 4 errors"),
        "{stderr}"
    );
    let articles = read_jsonl(&out.path().join("articles.jsonl"));
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["id"], "good");
    let errors = read_jsonl(&out.path().join("errors.jsonl"));
    let reason = |id: &str| by_id(&errors, id)["reason"].as_str().unwrap().to_string();
    assert_eq!(reason("empty"), "empty file");
    assert_eq!(reason("blank"), "empty file");
    assert!(reason("image").contains("binary"));
    assert!(
        reason("truncated").starts_with("gzip"),
        "{}",
        reason("truncated")
    );
    for e in &errors {
        assert!(
            e["source"]
                .as_str()
                .unwrap()
                .starts_with(dir.to_str().unwrap())
        );
    }
}

#[test]
fn fatal_problems_exit_with_2() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("no-such-folder");
    let res = run(&[&missing], &tmp.path().join("out"), &[]);
    assert_eq!(res.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&res.stderr).contains("no-such-folder"));

    // The output "folder" is a file: cannot be created.
    let file = tmp.path().join("a-file");
    fs::write(&file, "x").unwrap();
    let res = run(&[&root().join("raw")], &file.join("sub"), &[]);
    assert_eq!(res.status.code(), Some(2));

    let res = bin().arg("--no-such-flag").output().unwrap();
    assert_eq!(res.status.code(), Some(2));
}

#[test]
fn a_file_named_directly_gets_its_bare_name_as_id() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(
        &[&root().join("raw/news/harbour-ferry.html.gz")],
        tmp.path(),
        &[],
    );
    assert_eq!(out.status.code(), Some(0));
    let records = read_jsonl(&tmp.path().join("articles.jsonl"));
    assert_eq!(records[0]["id"], "harbour-ferry");
}

/// Golden cases: `tests/fixtures/<case>/source.html` (or `source.txt`) must
/// give exactly `expected.txt`. Run with `DEBOIL_BLESS=1` to rewrite the
/// expectations on purpose after a deliberate change.
#[test]
fn golden_fixtures() {
    let bless = std::env::var_os("DEBOIL_BLESS").is_some();
    let dir = root().join("tests/fixtures");
    let mut cases: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    let mut failures = Vec::new();
    for case in cases {
        let source = ["source.html", "source.txt"]
            .iter()
            .map(|n| case.join(n))
            .find(|p| p.exists())
            .unwrap_or_else(|| panic!("{}: no source", case.display()));
        let tmp = tempfile::tempdir().unwrap();
        run(&[&source], tmp.path(), &[]);
        let records = read_jsonl(&tmp.path().join("articles.jsonl"));
        let got = records
            .first()
            .map_or("", |r| r["text"].as_str().unwrap())
            .to_string()
            + "\n";
        let expected_path = case.join("expected.txt");
        if bless {
            fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            failures.push(format!(
                "case {}:\n--- expected\n{expected}\n--- got\n{got}",
                case.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The library's `extract_page` gives, for each HTML page, the record the
/// command writes (its per-file path calls it), plain or gzipped, and the
/// reason the command writes for a page it refuses. (Text dumps may
/// differ: the command also drops the lines that recur across its batch.)
#[test]
fn the_library_gives_the_commands_records() {
    let tmp = tempfile::tempdir().unwrap();
    let pages = tmp.path().join("pages");
    fs::create_dir(&pages).unwrap();
    fs::copy(
        root().join("raw/garden-blog.html"),
        pages.join("garden-blog.html"),
    )
    .unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&fs::read(root().join("raw/stadtrat-radwege.html")).unwrap())
        .unwrap();
    fs::write(pages.join("stadtrat.html.gz"), gz.finish().unwrap()).unwrap();
    fs::write(pages.join("blank.html"), " \n\t\n").unwrap();
    fs::write(pages.join("deep.html"), "<div>".repeat(50)).unwrap();
    fs::write(
        pages.join("nav-only.html"),
        "<nav><a href='/'>Home</a></nav>",
    )
    .unwrap();
    let out = tmp.path().join("out");
    assert_success(&run(
        &[&pages],
        &out,
        &["--max-depth", "20", "--exit-zero-on-page-errors"],
    ));
    let options = |r: &Value| deboil::PageOptions {
        format: Some(deboil::Format::Html),
        id: r["id"].as_str().unwrap().to_string(),
        source: r["source"].as_str().unwrap().to_string(),
        max_depth: 20,
        ..deboil::PageOptions::default()
    };
    let records = read_jsonl(&out.join("articles.jsonl"));
    assert_eq!(records.len(), 2);
    for r in &records {
        let bytes = fs::read(r["source"].as_str().unwrap()).unwrap();
        let doc = deboil::extract_page(&bytes, &options(r)).unwrap();
        assert_eq!(&serde_json::to_value(&doc).unwrap(), r, "{}", r["id"]);
    }
    let errors = read_jsonl(&out.join("errors.jsonl"));
    assert_eq!(errors.len(), 3);
    for e in &errors {
        let bytes = fs::read(e["source"].as_str().unwrap()).unwrap();
        let err = deboil::extract_page(&bytes, &options(e)).unwrap_err();
        assert_eq!(
            err.to_string(),
            e["reason"].as_str().unwrap(),
            "{}",
            e["id"]
        );
    }
}
