use super::*;

fn file_type_of(path: &Path) -> fs::FileType {
    path.symlink_metadata().unwrap().file_type()
}

#[test]
fn classify_takes_only_complete_looking_txt_files() {
    let dir = tempfile::tempdir().unwrap();
    let regular = dir.path().join("a.txt");
    fs::write(&regular, "x").unwrap();
    let ft = file_type_of(&regular);
    let cases: [(&str, Kind); 9] = [
        ("2024-11-09_01.txt", Kind::Dump),
        ("PAGE.TXT", Kind::Dump),
        (".hidden.txt", Kind::Ignored("hidden file")),
        ("a.txt.tmp", Kind::Ignored("temporary file")),
        ("a.txt.part", Kind::Ignored("partial download")),
        ("a.txt~", Kind::Ignored("backup file")),
        ("a.txt.swp", Kind::Ignored("editor swap file")),
        ("a.pdf", Kind::Ignored("not a .txt file")),
        ("README", Kind::Ignored("not a .txt file")),
    ];
    for (name, kind) in cases {
        assert_eq!(classify(OsStr::new(name), ft), kind, "{name}");
    }
    let sub = dir.path().join("x.txt");
    fs::create_dir(&sub).unwrap();
    assert!(matches!(
        classify(OsStr::new("x.txt"), file_type_of(&sub)),
        Kind::Ignored(_)
    ));
    let link = dir.path().join("l.txt");
    std::os::unix::fs::symlink("/etc/passwd", &link).unwrap();
    assert_eq!(
        classify(OsStr::new("l.txt"), file_type_of(&link)),
        Kind::Symlink
    );
}

#[test]
fn readiness_table() {
    let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
    let settle = Duration::from_millis(500);
    let ms = Duration::from_millis;
    let cases = [
        // (modified, now, renamed_in, expected)
        (t0, t0, true, Readiness::Ready),
        (t0, t0, false, Readiness::WaitFor(ms(500))),
        (t0, t0 + ms(200), false, Readiness::WaitFor(ms(300))),
        (t0, t0 + ms(500), false, Readiness::Ready),
        (t0, t0 + ms(9000), false, Readiness::Ready),
        (t0 + ms(100), t0, false, Readiness::WaitFor(ms(500))),
    ];
    for (modified, now, renamed, want) in cases {
        assert_eq!(readiness(modified, now, settle, renamed), want);
    }
}

#[test]
fn moves_never_overwrite_and_failed_files_carry_their_reason() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    let archive = dir.path().join("archive");
    fs::create_dir(&inbox).unwrap();
    for body in ["one", "two"] {
        fs::write(inbox.join("p.txt"), body).unwrap();
        move_into(&inbox.join("p.txt"), &archive).unwrap();
    }
    assert_eq!(fs::read_to_string(archive.join("p.txt")).unwrap(), "one");
    assert_eq!(fs::read_to_string(archive.join("p~2.txt")).unwrap(), "two");

    fs::write(inbox.join("bad.txt"), [0u8, 1, 2]).unwrap();
    let failed = dir.path().join("failed");
    let moved = move_to_failed(&inbox.join("bad.txt"), &failed, "the file looks binary").unwrap();
    assert_eq!(moved, failed.join("bad.txt"));
    assert_eq!(fs::read(failed.join("bad.txt")).unwrap(), [0u8, 1, 2]);
    assert_eq!(
        fs::read_to_string(failed.join("bad.txt.error")).unwrap(),
        "the file looks binary\n"
    );
    assert!(!inbox.join("bad.txt").exists());
}

#[test]
fn scan_lists_entries_sorted_without_following_links() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("b.txt"), "b").unwrap();
    fs::write(dir.path().join("a.txt"), "a").unwrap();
    std::os::unix::fs::symlink("/nonexistent", dir.path().join("c.txt")).unwrap();
    let found = scan(dir.path()).unwrap();
    let kinds: Vec<(String, Kind)> = found
        .iter()
        .map(|f| {
            (
                f.path.file_name().unwrap().to_string_lossy().into_owned(),
                f.kind.clone(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("a.txt".into(), Kind::Dump),
            ("b.txt".into(), Kind::Dump),
            ("c.txt".into(), Kind::Symlink)
        ]
    );
}

#[test]
fn write_atomically_replaces_whole_files() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("feed.xml");
    write_atomically(&p, b"old").unwrap();
    write_atomically(&p, b"new").unwrap();
    assert_eq!(fs::read(&p).unwrap(), b"new");
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temp file left behind"
    );
}

#[test]
fn a_restored_old_mtime_does_not_make_a_fresh_file_look_settled() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("copied.txt");
    let f = fs::File::create(&p).unwrap();
    let long_ago = SystemTime::now() - Duration::from_secs(86_400);
    f.set_modified(long_ago).unwrap(); // what `cp -p` does after writing
    let meta = p.symlink_metadata().unwrap();
    assert_eq!(meta.modified().unwrap(), long_ago);
    let age = SystemTime::now()
        .duration_since(last_change(&meta))
        .unwrap_or_default();
    assert!(age < Duration::from_secs(60), "ctime says it just changed");
}

#[test]
fn stale_temp_files_are_swept_but_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("articles");
    fs::create_dir(&sub).unwrap();
    let own = format!("feed.json.{}-0.tmp", std::process::id());
    for name in [
        "feed.xml.123-0.tmp",
        "a.html.gz.9-41.tmp",
        "keep.tmp",
        "old.1.tmp",
        ".x.tmp",
        "feed.xml",
        &own,
    ] {
        fs::write(dir.path().join(name), "x").unwrap();
    }
    fs::write(sub.join("p.html.77-3.tmp"), "x").unwrap();
    assert_eq!(sweep_stale_temps(dir.path()), 3);
    let mut left: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    let mut want = [
        ".x.tmp",
        "articles",
        "feed.xml",
        own.as_str(),
        "keep.tmp",
        "old.1.tmp",
    ];
    want.sort();
    assert_eq!(left, want);
    assert_eq!(fs::read_dir(&sub).unwrap().count(), 0);
}
