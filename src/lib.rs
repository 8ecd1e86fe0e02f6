//! deboil turns raw scraped page dumps (HTML pages in any charset, plain or
//! gzipped, and plain-text dumps of rendered pages) into clean article text
//! plus metadata, with the boilerplate (menus, share bars, subscribe boxes,
//! related posts, cookie banners, comments, footers) removed and counted.
//!
//! ```
//! use deboil::{extract_str, input::Format};
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
//! use deboil::{extract_str, input::Format};
//!
//! let html = "<html><body><nav><a href='/'>Home</a></nav><article>\
//!     <p>The council approved the new budget on Tuesday, after a debate that \
//!     lasted well into the night and drew a large crowd.</p></article></body></html>";
//! let article = extract_str(html, Format::Html);
//! assert!(article.text().starts_with("The council approved"));
//! assert!(!article.text().contains("Home"));
//! ```

pub mod cli;
pub mod config;
pub mod decode;
pub mod dedup;
pub mod error;
pub mod extract;
pub mod html;
pub mod input;
pub mod lexicon;
pub mod markup;
pub mod metadata;
pub mod model;
pub mod output;
pub mod rules;
pub mod run;
pub mod text;
pub mod util;

pub use config::{Config, PageOptions};
pub use error::{Error, PageError};
pub use extract::{extract_page, extract_str};
pub use model::article::Article;
pub use model::document::Document;
pub use model::format::Format;
