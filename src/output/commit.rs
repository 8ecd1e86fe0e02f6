//! The switch between runs: a reader of an output folder sees one whole
//! run or the other at every instant, never files of two runs side by side.
//!
//! An output folder `DIR` holds:
//!
//! ```text
//! DIR/.deboil-runs/run-1765152000-4242-0/   the files of one run (a version)
//! DIR/current -> .deboil-runs/run-1765152000-4242-0
//! DIR/articles.jsonl -> current/articles.jsonl    (one such link per file)
//! DIR/.deboil.lock
//! ```
//!
//! A run writes its files into a fresh version folder ([`Stage`]); the
//! commit is one `rename(2)` of a new symbolic link over `DIR/current`.
//! The names at the top of the folder are fixed links through `current`,
//! so opening `DIR/articles.jsonl` gives the whole file of the run that
//! was committed at that instant. Links for names the new run adds are
//! made before the switch (until then they lead nowhere, as the old run had
//! no such file); links for names it lacks lead nowhere after the switch
//! and are removed with the older versions. What a run that died left
//! behind (an unfinished version, a link half made) is removed by the next
//! run into the folder, under its [lock](super::lock).
//!
//! A folder written by an earlier deboil (plain files at the top, perhaps
//! a `.deboil-commit` journal of a commit that died half-way) is adopted
//! first: the journal is finished as that version would have finished it,
//! the files are hard-linked into a version, `current` is pointed at it,
//! and each file is replaced by its link; every step shows the same bytes.
//!
//! A reader that needs several files of one run resolves `DIR/current`
//! once and opens the files under the folder it names. A version is
//! removed when the next run commits, so a reader opens its files before
//! that (an open file stays readable) or starts over when an open fails
//! with "not found".

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

/// The link to the committed version.
pub const CURRENT: &str = "current";
/// The folder of the versions.
pub const RUNS: &str = ".deboil-runs";
/// Prefix of a link being made, renamed over its final name.
const LINK_TMP: &str = ".deboil-link-";
/// The commit journal of deboil 0.1 (adopted folders only).
pub const JOURNAL: &str = ".deboil-commit";
/// The temporary subfolders of deboil 0.1.
const TEMP_PREFIX: &str = ".deboil-tmp-";

/// A version being written, inside `DIR/.deboil-runs/`; removed when
/// dropped before it is committed (an error, Ctrl-C).
#[derive(Debug)]
pub struct Stage {
    path: PathBuf,
    kept: bool,
}

impl Stage {
    /// A fresh, empty version folder in `dir`.
    ///
    /// # Errors
    /// The folder cannot be created.
    pub fn new(dir: &Path) -> io::Result<Stage> {
        let runs = dir.join(RUNS);
        match fs::create_dir(&runs) {
            Err(e) if e.kind() != io::ErrorKind::AlreadyExists => return Err(e),
            _ => {}
        }
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let pid = std::process::id();
        let mut n = 0u32;
        loop {
            let path = runs.join(format!("run-{secs}-{pid}-{n}"));
            match fs::create_dir(&path) {
                Ok(()) => return Ok(Stage { path, kept: false }),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
                Err(e) => return Err(e),
            }
        }
    }

    /// The version's folder.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        if !self.kept {
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}

/// Make `dir` ready for a run (its lock held): finish or adopt what an
/// earlier deboil left, and remove what runs that died left behind.
///
/// # Errors
/// The folder cannot be read or written.
pub fn prepare(dir: &Path, names: &[&str]) -> io::Result<()> {
    finish_journal(dir)?;
    adopt(dir, names)?;
    clean(dir, names)
}

/// Commit `stage`, whose files are complete and synced: link each of
/// `files` at the top of `dir` through `current`, switch `current` to the
/// stage, then remove older versions and links that now lead nowhere
/// (`names`: every name a run may publish).
///
/// # Errors
/// Linking or switching failed: the previous run is still the one shown.
/// After the switch nothing fails (leftovers are removed by the next run).
pub fn commit(dir: &Path, mut stage: Stage, files: &[&str], names: &[&str]) -> io::Result<()> {
    sync_dir(&stage.path)?;
    sync_dir(&dir.join(RUNS))?;
    for name in files {
        publish(dir, name, false)?;
    }
    sync_dir(dir)?;
    switch(dir, &mut stage)?;
    let _ = clean(dir, names);
    Ok(())
}

/// The link target of a published name.
fn through_current(name: &str) -> PathBuf {
    Path::new(CURRENT).join(name)
}

/// Whether `dir/name` is the link through `current`.
fn is_published(dir: &Path, name: &str) -> bool {
    fs::read_link(dir.join(name)).is_ok_and(|t| t == through_current(name))
}

/// Make `dir/name` the link through `current`. A name that does not exist
/// is linked in one step; another entry is replaced (by a rename) only when
/// `replace`, else it is an error.
fn publish(dir: &Path, name: &str, replace: bool) -> io::Result<()> {
    if is_published(dir, name) {
        return Ok(());
    }
    let link = dir.join(name);
    match fs::symlink_metadata(&link) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => symlink(&through_current(name), &link),
        Err(e) => Err(e),
        Ok(_) if replace => {
            let tmp = dir.join(format!("{LINK_TMP}{name}"));
            remove_file_if_any(&tmp)?;
            symlink(&through_current(name), &tmp)?;
            fs::rename(&tmp, &link)
        }
        Ok(_) => Err(io::Error::other(format!(
            "{} was put there during the run; it was left as it is",
            link.display()
        ))),
    }
}

/// The commit itself: one rename of a new link over `dir/current`.
fn switch(dir: &Path, stage: &mut Stage) -> io::Result<()> {
    let name = stage
        .path
        .file_name()
        .ok_or_else(|| io::Error::other("a version folder without a name"))?;
    let tmp = dir.join(format!("{LINK_TMP}{CURRENT}"));
    remove_file_if_any(&tmp)?;
    symlink(&Path::new(RUNS).join(name), &tmp)?;
    fs::rename(&tmp, dir.join(CURRENT))?;
    stage.kept = true;
    sync_dir(dir)
}

/// Turn files an earlier deboil wrote at the top of `dir` (or anything
/// else under a published name but our link) into a version, showing the
/// same bytes at every step.
fn adopt(dir: &Path, names: &[&str]) -> io::Result<()> {
    let mut foreign = Vec::new();
    for name in names {
        match fs::symlink_metadata(dir.join(name)) {
            Ok(m) if m.is_dir() => {
                return Err(io::Error::other(format!(
                    "{} is a folder; deboil writes a file there",
                    dir.join(name).display()
                )));
            }
            Ok(_) if !is_published(dir, name) => foreign.push(*name),
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    if foreign.is_empty() {
        return Ok(());
    }
    let mut stage = Stage::new(dir)?;
    for name in names {
        // What a reader opening the name reads now, following links.
        let path = dir.join(name);
        if fs::metadata(&path).is_ok_and(|m| m.is_file()) {
            link_or_copy(&fs::canonicalize(&path)?, &stage.path.join(name))?;
        }
    }
    sync_dir(&stage.path)?;
    sync_dir(&dir.join(RUNS))?;
    switch(dir, &mut stage)?;
    for name in foreign {
        publish(dir, name, true)?;
    }
    sync_dir(dir)
}

/// A hard link of `from` at `to`, else a synced copy.
fn link_or_copy(from: &Path, to: &Path) -> io::Result<()> {
    if fs::hard_link(from, to).is_ok() {
        return Ok(());
    }
    fs::copy(from, to)?;
    File::open(to)?.sync_all()
}

/// Remove versions but the committed one, links half made, links that lead
/// nowhere, and what deboil 0.1 left behind.
fn clean(dir: &Path, names: &[&str]) -> io::Result<()> {
    for name in names {
        let path = dir.join(name);
        if is_published(dir, name) && !path.exists() {
            fs::remove_file(&path)?;
        }
    }
    for entry in fs::read_dir(dir)?.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let path = entry.path();
        if name.starts_with(LINK_TMP) {
            remove_file_if_any(&path)?;
        } else if name.starts_with(TEMP_PREFIX) && path.is_dir() {
            fs::remove_dir_all(&path)?;
        } else if name.starts_with(".deboil-") && name.ends_with(".tmp")
            || name == format!("{JOURNAL}.new")
        {
            remove_file_if_any(&path)?;
        }
    }
    let committed = fs::read_link(dir.join(CURRENT))
        .ok()
        .and_then(|t| t.file_name().map(|n| n.to_os_string()));
    if let Ok(versions) = fs::read_dir(dir.join(RUNS)) {
        for entry in versions.flatten() {
            if Some(entry.file_name()) != committed {
                fs::remove_dir_all(entry.path())?;
            }
        }
    }
    sync_dir(dir)
}

/// Finish a commit of deboil 0.1 that died between its renames: move the
/// files its journal names into place and remove the ones it lists to
/// remove, as that version's next run would have.
fn finish_journal(dir: &Path) -> io::Result<()> {
    let journal = dir.join(JOURNAL);
    let text = match fs::read_to_string(&journal) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    let mut lines = text.lines();
    let sub = lines.next().unwrap_or_default();
    if sub.starts_with(TEMP_PREFIX) && !sub.contains(['/', '\\']) {
        let names: Vec<&str> = lines
            .filter(|n| !n.is_empty() && !n.contains(['/', '\\']))
            .collect();
        for name in names.iter().filter(|n| !n.starts_with('-')) {
            let from = dir.join(sub).join(name);
            if from.exists() {
                fs::rename(&from, dir.join(name))?;
            }
        }
        for name in names.iter().filter_map(|n| n.strip_prefix('-')) {
            remove_file_if_any(&dir.join(name))?;
        }
        sync_dir(dir)?;
    }
    fs::remove_file(&journal)?;
    sync_dir(dir)
}

fn remove_file_if_any(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(windows)]
fn symlink(target: &Path, link: &Path) -> io::Result<()> {
    if target.starts_with(RUNS) {
        std::os::windows::fs::symlink_dir(target, link)
    } else {
        std::os::windows::fs::symlink_file(target, link)
    }
}

/// Make renames in `dir` durable.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: [&str; 4] = ["a.jsonl", "a.csv", "errors.jsonl", ".manifest"];

    /// What a reader sees under each name, following links.
    fn view(d: &Path) -> Vec<Option<String>> {
        NAMES
            .iter()
            .map(|n| fs::read_to_string(d.join(n)).ok())
            .collect()
    }

    fn versions(d: &Path) -> usize {
        fs::read_dir(d.join(RUNS)).map_or(0, |r| r.count())
    }

    fn run(d: &Path, files: &[(&str, &str)]) {
        prepare(d, &NAMES).unwrap();
        let stage = Stage::new(d).unwrap();
        for (name, text) in files {
            fs::write(stage.path().join(name), text).unwrap();
        }
        let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
        commit(d, stage, &names, &NAMES).unwrap();
    }

    #[test]
    fn a_run_is_shown_whole_and_names_it_lacks_go() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        run(
            d,
            &[("a.jsonl", "1"), ("a.csv", "1c"), ("errors.jsonl", "")],
        );
        assert_eq!(
            view(d),
            [
                Some("1".into()),
                Some("1c".into()),
                Some(String::new()),
                None
            ]
        );
        run(
            d,
            &[("a.jsonl", "2"), ("errors.jsonl", "e"), (".manifest", "m")],
        );
        assert_eq!(
            view(d),
            [Some("2".into()), None, Some("e".into()), Some("m".into())]
        );
        // The CSV link that led nowhere is gone, and so is the old version.
        assert!(fs::symlink_metadata(d.join("a.csv")).is_err());
        assert_eq!(versions(d), 1);
    }

    /// Files of an earlier deboil at the top are adopted as they are.
    #[test]
    fn an_earlier_layout_is_adopted_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::write(d.join("a.jsonl"), "old").unwrap();
        fs::write(d.join(".manifest"), "m").unwrap();
        fs::create_dir(d.join(format!("{TEMP_PREFIX}x"))).unwrap();
        prepare(d, &NAMES).unwrap();
        assert_eq!(view(d), [Some("old".into()), None, None, Some("m".into())]);
        assert!(is_published(d, "a.jsonl") && is_published(d, ".manifest"));
        assert!(!d.join(format!("{TEMP_PREFIX}x")).exists());
        assert_eq!(versions(d), 1);
    }

    /// A run that dies before its switch leaves the previous run shown,
    /// and the next run removes its version and its early links.
    #[test]
    fn a_run_that_dies_before_the_switch_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        run(d, &[("a.jsonl", "1")]);
        let stage = Stage::new(d).unwrap();
        fs::write(stage.path().join("a.csv"), "2c").unwrap();
        publish(d, "a.csv", false).unwrap();
        std::mem::forget(stage);
        assert_eq!(view(d), [Some("1".into()), None, None, None]);
        assert_eq!(versions(d), 2);
        prepare(d, &NAMES).unwrap();
        assert_eq!(view(d), [Some("1".into()), None, None, None]);
        assert_eq!(versions(d), 1);
        assert!(fs::symlink_metadata(d.join("a.csv")).is_err());
    }

    /// A commit of deboil 0.1 that died after writing its journal: the
    /// files it names are moved into place and those it lists to remove
    /// are removed, as that version would have, then adopted.
    #[test]
    fn a_journal_of_deboil_0_1_is_finished() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let sub = format!("{TEMP_PREFIX}x");
        fs::create_dir(d.join(&sub)).unwrap();
        fs::write(d.join(&sub).join("a.jsonl"), "new").unwrap();
        fs::write(d.join("a.csv"), "old").unwrap();
        fs::write(d.join("errors.jsonl"), "old errors").unwrap();
        fs::write(d.join(JOURNAL), format!("{sub}\na.jsonl\n-a.csv\n")).unwrap();
        prepare(d, &NAMES).unwrap();
        assert_eq!(
            view(d),
            [Some("new".into()), None, Some("old errors".into()), None]
        );
        assert!(!d.join(JOURNAL).exists() && !d.join(&sub).exists());
    }
}
