//! The open connections, as the accept loop sees them: the header-read timeout, which closes
//! connections that have not sent a complete request head for
//! [`ServerOptions::header_read_timeout`](super::ServerOptions) (idle keep-alive and a slow or
//! silent client alike), and the request to close them all at shutdown.
//!
//! hyper's own `header_read_timeout` arms a tokio timer for every request head (allocated,
//! registered in the timer wheel and dropped again): ~1,200 instructions of every request,
//! a tenth of the whole 304 path (callgrind, see `benches/http/README.md`). Here a connection only
//! counts what it receives ([`Activity`], one plain store per request) and a single task
//! looks at every connection a few times per timeout ([`Sweeper::sweep`]), so the per-request
//! cost is gone and the cut-off comes between one and 1.25 timeouts after the wait began.
//! Response bytes going out count as progress too ([`Activity::wrote`]): a slow reader is
//! served as long as each write completes within the timeout (nginx's `send_timeout`), and
//! the wait for the next head starts after the last write.
//!
//! The sweeper owns no sockets: it aborts a connection's task, which drops the connection,
//! or asks the connection to close once its current response is out ([`Activity::closing`]).
//! hyper-util's graceful-shutdown wrapper did the latter by polling a watch channel on every
//! wake-up of every connection (~270 instructions a request); here a connection registers
//! its task's waker once and then only reads a flag.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering::Relaxed, Ordering::SeqCst};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Waker};
use std::time::Duration;

use tokio::task::{AbortHandle, Id};
use tracing::debug;

/// Sweeps per timeout: the cut-off may come up to 1/`SWEEPS_PER_TIMEOUT` of a timeout late.
const SWEEPS_PER_TIMEOUT: u32 = 4;

/// What one connection reports to the sweeper.
///
/// Only the connection's own task writes it (one request at a time, HTTP/1.1), so updates
/// are plain relaxed loads and stores rather than read-modify-write atomics.
#[derive(Debug, Default)]
pub struct Activity {
    /// Changes whenever a request head arrives or a slow answer is finished.
    progress: AtomicU32,
    /// A request is being answered (e.g. a page read from disk): not waiting for a head.
    answering: AtomicBool,
    /// The server is shutting down: finish the current response, then close.
    closing: AtomicBool,
    /// The connection task's waker, to wake it when `closing` is set.
    waker: Mutex<Option<Waker>>,
}

impl Activity {
    /// A complete request head arrived.
    pub fn head_received(&self) {
        self.bump();
    }

    /// Response bytes went out: a client reading a long answer slowly is still being
    /// served, and the wait for its next head starts from the last of them.
    pub fn wrote(&self) {
        self.bump();
    }

    /// Marks the connection busy until the returned guard is dropped, when the wait for the
    /// next head starts.
    pub fn answering(self: Arc<Self>) -> Answering {
        self.answering.store(true, Relaxed);
        Answering(self)
    }

    /// Whether the connection should close after its current response. `registered` is the
    /// connection's own state: the first call stores the task's waker, which wakes the same
    /// tokio task for its whole life, so later calls only read a flag.
    pub fn closing(&self, cx: &Context<'_>, registered: &mut bool) -> bool {
        if !*registered {
            *lock(&self.waker) = Some(cx.waker().clone());
            *registered = true;
        }
        // Set before the waker is taken (see `close`): either `close` finds the waker stored
        // above, or this load sees the flag.
        self.closing.load(SeqCst)
    }

    fn close(&self) {
        self.closing.store(true, SeqCst);
        if let Some(waker) = lock(&self.waker).take() {
            waker.wake();
        }
    }

    fn bump(&self) {
        self.progress
            .store(self.progress.load(Relaxed).wrapping_add(1), Relaxed);
    }
}

/// Holds a connection busy for the sweeper; see [`Activity::answering`].
#[derive(Debug)]
pub struct Answering(Arc<Activity>);

impl Drop for Answering {
    fn drop(&mut self) {
        self.0.answering.store(false, Relaxed);
        self.0.bump();
    }
}

/// A connection as the sweeper last saw it.
#[derive(Debug)]
struct Watched {
    activity: Arc<Activity>,
    task: AbortHandle,
    /// `progress` at the previous sweep.
    seen: u32,
    /// Sweeps in a row that saw no progress.
    idle_sweeps: u32,
}

/// Every open connection with its [`Activity`]; owned by the accept loop, which calls
/// [`Sweeper::sweep`] every [`Sweeper::period`].
#[derive(Debug)]
pub struct Sweeper {
    period: Duration,
    connections: HashMap<Id, Watched>,
}

impl Sweeper {
    /// A sweeper closing connections that sent no request head for `timeout`.
    pub fn new(timeout: Duration) -> Sweeper {
        Sweeper {
            period: (timeout / SWEEPS_PER_TIMEOUT).max(Duration::from_millis(1)),
            connections: HashMap::new(),
        }
    }

    /// How often [`Sweeper::sweep`] must run.
    pub fn period(&self) -> Duration {
        self.period
    }

    /// Starts watching the connection served by `task`.
    pub fn watch(&mut self, task: AbortHandle, activity: Arc<Activity>) {
        let seen = activity.progress.load(Relaxed);
        let watched = Watched {
            activity,
            task,
            // Unlike any real value, so the first sweep counts as progress: the connection
            // gets full sweep periods from then on, whenever between sweeps it arrived.
            seen: seen.wrapping_sub(1),
            idle_sweeps: 0,
        };
        self.connections.insert(watched.task.id(), watched);
    }

    /// Stops watching a connection whose task has ended.
    pub fn forget(&mut self, task: Id) {
        self.connections.remove(&task);
    }

    /// Asks every connection to close once its current response is out: idle ones close at
    /// once.
    pub fn close_all(&self) {
        for watched in self.connections.values() {
            watched.activity.close();
        }
    }

    /// Closes the connections that have waited for a request head for a whole timeout.
    ///
    /// A sweep that sees progress restarts the count, the wait having begun at most one
    /// period earlier; after `SWEEPS_PER_TIMEOUT` more sweeps without progress the wait has
    /// lasted at least the timeout and less than 1.25 of it.
    pub fn sweep(&mut self) {
        for watched in self.connections.values_mut() {
            let progress = watched.activity.progress.load(Relaxed);
            if progress != watched.seen || watched.activity.answering.load(Relaxed) {
                watched.seen = progress;
                watched.idle_sweeps = 0;
                continue;
            }
            watched.idle_sweeps = watched.idle_sweeps.saturating_add(1);
            if watched.idle_sweeps == SWEEPS_PER_TIMEOUT {
                debug!("closing a connection that sent no request head in time");
                watched.task.abort();
            }
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // Nothing panics while holding it; the Option inside is always whole.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::task::JoinHandle;

    /// A connection task that never ends by itself, watched with `activity`.
    fn watched(sweeper: &mut Sweeper, activity: &Arc<Activity>) -> JoinHandle<()> {
        let task = tokio::spawn(std::future::pending::<()>());
        sweeper.watch(task.abort_handle(), Arc::clone(activity));
        task
    }

    /// Sweeps once (seeing progress) and `SWEEPS_PER_TIMEOUT` times more: only the last
    /// closes the connection.
    async fn closed_after_a_whole_timeout(sweeper: &mut Sweeper, task: JoinHandle<()>) {
        for _ in 0..SWEEPS_PER_TIMEOUT {
            sweeper.sweep();
            tokio::task::yield_now().await;
            assert!(!task.is_finished());
        }
        sweeper.sweep();
        assert!(task.await.is_err_and(|e| e.is_cancelled()));
    }

    #[tokio::test]
    async fn idle_connection_is_closed_after_a_whole_timeout() {
        let mut sweeper = Sweeper::new(Duration::from_secs(4));
        assert_eq!(sweeper.period(), Duration::from_secs(1));
        let activity = Arc::new(Activity::default());
        let task = watched(&mut sweeper, &activity);
        // The first sweep comes anywhere up to a period after the connection: it counts as
        // progress, then four idle sweeps close it.
        closed_after_a_whole_timeout(&mut sweeper, task).await;
    }

    #[tokio::test]
    async fn each_request_head_restarts_the_wait() {
        let mut sweeper = Sweeper::new(Duration::from_secs(4));
        let activity = Arc::new(Activity::default());
        let task = watched(&mut sweeper, &activity);
        for _ in 0..20 {
            sweeper.sweep();
            sweeper.sweep();
            sweeper.sweep();
            activity.head_received();
        }
        tokio::task::yield_now().await;
        assert!(!task.is_finished());
        task.abort();
    }

    #[tokio::test]
    async fn a_connection_answering_is_not_waiting() {
        let mut sweeper = Sweeper::new(Duration::from_secs(4));
        let activity = Arc::new(Activity::default());
        let task = watched(&mut sweeper, &activity);
        activity.head_received();
        let answering = Arc::clone(&activity).answering();
        for _ in 0..20 {
            sweeper.sweep();
        }
        tokio::task::yield_now().await;
        assert!(!task.is_finished());
        // Done answering: the wait for the next head starts now, with a whole timeout.
        drop(answering);
        closed_after_a_whole_timeout(&mut sweeper, task).await;
    }

    /// A task that ends when its connection is asked to close, as `connection::serve` does.
    fn closing_task(activity: &Arc<Activity>) -> JoinHandle<()> {
        let activity = Arc::clone(activity);
        tokio::spawn(async move {
            let mut registered = false;
            std::future::poll_fn(|cx| match activity.closing(cx, &mut registered) {
                true => std::task::Poll::Ready(()),
                false => std::task::Poll::Pending,
            })
            .await;
        })
    }

    #[tokio::test]
    async fn close_all_wakes_every_connection_once_told() {
        let mut sweeper = Sweeper::new(Duration::from_secs(4));
        let waiting = Arc::new(Activity::default());
        let task = closing_task(&waiting);
        sweeper.watch(task.abort_handle(), waiting);
        // Registers its waker and waits.
        tokio::task::yield_now().await;
        assert!(!task.is_finished());
        sweeper.close_all();
        let woken = tokio::time::timeout(Duration::from_secs(5), task).await;
        assert!(woken.is_ok_and(|joined| joined.is_ok()));
        // A connection told before it ever ran sees the flag on its first poll.
        let late = Arc::new(Activity::default());
        late.close();
        let task = closing_task(&late);
        let ended = tokio::time::timeout(Duration::from_secs(5), task).await;
        assert!(ended.is_ok_and(|joined| joined.is_ok()));
    }
}
