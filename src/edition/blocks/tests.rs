use super::*;
use crate::edition::classify::classify;
use crate::edition::lines::to_lines;

/// Asserts that classifying `text` moves none of its lines.
fn assert_stays_as_printed(text: &str) {
    let page = classify(to_lines(text), true);
    let lines: Vec<&str> = page.lines.iter().map(|l| l.text).collect();
    let printed: Vec<&str> = to_lines(text).iter().map(|l| l.text).collect();
    assert_eq!(lines, printed);
}

fn body_text<'a>(page: &Page<'a>) -> Vec<&'a str> {
    (0..page.lines.len())
        .filter(|&k| page.roles[k] == Role::Body)
        .map(|k| page.lines[k].text)
        .collect()
}

/// A story whose second column block (`体力劳动。…`) was printed before its first.
const SWAPPED: &str = "“政策找人” 精准帮扶\n本报记者 李 蕊\n\n\
    山东滨州市惠民县东董村村民董相\n民（左一）在工作中。\n李 蕊摄\n\n\
    体力劳动。一家四口，原本靠低\n保金和几亩地维持生活，一场疾\n病让家庭负担更重了。\n\
    困难之际，镇民政办工作人\n员主动联系了他：“大叔，您想\n不想在村里干点轻快的活儿？可\n\
    以为您推荐公益性岗位。”\n董相民有些惊讶：“我没主\n动申请过公益性岗位，政府咋这\n\
    么了解我的困难？”\n原来，为推动救助范围\n从“在保对象”向“潜在对象”拓\n\
    展，山东搭建起了低收入人口动\n态监测信息平台，汇聚了28个\n部门的77类社会救助数据资源\n\
    并持续更新。\n通过比对医保系统、教育缴\n费数据和低保档案，平台发现了\n\
    董相民的家庭困难，并结合他的\n\n\
    清晨，山东省滨州市惠民县\n胡集镇东董村，村民董相民手握\n扫帚，仔细清扫路边落叶。\n\
    一年多前，董相民因脑血栓\n导致肢体二级残疾，无法从事重\n\n\
    残疾等级、年龄等信息，初步判\n断他具备从事轻体力劳动的能\n力。";

#[test]
fn a_story_block_printed_early_goes_after_the_block_that_opens_it() {
    let page = classify(to_lines(SWAPPED), true);
    let body = body_text(&page);
    assert_eq!(body[0], "清晨，山东省滨州市惠民县");
    let at = |t: &str| body.iter().position(|l| *l == t).expect(t);
    assert_eq!(
        at("体力劳动。一家四口，原本靠低"),
        at("导致肢体二级残疾，无法从事重") + 1
    );
    assert_eq!(
        at("残疾等级、年龄等信息，初步判"),
        at("董相民的家庭困难，并结合他的") + 1
    );
    assert_eq!(page.lines.len(), to_lines(SWAPPED).len());
}

/// A short story set inside a longer one, which is cut off (`…失去了价`) before it and
/// goes on (`值……`) after it.
const INTERRUPTED: &str = "“政策找人” 精准帮扶\n本报记者 李 蕊\n\n\
    一份负责本村卫生保洁的公\n益性岗位工作，也很快交到董相\n民手上。“以前在床上动弹不\n\
    了，觉得自己失去了价\n\
    呼和浩特赛罕区法院多元解纷推动诉源治理\n本报呼和浩特6月17日电\n\
    （记者丁志军）记者从内蒙古自\n治区呼和浩特市赛罕区人民法院\n获悉：该院积极探索服务社会治\n\
    理新模式，推动法院从“就案办\n案”向“以案促治”转变。\n\n\
    值……”董相民话锋一转，“现在\n能干活，有工资，还能为村里出\n份力，心里舒坦多了。”";

#[test]
fn a_story_cut_off_by_another_goes_on_under_its_own_headline() {
    let page = classify(to_lines(INTERRUPTED), true);
    let lines: Vec<&str> = page.lines.iter().map(|l| l.text).collect();
    let at = |t: &str| lines.iter().position(|l| *l == t).expect(t);
    assert_eq!(
        at("值……”董相民话锋一转，“现在"),
        at("了，觉得自己失去了价") + 1
    );
    assert!(at("份力，心里舒坦多了。”") < at("呼和浩特赛罕区法院多元解纷推动诉源治理"));
    assert_eq!(lines.len(), to_lines(INTERRUPTED).len());
}

#[test]
fn text_after_another_story_stays_without_a_word_across_the_seam() {
    let text = INTERRUPTED.replace("了，觉得自己失去了价", "了，觉得自己失去了信心和");
    assert_stays_as_printed(&text);
}

#[test]
fn a_full_cut_line_resumes_after_the_other_story_closes() {
    // No word runs across `…失去了生活的` + `信心……`: the layout tells it. The cut line
    // fills the column, the other story closes with a cross-reference, and the block
    // after it starts with a paragraph's closing line, which opens nothing.
    let text = INTERRUPTED
        .replace("了，觉得自己失去了价", "了，觉得自己已经失去了生活的")
        .replace(
            "转变。\n\n值……”董相民话锋一转，“现在\n",
            "转变。\n（相关报道见第二版）\n\n信心。\n董相民话锋一转，“现在\n",
        );
    let page = classify(to_lines(&text), true);
    let lines: Vec<&str> = page.lines.iter().map(|l| l.text).collect();
    let at = |t: &str| lines.iter().position(|l| *l == t).expect(t);
    assert_eq!(at("信心。"), at("了，觉得自己已经失去了生活的") + 1);
    assert!(at("份力，心里舒坦多了。”") < at("呼和浩特赛罕区法院多元解纷推动诉源治理"));
}

#[test]
fn a_full_cut_line_waits_for_a_story_end_not_a_sentence_end() {
    // Without the cross-reference the other story only ends a sentence, as any
    // paragraph does: the block after it may be its own, and stays.
    let text = INTERRUPTED
        .replace("了，觉得自己失去了价", "了，觉得自己已经失去了生活的")
        .replace(
            "转变。\n\n值……”董相民话锋一转，“现在\n",
            "转变。\n\n信心。\n董相民话锋一转，“现在\n",
        );
    assert_stays_as_printed(&text);
}

/// The rest of a story from page 2, its second block (`的远程会诊中心。…`) printed first.
const CONTINUED: &str = "（上接第2版）\n\n\
    一番检查下来，张大伯并未发现大\n碍，只是血压数值偏高。“给你开了些\n\
    药，要按时服药和定时监测血压，另外\n饮食要清淡。”吴小芬一边叮嘱，一\n\
    边更新张大伯的健康档案。\n\n\
    的远程会诊中心。吴小芬说，遇到\n疑难杂症，还可通过车上的省市县乡村\n\
    五级贯通“云诊室”，联系上级医院医\n生，“面对面”为村民会诊。";

#[test]
fn text_under_a_jump_from_line_starts_with_the_block_that_continues() {
    let page = classify(to_lines(CONTINUED), true);
    let body = body_text(&page);
    assert_eq!(body[0], "的远程会诊中心。吴小芬说，遇到");
    assert_eq!(body[4], "一番检查下来，张大伯并未发现大");
    // Without the jump line nothing says the text starts mid-sentence.
    let text = CONTINUED.replace("（上接第2版）", "便捷就医 跨越山海");
    assert_stays_as_printed(&text);
}

#[test]
fn a_block_opening_with_a_word_that_starts_with_de_may_open_a_sentence() {
    // `的确` is a word that opens sentences; only 的 as a word of its own cannot.
    let text = CONTINUED.replace("的远程会诊中心。吴小芬说，遇到", "的确，吴小芬说，遇到");
    assert_stays_as_printed(&text);
}

#[test]
fn blocks_in_reading_order_stay() {
    // The same story printed in order: every seam already agrees.
    let text = "“政策找人” 精准帮扶\n本报记者 李 蕊\n\n\
        清晨，山东省滨州市惠民县\n胡集镇东董村，村民董相民手握\n扫帚，仔细清扫路边落叶。\n\
        一年多前，董相民因脑血栓\n导致肢体二级残疾，无法从事重\n\n\
        体力劳动。一家四口，原本靠低\n保金和几亩地维持生活，一场疾\n病让家庭负担更重了。";
    assert_stays_as_printed(text);
}

#[test]
fn a_block_that_would_break_a_seam_stays() {
    // The later block opens a paragraph but the block after it opens one too: moving
    // it would leave an open end before an indented start.
    let text = "“政策找人” 精准帮扶\n本报记者 李 蕊\n\n\
        体力劳动。一家四口，原本靠低\n保金和几亩地维持生活，一场疾\n病让家庭负担更重了，他的\n\n\
        清晨，山东省滨州市惠民县\n胡集镇东董村，村民董相民手握\n扫帚，仔细清扫路边落叶的\n\n\
        困难之际，镇民政办工作人\n员主动联系了他。";
    assert_stays_as_printed(text);
}

/// A page whose column blocks pdftotext emitted out of order across four stories: each
/// story stops mid-word at a block's end and goes on in a block printed blocks later.
const SCRAMBLED: &str = include_str!("../../../tests/fixtures/gen_dev_003.txt");

/// The line of `page` right after the one that is `above`.
fn line_after<'a>(page: &Page<'a>, above: &str) -> &'a str {
    let k = page
        .lines
        .iter()
        .position(|l| l.text == above)
        .expect(above);
    page.lines[k + 1].text
}

#[test]
fn blocks_of_stories_printed_out_of_order_go_on_the_stories_they_continue() {
    let page = classify(to_lines(SCRAMBLED), true);
    let seams = [
        // A word across the seam (审判实践, 相关), and the words the stories share.
        ("互 动 ，及时分析研判审判实", "践中发现的频发案件、新类型"),
        ("众的生命权。执法部门要与相", "关单位加强联动，持续、大力"),
        ("和水源涵养区，流域面积", "15.98万平方公里，居长江各"),
        // A word's last character set off by a comma goes on a cut word, with the
        // block's jump line.
        ("外流行。炸珠，也称微粒、粟", "粒，传统做法是用大盆盛装凉"),
        ("存的独特美学风格。", "（下转第7版）"),
    ];
    for (above, below) in seams {
        assert_eq!(line_after(&page, above), below);
    }
    // The paragraph printed between 流域面积 and its rest goes to the story of its words.
    let at = |t: &str| page.lines.iter().position(|l| l.text == t).expect(t);
    assert_eq!(at("“我们坚持把非诉讼机制"), at("持。") + 1);
    assert_eq!(page.lines.len(), to_lines(SCRAMBLED).len());
}

#[test]
fn a_loose_end_and_a_loose_start_stay_without_evidence_at_their_seam() {
    // `…流域面积` stops open and `大支流之首…` starts mid-sentence after another story,
    // but nothing joins them: no word across the seam, no clause mark, no shared words.
    let text = "嘉陵江流域综合规划获批\n本报北京1月2日电 （记者王浩）\n\n\
        近日，嘉陵江流域综合规划获\n水利部批复。该规划由长江水\n利委员会会同陕西、甘肃、四\n\
        川、重庆四省（市）水行政主\n管部门编制完成，流域面积和\n\n\
        传统也是时尚，\n技艺当随时代\n\n\
        刻出平面或浮雕造型。这些\n造型大多为人们喜闻乐见，蕴\n含着中国人美好的期冀。\n\n\
        今天我们看到的首饰造型中\n有菊花、牡丹，充满自然的生\n机勃勃。";
    assert_stays_as_printed(text);
}

#[test]
fn a_block_printed_after_other_stories_goes_back_after_the_block_it_continues() {
    // A story's last block (`料服务；…`) printed after two other stories' text: it goes
    // back after `…生活照` (照料), though the print has it later.
    let page_text = include_str!("../../../tests/fixtures/gen_dev_011.txt");
    let chunks: Vec<&str> = page_text.split("\n\n").collect();
    let (from, to) = (18, 22);
    let mut moved: Vec<&str> = chunks[..from].to_vec();
    moved.extend(&chunks[from + 1..to]);
    moved.push(chunks[from]);
    moved.extend(&chunks[to..]);
    let text = moved.join("\n\n");
    let page = classify(to_lines(&text), true);
    assert_eq!(
        line_after(&page, "人提供更多品质化的生活照"),
        "料服务；进行专业化归纳，"
    );
    assert_eq!(page.lines.len(), to_lines(&text).len());
}
