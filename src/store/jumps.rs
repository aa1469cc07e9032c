//! Jumps: an article that goes on on another page (`（下转第3版）`) is one article in the feeds.
//!
//! The head piece (`continued`) and its rest (`continued_from` its page) may arrive in either
//! order. Whenever either is stored, this looks for its partner on the same edition date:
//! the piece with the same title, or, when titles differ, the only candidate on that page.
//! The rest is then marked `joined_to` the head: the feeds show the head with the rest's
//! blocks appended, and the head's `updated` moves so readers see the change.

use std::collections::HashSet;

use anyhow::Result;
use rusqlite::{params, OptionalExtension, Transaction};

use super::Changes;
use crate::article::{Article, EditionMeta};
use crate::edition::meta::jump_page_key;

/// Links the jump pieces among `articles` (just stored) to their partners.
pub(super) fn link(
    tx: &Transaction<'_>,
    articles: &[&Article],
    now: i64,
    changes: &mut Changes,
) -> Result<()> {
    let mut joined: HashSet<String> = HashSet::new();
    for a in articles {
        if let Some(from) = &a.continued_from {
            if let Some(head) = find_head(tx, &a.id, &jump_page_key(from), &key(&a.title))? {
                join(tx, &head, &a.id, now, changes, &mut joined)?;
            }
        }
        if a.continued {
            for rest in find_rests(tx, &a.id)? {
                join(tx, &a.id, &rest, now, changes, &mut joined)?;
            }
        }
    }
    Ok(())
}

fn join(
    tx: &Transaction<'_>,
    head: &str,
    rest: &str,
    now: i64,
    changes: &mut Changes,
    joined: &mut HashSet<String>,
) -> Result<()> {
    let newly = tx.execute(
        "UPDATE articles SET joined_to = ?1 WHERE id = ?2 AND (joined_to IS NULL OR joined_to != ?1)",
        params![head, rest],
    )?;
    // A rest joined before and stored again with new text changes its head too.
    let rest_changed = changes
        .added
        .iter()
        .chain(&changes.updated)
        .any(|id| id == rest);
    if (newly == 0 && !rest_changed) || !joined.insert(rest.to_owned()) {
        return Ok(());
    }
    tx.execute(
        "UPDATE articles SET updated = MAX(updated + 1, ?2) WHERE id = ?1",
        params![head, now],
    )?;
    // The head's page in feeds/ now shows the rest's text: rewrite it after a crash too.
    super::mark_unmirrored(tx, head)?;
    changes.added.retain(|id| id != rest);
    changes.updated.retain(|id| id != rest);
    if !changes.added.iter().any(|id| id == head) && !changes.updated.iter().any(|id| id == head) {
        changes.updated.push(head.to_owned());
    }
    // The rest is no item of its own any more: its page goes.
    changes.removed.push(rest.to_owned());
    Ok(())
}

/// The head a rest continues: same date, on page `from`, still continued, same title if any
/// has it, else the only candidate.
fn find_head(
    tx: &Transaction<'_>,
    rest_id: &str,
    from: &str,
    title_key: &str,
) -> Result<Option<String>> {
    let date: Option<String> = tx
        .query_row(
            "SELECT edition_date FROM articles WHERE id = ?1",
            [rest_id],
            |r| r.get(0),
        )
        .optional()?;
    let Some(date) = date else { return Ok(None) };
    let mut stmt = tx.prepare_cached(
        "SELECT id, title_key FROM articles WHERE edition_date = ?1 AND page = ?2 AND continued = 1 AND id != ?3",
    )?;
    let candidates: Vec<(String, String)> = stmt
        .query_map(params![date, from, rest_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(pick(candidates, title_key))
}

/// The rest that continues `head_id`: same date, `continued_from` its page, and picking this
/// head back (so two heads on one page never share one rest).
fn find_rests(tx: &Transaction<'_>, head_id: &str) -> Result<Vec<String>> {
    let row: Option<(String, String, String)> = tx
        .query_row(
            "SELECT edition_date, page, title_key FROM articles WHERE id = ?1",
            [head_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((date, page, title_key)) = row else {
        return Ok(vec![]);
    };
    let mut stmt = tx.prepare_cached(
        "SELECT id, title_key FROM articles WHERE edition_date = ?1 AND continued_from = ?2 AND id != ?3",
    )?;
    let candidates: Vec<(String, String)> = stmt
        .query_map(params![date, page, head_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let rest_key = |id: &str| {
        candidates
            .iter()
            .find(|(c, _)| c == id)
            .map(|(_, k)| k.clone())
    };
    let Some(rest) = pick(candidates.clone(), &title_key) else {
        return Ok(vec![]);
    };
    let back = find_head(tx, &rest, &page, &rest_key(&rest).unwrap_or_default())?;
    Ok(if back.as_deref() == Some(head_id) {
        vec![rest]
    } else {
        vec![]
    })
}

/// The candidate with the same (non-empty) title, else the only candidate.
fn pick(candidates: Vec<(String, String)>, title_key: &str) -> Option<String> {
    if !title_key.is_empty() {
        if let Some((id, _)) = candidates.iter().find(|(_, k)| k == title_key) {
            return Some(id.clone());
        }
    }
    match candidates.as_slice() {
        [(id, _)] => Some(id.clone()),
        _ => None,
    }
}

/// A title without whitespace: the same headline however it was wrapped.
pub(super) fn key(title: &str) -> String {
    title.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The page an article sits on, normalised.
pub(super) fn page_of(article: &Article, edition: &EditionMeta) -> String {
    article
        .page
        .as_deref()
        .or(edition.page.as_deref())
        .map(jump_page_key)
        .unwrap_or_default()
}
