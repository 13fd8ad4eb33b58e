'use strict';
// The dashboard reads the JSON API only; every figure is also put in a data-* attribute of an
// element with a stable id, so that tests (and scrapers) read numbers, not formatted text.
(function () {
  const OBJECTIVES = ['GLOBAL', 'PE', 'ML'];
  const OBJECTIVE_LABELS = {GLOBAL: 'Global (< 30 ans)', PE: 'Pôle emploi (< 30 ans)', ML: 'Missions locales (16-25 ans)'};
  const NETWORKS = ['PE', 'ML', 'OTHER', 'UNKNOWN'];
  const NETWORK_LABELS = {PE: 'Pôle emploi', ML: 'Missions locales', OTHER: 'Autres prescripteurs', UNKNOWN: 'Non attribué'};
  const NETWORK_COLOURS = {PE: '#1f77b4', ML: '#2ca02c', OTHER: '#9467bd', UNKNOWN: '#9e9e9e'};
  const STATUS_LABELS = {ON_TRACK: 'dans la cible', AT_RISK: 'à risque', BEHIND: 'en retard'};
  const MONTH_INITIALS = ['J', 'F', 'M', 'A', 'M', 'J', 'J', 'A', 'S', 'O', 'N', 'D'];
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const REFRESH_MS = 30000;

  const state = {regions: [], progress: [], aggregates: [], quality: [], deadLetters: [], year: null, region: ''};

  function token() {
    const match = location.hash.match(/token=([^&]+)/);
    if (match) {
      sessionStorage.setItem('aisToken', decodeURIComponent(match[1]));
      history.replaceState(null, '', location.pathname + location.search); // keep the token out of the address bar
    }
    return sessionStorage.getItem('aisToken');
  }

  async function api(path) {
    const headers = {Accept: 'application/json'};
    const t = token();
    if (t) {
      headers.Authorization = 'Bearer ' + t;
    }
    const response = await fetch(path, {headers: headers});
    if (response.status === 401) {
      const e = new Error('jeton d\'accès requis');
      e.unauthorized = true;
      throw e;
    }
    if (!response.ok) {
      let detail = '';
      try { detail = (await response.json()).error || ''; } catch (ignored) { /* not JSON */ }
      throw new Error(path + ' : HTTP ' + response.status + ' ' + detail);
    }
    return response.json();
  }

  async function loadRegions() {
    const text = await (await fetch('/dashboard/regions.csv')).text();
    state.regions = text.trim().split(/\r?\n/).slice(1).map(function (line) {
      const cells = line.split(';');
      return {code: cells[0], name: cells[1]};
    });
    const select = document.getElementById('region-select');
    state.regions.forEach(function (r) {
      const option = document.createElement('option');
      option.value = r.code;
      option.textContent = r.code + ' — ' + r.name;
      select.appendChild(option);
    });
  }

  async function refresh() {
    const line = document.getElementById('status-line');
    try {
      const results = await Promise.all([api('/api/progress'), api('/api/aggregates'), api('/api/quality'),
        api('/api/dead-letters')]);
      state.progress = results[0];
      state.aggregates = results[1];
      state.quality = results[2];
      state.deadLetters = results[3];
      document.getElementById('token-form').hidden = true;
      fillYears();
      render();
      line.className = 'status-line';
      line.textContent = 'Mis à jour à ' + new Date().toLocaleTimeString('fr-FR');
      document.body.dataset.loaded = 'true';
    } catch (e) {
      line.className = 'status-line error';
      line.textContent = 'Erreur : ' + e.message;
      if (e.unauthorized) {
        document.getElementById('token-form').hidden = false;
      }
    }
  }

  function fillYears() {
    const years = new Set(state.progress.map(function (p) { return p.year; }));
    state.aggregates.forEach(function (a) { years.add(Number(a.month.substring(0, 4))); });
    const sorted = Array.from(years).sort(function (a, b) { return b - a; });
    if (state.year === null || !years.has(state.year)) {
      state.year = sorted.length ? sorted[0] : null;
    }
    const select = document.getElementById('year-select');
    select.replaceChildren();
    sorted.forEach(function (y) {
      const option = document.createElement('option');
      option.value = String(y);
      option.textContent = String(y);
      option.selected = y === state.year;
      select.appendChild(option);
    });
  }

  function render() {
    renderRegions();
    renderCurves();
    renderSplit();
    renderDeadLetters();
  }

  function el(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (k) { node.setAttribute(k, attributes[k]); });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function svg(tag, attributes, text) {
    const node = document.createElementNS(SVG_NS, tag);
    Object.keys(attributes || {}).forEach(function (k) { node.setAttribute(k, attributes[k]); });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function formatInt(n) {
    return Math.round(n).toLocaleString('fr-FR');
  }

  function formatPct(ratio) {
    return (ratio * 100).toFixed(1).replace('.', ',') + ' %';
  }

  function monthLabel(year, month) {
    return String(month).padStart(2, '0') + '/' + year;
  }

  function progressOfYear() {
    return state.progress.filter(function (p) { return p.year === state.year; });
  }

  function renderRegions() {
    const rows = progressOfYear();
    const latest = rows.reduce(function (m, p) { return Math.max(m, p.month); }, 0);
    const title = document.getElementById('latest-month');
    title.textContent = latest ? monthLabel(state.year, latest) : 'aucune donnée';
    title.dataset.year = state.year === null ? '' : String(state.year);
    title.dataset.month = String(latest);
    const body = document.querySelector('#regions-table tbody');
    body.replaceChildren();
    state.regions.forEach(function (region) {
      const ofRegion = rows.filter(function (p) { return p.region === region.code && p.month === latest; });
      const tr = el('tr', {id: 'region-' + region.code, 'data-region': region.code,
        class: region.code === state.region ? 'selected' : ''});
      tr.appendChild(el('td', {}, region.code));
      tr.appendChild(el('td', {}, region.name));
      const provisional = ofRegion.some(function (p) { return p.provisional; });
      tr.appendChild(el('td', {id: 'month-' + region.code, 'data-provisional': String(provisional),
        class: provisional ? 'provisional' : ''}, ofRegion.length ? monthLabel(state.year, latest) + (provisional ? ' *' : '') : '—'));
      OBJECTIVES.forEach(function (objective) {
        const p = ofRegion.find(function (x) { return x.objective === objective; });
        const id = 'status-' + region.code + '-' + objective;
        if (!p) {
          tr.appendChild(el('td', {id: id, class: 'objective NO_DATA', 'data-status': 'NO_DATA'}, '—'));
          return;
        }
        const td = el('td', {id: id, class: 'objective ' + p.status, 'data-status': p.status,
          'data-actual': String(p.actualCumulative), 'data-target': String(p.targetCumulative),
          'data-ratio': p.ratio === null ? '' : String(p.ratio), 'data-provisional': String(p.provisional),
          title: STATUS_LABELS[p.status] + (p.provisional ? ' (mois provisoire)' : '')});
        td.appendChild(el('strong', {}, p.ratio === null ? 'sans cible' : formatPct(p.ratio)));
        td.appendChild(el('br'));
        td.appendChild(el('small', {}, formatInt(p.actualCumulative) + ' / ' + formatInt(p.targetCumulative)));
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  // Cumulated figures of the selected region, or of all regions summed, per month of the year.
  function series(objective) {
    const byMonth = new Map();
    progressOfYear().forEach(function (p) {
      if (p.objective !== objective || (state.region && p.region !== state.region)) {
        return;
      }
      const point = byMonth.get(p.month) || {month: p.month, actual: 0, target: 0, provisional: false};
      point.actual += p.actualCumulative;
      point.target += p.targetCumulative;
      point.provisional = point.provisional || p.provisional;
      byMonth.set(p.month, point);
    });
    return Array.from(byMonth.values()).sort(function (a, b) { return a.month - b.month; });
  }

  function renderCurves() {
    const region = state.regions.find(function (r) { return r.code === state.region; });
    document.getElementById('curve-title').textContent = region ? region.name : 'national';
    const container = document.getElementById('curves');
    container.replaceChildren();
    const width = 380, height = 230, left = 52, right = 12, top = 12, bottom = 28;
    OBJECTIVES.forEach(function (objective) {
      const points = series(objective);
      const figure = el('figure', {id: 'curve-' + objective});
      figure.appendChild(el('figcaption', {}, OBJECTIVE_LABELS[objective]));
      const chart = svg('svg', {width: width, height: height, role: 'img',
        'aria-label': 'réalisé et cible cumulés ' + OBJECTIVE_LABELS[objective]});
      const max = Math.max(1, ...points.map(function (p) { return Math.max(p.actual, p.target); })) * 1.1;
      const x = function (month) { return left + (month - 1) * (width - left - right) / 11; };
      const y = function (v) { return top + (height - top - bottom) * (1 - v / max); };
      [0, 0.5, 1].forEach(function (f) {
        const v = max / 1.1 * f;
        chart.appendChild(svg('line', {x1: left, x2: width - right, y1: y(v), y2: y(v), stroke: '#e0e0e0'}));
        chart.appendChild(svg('text', {x: left - 6, y: y(v) + 4, 'text-anchor': 'end'}, formatInt(v)));
      });
      MONTH_INITIALS.forEach(function (initial, i) {
        chart.appendChild(svg('text', {x: x(i + 1), y: height - 10, 'text-anchor': 'middle'}, initial));
      });
      points.filter(function (p) { return p.provisional; }).forEach(function (p) {
        chart.appendChild(svg('rect', {x: x(p.month) - 8, y: top, width: 16, height: height - top - bottom,
          fill: '#fff3e0', class: 'provisional-band', 'data-month': String(p.month)}));
      });
      chart.appendChild(svg('polyline', {id: 'curve-target-' + objective, fill: 'none', stroke: '#e65100',
        'stroke-width': 2, 'stroke-dasharray': '6 4',
        points: points.map(function (p) { return x(p.month) + ',' + y(p.target); }).join(' '),
        'data-values': points.map(function (p) { return p.month + ':' + p.target; }).join(',')}));
      chart.appendChild(svg('polyline', {id: 'curve-actual-' + objective, fill: 'none', stroke: '#1f3a5f',
        'stroke-width': 2.5, points: points.map(function (p) { return x(p.month) + ',' + y(p.actual); }).join(' '),
        'data-values': points.map(function (p) { return p.month + ':' + p.actual; }).join(',')}));
      points.forEach(function (p) {
        // a tick per target point, so that a single month still shows its target
        chart.appendChild(svg('line', {x1: x(p.month) - 6, x2: x(p.month) + 6, y1: y(p.target), y2: y(p.target),
          stroke: '#e65100', 'stroke-width': 2, class: 'target-point'}));
      });
      points.forEach(function (p) {
        const dot = svg('circle', {cx: x(p.month), cy: y(p.actual), r: 3.5, stroke: '#1f3a5f', 'stroke-width': 1.5,
          fill: p.provisional ? '#fff' : '#1f3a5f', class: p.provisional ? 'point provisional' : 'point'});
        dot.appendChild(svg('title', {}, monthLabel(state.year, p.month) + ' : ' + formatInt(p.actual) + ' / '
          + formatInt(p.target) + (p.provisional ? ' (provisoire)' : '')));
        chart.appendChild(dot);
      });
      const legend = svg('g', {transform: 'translate(' + (left + 8) + ',' + (top + 8) + ')'});
      legend.appendChild(svg('line', {x1: 0, x2: 18, y1: 0, y2: 0, stroke: '#1f3a5f', 'stroke-width': 2.5}));
      legend.appendChild(svg('text', {x: 22, y: 4}, 'réalisé'));
      legend.appendChild(svg('line', {x1: 70, x2: 88, y1: 0, y2: 0, stroke: '#e65100', 'stroke-width': 2,
        'stroke-dasharray': '6 4'}));
      legend.appendChild(svg('text', {x: 92, y: 4}, 'cible'));
      chart.appendChild(legend);
      figure.appendChild(chart);
      container.appendChild(figure);
    });
  }

  function inScope(row) {
    return row.month.substring(0, 4) === String(state.year) && (!state.region || row.region === state.region);
  }

  function renderSplit() {
    const region = state.regions.find(function (r) { return r.code === state.region; });
    document.getElementById('split-title').textContent = (region ? region.name : 'national') + ', ' + state.year;
    const counts = {PE: 0, ML: 0, OTHER: 0, UNKNOWN: 0};
    state.aggregates.filter(inScope).forEach(function (a) {
      counts[a.network] = (counts[a.network] || 0) + a.prescriptions;
    });
    const total = NETWORKS.reduce(function (s, n) { return s + counts[n]; }, 0);
    const bar = document.getElementById('network-bar');
    bar.replaceChildren();
    let offset = 0;
    const barWidth = Number(bar.getAttribute('width'));
    const body = document.querySelector('#network-table tbody');
    body.replaceChildren();
    NETWORKS.forEach(function (network) {
      const share = total ? counts[network] / total : 0;
      const w = share * barWidth;
      const rect = svg('rect', {id: 'bar-' + network, x: offset, y: 4, width: w, height: 28,
        fill: NETWORK_COLOURS[network], 'data-share': String(share)});
      rect.appendChild(svg('title', {}, NETWORK_LABELS[network] + ' : ' + formatPct(share)));
      bar.appendChild(rect);
      offset += w;
      const tr = el('tr');
      const label = el('td');
      label.appendChild(el('span', {style: 'display:inline-block;width:10px;height:10px;margin-right:6px;background:'
        + NETWORK_COLOURS[network]}));
      label.appendChild(document.createTextNode(NETWORK_LABELS[network]));
      tr.appendChild(label);
      tr.appendChild(el('td', {id: 'network-' + network, 'data-count': String(counts[network])}, formatInt(counts[network])));
      tr.appendChild(el('td', {id: 'network-share-' + network, class: 'num', 'data-share': String(share)}, formatPct(share)));
      body.appendChild(tr);
    });
    const totalRow = el('tr');
    totalRow.appendChild(el('th', {}, 'Total'));
    totalRow.appendChild(el('td', {id: 'network-total', 'data-count': String(total)}, formatInt(total)));
    totalRow.appendChild(el('td'));
    body.appendChild(totalRow);

    const q = {prescriptions: 0, pePrescriberNotFilled: 0, attributionInferred: 0, attributionConflict: 0,
      unattributed: 0, mlAgeOutOfScope: 0};
    state.quality.filter(inScope).forEach(function (row) {
      Object.keys(q).forEach(function (k) { q[k] += row[k]; });
    });
    const qualityBody = document.querySelector('#quality-table tbody');
    qualityBody.replaceChildren();
    [['quality-prescriptions', 'Prescriptions consolidées', 'prescriptions'],
      ['quality-not-filled', 'Prescripteur non renseigné dans l\'AIS', 'pePrescriberNotFilled'],
      ['quality-inferred', 'Réseau déduit d\'une autre source', 'attributionInferred'],
      ['quality-conflict', 'Réseaux déclarés en conflit', 'attributionConflict'],
      ['quality-unattributed', 'Non attribuées', 'unattributed'],
      ['quality-ml-age', 'Missions locales, 26 ans ou plus', 'mlAgeOutOfScope']].forEach(function (item) {
      const share = q.prescriptions ? q[item[2]] / q.prescriptions : 0;
      const tr = el('tr');
      tr.appendChild(el('td', {}, item[1]));
      tr.appendChild(el('td', {id: item[0], 'data-count': String(q[item[2]])}, formatInt(q[item[2]])));
      tr.appendChild(el('td', {id: item[0] + '-share', class: 'num', 'data-share': String(share)}, formatPct(share)));
      qualityBody.appendChild(tr);
    });
  }

  function renderDeadLetters() {
    const body = document.querySelector('#dead-letters-table tbody');
    body.replaceChildren();
    const rows = state.deadLetters.slice().sort(function (a, b) {
      return (a.source + '|' + a.reason).localeCompare(b.source + '|' + b.reason);
    });
    let total = 0;
    rows.forEach(function (d) {
      total += d.count;
      const tr = el('tr');
      tr.appendChild(el('td', {}, d.source));
      tr.appendChild(el('td', {}, d.reason));
      tr.appendChild(el('td', {id: 'dead-' + d.source + '-' + d.reason, 'data-count': String(d.count)}, formatInt(d.count)));
      body.appendChild(tr);
    });
    if (!rows.length) {
      body.appendChild(el('tr')).appendChild(el('td', {colspan: '3'}, 'aucun enregistrement rejeté'));
    }
    const totalCell = document.getElementById('dead-total');
    totalCell.dataset.count = String(total);
    totalCell.textContent = formatInt(total);
  }

  document.getElementById('year-select').addEventListener('change', function (e) {
    state.year = Number(e.target.value);
    render();
  });
  document.getElementById('region-select').addEventListener('change', function (e) {
    state.region = e.target.value;
    render();
  });
  document.getElementById('token-form').addEventListener('submit', function (e) {
    e.preventDefault();
    sessionStorage.setItem('aisToken', document.getElementById('token-input').value);
    refresh();
  });

  loadRegions().then(refresh);
  setInterval(refresh, REFRESH_MS);
})();
