//! A batch run: the pipeline that reads, extracts and writes, and shards.

pub mod pipeline;
pub mod shard;
pub mod summary;

pub use pipeline::{NoProgress, Progress, run, run_until};
pub use summary::Summary;
pub use shard::folder_name as shard_folder_name;
