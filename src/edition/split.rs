//! The splitter's entry: pages in, articles with stable ids out.
//!
//! Ids come from the edition, the page the file's name and place give and the title (for
//! untitled items, the first characters of the body), never from the rest of the body, so
//! a corrected text keeps its id.

use super::classify::{classify_read, Page, Role};
use super::furniture::own_page;
use super::lines::{is_cjk_page, page_label, to_lines, to_pages, Line};
use super::meta::page_number;
use super::order::to_reading_order;
use super::segment::{segment, Piece};
use super::Split;
use crate::article::{article_id, Article, Block, EditionMeta};

/// How many body characters identify an untitled item.
const UNTITLED_KEY_CHARS: usize = 24;

/// Splits every page of `text` and numbers the articles.
pub fn split(text: &str, meta: &EditionMeta) -> Split {
    let mut out = Split {
        edition: meta.clone(),
        ..Split::default()
    };
    // A trailing form feed (pdftotext ends every page with one) opens no page. The search
    // stops at the second page that has text.
    let multi_page = to_pages(text)
        .filter(|p| !p.trim().is_empty())
        .nth(1)
        .is_some();
    for (index, page_text) in to_pages(text).enumerate() {
        let lines = to_lines(page_text);
        if lines.is_empty() {
            continue;
        }
        let page = read_page(lines);
        let mut result = segment(&page);
        drop_textless(&mut result.pieces, &mut result.dropped);
        let label = page_label(meta, index, multi_page);
        let printed = printed_page(&page);
        let mut keys: Vec<String> = Vec::new();
        for mut piece in result.pieces {
            drop_repeated_names(&mut piece.authors, &mut out.dropped);
            let key = headline_key(&piece);
            let ordinal = keys.iter().filter(|k| **k == key).count();
            out.articles.push(to_article(
                piece,
                meta,
                (label.as_deref(), printed.as_deref()),
                &key,
                ordinal,
            ));
            keys.push(key);
        }
        out.dropped.extend(result.dropped);
    }
    out
}

/// A headline with no text under it is no article: a slogan under the masthead
/// (`关注株洲日报微信公众号`), a page's section label (`第3版 要闻`), a head whose story
/// the page does not print (unless a jump line says where it is). Its lines go to
/// `dropped`. A headline with a byline is a story's, though: its text is somewhere the
/// splitter could not place, and the reader still gets its headline and writers.
fn drop_textless(pieces: &mut Vec<Piece>, dropped: &mut Vec<String>) {
    pieces.retain_mut(|p| {
        // A headline whose text is all on another page is kept for the jump to find.
        if !p.blocks.is_empty() || p.continued() || !p.authors.is_empty() {
            return true;
        }
        if let Some(head) = p.head.take() {
            dropped.extend(head.kicker);
            dropped.push(head.title);
            dropped.extend(head.subtitle);
        }
        dropped.extend(p.dateline.take());
        dropped.append(&mut p.authors);
        dropped.extend(p.stray_bylines.drain(..).flatten());
        dropped.append(&mut p.names_in_text);
        false
    });
}

/// The page's number as it prints it among the furniture atop or at the foot of the page
/// (`第15版`, `PAGE THREE`), two digits; `None` unless all it prints there is one number.
/// Furniture amid the page is left alone: a front page's guide lists other pages.
fn printed_page(page: &Page) -> Option<String> {
    let furniture = |k: &usize| page.roles[*k] == Role::Drop;
    let n = page.lines.len();
    let head = (0..n).take_while(furniture);
    let foot = (0..n).rev().take_while(furniture);
    let mut numbers = head
        .chain(foot)
        .filter_map(|k| own_page(page.lines[k].text));
    let first = numbers.next()?;
    numbers.all(|other| other == first).then_some(first)
}

/// One page's lines put in reading order and classified: what both the split and its
/// explanation read.
fn read_page(lines: Vec<Line<'_>>) -> Page<'_> {
    let cjk = is_cjk_page(&lines);
    classify_read(to_reading_order(lines, cjk), cjk)
}

/// A writer is named once: the same name from a byline over the headline and from one the
/// dump printed again inside the text goes to `dropped` the second time.
fn drop_repeated_names(authors: &mut Vec<String>, dropped: &mut Vec<String>) {
    let mut k = 1;
    while k < authors.len() {
        if authors[..k].contains(&authors[k]) {
            dropped.push(authors.remove(k));
        } else {
            k += 1;
        }
    }
}

/// One line per input line: its role, whether it starts a unit, whether it ends a
/// paragraph, its width and text. For tuning the splitter on a new kind of page.
pub fn explain(text: &str) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for page_text in to_pages(text) {
        let page = read_page(to_lines(page_text));
        for (k, l) in page.lines.iter().enumerate() {
            let _ = writeln!(
                out,
                "{:?}\t{}\t{}\t{:.1}\t{}",
                page.roles[k],
                u8::from(page.starts[k]),
                u8::from(page.para_end[k]),
                l.width,
                l.text
            );
        }
        out.push_str("\u{c}\n");
    }
    out
}

/// The title without spaces, or for an untitled item the start of its body.
fn headline_key(piece: &Piece) -> String {
    match &piece.head {
        Some(h) if !h.title.trim().is_empty() => h.title.clone(),
        _ => piece
            .blocks
            .iter()
            .find(|b| matches!(b, Block::Paragraph { .. }))
            .map(|b| {
                b.text()
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .take(UNTITLED_KEY_CHARS)
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// The article of `piece`, on the page the file labels `label` and that prints itself as
/// `printed`: the printed number is the one readers and jump lines name, so it is the
/// article's page. The id keeps the label where the file gives one, which the file's name
/// and place alone decide: a better reading of the page's furniture must not move it.
/// Without a label the printed number tells the pages of one date apart, whose ids would
/// otherwise be the titles' alone: a rest repeating its head's title would take its id.
fn to_article(
    piece: Piece,
    meta: &EditionMeta,
    (label, printed): (Option<&str>, Option<&str>),
    key: &str,
    ordinal: usize,
) -> Article {
    let continued = piece.continued();
    let head = piece.head.unwrap_or_default();
    let page = printed.or(label);
    Article {
        id: article_id(meta, label.or(printed), key, ordinal),
        page: page.map(str::to_owned),
        kicker: head.kicker,
        title: head.title,
        subtitle: head.subtitle,
        authors: piece.authors,
        dateline: piece.dateline,
        blocks: piece.blocks,
        continued,
        continued_from: piece.continued_from.map(|from| page_before(from, page)),
    }
}

/// The page a rest's jump line names, with `上` (`（接上版）`) read as the page before
/// `own`, the rest's own page; as printed when that page's number is not known.
fn page_before(named: String, own: Option<&str>) -> String {
    let before = own
        .filter(|_| named == "上")
        .and_then(page_number)
        .and_then(|n| n.checked_sub(1))
        .filter(|n| *n > 0);
    before.map_or(named, |n| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_writer_named_twice_is_named_once() {
        let mut authors = vec!["窦皓".to_owned(), "张驰".to_owned(), "窦皓".to_owned()];
        let mut dropped = Vec::new();
        drop_repeated_names(&mut authors, &mut dropped);
        assert_eq!(authors, ["窦皓", "张驰"]);
        assert_eq!(dropped, ["窦皓"]);
    }

    #[test]
    fn a_headline_with_no_text_is_no_article() {
        let page = "基层治理见实效\n本报记者 王明\n\n\
                    今年以来，我市各级各部门坚持问题导向，着力解决群众急难愁盼问题。\n\n\
                    关注株洲日报微信公众号";
        let out = split(page, &EditionMeta::default());
        let titles: Vec<&str> = out.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["基层治理见实效"]);
        assert!(out.dropped.iter().any(|d| d == "关注株洲日报微信公众号"));
        let jumped = "基层治理见实效\n本报记者 王明\n\n\
                      今年以来，我市各级各部门坚持问题导向，着力解决群众急难愁盼问题。\n\n\
                      我市再获殊荣\n（下转第2版）";
        let out = split(jumped, &EditionMeta::default());
        let last = out.articles.last().map(|a| (a.title.as_str(), a.continued));
        assert_eq!(last, Some(("我市再获殊荣", true)));
    }

    #[test]
    fn the_page_before_is_named_by_its_number() {
        assert_eq!(page_before("上".into(), Some("02")), "1");
        assert_eq!(page_before("上".into(), Some("三")), "2");
        assert_eq!(page_before("3".into(), Some("05")), "3");
        // Without a page of its own before it, the rest keeps what its jump line says.
        assert_eq!(page_before("上".into(), Some("1")), "上");
        assert_eq!(page_before("上".into(), Some("A2")), "上");
        assert_eq!(page_before("上".into(), None), "上");
    }

    const STORY: &str = "基层治理见实效\n本报记者 王明\n\n\
                         今年以来，我市各级各部门坚持问题导向，着力解决群众急难愁盼问题。";

    /// The pages and ids of `text`'s articles, split with `meta`.
    fn pages_and_ids(text: &str, meta: &EditionMeta) -> Vec<(Option<String>, String)> {
        let out = split(text, meta);
        assert!(!out.articles.is_empty(), "{text}");
        out.articles.into_iter().map(|a| (a.page, a.id)).collect()
    }

    #[test]
    fn the_number_a_page_prints_in_its_head_or_foot_is_its_articles_page() {
        let unpaged = EditionMeta::default();
        let paged = EditionMeta {
            page: Some("03".into()),
            ..EditionMeta::default()
        };
        for meta in [&unpaged, &paged] {
            let bare = pages_and_ids(STORY, meta);
            for printed in [
                format!("2025年1月3日 星期五\n\n第15版\n\n编辑 张驰\n\n{STORY}"),
                format!("2025年1月3日 星期五 第十五版\n\n{STORY}"),
                format!("{STORY}\n\n人民日报 第15版"),
            ] {
                let read = pages_and_ids(&printed, meta);
                assert_eq!(read[0].0.as_deref(), Some("15"), "{printed}");
                // The id keeps the page the file's name gave; without one, it takes the
                // printed page.
                if meta.page.is_some() {
                    assert_eq!(read[0].1, bare[0].1, "{printed}");
                } else {
                    assert!(read[0].1.starts_with("undated-p15-"), "{}", read[0].1);
                }
            }
        }
        // One number in the head and another in the foot, or a number amid the page (a
        // front page's guide to the others), say nothing of the page's own.
        for unread in [
            format!("第15版\n\n{STORY}\n\n人民日报 第16版"),
            format!("{STORY}\n\n第3版 要闻\n\n{}", STORY.replace("基层", "乡村")),
        ] {
            assert_eq!(
                pages_and_ids(&unread, &paged)[0].0.as_deref(),
                Some("03"),
                "{unread}"
            );
            assert_eq!(pages_and_ids(&unread, &unpaged)[0].0, None, "{unread}");
        }
        let english = "PAGE THREE\nFIRE DESTROYS MILL\nSPRINGFIELD, March 14.—Fire of unknown \
                       origin destroyed the flour mill of the Kelley Milling company.";
        assert_eq!(pages_and_ids(english, &unpaged)[0].0.as_deref(), Some("03"));
    }
}
