// The HTML report's own script, inlined after Chart.js: it draws the charts and makes the large tables
// work (filters over every row, sort, rows rendered 500 at a time, all of them for printing).
//
// Kept as a string in a .ts module rather than a .js asset read at run time: tsc carries it into dist/
// with the rest (no copy step, nothing to miss in the published package), and it reads the same from
// src/ under vitest. It is plain ES2017 for browsers; the browser test (test/e2e/html-report.test.ts)
// is what checks it. It never puts data into markup: every cell goes in through textContent.

export const CLIENT_SCRIPT = String.raw`(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  var count = new Intl.NumberFormat('en-US');

  // Money arrives as decimal strings ("-14.40"): ordered exactly, digit by digit, never as floats.
  function compareMagnitude(a, b) {
    var pa = a.split('.'), pb = b.split('.');
    var ia = pa[0].replace(/^0+(?=\d)/, ''), ib = pb[0].replace(/^0+(?=\d)/, '');
    if (ia.length !== ib.length) return ia.length < ib.length ? -1 : 1;
    if (ia !== ib) return ia < ib ? -1 : 1;
    var fa = pa[1] || '', fb = pb[1] || '', width = Math.max(fa.length, fb.length);
    fa = fa.padEnd(width, '0');
    fb = fb.padEnd(width, '0');
    return fa === fb ? 0 : fa < fb ? -1 : 1;
  }
  function compareDecimal(a, b) {
    var na = a.charAt(0) === '-', nb = b.charAt(0) === '-';
    if (na !== nb) return na ? -1 : 1;
    var order = compareMagnitude(na ? a.slice(1) : a, nb ? b.slice(1) : b);
    return na ? -order : order;
  }
  function compareCells(kind, a, b) {
    var blankA = a === '' || a === null || a === undefined, blankB = b === '' || b === null || b === undefined;
    if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
    if (kind === 'money') return compareDecimal(String(a), String(b));
    if (kind === 'number') return a - b;
    return collator.compare(Array.isArray(a) ? a.join(' ') : String(a), Array.isArray(b) ? b.join(' ') : String(b));
  }

  function drawCharts() {
    if (typeof Chart === 'undefined') return;
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = '#1a1a1a';
    data.charts.forEach(function (spec) {
      var canvas = document.getElementById(spec.id);
      if (!canvas) return;
      var valueAxis = { beginAtZero: true, stacked: !!spec.stacked, title: { display: true, text: spec.valueTitle }, ticks: spec.counts ? { precision: 0 } : {} };
      var categoryAxis = {
        stacked: !!spec.stacked,
        title: { display: !!spec.categoryTitle, text: spec.categoryTitle || '' },
        ticks: {
          autoSkip: false,
          // Long labels (paths) keep their end, where the file's name is.
          callback: function (value) {
            var label = String(this.getLabelForValue(value));
            return label.length > 40 ? '…' + label.slice(-39) : label;
          },
        },
      };
      new Chart(canvas, {
        type: 'bar',
        data: {
          labels: spec.labels,
          datasets: spec.datasets.map(function (dataset) {
            return { label: dataset.label, data: dataset.data, backgroundColor: dataset.color, borderColor: dataset.color, borderWidth: 1, maxBarThickness: 64 };
          }),
        },
        options: {
          indexAxis: spec.horizontal ? 'y' : 'x',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          plugins: { legend: { display: spec.datasets.length > 1 } },
          scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
        },
      });
    });
  }

  function renderCell(column, value) {
    var cell = document.createElement(column.rowHeader ? 'th' : 'td');
    if (column.rowHeader) cell.setAttribute('scope', 'row');
    if (column.kind === 'money' || column.kind === 'number') cell.className = 'num';
    else if (column.width === 'nowrap') cell.className = 'nowrap';
    // A table cell ignores min-width; a block inside it does not: prose gets room to read.
    var content = cell;
    if (column.width === 'wide') {
      content = document.createElement('div');
      content.className = 'wide';
      cell.appendChild(content);
    }
    if (column.kind === 'badge' && value !== '') {
      var badge = document.createElement('span');
      badge.className = 'badge badge-' + String(value).toLowerCase().replace(/[^a-z]+/g, '-');
      badge.textContent = String(value).charAt(0).toUpperCase() + String(value).slice(1);
      content.appendChild(badge);
    } else if (column.kind === 'link' && /^https?:\/\/\S+$/i.test(String(value))) {
      var link = document.createElement('a');
      link.href = String(value);
      link.rel = 'noopener noreferrer';
      var url = new URL(link.href);
      link.textContent = url.pathname + url.search;
      link.title = String(value);
      content.appendChild(link);
    } else if (column.kind === 'lines' && Array.isArray(value)) {
      value.forEach(function (text) {
        var line = document.createElement('div');
        line.className = 'line';
        line.textContent = text;
        content.appendChild(line);
      });
    } else if (column.rowHeader) {
      // A path may break after each "/" (a <wbr>), so a long location does not push the table wide.
      String(value).split(/(?<=\/)/).forEach(function (part, index) {
        if (index > 0) content.appendChild(document.createElement('wbr'));
        content.appendChild(document.createTextNode(part));
      });
    } else {
      content.textContent = value === null || value === undefined ? '' : String(value);
    }
    return cell;
  }

  function setUpTable(block, spec) {
    var table = block.querySelector('table');
    var tbody = table.tBodies[0];
    var status = block.querySelector('[data-status]');
    var more = block.querySelector('[data-more]');
    var chunk = Number(block.getAttribute('data-chunk')) || 500;
    var rows = spec.rows;
    var filters = {};
    var query = '';
    var sort = { column: -1, direction: 1 };
    var matching = [];
    var shown = 0;
    var searchTexts = null;

    function searchText(index) {
      if (searchTexts === null) {
        searchTexts = rows.map(function (row) {
          return row.map(function (cell) { return Array.isArray(cell) ? cell.join(' ') : String(cell); }).join('\u0001').toLowerCase();
        });
      }
      return searchTexts[index];
    }
    function order() {
      var indexes = rows.map(function (_, index) { return index; });
      if (sort.column < 0) return indexes;
      var column = spec.columns[sort.column];
      var keys = column.sortBy || [sort.column];
      return indexes.sort(function (a, b) {
        for (var k = 0; k < keys.length; k++) {
          var by = compareCells(spec.columns[keys[k]].kind, rows[a][keys[k]], rows[b][keys[k]]);
          if (by !== 0) return by * sort.direction;
        }
        return a - b;
      });
    }
    function update() {
      var needle = query.trim().toLowerCase();
      var selected = Object.keys(filters);
      matching = order().filter(function (index) {
        var row = rows[index];
        for (var f = 0; f < selected.length; f++) if (String(row[selected[f]]) !== filters[selected[f]]) return false;
        return needle === '' || searchText(index).indexOf(needle) >= 0;
      });
      tbody.textContent = '';
      shown = 0;
      showMore(chunk);
    }
    function showMore(howMany) {
      var fragment = document.createDocumentFragment();
      var end = Math.min(matching.length, shown + howMany);
      for (var i = shown; i < end; i++) {
        var row = rows[matching[i]];
        var tr = document.createElement('tr');
        spec.columns.forEach(function (column, index) {
          if (!column.hidden) tr.appendChild(renderCell(column, row[index]));
        });
        fragment.appendChild(tr);
      }
      tbody.appendChild(fragment);
      shown = end;
      more.hidden = shown >= matching.length;
      var noun = rows.length === 1 ? spec.noun.one : spec.noun.many;
      var filtered = matching.length !== rows.length;
      status.textContent =
        matching.length === 0
          ? 'No ' + spec.noun.one + ' matches the filters (' + count.format(rows.length) + ' ' + noun + ' in all).'
          : (shown < matching.length ? 'Showing ' + count.format(shown) + ' of ' : 'Showing all ') +
            count.format(matching.length) + (filtered ? ' matching ' + (matching.length === 1 ? spec.noun.one : spec.noun.many) + ' (' + count.format(rows.length) + ' in all).' : ' ' + (matching.length === 1 ? spec.noun.one : spec.noun.many) + '.');
    }

    block.querySelectorAll('select[data-filter]').forEach(function (select) {
      select.addEventListener('change', function () {
        var index = select.getAttribute('data-filter');
        if (select.value === '') delete filters[index];
        else filters[index] = select.value.slice(1);
        update();
      });
    });
    var search = block.querySelector('[data-search]');
    var pending = 0;
    search.addEventListener('input', function () {
      clearTimeout(pending);
      pending = setTimeout(function () {
        query = search.value;
        update();
      }, 150);
    });
    block.querySelector('[data-reset]').addEventListener('click', function () {
      filters = {};
      query = search.value = '';
      block.querySelectorAll('select[data-filter]').forEach(function (select) { select.value = ''; });
      update();
    });
    table.querySelectorAll('button[data-sort]').forEach(function (button) {
      button.addEventListener('click', function () {
        var column = Number(button.getAttribute('data-sort'));
        sort = { column: column, direction: sort.column === column ? -sort.direction : 1 };
        table.querySelectorAll('th[data-column]').forEach(function (th) {
          var active = Number(th.getAttribute('data-column')) === column;
          th.setAttribute('aria-sort', active ? (sort.direction > 0 ? 'ascending' : 'descending') : 'none');
        });
        update();
      });
    });
    block.querySelector('[data-more-next]').addEventListener('click', function () { showMore(chunk); });
    block.querySelector('[data-more-all]').addEventListener('click', function () { showMore(matching.length); });
    update();
    // Printed, a table shows every row that matches: paper has no "show more".
    return function showAll() { showMore(matching.length); };
  }

  document.documentElement.classList.add('js');
  var printAll = data.tables.map(function (spec) {
    var block = document.querySelector('[data-table="' + spec.id + '"]');
    return block ? setUpTable(block, spec) : function () {};
  });
  window.addEventListener('beforeprint', function () { printAll.forEach(function (showAll) { showAll(); }); });
  drawCharts();
})();
`;
