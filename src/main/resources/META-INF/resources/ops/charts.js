// The trend charts, drawn by Apache ECharts (served from its webjar, never from a CDN).
/* global echarts */
const charts = {};

function chart(id) {
  charts[id] = charts[id] || echarts.init(document.getElementById(id), null, {renderer: 'canvas'});
  return charts[id];
}

const SERIES = [
  ['received', 'line', '#1f5fbf'], ['resolved', 'line', '#17692f'], ['resolvedLate', 'bar', '#a50e0e'],
  ['atRisk', 'bar', '#c46a00'], ['breached', 'bar', '#6b2fa3'],
];

function option(points, label, t, dark) {
  const text = dark ? '#f1f4f7' : '#1d2733';
  return {
    animation: false,
    textStyle: {color: text},
    tooltip: {trigger: 'axis'},
    legend: {top: 0, textStyle: {color: text}},
    grid: {left: 48, right: 16, top: 36, bottom: 28},
    xAxis: {type: 'category', data: points.map(label), axisLabel: {color: text}},
    yAxis: {type: 'value', minInterval: 1, axisLabel: {color: text}},
    series: SERIES.map(([key, type, color]) => ({name: t(key), type, color, data: points.map(p => p[key]), showSymbol: false})),
  };
}

/** Draws both trends from /api/live/trends. */
export function drawTrends(trends, t) {
  const dark = document.body.classList.contains('wall');
  chart('chart-hourly').setOption(option(trends.hours, p => p.hour.slice(11, 16), t, dark), true);
  chart('chart-daily').setOption(option(trends.days, p => p.date.slice(5), t, dark), true);
  document.getElementById('chart-hourly').dataset.points = String(trends.hours.length);
  document.getElementById('chart-daily').dataset.points = String(trends.days.length);
}

export function resizeCharts() {
  Object.values(charts).forEach(c => c.resize());
}
