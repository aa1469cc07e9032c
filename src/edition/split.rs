//! Interim splitter: blank-line-free blocks under a heading line. Replaced by the real one.

use super::Split;
use crate::article::{article_id, Article, Block, EditionMeta};

pub fn split(text: &str, meta: &EditionMeta) -> Split {
    let mut articles = Vec::new();
    let mut cur: Option<Article> = None;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if line.chars().count() <= 20 && !line.ends_with('。') {
            if let Some(a) = cur.take() {
                articles.push(a);
            }
            cur = Some(Article {
                id: article_id(meta, meta.page.as_deref(), line, 0),
                page: meta.page.clone(),
                kicker: None,
                title: line.to_owned(),
                subtitle: None,
                authors: vec![],
                dateline: None,
                blocks: vec![],
                continued: false,
                continued_from: None,
            });
        } else if let Some(a) = cur.as_mut() {
            a.blocks.push(Block::Paragraph {
                text: line.to_owned(),
            });
        }
    }
    articles.extend(cur);
    Split {
        edition: meta.clone(),
        articles,
        dropped: vec![],
    }
}
