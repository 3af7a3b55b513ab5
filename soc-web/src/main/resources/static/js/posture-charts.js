// Posture charts: every <table data-chart="bar|stacked|line"> is drawn with Chart.js (from the WebJar) in a
// canvas placed before it. The table stays on the page: it is the accessible, textual form of the same figures.
// Columns after the first are series; rows are the x axis labels; cells hold plain numbers.
(function () {
  if (typeof Chart === 'undefined') { return; }
  var palette = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];
  document.querySelectorAll('table[data-chart]').forEach(function (table) {
    var kind = table.getAttribute('data-chart');
    var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    if (rows.length === 0) { return; }
    var labels = rows.map(function (tr) { return tr.cells[0].textContent.trim(); });
    var datasets = [];
    for (var c = 1; c < heads.length; c++) {
      var colour = palette[(c - 1) % palette.length];
      datasets.push({
        label: heads[c],
        data: rows.map(function (tr) { var v = parseFloat((tr.cells[c].getAttribute('data-value') || tr.cells[c].textContent).replace(/[^0-9.\-]/g, '')); return isNaN(v) ? null : v; }),
        backgroundColor: colour, borderColor: colour, fill: false, tension: 0.2, spanGaps: true
      });
    }
    var box = document.createElement('div');
    box.className = 'chart';
    var canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', table.getAttribute('data-title') || heads.join(', '));
    box.appendChild(canvas);
    var anchor = table.closest('details') || table;
    anchor.parentNode.insertBefore(box, anchor);
    new Chart(canvas, {
      type: kind === 'line' ? 'line' : 'bar',
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { stacked: kind === 'stacked' }, y: { stacked: kind === 'stacked', beginAtZero: true } }
      }
    });
  });
})();
