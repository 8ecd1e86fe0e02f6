//! The batch: discover inputs, extract them in parallel on a rayon pool,
//! write records in input order through one writer, and summarise.
//!
//! Workers take input indices from a shared counter; the writer keeps a
//! reorder buffer and writes each result as soon as every earlier one is
//! written. A worker never runs more than [`WINDOW`] inputs ahead of the
//! writer, so memory is bounded by the window, not by the batch size.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::{Condvar, Mutex};
use std::time::Instant;

use crate::batch::Template;
use crate::config::Config;
use crate::document::{Document, ErrorRecord};
use crate::error::{Error, PageError};
use crate::extract;
use crate::input::{self, Input};
use crate::output::Outputs;

/// How many inputs a worker may run ahead of the writer, per thread.
pub const WINDOW_PER_THREAD: usize = 32;

/// Receives progress events; the binary shows them as a progress bar.
/// The library itself never prints.
pub trait Progress: Sync {
    /// The batch has `total` inputs.
    fn start(&self, _total: u64) {}
    /// One more input is done.
    fn advance(&self) {}
    /// All inputs are done.
    fn finish(&self) {}
}

/// A [`Progress`] that shows nothing.
pub struct NoProgress;
impl Progress for NoProgress {}

/// What a finished run did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Input files found.
    pub pages: u64,
    /// Records written to `articles.*`.
    pub articles: u64,
    /// Inputs listed in `errors.jsonl`.
    pub errors: u64,
    /// Bytes read (after decompression).
    pub bytes: u64,
    /// Wall-clock seconds.
    pub seconds: f64,
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
}

/// The outcome of one input: its record or its error, and its size.
type Outcome = (Result<Document, PageError>, u64);

/// Process one input, turning a panic into an error record.
pub fn process_one(input: &Input, config: &Config, template: &Template) -> Outcome {
    let work = || -> Outcome {
        let bytes = match input::read(&input.path, config.max_bytes) {
            Ok(b) => b,
            Err(e) => return (Err(e), 0),
        };
        let size = bytes.len() as u64;
        (
            extract::process_bytes_with(input, &bytes, config, template),
            size,
        )
    };
    match catch_unwind(AssertUnwindSafe(work)) {
        Ok(outcome) => outcome,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".to_string());
            (Err(PageError::Panic(msg)), 0)
        }
    }
}

/// Run a whole batch as configured.
///
/// # Errors
/// Fatal problems only: an input that does not exist, an output folder that
/// cannot be written. Per-page failures are counted in the summary and
/// listed in `errors.jsonl`.
pub fn run(config: &Config, progress: &dyn Progress) -> Result<Summary, Error> {
    let start = Instant::now();
    let inputs = input::discover(&config.inputs)?;
    let mut outputs = Outputs::create(&config.output_dir)?;
    progress.start(inputs.len() as u64);

    let threads = if config.threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        config.threads
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| Error::Config(format!("thread pool: {e}")))?;
    let window = threads * WINDOW_PER_THREAD;
    // First pass: the lines the batch's pages share (see `batch`).
    let template = pool.install(|| Template::scan(&inputs, config));
    let template = &template;

    let next = AtomicUsize::new(0);
    // Index of the first result the writer has not written yet.
    let written = Mutex::new(0usize);
    let advanced = Condvar::new();
    let (tx, rx) = sync_channel::<(usize, Outcome)>(window);
    let mut summary = Summary {
        pages: inputs.len() as u64,
        ..Summary::default()
    };

    let mut write_result: Result<(), Error> = Ok(());
    pool.in_place_scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (inputs, next, written, advanced) = (&inputs, &next, &written, &advanced);
            scope.spawn(move |_| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= inputs.len() {
                        break;
                    }
                    {
                        let mut w = written.lock().unwrap_or_else(|p| p.into_inner());
                        while i >= *w + window {
                            w = advanced.wait(w).unwrap_or_else(|p| p.into_inner());
                        }
                    }
                    if tx
                        .send((i, process_one(&inputs[i], config, template)))
                        .is_err()
                    {
                        break;
                    }
                }
            });
        }
        drop(tx);

        let mut pending: BTreeMap<usize, Outcome> = BTreeMap::new();
        let mut cursor = 0usize;
        for (i, outcome) in rx.iter() {
            pending.insert(i, outcome);
            while let Some(outcome) = pending.remove(&cursor) {
                if write_result.is_ok() {
                    write_result = write_one(&mut outputs, &inputs[cursor], outcome, &mut summary);
                }
                cursor += 1;
                progress.advance();
            }
            *written.lock().unwrap_or_else(|p| p.into_inner()) = cursor;
            advanced.notify_all();
        }
    });
    write_result?;
    outputs.finish()?;
    progress.finish();
    summary.seconds = start.elapsed().as_secs_f64();
    Ok(summary)
}

fn write_one(
    outputs: &mut Outputs,
    input: &Input,
    (result, size): Outcome,
    summary: &mut Summary,
) -> Result<(), Error> {
    summary.bytes += size;
    match result {
        Ok(doc) => {
            summary.articles += 1;
            outputs.article(&doc)
        }
        Err(e) => {
            summary.errors += 1;
            outputs.error(&ErrorRecord {
                id: input.id.clone(),
                source: input.path.to_string_lossy().into_owned(),
                reason: e.to_string(),
            })
        }
    }
}
