use super::*;

const REPO_CONFIG: &str = include_str!("../../config.toml");

fn parse(text: &str) -> Result<Config, ConfigError> {
    from_toml_str(text, Path::new("/etc/pressroom/config.toml"))
}

#[test]
fn the_repository_config_is_valid_and_resolves_paths_next_to_it() {
    let c = parse(REPO_CONFIG).unwrap();
    assert_eq!(c.paths.inbox, PathBuf::from("/etc/pressroom/inbox"));
    assert_eq!(
        c.paths.database,
        PathBuf::from("/etc/pressroom/pressroom.db")
    );
    assert_eq!(c.server.listen.to_string(), "127.0.0.1:8080");
    assert_eq!(c.timezone, FixedOffset::east_opt(8 * 3600).unwrap());
    assert_eq!(c.site.language, "zh-CN");
    assert!(!c.site.base_url.ends_with('/'));
}

#[test]
fn unknown_key_names_the_key_and_the_file() {
    let text = REPO_CONFIG.replace("[feeds]\n", "[feeds]\nitmes = 3\n");
    let err = parse(&text).unwrap_err().to_string();
    assert!(err.contains("/etc/pressroom/config.toml"), "{err}");
    assert!(err.contains("itmes"), "{err}");
}

#[test]
fn bad_values_name_their_key() {
    let cases = [
        (
            "timezone = \"+08:00\"",
            "timezone = \"Asia/Shanghai\"",
            "site.timezone",
        ),
        (
            "base_url = \"http://127.0.0.1:8080\"",
            "base_url = \"example.org\"",
            "site.base_url",
        ),
        ("items = 100", "items = 0", "feeds.items"),
        (
            "listen = \"127.0.0.1:8080\"",
            "listen = \"localhost\"",
            "server.listen",
        ),
        (
            "tag_authority = \"pressroom.localhost,2024\"",
            "tag_authority = \"x\"",
            "site.tag_authority",
        ),
        ("level = \"info\"", "level = \"loud\"", "log.level"),
        (
            "language = \"zh-CN\"",
            "language = \"zh CN\"",
            "site.language",
        ),
    ];
    for (from, to, key) in cases {
        assert!(REPO_CONFIG.contains(from), "{from}");
        let err = parse(&REPO_CONFIG.replace(from, to))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(&format!("key `{key}`")) && err.contains("config.toml"),
            "{err}"
        );
    }
}

#[test]
fn wrong_type_is_a_syntax_error_naming_the_key() {
    let err = parse(&REPO_CONFIG.replace("items = 100", "items = \"many\""))
        .unwrap_err()
        .to_string();
    assert!(err.contains("items"), "{err}");
}

#[test]
fn offsets_parse() {
    assert_eq!(parse_offset("+08:00"), FixedOffset::east_opt(28_800));
    assert_eq!(parse_offset("-05:30"), FixedOffset::east_opt(-19_800));
    assert_eq!(parse_offset("Z"), FixedOffset::east_opt(0));
    assert_eq!(parse_offset("+8"), FixedOffset::east_opt(28_800));
    assert_eq!(parse_offset("08:00"), None);
    assert_eq!(parse_offset("+15:00"), None);
}
