//! Crash safety, proven by force: the real daemon is SIGKILLed at random moments while files
//! arrive, restarted, killed again, many times over; then one clean run finishes the inbox.
//! Afterwards every file must have ended in `archive/` or `failed/` exactly once, and the
//! store and the served feeds must hold exactly the articles of every accepted file, once.
//!
//! The randomness is a seeded xorshift, so a failure can be replayed: the seed is printed.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use common::{expected_ids, feed_ids, seed, set, wait_for, Home};

/// Marsaglia's xorshift64: tiny, seedable, good enough to pick moments and batch sizes.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// `items` in a random order (Fisher-Yates).
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i as u64 + 1) as usize);
        }
    }
}

/// What a delivered file should become.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Stored,
    /// The same bytes as a stored file under another name: archived, nothing stored.
    Duplicate,
    Refused,
}

/// 100 distinct small pages cut from the seed, each its own edition page, plus refusals and
/// byte-identical copies under other names.
fn deliveries() -> Vec<(String, Vec<u8>, Fate)> {
    let seed = String::from_utf8(seed()).unwrap();
    let lines: Vec<&str> = seed.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut out = Vec::new();
    for i in 0..100usize {
        let name = format!(
            "2024-{:02}-{:02}_{:02}.txt",
            1 + i / 20,
            1 + i % 20,
            1 + i % 4
        );
        let start = (i * 7) % (lines.len() - 24);
        let body = lines[start..start + 24].join("\n");
        let text = format!(
            "第{i}号特稿\n本报讯 这是第{i}号特稿的导语，足够长，不会被当成标题。\n{body}\n"
        );
        out.push((name, text.into_bytes(), Fate::Stored));
    }
    for i in 0..3usize {
        let (_, bytes, _) = out[i * 10].clone();
        out.push((
            format!("2024-12-{:02}_01.txt", i + 1),
            bytes,
            Fate::Duplicate,
        ));
    }
    out.push(("2024-12-10_01.txt".into(), Vec::new(), Fate::Refused));
    out.push((
        "2024-12-11_01.txt".into(),
        vec![0, 1, 2, 3, 0xff, 0],
        Fate::Refused,
    ));
    out.push((
        "2024-12-12_01.txt".into(),
        b"abc \xff\xff def \xff".to_vec(),
        Fate::Refused,
    ));
    for (name, bytes, fate) in &out {
        let refused = common::expected_split(name, bytes).is_none();
        assert_eq!(refused, *fate == Fate::Refused, "precondition for {name}");
    }
    out
}

#[test]
fn sigkill_at_random_moments_loses_and_duplicates_nothing() {
    const KILLS: usize = 40;
    let rng_seed = std::env::var("FAULT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_f00d_u64);
    println!("FAULT_SEED={rng_seed}");
    let mut rng = XorShift(rng_seed);
    // The default 100-item window while killing (a quick start-up publish, so most kills
    // land in ingest), a window holding everything for the final check.
    let home = Home::new();
    let mut files = deliveries();
    let want: BTreeSet<String> = files
        .iter()
        .filter(|(_, _, fate)| *fate == Fate::Stored)
        .flat_map(|(name, bytes, _)| expected_ids(name, bytes))
        .collect();
    // Deliver in a random order. Copies of stored files come last, once their originals are
    // in: which of two identical files is "the original" is otherwise up to the scheduler.
    rng.shuffle(&mut files);
    let (copies, mut queue): (Vec<_>, Vec<_>) = files
        .iter()
        .cloned()
        .partition(|(_, _, fate)| *fate == Fate::Duplicate);
    let started = Instant::now();
    // How many kills found files waiting in the inbox (the daemon may have had one in hand),
    // and how many came after the daemon had taken files in that run (it was working).
    let (mut pending_kills, mut working_kills) = (0, 0);
    for moment in Moment::schedule(KILLS, &mut rng) {
        let daemon = home.start();
        let taken_before = taken(&home);
        // A few files each run, so that the queue lasts the whole loop and the later runs
        // still have work in hand when they die.
        for _ in 0..1 + rng.below(3) {
            if let Some((name, bytes, _)) = queue.pop() {
                home.drop_file(&name, &bytes);
            }
        }
        // The moment is aimed, not hoped for: timing alone decided it once, and a slower
        // machine then saw too few kills land mid-work.
        match moment {
            // The files are found by the next run's start-up scan.
            Moment::StartingUp => {}
            // Files settle for 200 ms before they are taken: this lands while they wait,
            // or while the first is read.
            Moment::FilesWaiting => {
                assert_eq!(daemon.get("/healthz").status, 200);
                std::thread::sleep(Duration::from_millis(rng.below(60)));
            }
            // Wait until this run has taken a file, then let it go on a little: mid-ingest,
            // mid-store or mid-publish. An empty inbox has nothing to wait for.
            Moment::Working => {
                assert_eq!(daemon.get("/healthz").status, 200);
                if !home.list("inbox").is_empty() {
                    wait_for(Duration::from_secs(10), "a file to be taken", || {
                        (taken(&home) > taken_before).then_some(())
                    });
                }
                std::thread::sleep(Duration::from_millis(rng.below(40)));
            }
        }
        pending_kills += usize::from(!home.list("inbox").is_empty());
        working_kills += usize::from(taken(&home) > taken_before);
        daemon.kill();
    }
    println!(
        "{KILLS} SIGKILLs in {:.1} s: {pending_kills} with files in the inbox, {working_kills} after files were taken in that run; {} files still to deliver",
        started.elapsed().as_secs_f64(),
        queue.len()
    );

    let config = std::fs::read_to_string(home.config()).unwrap();
    std::fs::write(home.config(), set(config, "items = 100", "items = 10000")).unwrap();
    let daemon = home.start();
    while let Some((name, bytes, _)) = queue.pop() {
        home.drop_file(&name, &bytes);
    }
    wait_for(Duration::from_secs(60), "the inbox to empty", || {
        home.list("inbox").is_empty().then_some(())
    });
    for (name, bytes, _) in &copies {
        home.drop_file(name, bytes);
    }
    wait_for(Duration::from_secs(20), "the copies to be taken", || {
        home.list("inbox").is_empty().then_some(())
    });
    let deadline = Instant::now() + Duration::from_secs(20);
    while home.store_ids() != want && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let stored = home.store_ids();
    assert!(
        stored == want,
        "the store holds exactly every article: {} stored, {} expected, {} missing (e.g. {:?}), {} extra (e.g. {:?})",
        stored.len(),
        want.len(),
        want.difference(&stored).count(),
        want.difference(&stored).take(3).collect::<Vec<_>>(),
        stored.difference(&want).count(),
        stored.difference(&want).take(3).collect::<Vec<_>>(),
    );
    wait_for(
        Duration::from_secs(20),
        "the feeds to list every article",
        || (feed_ids(&daemon, "/feed.json").len() == want.len()).then_some(()),
    );

    assert_every_file_ended_once(&home, &files);
    for path in ["/feed.xml", "/atom.xml", "/feed.json"] {
        let ids = feed_ids(&daemon, path);
        let unique: BTreeSet<String> = ids.iter().cloned().collect();
        assert_eq!(ids.len(), unique.len(), "{path} lists no article twice");
        assert!(unique == want, "{path} lists exactly the stored articles");
    }
    let served = daemon.get("/feed.json").body;
    wait_for(
        Duration::from_secs(10),
        "feeds/ to mirror what is served",
        || (std::fs::read(home.path("feeds/feed.json")).ok()? == served).then_some(()),
    );
    assert_eq!(daemon.stop(), 0, "a clean stop at the end");
    assert!(
        pending_kills >= KILLS / 4 && working_kills >= KILLS / 4,
        "enough kills landed mid-work: {pending_kills} pending, {working_kills} working"
    );
    let litter: Vec<String> = walk(&home.path("feeds"))
        .into_iter()
        .chain(walk(&home.path("failed")))
        .filter(|p| p.ends_with(".tmp"))
        .collect();
    assert!(
        litter.is_empty(),
        "temp files of killed runs are swept: {litter:?}"
    );
    println!(
        "survived {KILLS} SIGKILLs: {} files, {} articles, {:.1} s in all",
        files.len(),
        want.len(),
        started.elapsed().as_secs_f64()
    );
}

/// When a run is killed.
enum Moment {
    /// Before the first publish and the server are up.
    StartingUp,
    /// With this run's files in the inbox, not yet taken.
    FilesWaiting,
    /// Just after this run took a file in.
    Working,
}

impl Moment {
    /// The moments of `kills` runs in a random order: a fifth of them during start-up, the
    /// rest shared evenly between waiting files and work in hand. The shares are fixed, so
    /// every seed kills mid-work as often.
    fn schedule(kills: usize, rng: &mut XorShift) -> Vec<Moment> {
        let starting = kills / 5;
        let waiting = (kills - starting) / 2;
        let mut moments: Vec<Moment> = (0..kills)
            .map(|k| match k {
                k if k < starting => Moment::StartingUp,
                k if k < starting + waiting => Moment::FilesWaiting,
                _ => Moment::Working,
            })
            .collect();
        rng.shuffle(&mut moments);
        moments
    }
}

/// How many files the daemon has moved out of the inbox so far.
fn taken(home: &Home) -> usize {
    home.archived().len() + home.list("failed").len()
}

/// Every delivered name is in `archive/` (stored or duplicate) or `failed/` (refused),
/// exactly once, and nothing is left in the inbox.
fn assert_every_file_ended_once(home: &Home, files: &[(String, Vec<u8>, Fate)]) {
    let mut archived: BTreeMap<String, usize> = BTreeMap::new();
    for path in home.archived() {
        let name = path.rsplit('/').next().unwrap().to_owned();
        *archived.entry(name).or_default() += 1;
    }
    let failed: BTreeSet<String> = home
        .list("failed")
        .into_iter()
        .filter(|n| !n.ends_with(".error"))
        .collect();
    for (name, bytes, fate) in files {
        let in_archive = archived.get(name).copied().unwrap_or(0);
        match fate {
            Fate::Stored | Fate::Duplicate => {
                assert_eq!(in_archive, 1, "{name} archived exactly once");
                assert!(!failed.contains(name), "{name} not also refused");
                let date = &name[..10];
                let kept = std::fs::read(home.path("archive").join(date).join(name)).unwrap();
                assert_eq!(&kept, bytes, "{name} archived byte for byte");
            }
            Fate::Refused => {
                assert_eq!(in_archive, 0, "{name} not archived");
                assert!(failed.contains(name), "{name} in failed/");
            }
        }
    }
    let names: BTreeSet<&String> = files.iter().map(|(n, _, _)| n).collect();
    assert_eq!(archived.len() + failed.len(), names.len(), "no stray files");
    assert!(home.list("inbox").is_empty());
}

/// Every file under `dir`, recursively, as a path string.
fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path.display().to_string());
        }
    }
    out
}
