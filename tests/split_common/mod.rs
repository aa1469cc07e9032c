//! Helpers shared by the splitter's integration tests: fixtures and the character
//! accounting behind "nothing lost, nothing invented".

#![allow(dead_code)]

pub mod score;

use std::collections::BTreeMap;
use std::path::PathBuf;

use pressroom::article::{Block, EditionMeta};
use pressroom::edition::Split;

/// `tests/fixtures`.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Every fixture page: (name, decoded text).
pub fn fixture_pages() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(fixtures_dir()).expect("tests/fixtures is readable");
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let text = pressroom::edition::decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        out.push((name, text));
    }
    out.sort();
    out
}

pub fn meta() -> EditionMeta {
    EditionMeta {
        publication: "test".into(),
        date: Some("2024-11-09".into()),
        page: Some("01".into()),
    }
}

/// Non-space characters with their counts.
pub fn census(parts: impl IntoIterator<Item = String>) -> BTreeMap<char, i64> {
    let mut m = BTreeMap::new();
    for p in parts {
        for c in p.chars().filter(|c| !c.is_whitespace()) {
            *m.entry(c).or_insert(0) += 1;
        }
    }
    m
}

/// Every string of a split a reader (or `dropped`) gets.
pub fn output_strings(split: &Split) -> Vec<String> {
    let mut out = split.dropped.clone();
    for a in &split.articles {
        out.extend(a.kicker.clone());
        out.push(a.title.clone());
        out.extend(a.subtitle.clone());
        out.extend(a.authors.clone());
        out.extend(a.dateline.clone());
        for b in &a.blocks {
            out.push(b.text().to_owned());
            if let Block::Caption {
                credit: Some(c), ..
            } = b
            {
                out.push(c.clone());
            }
        }
    }
    out
}

/// Differences between input and output characters, allowing the documented
/// normalisations: whitespace is ignored, and line-end hyphens may disappear.
pub fn accounting_errors(input: &str, split: &Split) -> Vec<String> {
    let inp = census([input.to_owned()]);
    let out = census(output_strings(split));
    let mut errs = Vec::new();
    for (c, n) in &inp {
        let m = out.get(c).copied().unwrap_or(0);
        let ok = m == *n || (*c == '-' && m <= *n);
        if !ok {
            errs.push(format!("{c:?}: input {n}, output {m}"));
        }
    }
    for (c, m) in &out {
        if !inp.contains_key(c) {
            errs.push(format!("{c:?}: invented ({m})"));
        }
    }
    errs
}
