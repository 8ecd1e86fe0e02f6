//! deboil turns raw scraped page dumps (HTML pages in any charset, plain or
//! gzipped, and plain-text dumps of rendered pages) into clean article text
//! plus metadata, with the boilerplate (menus, share bars, subscribe boxes,
//! related posts, cookie banners, comments, footers) removed and counted.
//!
//! ```
//! use deboil::{Format, extract_str};
//!
//! let dump = "  * Home\n  * News\n\nCity Budget Passes Easily\n\nThe council approved the new \
//!     budget on Tuesday, after a debate that lasted well into the night and drew a \
//!     large crowd of residents who had come to speak about the plans.\n";
//! let article = extract_str(dump, Format::Text);
//! assert!(article.text().starts_with("The council approved"));
//! assert_eq!(article.meta.title.as_deref(), Some("City Budget Passes Easily"));
//! ```
//!
//! The same for an HTML page:
//!
//! ```
//! use deboil::{Format, extract_str};
//!
//! let html = "<html><body><nav><a href='/'>Home</a></nav><article>\
//!     <p>The council approved the new budget on Tuesday, after a debate that \
//!     lasted well into the night and drew a large crowd.</p></article></body></html>";
//! let article = extract_str(html, Format::Html);
//! assert!(article.text().starts_with("The council approved"));
//! assert!(!article.text().contains("Home"));
//! ```
//!
//! A page's bytes as the `deboil` command reads a file (plain or gzip, any
//! charset) become its record with [`extract_page`]; a whole batch, with
//! the outputs the command writes, runs with [`run`] and a [`Config`].
//!
//! The modules are private: the items below are the library. (The
//! `internals` cargo feature opens the layers, hidden from these docs, to
//! the crate's own benches, examples, integration tests and fuzzers; it is
//! not a stable API.)

/// The layers, lowest first (see docs/ARCHITECTURE.md): private, or public
/// but hidden with the `internals` feature.
macro_rules! layers {
    ($($name:ident),* $(,)?) => {
        $(
            #[cfg(feature = "internals")]
            #[doc(hidden)]
            pub mod $name;
            #[cfg(not(feature = "internals"))]
            mod $name;
        )*
    };
}

layers!(
    util, model, config, error, lexicon, rules, decode, input, markup, metadata, html, text, dedup,
    extract, output, run,
);

pub use config::{Compress, Config, PageOptions, Table};
pub use error::{Error, PageError};
pub use extract::{extract_page, extract_str};
pub use model::{Article, Block, BlockTag, Document, Format, Kind, Metadata, Removed};
pub use output::schema::{arrow_schema, json_schema};
pub use run::{NoProgress, Progress, Summary, run, run_until, shard_folder_name};
