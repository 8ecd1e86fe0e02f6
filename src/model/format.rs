//! [`Format`]: what kind of dump a page is.

/// What kind of dump a file holds, as far as its name tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An HTML page.
    Html,
    /// A plain-text dump of a rendered page.
    Text,
}

impl Format {
    /// The name used in the record's `format` field.
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Text => "text",
        }
    }
}
