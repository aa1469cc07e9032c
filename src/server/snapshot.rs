//! The published set of files and the cell through which it is swapped.
//!
//! A [`Snapshot`] is immutable once published; [`Published`] replaces the whole of it
//! atomically, so a request that took a snapshot sees every file of one version, never a mix.
//! Nothing here reads the disk or knows about HTTP.

use std::sync::{Arc, PoisonError, RwLock};

use rustc_hash::FxHashMap;

use super::resource::Resource;

/// The files served from memory, keyed by URL path (`/`, `/feed.xml`, `/articles/<id>.html`).
///
/// Keys are hashed with FxHash, which every request pays once: SipHash's random keys defend
/// a map whose *keys* an attacker chooses against collisions, but here the publisher chooses
/// every key and a request only looks one up, which at worst walks the publisher's own
/// entries that share its hash.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    files: FxHashMap<String, Arc<Resource>>,
}

impl Snapshot {
    /// Adds (or replaces) the file served at `path`, which must start with `/`.
    pub fn insert(&mut self, path: impl Into<String>, resource: Resource) -> &mut Self {
        self.files.insert(path.into(), Arc::new(resource));
        self
    }

    /// Adds a file already shared with an earlier snapshot (unchanged, so not recompressed).
    pub fn insert_shared(&mut self, path: impl Into<String>, resource: Arc<Resource>) -> &mut Self {
        self.files.insert(path.into(), resource);
        self
    }

    /// Every published path with its file, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Arc<Resource>)> {
        self.files.iter().map(|(p, r)| (p.as_str(), r))
    }

    /// The file served at `path`, if published.
    pub fn get(&self, path: &str) -> Option<&Arc<Resource>> {
        self.files.get(path)
    }

    /// The published paths, in no particular order.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// How many files are published.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether nothing is published.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// The current [`Snapshot`], swapped atomically by the publisher and read by every request.
///
/// The lock is held only to clone or replace an `Arc`, never while a response is built, so
/// readers never wait on rendering or compression.
#[derive(Debug, Default)]
pub struct Published {
    current: RwLock<Arc<Snapshot>>,
}

impl Published {
    /// A cell holding `snapshot`.
    pub fn new(snapshot: Snapshot) -> Published {
        Published {
            current: RwLock::new(Arc::new(snapshot)),
        }
    }

    /// Replaces the served snapshot; requests already running keep the one they took.
    pub fn publish(&self, snapshot: Snapshot) {
        let next = Arc::new(snapshot);
        // A poisoned lock only means a panic elsewhere while holding it; the Arc inside is
        // always whole, so carry on with it.
        let old = std::mem::replace(
            &mut *self.current.write().unwrap_or_else(PoisonError::into_inner),
            next,
        );
        // Drop the old snapshot (possibly the last reference) outside the lock.
        drop(old);
    }

    /// The snapshot to use for one whole request.
    pub fn current(&self) -> Arc<Snapshot> {
        Arc::clone(&self.current.read().unwrap_or_else(PoisonError::into_inner))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::SystemTime;

    #[test]
    fn publish_swaps_whole_snapshot_and_keeps_old_for_holders() {
        let mut a = Snapshot::default();
        a.insert(
            "/feed.xml",
            Resource::new("text/plain", "a", SystemTime::UNIX_EPOCH),
        );
        let published = Published::new(a);
        let held = published.current();
        let mut b = Snapshot::default();
        b.insert(
            "/feed.xml",
            Resource::new("text/plain", "b", SystemTime::UNIX_EPOCH),
        );
        published.publish(b);
        assert_eq!(
            &held
                .get("/feed.xml")
                .map(|r| r.body().clone())
                .unwrap_or_default()[..],
            b"a"
        );
        let now = published.current();
        assert_eq!(
            &now.get("/feed.xml")
                .map(|r| r.body().clone())
                .unwrap_or_default()[..],
            b"b"
        );
    }
}
