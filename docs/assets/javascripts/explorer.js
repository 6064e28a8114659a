// The training explorers: train the two-layer network of src/tinynet/two_layer.py (on
// <div id="training-explorer">) and the three-layer one of three_layer.py (on
// <div id="three-layer-explorer">) in the browser, in float64 and in the scripts' order of
// operations, and let the reader move through the iterations. They start from the data that
// src/sitebuild/explorer.py exports when the site is built (explorer-data.json); their state
// lives in the page's address and "Copy as Python" rewrites the canonical script
// (assets/javascripts/share.js, shared with the stepper). Loaded only on pages with an explorer.
(function () {
  "use strict";

  var share = window.tinynetShare;
  var el = share.el;
  var here = document.currentScript ? document.currentScript.src : "";
  var DATA_URL = here.replace(/javascripts\/explorer\.js(\?.*)?$/, "explorer-data.json");
  var SVG = "http://www.w3.org/2000/svg";
  var MAX_ITERATIONS = 100000;
  var SLIDER = 1000; // the log-scaled slider's positions
  var SWEEP_MS = 8000; // Play crosses the whole slider, early iterations and late, in this time
  var EVERY = 100; // the three-layer run keeps its weights every 100 iterations

  // --- the two-layer network, as two_layer.py computes it ------------------------------------

  function sigmoid(x) {
    return 1 / (1 + Math.exp(-x));
  }

  // one iteration's forward pass from weights w: l1, l1_error, l1_delta, the update l0.T . l1_delta
  function step(X, y, w) {
    var rows = X.length;
    var cols = w.length;
    var out = { z: [], l1: [], l1_error: [], l1_delta: [], update: [] };
    for (var r = 0; r < rows; r++) {
      var z = 0;
      for (var c = 0; c < cols; c++) z += X[r][c] * w[c]; // np.dot(l0,syn0), summed in index order
      var l1 = sigmoid(z);
      var error = y[r] - l1; // y - l1
      out.z.push(z);
      out.l1.push(l1);
      out.l1_error.push(error);
      out.l1_delta.push(error * (l1 * (1 - l1))); // l1_error * nonlin(l1,True)
    }
    for (var j = 0; j < cols; j++) {
      var sum = 0;
      for (var i = 0; i < rows; i++) sum += X[i][j] * out.l1_delta[i]; // np.dot(l0.T,l1_delta)
      out.update.push(sum);
    }
    return out;
  }

  // train from the initial weights w0; keep syn0 at the start of every iteration (and the end)
  function train(X, y, iterations, w0) {
    var cols = w0.length;
    var history = new Float64Array((iterations + 1) * cols);
    var errors = new Float64Array(iterations);
    var w = w0.slice();
    for (var it = 0; it < iterations; it++) {
      history.set(w, it * cols);
      var s = step(X, y, w);
      var total = 0;
      for (var r = 0; r < s.l1_error.length; r++) total += Math.abs(s.l1_error[r]);
      errors[it] = total / s.l1_error.length;
      for (var j = 0; j < cols; j++) w[j] += s.update[j]; // syn0 += ...
    }
    history.set(w, iterations * cols);
    return { X: X, y: y, iterations: iterations, cols: cols, history: history, errors: errors };
  }

  function weightsAt(run, it) {
    return Array.prototype.slice.call(run.history, it * run.cols, (it + 1) * run.cols);
  }

  // --- the three-layer network, as three_layer.py computes it ---------------------------------
  // weights: {syn0: Float64Array (columns x hidden, row-major), syn1: Float64Array (hidden)}

  function copyWeights(w) {
    return { syn0: new Float64Array(w.syn0), syn1: new Float64Array(w.syn1) };
  }

  // one iteration (lines 28-50) from weights w: every variable it makes and the weights after it
  function frame3(X, y, w, hidden, alpha) {
    var R = X.length, C = X[0].length, H = hidden;
    var f = { l1: [], l2: [], l2_error: [], l2_delta: [], l1_error: [], l1_delta: [] };
    var r, c, h, sum;
    for (r = 0; r < R; r++) {
      var l1 = [];
      for (h = 0; h < H; h++) {
        sum = 0;
        for (c = 0; c < C; c++) sum += X[r][c] * w.syn0[c * H + h]; // np.dot(l0,syn0)
        l1.push(sigmoid(sum));
      }
      sum = 0;
      for (h = 0; h < H; h++) sum += l1[h] * w.syn1[h]; // np.dot(l1,syn1)
      var l2 = sigmoid(sum);
      var l2_error = y[r] - l2; // y - l2
      var l2_delta = l2_error * (l2 * (1 - l2)); // l2_error*nonlin(l2,deriv=True)
      var l1_error = [], l1_delta = [];
      for (h = 0; h < H; h++) {
        l1_error.push(l2_delta * w.syn1[h]); // l2_delta.dot(syn1.T)
        l1_delta.push(l1_error[h] * (l1[h] * (1 - l1[h]))); // l1_error * nonlin(l1,deriv=True)
      }
      f.l1.push(l1);
      f.l2.push(l2);
      f.l2_error.push(l2_error);
      f.l2_delta.push(l2_delta);
      f.l1_error.push(l1_error);
      f.l1_delta.push(l1_delta);
    }
    var total = 0;
    for (r = 0; r < R; r++) total += Math.abs(f.l2_error[r]);
    f.error = total / R; // np.mean(np.abs(l2_error))
    var after = copyWeights(w);
    for (h = 0; h < H; h++) {
      sum = 0;
      for (r = 0; r < R; r++) sum += f.l1[r][h] * f.l2_delta[r]; // l1.T.dot(l2_delta)
      after.syn1[h] = w.syn1[h] + alpha * sum; // syn1 += ...
    }
    for (c = 0; c < C; c++) {
      for (h = 0; h < H; h++) {
        sum = 0;
        for (r = 0; r < R; r++) sum += X[r][c] * f.l1_delta[r][h]; // l0.T.dot(l1_delta)
        after.syn0[c * H + h] = w.syn0[c * H + h] + alpha * sum; // syn0 += ...
      }
    }
    f.before = w;
    f.after = after;
    return f;
  }

  // train from the initial weights w0; keep the weights every EVERY iterations and every error
  function train3(X, y, iterations, w0, hidden, alpha) {
    var x = Float64Array.from([].concat.apply([], X)); // the rows one after another, as share.advance3 takes them
    var s = {};
    var w = copyWeights(w0);
    var checkpoints = [];
    var errors = new Float64Array(iterations);
    for (var it = 0; it < iterations; it++) {
      if (it % EVERY === 0) checkpoints.push(copyWeights(w));
      errors[it] = share.advance3(x, y, w.syn0, w.syn1, alpha, s);
    }
    return { X: X, x: x, y: y, iterations: iterations, hidden: hidden, alpha: alpha, checkpoints: checkpoints, errors: errors, final: w, scratch: s };
  }

  // the weights at the start of iteration it (it = iterations: the trained ones)
  function weights3(run, it) {
    if (it >= run.iterations) return copyWeights(run.final);
    var k = Math.floor(it / EVERY);
    var w = copyWeights(run.checkpoints[k]);
    for (var i = k * EVERY; i < it; i++) share.advance3(run.x, run.y, w.syn0, w.syn1, run.alpha, run.scratch);
    return w;
  }

  // the starting weights exported for a seed and a hidden size, as flat arrays
  function start3(data, seed, hidden) {
    var pair = data.weights[seed][String(hidden)];
    return {
      syn0: Float64Array.from([].concat.apply([], pair[0])),
      syn1: Float64Array.from(
        pair[1].map(function (row) {
          return row[0];
        })
      ),
    };
  }

  // --- numbers and small DOM helpers ---------------------------------------------------------

  // a whole number as the pages write it, thousands separated by commas (10,000)
  function grouped(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  // a count with its noun, singular for one ("1 iteration", "10,000 iterations")
  function counted(n, noun) {
    return grouped(n) + " " + noun + (n === 1 ? "" : "s");
  }

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (key) {
      node.setAttribute(key, attrs[key]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function fmt(x) {
    return x.toPrecision(6).replace(/^-/, "\u2212");
  }

  // a table cell showing a number, its full-precision value kept in data-value
  function setNumber(cell, x) {
    cell.textContent = fmt(x);
    cell.setAttribute("data-value", String(x));
  }

  var uid = 0;

  // --- the two networks: what differs between the explorers -------------------------------------

  var X_POST = [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]];
  var NETS = {
    two: {
      mount: "training-explorer",
      label: "Training explorer",
      counter: "iter",
      data: function (data) {
        return data;
      },
      presets: [
        {
          id: "post",
          name: "the post's data (target: the first column)",
          y: [0, 0, 1, 1],
          look: "The first input decides the answer: watch its weight syn0[0] grow while the guesses split towards 0 and 1.",
        },
        {
          id: "xor",
          name: "exclusive or (targets 0, 1, 1, 0)",
          y: [0, 1, 1, 0],
          look: "Watch it fail: no single layer of weights fits the exclusive or, so every weight collapses towards 0 and every guess settles at 0.5.",
        },
        {
          id: "second",
          name: "the second column as target",
          y: [0, 1, 0, 1],
          look: "Now the second input decides: syn0[1] grows instead of syn0[0], and the same examples change sides.",
        },
      ],
    },
    three: {
      mount: "three-layer-explorer",
      label: "Three-layer training explorer",
      counter: "j",
      data: function (data) {
        return data.three_layer;
      },
      presets: [
        {
          id: "xor",
          name: "exclusive or (the 50-line script's data)",
          y: [0, 1, 1, 0],
          look: "The script's own data: the error barely moves at first, then falls steeply once the hidden units split the rows, and the coloured band of the plane comes to hold both examples with target 1.",
        },
        {
          id: "post",
          name: "the post's data (target: the first column)",
          y: [0, 0, 1, 1],
          look: "Easy for any network: the first input alone decides, so the error falls from the start and the plane splits along the first input.",
        },
        {
          id: "second",
          name: "the second column as target",
          y: [0, 1, 0, 1],
          look: "The same with the second input: the plane splits the other way.",
        },
      ],
    },
  };
  var OWN_DATA = "Your own data: change a 0 or a 1 above and the network trains again at once.";

  // --- the explorer ---------------------------------------------------------------------------

  function Explorer(mount, data, kind) {
    this.mount = mount;
    this.kind = kind;
    this.net = NETS[kind];
    this.data = this.net.data(data);
    this.id = (kind === "two" ? "te" : "te3-") + ++uid;
    this.reset();
    if (this.restore(window.location.search)) this.used = true;
    this.build();
    this.retrain();
  }

  Explorer.prototype.reset = function () {
    this.X = this.data.X.map(function (row) {
      return row.slice();
    });
    this.y = this.data.y.map(function (row) {
      return row[0];
    });
    this.iterations = this.data.iterations;
    this.seed = String(this.data.seed);
    this.current = 0;
    if (this.kind === "three") {
      this.hidden = this.data.hidden;
      this.alpha = this.data.alpha;
    }
  };

  Explorer.prototype.seeds = function () {
    return Object.keys(this.kind === "two" ? this.data.syn0 : this.data.weights);
  };

  Explorer.prototype.initial = function () {
    return this.data.syn0[this.seed].map(function (row) {
      return row[0];
    });
  };

  Explorer.prototype.preset = function () {
    var self = this;
    if (!share.sameRows(this.X, X_POST)) return null;
    return (
      this.net.presets.filter(function (p) {
        return share.sameRows(p.y, self.y);
      })[0] || null
    );
  };

  // the state in the page's address: what differs from the page's start, and the iteration shown
  Explorer.prototype.remember = function () {
    var preset = this.preset();
    var first = this.net.presets[0];
    var values = {
      preset: preset && preset !== first ? preset.id : null,
      X: preset ? null : share.rowsText(this.X),
      y: preset ? null : share.rowsText(this.y.map(function (t) { return [t]; })),
      seed: this.seed !== String(this.data.seed) ? this.seed : null,
      iterations: this.iterations !== this.data.iterations ? this.iterations : null,
      iteration: this.current,
    };
    if (this.kind === "three") {
      values.hidden = this.hidden !== this.data.hidden ? this.hidden : null;
      values.alpha = this.alpha !== this.data.alpha ? this.alpha : null;
    }
    share.remember(values);
  };

  // read the state from a link (?preset=xor&seed=2&iterations=500&iteration=12); true when it held one
  Explorer.prototype.restore = function (search) {
    var params = new URLSearchParams(search);
    var keys = ["preset", "X", "y", "seed", "iterations", "iteration", "hidden", "alpha"];
    if (!keys.some(function (key) { return params.has(key); })) return false;
    var preset = this.net.presets.filter(function (p) {
      return p.id === params.get("preset");
    })[0];
    var X = share.parseRows(params.get("X"));
    var y = share.parseRows(params.get("y"));
    if (preset) {
      this.X = X_POST.map(function (row) { return row.slice(); });
      this.y = preset.y.slice();
    } else if (X && y && X.length === this.X.length && X[0].length === this.X[0].length && y.length === X.length && y[0].length === 1) {
      this.X = X;
      this.y = y.map(function (row) { return row[0]; });
    }
    if (this.seeds().indexOf(params.get("seed")) >= 0) this.seed = params.get("seed");
    var n = share.wholeParam(params, "iterations", 1, MAX_ITERATIONS);
    if (n !== null) this.iterations = n;
    if (this.kind === "three") {
      var h = share.wholeParam(params, "hidden", 1, 8);
      if (h !== null) this.hidden = h;
      var a = Number(params.get("alpha"));
      if (params.has("alpha") && isFinite(a) && a > 0 && a <= 100) this.alpha = a;
    }
    var it = share.wholeParam(params, "iteration", 0, this.iterations - 1);
    this.current = it === null ? 0 : it;
    return true;
  };

  Explorer.prototype.build = function () {
    var self = this;
    var id = this.id;
    var net = this.net;
    this.mount.textContent = "";
    this.mount.setAttribute("role", "region");
    this.mount.setAttribute("aria-label", net.label);

    // the training data: a preset, and each 0/1 a toggle button
    var setup = el("fieldset", { class: "training-explorer__setup" }, [el("legend", { text: "Training data" })]);
    this.presetSelect = el("select", { id: id + "-preset" });
    net.presets.forEach(function (p) {
      self.presetSelect.appendChild(el("option", { value: p.id, text: p.name }));
    });
    this.ownOption = el("option", { value: "own", text: "your own data" });
    this.presetSelect.addEventListener("change", function () {
      var preset = net.presets.filter(function (p) {
        return p.id === self.presetSelect.value;
      })[0];
      if (!preset) return;
      self.X = X_POST.map(function (row) { return row.slice(); });
      self.y = preset.y.slice();
      self.changed();
    });
    this.look = el("p", { class: "training-explorer__look", id: id + "-look" });
    setup.appendChild(
      el("div", { class: "training-explorer__options" }, [el("label", { for: id + "-preset", text: "Data" }), this.presetSelect])
    );
    setup.appendChild(this.look);
    this.presetSelect.setAttribute("aria-describedby", id + "-look");

    var grid = el("table", { class: "training-explorer__data" });
    var head = el("tr", {}, [el("th", { scope: "col", text: "Example" })]);
    for (var c = 0; c < this.X[0].length; c++) head.appendChild(el("th", { scope: "col", text: "input " + c }));
    head.appendChild(el("th", { scope: "col", text: "target" }));
    grid.appendChild(el("thead", {}, [head]));
    var body = el("tbody");
    this.toggles = [];
    this.X.forEach(function (row, r) {
      var tr = el("tr", {}, [el("th", { scope: "row", text: String(r) })]);
      row.concat([self.y[r]]).forEach(function (_, c) {
        var isTarget = c === row.length;
        var label = "Example " + r + (isTarget ? ", target" : ", input " + c);
        var button = el("button", { type: "button", class: "training-explorer__bit", "aria-label": label });
        button.addEventListener("click", function () {
          if (isTarget) self.y[r] = 1 - self.y[r];
          else self.X[r][c] = 1 - self.X[r][c];
          self.changed();
        });
        self.toggles.push({ button: button, r: r, c: c, isTarget: isTarget, label: label });
        tr.appendChild(el("td", {}, [button]));
      });
      body.appendChild(tr);
    });
    grid.appendChild(body);
    setup.appendChild(grid);

    // iterations, seed (and, for three layers, hidden size and learning rate)
    this.iterationsInput = el("input", { id: id + "-iterations", type: "number", min: "1", max: String(MAX_ITERATIONS), step: "1" });
    this.iterationsInput.addEventListener("change", function () {
      var n = Math.round(Number(self.iterationsInput.value));
      self.iterations = Math.min(MAX_ITERATIONS, Math.max(1, n || 1));
      self.changed();
    });
    this.seedSelect = el("select", { id: id + "-seed" });
    this.seeds().forEach(function (seed) {
      self.seedSelect.appendChild(el("option", { value: seed, text: seed }));
    });
    this.seedSelect.addEventListener("change", function () {
      self.seed = self.seedSelect.value;
      self.changed();
    });
    // a label and its control wrap as one
    function field(label, control) {
      return el("span", { class: "training-explorer__field" }, [el("label", { for: control.id, text: label }), control]);
    }
    var options = [field("Iterations", this.iterationsInput), field("Seed", this.seedSelect)];
    if (this.kind === "three") {
      this.hiddenSelect = el("select", { id: id + "-hidden" });
      Object.keys(this.data.weights[this.seed]).forEach(function (size) {
        self.hiddenSelect.appendChild(el("option", { value: size, text: size }));
      });
      this.hiddenSelect.addEventListener("change", function () {
        self.hidden = Number(self.hiddenSelect.value);
        self.changed();
      });
      this.alphaInput = el("input", { id: id + "-alpha", class: "training-explorer__alpha", type: "number", min: "0.01", max: "100", step: "0.1", "aria-describedby": id + "-alpha-note" });
      this.alphaInput.addEventListener("change", function () {
        var a = Number(self.alphaInput.value);
        self.alpha = isFinite(a) && a > 0 && a <= 100 ? a : 1;
        self.changed();
      });
      options.push(field("Hidden units", this.hiddenSelect), field("Learning rate (alpha)", this.alphaInput));
    }
    setup.appendChild(el("div", { class: "training-explorer__options" }, options));
    if (this.kind === "three") {
      setup.appendChild(
        el("p", {
          class: "training-explorer__note",
          id: id + "-alpha-note",
          text: "The 50-line script has no learning rate: alpha 1 is the script, bit for bit. Another alpha multiplies each update (lines 49 and 50) by it.",
        })
      );
    }
    this.mount.appendChild(setup);

    // the time line: play, the iteration typed, and a slider on a log scale
    this.playButton = el("button", { type: "button", class: "md-button training-explorer__play", text: "Play" });
    this.playButton.addEventListener("click", function () {
      if (self.timer) self.pause();
      else self.play();
    });
    this.iterationInput = el("input", { id: id + "-iteration", type: "number", min: "0", step: "1", value: "0" });
    this.iterationInput.addEventListener("change", function () {
      var n = Math.round(Number(self.iterationInput.value));
      self.pause();
      self.show(Math.min(self.run.iterations - 1, Math.max(0, n || 0)));
      self.remember();
    });
    this.slider = el("input", { id: id + "-slider", type: "range", min: "0", max: String(SLIDER), step: "1", value: "0" });
    this.slider.addEventListener("input", function () {
      self.pause();
      self.show(self.fromSlider(Number(self.slider.value)), true);
      self.remember();
    });
    // one iteration per arrow key: every iteration is reachable from the keyboard
    this.slider.addEventListener("keydown", function (event) {
      var by = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 }[event.key];
      if (!by) return;
      event.preventDefault();
      self.pause();
      self.show(Math.min(self.run.iterations - 1, Math.max(0, self.current + by)));
      self.remember();
    });
    this.of = el("span", { class: "training-explorer__position" });
    this.mount.appendChild(
      el("div", { class: "training-explorer__timeline" }, [
        this.playButton,
        el("label", { for: id + "-iteration", text: "Iteration" }),
        this.iterationInput,
        this.of,
        // the slider on a line of its own, its label beside it (the label was left alone at the end of the line above)
        el("span", { class: "training-explorer__scale" }, [
          el("label", { for: id + "-slider", text: "Iteration, on a log scale" }),
          this.slider,
        ]),
      ])
    );

    if (this.kind === "two") this.buildTwo();
    else this.buildThree();

    // this view as a script: the canonical one with the reader's data, seed and sizes
    this.exportCode = el("code");
    var copy = share.copyButton(function () {
      return self.python();
    }, "training-explorer__copied");
    this.exportBox = el("details", { class: "stepper__export training-explorer__export" }, [
      el("summary", { text: "This view as a Python script" }),
      el("p", {}, [copy.button, " ", copy.said]),
      el("pre", { class: "training-explorer__script", tabindex: "0", "aria-label": "The script" }, [this.exportCode]),
    ]);
    this.exportBox.addEventListener("toggle", function () {
      if (self.exportBox.open) self.exportCode.textContent = self.python();
    });
    this.mount.appendChild(this.exportBox);

    this.status = el("p", { class: "training-explorer__status", role: "status" });
    this.mount.appendChild(this.status);
  };

  // --- the two-layer explorer's pictures and tables ----------------------------------------------

  Explorer.prototype.buildTwo = function () {
    this.sigmoid = this.buildSigmoid();
    this.curve = this.buildCurve(false, "The mean of |l1_error| at every iteration, iterations on a log scale; the marker is the selected iteration.");
    this.mount.appendChild(el("div", { class: "training-explorer__pictures" }, [this.sigmoid.figure, this.curve.figure]));

    // the variables, one row per example, in two tables narrow enough for a phone
    var cells = this.X.map(function () {
      return { z: el("td"), l1: el("td"), l1_error: el("td"), l1_delta: el("td"), l0: el("td"), y: el("td") };
    });
    var numbers = function (caption, names, keys) {
      var table = el("table", { class: "training-explorer__numbers" });
      table.appendChild(el("caption", { text: caption }));
      table.appendChild(
        el("thead", {}, [
          el(
            "tr",
            {},
            names.map(function (name) {
              return el("th", { scope: "col" }, [el("code", { text: name })]);
            })
          ),
        ])
      );
      var body = el("tbody");
      cells.forEach(function (row, r) {
        body.appendChild(
          el(
            "tr",
            {},
            [el("th", { scope: "row", text: String(r) })].concat(
              keys.map(function (key) {
                return row[key];
              })
            )
          )
        );
      });
      table.appendChild(body);
      return table;
    };
    this.rows = cells;
    var forward = numbers("The selected iteration's forward pass, one row per example", ["example", "l0", "y", "np.dot(l0,syn0)", "l1"], ["l0", "y", "z", "l1"]);
    var misses = numbers("Its misses and deltas", ["example", "l1_error", "l1_delta"], ["l1_error", "l1_delta"]);

    var weights = el("table", { class: "training-explorer__weights" });
    weights.appendChild(el("caption", { text: "The weights syn0 in the selected iteration" }));
    weights.appendChild(
      el("thead", {}, [
        el("tr", {}, [
          el("th", { scope: "col", text: "weight" }),
          el("th", { scope: "col", text: "syn0 before" }),
          // a break allowed after the comma, so that the table fits a phone
          el("th", { scope: "col", class: "training-explorer__wrap" }, [el("code", {}, ["np.dot(l0.T,", el("wbr"), "l1_delta)"])]),
          el("th", { scope: "col", text: "syn0 after" }),
        ]),
      ])
    );
    var weightRows = el("tbody");
    this.weightCells = this.X[0].map(function (_, j) {
      var cells = { before: el("td"), update: el("td"), after: el("td") };
      weightRows.appendChild(el("tr", {}, [el("th", { scope: "row", text: String(j) }), cells.before, cells.update, cells.after]));
      return cells;
    });
    weights.appendChild(weightRows);
    // a table too wide for a phone scrolls inside its own box, which the keyboard can reach
    this.mount.appendChild(
      el("div", { class: "training-explorer__tables", tabindex: "0", role: "region", "aria-label": "The numbers" }, [forward, misses, weights])
    );
  };

  // a figure holding an SVG picture, its title and its horizontal axis
  function newPicture(height) {
    var figure = el("figure", { class: "training-explorer__figure" });
    var h = height || 200;
    var picture = svg("svg", { viewBox: "0 0 320 " + h, role: "img", class: "training-explorer__svg" });
    var title = svg("title");
    picture.appendChild(title);
    picture.appendChild(svg("line", { class: "te-axis", x1: 30, y1: h - 30, x2: 310, y2: h - 30 }));
    return { figure: figure, picture: picture, title: title };
  }

  // the sigmoid with the examples on it
  Explorer.prototype.buildSigmoid = function () {
    var parts = newPicture();
    var figure = parts.figure, picture = parts.picture, title = parts.title;
    picture.appendChild(svg("line", { class: "te-axis", x1: 170, y1: 10, x2: 170, y2: 170 }));
    picture.appendChild(svg("line", { class: "te-grid", x1: 30, y1: 10, x2: 310, y2: 10 }));
    var curve = svg("path", { class: "te-curve" });
    picture.appendChild(curve);
    ["1", "0.5", "0"].forEach(function (text, k) {
      picture.appendChild(svg("text", { class: "te-label", x: 24, y: 14 + k * 80, "text-anchor": "end" }, text));
    });
    var left = svg("text", { class: "te-label", x: 30, y: 188, "text-anchor": "start" });
    var right = svg("text", { class: "te-label", x: 310, y: 188, "text-anchor": "end" });
    var middle = svg("text", { class: "te-label", x: 170, y: 188, "text-anchor": "middle" }, "0");
    [left, right, middle].forEach(function (node) {
      picture.appendChild(node);
    });
    var points = this.X.map(function (_, r) {
      var group = svg("g", { class: "te-point" });
      var dot = svg("circle", { r: 6 });
      var text = svg("text", { class: "te-point-label", "text-anchor": "middle" }, String(r));
      group.appendChild(dot);
      group.appendChild(text);
      picture.appendChild(group);
      return { group: group, dot: dot, text: text };
    });
    figure.appendChild(picture);
    figure.appendChild(
      el("figcaption", {
        text: "The sigmoid and the examples on it, numbered from 0: score np.dot(l0,syn0) across, l1 up. Filled: target 1; hollow: target 0.",
      })
    );
    return { figure: figure, title: title, curve: curve, points: points, left: left, right: right };
  };

  // the mean absolute error of every iteration, iterations on a log scale (and errors, when logY),
  // with a marker at the selected iteration
  Explorer.prototype.buildCurve = function (logY, caption) {
    var parts = newPicture();
    var figure = parts.figure, picture = parts.picture, title = parts.title;
    // room on the left for the error's labels (0.001)
    if (logY) picture.setAttribute("viewBox", "-16 0 336 200");
    picture.appendChild(svg("line", { class: "te-axis", x1: 30, y1: 10, x2: 30, y2: 170 }));
    var ticks = svg("g");
    picture.appendChild(ticks);
    var line = svg("polyline", { class: "te-curve" });
    picture.appendChild(line);
    var marker = svg("line", { class: "te-marker", y1: 10, y2: 170 });
    var dot = svg("circle", { class: "te-marker-dot", r: 4 });
    picture.appendChild(marker);
    picture.appendChild(dot);
    figure.appendChild(picture);
    figure.appendChild(el("figcaption", { text: caption }));
    return { figure: figure, title: title, line: line, marker: marker, dot: dot, ticks: ticks, logY: logY };
  };

  // x of an iteration on the log axis: iteration 0 at the left edge, the last at the right
  Explorer.prototype.ex = function (it) {
    var last = this.run.iterations - 1;
    return 30 + (last > 0 ? (Math.log1p(it) / Math.log1p(last)) * 280 : 0);
  };

  Explorer.prototype.ey = function (e) {
    if (this.curve.logY) {
      var v = Math.max(e, this.errorLow);
      return 170 - ((Math.log(v) - Math.log(this.errorLow)) / (Math.log(this.errorTop) - Math.log(this.errorLow))) * 160;
    }
    return 170 - (e / this.errorTop) * 160;
  };

  Explorer.prototype.drawCurve = function () {
    var run = this.run;
    var curve = this.curve;
    var n = run.iterations;
    var top = 0, low = Infinity;
    for (var i = 0; i < n; i++) {
      top = Math.max(top, run.errors[i]);
      if (run.errors[i] > 0) low = Math.min(low, run.errors[i]);
    }
    if (curve.logY) {
      this.errorTop = Math.pow(10, Math.ceil(Math.log10(top || 1)));
      this.errorLow = Math.min(this.errorTop / 10, Math.pow(10, Math.floor(Math.log10(low === Infinity ? this.errorTop / 10 : low))));
    } else this.errorTop = Math.ceil(top * 10) / 10 || 1;
    // one point per unit of width, spread on the log axis
    var points = [];
    var seen = -1;
    for (var k = 0; k <= 560; k++) {
      var it = Math.min(n - 1, Math.round(Math.expm1((k / 560) * Math.log1p(n - 1))));
      if (it === seen) continue;
      seen = it;
      points.push(this.ex(it).toFixed(1) + "," + this.ey(run.errors[it]).toFixed(1));
    }
    curve.line.setAttribute("points", points.join(" "));
    // the axes' labels: iterations 0, the powers of ten and the last; the error's range
    var ticks = curve.ticks;
    ticks.textContent = "";
    var label = function (x, y, anchor, text) {
      ticks.appendChild(svg("text", { class: "te-label", x: x, y: y, "text-anchor": anchor }, text));
    };
    label(30, 188, "start", "0");
    label(310, 188, "end", grouped(n - 1));
    for (var p = 10; p < (n - 1) / 3; p *= 10) {
      var x = this.ex(p);
      if (x < 60 || x > 262) continue;
      ticks.appendChild(svg("line", { class: "te-grid", x1: x, y1: 170, x2: x, y2: 174 }));
      label(x, 188, "middle", grouped(p));
    }
    if (curve.logY) {
      for (var d = this.errorTop; d >= this.errorLow * 0.999; d /= 10) label(26, this.ey(d) + 4, "end", String(Number(d.toPrecision(1))));
    } else {
      label(24, 14, "end", String(this.errorTop));
      label(24, 174, "end", "0");
    }
  };

  Explorer.prototype.markCurve = function (it) {
    var ex = this.ex(it);
    var ey = this.ey(this.run.errors[it]);
    this.curve.marker.setAttribute("x1", ex.toFixed(1));
    this.curve.marker.setAttribute("x2", ex.toFixed(1));
    this.curve.dot.setAttribute("cx", ex.toFixed(1));
    this.curve.dot.setAttribute("cy", ey.toFixed(1));
    this.curve.title.textContent =
      "Mean absolute error over " + counted(this.run.iterations, "iteration") + "; at iteration " + grouped(it) + " it is " + fmt(this.run.errors[it]);
  };

  // --- the three-layer explorer's pictures and tables -------------------------------------------

  var PLANE = 24; // cells on each side of the input plane
  var PLANE_LOW = -0.25, PLANE_HIGH = 1.25;

  Explorer.prototype.buildThree = function () {
    this.curve = this.buildCurve(true, "The mean of |l2_error| at every iteration (what the script prints), both axes on log scales; the marker is the selected iteration.");

    // the hidden units' outputs: for each example, one bar per unit and the output l2
    var units = newPicture(200);
    this.units = { figure: units.figure, picture: units.picture, title: units.title, bars: svg("g") };
    ["1", "0.5", "0"].forEach(function (text, k) {
      units.picture.appendChild(svg("text", { class: "te-label", x: 24, y: 14 + k * 80, "text-anchor": "end" }, text));
    });
    units.picture.appendChild(svg("line", { class: "te-grid", x1: 30, y1: 10, x2: 310, y2: 10 }));
    units.picture.appendChild(svg("line", { class: "te-axis", x1: 30, y1: 10, x2: 30, y2: 170 }));
    units.picture.appendChild(this.units.bars);
    units.figure.appendChild(units.picture);
    units.figure.appendChild(
      el("figcaption", {
        text: "The hidden units' outputs l1 for each example, numbered from 0 (one thin bar per unit, in order), and the network's output l2 (the wide bar), at the selected iteration. The dashes mark the targets.",
      })
    );

    // the network's output over the plane of the first two inputs, the third held at 1
    var plane = svg("svg", { viewBox: "0 0 320 320", role: "img", class: "training-explorer__svg training-explorer__plane" });
    var planeTitle = svg("title");
    plane.appendChild(planeTitle);
    var size = 260 / PLANE;
    this.cells = [];
    for (var a = 0; a < PLANE; a++) {
      for (var b = 0; b < PLANE; b++) {
        var cell = svg("rect", { class: "te-cell", x: (40 + b * size).toFixed(2), y: (10 + (PLANE - 1 - a) * size).toFixed(2), width: (size + 0.3).toFixed(2), height: (size + 0.3).toFixed(2) });
        plane.appendChild(cell);
        this.cells.push({ rect: cell, x0: PLANE_LOW + ((b + 0.5) / PLANE) * (PLANE_HIGH - PLANE_LOW), x1: PLANE_LOW + ((a + 0.5) / PLANE) * (PLANE_HIGH - PLANE_LOW) });
      }
    }
    plane.appendChild(svg("rect", { class: "te-frame", x: 40, y: 10, width: 260, height: 260 }));
    var px = function (v) {
      return 40 + ((v - PLANE_LOW) / (PLANE_HIGH - PLANE_LOW)) * 260;
    };
    var py = function (v) {
      return 270 - ((v - PLANE_LOW) / (PLANE_HIGH - PLANE_LOW)) * 260;
    };
    [0, 1].forEach(function (v) {
      plane.appendChild(svg("text", { class: "te-label", x: px(v), y: 288, "text-anchor": "middle" }, String(v)));
      plane.appendChild(svg("text", { class: "te-label", x: 32, y: py(v) + 4, "text-anchor": "end" }, String(v)));
    });
    plane.appendChild(svg("text", { class: "te-label", x: 170, y: 310, "text-anchor": "middle" }, "input 0"));
    plane.appendChild(svg("text", { class: "te-label", x: 12, y: 140, "text-anchor": "middle", transform: "rotate(-90 12 140)" }, "input 1"));
    this.marks = svg("g");
    plane.appendChild(this.marks);
    this.plane = { figure: el("figure", { class: "training-explorer__figure" }, [plane]), title: planeTitle, px: px, py: py };
    this.plane.figure.appendChild(
      el("figcaption", {
        text: "The output l2 for every input in the plane of inputs 0 and 1, input 2 held at 1: the stronger the colour, the nearer the output is to 1. Circles mark the examples with target 0, squares those with target 1 (the examples whose input 2 is 1).",
      })
    );
    this.mount.appendChild(
      el("div", { class: "training-explorer__pictures training-explorer__pictures--three" }, [this.curve.figure, units.figure, this.plane.figure])
    );

    // the numbers: every variable of the selected iteration as a small table
    this.matrices = el("div", { class: "training-explorer__tables training-explorer__matrices", tabindex: "0", role: "region", "aria-label": "The numbers" });
    this.mount.appendChild(this.matrices);
    this.matrixCells = null;
  };

  var MATRICES = [
    ["l1", "l1"],
    ["l2", "l2"],
    ["l2_error", "l2_error"],
    ["l2_delta", "l2_delta"],
    ["l1_error", "l1_error"],
    ["l1_delta", "l1_delta"],
    ["syn0", "syn0", " before the update"],
    ["syn1", "syn1", " before the update"],
    ["syn1_after", "syn1", " after line 49"],
    ["syn0_after", "syn0", " after line 50"],
  ];

  // five significant digits; below a thousandth, in powers of ten (3.4075e−5)
  function fmt5(x) {
    var text = x !== 0 && Math.abs(x) < 1e-3 ? x.toExponential(4) : x.toPrecision(5);
    return text.replace(/e\+?(-?)(\d+)$/, function (_, minus, digits) {
      return "e" + (minus ? "\u2212" : "") + digits;
    }).replace(/^-/, "\u2212");
  }

  // the tables of the three-layer explorer, made again when the hidden size changes
  Explorer.prototype.buildMatrices = function () {
    var self = this;
    var R = this.X.length, C = this.X[0].length, H = this.hidden;
    var shapes = { l1: [R, H], l2: [R, 1], l2_error: [R, 1], l2_delta: [R, 1], l1_error: [R, H], l1_delta: [R, H], syn0: [C, H], syn1: [H, 1], syn0_after: [C, H], syn1_after: [H, 1] };
    this.matrices.textContent = "";
    this.matrixCells = {};
    MATRICES.forEach(function (pair) {
      var name = pair[0];
      var shape = shapes[name];
      var table = el("table", { class: "training-explorer__matrix", "data-name": name });
      table.appendChild(el("caption", {}, [el("code", { text: pair[1] }), (pair[2] || "") + " " + "(" + shape[0] + ", " + shape[1] + ")"]));
      var head = el("tr", {}, [el("td", { class: "training-explorer__corner" })]);
      for (var c = 0; c < shape[1]; c++) head.appendChild(el("th", { scope: "col", text: String(c) }));
      table.appendChild(el("thead", {}, [head]));
      var body = el("tbody");
      var cells = [];
      for (var r = 0; r < shape[0]; r++) {
        var tr = el("tr", {}, [el("th", { scope: "row", text: String(r) })]);
        var row = [];
        for (c = 0; c < shape[1]; c++) {
          var td = el("td");
          row.push(td);
          tr.appendChild(td);
        }
        cells.push(row);
        body.appendChild(tr);
      }
      table.appendChild(body);
      self.matrices.appendChild(table);
      self.matrixCells[name] = cells;
    });
    this.matrixHidden = H;
  };

  Explorer.prototype.drawUnits = function (f) {
    var bars = this.units.bars;
    bars.textContent = "";
    var R = this.X.length, H = this.hidden;
    var group = 280 / R;
    var thin = Math.min(12, (group - 24) / (H + 2));
    for (var r = 0; r < R; r++) {
      var x = 30 + r * group + 6;
      for (var h = 0; h < H; h++) {
        var v = f.l1[r][h];
        bars.appendChild(svg("rect", { class: "te-bar", x: (x + h * thin).toFixed(1), y: (170 - v * 160).toFixed(1), width: (thin - 1.5).toFixed(1), height: (v * 160).toFixed(1) }));
      }
      var ox = x + H * thin + 3;
      var wide = Math.max(8, 2 * thin);
      bars.appendChild(svg("rect", { class: "te-bar te-bar--output", x: ox.toFixed(1), y: (170 - f.l2[r] * 160).toFixed(1), width: wide.toFixed(1), height: (f.l2[r] * 160).toFixed(1) }));
      var ty = 170 - this.y[r] * 160;
      bars.appendChild(svg("line", { class: "te-target", x1: (ox - 2).toFixed(1), x2: (ox + wide + 2).toFixed(1), y1: ty.toFixed(1), y2: ty.toFixed(1) }));
      bars.appendChild(svg("text", { class: "te-label", x: (x + (H * thin + 3 + wide) / 2).toFixed(1), y: 188, "text-anchor": "middle" }, String(r)));
    }
  };

  Explorer.prototype.drawPlane = function (w) {
    var H = this.hidden;
    this.cells.forEach(function (cell) {
      var sum2 = 0;
      for (var h = 0; h < H; h++) {
        var s = cell.x0 * w.syn0[h] + cell.x1 * w.syn0[H + h] + w.syn0[2 * H + h];
        sum2 += sigmoid(s) * w.syn1[h];
      }
      cell.rect.setAttribute("fill-opacity", sigmoid(sum2).toFixed(3));
    });
  };

  Explorer.prototype.markPlane = function () {
    var self = this;
    var marks = this.marks;
    marks.textContent = "";
    this.X.forEach(function (row, r) {
      if (row[2] !== 1) return;
      var x = self.plane.px(row[0]), y = self.plane.py(row[1]);
      var shape = self.y[r]
        ? svg("rect", { class: "te-mark", x: (x - 7).toFixed(1), y: (y - 7).toFixed(1), width: 14, height: 14 })
        : svg("circle", { class: "te-mark", cx: x.toFixed(1), cy: y.toFixed(1), r: 7.5 });
      marks.appendChild(shape);
    });
  };

  // --- training, showing an iteration, playing ------------------------------------------------

  // a control changed the data, seed or sizes: train again, and keep the state in the address
  Explorer.prototype.changed = function () {
    this.used = true;
    this.retrain();
  };

  Explorer.prototype.retrain = function () {
    var self = this;
    this.pause();
    var started = performance.now();
    if (this.kind === "two") this.run = train(this.X, this.y, this.iterations, this.initial());
    else this.run = train3(this.X, this.y, this.iterations, start3(this.data, this.seed, this.hidden), this.hidden, this.alpha);
    var took = performance.now() - started;
    var run = this.run;

    this.toggles.forEach(function (t) {
      var value = t.isTarget ? self.y[t.r] : self.X[t.r][t.c];
      t.button.textContent = String(value);
      // the name starts with the value shown, so that saying what one sees presses the button
      t.button.setAttribute("aria-label", value + ", " + t.label);
      t.button.setAttribute("aria-pressed", value ? "true" : "false");
    });
    var preset = this.preset();
    if (preset) {
      if (this.ownOption.parentNode) this.ownOption.remove();
      this.presetSelect.value = preset.id;
      this.look.textContent = "What to look for: " + preset.look;
    } else {
      this.presetSelect.appendChild(this.ownOption);
      this.presetSelect.value = "own";
      this.look.textContent = OWN_DATA;
    }
    this.iterationsInput.value = String(this.iterations);
    this.seedSelect.value = this.seed;
    this.iterationInput.max = String(run.iterations - 1);
    this.of.textContent = "of 0 to " + grouped(run.iterations - 1);
    var it = Math.min(this.current, run.iterations - 1);

    if (this.kind === "two") {
      // the sigmoid's range: wide enough for every score of the first and the last iteration
      var reach = 6;
      [0, run.iterations].forEach(function (k) {
        var w = weightsAt(run, k);
        run.X.forEach(function (row) {
          var z = 0;
          for (var c = 0; c < w.length; c++) z += row[c] * w[c];
          reach = Math.max(reach, Math.ceil(Math.abs(z)));
        });
      });
      this.reach = reach;
      var path = [];
      for (var k = 0; k <= 120; k++) {
        var x = -reach + (2 * reach * k) / 120;
        path.push((k ? "L" : "M") + this.sx(x).toFixed(1) + " " + this.sy(sigmoid(x)).toFixed(1));
      }
      this.sigmoid.curve.setAttribute("d", path.join(" "));
      this.sigmoid.left.textContent = "\u2212" + reach;
      this.sigmoid.right.textContent = String(reach);
      var final = weightsAt(run, run.iterations).map(fmt).join(", ");
      this.status.textContent =
        "Trained " + counted(run.iterations, "iteration") + " in " + counted(Math.max(1, Math.round(took)), "millisecond") + "; final syn0: " + final + ".";
    } else {
      this.hiddenSelect.value = String(this.hidden);
      this.alphaInput.value = String(this.alpha);
      if (this.matrixHidden !== this.hidden) this.buildMatrices();
      this.markPlane();
      this.status.textContent =
        "Trained " + counted(run.iterations, "iteration") + " in " + counted(Math.max(1, Math.round(took)), "millisecond") +
        "; error of the last iteration, mean |l2_error|: " + fmt(run.errors[run.iterations - 1]) + ".";
    }
    this.drawCurve();
    this.show(it);
    if (this.used) this.remember();
  };

  Explorer.prototype.sx = function (x) {
    var clamped = Math.max(-this.reach, Math.min(this.reach, x));
    return 30 + ((clamped + this.reach) / (2 * this.reach)) * 280;
  };
  Explorer.prototype.sy = function (v) {
    return 170 - v * 160;
  };

  // the log-scaled slider: position s of SLIDER is iteration (n)^(s/SLIDER) - 1, rounded
  Explorer.prototype.fromSlider = function (s) {
    var n = this.run.iterations;
    return Math.min(n - 1, Math.max(0, Math.round(Math.pow(n, s / SLIDER)) - 1));
  };

  Explorer.prototype.toSlider = function (it) {
    var n = this.run.iterations;
    return n > 1 ? Math.round((SLIDER * Math.log1p(it)) / Math.log(n)) : 0;
  };

  // show iteration `it`: its numbers, its pictures, its place on the error curve
  Explorer.prototype.show = function (it, fromSlider) {
    var run = this.run;
    this.current = it;
    if (!fromSlider) this.slider.value = String(this.toSlider(it));
    this.slider.setAttribute("aria-valuetext", "iteration " + grouped(it) + " of " + grouped(run.iterations - 1));
    this.iterationInput.value = String(it);
    if (this.kind === "two") this.showTwo(it);
    else this.showThree(it);
    this.markCurve(it);
    if (this.exportBox.open) this.exportCode.textContent = this.python();
  };

  Explorer.prototype.showTwo = function (it) {
    var self = this;
    var run = this.run;
    var before = weightsAt(run, it);
    var after = weightsAt(run, it + 1);
    var s = step(run.X, run.y, before);
    this.rows.forEach(function (cells, r) {
      cells.l0.textContent = "[" + run.X[r].join(", ") + "]";
      cells.y.textContent = String(run.y[r]);
      setNumber(cells.z, s.z[r]);
      setNumber(cells.l1, s.l1[r]);
      setNumber(cells.l1_error, s.l1_error[r]);
      setNumber(cells.l1_delta, s.l1_delta[r]);
      var point = self.sigmoid.points[r];
      var x = self.sx(s.z[r]);
      var yy = self.sy(s.l1[r]);
      point.dot.setAttribute("cx", x.toFixed(1));
      point.dot.setAttribute("cy", yy.toFixed(1));
      point.group.setAttribute("class", "te-point " + (run.y[r] ? "te-point--one" : "te-point--zero"));
      // each example's number on its own side of the point, so that close points stay readable
      point.text.setAttribute("x", (x + (r % 2 ? 10 : -10)).toFixed(1));
      point.text.setAttribute("y", (yy + (r < 2 ? -9 : 18)).toFixed(1));
    });
    this.weightCells.forEach(function (cells, j) {
      setNumber(cells.before, before[j]);
      setNumber(cells.update, s.update[j]);
      setNumber(cells.after, after[j]);
    });
    this.sigmoid.title.textContent =
      "Iteration " + grouped(it) + ": outputs l1 of the examples " + s.l1.map(fmt).join(", ") + " (targets " + run.y.join(", ") + ")";
  };

  Explorer.prototype.showThree = function (it) {
    var self = this;
    var run = this.run;
    var f = frame3(run.X, run.y, weights3(run, it), run.hidden, run.alpha);
    this.frame = f;
    var H = run.hidden, C = run.X[0].length;
    var values = {
      l1: f.l1,
      l2: f.l2.map(function (v) { return [v]; }),
      l2_error: f.l2_error.map(function (v) { return [v]; }),
      l2_delta: f.l2_delta.map(function (v) { return [v]; }),
      l1_error: f.l1_error,
      l1_delta: f.l1_delta,
      syn0: [],
      syn1: [],
      syn0_after: [],
      syn1_after: [],
    };
    for (var c = 0; c < C; c++) {
      values.syn0.push(Array.prototype.slice.call(f.before.syn0, c * H, (c + 1) * H));
      values.syn0_after.push(Array.prototype.slice.call(f.after.syn0, c * H, (c + 1) * H));
    }
    for (var h = 0; h < H; h++) {
      values.syn1.push([f.before.syn1[h]]);
      values.syn1_after.push([f.after.syn1[h]]);
    }
    Object.keys(this.matrixCells).forEach(function (name) {
      self.matrixCells[name].forEach(function (row, r) {
        row.forEach(function (cell, k) {
          cell.textContent = fmt5(values[name][r][k]);
          cell.setAttribute("data-value", String(values[name][r][k]));
        });
      });
    });
    this.drawUnits(f);
    this.drawPlane(f.before);
    this.units.title.textContent =
      "Iteration " + grouped(it) + ": the hidden units' outputs and the output l2 of each example; l2 is " + f.l2.map(fmt).join(", ") + " (targets " + run.y.join(", ") + ")";
    this.plane.title.textContent =
      "Iteration " + grouped(it) + ": the output over the plane of inputs 0 and 1, from " + fmt(this.planeRange()[0]) + " to " + fmt(this.planeRange()[1]);
  };

  Explorer.prototype.planeRange = function () {
    var low = 1, high = 0;
    this.cells.forEach(function (cell) {
      var v = Number(cell.rect.getAttribute("fill-opacity"));
      low = Math.min(low, v);
      high = Math.max(high, v);
    });
    return [low, high];
  };

  // Play moves along the log-scaled slider at an even pace: early iterations get their share of time
  Explorer.prototype.play = function () {
    var self = this;
    this.used = true;
    var last = this.run.iterations - 1;
    if (this.current >= last) this.show(0);
    var from = this.toSlider(this.current);
    var started = performance.now();
    this.playButton.textContent = "Pause";
    this.playButton.setAttribute("aria-pressed", "true");
    function frame(now) {
      var s = Math.min(SLIDER, from + ((now - started) / SWEEP_MS) * SLIDER);
      var next = Math.max(self.current, self.fromSlider(s));
      if (next !== self.current) self.show(next);
      if (next >= last || s >= SLIDER) {
        self.pause();
        self.remember();
      } else self.timer = requestAnimationFrame(frame);
    }
    this.timer = requestAnimationFrame(frame);
  };

  Explorer.prototype.pause = function () {
    if (!this.timer) return;
    cancelAnimationFrame(this.timer);
    this.timer = null;
    this.playButton.textContent = "Play";
    this.playButton.setAttribute("aria-pressed", "false");
    this.remember();
  };

  // --- the view as a script ----------------------------------------------------------------------

  // the canonical script with this data, seed and sizes; at the selected iteration it prints what
  // the page shows, and after the loop what the status line says
  Explorer.prototype.python = function () {
    var it = this.current;
    var lines = this.data.script.replace(/\n$/, "").split("\n");
    var y = this.y.map(function (t) {
      return [t];
    });
    lines = share.withData(lines, this.X, y, this.seed);
    var counter = this.net.counter;
    var n = this.iterations;
    lines = lines.map(function (text) {
      return text.replace(new RegExp("^for " + counter + " in range\\(\\d+\\):"), "for " + counter + " in range(" + n + "):");
    });
    var find = function (pattern) {
      var k = lines.findIndex(function (text) {
        return pattern.test(text);
      });
      if (k < 0) throw new Error("the script has no line " + pattern);
      return k;
    };
    var show = "    if " + counter + " == " + it + ":";
    if (this.kind === "two") {
      lines.splice(find(/^\s+l1_delta = /) + 1, 0,
        show + "  # the explorer's iteration: what its tables show",
        '        print("At iteration ' + it + ', before syn0 is updated:")',
        '        print("np.dot(l0,syn0) =", np.dot(l0,syn0).ravel().tolist())',
        '        print("l1 =", l1.ravel().tolist())',
        '        print("l1_error =", l1_error.ravel().tolist())',
        '        print("l1_delta =", l1_delta.ravel().tolist())',
        '        print("syn0 before =", syn0.ravel().tolist())',
        '        print("np.dot(l0.T,l1_delta) =", np.dot(l0.T,l1_delta).ravel().tolist())');
      lines.splice(find(/^\s+syn0 \+= /) + 1, 0, show, '        print("syn0 after =", syn0.ravel().tolist())');
      lines.push("", "# the explorer's status line", 'print("final syn0 =", syn0.ravel().tolist())');
    } else {
      var hidden = this.hidden;
      var alpha = this.alpha;
      lines = lines.map(function (text) {
        text = text.replace(/np\.random\.random\(\(3,4\)\)/, "np.random.random((3," + hidden + "))");
        text = text.replace(/np\.random\.random\(\(4,1\)\)/, "np.random.random((" + hidden + ",1))");
        if (alpha !== 1) text = text.replace(/^(\s+syn[01] \+= )/, "$1" + String(alpha) + " * ");
        return text;
      });
      var names = ["l1", "l2", "l2_error", "l2_delta", "l1_error", "l1_delta", "syn0", "syn1"];
      lines.splice.apply(lines, [find(/^\s+l1_delta = /) + 1, 0,
        show + "  # the explorer's iteration: what its tables show",
        '        print("At iteration ' + it + ', before the weights are updated:")'].concat(names.map(function (name) {
        return '        print("' + name + ' =", ' + name + ".tolist())";
      })));
      lines.splice(find(/^\s+syn0 \+= /) + 1, 0, show, '        print("syn1 after =", syn1.tolist())', '        print("syn0 after =", syn0.tolist())');
      lines.push("", "# the explorer's status line", 'print("last error =", np.mean(np.abs(l2_error)))');
    }
    return lines.join("\n") + "\n";
  };

  // --- start, and a hook for tests and curious readers -------------------------------------

  var loaded = null;
  function load() {
    if (!loaded) {
      loaded = fetch(DATA_URL).then(function (response) {
        if (!response.ok) throw new Error("explorer data: HTTP " + response.status);
        return response.json();
      });
    }
    return loaded;
  }

  function mountOn(kind) {
    var hook = kind === "two" ? window.trainingExplorer : window.threeLayerExplorer;
    var mount = document.getElementById(NETS[kind].mount);
    if (!mount) return Promise.resolve(null);
    mount.textContent = "Loading the training explorer\u2026";
    return load()
      .then(function (data) {
        hook.data = data;
        var before = mount.getBoundingClientRect();
        hook.explorer = new Explorer(mount, data, kind);
        // the explorer has just grown from one line to its full height: a reader whose window starts below its
        // top (come by a link to a later heading, once the browser has stopped keeping that heading in view)
        // keeps what they see
        if (before.top < 0) window.scrollBy(0, mount.getBoundingClientRect().bottom - before.bottom);
        return hook.explorer;
      })
      .catch(function (error) {
        mount.textContent = "The training explorer could not load its data (" + error.message + ").";
        throw error;
      });
  }

  function whenReady(kind) {
    return new Promise(function (resolve, reject) {
      function go() {
        mountOn(kind).then(resolve, reject);
      }
      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", go);
      else go();
    });
  }

  function nested(values) {
    return Array.prototype.map.call(values, function (v) {
      return [v];
    });
  }

  window.trainingExplorer = {
    // train on X (rows of 0/1), y (one target per row, or [[t], ...]) from the exported seed's weights;
    // returns syn0 and l1 as nested arrays, shaped as numpy's
    train: function (X, y, iterations, seed) {
      var data = window.trainingExplorer.data;
      var key = String(seed === undefined ? data.seed : seed);
      var targets = y.map(function (t) {
        return Array.isArray(t) ? t[0] : t;
      });
      var run = train(X, targets, iterations, data.syn0[key].map(function (row) {
        return row[0];
      }));
      var l1 = iterations ? step(X, targets, weightsAt(run, iterations - 1)).l1 : [];
      return { syn0: nested(weightsAt(run, iterations)), l1: nested(l1) };
    },
  };
  window.threeLayerExplorer = {
    // train the three-layer network from the exported weights of a seed and hidden size; returns
    // syn0, syn1 and the last iteration's l2 and error, shaped as numpy's
    train: function (X, y, iterations, seed, hidden, alpha) {
      var data = window.threeLayerExplorer.data.three_layer;
      hidden = hidden || data.hidden;
      var targets = y.map(function (t) {
        return Array.isArray(t) ? t[0] : t;
      });
      var run = train3(X, targets, iterations, start3(data, String(seed === undefined ? data.seed : seed), hidden), hidden, alpha || 1);
      var f = frame3(X, targets, weights3(run, iterations - 1), hidden, run.alpha);
      var syn0 = [];
      for (var c = 0; c < X[0].length; c++) syn0.push(Array.prototype.slice.call(run.final.syn0, c * hidden, (c + 1) * hidden));
      return { syn0: syn0, syn1: nested(run.final.syn1), l2: nested(f.l2), error: f.error };
    },
  };
  window.trainingExplorer.ready = whenReady("two");
  window.threeLayerExplorer.ready = whenReady("three");
  // a page without the data (no explorer) does not report a rejected promise nobody waits for
  window.trainingExplorer.ready.catch(function () {});
  window.threeLayerExplorer.ready.catch(function () {});
})();
