//! The splitter alone, for profilers: warms it up (the segmenter's dictionary, the regexes),
//! then splits the UTF-8 dump FILE in `measured`, a function callgrind can count by itself,
//! REPS times (default 1) for sampling profilers such as perf.
//!
//! ```text
//! cargo build --release --example split_profile
//! valgrind --tool=callgrind --toggle-collect='split_profile::measured' \
//!     target/release/examples/split_profile PAGES.txt
//! perf record target/release/examples/split_profile PAGES.txt 10
//! ```
//!
//! `split --json` under callgrind counts the one-time set-ups too (loading the dictionary
//! alone is about 450 M instructions), which is why the README once measured by copies
//! minus copies; this counts the split only.

use std::process::ExitCode;
use std::time::Instant;

use pressroom::article::EditionMeta;

/// One split of `text`, kept out of line so that a profiler sees it as a function.
#[inline(never)]
fn measured(text: &str, meta: &EditionMeta) -> usize {
    pressroom::edition::split(text, meta).articles.len()
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(path), reps) = (args.next(), args.next()) else {
        eprintln!("usage: split_profile FILE [REPS]");
        return ExitCode::from(2);
    };
    let Some(reps) = reps.map_or(Some(1), |r| r.parse::<u32>().ok().filter(|&r| r > 0)) else {
        eprintln!("REPS must be a whole number above 0");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("cannot read {path} as UTF-8 text: {e}");
            return ExitCode::from(1);
        }
    };
    let meta = EditionMeta {
        publication: "profile".into(),
        date: None,
        page: None,
    };
    // A Chinese page and an English one reach every one-time set-up the split has; not
    // through `measured`, which callgrind counts.
    for warm in [
        include_str!("../tests/fixtures/seed_000.txt"),
        include_str!("../tests/fixtures/en_ardmoreite_19161212.txt"),
        // Lines the seed lacks, whose tests compile a regex of their own.
        "今日导读\n▶ A5 老旧小区改造进度过半\n\n刘师傅（右）在公交站台接受记者采访。",
    ] {
        pressroom::edition::split(warm, &meta);
    }
    let start = Instant::now();
    let mut articles = 0;
    for _ in 0..reps {
        articles = measured(&text, &meta);
    }
    let each = start.elapsed() / reps;
    let mib_s = text.len() as f64 / each.as_secs_f64() / (1024.0 * 1024.0);
    eprintln!("{articles} articles, {each:?} a split, {mib_s:.1} MiB/s");
    ExitCode::SUCCESS
}
