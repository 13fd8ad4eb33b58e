'use strict';
// The pilots' dashboard reads the JSON API only. Every figure is also put in a data-* attribute of an
// element with a stable id, so that tests (and scrapers) read numbers, not formatted text. Statuses are
// always written out with an icon, never carried by colour alone. Charts: Chart.js, served from the jar.
(function () {
  const OBJECTIVES = ['GLOBAL', 'PE', 'ML'];
  const OBJECTIVE_LABELS = {GLOBAL: 'Global (moins de 30 ans)', PE: 'Pôle emploi (moins de 30 ans)',
    ML: 'Missions locales (16-25 ans)'};
  const NETWORKS = ['PE', 'ML', 'OTHER', 'UNKNOWN'];
  const NETWORK_LABELS = {PE: 'Pôle emploi', ML: 'Missions locales', OTHER: 'Autres prescripteurs', UNKNOWN: 'Non attribué'};
  const NETWORK_COLOURS = {PE: '#1f5fa8', ML: '#2e7d32', OTHER: '#6a3d9a', UNKNOWN: '#757575'};
  const STATUS = {
    ON_TRACK: {label: 'dans la cible', icon: '✓'},
    AT_RISK: {label: 'à risque', icon: '⚠'},
    BEHIND: {label: 'en retard', icon: '✗'},
    NO_DATA: {label: 'sans donnée', icon: '–'}
  };
  const SOURCE_LABELS = {pe: 'Pôle emploi (AIS)', imilo: 'I-Milo (Missions locales)', ouiform: 'OuiForm'};
  const REASON_LABELS = {
    PARSE_ERROR: 'ligne illisible (syntaxe)',
    MISSING_FIELD: 'champ obligatoire manquant',
    BAD_DATE: 'date invalide',
    BIRTH_NOT_BEFORE_ENTRY: 'date de naissance postérieure à l\'entrée',
    VALUE_OUTSIDE_LIST: 'valeur hors de la liste admise',
    BAD_IDENTIFIER_FORMAT: 'identifiant mal formé',
    BAD_REGION: 'code région inconnu',
    CONTROL_CHARACTER: 'caractère de contrôle dans un champ',
    UNDECODABLE_BYTES: 'octets illisibles (encodage)'
  };
  const REFRESH_MS = 30000;

  const state = {regions: [], years: [], year: null, objective: 'GLOBAL', sort: 'region', steering: null,
    alerts: [], freshness: [], deadLetters: [], aggregates: [], quality: [], charts: []};

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
  }

  function regionName(code) {
    const r = state.regions.find(function (x) { return x.code === code; });
    return r ? r.name : code;
  }

  function routedRegion() {
    const match = location.hash.match(/region=([0-9AB]{2})/);
    return match ? match[1] : null;
  }

  async function refresh() {
    const line = document.getElementById('status-line');
    try {
      const targets = await api('/api/targets');
      const years = Array.from(new Set(targets.map(function (t) { return t.year; }))).sort(function (a, b) { return b - a; });
      state.years = years;
      const region = routedRegion();
      const steeringPath = '/api/steering' + (state.year === null ? '' : '?year=' + state.year);
      const results = await Promise.all([api(steeringPath), api('/api/alerts'), api('/api/freshness'),
        api('/api/dead-letters'), api('/api/aggregates'), api('/api/quality'),
        region ? api('/api/progress?region=' + region) : Promise.resolve([]),
        region ? api('/api/steering?region=' + region + (state.year === null ? '' : '&year=' + state.year)) : Promise.resolve(null)]);
      state.steering = results[0];
      if (state.year === null) {
        state.year = state.steering.year;
      }
      state.alerts = results[1];
      state.freshness = results[2];
      state.deadLetters = results[3];
      state.aggregates = results[4];
      state.quality = results[5];
      state.regionProgress = results[6];
      state.regionSteering = results[7];
      document.getElementById('token-form').hidden = true;
      fillYears();
      render();
      line.className = 'status-line';
      line.textContent = 'Mis à jour à ' + new Date().toLocaleTimeString('fr-FR') + ' — figures au '
        + frenchDate(state.steering.asOf);
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
    const select = document.getElementById('year-select');
    select.replaceChildren();
    const years = state.years.includes(state.year) ? state.years : [state.year].concat(state.years);
    years.forEach(function (y) {
      const option = el('option', {value: String(y)}, String(y));
      option.selected = y === state.year;
      select.appendChild(option);
    });
  }

  function el(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (k) {
      if (attributes[k] !== null && attributes[k] !== undefined) {
        node.setAttribute(k, attributes[k]);
      }
    });
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  function formatInt(n) {
    return Math.round(Number(n)).toLocaleString('fr-FR');
  }

  function formatPct(ratio) {
    return (Number(ratio) * 100).toFixed(1).replace('.', ',') + ' %';
  }

  function monthLabel(yyyyMm) {
    return yyyyMm ? yyyyMm.substring(5, 7) + '/' + yyyyMm.substring(0, 4) : '—';
  }

  function frenchDate(iso) {
    return iso ? new Date(iso).toLocaleDateString('fr-FR', {timeZone: 'Europe/Paris'}) : '—';
  }

  function frenchDateTime(epochOrIso) {
    if (epochOrIso === null || epochOrIso === undefined) {
      return '—';
    }
    return new Date(epochOrIso).toLocaleString('fr-FR', {timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short'});
  }

  function statusBadge(status) {
    const s = STATUS[status] || STATUS.NO_DATA;
    const span = el('span', {class: 'badge ' + (STATUS[status] ? status : 'NO_DATA')});
    span.appendChild(el('span', {'aria-hidden': 'true'}, s.icon + ' '));
    span.appendChild(document.createTextNode(s.label));
    return span;
  }

  function render() {
    const region = routedRegion();
    document.getElementById('overview').hidden = region !== null;
    document.getElementById('region-page').hidden = region === null;
    if (region) {
      renderRegionPage(region);
    } else {
      renderAlerts();
      renderRegions();
      renderLags();
      renderTrust();
    }
  }

  // ---- alerts ----

  function alertCells(tr, a) {
    const link = el('a', {href: '#region=' + a.region}, a.region + ' — ' + regionName(a.region));
    tr.appendChild(el('td')).appendChild(link);
    tr.appendChild(el('td', {}, OBJECTIVE_LABELS[a.objective] || a.objective));
    tr.appendChild(el('td', {}, monthLabel(a.month)));
  }

  function transition(a) {
    const td = el('td', {class: 'transition'});
    td.appendChild(a.previousStatus ? statusBadge(a.previousStatus) : el('span', {}, 'aucun'));
    td.appendChild(el('span', {'aria-label': 'devient'}, ' → '));
    td.appendChild(statusBadge(a.status));
    return td;
  }

  function renderAlerts() {
    // the most recent first, then the most severe, then by region
    const severity = {BEHIND: 0, AT_RISK: 1, ON_TRACK: 2};
    const open = state.alerts.filter(function (a) { return a.open; }).sort(function (a, b) {
      return Date.parse(b.emittedAt) - Date.parse(a.emittedAt) || severity[a.status] - severity[b.status]
        || a.region.localeCompare(b.region) || a.objective.localeCompare(b.objective);
    });
    const body = document.querySelector('#alerts-open tbody');
    body.replaceChildren();
    open.forEach(function (a) {
      const tr = el('tr', {id: 'alert-' + a.region + '-' + a.objective, 'data-region': a.region,
        'data-objective': a.objective, 'data-status': a.status, 'data-month': a.month});
      alertCells(tr, a);
      tr.appendChild(transition(a));
      tr.appendChild(el('td', {class: 'num'}, formatInt(a.actualCumulative) + ' / ' + formatInt(a.targetCumulative)
        + (a.ratio === null ? '' : ' (' + formatPct(a.ratio) + ')')));
      tr.appendChild(el('td', {}, frenchDateTime(a.emittedAt)));
      body.appendChild(tr);
    });
    if (!open.length) {
      body.appendChild(el('tr')).appendChild(el('td', {colspan: '6'}, 'Aucune alerte ouverte.'));
    }
    const history = state.alerts.slice().sort(function (a, b) { return Date.parse(b.emittedAt) - Date.parse(a.emittedAt); });
    document.getElementById('alerts-history-count').textContent = String(history.length);
    const historyBody = document.querySelector('#alerts-history tbody');
    historyBody.replaceChildren();
    history.forEach(function (a) {
      const tr = el('tr');
      alertCells(tr, a);
      tr.appendChild(el('td', {}, a.kind === 'RAISED' ? 'levée' : 'close'));
      tr.appendChild(transition(a));
      tr.appendChild(el('td', {}, frenchDateTime(a.emittedAt)));
      historyBody.appendChild(tr);
    });
  }

  // ---- regions table ----

  function legend() {
    const t = state.steering.thresholds;
    const p = document.getElementById('legend');
    p.replaceChildren();
    p.dataset.onTrack = t.onTrack;
    p.dataset.atRisk = t.atRisk;
    [['ON_TRACK', 'ratio ≥ ' + formatPct(t.onTrack)], ['AT_RISK', formatPct(t.atRisk) + ' ≤ ratio < ' + formatPct(t.onTrack)],
      ['BEHIND', 'ratio < ' + formatPct(t.atRisk)]].forEach(function (item) {
      const badge = statusBadge(item[0]);
      badge.appendChild(document.createTextNode(' (' + item[1] + ')'));
      badge.id = 'legend-' + item[0];
      p.appendChild(badge);
    });
  }

  function sortedRows() {
    const rows = state.steering.rows.filter(function (r) { return r.objective === state.objective; });
    const byRegion = function (a, b) { return a.region.localeCompare(b.region); };
    if (state.sort === 'ratio') {
      // the furthest behind first; rows without a ratio (nothing due) last
      return rows.sort(function (a, b) {
        const x = a.closed && a.closed.ratio !== null ? Number(a.closed.ratio) : Infinity;
        const y = b.closed && b.closed.ratio !== null ? Number(b.closed.ratio) : Infinity;
        return x === y ? byRegion(a, b) : x - y;
      });
    }
    if (state.sort === 'gap') {
      return rows.sort(function (a, b) {
        const x = a.closed ? a.closed.stillNeeded : -1;
        const y = b.closed ? b.closed.stillNeeded : -1;
        return x === y ? byRegion(a, b) : y - x;
      });
    }
    return rows.sort(byRegion);
  }

  function numCell(attributes, value, text) {
    const td = el('td', Object.assign({class: 'num'}, attributes), text);
    return td;
  }

  function renderRegions() {
    const s = state.steering;
    document.getElementById('objective-title').textContent = OBJECTIVE_LABELS[state.objective];
    const settled = document.getElementById('settled-month');
    settled.textContent = monthLabel(s.settledMonth);
    settled.dataset.month = s.settledMonth || '';
    const closed = document.getElementById('closed-month');
    closed.textContent = monthLabel(s.closedMonth);
    closed.dataset.month = s.closedMonth || '';
    document.getElementById('head-settled').textContent = 'Mois consolidé ' + monthLabel(s.settledMonth);
    document.getElementById('head-closed').textContent = 'Mois écoulé ' + monthLabel(s.closedMonth) + ' (provisoire)';
    document.getElementById('method').textContent = s.method;
    legend();
    ['region', 'ratio', 'gap'].forEach(function (k) {
      document.getElementById('sort-' + k).setAttribute('aria-pressed', String(state.sort === k));
    });
    document.getElementById('th-ratio').setAttribute('aria-sort', state.sort === 'ratio' ? 'ascending' : 'none');
    document.getElementById('th-gap').setAttribute('aria-sort', state.sort === 'gap' ? 'descending' : 'none');

    const body = document.querySelector('#regions-table tbody');
    body.replaceChildren();
    const rows = sortedRows();
    const shown = new Set(rows.map(function (r) { return r.region; }));
    rows.forEach(function (r) {
      const tr = el('tr', {id: 'row-' + r.region, 'data-region': r.region, 'data-objective': r.objective});
      const name = el('th', {scope: 'row'});
      name.appendChild(el('a', {href: '#region=' + r.region, id: 'link-' + r.region}, r.region + ' — ' + regionName(r.region)));
      tr.appendChild(name);
      const st = r.settled;
      tr.appendChild(numCell({id: 'settled-ratio-' + r.region, 'data-ratio': st && st.ratio !== null ? st.ratio : ''},
        null, st ? (st.ratio === null ? 'sans cible' : formatPct(st.ratio)) : '—'));
      const settledStatus = el('td', {id: 'settled-status-' + r.region, 'data-status': st ? st.status : 'NO_DATA'});
      settledStatus.appendChild(statusBadge(st ? st.status : 'NO_DATA'));
      tr.appendChild(settledStatus);
      const c = r.closed;
      tr.appendChild(numCell({id: 'actual-' + r.region, 'data-actual': c ? String(c.actualCumulative) : ''}, null,
        c ? formatInt(c.actualCumulative) : '—'));
      tr.appendChild(numCell({id: 'target-' + r.region, 'data-target': c ? c.targetCumulative : ''}, null,
        c ? formatInt(c.targetCumulative) : '—'));
      tr.appendChild(numCell({id: 'ratio-' + r.region, 'data-ratio': c && c.ratio !== null ? c.ratio : ''}, null,
        c ? (c.ratio === null ? 'sans cible' : formatPct(c.ratio)) : '—'));
      const status = el('td', {id: 'status-' + r.region, 'data-status': c ? c.status : 'NO_DATA',
        'data-provisional': c ? String(c.provisional) : ''});
      status.appendChild(statusBadge(c ? c.status : 'NO_DATA'));
      tr.appendChild(status);
      tr.appendChild(numCell({id: 'gap-' + r.region, 'data-still-needed': c ? String(c.stillNeeded) : ''}, null,
        c ? formatInt(c.stillNeeded) : '—'));
      tr.appendChild(numCell({id: 'annual-' + r.region, 'data-annual-target': r.annualTarget}, null, formatInt(r.annualTarget)));
      tr.appendChild(numCell({id: 'annual-needed-' + r.region,
        'data-still-needed': r.stillNeededAnnual === null ? '' : String(r.stillNeededAnnual)}, null,
        r.stillNeededAnnual === null ? '—' : formatInt(r.stillNeededAnnual)));
      const p = r.projection;
      tr.appendChild(numCell({id: 'projection-' + r.region, 'data-projection': p && p.observed !== null ? p.observed : ''},
        null, p && p.observed !== null ? formatInt(p.observed) + projectionNote(p.observed, r.annualTarget) : '—'));
      tr.appendChild(numCell({id: 'projection-completed-' + r.region,
        'data-projection': p && p.completed !== null ? p.completed : ''}, null,
        p && p.completed !== null ? formatInt(p.completed) + projectionNote(p.completed, r.annualTarget) : '—'));
      body.appendChild(tr);
    });
    state.regions.filter(function (region) { return !shown.has(region.code); }).forEach(function (region) {
      const tr = el('tr', {id: 'row-' + region.code, 'data-region': region.code, class: 'no-target'});
      tr.appendChild(el('th', {scope: 'row'}, region.code + ' — ' + region.name));
      tr.appendChild(el('td', {colspan: '11'}, 'aucune cible chargée pour cet objectif'));
      body.appendChild(tr);
    });
  }

  function projectionNote(value, annual) {
    return Number(annual) > 0 ? ' (' + formatPct(Number(value) / Number(annual)) + ')' : '';
  }

  // ---- lags and trust ----

  function renderLags() {
    const body = document.querySelector('#lags-table tbody');
    body.replaceChildren();
    const groups = [['Saisie des enregistrements, par source', state.steering.sourceLags, 'lags-',
      function (of) { return SOURCE_LABELS[of] || of; }],
    ['Entrées consolidées, par réseau (complètent les mois provisoires)', state.steering.networkLags, 'lags-net-',
      function (of) { return NETWORK_LABELS[of] || of; }]];
    groups.forEach(function (group) {
      body.appendChild(el('tr', {class: 'group'})).appendChild(el('th', {colspan: '5', scope: 'rowgroup'}, group[0]));
      group[1].forEach(function (l) {
        const tr = el('tr', {id: group[2] + l.of, 'data-observations': String(l.observations)});
        tr.appendChild(el('th', {scope: 'row'}, group[3](l.of)));
        tr.appendChild(el('td', {class: 'num'}, formatInt(l.observations)));
        tr.appendChild(el('td', {class: 'num'}, l.observations ? l.medianDays + ' j' : '—'));
        tr.appendChild(el('td', {class: 'num'}, l.observations ? l.ninetiethPercentileDays + ' j' : '—'));
        const shares = el('td', {}, l.provisionalMonths.map(function (m) {
          return monthLabel(m.month) + ' : ' + formatPct(m.share);
        }).join(' ; ') || '—');
        l.provisionalMonths.forEach(function (m) { tr.dataset['share' + m.month.replace('-', '')] = m.share; });
        tr.appendChild(shares);
        body.appendChild(tr);
      });
    });
  }

  function renderTrust() {
    const fresh = document.querySelector('#freshness-table tbody');
    fresh.replaceChildren();
    state.freshness.forEach(function (f) {
      const tr = el('tr', {id: 'freshness-' + f.source});
      tr.appendChild(el('th', {scope: 'row'}, SOURCE_LABELS[f.source] || f.source));
      tr.appendChild(el('td', {class: 'num'}, formatInt(f.records)));
      tr.appendChild(el('td', {'data-time': f.latestVersion === null ? '' : String(f.latestVersion)}, frenchDateTime(f.latestVersion)));
      tr.appendChild(el('td', {'data-time': f.latestIngestion === null ? '' : String(f.latestIngestion)},
        frenchDateTime(f.latestIngestion)));
      fresh.appendChild(tr);
    });
    if (!state.freshness.length) {
      fresh.appendChild(el('tr')).appendChild(el('td', {colspan: '4'}, 'pas de suivi des sources sur cette instance'));
    }

    const year = String(state.year);
    document.getElementById('network-year').textContent = year;
    let total = 0, unknown = 0;
    state.aggregates.filter(function (a) { return a.month.substring(0, 4) === year; }).forEach(function (a) {
      total += a.prescriptions;
      if (a.network === 'UNKNOWN') {
        unknown += a.prescriptions;
      }
    });
    let inferred = 0, conflict = 0;
    state.quality.filter(function (q) { return q.month.substring(0, 4) === year; }).forEach(function (q) {
      inferred += q.attributionInferred;
      conflict += q.attributionConflict;
    });
    const body = document.querySelector('#network-quality-table tbody');
    body.replaceChildren();
    [['quality-total', 'Prescriptions consolidées', total], ['quality-inferred', 'Réseau déduit d\'une autre source', inferred],
      ['quality-unknown', 'Réseau inconnu (non attribuées)', unknown], ['quality-conflict', 'Réseaux déclarés en conflit', conflict]]
      .forEach(function (item) {
        const tr = el('tr');
        tr.appendChild(el('th', {scope: 'row'}, item[1]));
        tr.appendChild(el('td', {id: item[0], 'data-count': String(item[2]), class: 'num'}, formatInt(item[2])));
        const share = total ? item[2] / total : 0;
        tr.appendChild(el('td', {id: item[0] + '-share', 'data-share': String(share), class: 'num'}, formatPct(share)));
        body.appendChild(tr);
      });

    const dead = document.querySelector('#dead-letters-table tbody');
    dead.replaceChildren();
    let deadTotal = 0;
    state.deadLetters.forEach(function (d) {
      deadTotal += d.count;
      const tr = el('tr');
      tr.appendChild(el('td', {}, SOURCE_LABELS[d.source] || d.source));
      tr.appendChild(el('td', {title: d.reason}, REASON_LABELS[d.reason] || d.reason));
      tr.appendChild(el('td', {id: 'dead-' + d.source + '-' + d.reason, 'data-count': String(d.count), class: 'num'},
        formatInt(d.count)));
      dead.appendChild(tr);
    });
    if (!state.deadLetters.length) {
      dead.appendChild(el('tr')).appendChild(el('td', {colspan: '3'}, 'aucun enregistrement rejeté'));
    }
    const totalCell = document.getElementById('dead-total');
    totalCell.dataset.count = String(deadTotal);
    totalCell.textContent = formatInt(deadTotal);
  }

  // ---- region page ----

  function destroyCharts() {
    state.charts.forEach(function (c) { c.destroy(); });
    state.charts = [];
  }

  function renderRegionPage(region) {
    destroyCharts();
    document.getElementById('region-title').textContent = region + ' — ' + regionName(region) + ', ' + state.year;
    const container = document.getElementById('region-charts');
    container.replaceChildren();
    const steering = state.regionSteering;
    const progress = state.regionProgress.filter(function (p) { return p.year === state.year; });
    OBJECTIVES.forEach(function (objective) {
      const rows = progress.filter(function (p) { return p.objective === objective; })
        .sort(function (a, b) { return a.month.localeCompare(b.month); });
      const figure = el('figure', {class: 'chart-box', id: 'figure-' + objective});
      figure.appendChild(el('figcaption', {}, OBJECTIVE_LABELS[objective]));
      const canvas = el('canvas', {id: 'chart-' + objective, role: 'img', 'data-points': String(rows.length),
        'aria-label': 'Réalisé cumulé et cible cumulée, ' + OBJECTIVE_LABELS[objective] + ', par mois'});
      figure.appendChild(canvas);
      const summary = el('p', {class: 'chart-summary', id: 'summary-' + objective});
      const row = steering && steering.rows.find(function (r) { return r.objective === objective; });
      if (row && row.closed) {
        summary.appendChild(document.createTextNode('À fin ' + monthLabel(row.closed.month) + ' : '
          + formatInt(row.closed.actualCumulative) + ' entrées pour une cible cumulée de ' + formatInt(row.closed.targetCumulative)
          + ' ; '));
        summary.appendChild(statusBadge(row.closed.status));
        if (row.projection && row.projection.observed !== null) {
          summary.appendChild(document.createTextNode(' ; projection ' + formatInt(row.projection.observed)
            + ' (complétée ' + formatInt(row.projection.completed) + ') pour une cible annuelle de ' + formatInt(row.annualTarget) + '.'));
        }
      } else {
        summary.textContent = rows.length ? '' : 'Aucune cible pour cet objectif.';
      }
      figure.appendChild(summary);
      container.appendChild(figure);
      if (!rows.length) {
        return;
      }
      // completed cumulative, through the month just ended
      const completed = [];
      let sum = 0;
      const months = steering ? steering.months.filter(function (m) { return m.objective === objective; }) : [];
      rows.forEach(function (p) {
        const m = months.find(function (x) { return x.month === p.month; });
        if (m && m.completed !== null) {
          sum += Number(m.completed);
          completed.push(sum);
        } else {
          completed.push(null);
        }
      });
      const pointStyle = rows.map(function (p) { return p.provisional ? 'triangle' : 'circle'; });
      const pointRadius = rows.map(function (p) { return p.provisional ? 6 : 3; });
      state.charts.push(new Chart(canvas, {
        type: 'line',
        data: {
          labels: rows.map(function (p) { return monthLabel(p.month) + (p.provisional ? ' ▲' : ''); }),
          datasets: [
            {label: 'Réalisé cumulé (observé)', data: rows.map(function (p) { return p.actualCumulative; }),
              borderColor: '#1f3a5f', backgroundColor: '#1f3a5f', pointStyle: pointStyle, pointRadius: pointRadius},
            {label: 'Cible cumulée', data: rows.map(function (p) { return Number(p.targetCumulative); }),
              borderColor: '#b34700', backgroundColor: '#b34700', borderDash: [6, 4], pointRadius: 2},
            {label: 'Réalisé complété (estimation)', data: completed, borderColor: '#2e7d32', backgroundColor: '#2e7d32',
              borderDash: [2, 3], pointStyle: pointStyle, pointRadius: pointRadius, spanGaps: false}
          ]
        },
        options: {animation: false, responsive: true, maintainAspectRatio: false,
          interaction: {mode: 'index', intersect: false},
          plugins: {legend: {position: 'bottom'}, tooltip: {callbacks: {
            label: function (ctx) { return ctx.dataset.label + ' : ' + formatInt(ctx.parsed.y)
              + (rows[ctx.dataIndex].provisional ? ' (provisoire)' : ''); }}}},
          scales: {y: {beginAtZero: true, ticks: {callback: function (v) { return formatInt(v); }}}}}
      }));
    });

    // the network split month by month
    const year = String(state.year);
    const ofRegion = state.aggregates.filter(function (a) { return a.region === region && a.month.substring(0, 4) === year; });
    const monthsSeen = Array.from(new Set(ofRegion.map(function (a) { return a.month; }))).sort();
    const networkCanvas = document.getElementById('chart-network');
    networkCanvas.dataset.months = String(monthsSeen.length);
    state.charts.push(new Chart(networkCanvas, {
      type: 'bar',
      data: {
        labels: monthsSeen.map(monthLabel),
        datasets: NETWORKS.map(function (n) {
          return {label: NETWORK_LABELS[n], backgroundColor: NETWORK_COLOURS[n], data: monthsSeen.map(function (m) {
            return ofRegion.filter(function (a) { return a.month === m && a.network === n; })
              .reduce(function (s, a) { return s + a.prescriptions; }, 0);
          })};
        })
      },
      options: {animation: false, responsive: true, maintainAspectRatio: false,
        plugins: {legend: {position: 'bottom'}}, scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true}}}
    }));

    const body = document.querySelector('#region-quality-table tbody');
    body.replaceChildren();
    state.quality.filter(function (q) { return q.region === region && q.month.substring(0, 4) === year; })
      .sort(function (a, b) { return a.month.localeCompare(b.month); }).forEach(function (q) {
        const tr = el('tr', {id: 'quality-' + q.month});
        tr.appendChild(el('th', {scope: 'row'}, monthLabel(q.month)));
        tr.appendChild(el('td', {class: 'num'}, formatInt(q.prescriptions)));
        [q.pePrescriberNotFilled, q.attributionInferred, q.attributionConflict, q.unattributed].forEach(function (n) {
          const share = q.prescriptions ? n / q.prescriptions : 0;
          tr.appendChild(el('td', {class: 'num', 'data-share': String(share)}, formatPct(share) + ' (' + formatInt(n) + ')'));
        });
        body.appendChild(tr);
      });
    document.getElementById('back-link').focus();
  }

  // ---- events ----

  document.getElementById('year-select').addEventListener('change', function (e) {
    state.year = Number(e.target.value);
    refresh();
  });
  document.getElementById('objective-select').addEventListener('change', function (e) {
    state.objective = e.target.value;
    render();
  });
  ['region', 'ratio', 'gap'].forEach(function (k) {
    document.getElementById('sort-' + k).addEventListener('click', function () {
      state.sort = k;
      renderRegions();
    });
  });
  document.getElementById('back-link').addEventListener('click', function (e) {
    e.preventDefault();
    history.pushState(null, '', location.pathname + location.search);
    destroyCharts();
    render();
    document.getElementById('main').focus();
  });
  window.addEventListener('hashchange', function () {
    if (location.hash.indexOf('token=') < 0) {
      document.body.dataset.loaded = 'false';
      refresh();
    }
  });
  document.getElementById('token-form').addEventListener('submit', function (e) {
    e.preventDefault();
    sessionStorage.setItem('aisToken', document.getElementById('token-input').value);
    refresh();
  });

  loadRegions().then(refresh);
  setInterval(refresh, REFRESH_MS);
})();
