#!/usr/bin/env python3
"""Synthetic Chinese newspaper page generator.

usage: make.py SEED OUTDIR [--old]
  default: 'ex' style, imitating the dev corpus's generated pages (invented one-name bylines from the
  staff pool, blank band under the byline, titled rest pieces with the jump line under the title, fewer
  kickers/subtitles/headings, QR boxes, varied body_start/body_end lengths).  --old: the previous behaviour.
writes OUTDIR/syn_SEED.pdf, .txt (pdftotext default mode), .expected.json
Article texts: src/*.txt beside this file (transcribed from leeperfect/PeopleDailyMaterial).
"""
import sys, os, re, json, random, glob, subprocess, datetime, math, zlib
EX = '--old' not in sys.argv
HGAP = float(os.environ.get('HGAP', '2.2'))
from reportlab.pdfgen import canvas
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT = 'WQY'
pdfmetrics.registerFont(TTFont(FONT, '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', subfontIndex=0))
SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'src')

NOSTART = set('，。、；：？！”’）》」』…—%％,.;:!?)')
NOEND = set('“‘（《「『(')
STAFF = ['张驰', '杨建楠', '潘妙', '庞革平', '彭园园', '王浩', '徐阳', '周欢', '李蕊', '丁志军', '曲哲涵', '窦皓',
         '刘温馨', '姜琳', '白真智', '孙超', '游仪', '乔栋', '苏滨', '吴月辉']
LABELS = ['新语', '快评', '纵横', '现场直击', '大数据观察', '链接', '【链接】', '【相关链接】', '【延伸阅读】', '今日谈', '声音']
QR = [('扫码观看', '精彩视频'), ('扫码看视频', '精彩视频'), ('扫码阅读', '更多报道')]
# names seen in the examples' bylines, credits and 编辑/美编/校对 lines
EXPOOL = ['周欢', '李蕊', '张驰', '窦皓', '曲哲涵', '潘妙', '彭园园', '白真智', '严米金', '杨建楠', '庞革平', '王浩',
          '徐阳', '丁志军', '刘温馨', '姜琳']
if EX:
    QR = QR + [('扫码观看', '现场直击')]
    LABELS = ['新语', '快评', '纵横', '现场直击', '大数据观察', '链接', '【链接】', '【相关链接】', '【延伸阅读】']


def ex_author(title):
    return EXPOOL[zlib.crc32(title.encode('utf-8')) % len(EXPOOL)]


def ex_byline(R, name):
    if R.random() < 0.5:
        return name
    return '本报记者 ' + (name[0] + ' ' + name[1] if len(name) == 2 else name)
WEEK = '一二三四五六日'
DEBUG = []


def W(s, size):
    return pdfmetrics.stringWidth(s, FONT, size)


# ---------------------------------------------------------------- sources
def split_names(s):
    toks = s.split()
    out, i = [], 0
    while i < len(toks):
        if len(toks[i]) == 1 and i + 1 < len(toks) and len(toks[i + 1]) == 1:
            out.append(toks[i] + toks[i + 1]); i += 2
        else:
            out.append(toks[i]); i += 1
    return out


DL = re.compile(r'^((?:本报|据新华社|新华社)\S{1,14}?\d+月\d+日电)\s*（记者([^）]{2,20})）')


def load_articles():
    arts = []
    for f in sorted(glob.glob(os.path.join(SRC, '*.txt'))):
        if not EX and os.path.basename(f).startswith('b_'):
            continue  # texts added for the ex style; --old keeps its original pool
        for chunk in open(f, encoding='utf-8').read().split('\n===\n'):
            a = {'kicker': None, 'title': None, 'subtitle': None, 'byline': None, 'authors': [], 'dateline': None,
                 'dl_text': None, 'caps': [], 'label': None, 'cut': False, 'blocks': []}
            for line in chunk.strip().split('\n'):
                line = line.strip()
                if not line:
                    continue
                if line.startswith('@T '): a['title'] = line[3:].strip()
                elif line.startswith('@K '): a['kicker'] = line[3:].strip()
                elif line.startswith('@S '): a['subtitle'] = line[3:].strip()
                elif line.startswith('@B '):
                    b = line[3:].strip(); a['byline'] = b
                    a['authors'] = split_names(b.replace('本报记者', ' ').replace('本报通讯员', ' '))
                elif line.startswith('@CAP '):
                    c, cr = line[5:].split('|'); a['caps'].append((c.strip(), cr.strip()))
                elif line.startswith('@COL '): a['label'] = line[5:].strip()
                elif line.startswith('@CUT'): a['cut'] = True
                elif line.startswith('@H '): a['blocks'].append(('h', line[3:].strip()))
                elif re.match(r'^（本报记者\S+采访整理）$', line):
                    a['authors'] = [re.match(r'^（本报记者(\S+?)采访整理）$', line).group(1)]
                    a['byline'] = '本报记者 ' + a['authors'][0]
                else:
                    a['blocks'].append(('p', line))
            if not a['title'] or not a['blocks']:
                continue
            # dateline
            k, t = a['blocks'][0]
            m = DL.match(t)
            if m and k == 'p':
                a['dateline'] = m.group(1)
                a['authors'] = [x.strip() for x in m.group(2).split('、')]
                a['dl_prefix'] = t[:m.end()]
                if EX and len(a['authors']) > 1:
                    a['dl_prefix'] = a['dl_prefix'].replace(m.group(2), a['authors'][0])
                    a['authors'] = a['authors'][:1]
                a['blocks'][0] = ('p', t[m.end():])
            else:
                a['dl_prefix'] = None
                if EX:
                    a['authors'] = [ex_author(a['title'])]
                    a['byline'] = a['authors'][0]
            arts.append(a)
    return arts


# ---------------------------------------------------------------- text layout
class Line:
    def __init__(self, items, width, kind, size, just, para_end=False, align='left'):
        self.items = items      # list of (char, advance, extra_gap_after)
        self.width = width
        self.kind = kind        # p, h, dl, jump, byline, cap, credit, blank, label
        self.size = size
        self.just = just
        self.align = align


def break_text(text, width, size, first_indent=0.0, spaced=None, kind='p', justify=True):
    """Greedy CJK line breaking. spaced: set of char indices rendered with extra tracking."""
    lines = []
    i, n = 0, len(text)
    first = True
    while i < n:
        avail = width - (first_indent if first else 0)
        cur, w, j = [], 0.0, i
        while j < n:
            c = text[j]
            adv = W(c, size)
            extra = size * 0.75 if spaced and j in spaced else 0.0
            if w + adv > avail + 0.01:
                break
            cur.append([c, adv, extra]); w += adv + extra; j += 1
        if j < n and len(cur) > 2:
            # kinsoku: don't start next line with closing punct, don't end with opening punct
            while len(cur) > 2 and (text[j] in NOSTART or cur[-1][0] in NOEND or
                                    (text[j].isascii() and text[j].isalnum() and cur[-1][0].isascii() and cur[-1][0] in '0123456789.%/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ')):
                c = cur.pop(); w -= c[1] + c[2]; j -= 1
        if not cur:
            cur = [[text[j], W(text[j], size), 0.0]]; j += 1
        if cur and cur[-1][2]:
            w -= cur[-1][2]; cur[-1][2] = 0.0
        last = j >= n
        ln = Line(cur, w, kind, size, justify and not last)
        ln.indent = first_indent if first else 0.0
        ln.avail = avail
        lines.append(ln)
        first = False
        i = j
    return lines


# ---------------------------------------------------------------- page
class Page:
    def __init__(self, seed):
        self.R = random.Random(seed)
        R = self.R
        self.seed = seed
        self.ncols = R.randint(3, 6)
        self.chars = R.randint(13, 17)
        self.fs = R.choice([11, 12, 12, 13, 13])
        self.lh = round(R.uniform(1.35, 2.1) if R.random() < 0.3 else R.uniform(1.35, 1.65), 2)
        self.colw = self.chars * self.fs
        self.gutter = round(self.fs * R.uniform(1.2, 1.8), 1)
        self.margin = 40
        self.pw = 2 * self.margin + self.ncols * self.colw + (self.ncols - 1) * self.gutter
        self.nlines = R.randint(62, 92) if self.lh < 1.7 else R.randint(48, 70)
        if EX:
            self.nlines = max(40, min(110, int(R.uniform(300, 420) / self.ncols)))
        self.L = self.fs * self.lh
        self.body_top_gap = 4 * self.fs
        self.ph = 2 * self.margin + self.body_top_gap + self.nlines * self.L + 3 * self.fs
        self.page_no = R.randint(1, 20)
        d = datetime.date(2025, 1, 1) + datetime.timedelta(days=R.randint(0, 300))
        self.date = d
        self.dropped = []
        self.ops = []  # drawing ops: ('t', x, y, size, items) or ('r', x, y, w, h)

    def colx(self, c):
        return self.margin + c * (self.colw + self.gutter)

    # -------- drawing primitives (y = baseline, top-down coordinates converted at render)
    def text_items(self, x, y, size, items):
        self.ops.append(('t', x, y, size, items))

    def text(self, x, y, size, s, track=0.0):
        self.text_items(x, y, size, [[c, W(c, size), track] for c in s])

    def rect(self, x, y, w, h):
        self.ops.append(('r', x, y, w, h))

    def render(self, path):
        cv = canvas.Canvas(path, pagesize=(self.pw, self.ph))
        for op in self.ops:
            if op[0] == 't':
                _, x, y, size, items = op
                cv.setFont(FONT, size)
                xx = x
                for c, adv, extra in items:
                    cv.drawString(xx, self.ph - y, c)
                    xx += adv + extra
            else:
                _, x, y, w, h = op
                cv.setLineWidth(0.6)
                cv.rect(x, self.ph - y - h, w, h, stroke=1, fill=0)
        cv.showPage(); cv.save()


def draw_line(pg, ln, x, y, width):
    """Draw a body Line at column x with baseline y; justify if asked."""
    items = [list(it) for it in ln.items]
    x0 = x + getattr(ln, 'indent', 0.0)
    avail = width - getattr(ln, 'indent', 0.0)
    if ln.align == 'center':
        x0 = x + (width - ln.width) / 2
    elif ln.align == 'right':
        x0 = x + width - ln.width
    elif ln.just and len(items) > 1:
        slack = avail - ln.width
        per = slack / (len(items) - 1)
        if 0 < per <= 0.08 * ln.size:
            for it in items[:-1]:
                it[2] += per
    pg.text_items(x0, y, ln.size, items)


# ---------------------------------------------------------------- article composition
def compose(pg, art, span, mode):
    """Build the article's vertical stream: header (full span) and body lines (flowing in columns).
    mode: 'full' | 'rest' | 'rest_nohead'. Returns dict with header ops spec and body line list + truth."""
    R = pg.R
    fs = pg.fs
    width = span * pg.colw + (span - 1) * pg.gutter
    t = {'kicker': None, 'title': art['title'], 'subtitle': None, 'authors': [], 'dateline': None,
         'headings': [], 'captions': [], 'continued': False}
    header = []  # list of (kind, text, size, align)
    dropped = []
    if mode == 'full':
        if EX:
            label = art['label'] if art['label'] and R.random() < 0.4 else (R.choice(LABELS) if R.random() < 0.12 else None)
        else:
            label = art['label'] if art['label'] and R.random() < 0.8 else (R.choice(LABELS) if R.random() < 0.15 else None)
        if label:
            header.append(('label', label, fs * 1.1, 'left')); dropped.append(label)
        if art['kicker'] and (not EX or R.random() < 0.5):
            k = art['kicker']
            if R.random() < 0.2 and not k.endswith('——') and len(k) < 24:
                k = k + '——'
            header.append(('kicker', k, fs * 1.15, 'left')); t['kicker'] = k
        tsize = fs * R.choice([1.6, 1.8, 2.0, 2.2]) if span > 1 else fs * R.choice([1.4, 1.5, 1.6])
        if EX and span > 1 and R.random() < 0.4:
            tsize = fs * R.choice([2.4, 2.6])
        header.append(('title', art['title'], tsize, R.choice(['left', 'center'])))
        if art['subtitle'] and not EX:
            header.append(('subtitle', art['subtitle'], fs * 1.15, 'left')); t['subtitle'] = art['subtitle']
        t['authors'] = list(art['authors'])
        if EX and not art['dateline']:
            header.append(('byline', ex_byline(R, art['authors'][0]), fs, R.choice(['left', 'left', 'right'])))
        elif art['byline'] and not art['dateline']:
            b = art['byline']
            if R.random() < 0.5:
                b = re.sub(r'\s+', ' ', b)
            if not b.startswith('本报') and R.random() < 0.3:
                b = '本报记者 ' + b
            header.append(('byline', b, fs, R.choice(['left', 'left', 'right'])))
        t['dateline'] = art['dateline']
    elif mode == 'rest':
        tsize = fs * (1.5 if span > 1 else 1.3)
        if EX:
            tsize = fs * (R.choice([1.6, 1.8, 2.0]) if span > 1 else R.choice([1.4, 1.5]))
        header.append(('title', art['title'], tsize, 'left'))
    else:
        t['title'] = ''

    # body blocks
    blocks = [list(b) for b in art['blocks']]
    if EX and R.random() < 0.7:
        blocks = [b for b in blocks if b[0] != 'h']
    start_frac = None
    if mode != 'full':
        # start somewhere in the middle, possibly mid-sentence
        total = sum(len(b[1]) for b in blocks if b[0] == 'p')
        cut = int(total * R.uniform(0.3, 0.55))
        acc, nb = 0, []
        for k, s in blocks:
            if k == 'h':
                if acc >= cut: nb.append([k, s])
                continue
            if acc + len(s) <= cut:
                acc += len(s); continue
            if acc < cut:
                off = cut - acc
                nb.append(['pc', s[off:]])  # continuation fragment, not indented
            else:
                nb.append([k, s])
            acc += len(s)
        blocks = nb
        t['dateline'] = None
        t['continued_from_page'] = R.choice([n for n in range(1, 9) if n != pg.page_no] or [1])
    if not blocks:
        return None
    # choose spaced runs
    stream = []  # list of Line or markers
    para_text = []
    if mode != 'full':
        jl = '（上接第%d版）' % t['continued_from_page']
        dropped.append(jl)
        if EX:
            header.append(('jump', jl, fs, 'left'))
        else:
            stream.append(('jump', jl))
    body_texts = []
    for bi, (k, s) in enumerate(blocks):
        if k == 'h':
            stream.append(('h', s)); t['headings'].append(s); body_texts.append(s)
        else:
            pre = ''
            if bi == 0 and mode == 'full' and art.get('dl_prefix'):
                pre = art['dl_prefix']
                if R.random() < 0.5:
                    pre = re.sub(r'\s+', ' ', pre)
            stream.append(('p' if k == 'p' else 'pc', s, pre)); body_texts.append(s)
    return {'t': t, 'header': header, 'stream': stream, 'dropped': dropped, 'width': width, 'span': span}


def layout_article(pg, comp, x, y, span, height, allow_photo=True, force_fit=False):
    """Place composed article in rect (x,y,span cols, height). Returns truth dict and used height or None."""
    R = pg.R
    fs, L = pg.fs, pg.L
    width = comp['width']
    t = dict(comp['t'])
    t['headings'] = list(t['headings']); t['captions'] = []
    dropped = list(comp['dropped'])
    ops_start = len(pg.ops)
    cy = y
    # header
    for kind, s, size, align in comp['header']:
        lines = break_text(s, width, size, kind=kind, justify=False)
        if len(lines) > 1:
            # balance: aim for equal line widths
            tot = W(s, size); n = len(lines)
            for tries in range(3):
                tw = tot / n + size * 0.5
                bl = break_text(s, min(width, tw), size, kind=kind, justify=False)
                if len(bl) == n:
                    lines = bl; break
                n += 0
                tw = tot / n + size * (1.0 + tries)
        if kind == 'title' and len(lines) > 1 and ('，' in s or ' ' in s) and R.random() < (0.9 if EX else 0.6):
            # break titles at a comma or space like the examples do
            m = re.search(r'[，\s]+', s)
            parts = [s[:m.end()].rstrip(), s[m.end():]] if '，' in s[:m.end()] else [s[:m.start()], s[m.end():]]
            if all(W(p, size) <= width for p in parts) and all(parts):
                lines = [break_text(p, width, size, justify=False)[0] for p in parts]
        gap = size * (1.25 if kind == 'title' else 1.4)
        for ln in lines:
            cy += gap
            ln.align = align if kind in ('title', 'byline', 'label') else 'left'
            if EX and kind == 'jump':
                cy += L * 0.4
            if kind == 'title' and ' ' in s and len(lines) == 1:
                # two-part title with a layout space: draw with a real gap
                pass
            draw_line(pg, ln, x, cy, width)
        cy += size * 0.35
    if EX:
        kinds = [h[0] for h in comp['header']]
        cy += L * (HGAP if ('byline' in kinds or 'jump' in kinds) else R.choice([0.5, HGAP]))
    else:
        cy += L * 0.5
    head_h = cy - y
    ncol_lines = int((y + height - cy) // L)
    if ncol_lines < 4:
        del pg.ops[ops_start:]
        return None
    # column slots: per column, list of free line indices (photo may block some)
    cols = []
    for c in range(span):
        cols.append(list(range(ncol_lines)))
    photo = None
    if EX:
        est = sum(math.ceil((len(it[1]) + len(it[2] if len(it) > 2 else '') + 2) / (pg.chars - 0.6)) + (1 if it[0] == 'h' else 0)
                  for it in comp['stream'] if it[0] in ('p', 'pc', 'h'))
        room = span * ncol_lines - est
        allow_photo = allow_photo and (room > 10 or R.random() < 0.35)
    else:
        room = 99
    if allow_photo and R.random() < (0.55 if EX else 0.45) and ncol_lines >= 16:
        pspan = 1 if span == 1 else R.choice([1, 2] if span >= 2 else [1])
        pc0 = R.randint(0, span - pspan)
        pw = pspan * pg.colw + (pspan - 1) * pg.gutter
        at_top = R.random() < 0.6
        plines = R.randint(5, min(10, ncol_lines // 3))
        if comp['t']['title'] and art_caps(comp):
            cap, credit = art_caps(comp)
        else:
            cap = pick_sentence(R, comp)
            credit = make_credit(R)
        cap_size = fs * 0.9
        caplines = break_text(cap, pw, cap_size, justify=False)
        need = plines + int(math.ceil((len(caplines) + 1) * cap_size * 1.3 / L)) + 1
        if need < ncol_lines - 4:
            l0 = 0 if at_top else R.randint(ncol_lines // 3, ncol_lines - need)
            for c in range(pc0, pc0 + pspan):
                cols[c] = [i for i in cols[c] if not (l0 <= i < l0 + need)]
            px = x + pc0 * (pg.colw + pg.gutter)
            ptop = cy + l0 * L
            pg.rect(px, ptop + 2, pw, plines * L - 4)
            yy = ptop + plines * L
            for ln in caplines:
                yy += cap_size * 1.3
                draw_line(pg, ln, px, yy, pw)
            yy += cap_size * 1.3
            ln = break_text(credit, pw, cap_size, justify=False)[0]
            ln.align = R.choice(['right', 'left'])
            draw_line(pg, ln, px, yy, pw)
            t['captions'].append(cap)
            dropped.append(credit)
            photo = True
    # QR label pair
    if R.random() < (0.22 if EX else 0.12) and ncol_lines >= 14 and (room > 8 + (12 if photo else 0) or R.random() < 0.3):
        q = R.choice(QR)
        c = R.randint(0, span - 1)
        free = cols[c]
        l0 = max(0, len(free) - 6) if R.random() < 0.5 else 0
        need = 6
        blk = set(range(ncol_lines - need, ncol_lines)) if l0 else set(range(0, need))
        if all(i in free for i in blk):
            cols[c] = [i for i in free if i not in blk]
            bx = x + c * (pg.colw + pg.gutter)
            by = cy + min(blk) * L
            sq = 2.6 * L
            pg.rect(bx + 2, by + 2, sq, sq)
            pg.text(bx + 2, by + sq + L, fs * 0.9, q[0])
            pg.text(bx + 2, by + sq + 2 * L, fs * 0.9, q[1])
            dropped.extend(q)
    slots = [(c, i) for c in range(span) for i in cols[c]]
    # body lines
    colw = pg.colw
    body_lines = []  # (Line, kind)
    spaced_budget = 1 if R.random() < 0.55 else 0
    for item in comp['stream']:
        if item[0] == 'jump':
            ln = break_text(item[1], colw, fs, justify=False)[0]
            body_lines.append((ln, 'jump', None))
        elif item[0] == 'h':
            hs = fs * 1.1
            hl = break_text(item[1], colw, hs, justify=False)
            for k, ln in enumerate(hl):
                ln.align = 'center'
                body_lines.append((ln, 'h', item[1] if k == 0 else None))
        else:
            kind, s, pre = item
            full = pre + s
            spaced = None
            if spaced_budget and len(full) > 40 and R.random() < 0.5:
                a0 = R.randint(len(pre) + 5, len(full) - 15)
                spaced = set(range(a0, a0 + R.randint(5, 11)))
                spaced_budget -= 1
            ind = 0.0 if kind == 'pc' else 2 * fs
            lines = break_text(full, colw, fs, first_indent=ind, spaced=spaced)
            if pre and R.random() < 0.4:
                # dateline alone on its first line, like 本报呼和浩特6月17日电 / （记者…）
                dl = pre.split('（')[0].rstrip()
                rest = full[len(pre.split('（')[0]):].lstrip()
                l1 = break_text(dl, colw, fs, first_indent=ind, justify=False)
                l2 = break_text(rest, colw, fs, spaced=spaced)
                lines = l1 + l2
            for k, ln in enumerate(lines):
                body_lines.append((ln, 'p', k))
    # paragraph spacing: none (as in examples)
    n_slots = len(slots)
    cont = False
    cut_to = len(body_lines)
    if len(body_lines) > n_slots or comp.get('cut_src'):
        cont = True
        cut_to = min(len(body_lines), n_slots - 1)
        # do not end on a heading line
        while cut_to > 0 and body_lines[cut_to - 1][1] == 'h':
            cut_to -= 1
    if cut_to < 3:
        del pg.ops[ops_start:]
        return None
    used_lines = body_lines[:cut_to]
    # map body lines to slots, track last slot
    for (ln, kind, _), (c, i) in zip(used_lines, slots):
        draw_line(pg, ln, x + c * (colw + pg.gutter), cy + (i + 1) * L - L * 0.22, colw)
    last_slot = slots[len(used_lines) - 1] if used_lines else (0, 0)
    if cont:
        jp = '（下转第%d版）' % R.choice([n for n in range(2, 20) if n != pg.page_no])
        c, i = slots[len(used_lines)] if len(used_lines) < n_slots else last_slot
        ln = break_text(jp, colw, fs, justify=False)[0]
        ln.align = 'right'
        draw_line(pg, ln, x + c * (colw + pg.gutter), cy + (i + 1) * L - L * 0.22, colw)
        dropped.append(jp)
    # truth body text
    pieces = []  # list of (kind, text)
    npara = 0
    for ln, kind, k in used_lines:
        s = ''.join(it[0] for it in ln.items)
        if kind == 'jump':
            if '上接' in s:
                dropped.append(s) if s not in dropped else None
            continue
        if kind == 'h':
            if k is not None:
                pieces.append(['h', s])
            else:
                pieces[-1][1] += s
            continue
        if k == 0:
            pieces.append(['p', s]); npara += 1
        else:
            pieces[-1][1] += s
    t['headings'] = [p[1] for p in pieces if p[0] == 'h']
    # fix headings broken across lines
    body = re.sub(r'\s+', '', ''.join(p[1] for p in pieces))
    t['headings'] = [re.sub(r'\s+', '', h) for h in t['headings']]
    if t['dateline']:
        pre = comp['dl_prefix_flat']
        if body.startswith(pre):
            body = body[len(pre):]
    t['paragraphs'] = npara
    t['_span'] = span
    t['_mode'] = 'rest' if 'continued_from_page' in t else 'full'
    t['continued'] = cont
    n = 22
    t['body_start'] = body[:R.randint(15, 29) if EX else n]
    t['body_end'] = body[-(R.randint(17, 29) if EX else n):]
    # bottom of used area
    used_rows = max(i for (c, i) in slots[:len(used_lines) + (1 if cont else 0)]) + 1 if used_lines else 0
    return {'t': t, 'dropped': dropped, 'used_h': head_h + used_rows * L}


def art_caps(comp):
    return comp.get('cap')


def pick_sentence(R, comp):
    sents = []
    for it in comp['stream']:
        if it[0] in ('p', 'pc'):
            sents += [s + '。' for s in it[1].split('。') if 8 <= len(s) <= 60]
    return R.choice(sents) if sents else '图为活动现场。'


def make_credit(R):
    if EX:
        n = R.choice(EXPOOL + ['严米金', '沈鹏飞'])
        f = R.choice(['{n}摄', '{s}摄', '本报记者 {n} 摄', '本报记者/{n} 摄', '{n} 摄'])
        s = n[0] + '  ' + n[1] if len(n) == 2 else n
        return f.format(n=n, s=s)
    n = R.choice(STAFF)
    f = R.choice(['{n}摄', '{n} 摄', '本报记者 {n} 摄', '本报记者/{n} 摄', '{s}摄', '新华社记者 {n}摄'])
    s = n[0] + '  ' + n[1] if len(n) == 2 else n
    return f.format(n=n, s=s)


# ---------------------------------------------------------------- page assembly
def build(seed, outdir):
    arts = load_articles()
    for a in arts:
        a['dl_prefix_flat'] = re.sub(r'\s+', '', a['dl_prefix']) if a.get('dl_prefix') else ''
    for attempt in range(60):
        pg = Page(seed * 1000 + attempt)
        R = pg.R
        res = try_page(pg, arts)
        if res and 4 <= len(res['articles']) <= 9:
            break
    truth = res
    os.makedirs(outdir, exist_ok=True)
    base = os.path.join(outdir, 'syn_%d' % seed)
    pg.render(base + '.pdf')
    subprocess.run(['pdftotext', '-enc', 'UTF-8', base + '.pdf', base + '.txt'], check=True)
    out = {'source': 'syn_%d.txt: synthetic newspaper page (tools/synth/make.py seed %d; article texts real: leeperfect/PeopleDailyMaterial 人民日报 2025); pdftotext default mode' % (seed, seed),
           'layout': {'ncols': pg.ncols, 'chars': pg.chars, 'fs': pg.fs, 'line_height': pg.lh},
           'articles': truth['articles'], 'dropped': sorted(set(truth['dropped']))}
    json.dump(out, open(base + '.expected.json', 'w'), ensure_ascii=False, indent=1)
    json.dump({'style': pg.style, 'articles': DEBUG[-len(truth['articles']):]}, open(base + '.debug.json', 'w'), ensure_ascii=False)
    return base


def try_page(pg, arts):
    R = pg.R
    fs = pg.fs
    # furniture
    d = pg.date
    dstr = '%d年%d月%d日 星期%s' % (d.year, d.month, d.day, WEEK[d.weekday()])
    ban = '第%02d版' % pg.page_no
    ed = R.sample(STAFF, 3)
    edl = '编辑 %s  美编 %s  校对 %s' % tuple(ed)
    pg.ops = []
    y0 = pg.margin + fs
    pg.text(pg.margin, y0, fs, dstr)
    pg.text((pg.pw - W(ban, fs * 1.4)) / 2, y0, fs * 1.4, ban)
    pg.text(pg.pw - pg.margin - W(edl, fs * 0.9) - fs * 2.5, y0 + fs * 1.6, fs * 0.9, edl)
    foot = '人民日报 第%d版' % pg.page_no
    pg.text(pg.pw - pg.margin - W(foot, fs), pg.ph - pg.margin, fs, foot)
    dropped = [dstr, ban, edl, foot]
    top = pg.margin + pg.body_top_gap
    bottom = top + pg.nlines * pg.L
    pool = arts[:]
    R.shuffle(pool)
    placed = []
    y = top
    target_n = R.randint(4, 9)
    pg.style = 'stacks' if pg.seed // 1000 % 2 == 0 else 'bands'
    if pg.style == 'stacks':
        return stacks(pg, pool, top, bottom, target_n, dropped)
    while bottom - y > 12 * pg.L and pool:
        remaining_arts = target_n - len(placed)
        # partition columns
        parts = []
        left = pg.ncols
        max_parts = max(1, min(4, remaining_arts))
        while left > 0:
            if len(parts) == max_parts - 1:
                s = left
            else:
                s = R.randint(1, min(left, 3))
            parts.append(s); left -= s
        R.shuffle(parts)
        last_band = (bottom - y) < 40 * pg.L or len(placed) + len(parts) >= target_n
        band_h = (bottom - y) if last_band else min(bottom - y, R.randint(22, 45) * pg.L)
        if not last_band and bottom - (y + band_h) < 14 * pg.L:
            band_h = bottom - y
        c0 = 0
        band_used = 0
        for s in parts:
            if not pool:
                break
            a = pick_fit(pg, pool, s, band_h)
            comp = prepare(pg, a, s, pick_mode(R, a))
            if comp is None:
                c0 += s; continue
            off = R.choice([0, 1, 2, 3, 5, 8]) * pg.L if (EX and c0) else 0
            res = layout_article(pg, comp, pg.colx(c0), y + off, s, band_h - pg.L * 0.8 - off)
            if res:
                t = res['t']
                placed.append(t)
                dropped += res['dropped']
                band_used = max(band_used, res['used_h'])
            c0 += s
        y += band_h
    return finish(placed, dropped)


def pick_mode(R, a):
    """How an article is printed: whole, or only its rest (under a jump-from line)."""
    r = R.random()
    if r < 0.12 and len(a['blocks']) >= 2:
        return 'rest'
    if r < 0.16 and len(a['blocks']) >= 2 and not EX:
        return 'rest_nohead'
    return 'full'


def prepare(pg, a, s, mode):
    """The article composed for `s` columns in `mode`, with its cut and its caption chosen."""
    R = pg.R
    comp = compose(pg, a, s, mode)
    if comp is None:
        return None
    comp['dl_prefix_flat'] = a['dl_prefix_flat']
    comp['cut_src'] = a['cut'] and (not EX or R.random() < 0.3)
    comp['cap'] = R.choice(a['caps']) if a['caps'] and mode == 'full' else None
    return comp


def place_one(pg, a, x_col, y, s, h, dropped, mode=None):
    R = pg.R
    comp = prepare(pg, a, s, mode or pick_mode(R, a))
    if comp is None:
        return None
    res = layout_article(pg, comp, pg.colx(x_col), y, s, h)
    if res:
        dropped += res['dropped']
    return res


def need_height(pg, a, s):
    # rough estimate of full height of article a in span s
    if EX:
        lines = sum(math.ceil((len(b[1]) + 2) / (pg.chars - 0.6)) for b in a['blocks']) / s
        return (lines + 9 + (1 if a.get('kicker') else 0)) * pg.L
    chars = sum(len(b[1]) + 2 for b in a['blocks'])
    lines = chars / (pg.chars - 0.5) / s
    return (lines + 7) * pg.L


def pick_fit(pg, pool, s, h, k=5):
    """EX: take an article that fits span s / height h (fewer continued pieces, like the examples)."""
    if not EX:
        return pool.pop()
    R = pg.R
    cand = pool[-k:]
    fit = [a for a in cand if need_height(pg, a, s) <= h * 0.97]
    if fit and R.random() < 0.75:
        w = [2.5 if a.get('dl_prefix') else 1.0 for a in fit]
        a = R.choices(fit, weights=w)[0]
    elif R.random() < 0.5:
        a = min(cand, key=lambda a: need_height(pg, a, s))
    else:
        a = cand[-1]
    pool.remove(a)
    return a


def stacks(pg, pool, top, bottom, target_n, dropped):
    R = pg.R
    parts = []
    left = pg.ncols
    ngroups = R.randint(2, min(4, pg.ncols))
    while left > 0:
        if len(parts) == ngroups - 1:
            s = left
        else:
            s = R.randint(1, max(1, min(left - (ngroups - 1 - len(parts)), 3)))
        parts.append(s); left -= s
    R.shuffle(parts)
    per_group = [1] * len(parts)
    for _ in range(max(0, target_n - len(parts))):
        per_group[R.randrange(len(parts))] += 1
    placed = []
    c0 = 0
    for s, k in zip(parts, per_group):
        y = top + ((R.choice([0, 1, 2, 3, 5, 8]) if EX else R.choice([0, 0, 1, 2, 3])) * pg.L if c0 else 0)
        for j in range(k):
            if not pool or bottom - y < 12 * pg.L:
                break
            a = pick_fit(pg, pool, s, (bottom - y) if j == k - 1 else (bottom - y) * 0.6)
            if j == k - 1:
                h = bottom - y
            else:
                est = need_height(pg, a, s)
                h = min(bottom - y - 12 * pg.L * (k - 1 - j), max(14 * pg.L, est * (R.uniform(0.9, 1.3) if EX else R.uniform(0.7, 1.1))))
            res = place_one(pg, a, c0, y, s, h - pg.L * 0.8, dropped)
            if res:
                placed.append(res['t'])
                y += min(h, res['used_h'] + 2.5 * pg.L)
            else:
                y += 0
        c0 += s
    return finish(placed, dropped)


def finish(placed, dropped):
    arts_out = []
    for t in placed:
        o = {'kicker': t['kicker'], 'title': t['title'], 'subtitle': t['subtitle'], 'authors': t['authors'],
             'dateline': t['dateline'], 'body_start': t['body_start'], 'body_end': t['body_end'],
             'paragraphs': t['paragraphs'], 'headings': t['headings'], 'captions': t['captions'],
             'continued': t['continued']}
        if 'continued_from_page' in t:
            o['continued_from_page'] = t['continued_from_page']
        arts_out.append(o)
        DEBUG.append({'title': t['title'], 'span': t['_span'], 'mode': t['_mode']})
    return {'articles': arts_out, 'dropped': dropped}


if __name__ == '__main__':
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    seed = int(args[0]); outdir = args[1]
    print(build(seed, outdir))
