//! The one-shot commands behind `pressroom split`, `ingest` and `rebuild`.
//!
//! They reuse the daemon's pieces (decode, split, worker, store, publisher) so a one-shot run
//! and the daemon can never disagree about a file.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::article::Article;
use crate::config::Config;
use crate::daemon;
use crate::edition::{self, Split};
use crate::store::Changes;
use crate::worker::Worker;

/// The JSON printed by `pressroom split FILE --json` (DESIGN.md's contract).
#[derive(Serialize)]
struct SplitJson<'a> {
    file: &'a str,
    #[serde(flatten)]
    split: &'a Split,
}

/// How `pressroom split` prints a dump's split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitForm {
    /// A readable list of the articles.
    Summary,
    /// The JSON of DESIGN.md's contract.
    Json,
    /// Each line's role, for tuning the splitter ([`edition::explain`]).
    Roles,
}

/// Splits `file` and prints the result in `form`.
///
/// # Errors
/// The file cannot be read or decoded, or is not in a form the splitter reads.
pub fn split(file: &Path, form: SplitForm) -> Result<()> {
    let bytes = fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let text =
        edition::decode(&bytes).with_context(|| format!("cannot decode {}", file.display()))?;
    edition::check_form(&text).with_context(|| format!("cannot split {}", file.display()))?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if form == SplitForm::Roles {
        return write_stdout(&edition::explain(&text));
    }
    let meta = edition::from_file_name(&name, "");
    let split = edition::split(&text, &meta);
    let out = if form == SplitForm::Json {
        serde_json::to_string_pretty(&SplitJson {
            file: &name,
            split: &split,
        })? + "\n"
    } else {
        summary(&name, &split)
    };
    write_stdout(&out)
}

/// Writes to stdout; a reader that went away (`| head`) is not an error.
fn write_stdout(text: &str) -> Result<()> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to stdout"),
    }
}

fn summary(name: &str, split: &Split) -> String {
    use std::fmt::Write;
    let mut out = format!(
        "{name}: {} articles, {} dropped\n",
        split.articles.len(),
        split.dropped.len()
    );
    for a in &split.articles {
        let chars: usize = a.blocks.iter().map(|b| b.text().chars().count()).sum();
        let by = if a.authors.is_empty() {
            String::new()
        } else {
            format!(", by {}", a.authors.join(" "))
        };
        let cont = if a.continued { ", continued" } else { "" };
        let _ = writeln!(
            out,
            "  {}\n      {} blocks, {chars} characters{by}{cont}",
            headline(a),
            a.blocks.len()
        );
    }
    for d in &split.dropped {
        let _ = writeln!(out, "  dropped: {d}");
    }
    out
}

fn headline(a: &Article) -> String {
    let mut parts = vec![];
    if let Some(k) = &a.kicker {
        parts.push(format!("[{k}]"));
    }
    parts.push(if a.title.is_empty() {
        "(untitled)".to_owned()
    } else {
        a.title.clone()
    });
    if let Some(s) = &a.subtitle {
        parts.push(format!("— {s}"));
    }
    parts.join(" ")
}

/// Copies each file into the inbox (temp name, then rename) and runs one worker pass.
/// Returns how many files were refused.
///
/// # Errors
/// A file cannot be copied into the inbox, or the store cannot be opened.
pub fn ingest(cfg: Config, files: &[PathBuf]) -> Result<usize> {
    let (store, publisher, _) = daemon::open(&cfg)?;
    let mut delivered = Vec::new();
    for file in files {
        delivered.push(deliver(file, &cfg.paths.inbox)?);
    }
    let mut worker = Worker::new(cfg, store, publisher, Arc::new(AtomicBool::new(false)));
    worker.mark_renamed_in(delivered);
    let (report, _) = worker.pass();
    println!(
        "{} stored, {} already ingested, {} refused (see failed/), {} left in the inbox",
        report.stored, report.duplicates, report.failed, report.retry
    );
    Ok(report.failed)
}

/// Copies `file` into the inbox under a hidden temp name and renames it into place.
fn deliver(file: &Path, inbox_dir: &Path) -> Result<PathBuf> {
    let name = file
        .file_name()
        .with_context(|| format!("{} has no file name", file.display()))?;
    let target = inbox_dir.join(name);
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(".part");
    let tmp = inbox_dir.join(tmp_name);
    fs::copy(file, &tmp).with_context(|| {
        format!(
            "cannot copy {} into {}",
            file.display(),
            inbox_dir.display()
        )
    })?;
    fs::rename(&tmp, &target)
        .with_context(|| format!("cannot rename into {}", target.display()))?;
    Ok(target)
}

/// Re-splits every archived dump in ingest order and republishes; see `pressroom rebuild`.
///
/// # Errors
/// The archive cannot be listed or the store cannot be written.
pub fn rebuild(cfg: Config) -> Result<()> {
    let (mut store, mut publisher, _) = daemon::open(&cfg)?;
    let files = archived_files(&cfg.paths.archive)?;
    let now = chrono::Utc::now().with_timezone(&cfg.timezone);
    let mut produced: HashSet<String> = HashSet::new();
    let mut changes = Changes::default();
    for (date, path) in &files {
        let bytes = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        let (name, _) = delivery_key(path);
        match crate::ingest::resplit(&bytes, &name, date, &cfg.site.publication) {
            Ok((record, split)) => {
                let c = store.apply(&record, &split, now)?;
                produced.extend(c.stored);
                changes.added.extend(c.added);
                changes.updated.extend(c.updated);
            }
            Err(reason) => tracing::warn!(file = %path.display(), "skipped: {reason}"),
        }
    }
    let stale: Vec<String> = store
        .ids()?
        .into_iter()
        .filter(|id| !produced.contains(id))
        .collect();
    store.remove(&stale)?;
    changes.removed = stale;
    let summary = format!(
        "rebuilt from {} archived files: {} added, {} updated, {} removed",
        files.len(),
        changes.added.len(),
        changes.updated.len(),
        changes.removed.len(),
    );
    let report = publisher.publish(&store, &changes)?;
    // Then every article's page, not only the changed ones: a rebuild is also how a lost or
    // damaged feeds/ folder is restored (unchanged files on disk are not rewritten). In
    // batches, so a large archive is never held in memory at once.
    let mut all: Vec<String> = produced.into_iter().collect();
    all.sort();
    for batch in all.chunks(1000) {
        publisher.write_pages(&store, batch)?;
    }
    println!("{summary}; {} in the feeds", report.entries);
    Ok(())
}

/// Archived dumps as (edition date folder, path), oldest delivery first: by folder, then by
/// name with `~N` copies after their original, so a correction is applied after the page it corrects.
fn archived_files(archive: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> = fs::read_dir(archive)
        .with_context(|| format!("cannot list {}", archive.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let date = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")))
            .collect();
        let order: HashMap<PathBuf, (String, u32)> =
            files.iter().map(|p| (p.clone(), delivery_key(p))).collect();
        files.sort_by(|a, b| order[a].cmp(&order[b]));
        out.extend(files.into_iter().map(|p| (date.clone(), p)));
    }
    Ok(out)
}

/// `page~3.txt` → ("page.txt", 3); `page.txt` → ("page.txt", 1).
fn delivery_key(path: &Path) -> (String, u32) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (stem, ext) = name
        .rsplit_once('.')
        .map_or((name.as_str(), ""), |(s, e)| (s, e));
    match stem
        .rsplit_once('~')
        .and_then(|(base, n)| Some((base, n.parse::<u32>().ok()?)))
    {
        Some((base, n)) => (format!("{base}.{ext}"), n),
        None => (name.clone(), 1),
    }
}
