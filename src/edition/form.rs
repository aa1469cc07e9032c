//! Whether a dump is in the form the splitter reads: text as pdftotext prints a page in its
//! default mode, one column's line after another's. `pdftotext -layout` prints the columns
//! of a page side by side on each line, set apart by runs of spaces; split as text, every
//! line would join two stories. Such a dump is refused with a message that says how to
//! extract the page instead, rather than split into articles nobody could read.

use memchr::memmem;
use thiserror::Error;

/// Spaces in a row that set two columns apart; the default mode prints single spaces only
/// (between words, or layout spaces between characters of justified Chinese text).
const GUTTER: usize = 4;
/// Lines that must hold columns side by side, at least: a stray run of spaces (a table, a
/// tab turned to spaces) is no page of columns…
const MIN_SIDE_BY_SIDE: usize = 5;
/// …and their share of the text lines, at least: a long page with a few such rows is text.
const MIN_SHARE: f32 = 0.2;

/// Why a dump's text is not in a form the splitter reads.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FormError {
    #[error(
        "{side_by_side} of its {lines} lines hold columns side by side, set apart by runs of \
         spaces, as `pdftotext -layout` prints a page; extract the page with `pdftotext` \
         without -layout"
    )]
    SideBySide { side_by_side: usize, lines: usize },
}

/// Checks that `text` (decoded) is in the form the splitter reads (see the module doc).
///
/// # Errors
/// The text prints a page's columns side by side ([`FormError::SideBySide`]).
pub fn check_form(text: &str) -> Result<(), FormError> {
    let side_by_side = Gutters::new().lines_with_one(text);
    // Text lines are counted only for a dump that may be refused: most have no gutter.
    if side_by_side < MIN_SIDE_BY_SIDE {
        return Ok(());
    }
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    if side_by_side as f32 >= MIN_SHARE * lines as f32 {
        return Err(FormError::SideBySide {
            side_by_side,
            lines,
        });
    }
    Ok(())
}

/// The byte searches for a gutter, built once per dump.
struct Gutters {
    ascii: memmem::Finder<'static>,
    ideographic: memmem::Finder<'static>,
}

impl Gutters {
    fn new() -> Self {
        const ASCII_GUTTER: &str = "    ";
        const _: () = assert!(ASCII_GUTTER.len() == GUTTER);
        Gutters {
            ascii: memmem::Finder::new(ASCII_GUTTER),
            ideographic: memmem::Finder::new("\u{3000}"),
        }
    }

    /// How many lines of `text` hold a gutter between their text. The whole text is
    /// searched for the spaces at once (a dump in the default mode has few or none), and
    /// only the lines they fall in are read.
    fn lines_with_one(&self, text: &str) -> usize {
        let bytes = text.as_bytes();
        let line_start = |at: usize| memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |k| k + 1);
        let mut starts: Vec<usize> = self
            .ascii
            .find_iter(bytes)
            .chain(self.ideographic.find_iter(bytes))
            .map(line_start)
            .collect();
        starts.sort_unstable();
        starts.dedup();
        starts
            .into_iter()
            .filter(|&start| {
                let line = text[start..].lines().next().unwrap_or_default();
                self.in_line(line.trim())
            })
            .count()
    }

    /// True when `line` (trimmed) holds a run of [`GUTTER`] spaces or more, ASCII or
    /// ideographic (U+3000). Both are searched for as byte strings; only a line with an
    /// ideographic space is walked character by character.
    fn in_line(&self, line: &str) -> bool {
        if self.ascii.find(line.as_bytes()).is_some() {
            return true;
        }
        if self.ideographic.find(line.as_bytes()).is_none() {
            return false;
        }
        let mut run = 0;
        for c in line.chars() {
            if c == ' ' || c == '\u{3000}' {
                run += 1;
                if run >= GUTTER {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_side_by_side_are_refused() {
        let row = "过去15年，我一直专注    自强？科研工作者要敢于走出";
        let text = format!("瞄准基础研究最前沿\n\n{}", [row; 6].join("\n"));
        assert_eq!(
            check_form(&text),
            Err(FormError::SideBySide {
                side_by_side: 6,
                lines: 7
            })
        );
        let message = check_form(&text).unwrap_err().to_string();
        assert!(message.contains("without -layout"), "{message}");
    }

    #[test]
    fn default_mode_text_passes() {
        // Single spaces between words and justified characters, indents, and a few rows of
        // a table are no columns side by side.
        let text = "  同 年 ，又 分 别\nBy JOHN W. SMITH\n名称        数量\n\
                    过去15年，我一直专注基础研究。\n一次实验中观察到的\n全新物理现象。";
        assert_eq!(check_form(text), Ok(()));
        // Indents are no gutters, however deep.
        assert_eq!(check_form(&"        一行正文。\n".repeat(10)), Ok(()));
        // Five rows of columns in a long page are a table, not a page of columns.
        let mut long = "一行正文。\n".repeat(40);
        long.push_str(&"甲乙    丙丁\n".repeat(5));
        assert_eq!(check_form(&long), Ok(()));
    }

    #[test]
    fn ideographic_spaces_make_a_gutter_too() {
        let gutters = Gutters::new();
        let has_gutter = |line| gutters.in_line(line);
        assert!(has_gutter(
            "过去15年，我一直专注\u{3000}\u{3000}  自强？科研工作者"
        ));
        assert!(has_gutter("过去15年，我一直专注    自强？科研工作者"));
        assert!(!has_gutter("过去15年，\u{3000}我一直专注 \u{3000} 自强？"));
    }
}
