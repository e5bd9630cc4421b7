// The operations center: live figures and alerts over one server-sent-event stream, trends, the
// Decision 766 scoreboard and the drill-down city → agency → procedure → dossiers.
import {t, translate, switchLanguage, language} from './i18n.js';
import {json, authorized, follow} from './live.js';
import {drawTrends, resizeCharts} from './charts.js';

const el = id => document.getElementById(id);
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
const fmt = n => n == null ? '–' : Number(n).toLocaleString(language() === 'vi' ? 'vi-VN' : 'en-GB');
const pct = r => r == null || r.value == null ? '–' : (r.value * 100).toFixed(1) + '%';
const when = iso => iso ? iso.slice(0, 16).replace('T', ' ') : '–';
const day = back => new Date(Date.now() + 7 * 3600e3 - back * 86400e3).toISOString().slice(0, 10);
const period = () => `from=${el('from').value || day(6)}&to=${el('to').value || day(0)}`;

let agencies = new Map();   // code → {code, name, level, parentCode}
let procedureNames = new Map();
const name = code => agencies.get(code)?.name || code;

// ---------------------------------------------------------------- live figures and alerts
const KPIS = [
  ['received', k => fmt(k.received)], ['online', k => k.received ? (100 * k.receivedOnline / k.received).toFixed(1) + '%' : '–'],
  ['resolved', k => fmt(k.resolved)], ['resolvedLate', k => fmt(k.resolvedLate), 'bad'],
  ['onTime', k => pct(k.indicators.onTime)], ['open', k => fmt(k.open)], ['overdue', k => fmt(k.openOverdue), 'bad'],
  ['atRisk', k => fmt(k.atRisk), 'warn'], ['breached', k => fmt(k.breached), 'bad'], ['apologies', k => fmt(k.apologies)],
  ['points', k => k.indicators.points.total.toFixed(1) + ' / ' + k.indicators.points.max],
];
let lastKpis = null;
function showKpis(k) {
  lastKpis = k || lastKpis;
  const data = lastKpis;
  el('kpi-date').textContent = data ? data.date : '';
  el('kpis').innerHTML = KPIS.map(([key, value, cls]) => `<div class="kpi" data-kpi="${key}">
    <div class="v ${cls || ''}">${data ? value(data) : '–'}</div><div class="l">${esc(t(key))}</div></div>`).join('');
}

const FEED_ROWS = 200;
function addEvent(e) {
  const d = e.data, cls = d.kind === 'AT_RISK' ? 'warn' : 'bad';
  const row = `<tr data-dossier="${esc(d.dossierId)}" data-kind="${esc(d.kind)}"><td class="${cls}">${esc(t('kind_' + d.kind))}</td>
    <td>${esc(d.dossierId)}</td><td>${esc(name(d.currentAgencyCode || d.agencyCode))}</td>
    <td>${esc(when(d.deadline))}</td></tr>`;
  const table = el('events');
  const body = table.tBodies[0] || table.createTBody();
  body.insertAdjacentHTML('afterbegin', row);
  while (body.rows.length > FEED_ROWS) body.deleteRow(body.rows.length - 1);
}
function feedHead() {
  const table = el('events');
  table.tHead?.remove();
  table.createTHead().innerHTML = `<tr><th scope="col">${t('kind')}</th><th scope="col">${t('dossier')}</th>
    <th scope="col">${t('currentAgency')}</th><th scope="col">${t('dueAt')}</th></tr>`;
  if (!table.tBodies.length) table.createTBody();
}
function clearFeed() { const b = el('events').tBodies[0]; if (b) b.innerHTML = ''; }

function startLive() {
  window.pulseFeed = follow('/api/live/stream', {
    onEvent(kind, data) {
      if (kind === 'kpis') showKpis(JSON.parse(data));
      else if (kind === 'sla') addEvent(JSON.parse(data));
      else if (kind === 'reset') clearFeed(); // the latest events follow
    },
    onState(state) {
      el('feed-state').textContent = t(state);
      el('feed-state').dataset.state = state;
    },
  });
}

// ---------------------------------------------------------------- trends
async function refreshTrends() {
  try { drawTrends(await json('/api/live/trends?hours=24&days=14'), t); } catch (e) { /* next round */ }
}

// ---------------------------------------------------------------- scoreboard
let boardLevel = null, boardRows = [], sortKey = 'score', sortDown = true;
const BOARD_COLUMNS = [
  ['agency', r => name(r.agencyCode), false], ['onTime', r => r.indicators.onTime?.value, true],
  ['online', r => r.indicators.onlineSubmission?.value, true], ['onlinePayment', r => r.indicators.onlinePayment?.value, true],
  ['score', r => r.score, true],
];
async function refreshBoard() {
  // The levels that exist at the end of the period: no districts after the 2025 reform, communes and wards before and after.
  const end = el('to').value || day(0);
  const levels = ['COMMUNE', 'DISTRICT', 'CITY'].filter(l => [...agencies.values()].some(a => a.level === l && a.parentCode
    && a.validFrom <= end && (!a.validTo || a.validTo >= end)));
  if (!boardLevel || !levels.includes(boardLevel)) boardLevel = levels[0];
  el('levels').innerHTML = levels.map(l => `<button class="tab" role="tab" type="button" data-level="${l}"
    aria-selected="${l === boardLevel}">${esc(t('level_' + l))}</button>`).join('');
  el('levels').querySelectorAll('button').forEach(b => b.addEventListener('click', () => { boardLevel = b.dataset.level; refreshBoard(); }));
  try {
    boardRows = (await json(`/api/indicators?level=${boardLevel}&${period()}`)).rows;
  } catch (e) { boardRows = []; }
  drawBoard();
}
function drawBoard() {
  const col = BOARD_COLUMNS.find(c => c[0] === sortKey);
  const rows = [...boardRows].sort((a, b) => {
    const x = col[1](a), y = col[1](b);
    const c = x == null ? 1 : y == null ? -1 : typeof x === 'string' ? x.localeCompare(y, 'vi') : x - y;
    return sortDown && (x != null && y != null) ? -c : c;
  });
  const head = BOARD_COLUMNS.map(([key, , num]) => `<th scope="col" class="${num ? 'n' : ''}"
    aria-sort="${key === sortKey ? (sortDown ? 'descending' : 'ascending') : 'none'}"><button type="button" data-sort="${key}"
    title="${esc(t('sortBy'))} ${esc(t(key))}">${esc(t(key))}${key === sortKey ? (sortDown ? ' ▼' : ' ▲') : ''}</button></th>`).join('');
  el('board').innerHTML = `<thead><tr>${head}<th></th></tr></thead><tbody>` + rows.map(r => `<tr data-agency="${esc(r.agencyCode)}">
    <td><button type="button" class="link" data-drill="${esc(r.agencyCode)}">${esc(name(r.agencyCode))}</button></td>
    <td class="n">${pct(r.indicators.onTime)}</td><td class="n">${pct(r.indicators.onlineSubmission)}</td>
    <td class="n">${pct(r.indicators.onlinePayment)}</td><td class="n">${r.score.toFixed(1)}</td>
    <td style="width:18%"><div class="bar"><div style="width:${Math.min(100, 100 * r.score / Math.max(1, r.indicators.points.max))}%"></div></div></td></tr>`).join('') + '</tbody>';
  el('board').querySelectorAll('[data-sort]').forEach(b => b.addEventListener('click', () => {
    sortDown = b.dataset.sort === sortKey ? !sortDown : b.dataset.sort !== 'agency';
    sortKey = b.dataset.sort;
    drawBoard();
    el('board').querySelector(`[data-sort="${sortKey}"]`).focus();
  }));
  el('board').querySelectorAll('[data-drill]').forEach(b => b.addEventListener('click', () => drill(b.dataset.drill, null)));
}

// ---------------------------------------------------------------- drill-down
let scope = {agency: null, procedure: null};
function dossierTable(caption, list, id) {
  if (!list.length) return `<table id="${id}"><caption>${esc(caption)}</caption><tbody><tr><td>${esc(t('none'))}</td></tr></tbody></table>`;
  return `<table id="${id}"><caption>${esc(caption)}</caption><thead><tr><th scope="col">${t('dossier')}</th>
    <th scope="col">${t('procedure')}</th><th scope="col">${t('dueAt')}</th><th scope="col" class="n">${t('overdueHours')}</th>
    <th scope="col">${t('currentAgency')}</th></tr></thead><tbody>` + list.map(d => `<tr data-dossier="${esc(d.dossierId)}">
    <td><a href="/tra-cuu/${encodeURIComponent(d.dossierId)}">${esc(d.dossierId)}</a></td><td>${esc(d.procedureCode)}</td>
    <td>${esc(when(d.dueAt))}</td><td class="n">${(d.overdueWorkingMinutes / 60).toFixed(1)}</td>
    <td>${esc(name(d.currentAgencyCode))}</td></tr>`).join('') + '</tbody></table>';
}
function crumbs() {
  const root = [...agencies.values()].find(a => !a.parentCode);
  const chain = [];
  for (let c = scope.agency; c && c !== root?.code; c = agencies.get(c)?.parentCode) chain.unshift(c);
  const parts = [`<button type="button" class="link" data-crumb="">${esc(t('city'))}</button>`]
    .concat(chain.map(c => `<button type="button" class="link" data-crumb="${esc(c)}">${esc(name(c))}</button>`));
  if (scope.procedure) parts.push(esc(procedureNames.get(scope.procedure) || scope.procedure));
  el('crumbs').innerHTML = parts.join(' › ');
  el('crumbs').querySelectorAll('[data-crumb]').forEach(b => b.addEventListener('click', () => drill(b.dataset.crumb || null, null)));
}
async function drill(agency, procedure) {
  const root = [...agencies.values()].find(a => !a.parentCode);
  scope = {agency: agency || root?.code, procedure};
  crumbs();
  const code = encodeURIComponent(scope.agency);
  el('drill').innerHTML = t('loading');
  try {
    const q = procedure ? '&procedure=' + encodeURIComponent(procedure) : '';
    const [stats, procs, overdue, atRisk] = await Promise.all([
      json(`/api/agencies/${code}/stats?${period()}`), json(`/api/agencies/${code}/procedures?${period()}`),
      json(`/api/agencies/${code}/overdue?size=50${q}`), json(`/api/agencies/${code}/at-risk?size=50${q}`)]);
    procs.procedures.forEach(p => procedureNames.set(p.procedureCode, p.name || p.procedureCode));
    const f = el('from').value || day(6), end = el('to').value || day(0);
    const children = [...agencies.values()].filter(a => a.parentCode === scope.agency && a.validFrom <= end && (!a.validTo || a.validTo >= f));
    const head = `<p data-scope="${esc(scope.agency)}"><strong>${esc(stats.name || scope.agency)}</strong> — ${t('received')} ${fmt(stats.received)},
      ${t('resolved')} ${fmt(stats.resolved)}, ${t('onTime')} ${pct(stats.indicators.onTime)}, ${t('overdue')} ${fmt(stats.counts.OPEN_OVERDUE)}</p>`;
    const under = children.length ? `<table id="drill-children"><caption>${t('under')}</caption><tbody>` + children.map(a =>
      `<tr><td><button type="button" class="link" data-drill="${esc(a.code)}">${esc(a.name)}</button></td></tr>`).join('') + '</tbody></table>' : '';
    const shown = procedure ? procs.procedures.filter(p => p.procedureCode === procedure) : procs.procedures.slice(0, 30);
    const procTable = `<table id="drill-procedures"><caption>${t('procedures')}</caption><thead><tr><th scope="col">${t('procedure')}</th>
      <th scope="col" class="n">${t('received')}</th><th scope="col" class="n">${t('resolved')}</th><th scope="col" class="n">${t('onTime')}</th></tr></thead><tbody>` +
      shown.map(p => `<tr data-procedure="${esc(p.procedureCode)}"><td><button type="button" class="link" data-proc="${esc(p.procedureCode)}">
      ${esc(p.procedureCode)} — ${esc(p.name || (p.procedureCode === 'UNREGISTERED' ? t('unregistered') : ''))}</button></td><td class="n">${fmt(p.received)}</td><td class="n">${fmt(p.resolved)}</td>
      <td class="n">${pct(p.indicators.onTime)}</td></tr>`).join('') + '</tbody></table>';
    el('drill').innerHTML = head + `<div class="cols"><div>${under}${procTable}</div><div>${dossierTable(t('overdueList'), overdue.dossiers, 'drill-overdue')}
      ${dossierTable(t('atRiskList'), atRisk.dossiers, 'drill-at-risk')}</div></div>`;
    el('drill').querySelectorAll('[data-drill]').forEach(b => b.addEventListener('click', () => drill(b.dataset.drill, null)));
    el('drill').querySelectorAll('[data-proc]').forEach(b => b.addEventListener('click', () => drill(scope.agency, b.dataset.proc)));
  } catch (e) { el('drill').textContent = t('unavailable') + ' (' + e.message + ')'; }
}

// ---------------------------------------------------------------- apology duty
async function refreshApology() {
  const root = [...agencies.values()].find(a => !a.parentCode);
  if (!root) return;
  try {
    const list = (await json(`/api/agencies/${encodeURIComponent(root.code)}/overdue?size=100`)).dossiers;
    el('apology').innerHTML = `<thead><tr><th scope="col">${t('dossier')}</th><th scope="col">${t('currentAgency')}</th>
      <th scope="col">${t('dueAt')}</th><th scope="col">${t('apologyDuty')}</th><th scope="col">${t('newAppointment')}</th></tr></thead><tbody>` +
      list.map(d => `<tr data-dossier="${esc(d.dossierId)}"><td><a href="/tra-cuu/${encodeURIComponent(d.dossierId)}">${esc(d.dossierId)}</a></td>
      <td>${esc(name(d.currentAgencyCode))}</td><td>${esc(when(d.dueAt))}</td>
      <td class="${d.reappointmentMissed ? 'bad' : d.apologyIssued ? 'ok' : 'warn'}">${esc(t(d.reappointmentMissed ? 'reappointmentMissed'
        : d.apologyIssued ? 'apologyIssued' : 'apologyOwed'))}</td><td>${esc(when(d.reappointedDueAt))}</td></tr>`).join('') + '</tbody>';
  } catch (e) { /* next round */ }
}

// ---------------------------------------------------------------- pipeline and lookup
async function refreshPipeline() {
  try {
    const s = await json('/api/pipeline');
    el('state').textContent = t('streams') + ': ' + s.streamsState;
    const rows = [[t('applied'), s.applied], [t('rejected'), s.rejected], [t('duplicates'), s.duplicates], [t('held'), s.held]]
      .concat(Object.entries(s.rejectedByReason).map(([k, v]) => ['  ' + k, v]));
    el('pipeline').innerHTML = '<tbody>' + rows.map(([k, v]) => `<tr><td>${esc(k)}</td><td class="n">${fmt(v)}</td></tr>`).join('') + '</tbody>';
  } catch (e) { el('state').textContent = t('unavailable'); }
}
el('lookup').addEventListener('submit', async ev => {
  ev.preventDefault();
  const id = el('dossierId').value.trim();
  if (!id) return;
  const r = await authorized('/api/dossiers/' + encodeURIComponent(id));
  el('dossier').textContent = r.status + '\n' + JSON.stringify(await r.json(), null, 2);
});

// ---------------------------------------------------------------- wall display
const WALL_GROUPS = [['p-kpis', 'p-hourly', 'p-daily'], ['p-kpis', 'p-board'], ['p-feed', 'p-apology'], ['p-kpis', 'p-drill']];
let wallTimer = null, wallIndex = 0;
function wall(on) {
  document.body.classList.toggle('wall', on);
  el('wall').setAttribute('aria-pressed', String(on));
  clearInterval(wallTimer);
  document.querySelectorAll('.panel').forEach(p => p.classList.remove('hidden'));
  if (on) {
    const rotate = () => {
      const shown = WALL_GROUPS[wallIndex++ % WALL_GROUPS.length];
      document.querySelectorAll('.panel').forEach(p => p.classList.toggle('hidden', !shown.includes(p.id)));
      resizeCharts();
    };
    rotate();
    wallTimer = setInterval(rotate, 15000);
  }
  resizeCharts();
}
el('wall').addEventListener('click', () => wall(!document.body.classList.contains('wall')));

// ---------------------------------------------------------------- start
function redraw() {
  translate();
  showKpis(null);
  feedHead();
  drawBoard();
  crumbs();
  refreshTrends();
}
el('lang').addEventListener('click', () => { switchLanguage(); redraw(); });
el('from').value = day(6);
el('to').value = day(0);
['from', 'to'].forEach(id => el(id).addEventListener('change', () => { refreshBoard(); drill(scope.agency, scope.procedure); }));
window.addEventListener('resize', resizeCharts);

translate();
showKpis(null);
feedHead();
(async () => {
  try { (await json('/api/agencies')).forEach(a => agencies.set(a.code, a)); } catch (e) { /* names fall back to codes */ }
  startLive();
  refreshTrends(); refreshBoard(); drill(null, null); refreshApology(); refreshPipeline();
  setInterval(refreshTrends, 30000); setInterval(refreshBoard, 30000); setInterval(refreshApology, 30000);
  setInterval(refreshPipeline, 5000);
  if (new URLSearchParams(location.search).has('wall')) wall(true);
})();
