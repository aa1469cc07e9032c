//! Headlines that stand as blocks of their own: between blank lines (with the column
//! labels and bare bylines that stand so too), or last on the page, printed after their
//! text.

use super::{frequent_widths, is_head_shaped, is_loose_head, runs_on_from, starts_afresh};
use crate::edition::classify::{Page, Role, COLUMN_LABEL};

/// A block of one to three head-shaped lines standing between blank lines is a headline
/// even without a byline, unless it is as wide as the page's body lines (a stray line of
/// a column that the dump cut out of order).
pub(super) fn mark_standalone_heads(page: &mut Page) {
    // Where the dump interleaved the lines of several columns, most blocks are one line
    // long and a stray line as wide as a column is no headline; elsewhere width says little.
    // Blocks of one line come from headlines and bylines too: the page must also show the
    // rows' other sign, lines continued some rows on rather than on the next line.
    // Counted again rather than taken from `mark_heads`: the headlines and bylines marked
    // since are no column's lines (it changes a page of the synthetic 240).
    let widths = if page.may_interleave && is_interleaved(page) {
        frequent_widths(page)
    } else {
        Vec::new()
    };
    let n = page.lines.len();
    let mut i = 0;
    while i < n {
        let end = (i + 1..n).find(|&k| page.starts[k]).unwrap_or(n);
        // Dropped lines opening the block (a QR code's label printed beside a headline)
        // are no part of what it says either.
        let first = (i..end).find(|&k| page.roles[k] != Role::Drop);
        if let Some(first) = first.filter(|&f| page.starts[i] && page.roles[f] == Role::Body) {
            mark_standalone_block(page, first, end, &widths);
            // A headline found past the dropped lines opens a unit of its own.
            page.starts[first] |= page.roles[first] == Role::Head;
        }
        i = end;
    }
}

/// True when at least a third of the page's blocks are single lines.
fn is_interleaved(page: &Page) -> bool {
    let n = page.lines.len();
    let blocks = (0..n).filter(|&k| page.starts[k]).count();
    let singles = (0..n)
        .filter(|&k| page.starts[k] && (k + 1 == n || page.starts[k + 1]))
        .count();
    singles * 3 >= blocks && blocks >= 10
}

/// Looks at one blank-delimited block `i..next` for a standalone headline, a bare byline
/// or a column label.
fn mark_standalone_block(page: &mut Page, i: usize, next: usize, widths: &[f32]) {
    // Lines already dropped at the block's end (a QR code's label printed under a
    // headline, `扫码看视频`) are not part of what it says.
    let end = (i + 1..next)
        .rev()
        .find(|&k| page.roles[k] != Role::Drop)
        .map_or(i + 1, |k| k + 1);
    let single = end - i == 1;
    let text = page.lines[i].text;
    if page.cjk && single && page.names[i] {
        // A bare name on its own, as under a headline or another byline, is a byline.
        page.roles[i] = Role::Byline;
        return;
    }
    if page.cjk && !single && signs_text_above(page, i) {
        // The block is the signature and the next headline, each set apart, which a
        // blank line between every line made one (see `lines::is_boundary`).
        page.roles[i] = Role::Byline;
        page.starts[i + 1] = true;
        mark_standalone_block(page, i + 1, next, widths);
        return;
    }
    if !page.cjk {
        if end - i <= 6 && (i..end).all(|k| is_head_shaped(page, k)) {
            (i..end).for_each(|k| page.roles[k] = Role::Head);
        }
        return;
    }
    let at_column = widths
        .iter()
        .any(|w| (w - page.lines[i].width).abs() <= 0.5);
    // Headlines set in a narrow column stack many short lines.
    let stacked = end - i <= 8 && (i..end).all(|k| page.lines[k].width <= 5.0);
    let aside = text.starts_with('（') && page.lines[end - 1].text.ends_with('）');
    let shaped = !aside && (i..end).all(|k| is_loose_head(page, k));
    let label = page.lines[i].width <= COLUMN_LABEL && stands_as_label(page, i, next, single);
    if label && is_loose_head(page, i) {
        // Two or three characters alone: a column's label (`快评`), not a headline.
        page.roles[i] = Role::Drop;
    } else if shaped
        && (stacked
            || (end - i <= 3 || end - i <= 4 && has_subtitle_line(page, i, end)) && !at_column)
        && !runs_on_from(page, end - 1, next)
    {
        (i..end).for_each(|k| page.roles[k] = Role::Head);
    }
}

/// Whether line `i`, a bare name with a blank line under it, signs the finished text
/// right above it (`…才能把群众的事办好。` / `王明`): a commentary's writer signs at its
/// end.
pub(super) fn signs_text_above(page: &Page, i: usize) -> bool {
    let above = (0..i).rev().find(|&k| page.roles[k] != Role::Drop);
    page.names[i]
        && page.lines[i + 1].blank_before
        && above.is_some_and(|k| page.roles[k] == Role::Body && page.lines[k].ends_sentence)
}

/// Whether block `i..end` holds a subtitle: a line under its first opening with a dash
/// (`——国家发展改革委`). A title wrapped over its wrapped subtitle runs to four lines.
fn has_subtitle_line(page: &Page, i: usize, end: usize) -> bool {
    (i + 1..end).any(|k| page.lines[k].text.starts_with("——"))
}

/// Whether the short line `i`, opening the block that ends before `next`, stands as a
/// label: alone in its block; or set apart by blank lines above and below though the
/// block it was read into goes on (lines alone between blank lines read as the rows of
/// columns), unless it is a name (a byline printed inside the text, for the segmenter);
/// or right over a headline, past a QR code's label (`快评` / `扫码看视频` / headline).
fn stands_as_label(page: &Page, i: usize, next: usize, single: bool) -> bool {
    let set_apart = || page.lines[i + 1].blank_before && !page.names[i];
    let over_head = || {
        (i + 1..next)
            .find(|&k| page.roles[k] != Role::Drop)
            .is_some_and(|k| page.roles[k] == Role::Head)
    };
    single || set_apart() || over_head()
}

/// Head-shaped lines at the very end of a page, after a finished sentence: a headline the
/// PDF emitted after its article's body.
pub(super) fn mark_tail_head(page: &mut Page) {
    let mut end = page.lines.len();
    while end > 0 && matches!(page.roles[end - 1], Role::Drop | Role::Jump) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && end - start < 5 && is_loose_head(page, start - 1) {
        start -= 1;
    }
    if start < end && starts_afresh(page, start) {
        (start..end).for_each(|k| page.roles[k] = Role::Head);
        page.starts[start] = true;
    }
}

#[cfg(test)]
mod tests {
    use super::signs_text_above;
    use crate::edition::classify::classify;
    use crate::edition::lines::to_lines;

    /// Whether the name set apart under the two lines `above`, over the next headline,
    /// signs them.
    fn signs(above: &str) -> bool {
        let text = format!("{above}\n\n王明\n\n为“夜经济”添把火\n\n夜间消费是扩内需的重要抓手。");
        signs_text_above(&classify(to_lines(&text), true), 2)
    }

    #[test]
    fn a_name_signs_only_finished_text() {
        assert!(signs(
            "基层治理是国家治理的基石。近年来，各\n地把服务送到群众家门口。"
        ));
        // Text cut off mid-sentence goes on elsewhere: the name is no signature of it.
        assert!(!signs(
            "基层治理是国家治理的基石。近年来，各\n地把服务送到群众家门口，"
        ));
    }
}
