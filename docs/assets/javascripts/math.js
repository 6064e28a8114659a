// Render the page's math with the vendored KaTeX, loading it only when the page has math.
(function () {
  "use strict";
  var here = document.currentScript ? document.currentScript.src : "";
  var base = here.replace(/javascripts\/math\.js(\?.*)?$/, "vendor/katex/");

  function render() {
    document.querySelectorAll(".arithmatex").forEach(function (el) {
      var tex = el.textContent.trim();
      var display = tex.startsWith("\\[");
      tex = tex.replace(/^\\[\[(]/, "").replace(/\\[\])]$/, "");
      window.katex.render(tex, el, { displayMode: display, throwOnError: true });
    });
  }

  function load() {
    if (!document.querySelector(".arithmatex")) return;
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
    document.addEventListener("DOMContentLoaded", load);
  } else {
    load();
  }
})();
