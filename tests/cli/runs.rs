//! Runs that die, overlap or repeat (issue 6): the output lock, Ctrl-C,
//! SIGKILL mid-run, `--incremental`, `summary.json`, `--quiet`, `--csv-safe`.

use std::fs;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::{bin, read_jsonl, run};

const OUTPUTS: [&str; 3] = ["articles.jsonl", "articles.csv", "errors.jsonl"];

/// `n` small pages, each with its own text (and a few errors).
fn write_pages(dir: &Path, n: usize, tag: &str) {
    fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        let body = if i % 10 == 4 {
            String::new()
        } else {
            format!(
                "<html><head><title>Page {i} {tag}</title></head><body><nav><a href=/>Home</a>\
                 </nav><article><p>Paragraph {i} of run {tag}: the council approved the new \
                 budget on Tuesday, after a long debate, and the mayor spoke.</p></article>\
                 </body></html>"
            )
        };
        fs::write(dir.join(format!("p{i:05}.html")), body).unwrap();
    }
}

fn snapshot(out: &Path) -> Vec<Vec<u8>> {
    OUTPUTS
        .iter()
        .map(|n| fs::read(out.join(n)).unwrap_or_default())
        .collect()
}

/// Versions of the folder (`.deboil-runs/*`) beside the committed one,
/// and links half made.
fn leftovers(out: &Path) -> Vec<String> {
    let committed = fs::read_link(out.join("current"))
        .ok()
        .and_then(|t| t.file_name().map(|n| n.to_string_lossy().into_owned()));
    let names = |dir: &Path| -> Vec<String> {
        fs::read_dir(dir).map_or(Vec::new(), |r| {
            r.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
    };
    let mut found: Vec<String> = names(&out.join(".deboil-runs"))
        .into_iter()
        .filter(|n| Some(n) != committed.as_ref())
        .collect();
    found.extend(
        names(out)
            .into_iter()
            .filter(|n| n.starts_with(".deboil-link") || n.starts_with(".deboil-tmp")),
    );
    found
}

fn spawn(inputs: &Path, out: &Path, extra: &[&str]) -> Child {
    bin()
        .arg(inputs)
        .arg("-o")
        .arg(out)
        .args(["--threads", "1"])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[cfg(unix)]
fn signal(child: &Child, sig: i32) {
    // SAFETY: sending a signal to a child process we spawned.
    unsafe { libc::kill(child.id() as i32, sig) };
}

#[test]
fn a_locked_output_folder_is_refused_and_a_stale_lock_taken_over() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    write_pages(&inputs, 3, "a");
    let out = tmp.path().join("out");
    fs::create_dir(&out).unwrap();
    // Another live run: hold the lock from this process.
    let held = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(out.join(".deboil.lock"))
        .unwrap();
    held.try_lock().unwrap();
    let res = run(&[&inputs], &out, &[]);
    assert_eq!(res.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&res.stderr);
    assert!(stderr.contains("in use by another deboil run"), "{stderr}");
    assert!(!out.join("articles.jsonl").exists());
    // The holder dies: its lock goes with it; the file stays, stale.
    drop(held);
    fs::write(out.join(".deboil.lock"), "999999").unwrap();
    let res = run(&[&inputs], &out, &[]);
    assert_eq!(res.status.code(), Some(0), "{:?}", res);
    assert_eq!(read_jsonl(&out.join("articles.jsonl")).len(), 3);
}

#[test]
fn runs_into_different_folders_work_side_by_side() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    write_pages(&inputs, 200, "a");
    let a = spawn(&inputs, &tmp.path().join("a"), &[]);
    let b = spawn(&inputs, &tmp.path().join("b"), &[]);
    assert_eq!(a.wait_with_output().unwrap().status.code(), Some(1));
    assert_eq!(b.wait_with_output().unwrap().status.code(), Some(1));
    assert_eq!(
        snapshot(&tmp.path().join("a")),
        snapshot(&tmp.path().join("b"))
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_with_130_and_keeps_the_previous_outputs() {
    let tmp = tempfile::tempdir().unwrap();
    let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
    write_pages(&old, 5, "old");
    write_pages(&new, 3000, "new");
    let out = tmp.path().join("out");
    assert_eq!(run(&[&old], &out, &[]).status.code(), Some(1));
    let before = snapshot(&out);
    let child = spawn(&new, &out, &[]);
    // Wait until the run has started writing (its version folder exists).
    let start = Instant::now();
    while leftovers(&out).is_empty() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(5));
    }
    signal(&child, libc::SIGINT);
    let res = child.wait_with_output().unwrap();
    assert_eq!(
        res.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    assert_eq!(snapshot(&out), before, "previous outputs changed");
    assert!(leftovers(&out).is_empty(), "{:?}", leftovers(&out));
}

#[cfg(unix)]
#[test]
fn sigkill_at_any_moment_leaves_the_old_or_the_new_outputs() {
    let tmp = tempfile::tempdir().unwrap();
    let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
    write_pages(&old, 5, "old");
    write_pages(&new, 400, "new");
    let reference = tmp.path().join("reference");
    assert_eq!(run(&[&new], &reference, &[]).status.code(), Some(1));
    let new_state = snapshot(&reference);
    let out = tmp.path().join("out");
    let mut saw = (false, false);
    for delay_ms in [0u64, 20, 60, 120, 250, 400, 700, 1000, 1500, 2500] {
        // Each round starts from the old complete state.
        let _ = fs::remove_dir_all(&out);
        run(&[&old], &out, &[]);
        let old_state = snapshot(&out);
        let child = spawn(&new, &out, &[]);
        std::thread::sleep(Duration::from_millis(delay_ms));
        signal(&child, libc::SIGKILL);
        let _ = child.wait_with_output();
        let got = snapshot(&out);
        assert!(
            got == old_state || got == new_state,
            "killed after {delay_ms} ms: outputs are neither the old nor the new set \
             (tests/kill_test.py kills at every step of the commit)"
        );
        if got == old_state {
            saw.0 = true;
        } else {
            saw.1 = true;
        }
        // The next run cleans up whatever the killed one left.
        assert_eq!(run(&[&old], &out, &[]).status.code(), Some(1));
        assert!(leftovers(&out).is_empty());
    }
    assert!(saw.0, "never killed before the commit");
}

#[test]
fn incremental_is_byte_identical_to_a_full_run() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    write_pages(&inputs, 30, "one");
    let inc = tmp.path().join("inc");
    // No previous run: processes everything, says why.
    let res = run(&[&inputs], &inc, &["--incremental"]);
    assert_eq!(res.status.code(), Some(1));
    // Change one, add one, delete one, touch one, empty one.
    fs::write(
        inputs.join("p00003.html"),
        "<article><p>Rewritten: the council approved nothing at all, after a long day.</p></article>",
    )
    .unwrap();
    fs::write(
        inputs.join("p99999.html"),
        "<article><p>Brand new: a page that did not exist before, with words.</p></article>",
    )
    .unwrap();
    fs::remove_file(inputs.join("p00005.html")).unwrap();
    let touched = inputs.join("p00007.html");
    let bytes = fs::read(&touched).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    fs::write(&touched, bytes).unwrap();
    fs::write(inputs.join("p00008.html"), "").unwrap();
    let res = run(&[&inputs], &inc, &["--incremental"]);
    assert_eq!(res.status.code(), Some(1));
    let full = tmp.path().join("full");
    run(&[&inputs], &full, &[]);
    for (name, (a, b)) in OUTPUTS
        .iter()
        .zip(snapshot(&inc).iter().zip(&snapshot(&full)))
    {
        assert!(
            a == b,
            "{name} differs between --incremental and a full run"
        );
    }
    let summary: serde_json::Value =
        serde_json::from_slice(&fs::read(inc.join("summary.json")).unwrap()).unwrap();
    // 30 - 1 deleted + 1 new = 30 pages; 3 changed or new are reprocessed.
    assert_eq!(summary["pages"], 30);
    assert_eq!(summary["carried_over"], 27);
    assert_eq!(summary["options"]["incremental"], true);
    // Other options: nothing carried over, still the same result.
    let res = run(&[&inputs], &inc, &["--incremental", "--max-nodes", "5000"]);
    assert!(String::from_utf8_lossy(&res.stderr).contains("other options"));
    assert_eq!(
        read_jsonl(&inc.join("articles.jsonl")),
        read_jsonl(&full.join("articles.jsonl"))
    );
}

#[test]
fn summary_json_quiet_and_csv_safe() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    fs::create_dir(&inputs).unwrap();
    fs::write(
        inputs.join("formula.html"),
        "<html><head><title>=HYPERLINK(\"http://evil\",\"x\")</title></head><body><article>\
         <p>@SUM(A1:A9) is what the council approved on Tuesday, after a long debate.</p>\
         <p>-2+3, said the mayor, and left the room with the budget, as always.</p>\
         </article></body></html>",
    )
    .unwrap();
    fs::write(inputs.join("empty.html"), "").unwrap();
    let out = tmp.path().join("out");
    let res = run(&[&inputs], &out, &["--quiet", "--csv-safe"]);
    assert_eq!(res.status.code(), Some(1));
    assert!(
        res.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&res.stderr)
    );
    let mut reader = csv::Reader::from_path(out.join("articles.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let col = |n: &str| &row[headers.iter().position(|h| h == n).unwrap()];
    assert!(col("title").starts_with("'=HYPERLINK"), "{}", col("title"));
    assert!(col("text").starts_with("'@SUM"), "{}", col("text"));
    // JSONL keeps the page's own text.
    let rec = &read_jsonl(&out.join("articles.jsonl"))[0];
    assert!(rec["title"].as_str().unwrap().starts_with("=HYPERLINK"));

    let summary: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["pages"], 2);
    assert_eq!(summary["articles"], 1);
    assert_eq!(summary["errors"], 1);
    assert_eq!(summary["errors_by_reason"]["empty file"], 1);
    assert_eq!(summary["options"]["csv_safe"], true);
    assert_eq!(summary["version"], env!("CARGO_PKG_VERSION"));
    assert!(summary["seconds"].as_f64().unwrap() >= 0.0);
}

#[test]
fn logs_never_reach_the_outputs() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("in");
    write_pages(&inputs, 3, "a");
    let out = tmp.path().join("out");
    let res = Command::new(env!("CARGO_BIN_EXE_deboil"))
        .args(["--threads", "1"])
        .arg(&inputs)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(res.stdout.is_empty());
    assert!(String::from_utf8_lossy(&res.stderr).contains("3 pages in"));
    for name in OUTPUTS {
        assert!(
            !fs::read_to_string(out.join(name))
                .unwrap()
                .contains("deboil:")
        );
    }
}
