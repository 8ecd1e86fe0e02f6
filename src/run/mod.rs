//! A batch run: the pipeline that reads, extracts and writes, and shards.

pub mod pipeline;
pub mod shard;

pub use pipeline::{NoProgress, Progress, Summary, run, run_until};
pub use shard::folder_name as shard_folder_name;
