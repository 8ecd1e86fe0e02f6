//! The batch: discover inputs, extract them in parallel on a rayon pool,
//! write records in input order through one writer, and summarise.
//!
//! Workers take input indices from a shared counter; the writer keeps a
//! reorder buffer and writes each result as soon as every earlier one is
//! written. A worker never runs more than [`WINDOW_PER_THREAD`] inputs per
//! thread ahead of the writer, so memory is bounded by the window, not by
//! the batch size.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use std::io::Write;

use crate::config::{Config, PageOptions};
use crate::dedup::{self, Index};
use crate::error::{Error, PageError};
use crate::extract;
use crate::input::test_hooks::test_panic_hook;
use crate::input::{self, Container, Input, Item, Page};
use crate::model::document::Document;
use crate::output::lock;
use crate::output::manifest::{self, Carried, Entry, Previous, Stamp};
use crate::output::record::{ErrorRecord, StreamError};
use crate::output::{MANIFEST, Outputs, SUMMARY_JSON};
use crate::run::shard;
use crate::run::summary::Summary;
use crate::text::template::Template;

/// How many inputs a worker may run ahead of the writer, per thread.
pub const WINDOW_PER_THREAD: usize = 32;

/// Receives progress events; the binary shows them as a progress bar.
/// The library itself never prints.
pub trait Progress: Sync {
    /// The batch has `total` pages; 0 when that is not known ahead (pages
    /// inside WARC and JSON Lines files).
    fn start(&self, _total: u64) {}
    /// One more input is done.
    fn advance(&self) {}
    /// All inputs are done.
    fn finish(&self) {}
}

/// A [`Progress`] that shows nothing.
pub struct NoProgress;
impl Progress for NoProgress {}

/// The outcome of one input: its record or its error, and its size.
type Outcome = (Result<Document, PageError>, u64);

/// What a worker hands the writer for one input. (Sizes differ, but only
/// a window's worth are ever alive: boxing would buy nothing.)
#[allow(clippy::large_enum_variant)]
enum Done {
    /// Processed now; the stamp of its raw bytes (empty if unread, or when
    /// streaming to standard output, which writes no manifest).
    Fresh(Outcome, Stamp),
    /// Unchanged since the last run: its previous record.
    Carried(Carried, Stamp),
}

/// One unit of work: a page file (read by the worker) or a page read out
/// of a WARC or JSON Lines file.
#[allow(clippy::large_enum_variant)]
enum Unit {
    File(Input),
    Page(Page),
}

/// A worker's result for one unit.
struct Work {
    input: Input,
    done: Done,
    /// The SimHash of the record's text (see [`dedup`]).
    simhash: Option<u64>,
    /// A page file (it gets a manifest entry).
    file: bool,
}

fn process_unit(
    unit: Unit,
    config: &Config,
    template: &Template,
    previous: Option<&Mutex<Previous>>,
) -> Work {
    let (input, done, file) = match unit {
        Unit::File(input) => {
            let done = process_input(&input, config, template, previous);
            (input, done, true)
        }
        Unit::Page(page) => {
            let input = page.input.clone();
            (
                input,
                Done::Fresh(process_page(page, config, template), unread()),
                false,
            )
        }
    };
    let simhash = match &done {
        Done::Fresh((Ok(doc), _), _) => doc.simhash,
        _ => None,
    };
    Work {
        input,
        done,
        simhash,
        file,
    }
}

/// Extract a page read out of a container. A panic becomes an error record.
fn process_page(page: Page, config: &Config, template: &Template) -> Outcome {
    let work = || -> Outcome {
        let Page {
            input,
            bytes,
            source_url,
            crawl_date,
            charset,
        } = page;
        let bytes = match bytes.and_then(|b| input::decompress(b, config.page.max_bytes)) {
            Ok(b) => b,
            Err(e) => return (Err(e), 0),
        };
        test_panic_hook(&bytes);
        let (bytes, encoding) = match charset {
            Some(enc) => transcode(bytes, enc),
            None => (bytes, None),
        };
        let size = bytes.len() as u64;
        let options = page_options(&input, config, source_url);
        let mut result = extract::process_bytes_with(&bytes, &options, template);
        if let Ok(doc) = &mut result {
            doc.crawl_date = crawl_date;
            if let Some(enc) = encoding {
                doc.encoding = enc.name();
            }
        }
        (result, size)
    };
    catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|payload| (Err(panic_error(payload)), 0))
}

/// Apply the charset of an HTTP header: transcode to UTF-8 (with a BOM, so
/// the decoder takes it as is) and name the encoding used. As for a charset
/// the page declares, a declaration the bytes contradict is ignored (UTF-8
/// declared on bytes that are not UTF-8; a legacy charset on valid
/// multi-byte UTF-8), and a byte-order mark wins.
fn transcode(
    bytes: Vec<u8>,
    enc: &'static encoding_rs::Encoding,
) -> (Vec<u8>, Option<&'static encoding_rs::Encoding>) {
    if encoding_rs::Encoding::for_bom(&bytes).is_some() {
        return (bytes, None);
    }
    let utf8 = std::str::from_utf8(&bytes).is_ok();
    if enc == encoding_rs::UTF_8 || (utf8 && !bytes.is_ascii()) {
        return (bytes, None);
    }
    let (text, _) = enc.decode_without_bom_handling(&bytes);
    let mut out = Vec::with_capacity(3 + text.len());
    out.extend_from_slice(b"\xEF\xBB\xBF");
    out.extend_from_slice(text.as_bytes());
    (out, Some(enc))
}

fn panic_error(payload: Box<dyn std::any::Any + Send>) -> PageError {
    let msg = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown".to_string());
    PageError::Panic(msg)
}

/// The options of one page: the run's limits, and the page's own format,
/// id, source and URL.
fn page_options(input: &Input, config: &Config, url: Option<String>) -> PageOptions {
    PageOptions {
        format: input.format,
        id: input.id.clone(),
        source: input.path.to_string_lossy().into_owned(),
        url,
        ..config.page.clone()
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
        let raw = match input::read_raw(&input.path, config.page.max_bytes) {
            Ok(b) => b,
            Err(e) => return Done::Fresh((Err(e), 0), unread()),
        };
        // The stamp only serves the manifest: a streamed run writes none,
        // so its pages are not hashed for it.
        let stamp = if config.stdout {
            unread()
        } else {
            Stamp::of(&input.path, &raw)
        };
        if let Some(prev) = previous {
            let mut prev = prev.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(carried) = prev.take(input, &stamp) {
                return Done::Carried(carried, stamp);
            }
        }
        let options = page_options(input, config, None);
        Done::Fresh(extract::extract_page_with(&raw, &options, template), stamp)
    };
    match catch_unwind(AssertUnwindSafe(work)) {
        Ok(done) => done,
        Err(payload) => Done::Fresh((Err(panic_error(payload)), 0), unread()),
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

/// Where records go: the output folder's files, or standard output.
#[allow(clippy::large_enum_variant)]
enum Sink {
    Files(Outputs),
    Stream(std::io::BufWriter<std::io::Stdout>),
}

impl Sink {
    fn article(&mut self, doc: &Document) -> Result<(), Error> {
        match self {
            Sink::Files(o) => o.article(doc),
            Sink::Stream(w) => serde_json::to_writer(&mut *w, doc)
                .map_err(std::io::Error::from)
                .and_then(|()| w.write_all(b"\n"))
                .map_err(stdout_error),
        }
    }

    fn error(&mut self, rec: &ErrorRecord) -> Result<(), Error> {
        match self {
            Sink::Files(o) => o.error(rec),
            Sink::Stream(w) => {
                let line = StreamError {
                    id: &rec.id,
                    source: &rec.source,
                    error: &rec.reason,
                };
                serde_json::to_writer(&mut *w, &line)
                    .map_err(std::io::Error::from)
                    .and_then(|()| w.write_all(b"\n"))
                    .map_err(stdout_error)
            }
        }
    }
}

fn stdout_error(e: std::io::Error) -> Error {
    Error::Write {
        path: "standard output".into(),
        message: e.to_string(),
    }
}

/// What the single ordered writer decides about each page: filters and
/// duplicates, in input order, so the result is the same for any thread
/// count.
struct Writer<'a> {
    config: &'a Config,
    template: &'a Template,
    sink: Sink,
    summary: Summary,
    entries: Vec<Entry>,
    index: Index,
}

/// The id and `duplicate_of` of a carried record, to check that its
/// duplicate mark still holds.
#[derive(serde::Deserialize)]
struct CarriedKey {
    id: String,
    text: String,
    text_hash: String,
    duplicate_of: Option<String>,
}

impl Writer<'_> {
    fn write(&mut self, work: Work) -> Result<(), Error> {
        let Work {
            input,
            done,
            simhash,
            file,
        } = work;
        let source = input.path.to_string_lossy().into_owned();
        let (article, stamp) = match done {
            Done::Fresh((result, size), stamp) => {
                self.summary.bytes += size;
                match result {
                    Ok(doc) => (self.fresh_article(doc, simhash)?, stamp),
                    Err(e) => {
                        self.error(&input, &source, &e)?;
                        (false, stamp)
                    }
                }
            }
            Done::Carried(carried, stamp) => match carried {
                Carried::Article { json, csv } => {
                    let key: Option<CarriedKey> = serde_json::from_str(&json).ok();
                    // The index's decision about this page, taken once
                    // (`None`: it is the first with its text, and now
                    // remembered as such).
                    let now = key.as_ref().map(|k| {
                        self.index
                            .check(&k.id, &k.text_hash, dedup::simhash(&k.text))
                            .map(|(first, _)| first)
                    });
                    let still = key
                        .as_ref()
                        .zip(now.as_ref())
                        .is_some_and(|(k, now)| *now == k.duplicate_of);
                    if still {
                        self.summary.carried_over += 1;
                        self.summary.articles += 1;
                        self.summary.duplicates +=
                            u64::from(key.is_some_and(|k| k.duplicate_of.is_some()));
                        match &mut self.sink {
                            Sink::Files(o) => o.carried_article(&json, &csv)?,
                            Sink::Stream(_) => unreachable!("--incremental writes files"),
                        }
                        (true, stamp)
                    } else {
                        // An earlier page changed, so this one's duplicate
                        // mark did: extract it again (the index already
                        // holds the decision, so mark it directly).
                        let again = process_unit(
                            Unit::File(input.clone()),
                            self.config,
                            self.template,
                            None,
                        );
                        match again.done {
                            Done::Fresh((Ok(mut doc), size), _) => {
                                self.summary.bytes += size;
                                match now {
                                    // The index took its decision about this
                                    // page when the carried record was
                                    // checked. (Asking again would name the
                                    // page itself, and telling that apart
                                    // from another page with the same id is
                                    // not possible.)
                                    Some(now) => {
                                        doc.duplicate_of = now;
                                        self.summary.duplicates +=
                                            u64::from(doc.duplicate_of.is_some());
                                        self.summary.articles += 1;
                                        self.sink.article(&doc)?;
                                        (true, stamp)
                                    }
                                    None => (self.fresh_article(doc, again.simhash)?, stamp),
                                }
                            }
                            Done::Fresh((Err(e), _), _) => {
                                self.error(&input, &source, &e)?;
                                (false, stamp)
                            }
                            Done::Carried(..) => {
                                unreachable!("nothing to carry without a previous run")
                            }
                        }
                    }
                }
                Carried::Error { json, reason } => {
                    self.summary.carried_over += 1;
                    self.summary.count_error(&reason);
                    match &mut self.sink {
                        Sink::Files(o) => o.carried_error(&json)?,
                        Sink::Stream(_) => unreachable!("--incremental writes files"),
                    }
                    (false, stamp)
                }
            },
        };
        if file && !self.config.stdout {
            self.entries.push(Entry {
                source,
                id: input.id,
                stamp,
                article,
            });
        }
        Ok(())
    }

    /// The error record of a page, counted.
    fn error(&mut self, input: &Input, source: &str, e: &PageError) -> Result<(), Error> {
        let reason = e.to_string();
        self.summary.count_error(&reason);
        self.sink.error(&ErrorRecord {
            id: input.id.clone(),
            source: source.to_string(),
            reason,
        })
    }

    /// Filters, duplicate marking, then the record. Returns whether it was
    /// written (for the manifest: a filtered page counts as no article).
    fn fresh_article(&mut self, mut doc: Document, simhash: Option<u64>) -> Result<bool, Error> {
        let config = self.config;
        let drop = |s: &mut Summary, reason: &str| {
            *s.filtered.entry(reason.to_string()).or_default() += 1;
        };
        if config.min_words > 0 && doc.word_count < config.min_words {
            drop(&mut self.summary, "min_words");
            return Ok(false);
        }
        if !config.languages.is_empty() {
            let lang = doc
                .meta
                .language
                .as_deref()
                .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase());
            if !lang.is_some_and(|l| config.languages.contains(&l)) {
                drop(&mut self.summary, "language");
                return Ok(false);
            }
        }
        if let Some((first, kind)) = self.index.check(&doc.id, &doc.text_hash, simhash) {
            if config.dedup {
                drop(
                    &mut self.summary,
                    match kind {
                        dedup::Kind::Exact => "duplicate",
                        dedup::Kind::Near => "near_duplicate",
                    },
                );
                return Ok(false);
            }
            doc.duplicate_of = Some(first);
            self.summary.duplicates += 1;
        }
        self.summary.articles += 1;
        self.sink.article(&doc)?;
        Ok(true)
    }
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
    let mut inputs = input::discover(&config.inputs)?;
    if let Some((k, n)) = config.shard {
        inputs.retain(|i| shard::owns(i, k, n));
    }
    let plain: Vec<Input> = inputs
        .iter()
        .filter(|i| input::container(i).is_none())
        .cloned()
        .collect();
    if config.incremental && plain.len() < inputs.len() {
        return Err(Error::Config(
            "--incremental works on page files only, not on WARC, JSON Lines or standard input"
                .into(),
        ));
    }
    let _lock = if config.stdout {
        None
    } else {
        Some(lock::acquire(&config.output_dir)?)
    };
    let sink = if config.stdout {
        Sink::Stream(std::io::BufWriter::with_capacity(
            1 << 16,
            std::io::stdout(),
        ))
    } else {
        Sink::Files(Outputs::create_with(
            &config.output_dir,
            config.csv_safe,
            config.compress,
            config.table,
        )?)
    };
    // A completed shard is not redone.
    let shard_marker = config.shard.map(|(k, n)| {
        (
            format!("{k}/{n}"),
            manifest::fingerprint(config, 0)
                + &format!(
                    "; {:?}; program {}",
                    shard_options(config),
                    program_digest()
                ),
            shard::inputs_digest(&inputs),
        )
    });
    if let Some((_, fingerprint, digest)) = &shard_marker
        && let Some(marker) = shard::completed(&config.output_dir, fingerprint, digest)
    {
        // Dropping the sink removes its temporary subfolder.
        drop(sink);
        return Ok(Summary::from_marker(&marker.summary));
    }
    let mut writer = Writer {
        config,
        template: &Template::default(),
        sink,
        summary: Summary::default(),
        entries: Vec::with_capacity(plain.len()),
        index: Index::default(),
    };
    progress.start(if plain.len() == inputs.len() {
        inputs.len() as u64
    } else {
        0
    });

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
    // First pass: the lines the batch's page files share (see `batch`).
    // Pages inside WARC and JSON Lines files are streamed once and are not
    // part of it.
    let template = pool.install(|| Template::scan(&plain, config));
    let template = &template;
    writer.template = template;
    drop(plain);
    // Records of the last run carry over only under the same options and
    // the same batch template.
    let previous = if config.incremental {
        match Previous::load(&config.output_dir, config, template.fingerprint()) {
            Ok(p) => Some(Mutex::new(p)),
            Err(note) => {
                writer.summary.incremental_note = Some(note);
                None
            }
        }
    } else {
        None
    };

    // Index of the first result the writer has not written yet.
    let written = Mutex::new(0usize);
    let advanced = Condvar::new();
    // The reader never runs more than `window` units ahead of the writer,
    // so neither channel can fill up and memory stays bounded.
    let (utx, urx) = sync_channel::<(usize, Unit)>(window);
    let urx = Mutex::new(urx);
    let (tx, rx) = sync_channel::<(usize, Work)>(window);
    let mut skipped: BTreeMap<String, u64> = BTreeMap::new();

    let mut write_result: Result<(), Error> = Ok(());
    // Set when writing failed (disk full, standard output closed): the
    // reader and the workers stop as on Ctrl-C, and the error is returned.
    let abort = AtomicBool::new(false);
    let halted = || stop.load(Ordering::Relaxed) || abort.load(Ordering::Relaxed);
    let halted = &halted;
    std::thread::scope(|outer| {
        let (written_r, advanced_r, inputs_r, skipped_r) =
            (&written, &advanced, &inputs, &mut skipped);
        outer.spawn(move || {
            let mut i = 0usize;
            let mut send = |unit: Unit| -> bool {
                {
                    let mut w = written_r.lock().unwrap_or_else(|p| p.into_inner());
                    while i >= *w + window {
                        if halted() {
                            return false;
                        }
                        w = advanced_r
                            .wait_timeout(w, Duration::from_millis(100))
                            .unwrap_or_else(|p| p.into_inner())
                            .0;
                    }
                }
                if utx.send((i, unit)).is_err() {
                    return false;
                }
                i += 1;
                !halted()
            };
            for input in inputs_r {
                let mut go = true;
                let mut on_item = |item: Item| -> bool {
                    go = match item {
                        Item::Page(p) => send(Unit::Page(p)),
                        Item::Skipped(reason) => {
                            *skipped_r.entry(reason.to_string()).or_default() += 1;
                            !halted()
                        }
                    };
                    go
                };
                match input::container(input) {
                    None => {
                        go = send(Unit::File(input.clone()));
                    }
                    Some(kind) => {
                        // A panic in a reader becomes an error record for
                        // the file; the pages before it are kept.
                        let read = catch_unwind(AssertUnwindSafe(|| match kind {
                            Container::Warc => input::warc::read(input, config, &mut on_item),
                            Container::Jsonl | Container::Stdin => {
                                input::jsonl::read(input, config, &mut on_item);
                            }
                        }));
                        if let Err(payload) = read {
                            go = send(Unit::Page(Page {
                                input: Input {
                                    id: format!("{}#reader", input.id),
                                    ..input.clone()
                                },
                                bytes: Err(panic_error(payload)),
                                source_url: None,
                                crawl_date: None,
                                charset: None,
                            }));
                        }
                    }
                }
                if !go {
                    break;
                }
            }
            // Dropping `utx` here lets the workers finish.
        });
        pool.in_place_scope(|scope| {
            for _ in 0..threads {
                let tx = tx.clone();
                let urx = &urx;
                let previous = previous.as_ref();
                scope.spawn(move |_| {
                    loop {
                        if halted() {
                            break;
                        }
                        let msg = urx.lock().unwrap_or_else(|p| p.into_inner()).recv();
                        let Ok((i, unit)) = msg else {
                            break;
                        };
                        let work = process_unit(unit, config, template, previous);
                        if tx.send((i, work)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(tx);

            let mut pending: BTreeMap<usize, Work> = BTreeMap::new();
            let mut cursor = 0usize;
            for (i, work) in rx.iter() {
                pending.insert(i, work);
                while let Some(work) = pending.remove(&cursor) {
                    if write_result.is_ok() && !stop.load(Ordering::Relaxed) {
                        writer.summary.pages += 1;
                        write_result = writer.write(work);
                        if write_result.is_err() {
                            abort.store(true, Ordering::Relaxed);
                        }
                    }
                    cursor += 1;
                    progress.advance();
                }
                *written.lock().unwrap_or_else(|p| p.into_inner()) = cursor;
                advanced.notify_all();
            }
        });
    });
    write_result?;
    if stop.load(Ordering::Relaxed) {
        // Dropping the sink removes the temporary subfolder.
        return Err(Error::Interrupted {
            path: config.output_dir.clone(),
        });
    }
    let Writer {
        sink,
        mut summary,
        entries,
        ..
    } = writer;
    summary.skipped = skipped;
    summary.seconds = start.elapsed().as_secs_f64();
    let summary_value = summary.to_json(config);
    match sink {
        Sink::Stream(mut w) => w.flush().map_err(stdout_error)?,
        Sink::Files(outputs) => {
            let summary_json = serde_json::to_vec_pretty(&summary_value).unwrap_or_default();
            let mut extra = vec![
                (SUMMARY_JSON, summary_json),
                (
                    MANIFEST,
                    manifest::render(config, template.fingerprint(), &entries),
                ),
            ];
            if let Some((name, fingerprint, inputs)) = shard_marker {
                let marker = shard::Marker {
                    shard: name,
                    fingerprint,
                    inputs,
                    summary: summary_value,
                };
                // Committed with the outputs: present means every output is.
                extra.push((
                    shard::MARKER,
                    serde_json::to_vec_pretty(&marker).unwrap_or_default(),
                ));
            }
            outputs.finish(&extra)?;
        }
    }
    progress.finish();
    Ok(summary)
}

/// The options that change which records a shard writes, beyond those in
/// the manifest fingerprint.
fn shard_options(config: &Config) -> (String, Vec<String>, usize, bool, String, String) {
    (
        config.id_field.clone(),
        config.languages.clone(),
        config.min_words,
        config.dedup,
        config.content_field.clone().unwrap_or_default(),
        format!("{:?}/{:?}", config.compress, config.table),
    )
}

/// A digest of the running program's file, so that a shard completed by
/// another build (same version number, other code) is redone. Empty when
/// the file cannot be read.
fn program_digest() -> String {
    std::env::current_exe()
        .and_then(std::fs::read)
        .map(|b| format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&b)))
        .unwrap_or_default()
}
