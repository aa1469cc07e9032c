//! Feed regeneration after one page changed, with 10 and with 100,000 stored articles: the
//! publish step must cost the same whatever the archive holds (it reads and renders only
//! the feed window, and writes only what changed).
//!
//! The store is generated directly through `Store::apply` (pages of 7 articles, as a real
//! split gives), in a temp dir on the same disk as the daemon would use, durability included
//! (`synchronous=FULL`, fsync before every rename in `feeds/`). Each measured iteration
//! alternates a page between two versions, so the store keeps its size and every publish
//! has 7 updated articles to render and write: what one corrected or new page costs.
//!
//! Run: `cargo bench --bench publish`.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, TimeZone};
use criterion::{criterion_group, criterion_main, Criterion};

use pressroom::article::{article_id, Article, Block, EditionMeta};
use pressroom::edition::Split;
use pressroom::publish::Publisher;
use pressroom::server::{Published, Snapshot};
use pressroom::store::{Changes, FileRecord, Store};

const PER_PAGE: usize = 7;

fn tz() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("a valid offset")
}

fn now() -> DateTime<FixedOffset> {
    tz().with_ymd_and_hms(2025, 1, 1, 12, 0, 0).unwrap()
}

/// Pages per generated edition: many, so the 100,000-article store takes 143 commits.
const PAGES_PER_DAY: usize = 100;

/// Page `n` of the generated archive (one edition a day), `version` 0 or 1.
fn page(n: usize, version: usize) -> (FileRecord, Split) {
    let day = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()
        + chrono::Days::new((n / PAGES_PER_DAY) as u64);
    let edition = EditionMeta {
        publication: "株洲日报".into(),
        date: Some(day.format("%Y-%m-%d").to_string()),
        page: Some(format!("{:02}", n % PAGES_PER_DAY + 1)),
    };
    let articles = (0..PER_PAGE)
        .map(|i| {
            let title = format!("第{n}版第{i}篇 标题");
            Article {
                id: article_id(&edition, edition.page.as_deref(), &title, 0),
                page: edition.page.clone(),
                kicker: None,
                title,
                subtitle: None,
                authors: vec!["记者 张三".into()],
                dateline: Some("株洲日报讯".into()),
                blocks: (0..6)
                    .map(|p| Block::Paragraph {
                        text: format!(
                            "第{p}段（版本{version}）：今年以来，株洲全力贯彻落实党中央、国务院决策，抓好保交楼工作、推进重大项目建设、加速培育新质生产力。"
                        ),
                    })
                    .collect(),
                continued: false,
                continued_from: None,
            }
        })
        .collect();
    let name = format!(
        "{}_{:02}.txt",
        edition.date.as_deref().unwrap(),
        n % PAGES_PER_DAY + 1
    );
    let record = FileRecord {
        hash: format!("{n}-{version}"),
        archived_as: format!("{}/{name}", edition.date.as_deref().unwrap()),
        name,
    };
    (
        record,
        Split {
            edition,
            articles,
            dropped: vec![],
        },
    )
}

/// A store of (about) `articles` articles and a publisher that has published it once.
fn setup(dir: &Path, articles: usize) -> (Store, Publisher) {
    let mut store = Store::open(&dir.join("pressroom.db"), tz()).unwrap();
    // One commit per edition (day): its pages' articles keep their own page numbers.
    let pages: Vec<usize> = (0..articles.div_ceil(PER_PAGE)).collect();
    for day in pages.chunks(PAGES_PER_DAY) {
        let mut edition: Option<(FileRecord, Split)> = None;
        for &n in day {
            let (record, split) = page(n, 0);
            match edition.as_mut() {
                Some((_, all)) => all.articles.extend(split.articles),
                None => {
                    let mut split = split;
                    split.edition.page = None;
                    edition = Some((record, split));
                }
            }
        }
        if let Some((record, split)) = edition {
            store.apply(&record, &split, now()).unwrap();
        }
    }
    let cfg = pressroom::config::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("config.toml"))
        .unwrap();
    let published = Arc::new(Published::new(Snapshot::default()));
    let mut publisher = Publisher::new(cfg.site, &dir.join("feeds"), cfg.feed_items, published);
    publisher.publish(&store, &Changes::default()).unwrap();
    (store, publisher)
}

fn regenerate(c: &mut Criterion) {
    let mut group = c.benchmark_group("publish_after_one_page");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(10));
    for articles in [10usize, 100_000] {
        let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
        let (mut store, mut publisher) = setup(dir.path(), articles);
        assert!(store.count().unwrap() >= articles);
        // The newest page changes, so it is in the window, as a fresh page would be.
        let newest = articles.div_ceil(PER_PAGE) - 1;
        let mut version = 0;
        group.bench_function(format!("{articles}_stored"), |b| {
            // Only the publish is timed; applying the page to the store is the ingest's cost.
            b.iter_custom(|iters| {
                let mut publishing = Duration::ZERO;
                for _ in 0..iters {
                    version = 1 - version;
                    let (mut record, split) = page(newest, version);
                    record.hash = format!("{newest}-{version}-{}", rand_suffix());
                    let changes = store.apply(&record, &split, now()).unwrap();
                    assert_eq!(changes.updated.len(), PER_PAGE);
                    let start = Instant::now();
                    publisher.publish(&store, &changes).unwrap();
                    publishing += start.elapsed();
                }
                publishing
            })
        });
    }
    group.finish();
}

/// A distinct suffix per call, so every applied file has its own hash.
fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

criterion_group!(benches, regenerate);
criterion_main!(benches);
