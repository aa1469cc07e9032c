//! The pure core that turns a page dump into articles: decode bytes, read edition metadata
//! from the file name, and split the text into articles.
//!
//! Nothing here touches the file system, the network or the clock; callers pass the bytes,
//! the file name and the publication in, and get values back.
//!
//! The splitter is a pipeline of small steps: `lines` cuts pages into lines, `order` puts
//! the lines of row-interleaved columns back in column order, `classify` gives each line a
//! role (with `heads` for headlines), `blocks` puts column blocks printed out of order back
//! by the layout of their seams, `segment` builds articles, `pairing` moves headlines to the
//! text whose words they share and `repair` undoes other out-of-order text, with `reflow`,
//! `byline`, `headline` and `furniture` for the details; `latin` and `advert` hold what only English
//! pages need (title case, run-in subheads, OCR scraps, advertisements).
//!
//! Nothing is lost and nothing invented: every non-space character of the text appears
//! once in the split (an article's fields, blocks and credits, or `dropped`). The only
//! normalisations are whitespace (layout spaces removed, others collapsed) and hyphens
//! removed at line ends where a word was broken. Byline labels whose names were lifted
//! into `authors` (`本报记者`, `（全媒体记者/）`) and jump lines go to `dropped`.

mod advert;
mod blocks;
mod byline;
mod classify;
pub mod decode;
#[cfg(test)]
mod fixtures;
pub mod form;
mod furniture;
mod headline;
mod heads;
mod latin;
mod lines;
pub mod meta;
mod order;
mod pairing;
mod reflow;
mod repair;
mod script;
mod segment;
mod split;
mod terms;

use serde::Serialize;

use crate::article::{Article, EditionMeta};

pub use decode::{decode, DecodeError};
pub use form::{check_form, FormError};
pub use meta::from_file_name;

/// The result of splitting one dump (a page, or a whole edition split by form feeds).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Split {
    pub edition: EditionMeta,
    pub articles: Vec<Article>,
    /// Text that belongs to no article: page furniture, QR labels, ads, masthead scraps,
    /// and the labels of bylines (`本报记者`, `（全媒体记者/）`) whose names were lifted out.
    pub dropped: Vec<String>,
}

/// Splits decoded dump text into articles. Never panics, whatever the input.
pub fn split(text: &str, meta: &EditionMeta) -> Split {
    split::split(text, meta)
}

/// The role the splitter gave each line (a debugging aid: `role  starts  para_end  width
/// text`, pages ended by a form feed line).
pub fn explain(text: &str) -> String {
    split::explain(text)
}
