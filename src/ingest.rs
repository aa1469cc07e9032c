//! One file's way through pressroom: read, decode, date, split, store, archive.
//!
//! The order is what makes a crash harmless: the store commits before the file leaves the
//! inbox, and a file whose bytes the store already knows is only archived. So a file is
//! either still in the inbox (and taken again after a restart) or stored and archived.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset};
use sha2::{Digest, Sha256};

use crate::article::{hex, EditionMeta};
use crate::edition::{self, Split};
use crate::inbox;
use crate::store::{Changes, FileRecord, Store};

/// Settings the pipeline needs (a slice of the config).
#[derive(Debug, Clone)]
pub struct Settings {
    pub publication: String,
    pub archive: PathBuf,
    pub failed: PathBuf,
    pub max_file_bytes: u64,
}

/// What happened to one file.
#[derive(Debug)]
pub enum Outcome {
    /// Split and stored, then archived at `archived`.
    Stored {
        articles: usize,
        changes: Changes,
        archived: PathBuf,
    },
    /// The same bytes were ingested before: archived, nothing else changed.
    Duplicate { archived: PathBuf },
    /// Refused: moved to `failed/` with `NAME.error` saying `reason`.
    Failed { reason: String, moved_to: PathBuf },
    /// Gone before it could be read (deleted or renamed away): nothing to do.
    Vanished,
    /// Written to or replaced while being read (or no longer a regular file): look again
    /// later, when the next scan classifies it afresh.
    StillGrowing,
}

/// Why a file is refused, in words for `NAME.error` and the log.
#[derive(Debug)]
struct Refusal(String);

/// Takes one complete file from the inbox through the whole pipeline.
///
/// # Errors
/// Only failures that must not move the file: the store cannot commit, or the archive or
/// `failed/` folders cannot be written. The file then stays in the inbox and is retried.
pub fn ingest_file(
    store: &mut Store,
    settings: &Settings,
    path: &Path,
    now: DateTime<FixedOffset>,
) -> Result<Outcome> {
    let bytes = match read_stable(path, settings.max_file_bytes)? {
        Loaded::Bytes(bytes) => bytes,
        Loaded::Refused(Refusal(reason)) => return refuse(path, settings, reason),
        Loaded::Vanished => return Ok(Outcome::Vanished),
        Loaded::Changed => return Ok(Outcome::StillGrowing),
    };
    let hash = hex(&Sha256::digest(&bytes));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if store.has_file(&hash)? {
        // Archived where a first delivery under this name would have gone: the name's date.
        let date = edition_meta(store, settings, &name, now)?
            .date
            .unwrap_or_else(|| today(now));
        let archived = archive(path, settings, &date, &bytes)?;
        return Ok(Outcome::Duplicate { archived });
    }
    let meta = edition_meta(store, settings, &name, now)?;
    let split = match decode_and_split(&bytes, &meta) {
        Ok(split) => split,
        Err(Refusal(reason)) => return refuse(path, settings, reason),
    };
    let date = split.edition.date.clone().unwrap_or_else(|| today(now));
    let archived_as = format!("{date}/{name}");
    let record = FileRecord {
        hash,
        name,
        archived_as,
    };
    let changes = store
        .apply(&record, &split, now)
        .with_context(|| format!("cannot store {}", path.display()))?;
    let archived = archive(path, settings, &date, &bytes)?;
    Ok(Outcome::Stored {
        articles: split.articles.len(),
        changes,
        archived,
    })
}

/// Re-splits an archived dump for `pressroom rebuild`: `name` is the name it was delivered
/// under and `date` its archive folder, the date an undated dump was given on arrival.
///
/// # Errors
/// Why the dump cannot be split (it would have been refused on arrival).
pub fn resplit(
    bytes: &[u8],
    name: &str,
    date: &str,
    publication: &str,
) -> Result<(FileRecord, Split), String> {
    let mut meta = edition::from_file_name(name, publication);
    meta.date.get_or_insert_with(|| date.to_owned());
    let split = decode_and_split(bytes, &meta).map_err(|Refusal(r)| r)?;
    let record = FileRecord {
        hash: hex(&Sha256::digest(bytes)),
        name: name.to_owned(),
        archived_as: format!("{date}/{name}"),
    };
    Ok((record, split))
}

/// Decodes and splits; a dump that yields no article is refused (it is not a page).
fn decode_and_split(bytes: &[u8], meta: &EditionMeta) -> Result<Split, Refusal> {
    let text = edition::decode(bytes).map_err(|e| Refusal(format!("cannot decode: {e}")))?;
    edition::check_form(&text).map_err(|e| Refusal(format!("cannot split: {e}")))?;
    let split = edition::split(&text, meta);
    if split.articles.is_empty() {
        return Err(Refusal(format!(
            "no articles found in {} characters of text ({} pieces of page furniture)",
            text.chars().count(),
            split.dropped.len()
        )));
    }
    Ok(split)
}

/// The edition's date and page from the file name; an undated file keeps the date its
/// name got the first time (so a corrected copy keeps its ids), else takes today's.
fn edition_meta(
    store: &Store,
    settings: &Settings,
    name: &str,
    now: DateTime<FixedOffset>,
) -> Result<EditionMeta> {
    let mut meta = edition::from_file_name(name, &settings.publication);
    if meta.date.is_none() {
        meta.date = Some(store.date_of_name(name)?.unwrap_or_else(|| today(now)));
    }
    Ok(meta)
}

fn today(now: DateTime<FixedOffset>) -> String {
    now.format("%Y-%m-%d").to_string()
}

/// What reading an inbox file gave.
enum Loaded {
    /// The whole file, unchanged from before the read to after it.
    Bytes(Vec<u8>),
    /// Not to be read at all (too large) or unreadable.
    Refused(Refusal),
    /// Gone (deleted or renamed away) before it could be opened.
    Vanished,
    /// Written to, replaced or swapped for a link while being read: look again later.
    Changed,
}

/// Reads the file if it is within the size limit, making sure the bytes read are the
/// bytes of the file that was classified: the size is checked before opening (a 100 GB file
/// costs one `stat`), the opened handle must be the same inode as the path (a file swapped
/// for a symlink between the scan and the open is never followed), and nothing may change
/// while reading.
fn read_stable(path: &Path, limit: u64) -> Result<Loaded> {
    let before = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Loaded::Vanished),
        Err(e) => return Err(e).with_context(|| format!("cannot stat {}", path.display())),
    };
    if !before.file_type().is_file() {
        return Ok(Loaded::Changed);
    }
    if before.len() > limit {
        return Ok(Loaded::Refused(over_limit(before.len(), limit)));
    }
    let mut file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Loaded::Vanished),
        Err(e) => {
            return Ok(Loaded::Refused(Refusal(format!(
                "cannot open the file: {e}"
            ))))
        }
    };
    if !file.metadata().is_ok_and(|m| same_file(&m, &before)) {
        return Ok(Loaded::Changed);
    }
    let mut bytes = Vec::with_capacity(before.len() as usize);
    // `take` bounds memory even when the file grows past the limit while being read.
    if let Err(e) = (&mut file).take(limit + 1).read_to_end(&mut bytes) {
        return Ok(Loaded::Refused(Refusal(format!(
            "cannot read the file: {e}"
        ))));
    }
    if bytes.len() as u64 > limit {
        return Ok(Loaded::Refused(over_limit(bytes.len() as u64, limit)));
    }
    if changed_since(path, &before) || bytes.len() as u64 != before.len() {
        return Ok(Loaded::Changed);
    }
    Ok(Loaded::Bytes(bytes))
}

fn over_limit(size: u64, limit: u64) -> Refusal {
    Refusal(format!(
        "the file is {size} bytes, over the limit of {limit} bytes (inbox.max_file_bytes)"
    ))
}

/// Same inode, size and modification time: the file was neither replaced nor written to.
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev()
        && a.ino() == b.ino()
        && a.len() == b.len()
        && a.modified().ok() == b.modified().ok()
}

fn changed_since(path: &Path, before: &fs::Metadata) -> bool {
    fs::symlink_metadata(path).map_or(true, |after| !same_file(&after, before))
}

/// Moves the file to `archive/DATE/`; when an identical copy is already there (a re-drop),
/// the inbox copy is removed instead of archiving a second one.
fn archive(path: &Path, settings: &Settings, date: &str, bytes: &[u8]) -> Result<PathBuf> {
    let dir = settings.archive.join(date);
    if let Some(name) = path.file_name() {
        let existing = dir.join(name);
        if fs::read(&existing).is_ok_and(|old| old == bytes) {
            fs::remove_file(path).with_context(|| format!("cannot remove {}", path.display()))?;
            return Ok(existing);
        }
    }
    inbox::move_into(path, &dir)
        .with_context(|| format!("cannot archive {} into {}", path.display(), dir.display()))
}

fn refuse(path: &Path, settings: &Settings, reason: String) -> Result<Outcome> {
    let moved_to = inbox::move_to_failed(path, &settings.failed, &reason).with_context(|| {
        format!(
            "cannot move {} to {}",
            path.display(),
            settings.failed.display()
        )
    })?;
    Ok(Outcome::Failed { reason, moved_to })
}

/// Times an ingest for the log line.
pub fn timed<T>(f: impl FnOnce() -> T) -> (T, std::time::Duration) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (tempfile::TempDir, Store, Settings) {
        let dir = tempfile::tempdir().unwrap();
        let tz = FixedOffset::east_opt(8 * 3600).unwrap();
        let store = Store::open(&dir.path().join("db"), tz).unwrap();
        let settings = Settings {
            publication: "P".into(),
            archive: dir.path().join("archive"),
            failed: dir.path().join("failed"),
            max_file_bytes: 1000,
        };
        (dir, store, settings)
    }

    fn now() -> DateTime<FixedOffset> {
        chrono::Utc::now().fixed_offset()
    }

    #[test]
    fn a_file_gone_before_the_read_is_vanished() {
        let (dir, mut store, settings) = setup();
        let outcome = ingest_file(&mut store, &settings, &dir.path().join("gone.txt"), now());
        assert!(matches!(outcome, Ok(Outcome::Vanished)), "{outcome:?}");
    }

    #[test]
    fn a_file_swapped_for_a_symlink_is_not_read_through_it() {
        let (dir, mut store, settings) = setup();
        let target = dir.path().join("outside.txt");
        fs::write(
            &target,
            "标题\n一段足够长的正文，不会被当成标题的那种长度，真的很长。\n",
        )
        .unwrap();
        let link = dir.path().join("2024-11-09_01.txt");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let outcome = ingest_file(&mut store, &settings, &link, now()).unwrap();
        assert!(matches!(outcome, Outcome::StillGrowing), "{outcome:?}");
        assert_eq!(store.count().unwrap(), 0);
        assert!(link.exists() && target.exists());
    }

    #[test]
    fn over_the_limit_is_refused_from_its_size_alone() {
        let (dir, mut store, settings) = setup();
        let path = dir.path().join("big.txt");
        fs::File::create(&path).unwrap().set_len(1 << 40).unwrap();
        let outcome = ingest_file(&mut store, &settings, &path, now()).unwrap();
        let Outcome::Failed { reason, .. } = outcome else {
            panic!("{outcome:?}")
        };
        assert!(reason.contains("over the limit of 1000 bytes"), "{reason}");
    }
}
