//! The manifest behind `--incremental`: one line per input of the last
//! completed run (source, id, size, mtime, content hash, and whether it
//! gave an article or an error), so the next run reprocesses only inputs
//! that are new or changed and copies the others' records verbatim.
//!
//! Stored as `DIR/.deboil-manifest.jsonl` and committed together with the
//! outputs. Its first line is a header holding the [`fingerprint`] of the
//! options and version that made it: when they differ, nothing is carried
//! over. The previous records are held in memory during the run.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::input::Input;
use crate::output::{ARTICLES_CSV, ARTICLES_JSONL, ERRORS_JSONL, MANIFEST, csv_header};

/// Size, modification time and content hash of an input's raw bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch (informative:
    /// the hash decides).
    pub mtime_ns: u64,
    /// xxh3-128 of the raw file bytes (before gunzip), hex.
    pub hash: String,
}

impl Stamp {
    /// The stamp of raw file bytes read from `path`.
    pub fn of(path: &Path, raw: &[u8]) -> Stamp {
        let mtime_ns = fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as u64);
        Stamp {
            size: raw.len() as u64,
            mtime_ns,
            hash: format!("{:032x}", xxhash_rust::xxh3::xxh3_128(raw)),
        }
    }
}

/// One manifest line.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    pub source: String,
    pub id: String,
    #[serde(flatten)]
    pub stamp: Stamp,
    /// `true` when the input gave an article, `false` for an error record.
    pub article: bool,
}

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    fingerprint: String,
}

/// Everything that changes the records a page gives: a manifest made under
/// another fingerprint carries nothing over.
pub fn fingerprint(config: &Config, template: u64) -> String {
    format!(
        "deboil {}; max_bytes {}; max_depth {}; max_nodes {}; csv_safe {}; template {template:016x}; columns {}",
        env!("CARGO_PKG_VERSION"),
        config.page.max_bytes,
        config.page.max_depth,
        config.page.max_nodes,
        config.csv_safe,
        csv_header().join(",")
    )
}

/// A previous record, exactly as it was written.
#[derive(Debug, Clone)]
pub enum Carried {
    Article {
        json: String,
        csv: csv::StringRecord,
    },
    Error {
        json: String,
        reason: String,
    },
}

/// The last completed run's inputs and records, keyed by (source, id).
#[derive(Debug, Default)]
pub struct Previous {
    map: HashMap<(String, String), (Stamp, Carried)>,
}

impl Previous {
    /// Load the previous state of `dir`, or explain why it cannot be used.
    ///
    /// # Errors
    /// A message when there is no usable previous run (missing or
    /// mismatched files, other options); the run then processes everything.
    pub fn load(dir: &Path, config: &Config, template: u64) -> Result<Previous, String> {
        let manifest = fs::read_to_string(dir.join(MANIFEST))
            .map_err(|e| format!("no manifest of a previous run ({e})"))?;
        let mut lines = manifest.lines();
        let header: Header = lines
            .next()
            .and_then(|l| serde_json::from_str(l).ok())
            .ok_or("unreadable manifest")?;
        if header.fingerprint != fingerprint(config, template) {
            return Err("the previous run used other options or another version".into());
        }
        let read =
            |name: &str| fs::read_to_string(dir.join(name)).map_err(|e| format!("{name}: {e}"));
        let articles = read(ARTICLES_JSONL)?;
        let errors = read(ERRORS_JSONL)?;
        let mut articles = articles.lines();
        let mut errors = errors.lines();
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_path(dir.join(ARTICLES_CSV))
            .map_err(|e| format!("{ARTICLES_CSV}: {e}"))?;
        let mut rows = csv.records();
        let mut map = HashMap::new();
        let mut dup = Vec::new();
        for line in lines {
            let e: Entry = serde_json::from_str(line).map_err(|_| "unreadable manifest line")?;
            let carried = if e.article {
                let json = articles.next().ok_or("fewer articles than the manifest")?;
                let row = rows
                    .next()
                    .ok_or("fewer CSV rows than the manifest")?
                    .map_err(|e| format!("{ARTICLES_CSV}: {e}"))?;
                Carried::Article {
                    json: json.to_string(),
                    csv: row,
                }
            } else {
                let json = errors.next().ok_or("fewer errors than the manifest")?;
                let v: serde_json::Value =
                    serde_json::from_str(json).map_err(|_| "unreadable errors.jsonl line")?;
                Carried::Error {
                    json: json.to_string(),
                    reason: v["reason"].as_str().unwrap_or_default().to_string(),
                }
            };
            let key = (e.source, e.id);
            if map.insert(key.clone(), (e.stamp, carried)).is_some() {
                dup.push(key);
            }
        }
        if articles.next().is_some() || errors.next().is_some() || rows.next().is_some() {
            return Err("more records than the manifest lists".into());
        }
        // Two inputs with one key (file names that are not valid UTF-8 and
        // read the same once made lossy): never guess, reprocess them.
        for key in dup {
            map.remove(&key);
        }
        Ok(Previous { map })
    }

    /// The previous record of `input`, if its bytes are unchanged.
    pub fn take(&mut self, input: &Input, stamp: &Stamp) -> Option<Carried> {
        let key = (input.path.to_string_lossy().into_owned(), input.id.clone());
        match self.map.get(&key) {
            Some((s, _)) if !s.hash.is_empty() && s.size == stamp.size && s.hash == stamp.hash => {
                self.map.remove(&key).map(|(_, c)| c)
            }
            _ => None,
        }
    }
}

/// The manifest file's contents for a finished run.
pub fn render(config: &Config, template: u64, entries: &[Entry]) -> Vec<u8> {
    let mut out = serde_json::to_vec(&Header {
        fingerprint: fingerprint(config, template),
    })
    .unwrap_or_default();
    out.push(b'\n');
    for e in entries {
        if let Ok(line) = serde_json::to_vec(e) {
            out.extend_from_slice(&line);
            out.push(b'\n');
        }
    }
    out
}
