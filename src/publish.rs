//! Regenerates everything readers see after the store changed: renders the feeds, the index,
//! the OPML and the article pages, swaps the in-memory snapshot the server answers from, and
//! mirrors the files into `feeds/` (atomically, with `.gz` siblings for static servers).
//!
//! The work is bounded by the feed window, never by the archive: only the latest N articles are
//! read and rendered, and pages of older articles are written once, when they change.

use std::collections::{HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use bytes::Bytes;
use chrono::{DateTime, FixedOffset};

use crate::inbox::write_atomically;
use crate::render::{self, Entry, Site};
use crate::server::{content_type_for, Published, Resource, Snapshot};
use crate::store::{Changes, Store};

/// Keeps the published snapshot and `feeds/` in step with the store.
pub struct Publisher {
    site: Site,
    feeds_dir: PathBuf,
    items: usize,
    published: Arc<Published>,
    /// Files whose write to `feeds/` failed (disk full, permissions), retried next time.
    unwritten: HashMap<String, Arc<Resource>>,
    /// What each path in `feeds/` holds now (by ETag), so unchanged files are not rewritten.
    on_disk: HashMap<String, String>,
}

/// What one publish did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    pub entries: usize,
    /// Files written to `feeds/` (feeds, index, pages).
    pub written: usize,
    /// Files that could not be written and will be retried.
    pub unwritten: usize,
    /// From the start of the publish until the new snapshot was being served (reading the
    /// window, rendering, compressing); the rest is mirroring into `feeds/`.
    pub until_served: Duration,
}

impl Publisher {
    /// A publisher serving through `published` and mirroring into `feeds_dir`.
    pub fn new(site: Site, feeds_dir: &Path, items: usize, published: Arc<Published>) -> Publisher {
        Publisher {
            site,
            feeds_dir: feeds_dir.to_owned(),
            items,
            published,
            unwritten: HashMap::new(),
            on_disk: HashMap::new(),
        }
    }

    /// Replaces the site description and window size (a config reload).
    pub fn reconfigure(&mut self, site: Site, items: usize) {
        if site != self.site || items != self.items {
            self.on_disk.clear();
        }
        self.site = site;
        self.items = items;
    }

    /// Renders the window from `store`, swaps the served snapshot, and updates `feeds/`:
    /// pages of `changes` outside the window are written, pages of removed articles deleted.
    ///
    /// # Errors
    /// Only store errors; a failed disk write is logged, kept for retry and counted.
    pub fn publish(&mut self, store: &Store, changes: &Changes) -> Result<Report> {
        let started = std::time::Instant::now();
        let entries = store
            .latest(self.items)
            .context("cannot read the feed window")?;
        let (snapshot, fresh) = self.render_snapshot(&entries);
        let mut report = Report {
            entries: entries.len(),
            ..Report::default()
        };
        // Pages of removed articles go from disk first: the server falls back to `feeds/` for
        // paths the snapshot lacks, so deleting after the swap would serve them a while longer.
        for id in &changes.removed {
            self.remove_file(&article_path(id));
        }
        // Serve the new content at once, uncompressed, then again with its compressed
        // variants: compressing the feeds is most of a publish's CPU time, and a reader who
        // gets the identity body for those few milliseconds gets the same bytes and ETag.
        self.published.publish(snapshot.clone());
        report.until_served = started.elapsed();
        let snapshot = compress(snapshot, &fresh);
        let mut to_write: Vec<(String, Arc<Resource>)> = snapshot
            .iter()
            .map(|(p, r)| (p.to_owned(), Arc::clone(r)))
            .collect();
        self.published.publish(snapshot);
        let mut queued: HashSet<String> = to_write.iter().map(|(p, _)| p.clone()).collect();
        let changed: Vec<&String> = changes.added.iter().chain(&changes.updated).collect();
        for id in &changed {
            let path = article_path(id);
            if queued.insert(path.clone()) {
                if let Some(entry) = store.article(id)? {
                    to_write.push((path, Arc::new(self.page_resource(&entry))));
                }
            }
        }
        // A file whose earlier write failed is retried unless a newer version supersedes it.
        let pending: Vec<(String, Arc<Resource>)> = self.unwritten.drain().collect();
        for (path, resource) in pending {
            if queued.insert(path.clone()) {
                to_write.push((path, resource));
            }
        }
        report.written += self.write_reporting(to_write);
        let ids: Vec<String> = changed.into_iter().cloned().collect();
        self.mark_mirrored(store, &ids);
        report.unwritten = self.unwritten.len();
        Ok(report)
    }

    /// Writes the pages of articles `ids` into `feeds/` (those the snapshot does not hold
    /// are only served from there), then records them as mirrored. For `pressroom rebuild`,
    /// which calls it in batches so a large archive is never held in memory at once.
    ///
    /// # Errors
    /// Only store errors; failed writes are kept for retry.
    pub fn write_pages(&mut self, store: &Store, ids: &[String]) -> Result<usize> {
        let mut files = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(entry) = store.article(id)? {
                files.push((article_path(id), Arc::new(self.page_resource(&entry))));
            }
        }
        let written = self.write_reporting(files);
        self.mark_mirrored(store, ids);
        Ok(written)
    }

    /// Writes `files`, logging and keeping for retry what fails; returns how many were written.
    fn write_reporting(&mut self, files: WriteList) -> usize {
        let mut written = 0;
        for (path, resource, result) in self.write_files(files) {
            match result {
                Ok(true) => written += 1,
                Ok(false) => {}
                Err(e) => {
                    tracing::error!(path = %self.disk_path(&path).display(), "cannot write published file, will retry: {e:#}");
                    self.unwritten.insert(path, resource);
                }
            }
        }
        written
    }

    /// Clears the store's "page not yet in feeds/" marks of `ids` whose page is on disk now;
    /// pages still waiting for a retry keep their mark, so a crash cannot lose them.
    fn mark_mirrored(&self, store: &Store, ids: &[String]) {
        if ids.is_empty() {
            return;
        }
        // The pages were renamed into place without a folder fsync (one per file would
        // cost a sync each); one per folder makes the renames durable before the store
        // says they are done.
        for dir in [self.feeds_dir.clone(), self.feeds_dir.join("articles")] {
            if let Err(e) = crate::inbox::sync_dir(&dir) {
                tracing::warn!(dir = %dir.display(), "cannot sync folder: {e}");
            }
        }
        let done: Vec<String> = ids
            .iter()
            .filter(|id| !self.unwritten.contains_key(&article_path(id)))
            .cloned()
            .collect();
        if let Err(e) = store.mark_mirrored(&done) {
            tracing::warn!("cannot record mirrored pages (they will be rewritten): {e:#}");
        }
    }

    /// True when some files still wait to be written to `feeds/`.
    pub fn has_unwritten(&self) -> bool {
        !self.unwritten.is_empty()
    }

    /// Retries the writes that failed before, without re-rendering.
    pub fn retry_unwritten(&mut self) -> usize {
        let pending: Vec<_> = self.unwritten.drain().collect();
        for (path, resource, result) in self.write_files(pending) {
            if let Err(e) = result {
                tracing::warn!(path, "still cannot write published file: {e:#}");
                self.unwritten.insert(path, resource);
            }
        }
        self.unwritten.len()
    }

    /// Renders the window; resources whose bytes did not change are shared with the served
    /// snapshot, new ones are built uncompressed and their paths returned for [`compress`].
    fn render_snapshot(&self, entries: &[Entry]) -> (Snapshot, Vec<String>) {
        let current = self.published.current();
        let modified = to_system_time(entries.iter().map(|e| e.updated).max());
        let mut snapshot = Snapshot::default();
        let mut fresh = Vec::new();
        let mut put = |path: String, body: String, modified: SystemTime| {
            let reused = current
                .get(&path)
                .filter(|r| r.body().as_ref() == body.as_bytes());
            let resource = match reused {
                Some(r) => Arc::clone(r),
                None => {
                    fresh.push(path.clone());
                    Arc::new(Resource::compressing(
                        content_type_for(&path),
                        Bytes::from(body),
                        modified,
                    ))
                }
            };
            snapshot.insert_shared(path, resource);
        };
        put(
            format!("/{}", render::RSS.path),
            render::rss::render(&self.site, entries),
            modified,
        );
        put(
            format!("/{}", render::ATOM.path),
            render::atom::render(&self.site, entries),
            modified,
        );
        put(
            format!("/{}", render::JSON_FEED.path),
            render::jsonfeed::render(&self.site, entries),
            modified,
        );
        put(
            "/".into(),
            render::html::index_page(&self.site, entries),
            modified,
        );
        put(
            format!("/{}", render::OPML_PATH),
            render::opml::render(&self.site),
            modified,
        );
        for entry in entries {
            let page = render::html::article_page(&self.site, entry);
            put(
                article_path(&entry.article.id),
                page,
                to_system_time(Some(entry.updated)),
            );
        }
        (snapshot, fresh)
    }

    /// An article page outside the feed window: it only goes to `feeds/`, which keeps the
    /// body and its `.gz`, so no brotli variant is made.
    fn page_resource(&self, entry: &Entry) -> Resource {
        let path = article_path(&entry.article.id);
        let body = render::html::article_page(&self.site, entry);
        Resource::gzipped(
            content_type_for(&path),
            Bytes::from(body),
            to_system_time(Some(entry.updated)),
        )
    }

    /// Writes the files `feeds/` does not hold yet, several at a time, and records what it
    /// now holds. `files` names each path once (two writers of one path would race). Each write is fsynced before its rename; an fsync mostly waits for the
    /// disk's journal commit, and concurrent fsyncs share one commit, so writing in parallel
    /// takes a fraction of the time of one after another (about 3x on ext4 here).
    fn write_files(&mut self, files: WriteList) -> Vec<(String, Arc<Resource>, io::Result<bool>)> {
        let (known, todo): (WriteList, WriteList) = files
            .into_iter()
            .partition(|(path, r)| self.on_disk.get(path).is_some_and(|etag| etag == r.etag()));
        let jobs: Vec<(PathBuf, String, Arc<Resource>)> = todo
            .into_iter()
            .map(|(path, r)| (self.disk_path(&path), path, r))
            .collect();
        let mut done: Vec<(String, Arc<Resource>, io::Result<bool>)> = known
            .into_iter()
            .map(|(path, r)| (path, r, Ok(false)))
            .collect();
        done.extend(write_in_parallel(jobs));
        for (path, resource, result) in &done {
            if result.is_ok() {
                self.on_disk
                    .insert(path.clone(), resource.etag().to_owned());
            }
        }
        done
    }

    fn remove_file(&mut self, path: &str) {
        let target = self.disk_path(path);
        for p in [gz_path(&target), target] {
            if let Err(e) = std::fs::remove_file(&p) {
                if e.kind() != std::io::ErrorKind::NotFound {
                    tracing::warn!(path = %p.display(), "cannot remove page of a removed article: {e}");
                }
            }
        }
        self.on_disk.remove(path);
        self.unwritten.remove(path);
    }

    fn disk_path(&self, url_path: &str) -> PathBuf {
        match url_path {
            "/" => self.feeds_dir.join("index.html"),
            p => self.feeds_dir.join(p.trim_start_matches('/')),
        }
    }
}

/// Files to mirror into `feeds/`: URL path and what it serves.
type WriteList = Vec<(String, Arc<Resource>)>;

/// How many files are written to `feeds/` at once.
const WRITERS: usize = 8;

/// `snapshot` with the resources at `fresh` rebuilt with their compressed variants, several
/// at a time (the feeds are the large ones, and they are independent).
fn compress(snapshot: Snapshot, fresh: &[String]) -> Snapshot {
    let todo: Vec<(&str, Arc<Resource>)> = fresh
        .iter()
        .filter_map(|p| Some((p.as_str(), Arc::clone(snapshot.get(p)?))))
        .collect();
    let compressed = in_parallel(todo, |(path, r)| {
        let full = Resource::new(r.content_type, r.body().clone(), r.last_modified);
        (path, Arc::new(full))
    });
    let mut out = snapshot;
    for (path, resource) in compressed {
        out.insert_shared(path, resource);
    }
    out
}

/// Runs `f` over `items` on up to [`WRITERS`] threads; the results come back in no order.
fn in_parallel<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    if items.len() <= 2 {
        return items.into_iter().map(f).collect();
    }
    // Dealt out in turn rather than cut in runs: the list starts with the large feeds,
    // which would otherwise share one thread.
    let n = WRITERS.min(items.len());
    let mut batches: Vec<Vec<T>> = (0..n).map(|_| Vec::new()).collect();
    for (i, item) in items.into_iter().enumerate() {
        batches[i % n].push(item);
    }
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = batches
            .into_iter()
            .map(|batch| scope.spawn(move || batch.into_iter().map(f).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            // The closures hold no panicking code; a panic there is a bug, passed on as one.
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}

/// Writes each `(disk path, url path, resource)`, up to [`WRITERS`] at a time.
fn write_in_parallel(
    jobs: Vec<(PathBuf, String, Arc<Resource>)>,
) -> Vec<(String, Arc<Resource>, io::Result<bool>)> {
    in_parallel(jobs, |(target, path, r)| {
        let result = write_one(&target, &r);
        (path, r, result)
    })
}

/// Writes one file (and its `.gz` sibling) unless `target` already holds these bytes.
/// Returns whether anything was written.
fn write_one(target: &Path, resource: &Resource) -> io::Result<bool> {
    if std::fs::read(target).is_ok_and(|old| old == resource.body().as_ref()) {
        return Ok(false);
    }
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir)?;
    }
    write_atomically(target, resource.body())?;
    if let Some(gz) = resource.gzip_body() {
        write_atomically(&gz_path(target), gz)?;
    }
    Ok(true)
}

/// The URL path of an article's page.
pub fn article_path(id: &str) -> String {
    format!("/articles/{id}.html")
}

fn gz_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".gz");
    PathBuf::from(s)
}

/// A content time as `Last-Modified`, never later than now: an edition dated tomorrow morning
/// is often ingested tonight, and RFC 9110 §8.8.2.1 forbids a Last-Modified in the future
/// (caches and readers such as libcurl's time conditions then mistrust it).
fn to_system_time(t: Option<DateTime<FixedOffset>>) -> SystemTime {
    let content = t
        .and_then(|t| u64::try_from(t.timestamp()).ok())
        .map_or(UNIX_EPOCH, |secs| UNIX_EPOCH + Duration::from_secs(secs));
    content.min(SystemTime::now())
}
