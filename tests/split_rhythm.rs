//! Blank-line rhythm: pdftotext puts blank lines between text blocks for some PDFs and
//! not for others, so the split of a page must not hinge on them. The seed page is split
//! again with its blank lines removed, with a blank line between every two lines, and with
//! every blank run widened to two blank lines; each variant is compared with the seed's
//! truth the way the golden test does.

mod split_common;

use pressroom::edition::split;
use serde_json::Value;
use split_common::fixtures_dir;
use split_common::score::score;

/// The seed page and its truth.
fn seed() -> (String, Value) {
    let dir = fixtures_dir();
    let text = std::fs::read_to_string(dir.join("seed_000.txt")).unwrap_or_default();
    let truth = std::fs::read_to_string(dir.join("seed_000.expected.json"))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(Value::Null);
    assert!(!text.is_empty() && !truth.is_null(), "seed fixture missing");
    (text, truth)
}

/// The page's non-blank lines, each followed by `blanks` blank lines.
fn with_rhythm(text: &str, blanks: usize) -> String {
    let sep = "\n".repeat(blanks + 1);
    text.split('\n')
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join(&sep)
}

/// The page with every run of blank lines widened to exactly two.
fn with_double_blanks(text: &str) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in text.split('\n') {
        if line.trim().is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank = false;
    }
    out
}

/// Splits `text` and lists every field that differs from `truth`.
fn misses(text: &str, truth: &Value) -> Vec<String> {
    let meta = pressroom::edition::from_file_name("seed_000.txt", "test");
    let (_, misses) = score(truth, &split(text, &meta).articles);
    misses
        .iter()
        .map(|m| {
            format!(
                "[{}] {}\n    want: {}\n    got:  {}",
                m.title, m.field, m.want, m.got
            )
        })
        .collect()
}

#[test]
fn seed_without_blank_lines_splits_like_the_seed() {
    let (text, truth) = seed();
    let variant = with_rhythm(&text, 0);
    assert!(!variant.contains("\n\n"));
    let m = misses(&variant, &truth);
    assert!(m.is_empty(), "\n{}", m.join("\n"));
}

#[test]
fn seed_with_a_blank_between_every_line_splits_like_the_seed() {
    let (text, truth) = seed();
    let m = misses(&with_rhythm(&text, 1), &truth);
    assert!(m.is_empty(), "\n{}", m.join("\n"));
}

#[test]
fn seed_with_two_blank_lines_between_blocks_splits_like_the_seed() {
    let (text, truth) = seed();
    let variant = with_double_blanks(&text);
    assert!(variant.contains("\n\n\n"));
    let m = misses(&variant, &truth);
    assert!(m.is_empty(), "\n{}", m.join("\n"));
}
