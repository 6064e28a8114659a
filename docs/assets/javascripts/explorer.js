// The training explorer: trains the two-layer network of src/tinynet/two_layer.py in the
// browser, in float64 and in the script's order of operations, and lets the reader step
// through the iterations. It mounts on <div id="training-explorer"> and starts from the
// data that src/sitebuild/explorer.py exports when the site is built (explorer-data.json).
(function () {
  "use strict";

  var here = document.currentScript ? document.currentScript.src : "";
  var DATA_URL = here.replace(/javascripts\/explorer\.js(\?.*)?$/, "explorer-data.json");
  var SVG = "http://www.w3.org/2000/svg";
  var MAX_ITERATIONS = 100000;

  // --- the network, as two_layer.py computes it -----------------------------------------

  function nonlin(x) {
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
      var l1 = nonlin(z);
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

  // a whole number as the pages write it, thousands separated by commas (10,000)
  function grouped(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  // a count with its noun, singular for one ("1 iteration", "10,000 iterations")
  function counted(n, noun) {
    return grouped(n) + " " + noun + (n === 1 ? "" : "s");
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

  // --- small DOM helpers ------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(child);
    });
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (key) {
      node.setAttribute(key, attrs[key]);
    });
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

  // --- the explorer -----------------------------------------------------------------------

  function Explorer(mount, data) {
    this.mount = mount;
    this.data = data;
    this.id = "te" + ++uid;
    this.reset();
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
  };

  Explorer.prototype.initial = function () {
    return this.data.syn0[this.seed].map(function (row) {
      return row[0];
    });
  };

  Explorer.prototype.build = function () {
    var self = this;
    var id = this.id;
    this.mount.textContent = "";
    this.mount.setAttribute("role", "region");
    this.mount.setAttribute("aria-label", "Training explorer");

    // the training data: each 0/1 a toggle button
    var setup = el("fieldset", { class: "training-explorer__setup" }, [el("legend", { text: "Training data" })]);
    var grid = el("table", { class: "training-explorer__data" });
    var head = el("tr", {}, [el("th", { scope: "col", text: "Example" })]);
    for (var c = 0; c < this.X[0].length; c++) head.appendChild(el("th", { scope: "col", text: "input " + (c + 1) }));
    head.appendChild(el("th", { scope: "col", text: "target" }));
    grid.appendChild(el("thead", {}, [head]));
    var body = el("tbody");
    this.toggles = [];
    this.X.forEach(function (row, r) {
      var tr = el("tr", {}, [el("th", { scope: "row", text: String(r + 1) })]);
      row.concat([self.y[r]]).forEach(function (_, c) {
        var isTarget = c === row.length;
        var label = "Example " + (r + 1) + (isTarget ? ", target" : ", input " + (c + 1));
        var button = el("button", { type: "button", class: "training-explorer__bit", "aria-label": label });
        button.addEventListener("click", function () {
          if (isTarget) self.y[r] = 1 - self.y[r];
          else self.X[r][c] = 1 - self.X[r][c];
          self.retrain();
        });
        self.toggles.push({ button: button, r: r, c: c, isTarget: isTarget, label: label });
        tr.appendChild(el("td", {}, [button]));
      });
      body.appendChild(tr);
    });
    grid.appendChild(body);
    setup.appendChild(grid);

    this.iterationsInput = el("input", {
      id: id + "-iterations",
      type: "number",
      min: "1",
      max: String(MAX_ITERATIONS),
      step: "1",
      value: String(this.iterations),
    });
    this.iterationsInput.addEventListener("change", function () {
      var n = Math.round(Number(self.iterationsInput.value));
      self.iterations = Math.min(MAX_ITERATIONS, Math.max(1, n || 1));
      self.retrain();
    });
    this.seedSelect = el("select", { id: id + "-seed" });
    Object.keys(this.data.syn0).forEach(function (seed) {
      self.seedSelect.appendChild(el("option", { value: seed, text: seed }));
    });
    this.seedSelect.addEventListener("change", function () {
      self.seed = self.seedSelect.value;
      self.retrain();
    });
    var resetButton = el("button", { type: "button", class: "md-button", text: "Back to the post's data" });
    resetButton.addEventListener("click", function () {
      self.reset();
      self.retrain();
    });
    setup.appendChild(
      el("div", { class: "training-explorer__options" }, [
        el("label", { for: id + "-iterations", text: "Iterations" }),
        this.iterationsInput,
        el("label", { for: id + "-seed", text: "Seed" }),
        this.seedSelect,
        resetButton,
      ])
    );
    this.mount.appendChild(setup);

    // the time line: play button and slider
    this.playButton = el("button", { type: "button", class: "md-button training-explorer__play", text: "Play" });
    this.playButton.addEventListener("click", function () {
      if (self.timer) self.pause();
      else self.play();
    });
    this.slider = el("input", { id: id + "-iteration", type: "range", min: "0", step: "1", value: "0" });
    this.slider.addEventListener("input", function () {
      self.pause();
      self.show(Number(self.slider.value));
    });
    this.position = el("output", { for: id + "-iteration", class: "training-explorer__position" });
    this.mount.appendChild(
      el("div", { class: "training-explorer__timeline" }, [
        this.playButton,
        el("label", { for: id + "-iteration", text: "Iteration" }),
        this.slider,
        this.position,
      ])
    );

    // the pictures
    this.sigmoid = this.buildSigmoid();
    this.curve = this.buildCurve();
    this.mount.appendChild(el("div", { class: "training-explorer__pictures" }, [this.sigmoid.figure, this.curve.figure]));

    // the numbers
    var table = el("table", { class: "training-explorer__numbers" });
    table.appendChild(el("caption", { text: "The variables of the selected iteration, one row per example" }));
    var names = ["example", "l0", "y", "np.dot(l0,syn0)", "l1", "l1_error", "l1_delta"];
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
    var numbers = el("tbody");
    this.rows = this.X.map(function (_, r) {
      var cells = { z: el("td"), l1: el("td"), l1_error: el("td"), l1_delta: el("td"), l0: el("td"), y: el("td") };
      numbers.appendChild(
        el("tr", {}, [
          el("th", { scope: "row", text: String(r + 1) }),
          cells.l0,
          cells.y,
          cells.z,
          cells.l1,
          cells.l1_error,
          cells.l1_delta,
        ])
      );
      return cells;
    });
    table.appendChild(numbers);

    var weights = el("table", { class: "training-explorer__weights" });
    weights.appendChild(el("caption", { text: "The weights syn0 in the selected iteration" }));
    weights.appendChild(
      el("thead", {}, [
        el("tr", {}, [
          el("th", { scope: "col", text: "weight" }),
          el("th", { scope: "col", text: "syn0 before" }),
          el("th", { scope: "col" }, [el("code", { text: "np.dot(l0.T,l1_delta)" })]),
          el("th", { scope: "col", text: "syn0 after" }),
        ]),
      ])
    );
    var weightRows = el("tbody");
    this.weightCells = this.X[0].map(function (_, j) {
      var cells = { before: el("td"), update: el("td"), after: el("td") };
      weightRows.appendChild(
        el("tr", {}, [el("th", { scope: "row", text: String(j + 1) }), cells.before, cells.update, cells.after])
      );
      return cells;
    });
    weights.appendChild(weightRows);
    // the tables may scroll sideways on a phone: the keyboard can reach and scroll them
    this.mount.appendChild(
      el("div", { class: "training-explorer__tables", tabindex: "0", role: "region", "aria-label": "The numbers" }, [
        table,
        weights,
      ])
    );

    this.status = el("p", { class: "training-explorer__status", role: "status" });
    this.mount.appendChild(this.status);
  };

  // a figure holding an SVG picture, its title and its horizontal axis
  function newPicture() {
    var figure = el("figure", { class: "training-explorer__figure" });
    var picture = svg("svg", { viewBox: "0 0 320 200", role: "img", class: "training-explorer__svg" });
    var title = svg("title");
    picture.appendChild(title);
    picture.appendChild(svg("line", { class: "te-axis", x1: 30, y1: 170, x2: 310, y2: 170 }));
    return { figure: figure, picture: picture, title: title };
  }

  // the sigmoid with the four examples on it
  Explorer.prototype.buildSigmoid = function () {
    var parts = newPicture();
    var figure = parts.figure, picture = parts.picture, title = parts.title;
    picture.appendChild(svg("line", { class: "te-axis", x1: 170, y1: 10, x2: 170, y2: 170 }));
    picture.appendChild(svg("line", { class: "te-grid", x1: 30, y1: 10, x2: 310, y2: 10 }));
    var curve = svg("path", { class: "te-curve" });
    picture.appendChild(curve);
    var labels = ["1", "0.5", "0"];
    labels.forEach(function (text, k) {
      var label = svg("text", { class: "te-label", x: 24, y: 14 + k * 80, "text-anchor": "end" });
      label.textContent = text;
      picture.appendChild(label);
    });
    var left = svg("text", { class: "te-label", x: 30, y: 188, "text-anchor": "start" });
    var right = svg("text", { class: "te-label", x: 310, y: 188, "text-anchor": "end" });
    var middle = svg("text", { class: "te-label", x: 170, y: 188, "text-anchor": "middle" });
    middle.textContent = "0";
    [left, right, middle].forEach(function (node) {
      picture.appendChild(node);
    });
    var points = this.X.map(function (_, r) {
      var group = svg("g", { class: "te-point" });
      var dot = svg("circle", { r: 6 });
      var text = svg("text", { class: "te-point-label", "text-anchor": "middle" });
      text.textContent = String(r + 1);
      group.appendChild(dot);
      group.appendChild(text);
      picture.appendChild(group);
      return { group: group, dot: dot, text: text };
    });
    var caption = el("figcaption", {
      text: "The sigmoid and the four examples on it: score np.dot(l0,syn0) across, l1 up. Filled: target 1; hollow: target 0.",
    });
    figure.appendChild(picture);
    figure.appendChild(caption);
    return { figure: figure, title: title, curve: curve, points: points, left: left, right: right };
  };

  // the mean absolute error of every iteration, with a marker at the selected one
  Explorer.prototype.buildCurve = function () {
    var parts = newPicture();
    var figure = parts.figure, picture = parts.picture, title = parts.title;
    picture.appendChild(svg("line", { class: "te-axis", x1: 30, y1: 10, x2: 30, y2: 170 }));
    var line = svg("polyline", { class: "te-curve" });
    picture.appendChild(line);
    var marker = svg("line", { class: "te-marker", y1: 10, y2: 170 });
    var dot = svg("circle", { class: "te-marker-dot", r: 4 });
    picture.appendChild(marker);
    picture.appendChild(dot);
    var top = svg("text", { class: "te-label", x: 24, y: 14, "text-anchor": "end" });
    var zero = svg("text", { class: "te-label", x: 24, y: 174, "text-anchor": "end" });
    zero.textContent = "0";
    var first = svg("text", { class: "te-label", x: 30, y: 188, "text-anchor": "start" });
    first.textContent = "0";
    var last = svg("text", { class: "te-label", x: 310, y: 188, "text-anchor": "end" });
    [top, zero, first, last].forEach(function (node) {
      picture.appendChild(node);
    });
    var caption = el("figcaption", {
      text: "The mean of |l1_error| at every iteration; the marker is the selected iteration.",
    });
    figure.appendChild(picture);
    figure.appendChild(caption);
    return { figure: figure, title: title, line: line, marker: marker, dot: dot, top: top, last: last };
  };

  Explorer.prototype.retrain = function () {
    var self = this;
    var started = performance.now();
    this.run = train(this.X, this.y, this.iterations, this.initial());
    var took = performance.now() - started;
    var run = this.run;

    this.toggles.forEach(function (t) {
      var value = t.isTarget ? self.y[t.r] : self.X[t.r][t.c];
      t.button.textContent = String(value);
      // the name starts with the value shown, so that saying what one sees presses the button
      t.button.setAttribute("aria-label", value + ", " + t.label);
      t.button.setAttribute("aria-pressed", value ? "true" : "false");
    });
    this.iterationsInput.value = String(this.iterations);
    this.seedSelect.value = this.seed;
    this.slider.max = String(run.iterations - 1);
    var it = Math.min(Number(this.slider.value), run.iterations - 1);
    this.slider.value = String(it);

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
      path.push((k ? "L" : "M") + this.sx(x).toFixed(1) + " " + this.sy(nonlin(x)).toFixed(1));
    }
    this.sigmoid.curve.setAttribute("d", path.join(" "));
    this.sigmoid.left.textContent = "\u2212" + reach;
    this.sigmoid.right.textContent = String(reach);

    // the error curve, at most one point per unit of width
    var top = 0;
    for (var i = 0; i < run.iterations; i++) top = Math.max(top, run.errors[i]);
    this.errorTop = Math.ceil(top * 10) / 10 || 1;
    var stride = Math.max(1, Math.floor(run.iterations / 560));
    var points = [];
    for (var j = 0; j < run.iterations; j += stride) points.push(this.ex(j).toFixed(1) + "," + this.ey(run.errors[j]).toFixed(1));
    points.push(this.ex(run.iterations - 1).toFixed(1) + "," + this.ey(run.errors[run.iterations - 1]).toFixed(1));
    this.curve.line.setAttribute("points", points.join(" "));
    this.curve.top.textContent = String(this.errorTop);
    this.curve.last.textContent = String(run.iterations - 1);

    var final = weightsAt(run, run.iterations).map(fmt).join(", ");
    this.status.textContent =
      "Trained " + counted(run.iterations, "iteration") + " in " + Math.max(1, Math.round(took)) + " ms; final syn0: " + final + ".";
    this.show(it);
  };

  Explorer.prototype.sx = function (x) {
    var clamped = Math.max(-this.reach, Math.min(this.reach, x));
    return 30 + ((clamped + this.reach) / (2 * this.reach)) * 280;
  };
  Explorer.prototype.sy = function (v) {
    return 170 - v * 160;
  };
  Explorer.prototype.ex = function (it) {
    return 30 + (this.run.iterations > 1 ? (it / (this.run.iterations - 1)) * 280 : 0);
  };
  Explorer.prototype.ey = function (e) {
    return 170 - (e / this.errorTop) * 160;
  };

  // show iteration `it`: its numbers, its points on the sigmoid, its place on the error curve
  Explorer.prototype.show = function (it) {
    var self = this;
    var run = this.run;
    this.current = it;
    this.slider.value = String(it);
    this.slider.setAttribute("aria-valuetext", "iteration " + it + " of " + run.iterations);
    this.position.textContent = it + " of " + (run.iterations - 1);
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
      "Iteration " + it + ": outputs l1 of the four examples " + s.l1.map(fmt).join(", ") + " (targets " + run.y.join(", ") + ")";
    var ex = this.ex(it);
    var ey = this.ey(run.errors[it]);
    this.curve.marker.setAttribute("x1", ex.toFixed(1));
    this.curve.marker.setAttribute("x2", ex.toFixed(1));
    this.curve.dot.setAttribute("cx", ex.toFixed(1));
    this.curve.dot.setAttribute("cy", ey.toFixed(1));
    this.curve.title.textContent =
      "Mean absolute error over " + counted(run.iterations, "iteration") + "; at iteration " + grouped(it) + " it is " + fmt(run.errors[it]);
  };

  Explorer.prototype.play = function () {
    var self = this;
    var last = this.run.iterations - 1;
    if (this.current >= last) this.show(0);
    var perFrame = Math.max(1, Math.round(this.run.iterations / 400));
    this.playButton.textContent = "Pause";
    this.playButton.setAttribute("aria-pressed", "true");
    function frame() {
      var next = Math.min(last, self.current + perFrame);
      self.show(next);
      if (next >= last) self.pause();
      else self.timer = requestAnimationFrame(frame);
    }
    this.timer = requestAnimationFrame(frame);
  };

  Explorer.prototype.pause = function () {
    if (this.timer) cancelAnimationFrame(this.timer);
    this.timer = null;
    this.playButton.textContent = "Play";
    this.playButton.setAttribute("aria-pressed", "false");
  };

  // --- start, and a hook for tests and curious readers -------------------------------------

  var ready = new Promise(function (resolve, reject) {
    function start() {
      var mount = document.getElementById("training-explorer");
      if (!mount) {
        resolve(null);
        return;
      }
      mount.textContent = "Loading the training explorer\u2026";
      fetch(DATA_URL)
        .then(function (response) {
          if (!response.ok) throw new Error("explorer data: HTTP " + response.status);
          return response.json();
        })
        .then(function (data) {
          var explorer = new Explorer(mount, data);
          window.trainingExplorer.data = data;
          window.trainingExplorer.explorer = explorer;
          resolve(explorer);
        })
        .catch(function (error) {
          mount.textContent = "The training explorer could not load its data (" + error.message + ").";
          reject(error);
        });
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  });

  window.trainingExplorer = {
    ready: ready,
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
      var w = weightsAt(run, iterations);
      var l1 = iterations ? step(X, targets, weightsAt(run, iterations - 1)).l1 : [];
      return {
        syn0: w.map(function (v) {
          return [v];
        }),
        l1: l1.map(function (v) {
          return [v];
        }),
      };
    },
  };
})();
