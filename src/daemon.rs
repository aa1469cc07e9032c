//! Wiring: opens the store, publishes, starts the inbox worker, the file watcher and the
//! HTTP server, and runs them until SIGTERM/SIGINT; SIGHUP reloads the config.
//! Also speaks the systemd notify protocol (READY, STOPPING, WATCHDOG).
//!
//! This is the only module that knows every other one; it holds no logic of its own.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{channel, Sender};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use tokio::net::TcpListener;
use tokio::signal::unix::{signal, SignalKind};

use crate::config::{self, Config};
use crate::publish::Publisher;
use crate::server::{self, Published, ServerOptions, Snapshot};
use crate::store::{Changes, Store};
use crate::worker::{Hint, Worker};

/// How long in-flight requests get to finish after a stop signal.
const GRACE: Duration = Duration::from_secs(5);

/// Opens the store and publishes the current window: what every command that writes needs.
///
/// # Errors
/// The folders cannot be created, the store cannot be opened, or publishing fails.
pub fn open(cfg: &Config) -> Result<(Store, Publisher, Arc<Published>)> {
    cfg.paths.create_missing()?;
    // A killed run can leave half-written temp files; the files they were replacing are whole.
    let swept: usize = [&cfg.paths.feeds, &cfg.paths.failed]
        .into_iter()
        .map(|dir| crate::inbox::sweep_stale_temps(dir))
        .sum();
    if swept > 0 {
        tracing::info!(swept, "removed temp files left by an interrupted run");
    }
    let store = Store::open(&cfg.paths.database, cfg.timezone)?;
    let published = Arc::new(Published::new(Snapshot::default()));
    let mut publisher = Publisher::new(
        cfg.site.clone(),
        &cfg.paths.feeds,
        cfg.feed_items,
        Arc::clone(&published),
    );
    // Pages a crash kept from reaching feeds/ (committed, not yet mirrored) are written now.
    let pending = Changes {
        updated: store.unmirrored()?,
        ..Changes::default()
    };
    publisher
        .publish(&store, &pending)
        .context("cannot publish the stored articles")?;
    Ok((store, publisher, published))
}

/// Runs the daemon on a bound listener until SIGTERM or SIGINT (then exits cleanly).
///
/// # Errors
/// Start-up failures only (store, folders, watcher); a bad file never stops the daemon.
pub async fn serve(cfg: Config, listener: TcpListener) -> Result<()> {
    // Signals first: a SIGTERM while the store opens must still mean "stop cleanly", not the
    // default action (an abrupt exit that systemd would count as a failure).
    let signals = Signals::install().context("cannot install signal handlers")?;
    // One line on stdout says where to point a reader (and lets tests find an :0 port); it
    // comes after the signal handlers, so whoever reads it may already signal the daemon.
    println!("pressroom listening on http://{}/", listener.local_addr()?);
    let (store, publisher, published) = open(&cfg)?;
    let stop = Arc::new(AtomicBool::new(false));
    let (hints, hint_rx) = channel();
    let worker = Worker::new(cfg.clone(), store, publisher, Arc::clone(&stop));
    let heartbeat = worker.heartbeat();
    let worker = std::thread::Builder::new()
        .name("inbox".into())
        .spawn(move || worker.run(hint_rx))?;
    let _watcher = watch(&cfg.paths.inbox, hints.clone())?;

    let (stop_server, server_stopped) = tokio::sync::oneshot::channel::<()>();
    let options = server_options(&cfg);
    let addr = listener.local_addr()?;
    let server = tokio::spawn(server::run(
        listener,
        Arc::clone(&published),
        options,
        async {
            let _ = server_stopped.await;
        },
    ));
    tracing::info!(%addr, inbox = %cfg.paths.inbox.display(), "pressroom is serving");
    notify_systemd(&[sd_notify::NotifyState::Ready]);
    let watchdog = spawn_watchdog(heartbeat);

    wait_for_stop(signals, &cfg.source, &hints).await;
    notify_systemd(&[sd_notify::NotifyState::Stopping]);
    stop.store(true, Ordering::SeqCst);
    let _ = hints.send(Hint::Wake);
    let _ = stop_server.send(());
    if let Some(w) = watchdog {
        w.abort();
    }
    let joined = tokio::task::spawn_blocking(move || worker.join());
    if tokio::time::timeout(GRACE * 6, joined).await.is_err() {
        tracing::warn!("inbox worker did not stop in time");
    }
    match tokio::time::timeout(GRACE, server).await {
        Ok(Ok(Err(e))) => tracing::warn!("server stopped with an error: {e:#}"),
        Err(_) => tracing::warn!("server connections did not close in time"),
        _ => {}
    }
    tracing::info!("pressroom stopped");
    Ok(())
}

fn server_options(cfg: &Config) -> ServerOptions {
    ServerOptions {
        header_read_timeout: Duration::from_secs(cfg.server.header_read_timeout_secs),
        cache_max_age: cfg.server.cache_max_age,
        fallback_dir: Some(cfg.paths.feeds.clone()),
        ..ServerOptions::default()
    }
}

/// The signals the daemon answers, registered before anything else starts.
struct Signals {
    term: tokio::signal::unix::Signal,
    int: tokio::signal::unix::Signal,
    hup: tokio::signal::unix::Signal,
}

impl Signals {
    fn install() -> std::io::Result<Signals> {
        Ok(Signals {
            term: signal(SignalKind::terminate())?,
            int: signal(SignalKind::interrupt())?,
            hup: signal(SignalKind::hangup())?,
        })
    }
}

/// Waits for SIGTERM or SIGINT; on SIGHUP re-reads the config file and hands a valid one to
/// the worker (an invalid one is logged and the old one kept).
async fn wait_for_stop(signals: Signals, config_path: &Path, hints: &Sender<Hint>) {
    let Signals {
        mut term,
        mut int,
        mut hup,
    } = signals;
    loop {
        tokio::select! {
            _ = term.recv() => { tracing::info!("SIGTERM: finishing the file in hand, then stopping"); return; }
            _ = int.recv() => { tracing::info!("SIGINT: finishing the file in hand, then stopping"); return; }
            _ = hup.recv() => {
                if let Ok(stamp) = sd_notify::NotifyState::monotonic_usec_now() {
                    notify_systemd(&[sd_notify::NotifyState::Reloading, stamp]);
                }
                match config::load(config_path) {
                    Ok(cfg) => { let _ = hints.send(Hint::Reload(Box::new(cfg))); }
                    Err(e) => tracing::error!("SIGHUP: keeping the running config: {e}"),
                }
                notify_systemd(&[sd_notify::NotifyState::Ready]);
            }
        }
    }
}

/// Watches the inbox (not recursively) and turns events into hints for the worker.
fn watch(inbox: &Path, hints: Sender<Hint>) -> Result<RecommendedWatcher> {
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let hint = match event {
            Ok(event) => to_hint(event),
            Err(e) => {
                tracing::warn!("file watcher error (rescanning): {e}");
                Some(Hint::Wake)
            }
        };
        if let Some(hint) = hint {
            let _ = hints.send(hint);
        }
    })
    .context("cannot start the file watcher")?;
    watcher
        .watch(inbox, RecursiveMode::NonRecursive)
        .with_context(|| format!("cannot watch {}", inbox.display()))?;
    Ok(watcher)
}

/// What an inbox event means for the worker; `None` for events that cannot make a file
/// ready. Reads must be ignored: the worker's own scan opens the folder, and waking on that
/// would rescan in a loop.
fn to_hint(event: notify::Event) -> Option<Hint> {
    let changed = |paths, renamed_in| Some(Hint::Changed { paths, renamed_in });
    match event.kind {
        EventKind::Modify(ModifyKind::Name(RenameMode::To)) => changed(event.paths, true),
        // A rename within the watched folder reports both names; the second is where it landed.
        EventKind::Modify(ModifyKind::Name(RenameMode::Both)) => {
            changed(event.paths.into_iter().skip(1).collect(), true)
        }
        EventKind::Modify(ModifyKind::Data(_)) => Some(Hint::Modified(event.paths)),
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => changed(event.paths, false),
        EventKind::Access(_) => None,
        _ => changed(event.paths, false),
    }
}

fn notify_systemd(states: &[sd_notify::NotifyState<'_>]) {
    // Outside systemd NOTIFY_SOCKET is unset and this does nothing.
    if let Err(e) = sd_notify::notify(false, states) {
        tracing::debug!("systemd notification failed: {e}");
    }
}

/// Pings the systemd watchdog at half its interval while the worker's heartbeat is fresh, so a
/// wedged worker (not just a live process) gets the service restarted.
fn spawn_watchdog(heartbeat: Arc<AtomicU64>) -> Option<tokio::task::JoinHandle<()>> {
    let mut usec = 0;
    if !sd_notify::watchdog_enabled(false, &mut usec) || usec == 0 {
        return None;
    }
    let interval = Duration::from_micros(usec) / 2;
    Some(tokio::spawn(async move {
        let mut tick = tokio::time::interval(interval);
        loop {
            tick.tick().await;
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            let age = now.saturating_sub(heartbeat.load(Ordering::Relaxed));
            if Duration::from_secs(age) < Duration::from_micros(usec) {
                notify_systemd(&[sd_notify::NotifyState::Watchdog]);
            } else {
                tracing::error!(
                    age_secs = age,
                    "inbox worker is not responding; not feeding the watchdog"
                );
            }
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, AccessMode, CreateKind, Event};

    fn event(kind: EventKind) -> Event {
        Event::new(kind).add_path("/inbox/a.txt".into())
    }

    #[test]
    fn reads_of_the_inbox_wake_nobody_but_writes_and_renames_do() {
        let ignored = [
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            EventKind::Access(AccessKind::Read),
        ];
        for kind in ignored {
            assert!(to_hint(event(kind)).is_none(), "{kind:?}");
        }
        let renamed = to_hint(event(EventKind::Modify(ModifyKind::Name(RenameMode::To))));
        assert!(matches!(
            renamed,
            Some(Hint::Changed {
                renamed_in: true,
                ..
            })
        ));
        let created = to_hint(event(EventKind::Create(CreateKind::File)));
        assert!(matches!(
            created,
            Some(Hint::Changed {
                renamed_in: false,
                ..
            })
        ));
        let closed = to_hint(event(EventKind::Access(AccessKind::Close(
            AccessMode::Write,
        ))));
        assert!(matches!(closed, Some(Hint::Changed { .. })));
    }
}
