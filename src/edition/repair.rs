//! Repairs for dumps whose text order is not reading order: a headline printed after its
//! body goes back to it, and a box label printed after its items moves up before them.
//!
//! Both work on finished pieces of one page and only move text, never drop it.

use super::classify::is_box_label;
use super::segment::Piece;
use crate::article::Block;

/// A box label (`【观摩项目简介】`) printed after the numbered items it labels moves up to
/// stand before them, where a reader sees it.
pub fn move_box_label(blocks: &mut Vec<Block>) {
    let Some(Block::Heading { text }) = blocks.last() else {
        return;
    };
    if !is_box_label(text) {
        return;
    }
    let mut first = None;
    for (k, b) in blocks.iter().enumerate().rev().skip(1) {
        match b {
            Block::Heading { .. } if is_item(b) => first = Some(k),
            Block::Heading { .. } => break,
            _ => {}
        }
    }
    if let Some(k) = first {
        if let Some(label) = blocks.pop() {
            blocks.insert(k, label);
        }
    }
}

/// A numbered item's heading (`1.春华锂业…`) in a box.
fn is_item(b: &Block) -> bool {
    matches!(b, Block::Heading { text } if text.starts_with(|c: char| c.is_ascii_digit()))
}

/// Box labels that label no numbered items (`【相关链接】`, `【延伸阅读】`) are page
/// decoration, not a subhead of the text around them: they go to `dropped`. A label that
/// heads a box of items (placed before them by [`move_box_label`]) stays.
pub fn drop_bare_labels(blocks: &mut Vec<Block>, dropped: &mut Vec<String>) {
    let heads_items = |k: usize| blocks.get(k + 1).is_some_and(is_item);
    let bare: Vec<usize> = (0..blocks.len())
        .filter(|&k| matches!(&blocks[k], Block::Heading { text } if is_box_label(text)))
        .filter(|&k| !heads_items(k))
        .collect();
    for k in bare.into_iter().rev() {
        dropped.push(blocks.remove(k).text().to_owned());
    }
}

/// Gives each headline without a body to the nearest untitled text on the page (before it
/// first), for headline blocks the PDF emitted after their article.
pub fn attach_orphan_heads(pieces: &mut Vec<Piece>, dropped: &mut Vec<String>) {
    let mut k = 0;
    while k < pieces.len() {
        let orphan = pieces[k].head.is_some() && pieces[k].blocks.is_empty();
        let untitled = |p: &Piece| p.head.is_none() && !p.blocks.is_empty();
        let target = if orphan {
            (0..k)
                .rev()
                .find(|&j| untitled(&pieces[j]))
                .or_else(|| (k + 1..pieces.len()).find(|&j| untitled(&pieces[j])))
        } else {
            None
        };
        let Some(t) = target else {
            k += 1;
            continue;
        };
        let head = pieces.remove(k);
        let t = if t > k { t - 1 } else { t };
        let p = &mut pieces[t];
        p.head = head.head;
        // The headline's byline names come first, as a reader sees them.
        let body_authors = std::mem::replace(&mut p.authors, head.authors);
        p.head_authors = p.authors.len();
        p.authors.extend(body_authors);
        match (&p.dateline, head.dateline) {
            (None, d) => p.dateline = d,
            (Some(_), Some(d)) => dropped.push(d),
            (Some(_), None) => {}
        }
        p.continued_from = p.continued_from.take().or(head.continued_from);
        p.continued |= head.continued;
    }
}
