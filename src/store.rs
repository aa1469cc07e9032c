//! SQLite persistence: which files were ingested, and every article with its timestamps.
//!
//! One file's articles are applied in one transaction ([`Store::apply`]), so a crash leaves
//! either all of a file or none of it. The database runs in WAL mode with `synchronous=FULL`:
//! a committed file survives power loss, which is what lets the inbox delete its copy.
//! Reading the feed window is an index range scan, so it costs the same whatever the archive holds.

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::Path;

use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use crate::article::{hex, Article, Block, EditionMeta};
use crate::edition::meta::jump_page_key;
use crate::edition::Split;
use crate::render::Entry;

mod jumps;

const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS files (
    hash TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    edition_date TEXT NOT NULL,
    archived_as TEXT NOT NULL,
    ingested_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS files_by_name ON files(name);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    page_key TEXT NOT NULL,
    published INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    article TEXT NOT NULL,
    edition TEXT NOT NULL,
    -- jump lines: the edition date and page this piece sits on, whether it goes on elsewhere,
    -- the page it came from, its title without spaces, and the head piece it was joined to
    edition_date TEXT NOT NULL,
    page TEXT NOT NULL,
    continued INTEGER NOT NULL,
    continued_from TEXT,
    title_key TEXT NOT NULL,
    joined_to TEXT
);
CREATE INDEX IF NOT EXISTS articles_by_page ON articles(page_key);
CREATE INDEX IF NOT EXISTS articles_latest ON articles(published DESC, id) WHERE joined_to IS NULL;
CREATE INDEX IF NOT EXISTS articles_jumps ON articles(edition_date, page);
CREATE INDEX IF NOT EXISTS articles_joined ON articles(joined_to) WHERE joined_to IS NOT NULL;
-- articles whose page is not yet written to feeds/: marked in the ingest transaction, cleared
-- by the publisher once written, so a crash in between is repaired at the next start
CREATE TABLE IF NOT EXISTS unmirrored (id TEXT PRIMARY KEY);
";

/// The article store.
pub struct Store {
    conn: Connection,
    tz: FixedOffset,
}

/// The file an ingested split came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRecord {
    /// Hex SHA-256 of the raw bytes: the same bytes are recognised whatever the name.
    pub hash: String,
    pub name: String,
    /// Where the original now lives, relative to the archive folder.
    pub archived_as: String,
}

/// What applying one file changed, by article id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub added: Vec<String>,
    pub updated: Vec<String>,
    pub removed: Vec<String>,
    pub unchanged: usize,
    /// The id each of the file's articles is stored under, in the split's order: the
    /// split's own, but where another unpaged file's article holds it (see
    /// [`Store::apply`]).
    pub stored: Vec<String>,
}

impl Changes {
    /// True when the feeds must be regenerated.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.updated.is_empty() && self.removed.is_empty()
    }
}

impl Store {
    /// Opens (creating and migrating) the database at `path`; timestamps read back in `tz`.
    ///
    /// # Errors
    /// The file cannot be opened, is not a pressroom database, or is from a newer version.
    pub fn open(path: &Path, tz: FixedOffset) -> Result<Store> {
        let conn = Connection::open(path)
            .with_context(|| format!("cannot open database {}", path.display()))?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            anyhow::bail!(
                "database {} has schema {version}, newer than this pressroom ({SCHEMA_VERSION})",
                path.display()
            );
        }
        conn.execute_batch(SCHEMA)
            .with_context(|| format!("cannot create schema in {}", path.display()))?;
        conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        Ok(Store { conn, tz })
    }

    /// True when a file with these exact bytes was ingested before.
    pub fn has_file(&self, hash: &str) -> Result<bool> {
        let found: Option<i64> = self
            .conn
            .query_row("SELECT 1 FROM files WHERE hash = ?1", [hash], |r| r.get(0))
            .optional()?;
        Ok(found.is_some())
    }

    /// The edition date given to the first file of this name, so an undated page that is
    /// dropped again (or corrected) days later keeps its date and so its article ids.
    pub fn date_of_name(&self, name: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT edition_date FROM files WHERE name = ?1 ORDER BY ingested_at, rowid LIMIT 1",
                [name],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Stores a file's split in one transaction: new articles are added, changed ones updated
    /// (`updated` = `now`), and articles of the same pages that the new split no longer has are
    /// removed (a corrected page replaces the old one). An article of a page known only by
    /// its file's name whose id another such file's article holds is stored under that id
    /// with a suffix of its file's (`with_own_id`), so that neither overwrites the other.
    ///
    /// # Errors
    /// Any database error; nothing of the file is stored then.
    pub fn apply(
        &mut self,
        file: &FileRecord,
        split: &Split,
        now: DateTime<FixedOffset>,
    ) -> Result<Changes> {
        let edition_date = split.edition.date.clone().unwrap_or_default();
        let tx = self.conn.transaction()?;
        let mut changes = Changes::default();
        let keyed: Vec<(String, Cow<'_, Article>)> = split
            .articles
            .iter()
            .map(|article| {
                let key = page_key(&split.edition, article, &file.name);
                let article = with_own_id(&tx, article, &split.edition, &key)?;
                Ok((key, article))
            })
            .collect::<Result<_>>()?;
        let mut seen: HashSet<&str> = HashSet::new();
        let mut page_keys: Vec<&str> = Vec::new();
        for (seq, (key, article)) in keyed.iter().enumerate() {
            if !seen.insert(article.id.as_str()) {
                continue; // the splitter promises unique ids; never store one twice
            }
            changes.stored.push(article.id.clone());
            if !page_keys.contains(&key.as_str()) {
                page_keys.push(key);
            }
            let published = publish_time(&split.edition, article, seq, self.tz).timestamp();
            upsert(
                &tx,
                article,
                &split.edition,
                key,
                published,
                now.timestamp(),
                &mut changes,
            )?;
        }
        for key in page_keys {
            remove_missing(&tx, key, &seen, now.timestamp(), &mut changes)?;
        }
        let articles: Vec<&Article> = keyed.iter().map(|(_, a)| a.as_ref()).collect();
        jumps::link(&tx, &articles, now.timestamp(), &mut changes)?;
        tx.execute(
            "INSERT OR IGNORE INTO files (hash, name, edition_date, archived_as, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![file.hash, file.name, edition_date, file.archived_as, now.timestamp()],
        )?;
        tx.commit()?;
        Ok(changes)
    }

    /// The latest `n` articles, newest edition first, then in page and reading order.
    pub fn latest(&self, n: usize) -> Result<Vec<Entry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT article, edition, published, updated FROM articles WHERE joined_to IS NULL
             ORDER BY published DESC, id LIMIT ?1",
        )?;
        let rows = stmt.query_map([n as i64], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?;
        rows.map(|row| {
            let (article, edition, published, updated) = row?;
            self.to_entry(&article, &edition, published, updated)
        })
        .collect()
    }

    /// One article by id.
    pub fn article(&self, id: &str) -> Result<Option<Entry>> {
        let row = self
            .conn
            .query_row(
                "SELECT article, edition, published, updated FROM articles WHERE id = ?1 AND joined_to IS NULL",
                [id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, i64>(3)?,
                    ))
                },
            )
            .optional()?;
        row.map(|(a, e, p, u)| self.to_entry(&a, &e, p, u))
            .transpose()
    }

    /// Articles whose page is not yet written to `feeds/` (left by a crash between the
    /// store commit and the publish).
    pub fn unmirrored(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("SELECT id FROM unmirrored ORDER BY id")?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// Records that the pages of `ids` are in `feeds/` now.
    pub fn mark_mirrored(&self, ids: &[String]) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        // One transaction (one sync) for the batch; `&self` because the publisher only reads.
        let tx = self.conn.unchecked_transaction()?;
        {
            let mut stmt = tx.prepare_cached("DELETE FROM unmirrored WHERE id = ?1")?;
            for id in ids {
                stmt.execute([id])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// How many articles are stored.
    pub fn count(&self) -> Result<usize> {
        let n: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Every stored article id.
    pub fn ids(&self) -> Result<HashSet<String>> {
        let mut stmt = self.conn.prepare("SELECT id FROM articles")?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// Removes the given articles (a rebuild's sweep of what no archived file yields any more).
    pub fn remove(&mut self, ids: &[String]) -> Result<()> {
        let tx = self.conn.transaction()?;
        let now = chrono::Utc::now().timestamp();
        for id in ids {
            delete_article(&tx, id, now)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Forgets which files were ingested, so a rebuild re-splits every archived file.
    pub fn forget_files(&mut self) -> Result<()> {
        self.conn.execute("DELETE FROM files", [])?;
        Ok(())
    }

    fn to_entry(
        &self,
        article: &str,
        edition: &str,
        published: i64,
        updated: i64,
    ) -> Result<Entry> {
        let mut article: Article = serde_json::from_str(article).context("corrupt article row")?;
        if article.continued {
            self.append_continuations(&mut article)?;
        }
        Ok(Entry {
            article,
            edition: serde_json::from_str(edition).context("corrupt edition row")?,
            published: self
                .tz
                .timestamp_opt(published, 0)
                .single()
                .context("bad timestamp")?,
            updated: self
                .tz
                .timestamp_opt(updated, 0)
                .single()
                .context("bad timestamp")?,
        })
    }
}

impl Store {
    /// Appends the pieces joined to `head` (its rest on later pages), following chains.
    fn append_continuations(&self, head: &mut Article) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT article FROM articles WHERE joined_to = ?1 ORDER BY page, id",
        )?;
        let title = jumps::key(&head.title);
        let mut next = Some(head.id.clone());
        let mut hops = 0;
        while let Some(id) = next.take() {
            let pieces: Vec<String> = stmt
                .query_map([&id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for json in pieces {
                let piece: Article = serde_json::from_str(&json).context("corrupt article row")?;
                head.continued = piece.continued;
                if piece.continued && hops < 8 {
                    next = Some(piece.id.clone());
                }
                head.blocks.extend(
                    piece
                        .blocks
                        .into_iter()
                        .filter(|b| !is_repeated_title(b, &title)),
                );
            }
            hops += 1;
        }
        Ok(())
    }
}

/// A continuation often repeats its headline as a heading; the joined article shows it once.
fn is_repeated_title(block: &Block, title_key: &str) -> bool {
    matches!(block, Block::Heading { text } if jumps::key(text) == title_key)
}

fn upsert(
    tx: &rusqlite::Transaction<'_>,
    article: &Article,
    edition: &EditionMeta,
    page_key: &str,
    published: i64,
    now: i64,
    changes: &mut Changes,
) -> Result<()> {
    let hash = article.content_hash();
    let old: Option<(String, String)> = tx
        .query_row(
            "SELECT content_hash, page_key FROM articles WHERE id = ?1",
            [&article.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let json = serde_json::to_string(article)?;
    let edition_json = serde_json::to_string(edition)?;
    match old {
        None => {
            tx.execute(
                "INSERT INTO articles (id, page_key, published, updated, content_hash, article, edition,
                 edition_date, page, continued, continued_from, title_key)
                 VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    article.id,
                    page_key,
                    published,
                    hash,
                    json,
                    edition_json,
                    edition.date.as_deref().unwrap_or(""),
                    jumps::page_of(article, edition),
                    article.continued,
                    article.continued_from.as_deref().map(jump_page_key),
                    jumps::key(&article.title),
                ],
            )?;
            mark_unmirrored(tx, &article.id)?;
            changes.added.push(article.id.clone());
        }
        Some((old_hash, old_key)) if old_hash == hash && old_key == page_key => {
            changes.unchanged += 1
        }
        Some(_) => {
            tx.execute(
                "UPDATE articles SET page_key = ?2, published = ?3, updated = MAX(?4, updated + 1), content_hash = ?5,
                 article = ?6, edition = ?7, continued = ?8, continued_from = ?9, page = ?10 WHERE id = ?1",
                params![
                    article.id,
                    page_key,
                    published,
                    now,
                    hash,
                    json,
                    edition_json,
                    article.continued,
                    article.continued_from.as_deref().map(jump_page_key),
                    // An upgrade that reads the page's printed number moves the article
                    // to that page, under the same id.
                    jumps::page_of(article, edition),
                ],
            )?;
            mark_unmirrored(tx, &article.id)?;
            changes.updated.push(article.id.clone());
        }
    }
    Ok(())
}

/// Marks an added or changed article's page as not yet written to `feeds/`.
fn mark_unmirrored(tx: &rusqlite::Transaction<'_>, id: &str) -> Result<()> {
    tx.execute("INSERT OR IGNORE INTO unmirrored (id) VALUES (?1)", [id])?;
    Ok(())
}

/// Deletes the articles of `page_key` that the new split of the page no longer has.
fn remove_missing(
    tx: &rusqlite::Transaction<'_>,
    page_key: &str,
    keep: &HashSet<&str>,
    now: i64,
    changes: &mut Changes,
) -> Result<()> {
    let stale: Vec<String> = {
        let mut stmt = tx.prepare_cached("SELECT id FROM articles WHERE page_key = ?1")?;
        let ids = stmt.query_map([page_key], |r| r.get::<_, String>(0))?;
        ids.filter(|id| id.as_ref().map_or(true, |id| !keep.contains(id.as_str())))
            .collect::<rusqlite::Result<_>>()?
    };
    for id in &stale {
        for touched in delete_article(tx, id, now)? {
            let known = changes
                .added
                .iter()
                .chain(&changes.updated)
                .any(|c| *c == touched);
            if !known && !stale.contains(&touched) {
                changes.updated.push(touched);
            }
        }
    }
    changes.removed.extend(stale);
    Ok(())
}

/// Deletes article `id` without losing text joined to it: rests joined to it stand on
/// their own again (a corrected head may join them anew), and the head it was joined to
/// loses its text, so its `updated` moves. Returns those ids, marked for `feeds/`.
fn delete_article(tx: &rusqlite::Transaction<'_>, id: &str, now: i64) -> Result<Vec<String>> {
    let mut touched: Vec<String> = {
        let mut stmt = tx.prepare_cached(
            "UPDATE articles SET joined_to = NULL, updated = MAX(updated + 1, ?2) \
             WHERE joined_to = ?1 RETURNING id",
        )?;
        let ids = stmt.query_map(params![id, now], |r| r.get::<_, String>(0))?;
        ids.collect::<rusqlite::Result<_>>()?
    };
    let head: Option<String> = tx
        .query_row("SELECT joined_to FROM articles WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .flatten();
    if let Some(head) = head {
        tx.execute(
            "UPDATE articles SET updated = MAX(updated + 1, ?2) WHERE id = ?1",
            params![head, now],
        )?;
        touched.push(head);
    }
    tx.execute("DELETE FROM articles WHERE id = ?1", [id])?;
    for t in &touched {
        mark_unmirrored(tx, t)?;
    }
    Ok(touched)
}

/// The unit a corrected file replaces: the edition's page when the page is known, else the
/// file name (an undated, unpaged dump dropped again under its name is a correction of itself).
fn page_key(edition: &EditionMeta, article: &Article, file_name: &str) -> String {
    let date = edition.date.as_deref().unwrap_or("-");
    match known_page(edition, article) {
        Some(page) => format!("{}/{date}/{page}", edition.publication),
        None => format!("{}/{date}/file:{file_name}", edition.publication),
    }
}

/// The page `article` is on, when its file's name or its printed page number tells.
fn known_page<'a>(edition: &'a EditionMeta, article: &'a Article) -> Option<&'a str> {
    article.page.as_deref().or(edition.page.as_deref())
}

/// `article` under the id it is stored by. A page known only by its file's name has ids of
/// its date and titles alone, so another such file can hold a story of the same title
/// (two pages' `Letters to the Editor`): that is not this page, which `page_key` tells by
/// the file, and overwriting it would lose it. Such an article takes its file into its id,
/// and keeps that id as long as it is stored: dropped again, it updates itself.
fn with_own_id<'a>(
    tx: &rusqlite::Transaction<'_>,
    article: &'a Article,
    edition: &EditionMeta,
    page_key: &str,
) -> Result<Cow<'a, Article>> {
    if known_page(edition, article).is_some() {
        return Ok(Cow::Borrowed(article));
    }
    let holder = |id: &str| -> Result<Option<(String, String)>> {
        Ok(tx
            .query_row(
                "SELECT page_key, page FROM articles WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    };
    let scoped = format!("{}-{}", article.id, hex(&Sha256::digest(page_key)[..3]));
    let own = |held: Option<(String, String)>| held.is_some_and(|(key, _)| key == page_key);
    let other_file = |held: Option<(String, String)>| {
        held.is_some_and(|(key, page)| key != page_key && page.is_empty())
    };
    if own(holder(&scoped)?) || other_file(holder(&article.id)?) {
        let mut moved = article.clone();
        moved.id = scoped;
        return Ok(Cow::Owned(moved));
    }
    Ok(Cow::Borrowed(article))
}

/// When an article is "published": 06:00 on the edition's date in the edition's zone, one
/// second earlier per article in reading order and 100 s per page, so a reader that sorts
/// newest first shows an edition in page and reading order.
pub fn publish_time(
    edition: &EditionMeta,
    article: &Article,
    seq: usize,
    tz: FixedOffset,
) -> DateTime<FixedOffset> {
    let date = edition
        .date
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .unwrap_or_default();
    let page: i64 = article
        .page
        .as_deref()
        .or(edition.page.as_deref())
        .and_then(|p| p.parse().ok())
        .unwrap_or(1);
    let offset = (page.clamp(1, 999) - 1) * 100 + (seq as i64).min(99);
    let morning = date.and_hms_opt(6, 0, 0).unwrap_or_default();
    let local = tz
        .from_local_datetime(&morning)
        .single()
        .unwrap_or_else(|| tz.from_utc_datetime(&morning));
    local - chrono::Duration::seconds(offset)
}

#[cfg(test)]
mod tests;
