//! The index page at `/`: the latest articles grouped by edition date, then by page.
//!
//! Entries keep the caller's order (newest edition first, then page and reading order);
//! a new group starts whenever the date or page changes, so nothing is re-sorted here.

use std::fmt::Write;

use super::shell::{self, link};
use super::{escape, non_empty};
use crate::render::item::{display_title, page_label, SUMMARY_CHARS};
use crate::render::{Entry, Site};

/// The HTML index: site title, description, and the latest articles by date and page.
pub fn index_page(site: &Site, entries: &[Entry]) -> String {
    let mut main = format!(
        "<h1>{}</h1>\n<p class=\"summary\">{}</p>\n",
        escape(&site.title),
        escape(&site.description)
    );
    for (date, pages) in group(site, entries) {
        let _ = writeln!(
            main,
            "<h2><time datetime=\"{0}\">{0}</time></h2>",
            escape(&date)
        );
        for (label, items) in pages {
            if let Some(label) = label {
                let _ = writeln!(main, "<h3>{}</h3>", escape(&label));
            }
            main.push_str("<ul>\n");
            for entry in items {
                main.push_str(&list_item(site, entry));
            }
            main.push_str("</ul>\n");
        }
    }
    let page = shell::Page {
        title: site.title.clone(),
        description: site.description.clone(),
        canonical: site.url(""),
        main,
    };
    shell::render(site, &page)
}

/// Entries of one page of an edition, under the page's label when it is known.
type PageGroup<'a> = (Option<String>, Vec<&'a Entry>);

/// Runs of entries with the same edition date, split into runs with the same page label.
///
/// Only *consecutive* entries are grouped: the caller's order is the order shown.
fn group<'a>(site: &Site, entries: &'a [Entry]) -> Vec<(String, Vec<PageGroup<'a>>)> {
    let mut dates: Vec<(String, Vec<PageGroup<'a>>)> = Vec::new();
    for entry in entries {
        let date = edition_date(entry);
        let label = page_label(site, entry);
        match dates.last_mut() {
            Some((d, pages)) if *d == date => match pages.last_mut() {
                Some((l, items)) if *l == label => items.push(entry),
                _ => pages.push((label, vec![entry])),
            },
            _ => dates.push((date, vec![(label, vec![entry])])),
        }
    }
    dates
}

/// The edition's date as printed in its file name, else the day it was published.
fn edition_date(entry: &Entry) -> String {
    non_empty(&entry.edition.date)
        .map(str::to_string)
        .unwrap_or_else(|| entry.published.format("%Y-%m-%d").to_string())
}

/// One article: its (kicker and) title as a link, and the start of its text.
fn list_item(site: &Site, entry: &Entry) -> String {
    let a = &entry.article;
    let mut out = String::from("<li>");
    if let Some(kicker) = non_empty(&a.kicker) {
        let _ = write!(out, "<span class=\"kicker\">{}</span><br>", escape(kicker));
    }
    out.push_str(&link(&site.article_url(&a.id), &display_title(site, entry)));
    let summary = a.summary(SUMMARY_CHARS);
    if !summary.is_empty() {
        let _ = write!(out, "<p class=\"summary\">{}</p>", escape(&summary));
    }
    out.push_str("</li>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, EditionMeta};

    fn entry(id: &str, date: &str, page: &str) -> Entry {
        let t = chrono::DateTime::parse_from_rfc3339("2024-11-09T08:00:00+08:00").unwrap();
        Entry {
            article: Article {
                id: id.into(),
                page: Some(page.into()),
                kicker: None,
                title: id.into(),
                subtitle: None,
                authors: vec![],
                dateline: None,
                blocks: vec![],
                continued: false,
                continued_from: None,
            },
            edition: EditionMeta {
                publication: "P".into(),
                date: Some(date.into()),
                page: Some(page.into()),
            },
            published: t,
            updated: t,
        }
    }

    #[test]
    fn groups_only_consecutive_runs_in_the_given_order() {
        let site = Site {
            title: "T".into(),
            description: "D".into(),
            language: "en".into(),
            base_url: "https://x.example".into(),
            publication: "P".into(),
            tag_authority: "x.example,2024".into(),
        };
        let es = [
            entry("a", "2024-11-10", "01"),
            entry("b", "2024-11-10", "01"),
            entry("c", "2024-11-10", "02"),
            entry("d", "2024-11-09", "01"),
            entry("e", "2024-11-10", "01"),
        ];
        // One line per page group: `date group number: date | label | ids`.
        let shape: Vec<String> = group(&site, &es)
            .into_iter()
            .enumerate()
            .flat_map(|(n, (date, pages))| {
                pages.into_iter().map(move |(label, items)| {
                    let ids: Vec<&str> = items.iter().map(|e| e.article.id.as_str()).collect();
                    format!(
                        "{n}: {date} | {} | {}",
                        label.unwrap_or_default(),
                        ids.join(" ")
                    )
                })
            })
            .collect();
        assert_eq!(
            shape,
            [
                "0: 2024-11-10 | Page 1 | a b",
                "0: 2024-11-10 | Page 2 | c",
                "1: 2024-11-09 | Page 1 | d",
                "2: 2024-11-10 | Page 1 | e",
            ]
        );
    }
}
