//! Split throughput: one seed-like page, and a 200-page edition of such pages joined by
//! form feeds (time should grow linearly with the input).

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
    group.finish();
}

criterion_group!(benches, bench_split);
criterion_main!(benches);
