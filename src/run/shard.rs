//! `--shard K/N`: deterministic slices of the inputs, each written to its
//! own folder with a completion marker.
//!
//! An input file belongs to slice `xxh3_64(id) % N` (ids are relative
//! paths, so the slice of a file does not depend on where the folder is
//! mounted nor on which other files exist). A shard writes into
//! `DIR/shard-K-of-N/` like any run (a version folder switched in at once,
//! see [`crate::output::commit`]), and its completion marker
//! `shard-complete.json`, holding the summary, is committed with the
//! outputs. Rerunning a shard whose marker
//! matches its inputs (paths, sizes, modification times), its options and
//! the program (version and a digest of the executable) does nothing; a
//! shard that failed or was interrupted left no marker and starts over.

use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::input::Input;

/// The completion marker's file name inside the shard's folder.
pub const MARKER: &str = crate::output::SHARD_COMPLETE;

/// The folder of shard `k` of `n` inside the output folder.
pub fn folder_name(k: u32, n: u32) -> String {
    format!("shard-{k:05}-of-{n:05}")
}

/// Whether `input` belongs to shard `k` (1-based) of `n`.
pub fn owns(input: &Input, k: u32, n: u32) -> bool {
    xxhash_rust::xxh3::xxh3_64(input.id.as_bytes()) % u64::from(n) == u64::from(k - 1)
}

/// A digest of a shard's inputs: path, id, size and modification time.
pub fn inputs_digest(inputs: &[Input]) -> String {
    let mut text = String::new();
    for i in inputs {
        let (size, mtime) = fs::metadata(&i.path).map_or((0, 0), |m| {
            let mtime = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            (m.len(), mtime)
        });
        text.push_str(&format!(
            "{}\t{}\t{size}\t{mtime}\n",
            i.path.to_string_lossy(),
            i.id
        ));
    }
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(text.as_bytes()))
}

/// The completion marker.
#[derive(Debug, Serialize, Deserialize)]
pub struct Marker {
    /// `K/N`.
    pub shard: String,
    /// What must match for a rerun to be a no-op (options and version).
    pub fingerprint: String,
    /// [`inputs_digest`] of the shard's inputs.
    pub inputs: String,
    /// The shard's `summary.json`.
    pub summary: serde_json::Value,
}

/// The marker in `dir`, when it matches.
pub fn completed(dir: &Path, fingerprint: &str, inputs: &str) -> Option<Marker> {
    let text = fs::read_to_string(dir.join(MARKER)).ok()?;
    let m: Marker = serde_json::from_str(&text).ok()?;
    (m.fingerprint == fingerprint && m.inputs == inputs).then_some(m)
}
