(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var palette = ["#d62728", "#2f6fd0", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"];
  var width = Math.min(1120, document.body.clientWidth - 10);

  function fmt(v) {
    if (v === null || v === undefined || !isFinite(v)) { return "–"; }
    var a = Math.abs(v);
    return a >= 1000 ? v.toFixed(0) : a >= 10 ? v.toFixed(2) : v.toFixed(3);
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  document.getElementById("plan").textContent = data.plan;
  var verdict = document.getElementById("verdict");
  verdict.textContent = data.ranking.verdict;
  verdict.className = "verdict " + (data.ranking.beats ? "yes" : "no");
  data.warnings.forEach(function (w) { document.getElementById("warnings").appendChild(el("div", w, "warn")); });

  // metrics table, in ranking order
  var table = document.getElementById("metrics");
  var head = el("tr");
  ["model", "MAE", "RMSE", "MAPE %", "sMAPE %", "MASE", "seconds"].forEach(function (h) { head.appendChild(el("th", h)); });
  table.appendChild(head);
  data.ranking.order.forEach(function (name, i) {
    var m = data.models.filter(function (x) { return x.name === name; })[0];
    var tr = el("tr");
    if (i === 0) { tr.className = "best"; }
    if (!m.baseline) { tr.className += " candidate"; }
    tr.appendChild(el("td", name));
    ["mae", "rmse", "mape", "smape", "mase", "seconds"].forEach(function (k) { tr.appendChild(el("td", fmt(m.metrics[k]))); });
    table.appendChild(tr);
  });

  // forecast chart controls
  var seriesSel = document.getElementById("series");
  data.series.forEach(function (s, i) { var o = el("option", s.id); o.value = i; seriesSel.appendChild(o); });
  var foldSel = document.getElementById("fold");
  var all = el("option", "all folds"); all.value = -1; foldSel.appendChild(all);
  for (var f = 0; f < data.folds; f++) { var o = el("option", "fold " + (f + 1)); o.value = f; foldSel.appendChild(o); }
  var modelBox = document.getElementById("models");
  var shown = {};
  // at first show the candidates and the three best-ranked baselines; the rest are a click away
  var bestBaselines = data.ranking.order.filter(function (n) {
    return data.models.some(function (m) { return m.name === n && m.baseline; });
  }).slice(0, 3);
  data.models.forEach(function (m) {
    shown[m.name] = !m.baseline || bestBaselines.indexOf(m.name) >= 0;
    var label = el("label");
    var cb = document.createElement("input");
    cb.type = "checkbox"; cb.checked = shown[m.name];
    cb.addEventListener("change", function () { shown[m.name] = cb.checked; drawForecasts(); });
    label.appendChild(cb); label.appendChild(document.createTextNode(" " + m.name));
    modelBox.appendChild(label);
  });
  seriesSel.addEventListener("change", drawForecasts);
  foldSel.addEventListener("change", drawForecasts);

  var forecastPlot = null;
  function drawForecasts() {
    var si = +seriesSel.value, fold = +foldSel.value;
    var s = data.series[si];
    var xs = [], actual = [];
    for (var t = s.from; t < s.values.length + s.from; t++) { xs.push(t); actual.push(s.values[t - s.from]); }
    var cols = [xs, actual];
    var series = [{ label: s.labels.length ? "time" : "index", value: function (u, v) { return label(s, v); } },
                  { label: "actual", stroke: "#1d2330", width: 1.5 }];
    data.models.forEach(function (m, mi) {
      if (!shown[m.name]) { return; }
      var ys = xs.map(function () { return null; });
      m.forecasts.forEach(function (fc) {
        if (fc.series !== si || (fold >= 0 && fc.fold !== fold)) { return; }
        fc.values.forEach(function (v, k) { var idx = fc.origin + k - s.from; if (idx >= 0 && idx < ys.length) { ys[idx] = v; } });
      });
      cols.push(ys);
      series.push({ label: m.name, stroke: palette[mi % palette.length], width: 1.5, spanGaps: false });
    });
    var opts = {
      width: width, height: 380, series: series,
      scales: { x: { time: false } },
      axes: [{ values: function (u, vals) { return vals.map(function (v) { return label(s, v); }); } }, {}]
    };
    if (forecastPlot) { forecastPlot.destroy(); }
    forecastPlot = new uPlot(opts, cols, document.getElementById("forecast-chart"));
  }
  function label(s, v) {
    if (v === null || v === undefined) { return ""; }
    var i = Math.round(v) - s.from;
    return s.labels.length && i >= 0 && i < s.labels.length ? s.labels[i] : String(Math.round(v));
  }
  drawForecasts();

  // loss curves
  var loss = document.getElementById("loss");
  var curves = 0;
  data.models.forEach(function (m) {
    m.loss.forEach(function (curve, k) {
      if (!curve.length) { return; }
      curves++;
      loss.appendChild(el("div", m.name + ", fit " + (k + 1), "note"));
      var box = el("div"); loss.appendChild(box);
      var cols = [curve.map(function (p) { return p.epoch; }), curve.map(function (p) { return p.training; }),
                  curve.map(function (p) { return isFinite(p.validation) ? p.validation : null; })];
      new uPlot({ width: width, height: 260, scales: { x: { time: false } },
        series: [{ label: "epoch" }, { label: "training", stroke: "#2f6fd0", width: 1.5 },
                 { label: "validation", stroke: "#d62728", width: 1.5 }] }, cols, box);
    });
  });
  if (!curves) {
    loss.appendChild(el("p", "No model in this backtest trains iteratively, so there are no loss curves; "
      + "models trained by epochs (the recurrent forecaster) add one curve per fit here.", "note"));
  }

  // model cards
  var cards = document.getElementById("cards");
  data.models.forEach(function (m) {
    var box = el("div", undefined, "card");
    var t = el("table");
    var h = el("tr"); var th = el("th", m.name); th.colSpan = 2; h.appendChild(th); t.appendChild(h);
    Object.keys(m.card).sort().forEach(function (k) {
      var tr = el("tr"); tr.appendChild(el("td", k)); tr.appendChild(el("td", m.card[k])); t.appendChild(tr);
    });
    box.appendChild(t); cards.appendChild(box);
  });
})();
