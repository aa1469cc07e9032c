//! Synthetic interleaved pages: columns cut from running text, emitted row by row as
//! pdftotext does, must come back in column order; flowing text must stay as it is.

use super::*;
use crate::edition::lines::to_lines;

/// Running prose of one article, cut into lines of `width` characters; the lines of every
/// paragraph but the last fill the column, the last line of a paragraph is shorter.
const TEXT: &str = "近年来，各地持续推进城市更新行动，老旧小区改造工作取得明显成效。\
许多居民反映，小区环境变好了，出行更方便了，生活质量有了实实在在的提升。\
社区工作人员介绍，改造前广泛征求居民意见，把加装电梯、增设停车位、完善养老服务设施等需求纳入方案。\
专家认为，城市更新不仅要改善基础设施，更要注重保护历史文化，提升城市治理水平，\
让人民群众在城市生活得更方便、更舒心、更美好。下一步，有关部门将进一步加大支持力度，\
推动更多老旧小区完成改造，并探索建立长效管理机制，确保改造成果长期惠及居民。";

/// `text` cut into lines of `width` characters, each paragraph (`。` ending a sentence that
/// closes a paragraph every `para_every` sentences) starting a new line.
fn to_column_lines(text: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .chunks(width)
        .map(|c| c.iter().collect::<String>())
        .collect()
}

/// The lines split into `cols` columns of (nearly) equal length, emitted row by row.
fn to_interleaved(lines: &[String], cols: usize) -> Vec<String> {
    let per = lines.len().div_ceil(cols);
    let columns: Vec<&[String]> = lines.chunks(per).collect();
    let mut out = Vec::new();
    for row in 0..per {
        for col in &columns {
            if let Some(l) = col.get(row) {
                out.push(l.clone());
            }
        }
    }
    out
}

fn reorder(lines: &[String]) -> Vec<String> {
    let text = lines.join("\n");
    to_reading_order(to_lines(&text), true)
        .iter()
        .map(|l| l.text.to_owned())
        .collect()
}

#[test]
fn interleaved_columns_come_back_in_column_order() {
    let lines = to_column_lines(TEXT, 12);
    let failed: Vec<usize> = [2, 3, 4]
        .into_iter()
        .filter(|&cols| reorder(&to_interleaved(&lines, cols)) != lines)
        .collect();
    assert!(failed.is_empty(), "wrong order with {failed:?} columns");
}

#[test]
fn flowing_text_stays_as_it_is() {
    let lines = to_column_lines(TEXT, 12);
    assert_eq!(reorder(&lines), lines);
}

#[test]
fn latin_pages_are_left_alone() {
    let text = "b\nd\na\nc";
    let got = to_reading_order(to_lines(text), false);
    assert_eq!(got.iter().map(|l| l.text).collect::<String>(), "bdac");
}

#[test]
fn blank_rhythm_stays_with_the_positions() {
    let lines = to_interleaved(&to_column_lines(TEXT, 12), 3);
    let text = lines.join("\n\n");
    let before: Vec<bool> = to_lines(&text).iter().map(|l| l.blank_before).collect();
    let after: Vec<bool> = to_reading_order(to_lines(&text), true)
        .iter()
        .map(|l| l.blank_before)
        .collect();
    assert_eq!(before, after);
}

#[test]
fn output_is_a_permutation_of_the_input() {
    let lines = to_interleaved(&to_column_lines(TEXT, 9), 4);
    let mut got = reorder(&lines);
    let mut want = lines.clone();
    got.sort();
    want.sort();
    assert_eq!(got, want);
}
