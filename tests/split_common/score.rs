//! A port of the corpus scorer (`score_split.py`): matches predicted articles to truth
//! articles by title and compares them field by field, strings without whitespace.

use regex::Regex;
use serde_json::Value;

use pressroom::article::{Article, Block};

/// One field that differs between truth and prediction.
#[derive(Debug, Clone)]
pub struct Miss {
    pub title: String,
    pub field: &'static str,
    pub want: String,
    pub got: String,
}

/// A page's figures.
#[derive(Debug, Default, Clone, Copy)]
pub struct Figures {
    pub truth: usize,
    pub predicted: usize,
    pub found: usize,
    pub bodies_exact: usize,
    pub spacing_defects: usize,
}

impl Figures {
    pub fn add(&mut self, o: Figures) {
        self.truth += o.truth;
        self.predicted += o.predicted;
        self.found += o.found;
        self.bodies_exact += o.bodies_exact;
        self.spacing_defects += o.spacing_defects;
    }

    pub fn title_f1(&self) -> f64 {
        let p = if self.predicted == 0 {
            0.0
        } else {
            self.found as f64 / self.predicted as f64
        };
        let r = if self.truth == 0 {
            0.0
        } else {
            self.found as f64 / self.truth as f64
        };
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn bodies_share(&self) -> f64 {
        if self.truth == 0 {
            1.0
        } else {
            self.bodies_exact as f64 / self.truth as f64
        }
    }
}

pub fn flat(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn flat_opt(v: Option<&str>) -> String {
    v.map(flat).unwrap_or_default()
}

fn body_text(a: &Article) -> String {
    a.blocks
        .iter()
        .filter(|b| !matches!(b, Block::Caption { .. }))
        .map(|b| flat(b.text()))
        .collect()
}

fn strip_dateline(s: &str) -> String {
    let re = Regex::new(r"^(?:.{0,12}?讯（[^）]{0,40}）|.{0,12}?讯|新华社.{0,12}?电|.{0,8}社.{0,12}?电（[^）]{0,40}）|（[^）]{0,30}记者[^）]{0,30}）)").expect("static regex");
    match re.find(s) {
        Some(m) => s[m.end()..].to_owned(),
        None => s.to_owned(),
    }
}

fn head(a: &Article) -> String {
    flat_opt(a.kicker.as_deref()) + &flat(&a.title) + &flat_opt(a.subtitle.as_deref())
}

fn s(v: &Value, k: &str) -> String {
    flat(v.get(k).and_then(Value::as_str).unwrap_or(""))
}

/// Scores `pred` against the truth JSON; returns the figures and the misses.
pub fn score(truth: &Value, pred: &[Article]) -> (Figures, Vec<Miss>) {
    let empty = Vec::new();
    let ta = truth
        .get("articles")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    let mut used = vec![false; pred.len()];
    let mut f = Figures {
        truth: ta.len(),
        predicted: pred.len(),
        ..Figures::default()
    };
    let mut misses = Vec::new();
    for t in ta {
        let tt = s(t, "title");
        let extra = s(t, "kicker").chars().count() + s(t, "subtitle").chars().count() + 4;
        let best = (0..pred.len()).find(|&i| {
            !used[i]
                && (flat(&pred[i].title) == tt
                    || (!tt.is_empty()
                        && head(&pred[i]).contains(&tt)
                        && head(&pred[i]).chars().count() <= tt.chars().count() + extra))
        });
        let Some(i) = best else {
            misses.push(Miss {
                title: tt,
                field: "found",
                want: "an article".into(),
                got: "none".into(),
            });
            continue;
        };
        used[i] = true;
        f.found += 1;
        let p = &pred[i];
        let mut m = compare(t, p);
        if !m
            .iter()
            .any(|x| x.field == "body_start" || x.field == "body_end")
        {
            f.bodies_exact += 1;
        }
        for x in &mut m {
            x.title = tt.clone();
        }
        misses.extend(m);
    }
    f.spacing_defects = pred
        .iter()
        .flat_map(|a| &a.blocks)
        .map(|b| spacing_defects(b.text()))
        .sum();
    (f, misses)
}

fn compare(t: &Value, p: &Article) -> Vec<Miss> {
    let mut m = Vec::new();
    let mut check = |field: &'static str, want: String, got: String| {
        if want != got {
            m.push(Miss {
                title: String::new(),
                field,
                want,
                got,
            });
        }
    };
    let body = strip_dateline(&body_text(p));
    let bs = s(t, "body_start");
    if !bs.is_empty() && !body.starts_with(&bs) {
        check("body_start", bs, body.chars().take(30).collect());
    }
    let be = s(t, "body_end");
    if !be.is_empty() && !body.ends_with(&be) {
        let n = body.chars().count();
        check(
            "body_end",
            be,
            body.chars().skip(n.saturating_sub(30)).collect(),
        );
    }
    if t.get("kicker").is_some() {
        check("kicker", s(t, "kicker"), flat_opt(p.kicker.as_deref()));
    }
    if t.get("subtitle").is_some() {
        check(
            "subtitle",
            s(t, "subtitle"),
            flat_opt(p.subtitle.as_deref()),
        );
    }
    if let Some(a) = t.get("authors").and_then(Value::as_array) {
        let want: Vec<String> = a.iter().filter_map(Value::as_str).map(flat).collect();
        let got: Vec<String> = p.authors.iter().map(|x| flat(x)).collect();
        check("authors", want.join("|"), got.join("|"));
    }
    if let Some(d) = t.get("dateline") {
        let want = flat(d.as_str().unwrap_or(""));
        let got = flat_opt(p.dateline.as_deref());
        // The scorer accepts a dateline left at the start of the body.
        if !(got.is_empty() && body_text(p).starts_with(&want)) {
            check("dateline", want, got);
        }
    }
    if let Some(n) = t.get("paragraphs").and_then(Value::as_u64) {
        let got = p
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Paragraph { .. }))
            .count();
        check("paragraphs", n.to_string(), got.to_string());
    }
    if let Some(h) = t.get("headings").and_then(Value::as_array) {
        let want: Vec<String> = h.iter().filter_map(Value::as_str).map(flat).collect();
        let got: Vec<String> = p
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Heading { .. }))
            .map(|b| {
                flat(b.text())
                    .trim_start_matches('【')
                    .trim_end_matches('】')
                    .to_owned()
            })
            .collect();
        check("headings", want.join("|"), got.join("|"));
    }
    if let Some(c) = t.get("captions").and_then(Value::as_array) {
        let want: Vec<String> = c.iter().filter_map(Value::as_str).map(flat).collect();
        let got: Vec<String> = p
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Caption { .. }))
            .map(|b| flat(b.text()))
            .collect();
        check("captions", want.join("|"), got.join("|"));
    }
    if let Some(c) = t.get("continued").and_then(Value::as_bool) {
        check("continued", c.to_string(), p.continued.to_string());
    }
    m
}

/// CJK, a space, CJK: a layout space left in the text.
fn spacing_defects(text: &str) -> usize {
    let cjk = |c: char| {
        matches!(c as u32, 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x3000..=0x303F | 0xFF00..=0xFFEF)
            || "“”‘’《》（）【】".contains(c)
    };
    let chars: Vec<char> = text.chars().collect();
    let mut n = 0;
    let mut i = 0;
    while i < chars.len() {
        if cjk(chars[i]) {
            let mut j = i + 1;
            while j < chars.len() && (chars[j] == ' ' || chars[j] == '\t') {
                j += 1;
            }
            if j > i + 1 && j < chars.len() && cjk(chars[j]) {
                n += 1;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    n
}
