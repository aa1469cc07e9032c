//! Article pages that fell out of the in-memory snapshot (older articles) read from the
//! on-disk `feeds/` tree, one file per request.
//!
//! Only names matching `/articles/[A-Za-z0-9._-]+\.html` (not starting with a dot) are ever
//! turned into a path, and only regular files (no symlinks) are read, so no request reaches
//! outside `feeds/articles/`. Pages are served uncompressed: compressing per request is what
//! the in-memory snapshot exists to avoid.

use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::resource::{content_type_for, Resource};

/// The on-disk `feeds/` directory older article pages are read from.
#[derive(Debug, Clone)]
pub struct Fallback {
    articles: PathBuf,
}

impl Fallback {
    /// Serves `dir/articles/*.html`.
    pub fn new(dir: &Path) -> Fallback {
        Fallback {
            articles: dir.join("articles"),
        }
    }

    /// Reads the page for URL `path`; `Ok(None)` when the path is not an article page or no
    /// such regular file exists.
    ///
    /// # Errors
    /// Any I/O error other than "not found" (permissions, a read failing half-way).
    pub async fn load(&self, path: &str) -> io::Result<Option<Resource>> {
        let Some(name) = article_file_name(path) else {
            return Ok(None);
        };
        let file = self.articles.join(name);
        let meta = match tokio::fs::symlink_metadata(&file).await {
            Ok(meta) if meta.is_file() => meta,
            Ok(_) => return Ok(None),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let body = match tokio::fs::read(&file).await {
            Ok(body) => body,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let modified = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
        Ok(Some(Resource::uncompressed(
            content_type_for(name),
            body,
            modified,
        )))
    }
}

/// The file name of an article page URL: `/articles/<name>.html` with `<name>` made of
/// `[A-Za-z0-9._-]`, not starting with a dot.
fn article_file_name(path: &str) -> Option<&str> {
    let name = path.strip_prefix("/articles/")?;
    let stem = name.strip_suffix(".html")?;
    let allowed = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-');
    let ok = !stem.is_empty() && !stem.starts_with('.') && stem.bytes().all(allowed);
    ok.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_article_names() {
        assert_eq!(
            article_file_name("/articles/2024-11-09-p01-abc.html"),
            Some("2024-11-09-p01-abc.html")
        );
        for bad in [
            "/articles/.html",
            "/articles/..html",
            "/articles/../x.html",
            "/articles/a/b.html",
            "/articles/a%2f.html",
            "/articles/a.htm",
            "/articles/a\\b.html",
            "/feed.xml",
            "/articles/.hidden.html",
        ] {
            assert_eq!(article_file_name(bad), None, "{bad}");
        }
    }
}
