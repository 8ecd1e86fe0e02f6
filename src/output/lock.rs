//! An exclusive lock on the output folder, so two runs never write into the
//! same folder at once.
//!
//! The lock is an OS advisory lock (`flock`) on `DIR/.deboil.lock`, which
//! also holds the owner's PID for the error message. The kernel releases the
//! lock when its process dies, however it dies, so a stale lock file left by
//! a killed run is simply taken over by the next one.

use std::fs::{self, File};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::error::Error;

/// The lock file's name inside the output folder.
pub const LOCK_FILE: &str = ".deboil.lock";

/// A held lock; released when dropped (or when the process dies).
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// Create `dir` if needed and lock it for this process.
///
/// # Errors
/// [`Error::Locked`] when another live run holds the lock; [`Error::Output`]
/// when the folder or its lock file cannot be created.
pub fn acquire(dir: &Path) -> Result<Lock, Error> {
    let out_err = |source| Error::Output {
        path: dir.to_path_buf(),
        source,
    };
    fs::create_dir_all(dir).map_err(out_err)?;
    let path: PathBuf = dir.join(LOCK_FILE);
    let mut file = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(out_err)?;
    if !try_lock(&file).map_err(out_err)? {
        let mut holder = String::new();
        let _ = file.read_to_string(&mut holder);
        let holder = match holder.trim() {
            "" => String::new(),
            pid => format!(" (pid {pid})"),
        };
        return Err(Error::Locked {
            path: dir.to_path_buf(),
            holder,
        });
    }
    // Ours now: record our PID for the message another run would print.
    let _ = file.set_len(0);
    let _ = file.rewind();
    let _ = write!(file, "{}", std::process::id());
    let _ = file.flush();
    Ok(Lock { _file: file })
}

/// Take the lock without waiting: `Ok(false)` when someone else holds it.
/// (`File::try_lock` is `flock(LOCK_EX | LOCK_NB)` on Unix.)
fn try_lock(file: &File) -> std::io::Result<bool> {
    match file.try_lock() {
        Ok(()) => Ok(true),
        Err(fs::TryLockError::WouldBlock) => Ok(false),
        Err(fs::TryLockError::Error(e)) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_is_refused_then_taken_over() {
        let tmp = tempfile::tempdir().unwrap();
        let first = acquire(tmp.path()).unwrap();
        match acquire(tmp.path()) {
            Err(Error::Locked { holder, .. }) => {
                assert!(holder.contains(&std::process::id().to_string()))
            }
            other => panic!("expected Locked, got {other:?}"),
        }
        drop(first);
        acquire(tmp.path()).unwrap();
    }
}
