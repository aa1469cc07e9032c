//! The inbox worker: one thread that owns the store and the publisher, takes complete files
//! from the inbox one at a time, and republishes after each batch.
//!
//! It is woken by hints (file-system events, reloads, stop) but never trusts them: every
//! wake-up rescans the inbox, and it rescans on a timer too, so a missed event only delays.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use chrono::Utc;

use crate::config::Config;
use crate::inbox::{self, Kind, Readiness};
use crate::ingest::{self, Outcome, Settings};
use crate::publish::Publisher;
use crate::store::{Changes, Store};

/// How often the inbox is rescanned when nothing happens (events can be lost).
const RESCAN_EVERY: Duration = Duration::from_secs(5);
/// How soon to retry after a store or disk failure.
const RETRY_AFTER: Duration = Duration::from_secs(2);
/// Republish at least this often while a long batch is being ingested.
const PUBLISH_EVERY: Duration = Duration::from_millis(250);
/// …or once this many articles changed: each changed article is a page (and its `.gz`) to
/// write, so this bounds one publish, and with it how long a stop waits for the last one.
const PUBLISH_AFTER_CHANGES: usize = 200;

/// What wakes the worker.
#[derive(Debug)]
pub enum Hint {
    /// Something changed at these paths; `renamed_in` when they were renamed into the inbox.
    Changed {
        paths: Vec<PathBuf>,
        renamed_in: bool,
    },
    /// Something was modified in place: a file renamed in earlier is being written again.
    Modified(Vec<PathBuf>),
    /// A new, already validated config (SIGHUP).
    Reload(Box<Config>),
    /// Wake up and look at the stop flag.
    Wake,
}

/// The worker's state.
pub struct Worker {
    cfg: Config,
    settings: Settings,
    store: Store,
    publisher: Publisher,
    /// Paths that arrived by rename: complete at once, no settle wait.
    renamed_in: HashSet<PathBuf>,
    /// Ignored entries already logged, so a stray folder is not logged every rescan.
    reported: HashSet<PathBuf>,
    stop: Arc<AtomicBool>,
    /// Seconds since the epoch of the last loop turn, for the systemd watchdog.
    heartbeat: Arc<AtomicU64>,
}

/// Totals of one pass over the inbox.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PassReport {
    pub stored: usize,
    pub duplicates: usize,
    pub failed: usize,
    /// Files that could not be taken now (store or disk error) and stay in the inbox.
    pub retry: usize,
}

impl Worker {
    /// A worker over an opened store and publisher.
    pub fn new(cfg: Config, store: Store, publisher: Publisher, stop: Arc<AtomicBool>) -> Worker {
        Worker {
            settings: settings_of(&cfg),
            cfg,
            store,
            publisher,
            renamed_in: HashSet::new(),
            reported: HashSet::new(),
            stop,
            heartbeat: Arc::new(AtomicU64::new(now_secs())),
        }
    }

    /// The heartbeat the watchdog reads.
    pub fn heartbeat(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.heartbeat)
    }

    /// Marks paths as renamed in (used by `pressroom ingest`, which renames its copies in).
    pub fn mark_renamed_in(&mut self, paths: impl IntoIterator<Item = PathBuf>) {
        self.renamed_in.extend(paths);
    }

    /// Runs until the stop flag is set; each wake-up rescans the inbox.
    pub fn run(mut self, hints: Receiver<Hint>) {
        let mut wait = Duration::ZERO;
        while !self.stop.load(Ordering::SeqCst) {
            match hints.recv_timeout(wait) {
                Ok(hint) => self.take_hint(hint),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
            while let Ok(hint) = hints.try_recv() {
                self.take_hint(hint);
            }
            self.heartbeat.store(now_secs(), Ordering::Relaxed);
            if self.stop.load(Ordering::SeqCst) {
                break;
            }
            wait = self.pass().1;
        }
        tracing::info!("inbox worker stopped");
    }

    fn take_hint(&mut self, hint: Hint) {
        match hint {
            Hint::Changed {
                paths,
                renamed_in: true,
            } => self.renamed_in.extend(paths),
            Hint::Changed { .. } | Hint::Wake => {}
            Hint::Modified(paths) => paths.iter().for_each(|p| {
                self.renamed_in.remove(p);
            }),
            Hint::Reload(cfg) => self.reload(*cfg),
        }
    }

    fn reload(&mut self, cfg: Config) {
        if cfg.paths != self.cfg.paths || cfg.server != self.cfg.server {
            tracing::warn!(
                "config reloaded: changes to [paths] and [server] take effect after a restart"
            );
        }
        self.publisher.reconfigure(cfg.site.clone(), cfg.feed_items);
        self.settings = Settings {
            archive: self.settings.archive.clone(),
            failed: self.settings.failed.clone(),
            ..settings_of(&cfg)
        };
        self.cfg = Config {
            paths: self.cfg.paths.clone(),
            server: self.cfg.server.clone(),
            ..cfg
        };
        if let Err(e) = self.publisher.publish(&self.store, &Changes::default()) {
            tracing::error!("cannot republish after reload: {e:#}");
        }
        tracing::info!(file = %self.cfg.source.display(), "config reloaded");
    }

    /// One pass: takes every complete file, publishes what changed, and says how long to
    /// wait before the next pass.
    pub fn pass(&mut self) -> (PassReport, Duration) {
        let mut report = PassReport::default();
        let mut wait = RESCAN_EVERY;
        let found = match inbox::scan(&self.cfg.paths.inbox) {
            Ok(found) => found,
            Err(e) => {
                tracing::error!(inbox = %self.cfg.paths.inbox.display(), "cannot scan the inbox: {e}");
                return (report, RETRY_AFTER);
            }
        };
        let mut pending = Changes::default();
        let mut last_publish = Instant::now();
        for entry in found {
            if self.stop.load(Ordering::SeqCst) {
                break;
            }
            if let Some(delay) = self.take(&entry, &mut pending, &mut report) {
                wait = wait.min(delay);
            }
            let changed = pending.added.len() + pending.updated.len() + pending.removed.len();
            if changed > 0
                && (last_publish.elapsed() >= PUBLISH_EVERY || changed >= PUBLISH_AFTER_CHANGES)
            {
                self.publish(std::mem::take(&mut pending));
                last_publish = Instant::now();
            }
        }
        if !pending.is_empty() {
            self.publish(pending);
        }
        if self.publisher.has_unwritten() && self.publisher.retry_unwritten() > 0 {
            wait = wait.min(RETRY_AFTER);
        }
        if report.retry > 0 {
            wait = wait.min(RETRY_AFTER);
        }
        self.renamed_in.retain(|p| p.exists());
        (report, wait)
    }

    /// Handles one inbox entry; returns how soon to look again when it is not ready.
    fn take(
        &mut self,
        entry: &inbox::Found,
        pending: &mut Changes,
        report: &mut PassReport,
    ) -> Option<Duration> {
        match &entry.kind {
            Kind::Ignored(why) => {
                if self.reported.insert(entry.path.clone()) {
                    tracing::debug!(path = %entry.path.display(), "ignored: {why}");
                }
                None
            }
            Kind::Symlink => {
                self.refuse_symlink(&entry.path, report);
                None
            }
            Kind::Dump => {
                let settle = Duration::from_millis(self.cfg.inbox.settle_ms);
                let renamed = self.renamed_in.contains(&entry.path);
                match inbox::readiness(entry.modified, SystemTime::now(), settle, renamed) {
                    Readiness::WaitFor(d) => Some(d),
                    Readiness::Ready => self.ingest(&entry.path, pending, report),
                }
            }
        }
    }

    fn refuse_symlink(&self, path: &Path, report: &mut PassReport) {
        let reason = "symbolic links are not followed: rename the file itself into the inbox";
        match inbox::move_to_failed(path, &self.cfg.paths.failed, reason) {
            Ok(to) => {
                report.failed += 1;
                tracing::warn!(file = %name_of(path), moved_to = %to.display(), "refused: {reason}");
            }
            Err(e) => tracing::error!(file = %name_of(path), "cannot move symlink to failed/: {e}"),
        }
    }

    fn ingest(
        &mut self,
        path: &Path,
        pending: &mut Changes,
        report: &mut PassReport,
    ) -> Option<Duration> {
        let now = Utc::now().with_timezone(&self.cfg.timezone);
        let (outcome, took) =
            ingest::timed(|| ingest::ingest_file(&mut self.store, &self.settings, path, now));
        let file = name_of(path);
        let ms = took.as_secs_f64() * 1000.0;
        match outcome {
            Ok(Outcome::Stored {
                articles,
                changes,
                archived,
            }) => {
                report.stored += 1;
                tracing::info!(file, articles, added = changes.added.len(), updated = changes.updated.len(),
                    removed = changes.removed.len(), ms = format!("{ms:.1}"), archived = %archived.display(), "stored");
                merge(pending, changes);
            }
            Ok(Outcome::Duplicate { archived }) => {
                report.duplicates += 1;
                tracing::info!(file, ms = format!("{ms:.1}"), archived = %archived.display(), "already ingested (same bytes), nothing changed");
            }
            Ok(Outcome::Failed { reason, moved_to }) => {
                report.failed += 1;
                tracing::warn!(file, ms = format!("{ms:.1}"), moved_to = %moved_to.display(), "refused: {reason}");
            }
            Ok(Outcome::Vanished) => tracing::info!(file, "gone before it could be read"),
            Ok(Outcome::StillGrowing) => {
                self.renamed_in.remove(path);
                tracing::debug!(file, "changed while being read; waiting for it to settle");
                return Some(Duration::from_millis(self.cfg.inbox.settle_ms.max(50)));
            }
            Err(e) => {
                report.retry += 1;
                tracing::error!(file, "cannot ingest now, will retry: {e:#}");
                return Some(RETRY_AFTER);
            }
        }
        None
    }

    /// Regenerates the feeds for what changed.
    pub fn publish(&mut self, changes: Changes) {
        let (result, took) = ingest::timed(|| self.publisher.publish(&self.store, &changes));
        match result {
            Ok(r) => tracing::info!(
                entries = r.entries,
                written = r.written,
                unwritten = r.unwritten,
                served_ms = format!("{:.1}", r.until_served.as_secs_f64() * 1000.0),
                ms = format!("{:.1}", took.as_secs_f64() * 1000.0),
                "published"
            ),
            Err(e) => tracing::error!("cannot publish: {e:#}"),
        }
    }
}

fn settings_of(cfg: &Config) -> Settings {
    Settings {
        publication: cfg.site.publication.clone(),
        archive: cfg.paths.archive.clone(),
        failed: cfg.paths.failed.clone(),
        max_file_bytes: cfg.inbox.max_file_bytes,
    }
}

fn merge(into: &mut Changes, from: Changes) {
    into.added.extend(from.added);
    into.updated.extend(from.updated);
    into.removed.extend(from.removed);
    into.unchanged += from.unchanged;
    into.stored.extend(from.stored);
}

fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
