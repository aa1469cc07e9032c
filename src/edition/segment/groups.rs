//! A headline unit's lines sorted out: grouped where blank lines part them, two stories'
//! titles in one block cut apart, column labels and rubrics taken out, and the kicker,
//! title and subtitle told apart among the groups. [`super::Builder::head`] runs these on
//! each unit.

use crate::edition::classify::{Page, Role, COLUMN_LABEL};
use crate::edition::headline::{self, HeadLine, Headline};
use crate::edition::latin::is_sentence_case;
use crate::edition::script::{has_sentence_mark, is_capitals, is_space};

/// The lines of a headline unit, grouped where blank lines separate them: blank lines
/// that break the page's blocks, and a blank line before another title (see
/// [`headline::title_apart`]), which breaks none where the lines around it are set apart
/// too. Not in a double-spaced dump, where a title's wrap is set apart as well.
pub(super) fn head_groups<'a>(page: &Page<'a>, start: usize, end: usize) -> Vec<Vec<HeadLine<'a>>> {
    let mut groups: Vec<Vec<HeadLine>> = Vec::new();
    let blanks_part = page.cjk && !page.double_spaced;
    for k in start..end {
        let line = (page.lines[k].text, page.lines[k].width);
        let apart = |g: &[HeadLine]| {
            blanks_part && page.lines[k].blank_before && headline::title_apart(g, line)
        };
        match groups.last_mut() {
            Some(g) if !page.starts[k] && !apart(g) => g.push(line),
            _ => groups.push(vec![line]),
        }
    }
    groups
}

/// Groups of headline lines with every group that holds two titles one under the other
/// (see [`headline::second_title_at`]) cut in two: pdftotext printed two stories'
/// headlines, set side by side or one over the other, in one block.
pub(super) fn split_stacked_titles(groups: Vec<Vec<HeadLine>>) -> Vec<Vec<HeadLine>> {
    let mut out = Vec::with_capacity(groups.len());
    for mut g in groups {
        while let Some(at) = headline::second_title_at(&g) {
            let rest = g.split_off(at);
            out.push(std::mem::replace(&mut g, rest));
        }
        out.push(g);
    }
    out
}

/// Ems a column's rubric runs to at most (`大数据观察`, `人民时评`).
const RUBRIC_EMS: f32 = 5.0;

/// Particles and conjunctions that join a phrase to what follows: a line ending on one
/// (`父亲的` over `那辆二八自行车`) is a title's first line, never a rubric.
const JOINING_ENDS: [char; 5] = ['的', '之', '与', '和', '及'];

/// A short first line of a group that leads a much longer line: a title wraps onto lines
/// no longer than its first, so a line of a rubric's width over a wider line that shares
/// no word with it is no title. When the text under the headline names it, it is a place
/// kicker (`四川成都`), set apart as a group of its own for [`is_place_kicker`]; else a
/// column's rubric (`人民时评` over `莫让虚假测评误导消费`), returned to be dropped. A line
/// that shares a word with the line below may be a short title over its subtitle (`春耕` /
/// `全省春耕备耕…`), and is left to the other rules, as is one the text under the headline
/// (ending before line `end`) runs on from into the line below: the two are one title
/// wrapped (`我市召开` / `安全生产工作会议` over `…我市召开安全生产工作会议，…`).
pub(super) fn take_short_leads<'a>(
    groups: Vec<Vec<HeadLine<'a>>>,
    page: &Page,
    end: usize,
) -> (Vec<Vec<HeadLine<'a>>>, Vec<String>) {
    /// Ems by which the line under a rubric is wider at least.
    const WIDER_BY: f32 = 3.0;
    let mut out = Vec::with_capacity(groups.len());
    let mut rubrics = Vec::new();
    for mut g in groups {
        let leads = g.len() >= 2
            && g[0].1 <= RUBRIC_EMS
            && g[1].1 >= g[0].1 + WIDER_BY
            && is_bare_phrase(g[0].0)
            && !g[0].0.contains('：')
            && !g[0].0.trim_end().ends_with(JOINING_ENDS)
            && !headline::shares_word_pair(&g[..1], &g[1..])
            && !text_below_runs_on(page, end, g[0].0, g[1].0);
        if !leads {
            out.push(g);
            continue;
        }
        let rest = g.split_off(1);
        if names_text_below(g[0].0, page, end) {
            out.push(g);
        } else {
            rubrics.push(g[0].0.to_owned());
        }
        out.push(rest);
    }
    (out, rubrics)
}

/// Groups of an English headline unit with each deck joined to the title in capitals
/// above it: a blank line between them is the typesetter's spacing (`PRESIDENT NAMES` /
/// `NEW COMMISSION`, blank, `Board Will Study Railway Rates`), and read apart the title
/// would stand without text. A group in capitals under another is a title of its own.
/// Today's heads set in sentence case (see [`crate::edition::latin::is_sentence_case`])
/// stack the same way: such a group joins whatever head is above it, as its deck.
pub(super) fn join_latin_decks(groups: Vec<Vec<HeadLine>>) -> Vec<Vec<HeadLine>> {
    let capitals = |g: &[HeadLine]| g.iter().all(|(t, _)| is_capitals(t));
    let sentence_case = |g: &[HeadLine]| g.iter().all(|(t, _)| is_sentence_case(t));
    let mut out: Vec<Vec<HeadLine>> = Vec::with_capacity(groups.len());
    for g in groups {
        match out.last_mut() {
            Some(above)
                if capitals(above) && g.iter().all(|(t, _)| !is_capitals(t))
                    || sentence_case(&g) =>
            {
                above.extend(g);
            }
            _ => out.push(g),
        }
    }
    out
}

/// Column labels of two or three characters (`快评`, `纵横`, `链接`) printed next to a
/// headline: alone, before a much wider line, or after a kicker's dash. A short line after
/// an ordinary line is the title's wrapped end (`…病有所` / `医`) and stays.
pub(super) fn take_labels(groups: &mut Vec<Vec<HeadLine>>) -> Vec<String> {
    let mut labels = Vec::new();
    let many = groups.len() > 1;
    groups.retain(|g| {
        let lone = many && g.len() == 1 && g[0].1 <= COLUMN_LABEL;
        if lone {
            labels.push(g[0].0.to_owned());
        }
        !lone
    });
    for g in groups.iter_mut() {
        // A label glued above a much longer line may run to five characters (`大数据观察`).
        if g.len() >= 2 && g[0].1 <= RUBRIC_EMS && g[1].1 >= 3.0 * g[0].1 + 2.0 {
            labels.push(g.remove(0).0.to_owned());
        }
        let n = g.len();
        if n >= 2 && g[n - 1].1 <= COLUMN_LABEL && g[n - 2].0.ends_with(['—', '：']) {
            labels.extend(g.pop().map(|l| l.0.to_owned()));
        }
    }
    labels
}

/// A lone short line after a blank is the subtitle of the group above, not a title;
/// unless that group is a whole headline with a subtitle of its own (`…讲评会上强调` /
/// `主动作为…` / `陈恢清出席并讲话` over `习近平同意大利总统马塔雷拉会谈`), or, on a
/// Chinese page, the line names nothing of that headline nor of the stories around
/// (`story_names`): a subtitle speaks of its story, so `努力提升地震预警水平` under
/// `助力平台企业发挥作用` over text on 平台 is the next story's title. Latin words are not
/// compared, so an English page keeps the layout's reading.
pub(super) fn merge_lone_subtitle(
    groups: &mut Vec<Vec<HeadLine>>,
    cjk: bool,
    story_names: impl Fn(&[HeadLine]) -> bool,
) {
    let n = groups.len();
    let subtitled = |g: &[HeadLine]| headline::from_lines(g, cjk).subtitle.is_some();
    if n >= 2
        && is_subtitle_of(&groups[n - 1], &groups[n - 2])
        && !subtitled(&groups[n - 2])
        && (!cjk
            || headline::shares_word_pair(&groups[n - 1], &groups[n - 2])
            || story_names(&groups[n - 1]))
    {
        if let Some(sub) = groups.pop() {
            if let Some(g) = groups.last_mut() {
                g.extend(sub);
            }
        }
    }
}

/// Lines of text under a headline read to tell whose text it is.
const TEXT_BELOW: usize = 8;

/// The first lines of text under a headline ending before line `end` (its byline
/// included), read to tell whose text it is.
pub(super) fn text_below<'a>(page: &Page<'a>, end: usize) -> Vec<HeadLine<'a>> {
    (end..page.lines.len().min(end + TEXT_BELOW))
        .take_while(|&k| matches!(page.roles[k], Role::Body | Role::Byline))
        .map(|k| (page.lines[k].text, page.lines[k].width))
        .collect()
}

/// Characters of the line below that the text must run on into from the line above.
const RUNS_ON: usize = 2;

/// True when the text under the headline (ending before line `end`) holds `line` run on
/// into the first characters of `next`: it says the two lines as one phrase.
fn text_below_runs_on(page: &Page, end: usize, line: &str, next: &str) -> bool {
    let mut phrase = String::new();
    push_bare(&mut phrase, line);
    phrase.extend(next.chars().filter(|&c| !is_space(c)).take(RUNS_ON));
    let mut text = String::new();
    for (l, _) in text_below(page, end) {
        push_bare(&mut text, l);
    }
    text.contains(&phrase)
}

/// Appends `t` without its whitespace, a run of printed characters at a time: a copy
/// character by character cost more than the search it serves.
fn push_bare(out: &mut String, t: &str) {
    t.split(is_space).for_each(|run| out.push_str(run));
}

/// A title over a longer line that the text under it (ending before line `end`) says as one
/// phrase with it is one title wrapped, not a title and its subtitle (`我市召开` /
/// `安全生产工作会议` over `…我市召开安全生产工作会议，…`).
pub(super) fn join_run_on_subtitle(h: &mut Headline, page: &Page, end: usize) {
    if let Some(sub) = h
        .subtitle
        .take_if(|sub| text_below_runs_on(page, end, &h.title, sub))
    {
        h.title.push_str(&sub);
    }
}

/// Characters a kicker naming where the story happens (`四川成都`) holds at most.
const PLACE_KICKER: usize = 6;

/// True when the group right above the main headline is a short kicker naming a place
/// or a subject (`四川成都`, `江苏苏州`) that the text under the headline (ending before
/// line `end`) names too: a short line of no clause, set apart above the title. A column's
/// label (`新语`) names nothing of its story, and stays a label.
pub(super) fn is_place_kicker(groups: &[Vec<HeadLine>], page: &Page, end: usize) -> bool {
    let Some([(text, _)]) = groups.last().map(Vec::as_slice) else {
        return false;
    };
    let short = text.chars().filter(|c| !c.is_whitespace()).count() <= PLACE_KICKER;
    // The text under the headline is read only for a line that could be such a kicker.
    short && is_bare_phrase(text) && names_text_below(text, page, end)
}

/// True when `text` is a phrase of no clause: no sentence mark, comma or dash in it.
fn is_bare_phrase(text: &str) -> bool {
    !has_sentence_mark(text) && !text.contains(['，', '、', '—'])
}

/// True when the text under the headline ending before line `end` shares a word with
/// `text`: it names what the line names (a place kicker's place).
fn names_text_below(text: &str, page: &Page, end: usize) -> bool {
    headline::shares_word_pair(&[(text, 0.0)], &text_below(page, end))
}

/// True when the stories around the headline on lines `start..end` share a word with
/// `text`: the story under it (its picture's caption and the first lines of its text), or
/// the one above it up to its headline, whose headline the dump may have printed after its
/// text.
pub(super) fn names_story_near(text: &str, page: &Page, (start, end): (usize, usize)) -> bool {
    let story = |k: &usize| {
        matches!(
            page.roles[*k],
            Role::Body | Role::Byline | Role::Caption | Role::Credit
        )
    };
    let below = (end..page.lines.len().min(end + 2 * TEXT_BELOW)).take_while(story);
    let above = (0..start).rev().take_while(story);
    let lines: Vec<HeadLine> = below
        .chain(above)
        .map(|k| (page.lines[k].text, page.lines[k].width))
        .collect();
    headline::shares_word_pair(&[(text, 0.0)], &lines)
}

/// The kicker of the main headline: the nearest group above it that reads as one
/// (`……——`), else the group right above when it is set in much longer lines and
/// `story_names` it: a kicker speaks of its story, so a wide line that shares no word with
/// the title or the text around it (`广西今年首趟银发赏花专列启程` over `加快建构中国自主` /
/// `的财政知识体系` and text on 财政) is another story's title, left as a headline of its own.
pub(super) fn take_kicker(
    groups: &mut Vec<Vec<HeadLine>>,
    main: &[HeadLine],
    cjk: bool,
    story_names: impl Fn(&[HeadLine]) -> bool,
) -> Option<String> {
    let at = groups
        .iter()
        .rposition(|g| headline::is_kicker_like(g))
        .or_else(|| {
            let prev = groups.len().checked_sub(1)?;
            let wide = is_wide_kicker(&groups[prev], main);
            (wide && story_names(&groups[prev])).then_some(prev)
        })?;
    let kicker = headline::join(&groups.remove(at), cjk);
    Some(kicker)
}

/// A group set in much longer lines than the title `main` below it reads as its kicker;
/// not one that holds a kicker of its own (marked by a dash, or set wide over its title),
/// which is a whole headline.
pub(super) fn is_wide_kicker(group: &[HeadLine], main: &[HeadLine]) -> bool {
    let whole = group.iter().any(|(t, _)| headline::ends_in_kicker_dash(t))
        || headline::holds_wide_kicker(group);
    !whole && headline::widest(group) > headline::KICKER_WIDER * headline::widest(main)
}

/// The headlines a band's groups left over above its main headline stand for, each a
/// story's whose text is elsewhere. Each group stands alone, but for a whole headline in
/// three sizes: a line twice as long as the title under it, the title, and a lone short
/// line under that (`曹慧泉在全市…讲评会上强调` / `主动作为创新作为高效作为…` /
/// `陈恢清出席并讲话`: a headline printed after its text, over the next story's) are one
/// story's kicker, title and subtitle.
pub(super) fn band_headlines<'a>(groups: Vec<Vec<HeadLine<'a>>>) -> Vec<Vec<HeadLine<'a>>> {
    let whole_at = |k: usize| {
        k + 2 < groups.len()
            && leads_band_title(&groups[k], &groups[k + 1])
            && is_subtitle_of(&groups[k + 2], &groups[k + 1])
    };
    let starts: Vec<bool> = (0..groups.len()).map(whole_at).collect();
    let mut out: Vec<Vec<HeadLine>> = Vec::with_capacity(groups.len());
    // Groups still to join the last headline: its title and subtitle.
    let mut to_join = 0;
    for (k, g) in groups.into_iter().enumerate() {
        match out.last_mut() {
            Some(whole) if to_join > 0 => {
                whole.extend(g);
                to_join -= 1;
            }
            _ => {
                out.push(g);
                to_join = if starts[k] { 2 } else { 0 };
            }
        }
    }
    out
}

/// How many times wider than the title a kicker is in a band of headlines, where a
/// text's line or a title set wide may also stand over a title.
const BAND_KICKER_WIDER: f32 = 2.0;

/// Whether `group` leads into the title `main` under it in a band of headlines: one line,
/// set in lines twice as long (`曹慧泉在全市打造“三个高地”…讲评会上强调`).
fn leads_band_title(group: &[HeadLine], main: &[HeadLine]) -> bool {
    group.len() == 1
        && is_wide_kicker(group, main)
        && group[0].1 >= BAND_KICKER_WIDER * headline::widest(main)
}

/// Whether `group`, a lone line under the group `above`, is its subtitle: much narrower
/// than the lines above, under no kicker, and no two-part title of its own.
fn is_subtitle_of(group: &[HeadLine], above: &[HeadLine]) -> bool {
    let widest = headline::widest(above);
    group.len() == 1
        && group[0].1 < 0.75 * widest
        && !headline::is_kicker_like(above)
        && !headline::is_two_part_title(group[0].0)
}
