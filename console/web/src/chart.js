// ECharts (bundled from npm, tree-shaken): one line per measured parameter with the alarm thresholds drawn.
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, DataZoomComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, DataZoomComponent, CanvasRenderer]);

// The analogue parameters the issue asks for, with their names, units and the alarm thresholds of
// risk-engine's shipped rules (dustwatch.risk.rules in risk-engine/src/main/resources/application.yml).
// No API serves the rules yet; when one does, read them from it instead.
const PARAMS = {
  DRY_DP: { zh: '进出口压差', en: 'Differential pressure', unit: 'Pa', thresholds: [100, 1800, 2500] },
  DRY_HOPPER_TEMP: { zh: '灰斗温度', en: 'Hopper temperature', unit: '℃', thresholds: [70, 80] },
  WET_TANK_LEVEL: { zh: '水箱水位', en: 'Tank water level', unit: 'm', thresholds: [0.3] },
  WET_FLOW: { zh: '循环水流量', en: 'Circulating flow', unit: 'm³/h', thresholds: [1.0] },
};

export function drawReadings(el, readings, { t, chinaTime }) {
  const english = document.documentElement.lang === 'en';
  const byParam = {};
  for (const r of readings) if (PARAMS[r.paramCode]) (byParam[r.paramCode] ??= []).push(r);
  const codes = Object.keys(byParam);
  if (!codes.length) { el.textContent = t('noReadings'); el.classList.add('empty'); return; }
  el.replaceChildren();
  codes.forEach((code) => {
    const p = PARAMS[code];
    const box = document.createElement('div');
    box.className = 'chart-box';
    box.dataset.param = code;
    el.append(box);
    const data = byParam[code].map((r) => [Date.parse(r.collectTime), r.value]).sort((a, b) => a[0] - b[0]);
    const chart = echarts.init(box, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      title: { show: false },
      legend: { top: 0 },
      grid: { left: 56, right: 56, top: 30, bottom: 30 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${v} ${p.unit}` },
      xAxis: { type: 'time', axisLabel: { formatter: (v) => chinaTime(new Date(v).toISOString()).slice(11, 16) } },
      // the axis always reaches the thresholds, so that the dashed lines show even when the values are far off
      yAxis: { type: 'value', name: p.unit, min: (v) => niceFloor(Math.min(v.min, ...p.thresholds)), max: (v) => niceCeil(Math.max(v.max, ...p.thresholds)) },
      series: [{
        name: `${english ? p.en : p.zh} (${p.unit})`, type: 'line', showSymbol: false, data,
        markLine: { symbol: 'none', lineStyle: { color: '#c0392b', type: 'dashed' },
          label: { formatter: (m) => `${t('threshold')} ${m.value}` },
          data: p.thresholds.map((y) => ({ yAxis: y })) },
      }],
    });
  });
}

function step(value) {
  const magnitude = 10 ** Math.floor(Math.log10(Math.abs(value) || 1));
  return magnitude;
}
const niceFloor = (v) => Math.floor(v * 0.95 / step(v)) * step(v);
const niceCeil = (v) => Math.ceil(v * 1.05 / step(v)) * step(v);
