//! The inbox folder: what in it is a candidate, when a file is complete, and moving files
//! out to `archive/` or `failed/`.
//!
//! Events from the watcher are only hints (inotify drops events under load); the daemon
//! rescans with [`scan`] and asks [`readiness`] whether each file is complete. This module
//! does not read file contents or talk to the store.
//!
//! Deliberate choices about odd entries: subfolders (even one named `x.txt`) are ignored and
//! left alone, never recursed into, so a publisher can keep its own staging folder there;
//! symbolic links are never followed (they could point anywhere on the machine) and the link
//! itself is moved to `failed/` with a reason, its target untouched; hidden, `*.tmp`,
//! `*.part`, `*~` and editor swap files are ignored until renamed to their final name.

use std::ffi::OsStr;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// What an inbox entry is, as far as pressroom is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A regular file with a `.txt` name: a dump to ingest once complete.
    Dump,
    /// A symbolic link: never followed (it could point anywhere); refused into `failed/`.
    Symlink,
    /// Hidden, temporary, partial, backup or swap files, folders, other extensions: left alone.
    Ignored(&'static str),
}

/// One entry found by [`scan`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    pub kind: Kind,
    pub size: u64,
    /// The last change to the file's content or metadata: see [`last_change`].
    pub modified: SystemTime,
}

/// Whether a file may be taken now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readiness {
    Ready,
    /// Still possibly being written: look again after this long.
    WaitFor(Duration),
}

/// Classifies an inbox entry by name and type, without following symlinks.
pub fn classify(name: &OsStr, file_type: fs::FileType) -> Kind {
    let name = name.to_string_lossy();
    if name.starts_with('.') {
        return Kind::Ignored("hidden file");
    }
    let lower = name.to_lowercase();
    for (suffix, why) in [
        (".tmp", "temporary file"),
        (".part", "partial download"),
        ("~", "backup file"),
        (".swp", "editor swap file"),
        (".swx", "editor swap file"),
    ] {
        if lower.ends_with(suffix) {
            return Kind::Ignored(why);
        }
    }
    if file_type.is_symlink() {
        return Kind::Symlink;
    }
    if file_type.is_dir() {
        return Kind::Ignored("folder (subfolders are not watched)");
    }
    if !file_type.is_file() {
        return Kind::Ignored("not a regular file");
    }
    if lower.ends_with(".txt") {
        Kind::Dump
    } else {
        Kind::Ignored("not a .txt file")
    }
}

/// Lists the inbox's entries (not recursing), sorted by name so files are taken in a
/// predictable order. Entries that vanish while listing are skipped.
///
/// # Errors
/// The inbox itself cannot be read.
pub fn scan(inbox: &Path) -> io::Result<Vec<Found>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(inbox)? {
        let Ok(entry) = entry else { continue };
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        found.push(Found {
            kind: classify(&entry.file_name(), meta.file_type()),
            path: entry.path(),
            size: meta.len(),
            modified: last_change(&meta),
        });
    }
    found.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(found)
}

/// The later of the modification and status-change times. Tools that copy in place and
/// then restore the original mtime (`cp -p`, `tar`, `rsync` without a temp name) would look
/// long settled by mtime alone; the ctime moves on every write and every `utimes` and cannot
/// be set back, so it says when the writer last touched the file.
pub fn last_change(meta: &fs::Metadata) -> SystemTime {
    use std::os::unix::fs::MetadataExt;
    let modified = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
    let ctime = u64::try_from(meta.ctime())
        .ok()
        .and_then(|secs| {
            let nanos = u64::try_from(meta.ctime_nsec()).unwrap_or(0);
            SystemTime::UNIX_EPOCH
                .checked_add(Duration::from_secs(secs) + Duration::from_nanos(nanos))
        })
        .unwrap_or(SystemTime::UNIX_EPOCH);
    modified.max(ctime)
}

/// A file is complete when it was renamed into the inbox (the documented way to deliver),
/// or when it has not been modified for `settle` (written in place and closed).
pub fn readiness(
    modified: SystemTime,
    now: SystemTime,
    settle: Duration,
    renamed_in: bool,
) -> Readiness {
    if renamed_in {
        return Readiness::Ready;
    }
    match now.duration_since(modified) {
        Ok(age) if age >= settle => Readiness::Ready,
        Ok(age) => Readiness::WaitFor(settle - age),
        // Modified "in the future" (clock skew, copied mtimes): wait one settle period.
        Err(_) => Readiness::WaitFor(settle),
    }
}

/// Moves `path` into `dir` under its own name, adding `~2`, `~3`… before the extension when
/// that name is taken, and syncs the folder so the rename survives a crash. Returns the new path.
///
/// # Errors
/// The folder cannot be created or the rename fails (e.g. another file system).
pub fn move_into(path: &Path, dir: &Path) -> io::Result<PathBuf> {
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::other("path has no file name"))?;
    let target = free_name(dir, name);
    fs::rename(path, &target)?;
    sync_dir(dir)?;
    if let Some(parent) = path.parent() {
        sync_dir(parent)?;
    }
    Ok(target)
}

/// Moves a refused file into `failed/` and writes `NAME.error` beside it saying why.
/// The reason is written first, so a crash in between leaves the file in the inbox to retry.
///
/// # Errors
/// As [`move_into`], or the reason cannot be written.
pub fn move_to_failed(path: &Path, failed: &Path, reason: &str) -> io::Result<PathBuf> {
    fs::create_dir_all(failed)?;
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::other("path has no file name"))?;
    let target = free_name(failed, name);
    let mut error_name = target.file_name().unwrap_or(name).to_os_string();
    error_name.push(".error");
    write_atomically(&failed.join(error_name), format!("{reason}\n").as_bytes())?;
    fs::rename(path, &target)?;
    sync_dir(failed)?;
    Ok(target)
}

/// Writes `bytes` to `path` through a temp file in the same folder: fsync, then rename,
/// so a reader (or a crash) sees the old file or the new one, never half of one.
///
/// # Errors
/// Any write, sync or rename failure (disk full, permissions); the old file is untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // Unique per process and per call, so concurrent writers never share a temp file.
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut tmp_name = path.file_name().unwrap_or(OsStr::new("out")).to_os_string();
    tmp_name.push(format!(".{}-{n}.tmp", std::process::id()));
    let tmp = dir.join(tmp_name);
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Removes the temp files [`write_atomically`] leaves behind when its process is killed
/// mid-write (`NAME.PID-N.tmp`, in `dir` and its subfolders), other than this process's own.
/// Run at start-up on folders only pressroom writes to (`feeds/`, `failed/`), never the inbox,
/// whose temp files belong to whoever is delivering. Returns how many were removed.
pub fn sweep_stale_temps(dir: &Path) -> usize {
    let own = format!(".{}-", std::process::id());
    let mut removed = 0;
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        match entry.file_type() {
            Ok(t) if t.is_dir() => removed += sweep_stale_temps(&path),
            Ok(t)
                if t.is_file()
                    && is_our_temp(&name)
                    && !name.contains(&own)
                    && fs::remove_file(&path).is_ok() =>
            {
                removed += 1;
            }
            _ => {}
        }
    }
    removed
}

/// `feed.xml.1234-5.tmp`: the shape of a [`write_atomically`] temp name.
fn is_our_temp(name: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    name.strip_suffix(".tmp")
        .and_then(|rest| rest.rsplit_once('.'))
        .and_then(|(stem, tag)| Some((stem, tag.split_once('-')?)))
        .is_some_and(|(stem, (pid, n))| !stem.is_empty() && digits(pid) && digits(n))
}

fn free_name(dir: &Path, name: &OsStr) -> PathBuf {
    let first = dir.join(name);
    if fs::symlink_metadata(&first).is_err() {
        return first;
    }
    let text = name.to_string_lossy();
    let (stem, ext) = match text.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s.to_owned(), format!(".{e}")),
        _ => (text.into_owned(), String::new()),
    };
    (2..)
        .map(|n| dir.join(format!("{stem}~{n}{ext}")))
        .find(|p| fs::symlink_metadata(p).is_err())
        .unwrap_or(first)
}

pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    // Directory fsync makes a rename durable on Linux; other systems may refuse to open a
    // folder for it, and their renames are then as durable as they get.
    match fs::File::open(dir) {
        Ok(f) => f.sync_all().or(Ok(())),
        Err(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests;
