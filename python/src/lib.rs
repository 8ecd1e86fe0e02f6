//! `deboil._deboil`: the native half of the Python package `deboil`.
//!
//! Two functions over the library's one-page entry point
//! ([`deboil::extract_page`]): `extract` for one page and `extract_many`
//! for a batch on a rayon pool. Both release the GIL while Rust works, turn
//! a panic into `DeboilError` (never an abort of the interpreter), and build
//! the record dict from the [`deboil::Document`]'s serde serialization, so
//! it is the `articles.jsonl` record by construction.
//!
//! Every keyword argument maps one-to-one onto a [`PageOptions`] field.

use std::panic::{AssertUnwindSafe, catch_unwind};

use deboil::{Document, Format, PageError, PageOptions, extract_page};
use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBytes, PyString};
use rayon::prelude::*;

mod pool;

create_exception!(
    deboil,
    DeboilError,
    PyValueError,
    "A page deboil cannot take (empty, binary, over a limit, corrupt \
     compression), or an option out of range. `reason` holds the reason the \
     CLI writes to errors.jsonl, `kind` its part before the first ':', \
     `index` the page's position in an `extract_many` batch (else None)."
);

/// One page as handed over by Python, held without copying where possible.
enum Page {
    Bytes(PyBackedBytes),
    Str(PyBackedStr),
    /// A `str` holding lone surrogates, with U+FFFD in their place.
    Lossy(String),
}

impl Page {
    fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Page> {
        if let Ok(s) = obj.cast::<PyString>() {
            // A `str` is text already: its UTF-8 bytes, decoded as any page
            // file (valid UTF-8 is read as UTF-8).
            return Ok(match s.extract::<PyBackedStr>() {
                Ok(s) => Page::Str(s),
                Err(_) => Page::Lossy(s.to_string_lossy().into_owned()),
            });
        }
        if obj.is_instance_of::<PyBytes>() || obj.is_instance_of::<pyo3::types::PyByteArray>() {
            return Ok(Page::Bytes(obj.extract::<PyBackedBytes>()?));
        }
        Err(PyTypeError::new_err(format!(
            "a page must be str or bytes, not {}",
            obj.get_type().name()?
        )))
    }

    fn bytes(&self) -> &[u8] {
        match self {
            Page::Bytes(b) => b,
            Page::Str(s) => s.as_bytes(),
            Page::Lossy(s) => s.as_bytes(),
        }
    }
}

/// What one page came to: its record, or the reason it has none.
type Outcome = Result<Document, PageError>;

/// Extract one page, a panic becoming an error like the CLI's.
fn run(page: &Page, options: &PageOptions) -> Outcome {
    let bytes = page.bytes();
    catch_unwind(AssertUnwindSafe(|| {
        test_panic_hook(bytes);
        extract_page(bytes, options)
    }))
    .unwrap_or_else(|payload| {
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".to_string());
        Err(PageError::Panic(msg))
    })
}

/// As the CLI's test hook: with `DEBOIL_TEST_PANIC=1`, a page containing
/// `DEBOIL-TEST-PANIC` panics, so the tests can show that a panic comes
/// out as `DeboilError`.
fn test_panic_hook(bytes: &[u8]) {
    static ON: std::sync::LazyLock<bool> = std::sync::LazyLock::new(|| {
        std::env::var_os("DEBOIL_TEST_PANIC").is_some_and(|v| v == "1")
    });
    if *ON && bytes.windows(17).any(|w| w == b"DEBOIL-TEST-PANIC") {
        panic!("test panic requested by the page");
    }
}

/// A `DeboilError` with its attributes set: `reason` (the message without
/// the page's index), `kind` and `index`.
fn error(reason: &str, index: Option<usize>) -> PyErr {
    let message = match index {
        Some(i) => format!("pages[{i}]: {reason}"),
        None => reason.to_string(),
    };
    let err = DeboilError::new_err(message);
    // Called with the GIL held; attaching again is free.
    Python::attach(|py| with_attributes(py, err, reason, index))
}

fn with_attributes(py: Python<'_>, err: PyErr, reason: &str, index: Option<usize>) -> PyErr {
    let value = err.value(py);
    let kind = PageError::kind_of(reason);
    // Setting attributes on a fresh exception instance cannot fail short
    // of memory exhaustion, where the error itself is what Python gets.
    let set = value
        .setattr("reason", reason)
        .and_then(|()| value.setattr("kind", kind))
        .and_then(|()| value.setattr("index", index));
    match set {
        Ok(()) => err,
        Err(e) => e,
    }
}

/// The record dict of a document: its serde serialization, as JSONL has it.
fn record<'py>(py: Python<'py>, doc: &Document) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, doc).map_err(PyErr::from)
}

fn parse_format(format: &str) -> PyResult<Option<Format>> {
    match format {
        "auto" => Ok(None),
        "html" => Ok(Some(Format::Html)),
        "text" => Ok(Some(Format::Text)),
        other => Err(error(
            &format!("format {other:?}: use \"auto\", \"html\" or \"text\""),
            None,
        )),
    }
}

/// The batch-wide options, checked as the CLI checks its flags.
fn base_options(
    max_bytes: Option<i128>,
    max_depth: Option<i128>,
    max_nodes: Option<i128>,
) -> PyResult<PageOptions> {
    let mut options = PageOptions::default();
    let at_least_one = |name: &str, v: i128| {
        if v < 1 {
            Err(error(&format!("{name} must be at least 1"), None))
        } else {
            Ok(v)
        }
    };
    if let Some(v) = max_bytes {
        options.max_bytes = u64::try_from(at_least_one("max_bytes", v)?).unwrap_or(u64::MAX);
    }
    if let Some(v) = max_depth {
        options.max_depth = usize::try_from(at_least_one("max_depth", v)?).unwrap_or(usize::MAX);
    }
    if let Some(v) = max_nodes {
        options.max_nodes = usize::try_from(at_least_one("max_nodes", v)?).unwrap_or(usize::MAX);
    }
    Ok(options)
}

/// Extract one page. See `deboil/_deboil.pyi` for the full documentation.
#[pyfunction]
#[pyo3(signature = (page, *, format = "auto", url = None, id = None, source = None,
    max_bytes = None, max_depth = None, max_nodes = None))]
#[allow(clippy::too_many_arguments)]
fn extract<'py>(
    py: Python<'py>,
    page: &Bound<'py, PyAny>,
    format: &str,
    url: Option<String>,
    id: Option<String>,
    source: Option<String>,
    max_bytes: Option<i128>,
    max_depth: Option<i128>,
    max_nodes: Option<i128>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let mut options = base_options(max_bytes, max_depth, max_nodes)?;
    options.format = parse_format(format)?;
    options.url = url;
    options.id = id.unwrap_or_default();
    options.source = source.unwrap_or_default();
    let page = Page::from_py(page)?;
    let outcome = py.detach(|| run(&page, &options));
    match outcome {
        Ok(doc) => record(py, &doc).map(Some),
        Err(PageError::NoArticle) => Ok(None),
        Err(e) => Err(error(&e.to_string(), None)),
    }
}

/// A per-page argument of `extract_many`: one value for every page, or a
/// sequence with one per page.
fn per_page<T: for<'a> FromPyObjectOwned<'a>>(
    name: &str,
    value: Option<&Bound<'_, PyAny>>,
    n: usize,
) -> PyResult<Option<Vec<T>>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if value.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{name} must be a sequence with one value per page, not a str"
        )));
    }
    let values: Vec<T> = value.extract()?;
    if values.len() != n {
        return Err(error(
            &format!("{name} has {} values for {n} pages", values.len()),
            None,
        ));
    }
    Ok(Some(values))
}

/// How `extract_many` reports pages that failed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OnError {
    Raise,
    Return,
    Ignore,
}

/// Extract a batch of pages in parallel. See `deboil/_deboil.pyi`.
#[pyfunction]
#[pyo3(signature = (pages, *, threads = 0, errors = "raise", format = None, urls = None,
    ids = None, sources = None, max_bytes = None, max_depth = None, max_nodes = None))]
#[allow(clippy::too_many_arguments)]
fn extract_many<'py>(
    py: Python<'py>,
    pages: &Bound<'py, PyAny>,
    threads: i64,
    errors: &str,
    format: Option<&Bound<'py, PyAny>>,
    urls: Option<&Bound<'py, PyAny>>,
    ids: Option<&Bound<'py, PyAny>>,
    sources: Option<&Bound<'py, PyAny>>,
    max_bytes: Option<i128>,
    max_depth: Option<i128>,
    max_nodes: Option<i128>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let on_error = match errors {
        "raise" => OnError::Raise,
        "return" => OnError::Return,
        "ignore" => OnError::Ignore,
        other => {
            return Err(error(
                &format!("errors {other:?}: use \"raise\", \"return\" or \"ignore\""),
                None,
            ));
        }
    };
    let threads = usize::try_from(threads)
        .map_err(|_| error("threads must be 0 (one per core) or more", None))?;
    let base = base_options(max_bytes, max_depth, max_nodes)?;
    if pages.is_instance_of::<PyString>() || pages.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err(
            "extract_many takes an iterable of pages; for one page use extract",
        ));
    }
    let pages = pages
        .try_iter()?
        .map(|p| Page::from_py(&p?))
        .collect::<PyResult<Vec<Page>>>()?;
    let n = pages.len();
    // `format` is one value for all pages or one per page.
    let formats: Vec<Option<Format>> = match format.filter(|f| !f.is_none()) {
        None => vec![None; n],
        Some(f) if f.is_instance_of::<PyString>() => {
            vec![parse_format(&f.extract::<String>()?)?; n]
        }
        Some(f) => per_page::<String>("format", Some(f), n)?
            .unwrap_or_default()
            .iter()
            .map(|s| parse_format(s))
            .collect::<PyResult<_>>()?,
    };
    let urls = per_page::<Option<String>>("urls", urls, n)?;
    let ids = per_page::<Option<String>>("ids", ids, n)?;
    let sources = per_page::<Option<String>>("sources", sources, n)?;
    let options: Vec<PageOptions> = (0..n)
        .map(|i| {
            let pick = |v: &Option<Vec<Option<String>>>| v.as_ref().and_then(|v| v[i].clone());
            PageOptions {
                format: formats[i],
                url: pick(&urls),
                id: pick(&ids).unwrap_or_default(),
                source: pick(&sources).unwrap_or_default(),
                ..base.clone()
            }
        })
        .collect();
    let threads = pool::resolve(threads);
    let outcomes = py
        .detach(|| -> Result<Vec<Outcome>, String> {
            let pairs = pages.iter().zip(&options);
            if threads == 1 || n < 2 {
                return Ok(pairs.map(|(p, o)| run(p, o)).collect());
            }
            let work = || {
                pages
                    .par_iter()
                    .zip(options.par_iter())
                    .map(|(p, o)| run(p, o))
                    .collect()
            };
            Ok(pool::get(threads)?.install(work))
        })
        .map_err(|e| error(&e, None))?;
    drop(pages);
    let mut out = Vec::with_capacity(n);
    for (i, outcome) in outcomes.into_iter().enumerate() {
        out.push(match outcome {
            Ok(doc) => record(py, &doc)?,
            Err(PageError::NoArticle) => py.None().into_bound(py),
            Err(e) => match on_error {
                OnError::Raise => return Err(error(&e.to_string(), Some(i))),
                OnError::Return => error(&e.to_string(), Some(i))
                    .into_value(py)
                    .into_bound(py)
                    .into_any(),
                OnError::Ignore => py.None().into_bound(py),
            },
        });
    }
    Ok(out)
}

/// The native module; the package `deboil` re-exports it.
#[pymodule]
fn _deboil(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add("DeboilError", m.py().get_type::<DeboilError>())?;
    let defaults = PageOptions::default();
    m.add("MAX_BYTES", defaults.max_bytes)?;
    m.add("MAX_DEPTH", defaults.max_depth)?;
    m.add("MAX_NODES", defaults.max_nodes)?;
    m.add("NO_ARTICLE", PageError::NoArticle.to_string())?;
    Ok(())
}
