// Render the page's math with the vendored KaTeX, loading it only when the page has math:
// Markdown pages mark math with .arithmatex; notebook pages keep $...$ and $$...$$ as text.
(function () {
  "use strict";
  var here = document.currentScript ? document.currentScript.src : "";
  var base = here.replace(/javascripts\/math\.js(\?.*)?$/, "vendor/katex/");
  var NOTEBOOK_MATH = /\$\$([\s\S]+?)\$\$|\$([^$\n]+?)\$/g;

  function notebookTextNodes() {
    var found = [];
    document.querySelectorAll(".jp-RenderedMarkdown").forEach(function (cell) {
      var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT, {
        acceptNode: function (node) {
          if (node.parentElement.closest("code, pre, .katex")) return NodeFilter.FILTER_REJECT;
          return node.nodeValue.indexOf("$") >= 0 ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
        }
      });
      while (walker.nextNode()) found.push(walker.currentNode);
    });
    return found;
  }

  function renderNotebookText(node) {
    var text = node.nodeValue;
    var fragment = document.createDocumentFragment();
    var last = 0;
    text.replace(NOTEBOOK_MATH, function (match, display, inline, offset) {
      fragment.appendChild(document.createTextNode(text.slice(last, offset)));
      var span = document.createElement("span");
      span.className = "notebook-math";
      window.katex.render(display || inline, span, { displayMode: !!display, throwOnError: true });
      fragment.appendChild(span);
      last = offset + match.length;
      return match;
    });
    fragment.appendChild(document.createTextNode(text.slice(last)));
    node.parentNode.replaceChild(fragment, node);
  }

  function renderMarked(el) {
    var tex = el.textContent.trim();
    var display = tex.startsWith("\\[");
    tex = tex.replace(/^\\[\[(]/, "").replace(/\\[\])]$/, "");
    window.katex.render(tex, el, { displayMode: display, throwOnError: true });
  }

  // render in slices of about 15 ms, so that a page with much math never blocks the reader
  function render() {
    var jobs = [];
    document.querySelectorAll(".arithmatex").forEach(function (el) {
      jobs.push(function () { renderMarked(el); });
    });
    notebookTextNodes().forEach(function (node) {
      jobs.push(function () { renderNotebookText(node); });
    });
    (function slice() {
      var started = Date.now();
      while (jobs.length && Date.now() - started < 15) jobs.shift()();
      if (jobs.length) setTimeout(slice, 0);
    })();
  }

  // load KaTeX once the first formula comes near the window (a page read only at its top never needs it)
  function watch() {
    var blocks = [];
    document.querySelectorAll(".arithmatex").forEach(function (el) {
      blocks.push(el.closest(".md-typeset > *") || el);
    });
    notebookTextNodes().forEach(function (node) {
      blocks.push(node.parentElement);
    });
    if (!blocks.length) return;
    if (!("IntersectionObserver" in window)) return load();
    var near = new IntersectionObserver(
      function (entries) {
        if (!entries.some(function (entry) { return entry.isIntersecting; })) return;
        near.disconnect();
        load();
      },
      { rootMargin: "1500px 0px" }
    );
    blocks.forEach(function (block) {
      near.observe(block);
    });
  }

  function load() {
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = base + "katex.min.css";
    document.head.appendChild(css);
    var js = document.createElement("script");
    js.src = base + "katex.min.js";
    js.onload = render;
    document.head.appendChild(js);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
