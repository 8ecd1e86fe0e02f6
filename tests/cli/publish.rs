//! What people who install deboil and load its outputs rely on (issue 16):
//! the published schema files, the README's sample record, type table and
//! user's-guide sections, the licence, and the quality gate finding the
//! bench. (Loading the outputs with pandas, polars, DuckDB, pyarrow and
//! `datasets` is `tests/load_outputs.py`; the kill test of the commit is
//! `tests/kill_test.py`; both run in `.ci/run`.)

use std::fs;
use std::process::Command;

use serde_json::Value;

use super::{assert_success, bin, by_id, read_jsonl, root};

fn readme() -> String {
    fs::read_to_string(root().join("README.md")).unwrap()
}

/// The part of the README from `heading` to the next section of its level.
fn section(readme: &str, heading: &str) -> String {
    let start = readme
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("README has no '{heading}'"));
    let rest = &readme[start + 1..];
    let level = heading.split(' ').next().unwrap();
    let end = rest[heading.len()..]
        .find(&format!("\n{level} "))
        .map_or(rest.len(), |e| e + heading.len());
    rest[..end].to_string()
}

#[test]
fn committed_schema_files_are_what_deboil_schema_prints() {
    for (file, args) in [
        ("article.schema.json", &["schema"][..]),
        ("article.arrows", &["schema", "--arrow"]),
        ("article-csv.arrows", &["schema", "--arrow", "--csv"]),
    ] {
        let out = bin().args(args).output().unwrap();
        assert_success(&out);
        assert!(
            out.stdout == fs::read(root().join("schema").join(file)).unwrap(),
            "schema/{file} is stale: write it anew with `deboil {}`",
            args.join(" ")
        );
    }
    let schema: Value =
        serde_json::from_slice(&bin().arg("schema").output().unwrap().stdout).unwrap();
    assert_eq!(schema["properties"]["duplicate_of"]["type"][1], "null");
}

#[test]
fn the_readme_sample_record_is_what_the_two_commands_write() {
    let guide = section(&readme(), "## A record");
    let start = guide.find("```json\n").expect("a json block") + 8;
    let end = start + guide[start..].find("\n```").unwrap();
    let shown: Value = serde_json::from_str(&guide[start..end]).unwrap();
    // `cargo run --release` from the repository root: inputs `raw`.
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("cleaned");
    let res = bin()
        .current_dir(root())
        .arg("-o")
        .arg(&out)
        .arg("-q")
        .output()
        .unwrap();
    assert_success(&res);
    let records = read_jsonl(&out.join("articles.jsonl"));
    let id = shown["id"].as_str().unwrap();
    assert_eq!(
        &shown,
        by_id(&records, id),
        "README's record of {id} is stale"
    );
}

#[test]
fn the_readme_type_table_is_the_schema() {
    let guide = section(&readme(), "## A record");
    let rows: Vec<Vec<String>> = guide
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().trim_matches('`').to_string())
                .collect()
        })
        .collect();
    let schema: Value = serde_json::from_str(
        &fs::read_to_string(root().join("schema/article.schema.json")).unwrap(),
    )
    .unwrap();
    let props = schema["properties"].as_object().unwrap();
    let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    let fields: Vec<&str> = props.keys().map(|k| k.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, fields, "the table's fields are not the schema's");
    for row in &rows {
        let ty = &props[&row[0]]["type"];
        let (base, nullable) = match ty {
            Value::Array(a) => (a[0].as_str().unwrap(), true),
            t => (t.as_str().unwrap(), false),
        };
        let json = match base {
            "string" => "string",
            "integer" => "integer",
            "array" => "array of strings",
            _ => "object: 8 integers",
        };
        assert_eq!(row[1], json, "{}", row[0]);
        assert_eq!(row[3], if nullable { "yes" } else { "no" }, "{}", row[0]);
    }
}

#[test]
fn the_readme_is_a_users_guide() {
    let text = readme();
    let install = section(&text, "## Install");
    assert!(install.contains("cargo install --path ."));
    let reading = section(&text, "## Reading the outputs");
    for needed in [
        "import pandas",
        "import polars",
        "import duckdb",
        "pa.json.read_json",
        "newlines_in_values=True",
        "import datasets",
        "os.path.realpath(\"cleaned/current\")",
    ] {
        assert!(
            reading.contains(needed),
            "Reading the outputs lacks {needed}"
        );
    }
    let cron = section(&text, "## Running from cron");
    assert!(cron.contains("```cron") && cron.contains("errors.jsonl"));
    for code in ["0", "1", "2", "130"] {
        assert!(cron.contains(&format!(" {code} ")), "exit code {code}");
    }
    assert!(text.contains("--bench DIR"), "the gate's --bench flag");
}

#[test]
fn the_licence_is_stated_and_shipped() {
    assert_eq!(env!("CARGO_PKG_LICENSE"), "MIT OR Apache-2.0");
    assert!(!env!("CARGO_PKG_DESCRIPTION").is_empty());
    let mit = fs::read_to_string(root().join("LICENSE-MIT")).unwrap();
    assert!(mit.contains("Permission is hereby granted, free of charge"));
    let apache = fs::read_to_string(root().join("LICENSE-APACHE")).unwrap();
    assert!(apache.contains("Apache License") && apache.contains("Version 2.0, January 2004"));
}

/// `quality/gate.py` copied into a clone two levels below a folder that
/// holds `shared/bench`, and into one with none above it.
#[test]
fn the_gate_finds_the_bench_or_names_the_flag() {
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("python3 not found: the quality gate is not checked here");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let gate = fs::read(root().join("quality/gate.py")).unwrap();
    let place = |repo: &std::path::Path| {
        fs::create_dir_all(repo.join("quality")).unwrap();
        fs::write(repo.join("quality/gate.py"), &gate).unwrap();
        fs::write(repo.join("quality/floors.json"), r#"{"sets": []}"#).unwrap();
        repo.join("quality/gate.py")
    };
    let bench = tmp.path().join("work/shared/bench");
    fs::create_dir_all(&bench).unwrap();
    fs::write(bench.join("score_articles.py"), "").unwrap();
    let deep = place(&tmp.path().join("work/wt/deboil"));
    let res = Command::new("python3")
        .arg(&deep)
        .args(["--bin", "/no/such/deboil"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&res.stderr);
    assert!(stderr.contains("no deboil binary"), "{stderr}");
    let alone = place(&tmp.path().join("alone/deboil"));
    let res = Command::new("python3").arg(&alone).output().unwrap();
    let stderr = String::from_utf8_lossy(&res.stderr);
    assert_eq!(res.status.code(), Some(2));
    assert!(stderr.contains("pass --bench DIR"), "{stderr}");
}
