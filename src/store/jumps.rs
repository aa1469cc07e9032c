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

/// Links the jump pieces among `articles` (just stored) to their partners.
pub(super) fn link(
    tx: &Transaction<'_>,
    articles: &[Article],
    now: i64,
    changes: &mut Changes,
) -> Result<()> {
    let mut joined: HashSet<String> = HashSet::new();
    for a in articles {
        if let Some(from) = &a.continued_from {
            if let Some(head) = find_head(tx, &a.id, &norm_page(from), &key(&a.title))? {
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

/// Pages compare as numbers, however a jump line names them: `3`, `03`, `３`, `三`,
/// `Three` and `Third` are one page. Other names (`A3`) compare as printed.
pub(super) fn norm_page(page: &str) -> String {
    let page = page.trim();
    page_number(page).map_or_else(|| page.to_owned(), |n| format!("{n:02}"))
}

/// The number a page name spells: in digits (ASCII or full-width), in Chinese numerals up
/// to 99 (`十二`, `二十`), or in English words, cardinal or ordinal, up to twenty.
fn page_number(name: &str) -> Option<u32> {
    let digits: String = name
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    if let Ok(n) = digits.parse::<u32>() {
        return Some(n);
    }
    chinese_number(name).or_else(|| english_number(name))
}

/// `三` → 3, `十二` → 12, `二十` → 20, `二十三` → 23.
fn chinese_number(name: &str) -> Option<u32> {
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|k| k as u32 + 1)
    };
    let chars: Vec<char> = name.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => digit(*d),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', u] => Some(10 * digit(*t)? + digit(*u)?),
        _ => None,
    }
}

/// `Two` → 2, `EIGHTH` → 8: the page numbers an English paper spells out.
fn english_number(name: &str) -> Option<u32> {
    const CARDINALS: [&str; 20] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    const ORDINALS: [&str; 20] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    let name = name.to_ascii_lowercase();
    [CARDINALS, ORDINALS]
        .iter()
        .find_map(|words| words.iter().position(|w| *w == name))
        .map(|k| k as u32 + 1)
}

/// The page an article sits on, normalised.
pub(super) fn page_of(article: &Article, edition: &EditionMeta) -> String {
    article
        .page
        .as_deref()
        .or(edition.page.as_deref())
        .map(norm_page)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_one_however_a_jump_line_names_it() {
        for name in ["3", "03", " 003", "３", "三", "Three", "THIRD"] {
            assert_eq!(norm_page(name), "03", "{name}");
        }
        assert_eq!(norm_page("十"), "10");
        assert_eq!(norm_page("十二"), "12");
        assert_eq!(norm_page("二十"), "20");
        assert_eq!(norm_page("二十三"), "23");
        assert_eq!(norm_page("Eighth"), "08");
        assert_eq!(norm_page("A3"), "A3");
        assert_eq!(norm_page("十十"), "十十");
    }
}
