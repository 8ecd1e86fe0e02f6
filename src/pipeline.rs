//! The batch: discover inputs, extract them in parallel on a rayon pool,
//! write records in input order through one writer, and summarise.
//!
//! Workers take input indices from a shared counter; the writer keeps a
//! reorder buffer and writes each result as soon as every earlier one is
//! written. A worker never runs more than [`WINDOW`] inputs ahead of the
//! writer, so memory is bounded by the window, not by the batch size.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::batch::Template;
use crate::config::Config;
use crate::document::{Document, ErrorRecord};
use crate::error::{Error, PageError};
use crate::extract;
use crate::input::{self, Input};
use crate::lock;
use crate::manifest::{self, Carried, Entry, Previous, Stamp};
use crate::output::{MANIFEST, Outputs, SUMMARY_JSON};

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
            "bytes": self.bytes,
            "seconds": self.seconds,
            "options": {
                "inputs": config.inputs.iter().map(|p| p.to_string_lossy()).collect::<Vec<_>>(),
                "output": config.output_dir.to_string_lossy(),
                "threads": config.threads,
                "max_bytes": config.max_bytes,
                "max_depth": config.max_depth,
                "max_nodes": config.max_nodes,
                "incremental": config.incremental,
                "csv_safe": config.csv_safe,
            },
        })
    }

    fn count_error(&mut self, reason: &str) {
        self.errors += 1;
        *self
            .errors_by_reason
            .entry(PageError::kind_of(reason).to_string())
            .or_default() += 1;
    }
}

/// The outcome of one input: its record or its error, and its size.
type Outcome = (Result<Document, PageError>, u64);

/// What a worker hands the writer for one input. (Sizes differ, but only
/// a window's worth are ever alive: boxing would buy nothing.)
#[allow(clippy::large_enum_variant)]
enum Done {
    /// Processed now; the stamp of its raw bytes (empty hash if unread).
    Fresh(Outcome, Stamp),
    /// Unchanged since the last run: its previous record.
    Carried(Carried, Stamp),
}

/// Process one input, turning a panic into an error record.
pub fn process_one(input: &Input, config: &Config, template: &Template) -> Outcome {
    match process_input(input, config, template, None) {
        Done::Fresh(outcome, _) => outcome,
        Done::Carried(..) => unreachable!("nothing to carry without a previous run"),
    }
}

fn unread() -> Stamp {
    Stamp {
        size: 0,
        mtime_ns: 0,
        hash: String::new(),
    }
}

/// Read one input, carry its previous record over if its bytes did not
/// change, else decompress and extract it. A panic becomes an error record.
fn process_input(
    input: &Input,
    config: &Config,
    template: &Template,
    previous: Option<&Mutex<Previous>>,
) -> Done {
    let work = || -> Done {
        let raw = match input::read_raw(&input.path, config.max_bytes) {
            Ok(b) => b,
            Err(e) => return Done::Fresh((Err(e), 0), unread()),
        };
        let stamp = Stamp::of(&input.path, &raw);
        if let Some(prev) = previous {
            let mut prev = prev.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(carried) = prev.take(input, &stamp) {
                return Done::Carried(carried, stamp);
            }
        }
        let bytes = match input::decompress(raw, config.max_bytes) {
            Ok(b) => b,
            Err(e) => return Done::Fresh((Err(e), 0), stamp),
        };
        test_panic_hook(&bytes);
        let size = bytes.len() as u64;
        Done::Fresh(
            (
                extract::process_bytes_with(input, &bytes, config, template),
                size,
            ),
            stamp,
        )
    };
    match catch_unwind(AssertUnwindSafe(work)) {
        Ok(done) => done,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".to_string());
            Done::Fresh((Err(PageError::Panic(msg)), 0), unread())
        }
    }
}

/// For the test suite only: with `DEBOIL_TEST_PANIC=1` in the environment,
/// a page containing `DEBOIL-TEST-PANIC` panics, to prove that a panic in
/// one page becomes that page's error record.
fn test_panic_hook(bytes: &[u8]) {
    static ON: std::sync::LazyLock<bool> = std::sync::LazyLock::new(|| {
        std::env::var_os("DEBOIL_TEST_PANIC").is_some_and(|v| v == "1")
    });
    if *ON && bytes.windows(17).any(|w| w == b"DEBOIL-TEST-PANIC") {
        panic!("test panic requested by the page");
    }
}

/// Run a whole batch as configured.
///
/// # Errors
/// Fatal problems only: an input that does not exist, an output folder that
/// cannot be written or is locked by another run. Per-page failures are
/// counted in the summary and listed in `errors.jsonl`.
pub fn run(config: &Config, progress: &dyn Progress) -> Result<Summary, Error> {
    run_until(config, progress, &AtomicBool::new(false))
}

/// [`run`], stopping early when `stop` becomes true (the binary sets it on
/// Ctrl-C): workers take no new page, the temporary files are removed, the
/// previous outputs stay as they were, and [`Error::Interrupted`] is
/// returned.
///
/// # Errors
/// As [`run`], plus [`Error::Interrupted`].
pub fn run_until(
    config: &Config,
    progress: &dyn Progress,
    stop: &AtomicBool,
) -> Result<Summary, Error> {
    let start = Instant::now();
    let inputs = input::discover(&config.inputs)?;
    let _lock = lock::acquire(&config.output_dir)?;
    let mut outputs = Outputs::create(&config.output_dir, config.csv_safe)?;
    let mut summary = Summary {
        pages: inputs.len() as u64,
        ..Summary::default()
    };
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
    // Records of the last run carry over only under the same options and
    // the same batch template.
    let previous = if config.incremental {
        match Previous::load(&config.output_dir, config, template.fingerprint()) {
            Ok(p) => Some(Mutex::new(p)),
            Err(note) => {
                summary.incremental_note = Some(note);
                None
            }
        }
    } else {
        None
    };

    let next = AtomicUsize::new(0);
    // Index of the first result the writer has not written yet.
    let written = Mutex::new(0usize);
    let advanced = Condvar::new();
    let (tx, rx) = sync_channel::<(usize, Done)>(window);
    let mut entries: Vec<Entry> = Vec::with_capacity(inputs.len());

    let mut write_result: Result<(), Error> = Ok(());
    pool.in_place_scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (inputs, next, written, advanced) = (&inputs, &next, &written, &advanced);
            let previous = previous.as_ref();
            scope.spawn(move |_| {
                loop {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= inputs.len() {
                        break;
                    }
                    {
                        let mut w = written.lock().unwrap_or_else(|p| p.into_inner());
                        while i >= *w + window {
                            if stop.load(Ordering::Relaxed) {
                                return;
                            }
                            w = advanced
                                .wait_timeout(w, Duration::from_millis(100))
                                .unwrap_or_else(|p| p.into_inner())
                                .0;
                        }
                    }
                    let done = process_input(&inputs[i], config, template, previous);
                    if tx.send((i, done)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);

        let mut pending: BTreeMap<usize, Done> = BTreeMap::new();
        let mut cursor = 0usize;
        for (i, done) in rx.iter() {
            pending.insert(i, done);
            while let Some(done) = pending.remove(&cursor) {
                if write_result.is_ok() && !stop.load(Ordering::Relaxed) {
                    write_result = write_one(
                        &mut outputs,
                        &inputs[cursor],
                        done,
                        &mut summary,
                        &mut entries,
                    );
                }
                cursor += 1;
                progress.advance();
            }
            *written.lock().unwrap_or_else(|p| p.into_inner()) = cursor;
            advanced.notify_all();
        }
    });
    write_result?;
    if stop.load(Ordering::Relaxed) {
        // Dropping `outputs` removes the temporary subfolder.
        return Err(Error::Interrupted {
            path: config.output_dir.clone(),
        });
    }
    summary.seconds = start.elapsed().as_secs_f64();
    let summary_json = serde_json::to_vec_pretty(&summary.to_json(config)).unwrap_or_default();
    outputs.finish(&[
        (SUMMARY_JSON, summary_json),
        (
            MANIFEST,
            manifest::render(config, template.fingerprint(), &entries),
        ),
    ])?;
    progress.finish();
    Ok(summary)
}

fn write_one(
    outputs: &mut Outputs,
    input: &Input,
    done: Done,
    summary: &mut Summary,
    entries: &mut Vec<Entry>,
) -> Result<(), Error> {
    let source = input.path.to_string_lossy().into_owned();
    let (article, stamp) = match done {
        Done::Fresh((result, size), stamp) => {
            summary.bytes += size;
            match result {
                Ok(doc) => {
                    summary.articles += 1;
                    outputs.article(&doc)?;
                    (true, stamp)
                }
                Err(e) => {
                    let reason = e.to_string();
                    summary.count_error(&reason);
                    outputs.error(&ErrorRecord {
                        id: input.id.clone(),
                        source: source.clone(),
                        reason,
                    })?;
                    (false, stamp)
                }
            }
        }
        Done::Carried(carried, stamp) => {
            summary.carried_over += 1;
            match carried {
                Carried::Article { json, csv } => {
                    summary.articles += 1;
                    outputs.carried_article(&json, &csv)?;
                    (true, stamp)
                }
                Carried::Error { json, reason } => {
                    summary.count_error(&reason);
                    outputs.carried_error(&json)?;
                    (false, stamp)
                }
            }
        }
    };
    entries.push(Entry {
        source,
        id: input.id.clone(),
        stamp,
        article,
    });
    Ok(())
}
