//! Split throughput: one seed-like page, and a 200-page edition of such pages joined by
//! form feeds (time should grow linearly with the input); the corpus fixtures' pages in one
//! edition, every kind of page the splitter meets (columns printed row by row, which the
//! reading-order stage reorders, and OCR'd English pages) where the seed flows in order;
//! and one page whose running text is a single run of lines, 2,000 and 20,000 of them (time
//! should grow linearly with the run too: no step may scan the rest of a run for each of
//! its lines).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use pressroom::article::EditionMeta;

const SEED: &str = include_str!("../tests/fixtures/seed_000.txt");

fn meta() -> EditionMeta {
    EditionMeta {
        publication: "bench".into(),
        date: Some("2024-11-09".into()),
        page: Some("01".into()),
    }
}

fn edition(pages: usize) -> String {
    vec![SEED; pages].join("\u{c}")
}

/// A paragraph of the seed's running text, as its column broke it.
const RUNNING: &str =
    "而这股强大的合力，在醴陵的\n观澜云府项目上就得到了体现。\n去年 7月，该项目因开发商资金\n\
                       链断裂，楼盘停工，其460余套住房不\n能交付。次月，股东之一的醴陵德汇置\n\
                       业有限公司增资扩股接手项目，并投\n入近 1亿元助项目复工，当地银行迅\n\
                       速对接，帮其完成开户并按揭准入。";

/// One page of `lines` lines of running text, printed as one block.
fn one_run(lines: usize) -> String {
    let text: Vec<&str> = RUNNING.lines().cycle().take(lines).collect();
    text.join("\n")
}

/// Every page of the corpus fixtures, one after another: Chinese pages printed in flowing
/// columns and row by row, and OCR'd English pages.
fn corpus() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("fixture").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            (name.starts_with("gen_dev_") || name.starts_with("en_")) && name.ends_with(".txt")
        })
        .collect();
    pages.sort();
    let texts: Vec<String> = pages
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("fixture text"))
        .collect();
    texts.join("\u{c}")
}

fn bench_split(c: &mut Criterion) {
    let meta = meta();
    let mut group = c.benchmark_group("split");
    for pages in [1usize, 20, 200] {
        let text = edition(pages);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("pages", pages), &text, |b, text| {
            b.iter(|| pressroom::edition::split(std::hint::black_box(text), &meta));
        });
    }
    let text = corpus();
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_with_input(BenchmarkId::new("corpus", 1), &text, |b, text| {
        b.iter(|| pressroom::edition::split(std::hint::black_box(text), &meta));
    });
    for lines in [2_000usize, 20_000] {
        let text = one_run(lines);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("one_run_lines", lines),
            &text,
            |b, text| {
                b.iter(|| pressroom::edition::split(std::hint::black_box(text), &meta));
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench_split);
criterion_main!(benches);
