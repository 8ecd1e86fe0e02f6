//! The rayon pools `extract_many` runs on: one per thread count, built on
//! first use and kept, so a loop of small batches does not spawn threads
//! each time.
//!
//! A pool belongs to the process that built it. Python programs fork
//! (multiprocessing, datatrove's local executor, Spark's worker daemon), and
//! a forked child has the parent's pool objects but not their threads:
//! work handed to them would wait forever. So each pool records the process
//! id it was built in, and a child builds its own.

use std::sync::{Arc, Mutex};

use rayon::ThreadPool;

struct Pools {
    pid: u32,
    by_threads: Vec<(usize, Arc<ThreadPool>)>,
}

static POOLS: Mutex<Pools> = Mutex::new(Pools {
    pid: 0,
    by_threads: Vec::new(),
});

/// Worker threads for a request of `threads` (0: one per core).
pub fn resolve(threads: usize) -> usize {
    if threads > 0 {
        return threads;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The pool of `threads` workers of this process.
///
/// # Errors
/// The operating system refused to start the threads.
pub fn get(threads: usize) -> Result<Arc<ThreadPool>, String> {
    let mut pools = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    let pid = std::process::id();
    if pools.pid != pid {
        // Built by the parent of a fork: their threads are not here. The
        // pools are leaked, not dropped: dropping would signal threads
        // that do not exist in this process.
        for (_, pool) in pools.by_threads.drain(..) {
            std::mem::forget(pool);
        }
        pools.pid = pid;
    }
    if let Some((_, pool)) = pools.by_threads.iter().find(|(n, _)| *n == threads) {
        return Ok(Arc::clone(pool));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("deboil-{i}"))
        .build()
        .map_err(|e| format!("cannot start {threads} threads: {e}"))?;
    let pool = Arc::new(pool);
    pools.by_threads.push((threads, Arc::clone(&pool)));
    Ok(pool)
}
