//! Bylines, datelines and photo credits.
//!
//! Chinese papers open an article with a dateline that may carry the reporters
//! (`株洲日报讯（全媒体记者/任远）`, `新华社北京11月8日电`, `据新华社北京1月1日电（记者姜琳）`,
//! `央视网消息（记者 王明）：`)
//! or print the reporters on a line of their own under the headline (`本报记者 周 欢`,
//! `株洲日报全媒体记者/张威`, a bare name). English papers use `By …` and `LONDON, Dec. 12.—`.
//! Photo credits end in `摄`.
//!
//! Whatever of a byline is neither dateline nor a name (`本报记者`, `（全媒体记者/）`) is
//! returned as `residue`, so the caller can keep every character of the input.

use std::sync::OnceLock;

use regex::Regex;

use super::advert;
use super::reflow::remove_layout_spaces;
use super::script::{self, is_capitals, is_cjk, SENTENCE_MARKS};

mod ideographs;
mod roles;

pub use roles::DECORATIONS;

use ideographs::IdeographSet;

/// What a byline said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Byline {
    pub dateline: Option<String>,
    pub authors: Vec<String>,
    /// Labels and brackets that are neither dateline nor names.
    pub residue: String,
    /// Bytes of the parsed text the byline took up (the body starts after them).
    pub len: usize,
}

fn cjk_lead_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            // pdftotext sets spaces round a date's figures (`新华社北京 12 月 4 日电`): a
            // space beside a figure is the date's.
            r"^(据?[^\s（(，。、“”：:]{0,12}?(?:[社报台网](?:[^\s（(，。、“”：:]|\s*[0-9]+\s*){0,14}?电|[^\s（(，。、“”：:]{2,12}?讯",
            // `新华社消息`, `央视网消息`: a news agency's or paper's 消息, with no date.
            r"|[^\s（(，。、“”：:]{0,12}?[社报台网]消息))",
            r"\s*(?:[（(]([^（）()]{1,40})[）)])?",
            // `人民网北京11月8日电：`, `央视网消息（记者 王明）：`.
            r"(?:\s*[：:])?"
        ))
        .expect("static regex")
    })
}

/// Month names in full or abbreviated, as datelines print them.
pub(crate) const MONTHS: &str = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";

fn latin_lead_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            concat!(
                // A war correspondent's place: `WITH THE BRITISH ARMIES IN THE FIELD`.
                r#"^((?:WITH\s+THE\s+(?:[A-Z][A-Z'.\-]*\s+){{1,4}}(?:IN|ON|AT|NEAR)\s+(?:THE\s+)?)?"#,
                r#"[A-Z][A-Za-z'".\-]*(?:[ ,.]{{1,3}}[A-Z0-9][A-Za-z0-9'".\-)]*){{0,3}}[,.]?\s+"#,
                // With the OCR's commonest misreadings of `Dec`.
                r"(?:{}|Deo|Iec|Per)\.?\s*[0-9JIB][0-9]?\.?)",
                r"\s*(?:[-—–]+\s*)?",
                // A wire's credit in brackets after the date, `(By the Associated Press)`,
                // is part of the dateline.
                r"(?:\((?:By\s+)?(?:the\s+)?[A-Z][A-Za-z.\s]{{0,30}}?(?:Press|Service|News)\.?\)",
                r"\s*(?:[-—–]+\s*)?)?"
            ),
            MONTHS
        ))
        .expect("static regex")
    })
}

/// A dateline without a date, as papers print it now: the place in capitals, maybe its
/// state and the wire in brackets, then a dash (`SPRINGFIELD — `, `CHICAGO (AP) —`,
/// `LOS ANGELES, Calif. (Reuters) —`); after the wire, a hyphen set apart serves as the
/// dash (`NEW YORK (Reuters) - `), as one agency prints it.
fn dashed_lead_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"^[A-Z][A-Z'.\-]{2,}(?:\s[A-Z][A-Z'.\-]+){0,3}",
            r"(?:,\s+[A-Z][A-Za-z.]{1,12}(?:\s[A-Z][A-Za-z.]{1,12})?)?",
            r"(?:\s*\([A-Z][A-Za-z .]{0,30}\)\s+-\s+",
            r"|(?:\s*\([A-Z][A-Za-z .]{0,30}\))?\s*(?:—|–|--)\s*)",
        ))
        .expect("static regex")
    })
}

fn dateline_line_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"^[A-Z].{{0,40}}?[,.]?\s+(?:{MONTHS})\.?\s*[0-9]{{1,2}}\.?$"
        ))
        .expect("static regex")
    })
}

/// The role labels a byline line holds (see [`roles`]), for one vectorised search of every
/// line for all of them (a substring search each would cost more than the whole search;
/// a hand-written scan of the characters, a bit set telling where a label may open, cost
/// more as well: decoding a line's characters costs what the regex does).
fn label_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new("记者|通讯员|实习生|撰稿|编译|整理|评论员|读者|作者|文/|文／|文：|图/|图／")
            .expect("static regex")
    })
}

/// Where role labels (`记者`, `通讯员`, `文/`, …) open in `text`, in order. No label holds a line
/// break, so a search of a whole page finds one in each line that holds one: a page's
/// lines are searched at once, where a search of each line cost more in setting up the
/// search than in searching (callgrind, seed page: 5.7 % of the split against 1.3 %).
pub fn role_label_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    label_re().find_iter(text).map(|m| m.start())
}

/// A dateline (and the reporters it brackets) at the start of `text`, a paragraph's raw text.
pub fn parse_lead(text: &str) -> Option<Byline> {
    match find_lead(text)? {
        Lead::Cjk {
            dateline_end,
            end,
            note,
            colon,
        } => {
            let mut b = Byline {
                dateline: Some(remove_layout_spaces(&text[..dateline_end])),
                residue: colon.to_owned(),
                len: end,
                ..Byline::default()
            };
            if let Some(Note {
                brackets: (open, close),
                inner,
            }) = note
            {
                let (authors, residue) = roles::parse_note(inner).map_or_else(
                    || {
                        let (label, names) = split_label(inner);
                        let (authors, seps) = split_names_keeping(names);
                        (authors, format!("{label}{seps}"))
                    },
                    |b| (b.authors, b.residue),
                );
                // A note that names no one is no reporters' note: where the dump printed
                // another column's line inside it (`（记` … `者谷业凯）`), it is text.
                if !authors.iter().all(|a| is_plausible_name(a)) {
                    b.len = dateline_end;
                    b.residue.clear();
                    return Some(b);
                }
                b.authors = authors;
                b.residue = format!("{open}{residue}{close}{colon}");
            } else if colon.is_empty() {
                if let Some((reporters, len)) = reported_by(&text[end..]) {
                    b.authors = reporters.authors;
                    b.residue = reporters.residue;
                    b.len += len;
                }
            }
            Some(b)
        }
        Lead::Latin { dateline_end, end } => Some(Byline {
            dateline: Some(text[..dateline_end].to_owned()),
            // The dash after a dateline is punctuation, kept with the residue.
            residue: text[dateline_end..end].trim().to_owned(),
            len: end,
            ..Byline::default()
        }),
    }
}

/// Most characters of a Chinese name written without a middle dot: a compound surname
/// and a two-character given name (`欧阳明月`).
const NAME_CHARS: usize = 4;
/// Most characters of a transliterated name, whose parts a middle dot joins
/// (`阿依努尔·吐尔逊`).
const DOTTED_NAME_CHARS: usize = 16;

/// Whether `name`, one of the names a dateline's note lists, can be a person's: a Chinese
/// name is a few name characters (more when a middle dot joins transliterated parts), no
/// clause of running text.
fn is_plausible_name(name: &str) -> bool {
    let chars: Vec<char> = name.chars().filter(|c| !c.is_whitespace()).collect();
    // Latin letters, and the leader writers' collective signature (`新华社评论员`).
    if !chars.iter().any(|&c| is_cjk(c)) || name.ends_with("评论员") {
        return true;
    }
    let dotted = chars.contains(&'·');
    let most = if dotted {
        DOTTED_NAME_CHARS
    } else {
        NAME_CHARS
    };
    chars.len() <= most && chars.iter().all(|&c| c == '·' || is_name_char(c))
}

/// Most characters a dateline's unbracketed reporters run to, up to their colon.
const REPORTED_BY_CHARS: usize = 30;

/// The reporters some papers print after a dateline without brackets, closed by `报道` and
/// a colon (`本报北京3月5日讯 记者王明报道：`), at the start of `rest`: the byline read
/// from them (labels, `报道` and the colon its residue) and the bytes they take up.
fn reported_by(rest: &str) -> Option<(Byline, usize)> {
    let (at, colon) = rest
        .char_indices()
        .take(REPORTED_BY_CHARS)
        .find(|&(_, c)| matches!(c, '：' | ':'))?;
    let reporters = rest[..at].trim_end();
    if !reporters.ends_with("报道") {
        return None;
    }
    let mut b = roles::parse(reporters).filter(|b| !b.authors.is_empty())?;
    b.residue.push(colon);
    Some((b, at + colon.len_utf8()))
}

/// Whether `text` opens with a dateline: [`parse_lead`]'s answer without reading the
/// reporters in its note (most callers ask only this, of many lines).
pub fn is_lead(text: &str) -> bool {
    find_lead(text).is_some()
}

/// [`is_lead`] of a text [`may_lead`] has let through, as a page asks it of each line after
/// asking that (the answer is kept per line): not asked twice.
pub fn is_lead_of_may_lead(text: &str) -> bool {
    read_lead(text).is_some()
}

/// [`is_lead`] of `first` and `second` joined, as a dateline wrapped onto the next line is
/// read; the two are joined only where the cheap tests of [`find_lead`] leave a lead
/// possible (joining every line asked with the next cost an allocation each).
pub fn is_lead_joined(first: &str, second: &str) -> bool {
    let joined = first.chars().chain(second.chars());
    let latin = joined
        .clone()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase());
    // Either test lets through only what `may_lead` does.
    (latin || has_cjk_lead_mark(joined)) && is_lead_of_may_lead(&format!("{first}{second}"))
}

/// Where a dateline at the start of `text` ends, and its whole lead.
enum Lead<'t> {
    /// `株洲日报讯（全媒体记者/任远）`: the dateline and the bracketed note after it, and
    /// the colon some papers print after them (`央视网消息（记者 王明）：`).
    Cjk {
        dateline_end: usize,
        end: usize,
        note: Option<Note<'t>>,
        colon: &'t str,
    },
    /// `WASHINGTON, March 2.—`: the dateline and the dash after it.
    Latin { dateline_end: usize, end: usize },
}

fn find_lead(text: &str) -> Option<Lead<'_>> {
    // The byte searches of `may_lead` turn most lines away before either branch's own,
    // character-wise test (callgrind: without it and the vectorised control test in
    // `decode`, a seed page took 7 % more instructions).
    may_lead(text).then(|| read_lead(text)).flatten()
}

/// [`find_lead`] of a text [`may_lead`] has let through.
fn read_lead(text: &str) -> Option<Lead<'_>> {
    // The regexes are asked for their whole match only, which needs no backtracking; the
    // groups are read off it (see `split_cjk_lead`, `split_latin_lead`).
    if let Some(whole) = has_cjk_lead_mark(text.chars())
        .then(|| cjk_lead_re().find(text))
        .flatten()
    {
        let (lead, colon) = split_colon(whole.as_str());
        let (dateline_end, note) = split_cjk_lead(lead);
        // A dateline is followed by a space, a bracket or a colon; a word that merely ends
        // in 电/讯 ("国家电网") is not one.
        let after = text[dateline_end..].chars().next();
        if after.is_some_and(|ch| !ch.is_whitespace() && !"（(：:".contains(ch)) {
            return None;
        }
        return Some(Lead::Cjk {
            dateline_end,
            end: whole.end(),
            note,
            colon,
        });
    }
    if !text.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let whole = latin_lead_re()
        .find(text)
        .or_else(|| dashed_lead_re().find(text))?;
    // A want ad's label in capitals and its dash (`WANTED—Girl for …`) reads as a place:
    // it is the ad's, which the advertisement rules drop.
    if advert::is_classified(text) {
        return None;
    }
    Some(Lead::Latin {
        dateline_end: split_latin_lead(whole.as_str()),
        end: whole.end(),
    })
}

/// A whole match of the CJK lead regex as the lead and the colon closing it, if any.
fn split_colon(whole: &str) -> (&str, &str) {
    match whole.strip_suffix(['：', ':']) {
        Some(lead) => {
            let lead = lead.trim_end();
            (lead, whole[lead.len()..].trim_start())
        }
        None => (whole, ""),
    }
}

/// The dateline's end in a whole match of the CJK lead regex, and the bracketed note after
/// it (the regex's groups 1 and 2). The note is the match's closing `（…）`, holding no
/// bracket; the dateline ends before it and the spaces in front of it, as it ends in 电 or
/// 讯.
fn split_cjk_lead(whole: &str) -> (usize, Option<Note<'_>>) {
    let closed = whole
        .strip_suffix('）')
        .map(|body| (body, '）'))
        .or_else(|| whole.strip_suffix(')').map(|body| (body, ')')));
    if let Some((body, close)) = closed {
        if let Some(open) = body.rfind(['（', '(']) {
            let bracket = body[open..].chars().next().unwrap_or('（');
            return (
                body[..open].trim_end().len(),
                Some(Note {
                    brackets: (bracket, close),
                    inner: &body[open + bracket.len_utf8()..],
                }),
            );
        }
    }
    (whole.trim_end().len(), None)
}

/// The bracketed note after a Chinese dateline: `（记者 王明）`, or with half-width brackets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Note<'a> {
    brackets: (char, char),
    inner: &'a str,
}

/// The dateline's end in a whole match of the Latin lead regex (its group 1): the match
/// without its trailing spaces and dashes, as the dateline ends in a digit, a stop or an
/// OCR's letter for a digit.
fn split_latin_lead(whole: &str) -> usize {
    whole
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '—' | '–'))
        .len()
}

/// Whether the CJK lead regex's dateline may end in the first run of `chars` (the
/// characters before the first space or clause mark, within [`CJK_LEAD_CHARS`]): its three
/// forms end in 讯 after two characters at least, or in 电 or 消息 after one of 社报台网
/// (the dateline holds none of those breaks). This spares most lines the regex; a line
/// that merely holds 电 (`国家电网`) or 讯 (`通讯员`) is turned away too.
fn has_cjk_lead_mark(chars: impl Iterator<Item = char>) -> bool {
    let mut agency = false;
    let mut before = ' ';
    let mut chars = chars.take(CJK_LEAD_CHARS).peekable();
    let mut k = 0;
    while let Some(c) = chars.next() {
        // A space beside a figure is the date's (`新华社北京 12 月 4 日电`), once the
        // agency is named.
        if c.is_whitespace()
            && agency
            && (before.is_ascii_digit() || chars.peek().is_some_and(char::is_ascii_digit))
        {
            continue;
        }
        if breaks_dateline(c) {
            return false;
        }
        if c == '讯' && k >= 2 || agency && (c == '电' || (before, c) == ('消', '息')) {
            return true;
        }
        agency |= matches!(c, '社' | '报' | '台' | '网');
        before = c;
        k += 1;
    }
    false
}

/// A space or clause mark, which the CJK lead regex's dateline never holds (its
/// `[^\s（(，。、“”：:]`); a `matches!` where a search of the marks' string for each
/// character cost some 50 instructions.
fn breaks_dateline(c: char) -> bool {
    c.is_whitespace() || matches!(c, '（' | '(' | '，' | '。' | '、' | '“' | '”' | '：' | ':')
}

/// Characters within which the CJK lead regex's dateline ends in 电, 讯 or 消息: at most 29
/// (`据`, 12, the agency's 社/报/台/网, 14, `电`), rounded up.
const CJK_LEAD_CHARS: usize = 32;

/// A dateline alone on a story's first line, its place garbled by the OCR beyond what
/// [`parse_lead`] reads (`N'.-w Orb an. I -a , Dec. 12`): the line ends in a date and
/// holds no lowercase word of four letters or more, as running text would.
pub fn parse_dateline_line(line: &str) -> Option<Byline> {
    let worded = line.split_whitespace().any(|w| {
        w.chars().filter(char::is_ascii_lowercase).count() >= 4
            && w.starts_with(|c: char| c.is_ascii_lowercase())
    });
    if worded || !dateline_line_re().is_match(line) {
        return None;
    }
    Some(Byline {
        dateline: Some(line.to_owned()),
        len: line.len(),
        ..Byline::default()
    })
}

/// A cheap test before the regexes: a Chinese dateline has 讯, 电 or 消息 near the start,
/// an English one starts with a capital.
pub fn may_lead(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_uppercase()) || has_lead_mark(text, CJK_LEAD_CHARS)
}

/// True when `line`'s end splits a two-character lead mark, `消` / `息…`, as a dateline
/// wrapped inside `消息` does (`央视网消` / `息（记者 王明）`): [`may_lead`] of neither
/// line sees the mark, so a caller joining the two asks this too.
pub fn splits_lead_mark(line: &str) -> bool {
    line.ends_with(NEWS_FIRST)
}

/// The first character of the two-character mark `消息`.
const NEWS_FIRST: char = '消';

/// True when 讯, 电 or the 息 of 消息 is among the first `n` characters of `text` (asked of
/// every line). A character is at most 4 bytes, so those lie in the first `4 * n` bytes; one
/// vectorised search there for the marks' last bytes (息 ends in 讯's) finds the
/// candidates, each checked as the whole character (a search per character would stop at
/// every CJK character sharing its last byte, thrice over); characters are counted only in
/// front of a hit.
fn has_lead_mark(text: &str, n: usize) -> bool {
    const XUN: &[u8] = "讯".as_bytes();
    const DIAN: &[u8] = "电".as_bytes();
    const XI: &[u8] = "息".as_bytes();
    const _: () = assert!(XI[2] == XUN[2]);
    let head = &text.as_bytes()[..text.len().min(4 * n)];
    memchr::memchr2_iter(XUN[2], DIAN[2], head).any(|last| {
        (last + 1).checked_sub(XUN.len()).is_some_and(|start| {
            let mark = &head[start..=last];
            let news = mark == XI && text[..start].ends_with(NEWS_FIRST);
            (mark == XUN || mark == DIAN || news) && text[..start].chars().count() < n
        })
    })
}

/// A line that is only a byline: `本报记者 周 欢`, `株洲日报全媒体记者/张威`, `By JOHN SMITH`,
/// `(By Associated Press.)`.
pub fn parse_line(line: &str) -> Option<Byline> {
    parse_searched_line(line, label_re().is_match(line))
}

/// [`parse_line`] of a line already searched for role labels: `labelled` tells whether it
/// holds one (see [`role_label_starts`]).
pub fn parse_searched_line(line: &str, labelled: bool) -> Option<Byline> {
    labelled
        .then(|| roles::parse(line))
        .flatten()
        .or_else(|| bracketed_names(line))
        .or_else(|| parse_latin_by(line))
}

/// Names alone in brackets on a line of their own (`（王明）`, `（王明、李华）`), as a
/// brief signs off under its text; the brackets are residue.
fn bracketed_names(line: &str) -> Option<Byline> {
    let (open, inner, close) = enclosed(script::trim(line))?;
    if !are_names(inner) {
        return None;
    }
    let names = bare_names(inner);
    Some(Byline {
        residue: format!("{open}{}{close}", names.residue),
        len: line.len(),
        ..names
    })
}

fn parse_latin_by(line: &str) -> Option<Byline> {
    // Asked of every line no other reading took, of a Chinese page too: a wire's or a
    // correspondent's credit and a `By` line open with a capital or a bracket.
    if line.len() > 64
        || !line.starts_with(|c: char| c.is_ascii_uppercase() || OPENING_BRACKETS.contains(&c))
    {
        return None;
    }
    let inner = line.strip_prefix(OPENING_BRACKETS).unwrap_or(line);
    if is_special(inner) || is_wire_name(inner) {
        return Some(Byline {
            dateline: Some(line.to_owned()),
            len: line.len(),
            ..Byline::default()
        });
    }
    let rest = inner.strip_prefix("By ").or_else(|| {
        inner
            .strip_prefix("BY ")
            .filter(|rest| is_capitals_name(rest))
    })?;
    if rest.len() > 60 || rest.is_empty() {
        return None;
    }
    let agency = ["Press", "PRESS", "Service", "News", "Wire", "Associated"]
        .iter()
        .any(|w| rest.contains(w));
    let mut b = Byline {
        len: line.len(),
        ..Byline::default()
    };
    if agency {
        b.dateline = Some(line.to_owned());
    } else {
        let (names, after) = latin_name(rest);
        let (authors, joiners) = split_latin_names(names);
        // `By virtue of an execution…` opens a legal notice, `By order of the Board` signs
        // one: a writer's name is written in capitals.
        if !authors.iter().all(|a| is_written_name(a)) {
            return None;
        }
        b.residue = format!("{}{joiners}{after}", &line[..line.len() - rest.len()]);
        b.authors = authors;
    }
    Some(b)
}

/// Particles a name may hold in lower case (`Ludwig van Beethoven`, `Vasco da Gama`).
const NAME_PARTICLES: [&str; 9] = ["de", "van", "von", "der", "da", "di", "du", "la", "le"];

/// Whether `name`, after `By`, is written as a name is: every word opening with a capital
/// (an initial, `Mrs.`, `O'Brien`) but a particle.
fn is_written_name(name: &str) -> bool {
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    name.split_whitespace()
        .all(|w| capital(w) || NAME_PARTICLES.contains(&w))
}

/// The writers a `By` line names together (`Jane Doe and Tom Ward`, `JANE DOE AND TOM
/// WARD`, `Ann Lee & Bo Li`), and the joining words, which are no name.
fn split_latin_names(names: &str) -> (Vec<String>, String) {
    let mut authors = Vec::new();
    let mut joiners = String::new();
    let mut rest = names;
    while let Some((at, joiner)) = [" and ", " AND ", " & "]
        .iter()
        .filter_map(|j| rest.find(j).map(|at| (at, *j)))
        .min()
    {
        authors.push(rest[..at].trim().to_owned());
        joiners.push_str(joiner.trim());
        rest = &rest[at + joiner.len()..];
    }
    authors.push(rest.trim().to_owned());
    authors.retain(|a| !a.is_empty());
    (authors, joiners)
}

/// What follows `BY` in capitals is writers' names, not the end of a headline (`STRICKEN` /
/// `BY DEATH`, `KILLED BY A TRAIN`): each name (`JANE DOE AND TOM WARD`) two to four words
/// of capitals or initials, two of them names (two letters or more), none a word a
/// headline's phrase holds.
fn is_capitals_name(rest: &str) -> bool {
    rest.split(" AND ").all(is_one_capitals_name)
}

/// The little words of a phrase, which no one's name holds (`KILLED BY A TRAIN`, a fact
/// box's `WHERE TO GO`).
const PHRASE_WORDS: [&str; 23] = [
    "a", "an", "and", "at", "for", "from", "her", "his", "how", "in", "is", "it", "its", "of",
    "on", "or", "the", "their", "to", "what", "when", "where", "with",
];

/// Whether `word` is one of [`PHRASE_WORDS`], in any case.
pub fn is_phrase_word(word: &str) -> bool {
    PHRASE_WORDS.iter().any(|p| word.eq_ignore_ascii_case(p))
}

fn is_one_capitals_name(rest: &str) -> bool {
    let words: Vec<&str> = rest
        .trim_end_matches(['.', ')'])
        .split_whitespace()
        .collect();
    let letters = |w: &str| w.chars().filter(char::is_ascii_uppercase).count();
    (2..=4).contains(&words.len())
        // A first name and a surname at least, besides initials.
        && words.iter().filter(|w| letters(w) >= 2).count() >= 2
        && words.iter().all(|w| {
            let bare = w.trim_end_matches([',', '.']);
            letters(bare) >= 1
                && !is_phrase_word(bare)
                && bare
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || matches!(c, '\'' | '-'))
        })
}

/// `Special to The Enterprise.)`, `Special Correspondence.`, `Special.`: a paper's own
/// correspondent's story, credited as an agency's is (the opening bracket taken off).
fn is_special(inner: &str) -> bool {
    let Some(rest) = inner.strip_prefix("Special") else {
        return false;
    };
    let rest = rest.trim_end().trim_end_matches(CLOSING_MARKS);
    rest.is_empty()
        || rest.starts_with(" to ") && rest.len() <= 48
        || rest.trim_start().starts_with("Correspond")
        || rest.trim_start().starts_with("Dispatch")
}

/// The credit that stands in for a story's dateline until its own place and date come:
/// an agency's (`(By Associated Press.)`, `[By Associated Press.]`, `BY ASSOCIATED PRESS.`)
/// or the paper's correspondent's (`(Special to The Enterprise.)`).
pub fn is_wire_credit(line: &str) -> bool {
    let inner = line.trim_start_matches(OPENING_BRACKETS);
    inner.starts_with("By ") || inner.starts_with("BY ") || is_special(inner) || is_wire_name(inner)
}

/// The brackets an English credit may stand in: round, or square as some papers (and
/// their scans) print them.
const OPENING_BRACKETS: [char; 2] = ['(', '['];
/// What closes an English credit: its bracket and stop.
const CLOSING_MARKS: [char; 3] = [')', ']', '.'];

/// A wire service's name alone on its line, as papers now credit it under the headline
/// (`The Associated Press`, `Reuters`, `Agence France-Presse`), the closing bracket and
/// stop of the old style taken off. The services are few and known: a phrase ending in
/// `Press` may be a headline (`Freedom of the Press`), so the name must be one of theirs.
fn is_wire_name(inner: &str) -> bool {
    const WIRES: [&str; 7] = [
        "Associated Press",
        "United Press",
        "United Press International",
        "Reuters",
        "Agence France-Presse",
        "Bloomberg News",
        "Dow Jones Newswires",
    ];
    // Asked of every line no other byline reading took: the cheap test first.
    if !inner.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    let name = inner.trim_end().trim_end_matches(CLOSING_MARKS).trim_end();
    let name = name
        .strip_prefix("The ")
        .or_else(|| name.strip_prefix("THE "))
        .unwrap_or(name);
    WIRES
        .iter()
        .any(|w| name.eq_ignore_ascii_case(w) && (name == *w || is_capitals(name)))
}

/// The writer's name in what follows `By `, and what is not the name: a stop or bracket
/// closing the line, and the writer's title after a comma (`John Smith, Staff
/// Correspondent.`). An initial keeps its stop (`By J. P.`); a surname loses it.
fn latin_name(rest: &str) -> (&str, &str) {
    // A comma or a bar sets the writer's title apart (`, Staff Correspondent`, `| Staff
    // Writer`).
    let name = rest.split([',', '|']).next().unwrap_or(rest).trim_end();
    let name = name.strip_suffix(')').unwrap_or(name).trim_end();
    let name = match name.strip_suffix('.') {
        Some(bare) if !ends_with_initial(bare) => bare,
        _ => name,
    };
    (name, &rest[name.len()..])
}

/// Words a pen name holds at most (`AN OLD SUBSCRIBER.`).
const PEN_NAME_WORDS: usize = 4;

/// A letter writer's pen name: a few words in capitals ending in a full stop (`A
/// TAXPAYER.`, `FAIR PLAY.`). Headlines look so too: only a letter's end tells it.
pub fn is_pen_name(line: &str) -> bool {
    let text = line.trim_end();
    (1..=PEN_NAME_WORDS).contains(&text.split_whitespace().count())
        && text.ends_with('.')
        && is_capitals(text)
}

/// A signature under a notice or a letter: a name with initials alone on its line
/// (`H. A. JOHNSON`, `Harry W. Fee, P. M.`), or a letter's pen name (`A TAXPAYER.`). A
/// stop after the surname is punctuation, kept as residue.
pub fn parse_signature(line: &str) -> Option<Byline> {
    if !is_signature(line) && !is_pen_name(line) {
        return None;
    }
    let name = line.trim_end();
    let bare = name.strip_suffix('.').filter(|n| !ends_with_initial(n));
    let (name, residue) = bare.map_or((name, ""), |n| (n, "."));
    Some(Byline {
        authors: vec![name.to_owned()],
        residue: residue.to_owned(),
        len: line.len(),
        ..Byline::default()
    })
}

/// Two to six words, each an initial (`W.`) or a capitalised name (`Fee,`), one an
/// initial at least and two names at most; a list of names runs on with a comma.
pub fn is_signature(line: &str) -> bool {
    // The cheap tests first: a signature is short and holds an initial's stop.
    if line.len() > 48 || !line.contains(". ") && !line.ends_with('.') {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    let name = |k: usize, w: &str| {
        let w = w.trim_end_matches(',');
        let w = if k == last {
            w.trim_end_matches('.')
        } else {
            w
        };
        w.len() >= 2
            && w.starts_with(|c: char| c.is_ascii_uppercase())
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '-'))
    };
    let initials = words.iter().filter(|w| is_initial(w)).count();
    (2..=6).contains(&words.len())
        && initials >= 1
        && words.len() - initials <= 2
        && !line.ends_with(',')
        && words
            .iter()
            .enumerate()
            .all(|(k, w)| is_initial(w) || name(k, w))
}

/// `W.` or `P.,`: a capital and a stop.
pub fn is_initial(word: &str) -> bool {
    let w = word.trim_end_matches(',');
    w.len() == 2 && w.ends_with('.') && w.starts_with(|c: char| c.is_ascii_uppercase())
}

fn ends_with_initial(text: &str) -> bool {
    text.split_whitespace()
        .next_back()
        .is_some_and(|w| w.len() == 1 && w.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// The commonest Chinese surnames (they cover most of the population); a bare name under
/// a headline starts with one, a two-character label (`链接`, `新语`) seldom does.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

/// True when `c` is one of [`SURNAMES`], asked of the first character of most lines: one
/// bit of a set (a binary search of the sorted list cost some 60 instructions a line; a
/// search of the string, 4 % of a split).
pub(super) fn is_surname(c: char) -> bool {
    static SET: IdeographSet = IdeographSet::of(SURNAMES);
    SET.contains(c)
}

/// The short names of China's provinces and regions that open with a common surname's
/// character: a four-character line opening with one names a place (`江苏苏州`, a
/// kicker), not a person.
const SURNAME_PROVINCES: [&str; 6] = ["江苏", "江西", "吉林", "安徽", "宁夏", "甘肃"];

/// True when `line` is a bare name (2–4 CJK characters, maybe letter-spaced: `周 欢`,
/// starting with a common surname, and no province with a city: `江苏苏州`), as printed
/// under a headline; maybe with a decoration in front (`◎陈静`), as a column's writer signs.
pub fn is_name_line(line: &str) -> bool {
    // Asked of most lines of a page: it stops at the first character that rules the line
    // out, the fifth at the latest, and allocates nothing. Most lines open with a character
    // that is neither a surname nor what may stand in front of one, told apart here before
    // the decoration is looked for (which cost a third of the question).
    if !line.starts_with(|c| is_surname(c) || may_precede_name(c)) {
        return false;
    }
    let mut count = 0;
    let mut opening = ['\0'; 2];
    let (_, name) = roles::split_decoration(line);
    for c in name.chars().filter(|c| !c.is_whitespace()) {
        let fits = if count == 0 {
            is_surname(c)
        } else {
            count < 4 && is_name_char(c)
        };
        if !fits {
            return false;
        }
        if count < 2 {
            opening[count] = c;
        }
        count += 1;
    }
    count >= 2
        && !(count == 4 && SURNAME_PROVINCES.iter().any(|p| p.chars().eq(opening)))
        && !LABELS_LIKE_NAMES.contains(&name.trim())
}

/// A space or a decoration, which may stand in front of a bare name (`◎陈静`): characters
/// below U+3000, so an ideograph is told by one comparison.
fn may_precede_name(c: char) -> bool {
    c <= '\u{3000}' && (c.is_whitespace() || roles::DECORATIONS.contains(&c))
}

/// Column labels that open with a surname and read as a name (`简讯`: 简 is a surname):
/// a box of briefs, a commentary, a feature, never a writer.
const LABELS_LIKE_NAMES: [&str; 6] = ["简讯", "时评", "关注", "周刊", "文化", "金融"];

/// A CJK character that may stand in a name: no punctuation, quote, dash or dot.
fn is_name_char(c: char) -> bool {
    is_cjk(c)
        && !matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF65)
        && !matches!(c, '“' | '”' | '—' | '…' | '·')
}

/// Credits of a picture from the paper's files, which name no photographer.
const FILE_PICTURE: [&str; 2] = ["资料图片", "资料照片"];

/// True when `line` is a photo credit (`株洲日报全媒体记者/杨凌凌 摄`, `严米金摄`,
/// `王明 摄影`, `受访者供图`, `新华社发`, `资料图片`).
pub fn is_credit(line: &str) -> bool {
    may_be_credit(line) && reads_as_credit(line)
}

/// An English picture's credit alone on its line, as papers print it under a caption:
/// the photographer and the paper or agency (`JOHN SMITH/THE DAILY HERALD`, `AP Photo/Evan
/// Vucci`, `(REUTERS/Kevin Lamarque)`), the credit's label and the name (`Photo by John
/// Smith`, `Staff photo by Ann Lee`, `Photo courtesy of the city`, `Getty Images`), or
/// whose photo it is, with no name (`Courier file photo`, `AP Photo`, `Submitted photo`).
pub fn is_photo_credit(line: &str) -> bool {
    const MAX_LEN: usize = 60;
    const LABELS: [&str; 5] = [
        "photo by ",
        "photos by ",
        "staff photo by ",
        "photo courtesy of ",
        "photo: ",
    ];
    let line = line.trim();
    let body = enclosed(line).map_or(line, |(_, inner, _)| inner.trim());
    if body.len() > MAX_LEN || body.contains(['.', ',', ';', '?', '!', '"', '“']) {
        return false;
    }
    let lower = body.to_ascii_lowercase();
    if let Some(rest) = LABELS.iter().find_map(|l| lower.strip_prefix(l)) {
        return !rest.trim().is_empty();
    }
    if lower.ends_with("getty images") {
        return true;
    }
    // Both sides of the one slash capitalised words only: a name, a paper, `AP Photo`;
    // the paper's side may call it its photo in lower case (`Courier photo/Jane Park`).
    let capitalised = |side: &str| {
        let words: Vec<&str> = side.split_whitespace().collect();
        (1..=5).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_ascii_uppercase())
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\''))
            })
    };
    let papers = |side: &str| {
        let paper = ["photo", "photos"]
            .iter()
            .find_map(|w| side.strip_suffix(w).filter(|p| p.ends_with(' ')));
        capitalised(paper.unwrap_or(side))
    };
    // The two sides may stand apart by a bar instead (`MARTA SILVA | TRIBUNE`).
    let Some((who, whose)) = body.split_once('/').or_else(|| body.split_once(" | ")) else {
        return is_unsigned_photo_credit(body);
    };
    !whose.contains(['/', '|']) && papers(who) && papers(whose)
}

/// A credit that names whose photo it is and no photographer (`Courier file photo`, `AP
/// Photo`, `Staff photo`, `Submitted photo`): `photo` after a paper's capitalised name or
/// the words papers use for where a picture came from.
fn is_unsigned_photo_credit(body: &str) -> bool {
    const SOURCES: [&str; 5] = ["file", "staff", "submitted", "contributed", "courtesy"];
    let Some(rest) = ["photo", "Photo", "PHOTO"]
        .iter()
        .find_map(|w| body.strip_suffix(w))
        .and_then(|r| r.strip_suffix(' '))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            let source = SOURCES.iter().any(|s| w.eq_ignore_ascii_case(s));
            source
                || w.starts_with(|c: char| c.is_ascii_uppercase())
                    && w.chars().all(char::is_alphabetic)
        })
}

/// Where the credit an English caption's last line closes with starts (`…on three
/// streets. (Courier photo/Jane Park)`): a [`is_photo_credit`] in brackets right after
/// the caption's sentence end.
pub fn trailing_photo_credit(text: &str) -> Option<usize> {
    // Asked of every line of an English page, nearly all of which end otherwise.
    if !text.ends_with(')') {
        return None;
    }
    let open = text.rfind('(')?;
    let before = text[..open].trim_end();
    let credited = !before.is_empty() && script::ends_sentence(before);
    (credited && is_photo_credit(&text[open..])).then_some(open)
}

/// Where the credit a caption's last line closes with starts, as the page's script
/// prints it (see [`trailing_credit`] and [`trailing_photo_credit`]).
pub fn trailing_credit_in(text: &str, cjk: bool) -> Option<usize> {
    if cjk {
        trailing_credit(text)
    } else {
        trailing_photo_credit(text)
    }
}

/// [`is_credit`]'s reading of the whole line, which [`may_be_credit`] spares most lines.
fn reads_as_credit(line: &str) -> bool {
    let line = line.trim_end_matches(script::is_space);
    // A credit alone on its line may stand in brackets (`（本报记者 王明 摄）`).
    let body = enclosed(line).map_or(line, |(_, inner, _)| inner.trim());
    if FILE_PICTURE.contains(&body) || is_courtesy(body) {
        return true;
    }
    if let Some(names) = PICTURE_LABELS.iter().find_map(|l| body.strip_prefix(l)) {
        // `图/文 王明` is a byline of the writer who took the pictures too.
        return !names.starts_with('文') && are_names(names);
    }
    if let Some(rest) = body.strip_suffix("摄影") {
        // Running text breaks `摄影器材` at a line's end as well: only a name, or a byline,
        // signs a photograph so.
        let rest = rest.trim_end();
        return is_name_line(rest) || roles::parse(rest).is_some();
    }
    let Some(rest) = ["摄", "供图", "社发"]
        .iter()
        .find_map(|mark| body.strip_suffix(mark))
    else {
        return false;
    };
    let rest = rest.trim_end();
    let n = rest.chars().count();
    let least = if body.ends_with("社发") { 1 } else { 2 };
    (least..=24).contains(&n) && !rest.contains(CLAUSE_MARKS)
}

/// Whether `line` may be a photo credit, told by its two ends (asked of every line, nearly
/// all of which it turns away before the brackets and spaces are trimmed): a credit ends in
/// its mark (`摄`, `摄影`, `供图`, `社发`, `资料图片`, `提供`) or opens with its label (`图/`,
/// `摄影：`). A bracket or a space at the end in question leaves it to [`reads_as_credit`].
fn may_be_credit(line: &str) -> bool {
    line.starts_with(['图', '摄', '（', '('])
        || line.ends_with(|c: char| {
            matches!(c, '摄' | '影' | '图' | '发' | '片' | '供' | '）' | ')') || c.is_whitespace()
        })
}

/// Marks that end a sentence or a clause: a credit holds none.
const CLAUSE_MARKS: [char; 5] = ['。', '，', '；', '！', '？'];

/// A courtesy credit for a page's or a story's pictures: `本版图片均由受访者提供`,
/// `图片由新华社提供`, `照片由作者提供`: short, with no sentence in it.
fn is_courtesy(body: &str) -> bool {
    const MAX_CHARS: usize = 24;
    ["本版图片", "图片", "照片"]
        .iter()
        .any(|p| body.starts_with(p))
        && body.ends_with("提供")
        && !body.contains(CLAUSE_MARKS)
        && body.chars().count() <= MAX_CHARS
}

/// Labels a photographer's name follows (`图/王明`, `摄影：王明`).
const PICTURE_LABELS: [&str; 6] = ["图/", "图／", "图：", "摄影/", "摄影／", "摄影："];

/// True when `text` is one name or several (`王明`, `王 明 李华`, `王明、李华`).
fn are_names(text: &str) -> bool {
    let names = split_names(text.trim());
    !names.is_empty() && names.iter().all(|n| is_name_line(n))
}

/// Where the credit a caption's text ends with starts (`…在做检查。本报记者 王明 摄`,
/// `…在做检查。（新华社发）`): after the text's last sentence end, a credit alone, maybe
/// bracketed. `text` is trimmed, as lines and the text joined from them are.
pub fn trailing_credit(text: &str) -> Option<usize> {
    // Asked of every line of a Chinese page, nearly all of which end otherwise.
    if !text.ends_with(['摄', '影', '图', '发', '片', '）', ')']) {
        return None;
    }
    let unbracketed = text.strip_suffix(['）', ')']).unwrap_or(text);
    if !(["摄", "摄影", "供图", "社发"]
        .iter()
        .chain(&FILE_PICTURE)
        .any(|mark| unbracketed.ends_with(mark)))
    {
        return None;
    }
    let (at, mark) = text
        .char_indices()
        .rfind(|(_, c)| SENTENCE_MARKS.contains(c))?;
    let start = at + mark.len_utf8();
    let credit = text[start..].trim();
    let inner = if credit.starts_with(['（', '(']) {
        enclosed(credit)?.1
    } else {
        credit
    };
    is_credit(inner).then_some(start)
}

/// Where the sign-off a paragraph's last line closes with starts (`…500余名市民参加。（张华）`,
/// `…正式启用。（本报记者 李华）`): a writer's name or byline in brackets right after the
/// text's sentence end, as short news signs off on the line of its last words.
pub fn trailing_sign_off(text: &str) -> Option<usize> {
    // Asked of every paragraph's last line, nearly all of which end otherwise.
    let inner_end = text.strip_suffix('）')?.len();
    let open = text[..inner_end].rfind('（')?;
    let before = text[..open].trim_end();
    let inner = &text[open + '（'.len_utf8()..inner_end];
    let names = || {
        is_name_line(inner)
            || parse_line(inner).is_some_and(|b| !b.authors.is_empty() && b.dateline.is_none())
    };
    (!before.is_empty() && script::ends_sentence(before) && names()).then_some(open)
}

/// True when `line` is wholly in brackets, as a story's sign-off is (`（王明）`, `（本报记者
/// 李华）`).
pub fn is_bracketed(line: &str) -> bool {
    enclosed(line.trim()).is_some()
}

/// `text` as its opening bracket, what the brackets hold and its closing bracket, when it
/// opens and closes with a bracket (full- or half-width): `（新华社发）`, `（本报记者 王明）`.
fn enclosed(text: &str) -> Option<(&str, &str, &str)> {
    let after_open = text.strip_prefix(['（', '('])?;
    let inner = after_open.strip_suffix(['）', ')'])?;
    let open = text.len() - after_open.len();
    let close = open + inner.len();
    Some((&text[..open], inner, &text[close..]))
}

/// Splits a label from the names it introduces: `全媒体记者/任远` → (`全媒体记者/`, `任远`).
fn split_label(inner: &str) -> (&str, &str) {
    let cut = ["/", "／", "记者", "通讯员"]
        .iter()
        .filter_map(|m| inner.rfind(m).map(|i| i + m.len()))
        .max()
        .unwrap_or(0);
    (&inner[..cut], &inner[cut..])
}

/// An English byline of names alone (`Mary Smith`, `Jane Doe and Tom Ward`): a Latin name
/// holds its spaces, so only the joining words part names. A stop or comma closing the
/// line is residue.
pub fn bare_latin_names(text: &str) -> Byline {
    let names = text.trim().trim_end_matches(['.', ',']);
    let names =
        names.split_once(", ").map_or(
            names,
            |(name, office)| {
                if is_office(name, office) {
                    name
                } else {
                    names
                }
            },
        );
    let (authors, joiners) = split_latin_names(names);
    Byline {
        authors,
        residue: format!("{joiners}{}", &text.trim()[names.len()..]),
        ..Byline::default()
    }
}

/// Whether `office`, after `name` and a comma, is the signer's office, not another name:
/// a notice signs with the name in capitals and the office in lower case (`JOHN DOE,
/// Sheriff`, `W. H. BROWN, County Clerk`).
fn is_office(name: &str, office: &str) -> bool {
    is_capitals(name)
        && office.starts_with(|c: char| c.is_ascii_uppercase())
        && office.chars().any(|c| c.is_ascii_lowercase())
}

/// A byline of names alone, with no label (`周 欢`, `陈正明、邹家虎`): the names split as
/// [`split_names_keeping`] splits them, the punctuation between kept as residue.
pub fn bare_names(text: &str) -> Byline {
    let (decoration, names) = roles::split_decoration(text);
    let (authors, seps) = split_names_keeping(names);
    Byline {
        authors,
        residue: format!("{}{seps}", decoration.trim_end()),
        ..Byline::default()
    }
}

/// Splits `陈正明 邹家虎` into two names, but keeps `周 欢` (a letter-spaced two-character
/// name) as one. The punctuation that separated names (`、`) is returned apart.
pub fn split_names_keeping(names: &str) -> (Vec<String>, String) {
    let seps: String = names
        .chars()
        .filter(|c| matches!(c, '、' | '，' | ','))
        .collect();
    (split_names(names), seps)
}

/// [`split_names_keeping`] without the separators. Names are set apart by punctuation or
/// spaces; a run of single characters between spaces is letter-spaced names (`施 芳 潘俊强`
/// is 施芳 and 潘俊强).
fn split_names(names: &str) -> Vec<String> {
    let mut out = Vec::new();
    for group in names.split(['、', '，', ',']) {
        let parts: Vec<&str> = group.split_whitespace().collect();
        let mut rest = &parts[..];
        while let Some(first) = rest.first() {
            let singles = rest.iter().take_while(|p| p.chars().count() == 1).count();
            if singles == 0 {
                out.push((*first).to_owned());
                rest = &rest[1..];
            } else {
                out.extend(letter_spaced_names(&rest[..singles]));
                rest = &rest[singles..];
            }
        }
    }
    out
}

/// The names a run of letter-spaced characters spells: two characters each, as most names
/// have, the last taking a third left over (`王 小 明` is one name).
fn letter_spaced_names(chars: &[&str]) -> Vec<String> {
    let names = (chars.len() / 2).max(1);
    (0..names)
        .map(|k| {
            let end = if k + 1 == names {
                chars.len()
            } else {
                2 * k + 2
            };
            chars[2 * k..end].concat()
        })
        .collect()
}

#[cfg(test)]
mod tests;
