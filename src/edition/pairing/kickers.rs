//! Kickers of a band of headlines seated by their words. Where several stories' headlines
//! are printed together (one under another, or side by side and read row by row), a kicker
//! that ends in a dash (`青海省海北藏族自治州刚察县沙柳河镇果洛藏贡麻村——`) may come out over
//! another story's title, so the headline it was segmented with is a guess. A kicker names
//! what its story is about (a place, a person, an institution), and that story's text
//! repeats those names: once the texts are paired with their headlines, the kicker goes to
//! the story whose text shows clearly more of them.

use super::super::headline::ends_in_kicker_dash;
use super::super::segment::Piece;
use super::super::terms::{for_each_term, terms};
use crate::article::Block;

/// Distinct word pairs of a kicker that a story's text must show to take it.
const SHOWN_PAIRS: usize = 2;
/// How many times the pairs its own story shows another story's text must show.
const SHOWN_RATIO: usize = 2;

/// The dash kickers of the headlines in bands: a headline without text of its own, or
/// the titled piece right under one (the band's last headline, which segmentation gave the
/// band's text).
pub(super) fn band_kickers(pieces: &[Piece]) -> Vec<String> {
    let head_only = |p: &Piece| p.head.is_some() && p.blocks.is_empty();
    pieces
        .iter()
        .enumerate()
        .filter(|&(k, p)| head_only(p) || k > 0 && head_only(&pieces[k - 1]))
        .filter_map(|(_, p)| p.head.as_ref()?.kicker.clone())
        .filter(|kicker| ends_in_kicker_dash(kicker))
        .collect()
}

/// Moves each of `kickers` from the headline holding it to the titled story whose text
/// shows at least [`SHOWN_PAIRS`] of its word pairs and [`SHOWN_RATIO`] times as many as
/// its own story's text, when that story has no kicker yet and no other shows as many.
pub(super) fn seat_kickers(pieces: &mut [Piece], kickers: &[String]) {
    for kicker in kickers {
        let holds = |p: &Piece| p.head.as_ref().and_then(|h| h.kicker.as_ref()) == Some(kicker);
        let Some(own) = pieces.iter().position(holds) else {
            continue;
        };
        let shown: Vec<usize> = pieces.iter().map(|p| pairs_shown(kicker, p)).collect();
        let mut best = own;
        let mut tied = false;
        for (k, &n) in shown.iter().enumerate() {
            if n > shown[best] {
                (best, tied) = (k, false);
            } else if k != best && n == shown[best] {
                tied = true;
            }
        }
        let free = pieces[best]
            .head
            .as_ref()
            .is_some_and(|h| h.kicker.is_none());
        let clear = shown[best] >= SHOWN_PAIRS && shown[best] >= SHOWN_RATIO * shown[own];
        if best != own && free && clear && !tied {
            let taken = pieces[own].head.as_mut().and_then(|h| h.kicker.take());
            if let Some(head) = pieces[best].head.as_mut() {
                head.kicker = taken;
            }
        }
    }
}

/// How many distinct word pairs of `kicker` the text of titled story `p` shows.
fn pairs_shown(kicker: &str, p: &Piece) -> usize {
    if p.head.is_none() {
        return 0;
    }
    let pairs: Vec<u64> = terms(kicker);
    let mut seen = vec![false; pairs.len()];
    for b in &p.blocks {
        if let Block::Paragraph { text } = b {
            for_each_term(text, |t| {
                if let Ok(i) = pairs.binary_search(&t) {
                    seen[i] = true;
                }
            });
        }
    }
    seen.iter().filter(|&&s| s).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::headline::Headline;

    const KICKER: &str = "青海省海北藏族自治州刚察县沙柳河镇果洛藏贡麻村——";
    const PASTURE: &str =
        "高原春来到，青海湖迎来开湖。刚察县沙柳河镇的牧民在贡麻村的草场上忙着春季转场。";
    const REFORM: &str = "中国的改革发展从来都是在破解问题中向前推进的，干部要在攻坚克难中长本领。";

    fn story(kicker: Option<&str>, title: &str, text: Option<&str>) -> Piece {
        Piece {
            head: Some(Headline {
                kicker: kicker.map(str::to_owned),
                title: title.to_owned(),
                subtitle: None,
            }),
            blocks: text
                .map(|t| Block::Paragraph { text: t.to_owned() })
                .into_iter()
                .collect(),
            ..Piece::default()
        }
    }

    fn kicker_of(pieces: &[Piece], title: &str) -> Option<String> {
        let p = pieces
            .iter()
            .find(|p| p.head.as_ref().unwrap().title == title);
        p.and_then(|p| p.head.as_ref()?.kicker.clone())
    }

    /// The kicker the first story of `pieces` titled `title` has once the band kickers
    /// are seated.
    fn seated_kicker(mut pieces: Vec<Piece>, title: &str) -> Option<String> {
        let kickers = band_kickers(&pieces);
        seat_kickers(&mut pieces, &kickers);
        kicker_of(&pieces, title)
    }

    /// A band: a headline without text over one with the kicker and `first_text`, then
    /// `second`.
    fn band(first_text: &str, second: Piece) -> Vec<Piece> {
        vec![
            story(None, "一个没有正文的标题", None),
            story(Some(KICKER), "在攻坚克难中长本领出业绩", Some(first_text)),
            second,
        ]
    }

    #[test]
    fn a_band_kicker_goes_to_the_story_whose_text_names_what_it_names() {
        let mut pieces = band(REFORM, story(None, "春风吹暖牧民的心", Some(PASTURE)));
        let kickers = band_kickers(&pieces);
        assert_eq!(kickers, [KICKER]);
        seat_kickers(&mut pieces, &kickers);
        assert_eq!(
            kicker_of(&pieces, "春风吹暖牧民的心").as_deref(),
            Some(KICKER)
        );
        assert_eq!(kicker_of(&pieces, "在攻坚克难中长本领出业绩"), None);
    }

    #[test]
    fn a_kicker_stays_where_no_text_names_it_clearly() {
        // The other story names one word pair of the kicker (青海): no evidence.
        let other = story(
            None,
            "春风吹暖牧民的心",
            Some("青海的春天来了，草原一片新绿。"),
        );
        // Its own story names two (青海, 刚察), the other three: not twice as many.
        let own = "青海刚察的干部在攻坚克难中长本领。";
        let three = story(None, "春风吹暖牧民的心", Some("青海刚察县的牧民忙着转场。"));
        for (first, second) in [(REFORM, other), (own, three)] {
            let kicker = seated_kicker(band(first, second), "在攻坚克难中长本领出业绩");
            assert_eq!(kicker.as_deref(), Some(KICKER));
        }
    }

    #[test]
    fn a_story_with_a_kicker_of_its_own_takes_no_other() {
        let own = "江西资助新生儿参加基本医保——";
        let pieces = band(REFORM, story(Some(own), "春风吹暖牧民的心", Some(PASTURE)));
        let kicker = seated_kicker(pieces.clone(), "在攻坚克难中长本领出业绩");
        assert_eq!(kicker.as_deref(), Some(KICKER));
        let kicker = seated_kicker(pieces, "春风吹暖牧民的心");
        assert_eq!(kicker.as_deref(), Some(own));
    }

    #[test]
    fn only_the_dash_kickers_of_a_band_are_seated_by_words() {
        let wide = "全国资产调剂共享平台覆盖所有行政事业单位";
        let pieces = vec![
            story(Some(KICKER), "不在标题带里的标题", Some(REFORM)),
            story(Some(wide), "标题带里的第一个标题", None),
            story(None, "春风吹暖牧民的心", Some(PASTURE)),
        ];
        // The first headline tops its own text (no band); the second's kicker has no dash.
        assert!(band_kickers(&pieces).is_empty());
    }
}
