//! The data every layer above shares: a page as [`block::Block`]s, the
//! boilerplate [`block::Kind`]s and their counts, and the output record.

pub mod article;
pub mod block;
pub mod document;
pub mod format;
pub mod metadata;

pub use article::Article;
pub use block::{Block, BlockTag, Kind, Removed};
pub use document::Document;
pub use format::Format;
pub use metadata::Metadata;
