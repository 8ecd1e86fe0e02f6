//! A batch run: the pipeline that reads, extracts and writes, and shards.

pub mod pipeline;
pub mod shard;
