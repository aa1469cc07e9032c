//! A Chinese byline's list of people with their roles: `本报记者 王明 通讯员 李华`,
//! `记者王明 实习生李华`, `文/图 本报记者 王明`, `人民日报记者 王明 报道`, `（本报记者 王明）`.
//!
//! A role label (`记者`, `通讯员`, `实习生`, `特约撰稿人`, `编译`, `整理`, `评论员`, with the
//! paper's name or `本报` in front, `读者` signing a letter, or `文/`, `作者：` for the
//! writer) introduces the names after it, up to the next label. The names may be spaced
//! out or glued to the labels; the labels themselves, a decoration in front (`□`, `◎`) and
//! a closing `报道` are returned as residue, so every character stays in the split. The
//! paper's leader writers sign with the label alone (`本报评论员`), which is then the author.

use std::sync::OnceLock;

use regex::Regex;

use super::{enclosed, split_names_keeping, Byline};
use crate::edition::script::{is_cjk, is_ideograph};

/// The role labels. A paper's name in front of a role ends in the kind of outlet it is
/// (`本报`, `株洲日报`, `新华社`, `央视网`, `新湖南客户端`), so a name glued in front of a
/// label (`王明通讯员`) is not taken for one; `文`, `图` and `摄影` are labels only with
/// their slash or colon (`文/王明 图/李华`).
fn label_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"(?:(?:[\p{Han}·]+?(?:报|刊|社|台|网|客户端|中心))?",
            r"(?:全媒体|融媒体|新媒体)?",
            r"(?:见习|特约|首席|驻\p{Han}{1,4}|实习)?",
            r"(?:记者|通讯员|实习生|撰稿人?|编译|整理|评论员|读者)",
            r"|文\s*[/／]\s*图|图\s*[/／]\s*文|(?:文|图|摄影|作者)\s*[/／:：])",
            r"\s*[/／:：]?",
        ))
        .expect("static regex")
    })
}

/// Decorations printed in front of a byline (all below U+3000, as `is_name_line` counts on).
pub const DECORATIONS: &[char] = &[
    '□', '■', '◎', '●', '○', '◆', '◇', '▲', '△', '★', '☆', '▶', '►',
];

/// `text` split after the decoration printed in front of it, with the spaces after it
/// (`◎ 陈静` is `◎ ` and `陈静`); all of it is the rest when it has none.
pub fn split_decoration(text: &str) -> (&str, &str) {
    let rest = text
        .strip_prefix(DECORATIONS)
        .map_or(text, |rest| rest.trim_start());
    text.split_at(text.len() - rest.len())
}

/// What a Chinese byline lists: `Some` when the text is only labels, names and the
/// punctuation between them, with at least one label and one name.
pub fn parse(text: &str) -> Option<Byline> {
    parse_with(text, false)
}

/// [`parse`] of the note a dateline brackets (`本报讯（记者 周磊 通讯员气宣）`): it holds
/// nothing but labels and names, so a name glued to its label is a name whatever it
/// starts with. The note may have wrapped between the label and the name, a break the
/// join of Chinese lines leaves no space for.
pub fn parse_note(text: &str) -> Option<Byline> {
    parse_with(text, true)
}

/// [`parse`], reading text glued to a label as names when `in_note`.
fn parse_with(text: &str, in_note: bool) -> Option<Byline> {
    let (decoration, body) = split_decoration(text.trim_start());
    let mut residue = decoration.trim().to_owned();
    // `（本报记者 王明）`: a byline in brackets, which are residue.
    // `（记者）王明（通讯员）` is not one bracket around a byline.
    let whole = |inner: &str| !inner.contains(['（', '(', '）', ')']);
    let (body, close) = match enclosed(body.trim_end()).filter(|&(_, inner, _)| whole(inner)) {
        Some((open, inner, close)) => {
            residue.push_str(open);
            (inner, close)
        }
        None => (body, ""),
    };
    let mut authors = Vec::new();
    let mut at = 0;
    let mut set_apart = true;
    let mut labels = 0;
    let mut writers = 0;
    for label in label_re().find_iter(body) {
        writers += usize::from(!is_picture_label(label.as_str()));
        let before = &body[at..label.start()];
        if labels == 0 && label.as_str().contains("读者") && is_place(before) {
            // `湖南株洲 读者 张华`: a letter's writer says first where they write from.
            residue.push_str(before.trim());
        } else {
            take_names(before, set_apart, &mut authors, &mut residue)?;
        }
        residue.push_str(label.as_str().trim());
        labels += 1;
        at = label.end();
        set_apart = in_note
            || label
                .as_str()
                .ends_with(|c: char| !is_cjk(c) || SEPARATORS.contains(&c));
    }
    let last = body[at..].trim_end();
    let (last, reported) = REPORTED
        .iter()
        .find_map(|mark| last.strip_suffix(mark).map(|names| (names, *mark)))
        .unwrap_or((last, ""));
    let wrapped = wrapped_surname(last);
    let last = &last[..last.len() - wrapped.len()];
    take_names(last, set_apart, &mut authors, &mut residue)?;
    authors.extend((!wrapped.is_empty()).then(|| wrapped.to_owned()));
    residue.push_str(reported);
    if labels == 1 && authors.is_empty() && residue.ends_with("评论员") {
        // `本报评论员`, `人民日报评论员`: the paper's leader writers sign as one.
        let signature = residue.trim_start_matches(|c: char| DECORATIONS.contains(&c));
        authors.push(signature.to_owned());
        residue.truncate(residue.len() - signature.len());
    }
    residue.push_str(close);
    // A photographer's label alone (`图/李华`) credits a picture, not a story.
    (writers > 0 && !authors.is_empty()).then(|| Byline {
        authors,
        residue,
        len: text.len(),
        ..Byline::default()
    })
}

/// Whether `label` credits pictures only (`图/`, `摄影：`): the photographer of a story
/// whose writer another label names (`文/王明 图/李华`).
fn is_picture_label(label: &str) -> bool {
    label.starts_with(['图', '摄']) && !label.contains('文')
}

/// Where a letter's writer lives, as printed before `读者`: a few ideographs (`湖南株洲`,
/// `株洲市民`), spaced out or not.
fn is_place(text: &str) -> bool {
    let n = text.chars().filter(|c| !c.is_whitespace()).count();
    (2..=8).contains(&n) && text.chars().all(|c| c.is_whitespace() || is_ideograph(c))
}

/// A surname alone at the end of a line (`本报记者 刘`): the column was too narrow for the
/// name, whose rest is on the next line.
fn wrapped_surname(text: &str) -> &str {
    let mut words = text.split_whitespace().rev();
    let last = words.next().unwrap_or("");
    let mut chars = last.chars();
    let alone = matches!((chars.next(), chars.next()), (Some(c), None) if super::is_surname(c));
    // `周 欢` is a letter-spaced name, not a name and a surname.
    let spaced_name = words.next().is_some_and(|word| word.chars().count() == 1);
    if alone && !spaced_name {
        last
    } else {
        ""
    }
}

/// What may close a byline after the names: `王明 报道`, `王明 摄影报道`, `王明 采写`.
const REPORTED: &[&str] = &["摄影报道", "报道", "采写"];

/// The slash and colons that may close a label.
const SEPARATORS: &[char] = &['/', '／', ':', '：'];

/// Adds the names in `text` (between two labels) to `authors` and their separators to
/// `residue`; `None` when `text` holds anything but names. Text glued to the label before
/// it (`记者手记`, not `记者 王明` or `记者/王明`) is a name only when it starts with a common
/// surname.
fn take_names(
    text: &str,
    set_apart: bool,
    authors: &mut Vec<String>,
    residue: &mut String,
) -> Option<()> {
    // Every character but the spaces and separators ends up in a name, which holds name
    // characters only: a character of anything else rules the text out before the names
    // and separators are copied out of it.
    if !text.chars().all(may_stand_in_names) {
        return None;
    }
    let (names, seps) = split_names_keeping(text);
    let set_apart = set_apart || text.starts_with(char::is_whitespace);
    let first_fits = |n: &String| set_apart || n.starts_with(super::is_surname);
    if !names
        .iter()
        .enumerate()
        .all(|(k, n)| is_name(n) && (k > 0 || first_fits(n)))
    {
        return None;
    }
    authors.extend(names);
    residue.push_str(&seps);
    Some(())
}

/// A character that may stand in a list of names: a name's own, a middle dot, a space or a
/// separator (`、`, `，`).
fn may_stand_in_names(c: char) -> bool {
    c == '·' || super::is_name_char(c) || c.is_whitespace() || matches!(c, '、' | '，' | ',')
}

/// A person's name as bylines print it: two to four characters, or a longer
/// transliterated one with its middle dot (`阿卜杜拉·买买提`).
fn is_name(name: &str) -> bool {
    let n = name.chars().count();
    let dotted = name.contains('·');
    let chars_fit = name.chars().all(|c| c == '·' || super::is_name_char(c));
    chars_fit && is_cjk(name.chars().next().unwrap_or(' ')) && (2..=4).contains(&n)
        || chars_fit && dotted && (4..=12).contains(&n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn authors(text: &str) -> Option<Vec<String>> {
        parse(text).map(|b| b.authors)
    }

    #[test]
    fn every_role_gives_its_names() {
        let cases: [(&str, &[&str]); 23] = [
            ("本报评论员", &["本报评论员"]),
            ("■ 人民日报特约评论员", &["人民日报特约评论员"]),
            ("本报特约评论员 王明", &["王明"]),
            ("作者：王明", &["王明"]),
            ("记者 王明 摄影报道", &["王明"]),
            ("（本报记者 王明）", &["王明"]),
            ("本报记者 王明", &["王明"]),
            ("本报记者 王明 通讯员 李华", &["王明", "李华"]),
            ("本报通讯员 李华 记者 王明", &["李华", "王明"]),
            ("记者王明 实习生李华", &["王明", "李华"]),
            ("记者王明通讯员李华", &["王明", "李华"]),
            ("文/图 本报记者 王明", &["王明"]),
            ("文/王明", &["王明"]),
            ("□人民日报记者 王明 张强 报道", &["王明", "张强"]),
            ("株洲日报全媒体记者/陈正明 邹家虎", &["陈正明", "邹家虎"]),
            ("本报记者 周 欢", &["周欢"]),
            ("本报记者 刘", &["刘"]),
            ("读者 张华", &["张华"]),
            ("湖南株洲 读者 张华", &["张华"]),
            ("文/王明 图/李华", &["王明", "李华"]),
            ("文：王明 图：李华", &["王明", "李华"]),
            ("图/李华 文/本报记者 王明", &["李华", "王明"]),
            ("文/王明 摄影/李华", &["王明", "李华"]),
        ];
        for (text, want) in cases {
            let want: Vec<String> = want.iter().map(|&n| n.to_owned()).collect();
            assert_eq!(authors(text), Some(want), "{text}");
        }
    }

    #[test]
    fn a_dateline_note_reads_a_name_glued_to_its_label() {
        let names = |b: Byline| b.authors;
        // Not a common surname: glued to its label in a free line, it could be a word.
        assert_eq!(parse("记者 周磊 通讯员气宣"), None);
        assert_eq!(
            parse_note("记者 周磊 通讯员气宣").map(names),
            Some(vec!["周磊".to_owned(), "气宣".to_owned()])
        );
    }

    #[test]
    fn the_labels_are_kept_as_residue() {
        let b = parse("◎本报记者 王明 通讯员 李华、张强 报道").unwrap();
        assert_eq!(b.residue, "◎本报记者通讯员、报道");
        assert_eq!(parse("（本报记者 王明）").unwrap().residue, "（本报记者）");
        assert_eq!(b.len, "◎本报记者 王明 通讯员 李华、张强 报道".len());
        let letter = parse("湖南株洲 读者 张华").unwrap();
        assert_eq!(letter.residue, "湖南株洲读者");
    }

    #[test]
    fn text_that_is_not_only_names_is_no_byline() {
        for text in [
            "记者从17日召开的发布会上获悉",
            "记者 王明在现场看到",
            "王明 李华",
            "本报记者",
            "文化和旅游部",
            "记者手记",
            // A picture's credit, not a story's byline.
            "图/李华",
            "摄影：李华",
        ] {
            assert!(parse(text).is_none(), "{text}");
        }
    }
}
