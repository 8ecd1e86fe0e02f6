//! [`Summary`]: what a finished run did, as the command reports it and as
//! `summary.json` records it.

use std::collections::BTreeMap;

use crate::config::Config;
use crate::error::PageError;

/// What a finished run did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Pages seen: page files, and pages read out of WARC and JSON Lines
    /// files (skipped records not included).
    pub pages: u64,
    /// Records written to `articles.*`.
    pub articles: u64,
    /// Inputs listed in `errors.jsonl`.
    pub errors: u64,
    /// Errors by kind of reason (the reason up to its first `:`).
    pub errors_by_reason: BTreeMap<String, u64>,
    /// Inputs whose previous records were carried over (`--incremental`).
    pub carried_over: u64,
    /// Why `--incremental` could not use the previous run, if it could not.
    pub incremental_note: Option<String>,
    /// Bytes read (after decompression) from the inputs processed.
    pub bytes: u64,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Records of WARC files that are not pages, by reason.
    pub skipped: BTreeMap<String, u64>,
    /// Pages dropped by `--lang`, `--min-words` and `--dedup`, by reason.
    pub filtered: BTreeMap<String, u64>,
    /// Pages written with `duplicate_of` set.
    pub duplicates: u64,
    /// `--shard`: the shard was complete already, nothing was done (the
    /// counts are those of the run that completed it).
    pub already_complete: bool,
}

impl Summary {
    /// Input throughput in MB/s (10^6 bytes).
    pub fn mb_per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            self.bytes as f64 / 1e6 / self.seconds
        } else {
            0.0
        }
    }

    /// The `summary.json` written beside the outputs.
    pub fn to_json(&self, config: &Config) -> serde_json::Value {
        serde_json::json!({
            "version": env!("CARGO_PKG_VERSION"),
            "pages": self.pages,
            "articles": self.articles,
            "errors": self.errors,
            "errors_by_reason": self.errors_by_reason,
            "carried_over": self.carried_over,
            "incremental_note": self.incremental_note,
            "skipped": self.skipped,
            "filtered": self.filtered,
            "duplicates": self.duplicates,
            "bytes": self.bytes,
            "seconds": self.seconds,
            "options": {
                "inputs": config.inputs.iter().map(|p| p.to_string_lossy()).collect::<Vec<_>>(),
                "output": config.output_dir.to_string_lossy(),
                "threads": config.threads,
                "max_bytes": config.page.max_bytes,
                "max_depth": config.page.max_depth,
                "max_nodes": config.page.max_nodes,
                "incremental": config.incremental,
                "csv_safe": config.csv_safe,
                "content_field": config.content_field,
                "id_field": config.id_field,
                "stdout": config.stdout,
                "dedup": config.dedup,
                "lang": config.languages,
                "min_words": config.min_words,
                "shard": config.shard.map(|(k, n)| format!("{k}/{n}")),
                "compress": format!("{:?}", config.compress).to_lowercase(),
                "format": format!("{:?}", config.table).to_lowercase(),
            },
        })
    }

    /// The counts a completed shard's marker holds.
    pub(super) fn from_marker(v: &serde_json::Value) -> Summary {
        let n = |k: &str| v[k].as_u64().unwrap_or(0);
        let map = |k: &str| -> BTreeMap<String, u64> {
            serde_json::from_value(v[k].clone()).unwrap_or_default()
        };
        Summary {
            pages: n("pages"),
            articles: n("articles"),
            errors: n("errors"),
            errors_by_reason: map("errors_by_reason"),
            skipped: map("skipped"),
            filtered: map("filtered"),
            duplicates: n("duplicates"),
            bytes: n("bytes"),
            seconds: v["seconds"].as_f64().unwrap_or(0.0),
            already_complete: true,
            ..Summary::default()
        }
    }

    pub(super) fn count_error(&mut self, reason: &str) {
        self.errors += 1;
        *self
            .errors_by_reason
            .entry(PageError::kind_of(reason).to_string())
            .or_default() += 1;
    }
}
