//! The test fixtures' pages (`tests/fixtures/*.txt`), for unit tests that check a rule, or a
//! faster form of one, on every real line the project holds.

/// One fixture file: its name (for failure messages) and its text.
pub struct Fixture {
    pub name: String,
    pub text: String,
}

/// Every `.txt` fixture, in no particular order.
pub fn fixtures() -> Vec<Fixture> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("fixtures") {
        let path = entry.expect("fixture").path();
        if path.extension().is_some_and(|e| e == "txt") {
            out.push(Fixture {
                name: path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                text: std::fs::read_to_string(&path).expect("UTF-8 fixture"),
            });
        }
    }
    out
}

/// The text of every fixture, for tests that need no names.
pub fn fixture_pages() -> Vec<String> {
    fixtures().into_iter().map(|f| f.text).collect()
}
