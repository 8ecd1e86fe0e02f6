//! The `deboil` command: parse arguments, run the batch, map the outcome to
//! an exit code. All the work is in the library.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::Parser;
use deboil::{Error, NoProgress, Progress, Summary};
use indicatif::{ProgressBar, ProgressStyle};

use cli::Args;

mod cli;

/// Exit codes, as documented in the README.
#[repr(u8)]
enum Exit {
    /// Every page cleaned.
    Ok = 0,
    /// Some pages failed; each is listed in errors.jsonl.
    PageErrors = 1,
    /// Bad arguments, unreadable input, unwritable or locked output.
    Fatal = 2,
    /// Interrupted by Ctrl-C (SIGINT); previous outputs untouched.
    Interrupted = 130,
}

struct Bar(ProgressBar);

impl Progress for Bar {
    fn start(&self, total: u64) {
        if total == 0 {
            // Pages inside WARC and JSON Lines files are not counted ahead.
            self.0.set_style(
                ProgressStyle::with_template("{spinner} {pos} pages {per_sec}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
        } else {
            self.0.set_length(total);
        }
    }
    fn advance(&self) {
        self.0.inc(1);
    }
    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

/// The exit code of a finished run: 1 when pages failed, unless the
/// caller asked for 0 (`--exit-zero-on-page-errors`).
fn exit_for(s: &Summary, errors_ok: bool) -> ExitCode {
    ExitCode::from(if s.errors > 0 && !errors_ok {
        Exit::PageErrors
    } else {
        Exit::Ok
    } as u8)
}

fn main() -> ExitCode {
    // A panic inside one page's work becomes an error record; keep the
    // default hook's noise off the terminal.
    std::panic::set_hook(Box::new(|_| {}));
    let args = match Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { Exit::Fatal as u8 } else { 0 });
        }
    };
    if let Some(command) = &args.command {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        return match out.write_all(&command.output()).and_then(|()| out.flush()) {
            Ok(()) => ExitCode::from(Exit::Ok as u8),
            Err(e) => {
                eprintln!("deboil: standard output: {e}");
                ExitCode::from(Exit::Fatal as u8)
            }
        };
    }
    let quiet = args.quiet;
    let errors_ok = args.exit_zero_on_page_errors;
    let config = match args.into_config() {
        Ok(c) => c,
        Err(msg) => {
            eprintln!("deboil: {msg}");
            return ExitCode::from(Exit::Fatal as u8);
        }
    };
    // Ctrl-C: stop taking pages, drop the temporary files, exit 130. A
    // second Ctrl-C exits at once (the next run cleans up).
    static STOP: AtomicBool = AtomicBool::new(false);
    let _ = ctrlc::set_handler(|| {
        if STOP.swap(true, Ordering::SeqCst) {
            std::process::exit(Exit::Interrupted as i32);
        }
    });
    let show_bar = config.progress && std::io::stderr().is_terminal();
    let result = if show_bar {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} pages {per_sec} eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        deboil::run_until(&config, &Bar(bar), &STOP)
    } else {
        deboil::run_until(&config, &NoProgress, &STOP)
    };
    match result {
        Ok(s) if s.already_complete => {
            if !quiet {
                eprintln!(
                    "deboil: {} is complete already ({} pages, {} articles, {} errors): nothing to do",
                    config.output_dir.display(),
                    s.pages,
                    s.articles,
                    s.errors
                );
            }
            exit_for(&s, errors_ok)
        }
        Ok(s) => {
            if !quiet {
                if let Some(note) = s.incremental_note.as_deref().filter(|_| config.incremental) {
                    eprintln!("deboil: --incremental: {note}; processing everything");
                }
                let carried = if config.incremental {
                    format!(" ({} carried over unchanged)", s.carried_over)
                } else {
                    String::new()
                };
                let mut more = String::new();
                let skipped: u64 = s.skipped.values().sum();
                let filtered: u64 = s.filtered.values().sum();
                if skipped > 0 {
                    more += &format!(", {skipped} records skipped");
                }
                if filtered > 0 {
                    more += &format!(", {filtered} filtered out");
                }
                if s.duplicates > 0 {
                    more += &format!(", {} marked duplicate", s.duplicates);
                }
                eprintln!(
                    "deboil: {} pages in, {} articles out, {} errors{carried}{more}, {:.2} s, {:.1} MB/s",
                    s.pages,
                    s.articles,
                    s.errors,
                    s.seconds,
                    s.mb_per_second()
                );
                if config.stdout {
                    // No summary.json without an output folder: the same
                    // object, on one line of stderr.
                    eprintln!("deboil: summary {}", s.to_json(&config));
                }
            }
            exit_for(&s, errors_ok)
        }
        Err(e @ Error::Interrupted { .. }) => {
            eprintln!("deboil: {e}");
            ExitCode::from(Exit::Interrupted as u8)
        }
        Err(e) => {
            eprintln!("deboil: {e}");
            ExitCode::from(Exit::Fatal as u8)
        }
    }
}
