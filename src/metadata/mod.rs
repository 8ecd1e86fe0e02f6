//! Page metadata: title, author, date, site name, url, language,
//! description, categories, tags, image.
//!
//! [`html`] reads it from the markup (JSON-LD, OpenGraph, `<meta>`, `<time>`,
//! bylines); [`text`] from the header zone of a plain-text dump. Values are
//! never invented: a field the page does not state stays `None`.

pub mod author;
pub mod date;
pub mod html;
pub mod jsonld;
pub mod language;
pub mod lists;
pub mod text;
pub mod title;
