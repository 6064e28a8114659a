"""What the layout tests measure in the browser: blocks past the text column, sideways scrolling, split numbers."""

from __future__ import annotations

# Run in the page (every block laid out first), it returns a list of problems, one line each:
# - a block of the article (table, figure, listing, output, formula...) whose painted part, once clipped
#   by the boxes that scroll it, reaches past the text column (on the line-by-line chapters, the column
#   ends where the article's text does, a gap before the code beside it);
# - a block whose content is wider than the block itself, where neither it nor a box around it scrolls:
#   the end of a long formula in a notebook's cell was cut off that way, with no block past the column;
# - on a desktop (1280 px and wider), a notebook cell's code or printed output that does not fit the column,
#   so that the reader must scroll it sideways to see the end of a line (on a phone they may scroll);
# - a heading whose permalink sits on a line of its own (a blank line under the heading);
# - a page wider than the window, so that it scrolls sideways;
# - a number in a listing, an output or a piece of inline code that the browser split across two lines.
PROBE = """() => {
  const problems = [];
  const article = document.querySelector('article.md-content__inner');
  const beside = article.querySelector('.code-beside');
  const panel = beside && beside.offsetParent !== null ? beside.getBoundingClientRect() : null;
  // the text column: the article with its margins (the theme lets listings and tables use them);
  // beside the code, it ends where the article's text ends, clear of the code by the gap site.css keeps
  const box = article.parentElement.getBoundingClientRect();
  const text = article.getBoundingClientRect().right - parseFloat(getComputedStyle(article).paddingRight);
  const left = box.left;
  const right = panel ? Math.min(text, panel.left) : box.right;
  const describe = (el) => {
    const heading = [...article.querySelectorAll('h1, h2, h3, h4, h5, h6')]
      .filter((h) => h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING).pop();
    const name = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
      ? '.' + el.className.trim().split(/\\s+/).slice(0, 2).join('.') : '');
    return name + ' under #' + (heading ? heading.id : 'top');
  };
  const clipped = (el) => {
    let rect = el.getBoundingClientRect();
    let [l, r] = [rect.left, rect.right];
    for (let up = el.parentElement; up && up !== article; up = up.parentElement) {
      if (/auto|scroll/.test(getComputedStyle(up).overflowX)) {
        const clip = up.getBoundingClientRect();
        l = Math.max(l, clip.left);
        r = Math.min(r, clip.right);
      }
    }
    return [l, r, rect.width, rect.height];
  };
  const scrolls = (el) => {
    for (let up = el; up && up !== article; up = up.parentElement) {
      if (/auto|scroll/.test(getComputedStyle(up).overflowX)) return true;
    }
    return false;
  };
  const blocks = 'table, figure, img, svg, pre, .highlight, .katex-display, .jp-OutputArea-output, '
    + '.jp-CodeCell .jp-InputArea, .admonition, details, .tabbed-set, .training-explorer';
  const seen = new Set();
  for (const el of article.querySelectorAll(blocks)) {
    if (beside && beside.contains(el)) continue;
    const [l, r, width, height] = clipped(el);
    if (width === 0 || height === 0 || r <= l) continue;
    const past = Math.round(r - right);
    if (past > 1) {
      const what = describe(el) + ' ends ' + past + ' px past the text column';
      if (!seen.has(what)) problems.push(what);
      seen.add(what);
    }
    if (Math.round(left - l) > 1) problems.push(describe(el) + ' starts ' + Math.round(left - l) + ' px before it');
    const over = Math.round(el.scrollWidth - el.clientWidth);
    if (el.clientWidth > 0 && over > 1 && !scrolls(el)) {
      problems.push(describe(el) + ' holds ' + over + ' px more than it shows, and nothing scrolls it');
    }
  }
  if (innerWidth >= 1280) {
    for (const el of article.querySelectorAll('.jp-Cell pre > code, .jp-Cell .jp-RenderedText')) {
      const over = Math.round(el.scrollWidth - el.clientWidth);
      if (el.clientWidth > 0 && over > 1) {
        const line = el.innerText.split('\\n').reduce((a, b) => (b.length > a.length ? b : a), '');
        problems.push(describe(el) + ' scrolls ' + over + ' px sideways: ' + JSON.stringify(line.trim().slice(0, 60)));
      }
    }
  }
  for (const link of article.querySelectorAll(':is(h2, h3, h4) > .headerlink')) {
    const heading = link.parentElement;
    const words = document.createRange();
    words.selectNodeContents(heading);
    words.setEndBefore(link);
    const tops = [...words.getClientRects()].filter((r) => r.width > 0).map((r) => r.top);
    if (tops.length && link.getBoundingClientRect().top - Math.max(...tops) > 8) {
      problems.push('the permalink of #' + heading.id + ' sits on a line of its own');
    }
  }
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth) {
    const wide = page.scrollWidth + ' px wide in a ' + page.clientWidth + ' px window';
    problems.push('the page scrolls sideways: ' + wide);
  }
  const number = /[-+\u2212]?\\d[\\d.,]*(?:e[-+]?\\d+)?/g;
  for (const pre of article.querySelectorAll('pre, :not(pre) > code')) {
    if (beside && beside.contains(pre)) continue;
    const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(number)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) problems.push(describe(pre) + ': the number ' + match[0] + ' is split across lines');
      }
    }
  }
  return problems;
}"""

# Run in a notebook page at phone width: how wide the prompt column is, and the narrowest code cell,
# output and figure, each as a share of the text column's width.
NOTEBOOK_WIDTHS = """() => {
  const article = document.querySelector('article.md-content__inner');
  const style = getComputedStyle(article);
  const column = article.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const widths = (selector) => [...article.querySelectorAll(selector)]
    .map((el) => el.getBoundingClientRect().width).filter((w) => w > 0);
  const share = (selector) => {
    const found = widths(selector);
    return found.length ? Math.min(...found) / column : null;
  };
  return {
    column: column,
    prompt: Math.max(0, ...widths('.jp-InputPrompt, .jp-OutputPrompt')),
    code: share('.jp-CodeCell .jp-InputArea-editor'),
  };
}"""

# Run in any page: each plot the page shows (tinynet.plotting) and each chart or diagram drawn in SVG,
# with the width it is shown at, its own width and the size of its smallest text at that width: for a plot,
# its width attribute in CSS px and data-text-px (measured on the figure by tinynet.plotting); for a chart,
# its viewBox and the font size of its texts, in the viewBox's units. As the reader sees it, the text is that
# size times shown / own width.
FIGURES = """() => [
  ...[...document.querySelectorAll('article .plots img')].map((img) => ({
    shown: img.getBoundingClientRect().width,
    natural: Number(img.getAttribute('width')),
    text: Number(img.dataset.textPx),
  })),
  ...[...document.querySelectorAll('article :is(svg.weight-plot, svg.network-diagram, svg.training-explorer__svg)')]
    .map((svg) => ({
    shown: svg.getBoundingClientRect().width,
    natural: svg.viewBox.baseVal.width,
    text: Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize))),
  })),
].filter((figure) => figure.shown > 0)"""

# Run in a page (async): each code block of the article, brought into view so that its copy button is mounted,
# as {line, button, covered}: its first line's text, whether it has a copy button, and whether that button's
# box covers part of the line's text as the block shows it (clipped by the block's own scrolling box).
COPY_BUTTONS = """async () => {
  const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const found = [];
  const blocks = [...document.querySelectorAll('article .highlight pre')]
    .filter((pre) => !pre.closest('.code-beside, .linenodiv') && pre.getClientRects().length > 0);
  for (const pre of blocks) {
    pre.scrollIntoView({block: 'center'});
    await frames();
    const holder = pre.closest('.highlight');
    let button = holder.querySelector('.md-code__nav');
    for (let wait = 0; !button && wait < 20; wait += 1) {
      await new Promise((done) => setTimeout(done, 50));
      button = holder.querySelector('.md-code__nav');
    }
    const code = pre.querySelector('code') || pre;
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let started = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (button && button.contains(node)) continue;
      if (!started && node.data.trim() === '') continue;
      if (!started) { range.setStart(node, node.data.search(/\\S/)); started = true; }
      const end = node.data.indexOf('\\n', node === range.startContainer ? range.startOffset : 0);
      if (end >= 0) { range.setEnd(node, end); break; }
      range.setEnd(node, node.data.length);
    }
    if (!started || !button) {
      found.push({line: range.toString(), button: Boolean(button), covered: false});
      continue;
    }
    const view = code.getBoundingClientRect();
    const b = button.getBoundingClientRect();
    const covered = [...range.getClientRects()]
      .map((r) => ({left: Math.max(r.left, view.left), right: Math.min(r.right, view.right), top: r.top,
        bottom: r.bottom}))
      .some((r) => r.right > r.left && r.left < b.right - 1 && r.right > b.left + 1
        && r.top < b.bottom - 1 && r.bottom > b.top + 1);
    found.push({line: range.toString(), button: true, covered});
  }
  return found;
}"""
