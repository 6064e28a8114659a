// The stepper: runs the loop body of the 42-line or the 50-line script in the browser, one line
// at a time, at any iteration, and shows every variable alive after the line with its arithmetic.
// It mounts on <div class="stepper" data-net="two-layer|three-layer"> and builds itself only when
// the reader presses its Start button, follows a "step through" link, or opens a link holding its state.
// The numbers are float64, in the script's order of operations; the starting weights are drawn
// as numpy's RandomState does (MT19937, integer seed, random_sample).
(function () {
  "use strict";

  // --- numpy's RandomState(seed).random_sample -----------------------------------------------

  function randomState(seed) {
    var mt = new Uint32Array(624);
    var index = 624;
    mt[0] = seed >>> 0;
    for (var i = 1; i < 624; i++) {
      var prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    function twist() {
      for (var k = 0; k < 624; k++) {
        var y = (mt[k] & 0x80000000) | (mt[(k + 1) % 624] & 0x7fffffff);
        var v = mt[(k + 397) % 624] ^ (y >>> 1);
        if (y & 1) v ^= 0x9908b0df;
        mt[k] = v >>> 0;
      }
      index = 0;
    }
    function next() {
      if (index >= 624) twist();
      var y = mt[index++];
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      y ^= y >>> 18;
      return y >>> 0;
    }
    return function () {
      var a = next() >>> 5;
      var b = next() >>> 6;
      return (a * 67108864 + b) / 9007199254740992;
    };
  }

  // --- matrices: {rows, cols, v: Float64Array}, row-major as numpy keeps them ---------------------

  function matrix(rows, cols) {
    return { rows: rows, cols: cols, v: new Float64Array(rows * cols) };
  }

  function fromRows(rows) {
    var m = matrix(rows.length, rows[0].length);
    rows.forEach(function (row, r) {
      row.forEach(function (x, c) {
        m.v[r * m.cols + c] = x;
      });
    });
    return m;
  }


  function transpose(a) {
    var t = matrix(a.cols, a.rows);
    for (var r = 0; r < a.rows; r++) for (var c = 0; c < a.cols; c++) t.v[c * t.cols + r] = a.v[r * a.cols + c];
    return t;
  }

  // np.dot, each entry summed in index order
  function dot(a, b) {
    var out = matrix(a.rows, b.cols);
    for (var r = 0; r < a.rows; r++) {
      for (var c = 0; c < b.cols; c++) {
        var sum = 0;
        for (var k = 0; k < a.cols; k++) sum += a.v[r * a.cols + k] * b.v[k * b.cols + c];
        out.v[r * out.cols + c] = sum;
      }
    }
    return out;
  }

  function map2(a, b, f) {
    var out = matrix(a.rows, a.cols);
    for (var i = 0; i < a.v.length; i++) out.v[i] = f(a.v[i], b.v[i]);
    return out;
  }

  function nonlin(a) {
    return map2(a, a, function (x) {
      return 1 / (1 + Math.exp(-x));
    });
  }

  // l_error * nonlin(l, deriv=True): the slope x*(1-x) first, then the product
  function weighted(error, l) {
    return map2(error, l, function (e, x) {
      return e * (x * (1 - x));
    });
  }

  function minus(a, b) {
    return map2(a, b, function (x, z) {
      return x - z;
    });
  }

  function plus(a, b) {
    return map2(a, b, function (x, z) {
      return x + z;
    });
  }

  // --- the two scripts' loop bodies ---------------------------------------------------------------

  var NETS = {
    "two-layer": {
      script: "two_layer.py",
      iterations: 10000,
      counter: "iter",
      steps: [28, 29, 32, 36, 39],
      assigns: { 28: "l0", 29: "l1", 32: "l1_error", 36: "l1_delta", 39: "syn0" },
      weights: ["syn0"],
      order: ["X", "y", "syn0", "iter", "l0", "l1", "l1_error", "l1_delta"],
      start: function (cols, seed) {
        var random = randomState(seed);
        return { syn0: draw(cols, 1, random) };
      },
      // one iteration in place, with no array made: what training runs 10,000 times
      advance: function (X, y, w, scratch) {
        var R = X.rows, C = X.cols, x = X.v, syn0 = w.syn0.v, d = scratch.d || (scratch.d = new Float64Array(R));
        var r, c;
        for (r = 0; r < R; r++) {
          var z = 0;
          for (c = 0; c < C; c++) z += x[r * C + c] * syn0[c];
          var l1 = 1 / (1 + Math.exp(-z));
          d[r] = (y.v[r] - l1) * (l1 * (1 - l1));
        }
        for (c = 0; c < C; c++) {
          var u = 0;
          for (r = 0; r < R; r++) u += x[r * C + c] * d[r];
          syn0[c] = syn0[c] + u;
        }
      },
      // one iteration from the weights w: every variable it makes, and the weights after it
      frame: function (X, y, w) {
        var f = { l0: X };
        f.l1 = nonlin(dot(f.l0, w.syn0));
        f.l1_error = minus(y, f.l1);
        f.l1_delta = weighted(f.l1_error, f.l1);
        f.update0 = dot(transpose(f.l0), f.l1_delta);
        f.after = { syn0: plus(w.syn0, f.update0) };
        return f;
      },
    },
    "three-layer": {
      script: "three_layer.py",
      iterations: 60000,
      counter: "j",
      hidden: 4,
      steps: [28, 29, 30, 33, 35, 36, 40, 43, 47, 49, 50],
      assigns: { 28: "l0", 29: "l1", 30: "l2", 33: "l2_error", 40: "l2_delta", 43: "l1_error", 47: "l1_delta", 49: "syn1", 50: "syn0" },
      weights: ["syn0", "syn1"],
      order: ["X", "y", "syn0", "syn1", "j", "l0", "l1", "l2", "l2_error", "l2_delta", "l1_error", "l1_delta"],
      start: function (cols, seed) {
        var random = randomState(seed);
        var syn0 = draw(cols, 4, random);
        return { syn0: syn0, syn1: draw(4, 1, random) };
      },
      advance: function (X, y, w, scratch) {
        share.advance3(X.v, y.v, w.syn0.v, w.syn1.v, 1, scratch);
      },
      frame: function (X, y, w) {
        var f = { l0: X };
        f.l1 = nonlin(dot(f.l0, w.syn0));
        f.l2 = nonlin(dot(f.l1, w.syn1));
        f.l2_error = minus(y, f.l2);
        var total = 0;
        for (var i = 0; i < f.l2_error.v.length; i++) total += Math.abs(f.l2_error.v[i]);
        f.error = total / f.l2_error.v.length; // np.mean(np.abs(l2_error))
        f.l2_delta = weighted(f.l2_error, f.l2);
        f.l1_error = dot(f.l2_delta, transpose(w.syn1));
        f.l1_delta = weighted(f.l1_error, f.l1);
        f.update1 = dot(transpose(f.l1), f.l2_delta);
        f.update0 = dot(transpose(f.l0), f.l1_delta);
        f.after = { syn1: plus(w.syn1, f.update1), syn0: plus(w.syn0, f.update0) };
        return f;
      },
    },
  };

  // 2*np.random.random((rows, cols)) - 1
  function draw(rows, cols, random) {
    var m = matrix(rows, cols);
    for (var i = 0; i < m.v.length; i++) m.v[i] = 2 * random() - 1;
    return m;
  }

  var EVERY = 200; // keep the weights of every 200th iteration: a jump runs at most 199 iterations

  function copyWeights(w) {
    var out = {};
    Object.keys(w).forEach(function (name) {
      out[name] = { rows: w[name].rows, cols: w[name].cols, v: new Float64Array(w[name].v) };
    });
    return out;
  }

  // train once from the seed's weights; keep checkpoints to reach any iteration quickly
  function Run(net, X, y, seed) {
    this.net = net;
    this.X = fromRows(X);
    this.y = fromRows(y);
    this.seed = seed;
    this.iterations = net.iterations;
    this.checkpoints = [];
    this.scratch = {};
    var w = net.start(this.X.cols, seed);
    for (var it = 0; it < this.iterations; it++) {
      if (it % EVERY === 0) this.checkpoints.push(copyWeights(w));
      net.advance(this.X, this.y, w, this.scratch);
    }
  }

  // the weights at the start of iteration it
  Run.prototype.weightsAt = function (it) {
    var k = Math.floor(it / EVERY);
    var w = copyWeights(this.checkpoints[k]);
    for (var i = k * EVERY; i < it; i++) this.net.advance(this.X, this.y, w, this.scratch);
    return w;
  };

  Run.prototype.frameAt = function (it) {
    var w = this.weightsAt(it);
    var f = this.net.frame(this.X, this.y, w);
    f.before = w;
    return f;
  };

  // --- what is alive after line `line` of iteration `it` -----------------------------------------

  function lineOf(net, name) {
    var found = null;
    Object.keys(net.assigns).forEach(function (line) {
      if (net.assigns[line] === name) found = Number(line);
    });
    return found;
  }

  // every variable as numpy holds it after the line: {name: {m, from, changed}}
  function alive(run, it, line, now, previous) {
    var net = run.net;
    var out = {};
    net.order.forEach(function (name) {
      if (name === "X") out.X = { m: run.X, from: "data" };
      else if (name === "y") out.y = { m: run.y, from: "data" };
      else if (name === net.counter) out[name] = { scalar: it, from: "loop" };
      else if (net.weights.indexOf(name) >= 0) {
        var updated = line >= lineOf(net, name);
        out[name] = { m: updated ? now.after[name] : now.before[name], from: updated ? "now" : "start", old: now.before[name] };
      } else if (line >= lineOf(net, name)) {
        out[name] = { m: now[name], from: "now", old: previous ? previous[name] : null };
      } else if (previous) {
        out[name] = { m: previous[name], from: "previous" };
      }
    });
    return out;
  }

  // --- numbers as the pane writes them -------------------------------------------------------------

  function fmt(x) {
    x = Number(x);
    if (Number.isInteger(x) && Math.abs(x) < 1e6) return String(x).replace(/^-/, "\u2212");
    var text = Math.abs(x) < 1e-4 ? x.toExponential(5).replace(/e([-+])(\d+)$/, function (_, sign, digits) {
      return "e" + (sign === "-" ? "\u2212" : "") + digits;
    }) : x.toPrecision(6);
    return text.replace(/^-/, "\u2212");
  }

  // a factor in a product: negative numbers in brackets
  function factor(x) {
    return x < 0 ? "(" + fmt(x) + ")" : fmt(x);
  }

  function at(m, r, c) {
    return m.v[r * m.cols + c];
  }

  function shapeText(m) {
    return "(" + m.rows + ", " + m.cols + ")";
  }

  // the current line's arithmetic for entry [r, c] of what it assigns
  function arithmetic(run, line, f, r, c) {
    var net = run.net;
    var name = net.assigns[line];
    var w = f.before;
    var i, terms;
    if (name === "l0") return "l0 is X, the same array: no arithmetic";
    if (name === "l1" || name === "l2") {
      var input = name === "l1" ? f.l0 : f.l1;
      var weights = name === "l1" ? w.syn0 : w.syn1;
      var inputName = name === "l1" ? "l0" : "l1";
      terms = [];
      var z = 0;
      for (i = 0; i < input.cols; i++) {
        terms.push(fmt(at(input, r, i)) + " \u00d7 " + factor(at(weights, i, c)));
        z += at(input, r, i) * at(weights, i, c);
      }
      return (
        name + "[" + r + ", " + c + "] = nonlin(" + inputName + "[" + r + "] \u00b7 " + (name === "l1" ? "syn0" : "syn1") +
        "[:, " + c + "]) = nonlin(" + terms.join(" + ") + ") = nonlin(" + fmt(z) + ") = 1 / (1 + e^(" + factor(-z) + ")) = " +
        fmt(at(f[name], r, c))
      );
    }
    if (name === "l1_error" && net.counter === "iter") {
      return "l1_error[" + r + ", 0] = y[" + r + ", 0] \u2212 l1[" + r + ", 0] = " + fmt(at(run.y, r, 0)) + " \u2212 " + factor(at(f.l1, r, 0)) + " = " + fmt(at(f.l1_error, r, 0));
    }
    if (name === "l2_error") {
      return "l2_error[" + r + ", 0] = y[" + r + ", 0] \u2212 l2[" + r + ", 0] = " + fmt(at(run.y, r, 0)) + " \u2212 " + factor(at(f.l2, r, 0)) + " = " + fmt(at(f.l2_error, r, 0));
    }
    if (name === "l1_delta" || name === "l2_delta") {
      var layer = name === "l1_delta" ? "l1" : "l2";
      var err = name === "l1_delta" ? "l1_error" : "l2_error";
      var x = at(f[layer], r, c);
      return (
        name + "[" + r + ", " + c + "] = " + err + " \u00d7 " + layer + " \u00d7 (1 \u2212 " + layer + ") = " + factor(at(f[err], r, c)) +
        " \u00d7 " + factor(x) + " \u00d7 " + factor(1 - x) + " = " + fmt(at(f[name], r, c))
      );
    }
    if (name === "l1_error") {
      return (
        "l1_error[" + r + ", " + c + "] = l2_delta[" + r + ", 0] \u00d7 syn1[" + c + ", 0] = " + factor(at(f.l2_delta, r, 0)) + " \u00d7 " +
        factor(at(w.syn1, c, 0)) + " = " + fmt(at(f.l1_error, r, c))
      );
    }
    // the updates: syn += (layer).T . delta, entry [r, c] a sum over the examples
    var source = name === "syn0" ? f.l0 : f.l1;
    var sourceName = name === "syn0" ? "l0" : "l1";
    var delta = name === "syn0" ? f.l1_delta : f.l2_delta;
    var deltaName = name === "syn1" ? "l2_delta" : "l1_delta";
    var update = name === "syn0" ? f.update0 : f.update1;
    terms = [];
    for (i = 0; i < source.rows; i++) terms.push(fmt(at(source, i, r)) + " \u00d7 " + factor(at(delta, i, c)));
    return (
      name + "[" + r + ", " + c + "] += " + sourceName + "[:, " + r + "] \u00b7 " + deltaName + "[:, " + c + "] = " + terms.join(" + ") + " = " +
      fmt(at(update, r, c)) + ", so " + name + "[" + r + ", " + c + "] goes from " + fmt(at(w[name], r, c)) + " to " + fmt(at(f.after[name], r, c))
    );
  }

  // --- the page -----------------------------------------------------------------------------------

  var X_POST = [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]];
  var PRESETS = [
    { id: "post", name: "the post's data (target: the first column)", X: X_POST, y: [[0], [0], [1], [1]] },
    { id: "xor", name: "exclusive or (the 50-line script's target)", X: X_POST, y: [[0], [1], [1], [0]] },
    { id: "second", name: "the second column as target", X: X_POST, y: [[0], [1], [0], [1]] },
  ];

  var share = window.tinynetShare;
  var el = share.el;
  var sameRows = share.sameRows;
  var rowsText = share.rowsText;
  var parseRows = share.parseRows;

  var uid = 0;

  function Stepper(mount) {
    this.mount = mount;
    this.net = NETS[mount.getAttribute("data-net")];
    this.id = "stepper" + ++uid;
    this.defaultData = this.net === NETS["two-layer"] ? PRESETS[0] : PRESETS[1];
    this.X = this.defaultData.X;
    this.y = this.defaultData.y;
    this.seed = 1;
    this.it = 0;
    this.pos = 0; // index into net.steps
    this.entry = 0;
    this.build();
  }

  Stepper.prototype.build = function () {
    var self = this;
    var id = this.id;
    var net = this.net;
    var mount = this.mount;
    mount.textContent = "";
    mount.setAttribute("role", "region");
    mount.setAttribute("aria-label", "Stepper: the loop of " + net.script + ", one line at a time");
    // the reader's first use of a control puts the state into the page's address
    ["click", "change", "input"].forEach(function (type) {
      mount.addEventListener(
        type,
        function () {
          self.used = true;
        },
        true
      );
    });

    this.dataSelect = el("select", { id: id + "-data" });
    PRESETS.forEach(function (p) {
      self.dataSelect.appendChild(el("option", { value: p.id, text: p.name }));
    });
    this.customOption = el("option", { value: "custom", text: "the data from the link" });
    this.dataSelect.addEventListener("change", function () {
      var preset = PRESETS.filter(function (p) {
        return p.id === self.dataSelect.value;
      })[0];
      if (!preset) return;
      self.X = preset.X;
      self.y = preset.y;
      self.retrain();
    });
    this.seedInput = el("input", { id: id + "-seed", type: "number", min: "0", max: "4294967295", step: "1", value: "1" });
    this.seedInput.addEventListener("change", function () {
      var n = Math.round(Number(self.seedInput.value));
      self.seed = n >= 0 && n <= 4294967295 ? n : 1;
      self.retrain();
    });
    mount.appendChild(
      // each label with its control: a narrow bar wraps between the pairs, never inside one
      el("div", { class: "stepper__options" }, [
        el("span", { class: "stepper__field stepper__field--data" }, [
          el("label", { for: id + "-data", text: "Data" }),
          this.dataSelect,
        ]),
        el("span", { class: "stepper__field" }, [el("label", { for: id + "-seed", text: "Seed" }), this.seedInput]),
      ])
    );

    var last = net.iterations - 1;
    this.iterationInput = el("input", { id: id + "-iteration", type: "number", min: "0", max: String(last), step: "1", value: "0" });
    this.iterationInput.addEventListener("change", function () {
      var n = Math.round(Number(self.iterationInput.value));
      self.go(Math.min(last, Math.max(0, n || 0)), self.pos);
    });
    this.slider = el("input", { id: id + "-slider", type: "range", min: "0", max: "1000", step: "1", value: "0" });
    this.slider.addEventListener("input", function () {
      self.go(self.fromSlider(Number(self.slider.value)), self.pos, true);
    });
    mount.appendChild(
      el("div", { class: "stepper__iteration" }, [
        el("span", { class: "stepper__field" }, [
          el("label", { for: id + "-iteration", text: "Iteration" }),
          this.iterationInput,
          el("span", { class: "stepper__of", text: "of 0 to " + last }),
        ]),
        el("span", { class: "stepper__field stepper__field--slider" }, [
          el("label", { for: id + "-slider", text: "Iteration, on a log scale" }),
          this.slider,
        ]),
      ])
    );

    this.back = el("button", { type: "button", class: "md-button", text: "\u2190 Previous line" });
    this.forward = el("button", { type: "button", class: "md-button md-button--primary", text: "Next line \u2192" });
    this.back.addEventListener("click", function () {
      self.move(-1);
    });
    this.forward.addEventListener("click", function () {
      self.move(1);
    });
    this.where = el("p", { class: "stepper__where" });
    mount.appendChild(el("div", { class: "stepper__nav" }, [this.back, this.forward, this.where]));

    // the loop body, cloned from the whole listing the page holds beside the text
    this.lines = {};
    var code = el("code");
    var first = net.steps[0];
    var lastLine = net.steps[net.steps.length - 1];
    for (var n = first; n <= lastLine; n++) {
      var source = document.querySelector('.code-beside code > span[id$="-' + n + '"]');
      var line = el("span", { class: "stepper__line", "data-line": String(n) });
      if (source) {
        var clone = source.cloneNode(true);
        clone.removeAttribute("id");
        clone.querySelectorAll("[id]").forEach(function (node) {
          node.removeAttribute("id");
        });
        clone.querySelectorAll("a").forEach(function (a) {
          while (a.firstChild) a.parentNode.insertBefore(a.firstChild, a);
          a.remove();
        });
        clone.className = "";
        clone.removeAttribute("data-line");
        while (clone.firstChild) line.appendChild(clone.firstChild);
      }
      if (!/\n$/.test(line.textContent)) line.appendChild(document.createTextNode("\n"));
      this.lines[n] = line;
      code.appendChild(line);
    }
    this.listing = el("pre", { class: "stepper__listing", tabindex: "0", "aria-label": "Lines " + first + " to " + lastLine + " of " + net.script }, [code]);
    var listingBox = el("div", { class: "highlight stepper__code" }, [this.listing]);

    this.current = el("p", { class: "stepper__current" });
    this.sums = el("div", { class: "stepper__sums" });
    this.printed = el("pre", { class: "stepper__printed", hidden: "" });
    this.values = el("div", { class: "stepper__values", tabindex: "0", role: "region", "aria-label": "Values after the line" });
    mount.appendChild(
      el("div", { class: "stepper__body" }, [
        listingBox,
        el("div", { class: "stepper__pane" }, [this.current, this.sums, this.printed, this.values]),
      ])
    );
    // this view as a script: the canonical one with the reader's data and seed, stopped after the line
    this.exportCode = el("code");
    var copy = share.copyButton(function () {
      return self.python();
    }, "stepper__copied");
    var copyButton = copy.button;
    var copied = copy.said;
    this.exportBox = el("details", { class: "stepper__export" }, [
      el("summary", { text: "This view as a Python script" }),
      el("p", {}, [copyButton, " ", copied]),
      el("pre", { class: "stepper__script", tabindex: "0", "aria-label": "The script" }, [this.exportCode]),
    ]);
    this.exportBox.addEventListener("toggle", function () {
      if (self.exportBox.open) self.exportCode.textContent = self.python();
    });
    mount.appendChild(this.exportBox);
    this.said = el("p", { class: "stepper__said", role: "status", "aria-live": "polite" });
    mount.appendChild(this.said);
    this.retrain();
  };

  Stepper.prototype.fromSlider = function (s) {
    var n = this.net.iterations;
    return Math.min(n - 1, Math.max(0, Math.round(Math.pow(n, s / 1000)) - 1));
  };

  Stepper.prototype.toSlider = function (it) {
    return Math.round((1000 * Math.log(it + 1)) / Math.log(this.net.iterations));
  };

  Stepper.prototype.retrain = function () {
    var self = this;
    var preset = PRESETS.filter(function (p) {
      return sameRows(p.X, self.X) && sameRows(p.y, self.y);
    })[0];
    if (preset) {
      if (this.customOption.parentNode) this.customOption.remove();
      this.dataSelect.value = preset.id;
    } else {
      this.dataSelect.appendChild(this.customOption);
      this.dataSelect.value = "custom";
    }
    this.seedInput.value = String(this.seed);
    this.run = new Run(this.net, this.X, this.y, this.seed);
    this.go(this.it, this.pos);
  };

  // the lines run in iteration it: line 36 of the 50-line script only when it prints
  Stepper.prototype.runs = function (it, line) {
    return !(this.net.counter === "j" && line === 36 && it % 10000 !== 0);
  };

  Stepper.prototype.move = function (direction) {
    var it = this.it;
    var pos = this.pos;
    var steps = this.net.steps;
    do {
      pos += direction;
      if (pos >= steps.length) {
        if (it >= this.net.iterations - 1) return;
        it += 1;
        pos = 0;
      } else if (pos < 0) {
        if (it <= 0) return;
        it -= 1;
        pos = steps.length - 1;
      }
    } while (!this.runs(it, steps[pos]));
    this.go(it, pos);
  };

  // show line steps[pos] of iteration it: the listing, the values, the arithmetic, the link
  Stepper.prototype.go = function (it, pos, fromSlider) {
    var self = this;
    var net = this.net;
    var last = net.iterations - 1;
    it = Math.min(last, Math.max(0, it));
    pos = Math.min(net.steps.length - 1, Math.max(0, pos));
    if (!this.runs(it, net.steps[pos])) pos -= 1;
    var line = net.steps[pos];
    if (it !== this.it || pos !== this.pos) this.entry = 0;
    this.it = it;
    this.pos = pos;
    this.iterationInput.value = String(it);
    if (!fromSlider) this.slider.value = String(this.toSlider(it));
    this.slider.setAttribute("aria-valuetext", "iteration " + it);
    this.back.disabled = it === 0 && pos === 0;
    this.forward.disabled = it === last && pos === net.steps.length - 1;

    var now = this.run.frameAt(it);
    var previous = it > 0 ? this.run.frameAt(it - 1) : null;
    this.frame = now;
    Object.keys(this.lines).forEach(function (n) {
      var on = Number(n) === line;
      self.lines[n].classList.toggle("stepper__line--current", on);
      if (on) self.lines[n].setAttribute("aria-current", "step");
      else self.lines[n].removeAttribute("aria-current");
    });
    var code = this.lines[line].textContent.trim();
    this.where.textContent = "Iteration " + it + ", line " + line;
    this.current.textContent = "";
    this.current.appendChild(el("strong", { text: "Line " + line + " has run: " }));
    this.current.appendChild(el("code", { text: code }));

    var name = net.assigns[line];
    this.sums.textContent = "";
    this.printed.hidden = true;
    var prints = net.counter === "j"; // lines 35 and 36 of the 50-line script: the error log
    if (prints && line === 35) {
      this.sums.appendChild(el("p", { text: "(j % 10000) == 0 is " + (it % 10000 === 0 ? "True" : "False") + ": " + it + " % 10000 = " + (it % 10000) }));
    } else if (prints && line === 36) {
      var abs = Array.prototype.map.call(now.l2_error.v, function (x) {
        return fmt(Math.abs(x));
      });
      this.sums.appendChild(el("p", { text: "np.mean(np.abs(l2_error)) = (" + abs.join(" + ") + ") / " + abs.length + " = " + fmt(now.error) }));
      this.printed.hidden = false;
      this.printed.textContent = "Error:" + String(now.error);
      this.printed.setAttribute("data-value", String(now.error));
    } else if (name) {
      var target = name === "syn0" || name === "syn1" ? now.after[name] : now[name];
      var count = target.rows * target.cols;
      var entries = [];
      if (count <= 4 || name === "l0") {
        for (var k = 0; k < (name === "l0" ? 1 : count); k++) entries.push(k);
      } else {
        var chooser = el("select", { id: this.id + "-entry" });
        for (var e = 0; e < count; e++) {
          var option = el("option", { value: String(e), text: name + "[" + Math.floor(e / target.cols) + ", " + (e % target.cols) + "]" });
          chooser.appendChild(option);
        }
        chooser.value = String(this.entry);
        chooser.addEventListener("change", function () {
          self.entry = Number(chooser.value);
          self.go(self.it, self.pos);
          var again = document.getElementById(self.id + "-entry");
          if (again) again.focus();
        });
        this.sums.appendChild(el("p", { class: "stepper__entry" }, [el("label", { for: this.id + "-entry", text: "Entry " }), chooser, " (each entry is worked out the same way)"]));
        entries.push(this.entry);
      }
      var list = el("ul");
      entries.forEach(function (k) {
        list.appendChild(el("li", {}, [el("code", { text: arithmetic(self.run, line, now, Math.floor(k / target.cols), k % target.cols) })]));
      });
      this.sums.appendChild(list);
    }

    // the values pane
    var state = alive(this.run, it, line, now, previous);
    this.values.textContent = "";
    net.order.forEach(function (key) {
      var item = state[key];
      if (!item) return;
      if (item.scalar !== undefined) {
        self.values.appendChild(el("p", { class: "stepper__scalar", "data-name": key, "data-value": String(item.scalar) }, [el("code", { text: key + " = " + item.scalar })]));
        return;
      }
      var changedHere = key === name;
      self.values.appendChild(self.table(key, item, changedHere));
    });
    var summary = "Iteration " + it + ", line " + line + ": " + code + ".";
    if (name && name !== "l0") {
      var m = name === "syn0" || name === "syn1" ? now.after[name] : now[name];
      summary += " " + name + " is now " + Array.prototype.map.call(m.v, function (x) {
        return Number(x).toPrecision(4);
      }).join(", ") + ".";
    } else if (prints && line === 36) {
      summary += " It prints Error:" + Number(now.error).toPrecision(6) + ".";
    }
    this.said.textContent = summary;

    // the same line lit in the whole listing beside the text (wide screens)
    document.querySelectorAll(".code-beside .stepper-current").forEach(function (node) {
      node.classList.remove("stepper-current");
    });
    var beside = document.querySelector('.code-beside code > span[id$="-' + line + '"]');
    if (beside && this.used) {
      beside.classList.add("stepper-current");
      // scroll the whole listing's own box (never the page) so that the line is in view
      var box = beside.closest(".code-beside");
      if (box && box.clientHeight > 0 && box.scrollHeight > box.clientHeight) {
        var top = beside.getBoundingClientRect().top - box.getBoundingClientRect().top;
        if (top < beside.offsetHeight || top > box.clientHeight - 2 * beside.offsetHeight) box.scrollTop += top - box.clientHeight / 2;
      }
    }
    if (this.used) this.remember();
    if (this.exportBox.open) this.exportCode.textContent = this.python();
  };

  // the script this view shows: the page's whole listing with this data and seed, stopped after the
  // current line of the current iteration, then every variable alive printed at full precision
  Stepper.prototype.python = function () {
    var net = this.net;
    var line = net.steps[this.pos];
    var lines = Array.prototype.map.call(document.querySelectorAll(".code-beside code > span[id^='__span-']"), function (span) {
      return span.textContent.replace(/\n$/, "");
    });
    var self = this;
    lines = share.withData(lines, this.X, this.y, this.seed);
    // stop after the line (after line 36 for line 35: the print changes nothing)
    var after = line === 35 && net.counter === "j" ? 36 : line;
    lines.splice(after, 0, "    if " + net.counter + " == " + this.it + ":  # the stepper's view: stop here", "        break");
    var names = net.order.filter(function (name) {
      return name in alive(self.run, self.it, line, self.frame, self.it > 0 ? {} : null) || name === net.counter;
    });
    lines.push("");
    lines.push("# what the stepper shows after line " + line + " of iteration " + this.it);
    lines.push("for name in " + JSON.stringify(names).replace(/,/g, ", ") + ":");
    lines.push('    print("stepper", name, repr(np.asarray(globals()[name]).tolist()))');
    return lines.join("\n") + "\n";
  };

  Stepper.prototype.table = function (key, item, changedHere) {
    var m = item.m;
    var table = el("table", { class: "stepper__matrix", "data-name": key });
    var note = item.from === "previous" ? ", from iteration " + (this.it - 1) : item.from === "start" ? ", as the iteration began" : "";
    var caption = el("caption", {}, [el("code", { text: key }), " " + shapeText(m) + note + (changedHere ? ", set by this line" : "")]);
    table.appendChild(caption);
    var head = el("tr", {}, [el("td", { class: "stepper__corner" })]);
    for (var c = 0; c < m.cols; c++) head.appendChild(el("th", { scope: "col", text: String(c) }));
    table.appendChild(el("thead", {}, [head]));
    var body = el("tbody");
    for (var r = 0; r < m.rows; r++) {
      var tr = el("tr", {}, [el("th", { scope: "row", text: String(r) })]);
      for (c = 0; c < m.cols; c++) {
        var x = at(m, r, c);
        var whole = key === "X" || key === "y" || key === "l0";
        var cell = el("td", { "data-value": String(x) });
        var changed = changedHere && (!item.old || at(item.old, r, c) !== x);
        var text = whole ? String(x) : fmt(x);
        if (changed) {
          cell.className = "stepper__changed";
          cell.appendChild(el("mark", { text: text }));
        } else cell.textContent = text;
        tr.appendChild(cell);
      }
      body.appendChild(tr);
    }
    table.appendChild(body);
    if (item.from === "previous") table.classList.add("stepper__matrix--old");
    if (changedHere) table.classList.add("stepper__matrix--set");
    return table;
  };

  // the state in the page's address: iteration, line, seed and data when not the default
  Stepper.prototype.remember = function () {
    var custom = !(sameRows(this.X, this.defaultData.X) && sameRows(this.y, this.defaultData.y));
    share.remember({
      iteration: this.it,
      line: this.net.steps[this.pos],
      seed: this.seed !== 1 ? this.seed : null,
      X: custom ? rowsText(this.X) : null,
      y: custom ? rowsText(this.y) : null,
    });
  };

  // read the state from a link: ?iteration=0&line=36&seed=2&X=001.011.101.111&y=0101
  Stepper.prototype.restore = function (search) {
    var params = new URLSearchParams(search);
    var X = parseRows(params.get("X"));
    var y = parseRows(params.get("y"));
    if (X && y && y.length === X.length && y[0].length === 1) {
      this.X = X;
      this.y = y;
    }
    var seed = Number(params.get("seed"));
    if (params.has("seed") && Number.isInteger(seed) && seed >= 0 && seed <= 4294967295) this.seed = seed;
    var line = Number(params.get("line"));
    var pos = this.net.steps.indexOf(line);
    var it = Number(params.get("iteration"));
    this.it = Number.isInteger(it) ? it : 0;
    this.pos = pos >= 0 ? pos : 0;
    this.used = true;
    this.retrain();
  };

  // --- start: links from the explanations, and the stepper built when it is needed -------------------

  var LINE_ID = /^lines?-(\d+)(?:-(\d+))?$/;

  // under each explanation of a line the loop runs, a link that opens the stepper there
  function addLinks(mount, net) {
    var article = mount.closest("article") || document.body;
    var headings = [];
    article.querySelectorAll("h2[id], h3[id]").forEach(function (h) {
      var match = LINE_ID.exec(h.id);
      if (match) headings.push({ h: h, first: Number(match[1]), last: Number(match[2] || match[1]) });
    });
    var done = [];
    net.steps.forEach(function (line) {
      var best = null;
      headings.forEach(function (x) {
        if (line >= x.first && line <= x.last && (!best || x.last - x.first < best.last - best.first)) best = x;
      });
      if (!best || done.indexOf(best) >= 0) return;
      done.push(best);
      var after = best.h.nextElementSibling;
      while (after && after.nextElementSibling && !after.classList.contains("highlight") && !/^H[1-6]$/.test(after.nextElementSibling.tagName)) {
        after = after.nextElementSibling;
      }
      var last = net.iterations - 1;
      var jump = el("p", { class: "stepper-jump" }, [
        el("a", { href: "?iteration=0&line=" + line + "#" + ANCHOR, text: "Step through line " + line + " at iteration 0" }),
        " or ",
        el("a", { href: "?iteration=" + last + "&line=" + line + "#" + ANCHOR, text: "at the last iteration, " + last }),
      ]);
      after.parentNode.insertBefore(jump, after.nextSibling);
    });
  }

  var ANCHOR = "stepper"; // the id of the stepper's heading, where the links lead

  function openMount(mount) {
    if (!mount.stepper) mount.stepper = new Stepper(mount);
    return mount.stepper;
  }

  function showHeading(mount) {
    var heading = document.getElementById(ANCHOR);
    (heading || mount).scrollIntoView();
  }

  function start() {
    document.querySelectorAll(".stepper[data-net]").forEach(function (mount) {
      var net = NETS[mount.getAttribute("data-net")];
      if (!net) return;
      addLinks(mount, net);
      (mount.closest("article") || document.body).addEventListener("click", function (event) {
        var link = event.target.closest ? event.target.closest(".stepper-jump a") : null;
        if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        var url = new URL(link.href);
        window.history.pushState(null, "", url.pathname + url.search + url.hash);
        openMount(mount).restore(url.search);
        showHeading(mount);
        mount.querySelector("button.md-button--primary").focus({ preventScroll: true });
      });
      // the browser's Back and Forward buttons return to the views the links opened
      window.addEventListener("popstate", function () {
        var params = new URLSearchParams(window.location.search);
        if (mount.stepper && (params.has("line") || params.has("iteration"))) mount.stepper.restore(window.location.search);
      });
      var params = new URLSearchParams(window.location.search);
      if (params.has("line") || params.has("iteration")) {
        openMount(mount).restore(window.location.search);
        if (window.location.hash === "#" + ANCHOR) showHeading(mount);
        return;
      }
      // built when the reader asks for it: the page loads, and keeps its place, without its work
      var button = el("button", { type: "button", class: "md-button md-button--primary", text: "Start the stepper" });
      button.addEventListener("click", function () {
        var stepper = openMount(mount);
        stepper.used = true;
        stepper.remember();
        mount.querySelector("button.md-button--primary").focus();
      });
      mount.textContent = "";
      mount.appendChild(el("p", { class: "stepper__start" }, [button]));
    });
  }

  // for tests and curious readers: the page's stepper, built on the first call
  window.stepper = {
    open: function () {
      var mount = document.querySelector(".stepper[data-net]");
      return mount ? openMount(mount) : null;
    },
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
