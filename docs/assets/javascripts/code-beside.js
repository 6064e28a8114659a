// Keep the whole script beside the line-by-line text on wide screens: light up the lines
// that the section being read explains, and let each line link to its explanation.
//
// Contract with the pages: a <div class="code-beside"> holds the whole listing (one
// <span id="__span-K-N"> per line N), and the sections that explain lines have headings
// with ids "line-N" or "lines-A-B". Headings without such an id explain nothing, except
// a sub-heading, which keeps the lines of the heading it sits under.
(function () {
  "use strict";

  var LINE_ID = /^lines?-(\d+)(?:-(\d+))?$/;
  var READING_LINE = 0.35; // the section whose heading is above 35% of the window is the one being read

  // every h2-h6 of the article with the range of lines it explains (or null)
  function sections(article) {
    var found = [];
    article.querySelectorAll("h2, h3, h4, h5, h6").forEach(function (heading) {
      var level = Number(heading.tagName[1]);
      var match = LINE_ID.exec(heading.id);
      var range = null;
      if (match) {
        range = [Number(match[1]), Number(match[2] || match[1])];
      } else {
        for (var i = found.length - 1; i >= 0; i--) {
          if (found[i].level < level) {
            range = found[i].range;
            break;
          }
        }
      }
      found.push({ heading: heading, level: level, range: range, own: Boolean(match) });
    });
    return found;
  }

  // the heading whose own range is the narrowest one that covers line n
  function explanation(all, n) {
    var best = null;
    all.forEach(function (section) {
      if (!section.own || n < section.range[0] || n > section.range[1]) return;
      if (!best || section.range[1] - section.range[0] < best.range[1] - best.range[0]) best = section;
    });
    return best;
  }

  // wrap the text of each explained line in a link to its explanation
  function linkLines(box, all) {
    var lines = {};
    box.querySelectorAll("code > span[id^='__span-']").forEach(function (span) {
      var n = Number(span.id.split("-").pop());
      lines[n] = span;
      span.setAttribute("data-line", String(n));
      var target = explanation(all, n);
      if (!target) return;
      var link = document.createElement("a");
      link.className = "code-beside__link";
      link.href = "#" + target.heading.id;
      var code = span.textContent.trim();
      link.setAttribute("aria-label", "Line " + n + ": " + code);
      link.title = "Line " + n + ": read its explanation";
      Array.prototype.slice.call(span.childNodes).forEach(function (node) {
        // the empty line-number anchor stays where it is; the code moves into the link
        if (node.nodeType === 1 && node.tagName === "A" && !node.getAttribute("href")) return;
        link.appendChild(node);
      });
      span.appendChild(link);
    });
    return lines;
  }

  function init() {
    var box = document.querySelector(".code-beside");
    if (!box || !("IntersectionObserver" in window)) return;
    var article = box.closest("article") || document.body;
    var all = sections(article);
    var lines = linkLines(box, all);
    var active = null;

    function show(section) {
      var range = section && section.range;
      var key = range ? range.join("-") : "";
      if (key === active) return;
      active = key;
      var first = null;
      var last = null;
      Object.keys(lines).forEach(function (name) {
        var n = Number(name);
        var on = Boolean(range) && n >= range[0] && n <= range[1];
        var span = lines[name];
        span.classList.toggle("code-beside__line--active", on);
        span.classList.toggle("code-beside__line--first", on && n === range[0]);
        span.classList.toggle("code-beside__line--last", on && n === range[1]);
        var link = span.querySelector(".code-beside__link");
        if (link) {
          if (on) link.setAttribute("aria-current", "location");
          else link.removeAttribute("aria-current");
        }
        if (on && !first) first = span;
        if (on) last = span;
      });
      box.setAttribute("data-active-lines", key);
      // scroll the box itself (never the page) so that the lit lines are in view, a line clear of its edges
      if (first && box.clientHeight > 0 && box.scrollHeight > box.clientHeight) {
        var frame = box.getBoundingClientRect();
        var top = first.getBoundingClientRect().top - frame.top;
        var bottom = last.getBoundingClientRect().bottom - frame.top;
        var margin = first.offsetHeight * 1.5;
        if (top < margin || bottom > box.clientHeight - margin) {
          var centred = (top + bottom) / 2 - box.clientHeight / 2;
          box.scrollTop += bottom - top > box.clientHeight - 2 * margin ? top - margin : centred;
        }
      }
    }

    function update() {
      var reading = window.innerHeight * READING_LINE;
      var atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
      var current = null;
      all.forEach(function (section) {
        var top = section.heading.getBoundingClientRect().top;
        if (top <= reading || (atBottom && top < window.innerHeight)) current = section;
      });
      show(current);
    }

    // a heading crossing the reading line, or the page's end coming into view, moves the light
    var band = new IntersectionObserver(update, {
      rootMargin: "0px 0px " + -Math.round((1 - READING_LINE) * 100) + "% 0px",
    });
    all.forEach(function (section) {
      band.observe(section.heading);
    });
    var end = document.querySelector(".md-footer") || article.lastElementChild;
    if (end) new IntersectionObserver(update, { threshold: [0, 1] }).observe(end);
    window.addEventListener("hashchange", update);
    window.addEventListener("resize", update);

    // a test hook: which lines are lit, and which section explains line n
    window.codeBeside = {
      activeLines: function () {
        return active;
      },
      explanationOf: function (n) {
        var section = explanation(all, n);
        return section ? section.heading.id : null;
      },
    };
  }

  // the box shows only on wide screens (site.css): until the window is that wide, do nothing
  var wide = window.matchMedia("(min-width: 76.25em)");
  function start() {
    if (!wide.matches) {
      wide.addEventListener("change", start, { once: true });
      return;
    }
    init();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
