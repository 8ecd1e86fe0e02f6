//! Hostile inputs (issue 6): every kind gets a record or an error record
//! naming the file and the reason; never a panic, a hang or a lost page.
//! Every input is generated here; none is large.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{bin, read_jsonl};

const GOOD: &str = "<html><body><article><p>A perfectly ordinary paragraph of article \
    text that deserves to be kept, with a comma, and a full stop.</p></article></body></html>";

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

fn enc(encoding: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    encoding.encode(text).0.into_owned()
}

fn article(body: &str) -> String {
    format!(
        "<html><head><title>T</title></head><body><article><p>{body}</p></article></body></html>"
    )
}

/// Run the binary with a deadline: a hang fails the test instead of
/// blocking the suite.
fn run_with_deadline(cmd: &mut Command, limit: Duration) -> std::process::Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("deboil did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Write every kind of hostile input into `dir`; return the ids expected
/// in the outputs.
fn write_hostile(dir: &Path) -> BTreeSet<String> {
    let w = |name: &str, bytes: &[u8]| fs::write(dir.join(name), bytes).unwrap();
    let para = "The council approved the new budget on Tuesday, after a long debate. ";
    w("empty.html", b"");
    w("blank.txt", b"  \n\t\n   \n");
    w(
        "image.html",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89",
    );
    w("invalid-utf8.html", &{
        let mut v = article(&para.repeat(3)).into_bytes();
        v.splice(40..40, [0xC3, 0x28, 0xFF, 0xFE, 0xA0]);
        v
    });
    // windows-1252 bytes declared UTF-8, and UTF-8 bytes declared 1252.
    w(
        "cp1252-as-utf8.html",
        &enc(
            encoding_rs::WINDOWS_1252,
            &format!(
                "<meta charset=utf-8>{}",
                article(&"Grüße aus Köln, sagte die Bürgermeisterin. ".repeat(4))
            ),
        ),
    );
    w(
        "utf8-as-cp1252.html",
        format!(
            "<meta charset=windows-1252>{}",
            article(&"Grüße aus Köln, sagte die Bürgermeisterin. ".repeat(4))
        )
        .as_bytes(),
    );
    w("utf16le.html", &utf16(&article(&para.repeat(3)), false));
    w("utf16be.txt", &utf16(&para.repeat(3), true));
    let cjk = "市議会は火曜日、長い議論の末に新しい予算案を承認した。".repeat(6);
    w(
        "sjis-declared.html",
        &enc(
            encoding_rs::SHIFT_JIS,
            &format!("<meta charset=shift_jis>{}", article(&cjk)),
        ),
    );
    w(
        "gbk-undeclared.html",
        &enc(
            encoding_rs::GBK,
            &article(&"市议会周二在长时间辩论后批准了新的预算案。".repeat(6)),
        ),
    );
    w(
        "euckr-undeclared.txt",
        &enc(
            encoding_rs::EUC_KR,
            &"시의회는 화요일 긴 토론 끝에 새 예산안을 승인했다. ".repeat(6),
        ),
    );
    // Stray NUL and control characters in a page: kept as a page, dropped
    // from its text.
    w(
        "controls.html",
        article(&format!("{para}\0\x01\x07\x1b[31m\x7f{para}\r\n{para}")).as_bytes(),
    );
    // One paragraph of 3 MB, one attribute of 3 MB.
    w(
        "huge-paragraph.html",
        article(&"word ".repeat(600_000)).as_bytes(),
    );
    w(
        "huge-attribute.html",
        format!(
            "<html><body><div title=\"{}\"><p>{}</p></div></body></html>",
            "x".repeat(3_000_000),
            para.repeat(3)
        )
        .as_bytes(),
    );
    // html5ever checks each attribute against the element's others.
    let attrs: String = (0..20_000).map(|i| format!(" a{i}=1")).collect();
    w(
        "many-attributes.html",
        format!("<html><body><div{attrs}><p>{para}</p></div></body></html>").as_bytes(),
    );
    w(
        "many-siblings.html",
        format!("<html><body>{}</body></html>", "<p>x</p>".repeat(100_000)).as_bytes(),
    );
    w(
        "char-refs.html",
        article(&"&amp;&#x41;&eacute;".repeat(200_000)).as_bytes(),
    );
    w(
        "unclosed-comment.html",
        format!(
            "<html><body><p>{para}</p><!-- {}",
            "never closed ".repeat(1000)
        )
        .as_bytes(),
    );
    w(
        "frameset.html",
        b"<html><frameset cols=\"50%,50%\"><frame src=a.html><frame src=b.html>\
          </frameset><noframes><p>Your browser does not do frames.</p></noframes></html>",
    );
    w("deep.html", "<div>".repeat(200_000).as_bytes());
    // Markup that misleads the byte scan before parsing (after `<svg>` it
    // takes the `<!--` inside the HTML textarea for a comment): the limit
    // on the tree itself still holds.
    w(
        "deep-disguised.html",
        format!(
            "<svg><div><textarea><!--</textarea>{}",
            "<div>".repeat(40_000)
        )
        .as_bytes(),
    );
    // Formatting elements left open are re-opened in every paragraph:
    // 1,150 tags build 150,000 elements.
    let open: String = (0..150).map(|i| format!("<b class=c{i}>")).collect();
    w(
        "reopened-formatting.html",
        format!("<p>{open}{}", "<p>x".repeat(1000)).as_bytes(),
    );
    // End tags with nothing to close walk 3,000 open divs each, nest
    // nothing and create nothing.
    w(
        "costly.html",
        format!("<body>{}{}", "<div>".repeat(3000), "</li>".repeat(20_000)).as_bytes(),
    );
    w("truncated.html.gz", &gzip(article(para).as_bytes())[..30]);
    w("not-gzip.html.gz", article(&para.repeat(3)).as_bytes());
    // A gzip bomb: 40 members of 1 MB of zeros each, far over --max-bytes.
    w("bomb.html.gz", &gzip(&vec![b'a'; 1 << 20]).repeat(40));
    w("good.html", GOOD.as_bytes());
    fs::create_dir(dir.join("folder.html")).unwrap();
    fs::write(dir.join("folder.html/inside.html"), GOOD).unwrap();
    let mut ids: BTreeSet<String> = [
        "empty",
        "blank",
        "image",
        "invalid-utf8",
        "cp1252-as-utf8",
        "utf8-as-cp1252",
        "utf16le",
        "utf16be",
        "sjis-declared",
        "gbk-undeclared",
        "euckr-undeclared",
        "controls",
        "huge-paragraph",
        "huge-attribute",
        "many-siblings",
        "many-attributes",
        "char-refs",
        "unclosed-comment",
        "frameset",
        "deep",
        "deep-disguised",
        "reopened-formatting",
        "costly",
        "truncated",
        "not-gzip",
        "bomb",
        "good",
        "folder.html/inside",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        use std::os::unix::fs::symlink;
        let bad = std::ffi::OsStr::from_bytes(b"latin1-\xe9t\xe9.html");
        fs::write(dir.join(bad), GOOD).unwrap();
        ids.insert("latin1-\u{FFFD}t\u{FFFD}".into());
        symlink("no-such-target.html", dir.join("dangling.html")).unwrap();
        ids.insert("dangling".into());
        symlink("loop.html", dir.join("loop.html")).unwrap();
        ids.insert("loop".into());
        // A folder link back to its parent: walked once, not forever.
        fs::create_dir(dir.join("sub")).unwrap();
        symlink("..", dir.join("sub/up")).unwrap();
        let fifo = std::ffi::CString::new(dir.join("fifo.html").as_os_str().as_bytes()).unwrap();
        // SAFETY: mkfifo with a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
        ids.insert("fifo".into());
    }
    ids
}

#[test]
fn every_hostile_input_gets_a_record_or_an_error() {
    let inputs = tempfile::tempdir().unwrap();
    let expected = write_hostile(inputs.path());
    let out = tempfile::tempdir().unwrap();
    let res = run_with_deadline(
        bin().arg(inputs.path()).arg("-o").arg(out.path()).args([
            "--max-bytes",
            "8000000",
            "--max-nodes",
            "50000",
        ]),
        Duration::from_secs(120),
    );
    let stderr = String::from_utf8_lossy(&res.stderr);
    assert_eq!(res.status.code(), Some(1), "{stderr}");
    let articles = read_jsonl(&out.path().join("articles.jsonl"));
    let errors = read_jsonl(&out.path().join("errors.jsonl"));
    let mut seen = BTreeSet::new();
    for r in articles.iter().chain(&errors) {
        let id = r["id"].as_str().unwrap().to_string();
        assert!(seen.insert(id.clone()), "{id} listed twice");
    }
    assert_eq!(seen, expected, "every input exactly once");

    let reason = |id: &str| -> String {
        errors
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("{id} is not an error"))["reason"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let text = |id: &str| -> String {
        articles
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("{id} is not an article: {}", reason(id)))["text"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(reason("empty"), "empty file");
    assert_eq!(reason("blank"), "empty file");
    assert!(reason("image").contains("binary"));
    assert!(reason("truncated").starts_with("gzip"));
    assert_eq!(
        reason("bomb"),
        "page is larger than the limit of 8000000 bytes"
    );
    assert_eq!(
        reason("deep"),
        "elements nested deeper than the limit of 4096"
    );
    // The disguised page passes the byte scan; in the parse, the walks of
    // its deepening stack use up the work budget before the depth limit.
    for id in ["deep-disguised", "costly"] {
        assert_eq!(
            reason(id),
            "markup too costly to parse (over 32 tree-builder steps per byte)"
        );
    }
    for id in ["many-siblings", "reopened-formatting"] {
        assert_eq!(reason(id), "more HTML elements than the limit of 50000");
    }
    assert_eq!(
        reason("many-attributes"),
        "an element with more attributes than the limit of 1000"
    );
    assert!(text("invalid-utf8").contains("The council approved"));
    assert!(text("cp1252-as-utf8").contains("Grüße aus Köln"));
    assert!(text("utf16le").contains("The council approved"));
    assert!(text("utf16be").contains("The council approved"));
    assert!(text("sjis-declared").contains("市議会は火曜日"));
    assert!(text("gbk-undeclared").contains("市议会周二"));
    assert!(text("euckr-undeclared").contains("시의회는"));
    let controls = text("controls");
    assert!(!controls.contains(['\0', '\x01', '\x07', '\x1b', '\x7f']));
    assert!(text("huge-paragraph").len() > 2_000_000);
    assert!(text("huge-attribute").contains("The council approved"));
    assert!(text("char-refs").starts_with("&Aé&Aé"));
    assert!(text("unclosed-comment").contains("The council approved"));
    assert!(text("not-gzip").contains("The council approved"));
    assert!(text("folder.html/inside").contains("perfectly ordinary"));
    assert!(text("good").contains("perfectly ordinary"));
    // The frameset page keeps its <noframes> text.
    assert!(text("frameset").contains("frames"));
    assert!(text("utf8-as-cp1252").contains("Grüße aus Köln"));
    #[cfg(unix)]
    {
        assert!(reason("dangling").contains("broken symbolic link"));
        assert!(reason("loop").starts_with("read failed: symbolic link loop"));
        assert_eq!(reason("fifo"), "not a regular file (FIFO)");
        assert!(text("latin1-\u{FFFD}t\u{FFFD}").contains("perfectly ordinary"));
    }
    for e in &errors {
        assert!(
            e["source"]
                .as_str()
                .unwrap()
                .starts_with(inputs.path().to_str().unwrap())
        );
    }
    // The CSV reads back with the same records.
    let mut reader = csv::Reader::from_path(out.path().join("articles.csv")).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), articles.len());
    for (row, rec) in rows.iter().zip(&articles) {
        assert_eq!(&row[0], rec["id"].as_str().unwrap());
    }
}

#[test]
fn a_panic_in_one_page_becomes_its_error_record() {
    let inputs = tempfile::tempdir().unwrap();
    fs::write(inputs.path().join("a.html"), GOOD).unwrap();
    fs::write(
        inputs.path().join("b.html"),
        article("DEBOIL-TEST-PANIC and some text"),
    )
    .unwrap();
    fs::write(inputs.path().join("c.html"), GOOD).unwrap();
    let out = tempfile::tempdir().unwrap();
    let res = bin()
        .arg(inputs.path())
        .arg("-o")
        .arg(out.path())
        .env("DEBOIL_TEST_PANIC", "1")
        .output()
        .unwrap();
    assert_eq!(res.status.code(), Some(1));
    let articles = read_jsonl(&out.path().join("articles.jsonl"));
    assert_eq!(articles.len(), 2);
    let errors = read_jsonl(&out.path().join("errors.jsonl"));
    assert_eq!(errors[0]["id"], "b");
    assert_eq!(
        errors[0]["reason"],
        "internal error (panic): test panic requested by the page"
    );
}
