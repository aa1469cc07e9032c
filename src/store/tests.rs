use super::*;
use crate::article::{article_id, Block};

fn tz() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap()
}

fn meta(page: &str) -> EditionMeta {
    EditionMeta {
        publication: "P".into(),
        date: Some("2024-11-09".into()),
        page: Some(page.into()),
    }
}

fn article(meta: &EditionMeta, title: &str, body: &str) -> Article {
    Article {
        id: article_id(meta, meta.page.as_deref(), title, 0),
        page: meta.page.clone(),
        kicker: None,
        title: title.into(),
        subtitle: None,
        authors: vec![],
        dateline: None,
        blocks: vec![Block::Paragraph { text: body.into() }],
        continued: false,
        continued_from: None,
    }
}

fn split(meta: &EditionMeta, articles: Vec<Article>) -> Split {
    Split {
        edition: meta.clone(),
        articles,
        dropped: vec![],
    }
}

fn file(hash: &str) -> FileRecord {
    FileRecord {
        hash: hash.into(),
        name: "2024-11-09_01.txt".into(),
        archived_as: "x".into(),
    }
}

fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("t.db"), tz()).unwrap();
    (dir, store)
}

fn now(h: u32) -> DateTime<FixedOffset> {
    tz().with_ymd_and_hms(2024, 11, 10, h, 0, 0).unwrap()
}

#[test]
fn apply_is_idempotent_and_corrections_update_in_place() {
    let (_d, mut store) = open();
    let m = meta("01");
    let first = split(
        &m,
        vec![article(&m, "甲", "正文一"), article(&m, "乙", "正文二")],
    );
    let c = store.apply(&file("h1"), &first, now(1)).unwrap();
    assert_eq!((c.added.len(), c.updated.len(), c.removed.len()), (2, 0, 0));
    let again = store.apply(&file("h1"), &first, now(2)).unwrap();
    assert!(again.is_empty());
    assert_eq!(again.unchanged, 2);

    let corrected = split(&m, vec![article(&m, "甲", "正文一（更正）")]);
    let c = store.apply(&file("h2"), &corrected, now(3)).unwrap();
    assert_eq!(c.updated, vec![first.articles[0].id.clone()]);
    assert_eq!(c.removed, vec![first.articles[1].id.clone()]);
    assert_eq!(store.count().unwrap(), 1);
    let e = store.article(&first.articles[0].id).unwrap().unwrap();
    assert_eq!(e.updated, now(3));
    assert!(e.published < e.updated);
    assert!(store.has_file("h1").unwrap() && store.has_file("h2").unwrap());
}

#[test]
fn other_pages_are_untouched_by_a_page_correction() {
    let (_d, mut store) = open();
    let (m1, m2) = (meta("01"), meta("02"));
    store
        .apply(
            &file("a"),
            &split(&m1, vec![article(&m1, "甲", "x")]),
            now(1),
        )
        .unwrap();
    store
        .apply(
            &file("b"),
            &split(&m2, vec![article(&m2, "乙", "y")]),
            now(1),
        )
        .unwrap();
    store
        .apply(
            &file("c"),
            &split(&m1, vec![article(&m1, "丙", "z")]),
            now(2),
        )
        .unwrap();
    let titles: Vec<String> = store
        .latest(10)
        .unwrap()
        .into_iter()
        .map(|e| e.article.title)
        .collect();
    assert_eq!(titles, ["丙", "乙"]);
}

#[test]
fn latest_is_newest_edition_first_then_page_and_reading_order() {
    let (_d, mut store) = open();
    for (date, page, titles) in [
        ("2024-11-08", "01", ["a", "b"]),
        ("2024-11-09", "02", ["e", "f"]),
        ("2024-11-09", "01", ["c", "d"]),
    ] {
        let m = EditionMeta {
            publication: "P".into(),
            date: Some(date.into()),
            page: Some(page.into()),
        };
        let arts = titles.iter().map(|t| article(&m, t, "body")).collect();
        store
            .apply(&file(&format!("{date}{page}")), &split(&m, arts), now(1))
            .unwrap();
    }
    let order: Vec<String> = store
        .latest(10)
        .unwrap()
        .into_iter()
        .map(|e| e.article.title)
        .collect();
    assert_eq!(order, ["c", "d", "e", "f", "a", "b"]);
    assert_eq!(store.latest(3).unwrap().len(), 3);
}

#[test]
fn publish_time_is_six_in_the_morning_in_the_edition_zone() {
    let m = meta("01");
    let a = article(&m, "t", "b");
    let t = publish_time(&m, &a, 0, tz());
    assert_eq!(t.to_rfc3339(), "2024-11-09T06:00:00+08:00");
    let m3 = meta("03");
    let t2 = publish_time(&m3, &article(&m3, "t", "b"), 2, tz());
    assert_eq!(t2.to_rfc3339(), "2024-11-09T05:56:38+08:00");
}

#[test]
fn reopening_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let m = meta("01");
    {
        let mut s = Store::open(&path, tz()).unwrap();
        s.apply(&file("h"), &split(&m, vec![article(&m, "甲", "x")]), now(1))
            .unwrap();
    }
    let s = Store::open(&path, tz()).unwrap();
    assert_eq!(s.count().unwrap(), 1);
    assert_eq!(
        s.date_of_name("2024-11-09_01.txt").unwrap().as_deref(),
        Some("2024-11-09")
    );
}

fn jump_piece(
    meta: &EditionMeta,
    title: &str,
    body: &str,
    continued: bool,
    from: Option<&str>,
) -> Article {
    let mut a = article(meta, title, body);
    a.continued = continued;
    a.continued_from = from.map(String::from);
    a
}

#[test]
fn a_jump_is_joined_into_one_item_whichever_page_arrives_first() {
    for head_first in [true, false] {
        let (_d, mut store) = open();
        let (m1, m3) = (meta("01"), meta("03"));
        let head = jump_piece(&m1, "大标题", "上半篇", true, None);
        let other = article(&m1, "别的", "x");
        let rest = jump_piece(&m3, "大标题", "下半篇", false, Some("1"));
        let page1 = split(&m1, vec![head.clone(), other]);
        let page3 = split(&m3, vec![rest.clone()]);
        let (first, second) = if head_first {
            (&page1, &page3)
        } else {
            (&page3, &page1)
        };
        store.apply(&file("a"), first, now(1)).unwrap();
        let c = store.apply(&file("b"), second, now(2)).unwrap();
        assert!(
            c.removed.contains(&rest.id),
            "the rest is no item of its own: {c:?}"
        );
        let latest = store.latest(10).unwrap();
        let titles: Vec<&str> = latest.iter().map(|e| e.article.title.as_str()).collect();
        assert_eq!(titles, ["大标题", "别的"], "head_first={head_first}");
        let joined = &latest[0].article;
        let texts: Vec<&str> = joined.blocks.iter().map(Block::text).collect();
        assert_eq!(texts, ["上半篇", "下半篇"]);
        assert!(!joined.continued, "the joined article is complete");
        assert_eq!(
            latest[0].updated,
            now(2),
            "the head's update is visible to readers"
        );
        assert!(store.article(&rest.id).unwrap().is_none());
    }
}

/// Head on page 1 joined with its rest from page 3, stored at hours 1 and 2.
fn joined_pair() -> (tempfile::TempDir, Store, Article, Article) {
    let (d, mut store) = open();
    let (m1, m3) = (meta("01"), meta("03"));
    let head = jump_piece(&m1, "大标题", "上半篇", true, None);
    let rest = jump_piece(&m3, "大标题", "下半篇", false, Some("1"));
    store
        .apply(&file("a"), &split(&m1, vec![head.clone()]), now(1))
        .unwrap();
    store
        .apply(&file("b"), &split(&m3, vec![rest.clone()]), now(2))
        .unwrap();
    (d, store, head, rest)
}

#[test]
fn a_corrected_rest_updates_its_head_and_marks_its_page() {
    let (_d, mut store, head, _rest) = joined_pair();
    assert!(
        store.unmirrored().unwrap().contains(&head.id),
        "the join marks the head"
    );
    let m3 = meta("03");
    let fixed = jump_piece(&m3, "大标题", "下半篇，改过", false, Some("1"));
    let c = store
        .apply(&file("c"), &split(&m3, vec![fixed]), now(3))
        .unwrap();
    assert!(c.updated.contains(&head.id), "{c:?}");
    let latest = store.latest(10).unwrap();
    assert_eq!(latest.len(), 1);
    assert_eq!(latest[0].updated, now(3));
    let texts: Vec<&str> = latest[0].article.blocks.iter().map(Block::text).collect();
    assert_eq!(texts, ["上半篇", "下半篇，改过"]);
}

#[test]
fn a_removed_head_gives_its_rest_back() {
    let (_d, mut store, head, rest) = joined_pair();
    // Page 1 corrected: the headline changed, so the old head (and its id) goes.
    let m1 = meta("01");
    let renamed = jump_piece(&m1, "新标题", "上半篇", false, None);
    let c = store
        .apply(&file("c"), &split(&m1, vec![renamed]), now(3))
        .unwrap();
    assert!(c.removed.contains(&head.id), "{c:?}");
    assert!(c.updated.contains(&rest.id), "{c:?}");
    let back = store
        .article(&rest.id)
        .unwrap()
        .expect("the rest is an item again");
    assert_eq!(back.article.title, "大标题");
    assert!(store.unmirrored().unwrap().contains(&rest.id));
    assert_eq!(store.latest(10).unwrap().len(), 2);
}

#[test]
fn a_removed_rest_updates_its_head() {
    let (_d, mut store, head, rest) = joined_pair();
    let m3 = meta("03");
    let c = store
        .apply(
            &file("c"),
            &split(&m3, vec![article(&m3, "别的", "x")]),
            now(3),
        )
        .unwrap();
    assert!(c.removed.contains(&rest.id), "{c:?}");
    assert!(c.updated.contains(&head.id), "{c:?}");
    let h = store.article(&head.id).unwrap().unwrap();
    let texts: Vec<&str> = h.article.blocks.iter().map(Block::text).collect();
    assert_eq!(texts, ["上半篇"]);
    assert_eq!(h.updated, now(3));
}

#[test]
fn a_head_stored_again_on_another_page_is_found_there() {
    // A rebuild after an upgrade that reads the page's printed number: same id, the
    // article now on page 15, where the rest's jump line says its head is.
    let (_d, mut store) = open();
    let m1 = meta("01");
    let head = jump_piece(&m1, "大标题", "上半篇", true, None);
    store
        .apply(&file("a"), &split(&m1, vec![head.clone()]), now(1))
        .unwrap();
    let mut moved = head.clone();
    moved.page = Some("15".into());
    store
        .apply(&file("a"), &split(&m1, vec![moved]), now(2))
        .unwrap();
    let m3 = meta("03");
    let rest = jump_piece(&m3, "大标题", "下半篇", false, Some("15"));
    let c = store
        .apply(&file("b"), &split(&m3, vec![rest.clone()]), now(3))
        .unwrap();
    assert!(
        c.removed.contains(&rest.id),
        "joined to the moved head: {c:?}"
    );
    let latest = store.latest(10).unwrap();
    assert_eq!(latest.len(), 1);
    assert_eq!(latest[0].article.id, head.id);
}

#[test]
fn a_rest_without_a_matching_head_stays_an_item() {
    let (_d, mut store) = open();
    let m3 = meta("03");
    let rest = jump_piece(&m3, "孤篇", "下半篇", false, Some("2"));
    store
        .apply(&file("a"), &split(&m3, vec![rest]), now(1))
        .unwrap();
    let m2 = meta("02");
    let two_heads = vec![
        jump_piece(&m2, "甲", "x", true, None),
        jump_piece(&m2, "乙", "y", true, None),
    ];
    store
        .apply(&file("b"), &split(&m2, two_heads), now(2))
        .unwrap();
    assert_eq!(
        store.latest(10).unwrap().len(),
        3,
        "no title match and two candidates: nothing is guessed"
    );
}

#[test]
fn a_change_always_moves_updated_forward_even_for_an_edition_dated_ahead() {
    // Papers are often ingested the evening before their date: published (06:00 tomorrow)
    // is then later than now, and a correction must still move `updated` so readers see it.
    let (_d, mut store) = open();
    let m = meta("01");
    let evening_before = tz().with_ymd_and_hms(2024, 11, 8, 21, 0, 0).unwrap();
    store
        .apply(
            &file("a"),
            &split(&m, vec![article(&m, "甲", "一")]),
            evening_before,
        )
        .unwrap();
    let first = store.latest(1).unwrap().remove(0);
    assert_eq!(first.updated, first.published);
    store
        .apply(
            &file("b"),
            &split(&m, vec![article(&m, "甲", "二")]),
            evening_before,
        )
        .unwrap();
    let second = store.latest(1).unwrap().remove(0);
    assert!(
        second.updated > first.updated,
        "{} then {}",
        first.updated,
        second.updated
    );
    store
        .apply(
            &file("c"),
            &split(&m, vec![article(&m, "甲", "三")]),
            evening_before,
        )
        .unwrap();
    assert!(store.latest(1).unwrap()[0].updated > second.updated);
}

#[test]
fn changed_articles_stay_unmirrored_until_the_publisher_says_so() {
    let (_d, mut store) = open();
    let m = meta("01");
    let first = split(&m, vec![article(&m, "甲", "一"), article(&m, "乙", "二")]);
    store.apply(&file("a"), &first, now(1)).unwrap();
    let mut ids: Vec<String> = first.articles.iter().map(|a| a.id.clone()).collect();
    ids.sort();
    assert_eq!(store.unmirrored().unwrap(), ids);
    store.mark_mirrored(&ids).unwrap();
    assert!(store.unmirrored().unwrap().is_empty());
    store.apply(&file("a"), &first, now(2)).unwrap();
    assert!(
        store.unmirrored().unwrap().is_empty(),
        "unchanged articles need no new page"
    );
    store
        .apply(
            &file("b"),
            &split(&m, vec![article(&m, "甲", "一改")]),
            now(3),
        )
        .unwrap();
    assert_eq!(
        store.unmirrored().unwrap(),
        vec![first.articles[0].id.clone()]
    );
}

/// An edition date without a page: a dump whose name and text give none.
fn unpaged() -> EditionMeta {
    EditionMeta {
        page: None,
        ..meta("01")
    }
}

/// A file named `name` (the unit an unpaged dump's corrections replace).
fn named(hash: &str, name: &str) -> FileRecord {
    FileRecord {
        name: name.into(),
        ..file(hash)
    }
}

/// The bodies of the stored articles titled `title`, sorted.
fn bodies_of(store: &Store, title: &str) -> Vec<String> {
    let mut bodies: Vec<String> = store
        .latest(10)
        .unwrap()
        .into_iter()
        .filter(|e| e.article.title == title)
        .map(|e| e.article.blocks[0].text().to_owned())
        .collect();
    bodies.sort();
    bodies
}

#[test]
fn unpaged_files_with_a_title_in_common_keep_both_stories() {
    let (_d, mut store) = open();
    let m = unpaged();
    let front = split(&m, vec![article(&m, "Letters", "On the bridge.")]);
    let sport = split(&m, vec![article(&m, "Letters", "On the match.")]);
    assert_eq!(
        front.articles[0].id, sport.articles[0].id,
        "the same date and title"
    );
    store
        .apply(&named("a", "front.txt"), &front, now(1))
        .unwrap();
    let c = store
        .apply(&named("b", "sport.txt"), &sport, now(2))
        .unwrap();
    assert_eq!(
        (c.added.len(), c.updated.len(), c.removed.len()),
        (1, 0, 0),
        "{c:?}"
    );
    let sport_id = c.added[0].clone();
    assert_ne!(sport_id, front.articles[0].id);
    assert_eq!(c.stored, std::slice::from_ref(&sport_id));
    assert_eq!(
        bodies_of(&store, "Letters"),
        ["On the bridge.", "On the match."]
    );

    // Each file dropped again is a correction of itself, under the id it was stored by.
    assert!(store
        .apply(&named("b", "sport.txt"), &sport, now(3))
        .unwrap()
        .is_empty());
    let fixed = split(&m, vec![article(&m, "Letters", "On the final.")]);
    let c = store
        .apply(&named("c", "sport.txt"), &fixed, now(4))
        .unwrap();
    assert_eq!(c.updated, std::slice::from_ref(&sport_id), "{c:?}");
    assert_eq!(
        bodies_of(&store, "Letters"),
        ["On the bridge.", "On the final."]
    );

    // With the first file's story gone, the second keeps its id.
    let other = split(&m, vec![article(&m, "Weather", "Rain.")]);
    store
        .apply(&named("e", "front.txt"), &other, now(6))
        .unwrap();
    assert_eq!(bodies_of(&store, "Letters"), ["On the final."]);
    let c = store
        .apply(&named("f", "sport.txt"), &sport, now(7))
        .unwrap();
    assert_eq!(c.updated, [sport_id], "{c:?}");
}
