//! `config.toml` → a typed, validated [`Config`].
//!
//! Parsing is split from reading (`from_toml_str` holds the logic, `load` only opens the file)
//! so every rule is testable without files. Relative paths are resolved against the config
//! file's folder, so the daemon behaves the same whatever its working directory.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use chrono::FixedOffset;
use serde::Deserialize;
use thiserror::Error;

use crate::render::Site;

/// A config problem, always naming the file and, where there is one, the key.
#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("config file {path}: {message}")]
    Syntax { path: PathBuf, message: String },
    #[error("config file {path}: key `{key}`: {message}")]
    Value {
        path: PathBuf,
        key: &'static str,
        message: String,
    },
}

/// The whole configuration, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub site: Site,
    pub timezone: FixedOffset,
    pub paths: Paths,
    pub feed_items: usize,
    pub server: Server,
    pub inbox: Inbox,
    pub log_level: String,
    /// The file this was read from (for messages and SIGHUP reloads).
    pub source: PathBuf,
}

/// Absolute paths of the folders and the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub inbox: PathBuf,
    pub archive: PathBuf,
    pub failed: PathBuf,
    pub feeds: PathBuf,
    pub database: PathBuf,
}

/// HTTP server settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Server {
    pub listen: SocketAddr,
    pub cache_max_age: u32,
    pub header_read_timeout_secs: u64,
}

/// Inbox readiness and limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inbox {
    pub settle_ms: u64,
    pub max_file_bytes: u64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    site: RawSite,
    #[serde(default)]
    paths: RawPaths,
    #[serde(default)]
    feeds: RawFeeds,
    #[serde(default)]
    server: RawServer,
    #[serde(default)]
    inbox: RawInbox,
    #[serde(default)]
    log: RawLog,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSite {
    title: String,
    description: String,
    language: String,
    timezone: String,
    base_url: String,
    publication: String,
    tag_authority: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawPaths {
    inbox: PathBuf,
    archive: PathBuf,
    failed: PathBuf,
    feeds: PathBuf,
    database: PathBuf,
}

impl Default for RawPaths {
    fn default() -> Self {
        RawPaths {
            inbox: "inbox".into(),
            archive: "archive".into(),
            failed: "failed".into(),
            feeds: "feeds".into(),
            database: "pressroom.db".into(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawFeeds {
    items: i64,
}

impl Default for RawFeeds {
    fn default() -> Self {
        RawFeeds { items: 100 }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawServer {
    listen: String,
    cache_max_age: i64,
    header_read_timeout_secs: i64,
}

impl Default for RawServer {
    fn default() -> Self {
        RawServer {
            listen: "127.0.0.1:8080".into(),
            cache_max_age: 60,
            header_read_timeout_secs: 10,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawInbox {
    settle_ms: i64,
    max_file_bytes: i64,
}

impl Default for RawInbox {
    fn default() -> Self {
        RawInbox {
            settle_ms: 500,
            max_file_bytes: 50 * 1024 * 1024,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawLog {
    level: String,
}

impl Default for RawLog {
    fn default() -> Self {
        RawLog {
            level: "info".into(),
        }
    }
}

/// Reads and validates the config file at `path`.
///
/// # Errors
/// The file cannot be read, is not valid TOML, has an unknown key, or a value is invalid;
/// the message names the file and the key.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.to_owned(),
        source,
    })?;
    from_toml_str(&text, path)
}

/// Parses config text as if read from `path` (relative paths resolve against its folder).
///
/// # Errors
/// As [`load`], without the read.
pub fn from_toml_str(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let raw: RawConfig = toml::from_str(text).map_err(|e| ConfigError::Syntax {
        path: path.to_owned(),
        message: e.to_string().trim_end().replace('\n', " "),
    })?;
    let value_err = |key: &'static str, message: String| ConfigError::Value {
        path: path.to_owned(),
        key,
        message,
    };
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let base = if base.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        base
    };
    let base = std::path::absolute(&base).unwrap_or(base);
    let timezone = parse_offset(&raw.site.timezone).ok_or_else(|| {
        value_err(
            "site.timezone",
            format!("`{}` is not a UTC offset like +08:00", raw.site.timezone),
        )
    })?;
    let base_url =
        validate_base_url(&raw.site.base_url).map_err(|m| value_err("site.base_url", m))?;
    non_empty(&raw.site.title).map_err(|m| value_err("site.title", m))?;
    non_empty(&raw.site.publication).map_err(|m| value_err("site.publication", m))?;
    validate_language(&raw.site.language).map_err(|m| value_err("site.language", m))?;
    validate_tag_authority(&raw.site.tag_authority)
        .map_err(|m| value_err("site.tag_authority", m))?;
    let listen: SocketAddr = raw.server.listen.parse().map_err(|_| {
        value_err(
            "server.listen",
            format!(
                "`{}` is not an address like 127.0.0.1:8080",
                raw.server.listen
            ),
        )
    })?;
    let feed_items =
        in_range(raw.feeds.items, 1, 10_000).map_err(|m| value_err("feeds.items", m))?;
    let cache_max_age = in_range(raw.server.cache_max_age, 0, 86_400)
        .map_err(|m| value_err("server.cache_max_age", m))?;
    let header_read_timeout_secs = in_range(raw.server.header_read_timeout_secs, 1, 600)
        .map_err(|m| value_err("server.header_read_timeout_secs", m))?;
    let settle_ms =
        in_range(raw.inbox.settle_ms, 0, 600_000).map_err(|m| value_err("inbox.settle_ms", m))?;
    let max_file_bytes = in_range(raw.inbox.max_file_bytes, 1, 1 << 40)
        .map_err(|m| value_err("inbox.max_file_bytes", m))?;
    validate_level(&raw.log.level).map_err(|m| value_err("log.level", m))?;
    let resolve = |p: &PathBuf| {
        if p.is_absolute() {
            p.clone()
        } else {
            base.join(p)
        }
    };
    Ok(Config {
        site: Site {
            title: raw.site.title,
            description: raw.site.description,
            language: raw.site.language,
            base_url,
            publication: raw.site.publication,
            tag_authority: raw.site.tag_authority,
        },
        timezone,
        paths: Paths {
            inbox: resolve(&raw.paths.inbox),
            archive: resolve(&raw.paths.archive),
            failed: resolve(&raw.paths.failed),
            feeds: resolve(&raw.paths.feeds),
            database: resolve(&raw.paths.database),
        },
        feed_items: feed_items as usize,
        server: Server {
            listen,
            cache_max_age: cache_max_age as u32,
            header_read_timeout_secs: header_read_timeout_secs as u64,
        },
        inbox: Inbox {
            settle_ms: settle_ms as u64,
            max_file_bytes: max_file_bytes as u64,
        },
        log_level: raw.log.level,
        source: path.to_owned(),
    })
}

impl Paths {
    /// Creates every missing folder (and the database's folder).
    ///
    /// # Errors
    /// A folder cannot be created; the error names it.
    pub fn create_missing(&self) -> anyhow::Result<()> {
        use anyhow::Context;
        let db_dir = self.database.parent().map(Path::to_path_buf);
        for dir in [&self.inbox, &self.archive, &self.failed, &self.feeds]
            .into_iter()
            .chain(db_dir.as_ref())
        {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create folder {}", dir.display()))?;
        }
        Ok(())
    }
}

/// `+08:00`, `-05:00`, `Z` or `UTC` → a fixed offset.
pub fn parse_offset(s: &str) -> Option<FixedOffset> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("z") || s.eq_ignore_ascii_case("utc") {
        return FixedOffset::east_opt(0);
    }
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    if !(0..=14).contains(&h) || !(0..60).contains(&m) {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

fn validate_base_url(url: &str) -> Result<String, String> {
    let trimmed = url.trim().trim_end_matches('/');
    let rest = trimmed
        .strip_prefix("http://")
        .or_else(|| trimmed.strip_prefix("https://"))
        .ok_or_else(|| format!("`{url}` must be an absolute http:// or https:// URL"))?;
    if rest.is_empty() || rest.contains(char::is_whitespace) {
        return Err(format!("`{url}` has no host"));
    }
    Ok(trimmed.to_owned())
}

fn validate_language(tag: &str) -> Result<(), String> {
    let ok = !tag.is_empty()
        && tag
            .split('-')
            .all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if ok {
        Ok(())
    } else {
        Err(format!("`{tag}` is not a language tag like zh-CN"))
    }
}

fn validate_tag_authority(authority: &str) -> Result<(), String> {
    // RFC 4151: authorityName "," date, where date is YYYY, YYYY-MM or YYYY-MM-DD.
    let (name, date) = authority.rsplit_once(',').ok_or_else(|| {
        format!("`{authority}` must be `domain-or-email,YYYY[-MM[-DD]]` (RFC 4151)")
    })?;
    let date_ok = matches!(date.len(), 4 | 7 | 10)
        && date.chars().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    let name_ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-.@_".contains(c));
    if date_ok && name_ok {
        Ok(())
    } else {
        Err(format!(
            "`{authority}` must be `domain-or-email,YYYY[-MM[-DD]]` (RFC 4151)"
        ))
    }
}

fn validate_level(level: &str) -> Result<(), String> {
    match level {
        "error" | "warn" | "info" | "debug" | "trace" => Ok(()),
        _ => Err(format!(
            "`{level}` is not one of error, warn, info, debug, trace"
        )),
    }
}

fn non_empty(s: &str) -> Result<(), String> {
    if s.trim().is_empty() {
        Err("must not be empty".into())
    } else {
        Ok(())
    }
}

fn in_range(v: i64, min: i64, max: i64) -> Result<i64, String> {
    if (min..=max).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is out of range {min}..={max}"))
    }
}

#[cfg(test)]
mod tests;
