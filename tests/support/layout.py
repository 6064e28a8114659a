"""What the layout tests measure in the browser: blocks past the text column, sideways scrolling, split numbers."""

from __future__ import annotations

# Run in the page (every block laid out first), it returns a list of problems, one line each:
# - a block of the article (table, figure, listing, output, formula...) whose painted part, once clipped
#   by the boxes that scroll it, reaches past the text column (on the line-by-line chapters, the column
#   ends where the article's text does, a gap before the code beside it);
# - a page wider than the window, so that it scrolls sideways;
# - a number in a listing or an output that the browser split across two lines.
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
  const blocks = 'table, figure, img, svg, pre, .highlight, .katex-display, .jp-OutputArea-output, '
    + '.jp-InputArea, .admonition, details, .tabbed-set, .training-explorer';
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
  }
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth) {
    const wide = page.scrollWidth + ' px wide in a ' + page.clientWidth + ' px window';
    problems.push('the page scrolls sideways: ' + wide);
  }
  const number = /[-+\u2212]?\\d[\\d.,]*(?:e[-+]?\\d+)?/g;
  for (const pre of article.querySelectorAll('pre')) {
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
  const images = [...article.querySelectorAll('.jp-RenderedImage img')].filter((img) => img.naturalWidth > 0);
  return {
    column: column,
    prompt: Math.max(0, ...widths('.jp-InputPrompt, .jp-OutputPrompt')),
    code: share('.jp-CodeCell .jp-InputArea-editor'),
    figures: images.map((img) => ({
      shown: img.getBoundingClientRect().width,
      natural: img.naturalWidth,
    })),
  };
}"""
