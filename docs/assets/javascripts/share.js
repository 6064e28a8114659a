// What the stepper and the training explorers share: their state in the page's address,
// "Copy as Python", the canonical script rewritten with the reader's data, seed and sizes,
// and the three-layer network's training step.
// Plain functions on window.tinynetShare; no page element of its own.
(function () {
  "use strict";

  // X as "001.011.101.111", y as "0.0.1.1": rows of 0 and 1 in a link
  function rowsText(rows) {
    return rows
      .map(function (row) {
        return row.join("");
      })
      .join(".");
  }

  // the rows back from a link, or null when the text is not rows of 0 and 1 of one length
  function parseRows(text) {
    if (!/^[01]+(\.[01]+)*$/.test(text || "")) return null;
    var rows = text.split(".").map(function (row) {
      return row.split("").map(Number);
    });
    return rows.every(function (row) {
      return row.length === rows[0].length;
    })
      ? rows
      : null;
  }

  function sameRows(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  // set (a string) or drop (null) each named value in the page's address, keeping the others and the #anchor
  function remember(values) {
    var params = new URLSearchParams(window.location.search);
    Object.keys(values).forEach(function (key) {
      if (values[key] === null || values[key] === undefined) params.delete(key);
      else params.set(key, String(values[key]));
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) window.history.replaceState(null, "", url);
  }

  // a whole number from the address, within [low, high], or null
  function wholeParam(params, key, low, high) {
    if (!params.has(key)) return null;
    var n = Number(params.get(key));
    return Number.isInteger(n) && n >= low && n <= high ? n : null;
  }

  // the script's rows as its own lines write them: [0,0,1]
  function pyRows(rows) {
    return rows.map(function (row) {
      return "[" + row.join(",") + "]";
    });
  }

  // the script's lines with the reader's X, y and seed: each "name = np.array(" block is replaced,
  // on as many lines as it had when it can be, so that the lines after it keep their numbers
  function withData(lines, X, y, seed) {
    lines = lines.slice();
    function data(name, rows) {
      var start = lines.findIndex(function (text) {
        return text.indexOf(name + " = np.array(") === 0;
      });
      if (start < 0) return;
      var end = start;
      while (!/\)(\.T)?\s*$/.test(lines[end])) end += 1;
      var count = end - start + 1;
      var text;
      if (/\.T\s*$/.test(lines[end])) {
        text = [name + " = np.array([[" + rows.map(function (r) { return r[0]; }).join(",") + "]]).T"];
      } else {
        var written = pyRows(rows);
        text = written.map(function (row, k) {
          return (k ? "            " : name + " = np.array([") + row + (k === written.length - 1 ? "])" : ",");
        });
      }
      if (text.length !== count) text = [text.join(" ")].concat(new Array(count - 1).fill(""));
      if (text.length === count) Array.prototype.splice.apply(lines, [start, count].concat(text));
    }
    data("X", X);
    data("y", y);
    return lines.map(function (text) {
      return text.replace(/np\.random\.seed\(\d+\)/, "np.random.seed(" + seed + ")");
    });
  }

  // an element with attributes ("text" sets its text) and children (elements or strings)
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  // a "Copy as Python" button and the line that says what it did; text() gives the script
  function copyButton(text, className) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = "Copy as Python";
    var said = document.createElement("span");
    said.className = className;
    said.setAttribute("role", "status");
    button.addEventListener("click", function () {
      var script = text();
      var fallback = function () {
        said.textContent = "Select the script below and copy it.";
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(script).then(function () {
          said.textContent = "Copied.";
        }, fallback);
      } else fallback();
    });
    return { button: button, said: said };
  }

  // One iteration of the 50-line script, in place, on flat arrays: what training runs thousands of times.
  // x holds the rows one after another, y one target a row; syn0 (columns x hidden units, row by row) and
  // syn1 (one weight a hidden unit) are updated; scratch keeps l1 and the deltas from call to call.
  // alpha scales each update (1 is the script, bit for bit). Returns np.mean(np.abs(l2_error)).
  function advance3(x, y, syn0, syn1, alpha, scratch) {
    var R = y.length, H = syn1.length, C = x.length / R;
    if (!scratch.l1 || scratch.l1.length !== R * H) {
      scratch.l1 = new Float64Array(R * H);
      scratch.d1 = new Float64Array(R * H);
      scratch.d2 = new Float64Array(R);
    }
    var l1 = scratch.l1, d1 = scratch.d1, d2 = scratch.d2;
    var r, c, h, sum, total = 0;
    for (r = 0; r < R; r++) {
      for (h = 0; h < H; h++) {
        sum = 0;
        for (c = 0; c < C; c++) sum += x[r * C + c] * syn0[c * H + h];
        l1[r * H + h] = 1 / (1 + Math.exp(-sum));
      }
      sum = 0;
      for (h = 0; h < H; h++) sum += l1[r * H + h] * syn1[h];
      var l2 = 1 / (1 + Math.exp(-sum));
      var e = y[r] - l2;
      total += Math.abs(e);
      d2[r] = e * (l2 * (1 - l2));
      for (h = 0; h < H; h++) {
        var a = l1[r * H + h];
        d1[r * H + h] = d2[r] * syn1[h] * (a * (1 - a));
      }
    }
    for (h = 0; h < H; h++) {
      sum = 0;
      for (r = 0; r < R; r++) sum += l1[r * H + h] * d2[r];
      syn1[h] = syn1[h] + alpha * sum;
    }
    for (c = 0; c < C; c++) {
      for (h = 0; h < H; h++) {
        sum = 0;
        for (r = 0; r < R; r++) sum += x[r * C + c] * d1[r * H + h];
        syn0[c * H + h] = syn0[c * H + h] + alpha * sum;
      }
    }
    return total / R;
  }

  window.tinynetShare = {
    rowsText: rowsText,
    parseRows: parseRows,
    sameRows: sameRows,
    remember: remember,
    wholeParam: wholeParam,
    withData: withData,
    copyButton: copyButton,
    el: el,
    advance3: advance3,
  };
})();
