// A layout's line charts as Google Sheets addChart requests, anchored and ranged where the layout's rows landed (pure).
import type { sheets_v4 } from '@googleapis/sheets';
import type { LayoutChart, LayoutSheet } from '../../../dashboards/layout';
import { columnPixels, gridRange, rowPixels, sheetRow } from './geometry';

/** The ids this write gives the sheet's charts: base, base + 1, … in layout order. */
export function chartIds(sheet: LayoutSheet, chartIdBase: number): number[] {
  return (sheet.charts ?? []).map((_, i) => chartIdBase + i);
}

/** The value axis: left for lines, bottom for horizontal bars. */
function valuePosition(chart: LayoutChart): string {
  return chart.type === 'bar' ? 'BOTTOM_AXIS' : 'LEFT_AXIS';
}

function valueAxis(chart: LayoutChart): sheets_v4.Schema$BasicChartAxis[] {
  const axis = chart.axis;
  // The Sheets API has no axis number format: the axis labels follow the format of the series' cells.
  if (axis?.min === undefined && axis?.max === undefined) return [];
  return [
    {
      position: valuePosition(chart),
      viewWindowOptions: {
        viewWindowMode: 'EXPLICIT',
        ...(axis.min === undefined ? {} : { viewWindowMin: axis.min }),
        ...(axis.max === undefined ? {} : { viewWindowMax: axis.max }),
      },
    },
  ];
}

export function chartSpec(sheet: LayoutSheet, sheetId: number, chart: LayoutChart): sheets_v4.Schema$ChartSpec {
  const axis = valueAxis(chart);
  return {
    title: chart.title,
    // Chart data may sit in hidden columns (kept out of sight but still charted).
    hiddenDimensionStrategy: 'SHOW_ALL',
    basicChart: {
      chartType: chart.type === 'bar' ? 'BAR' : 'LINE',
      legendPosition: chart.type === 'bar' ? 'NO_LEGEND' : 'BOTTOM_LEGEND',
      // Ranges hold values only; series names cannot be given to the API, so no header row is taken from the data.
      headerCount: 0,
      ...(axis.length > 0 ? { axis } : {}),
      domains: [{ domain: { sourceRange: { sources: [gridRange(sheet, sheetId, chart.categories)] } } }],
      series: chart.series.map((s) => ({
        series: { sourceRange: { sources: [gridRange(sheet, sheetId, s.values)] } },
        targetAxis: valuePosition(chart),
      })),
    },
  };
}

function sum(from: number, count: number, size: (i: number) => number): number {
  let total = 0;
  for (let i = from; i < from + count; i++) total += size(i);
  return total;
}

export function chartPosition(
  sheet: LayoutSheet,
  sheetId: number,
  chart: LayoutChart,
): sheets_v4.Schema$EmbeddedObjectPosition {
  const row = sheetRow(sheet, chart.anchor.row);
  const { col, rows, cols } = chart.anchor;
  return {
    overlayPosition: {
      anchorCell: { sheetId, rowIndex: row, columnIndex: col },
      widthPixels: sum(col, cols, (i) => columnPixels(sheet, i)),
      heightPixels: sum(row, rows, (i) => rowPixels(sheet, i)),
    },
  };
}

export function addChartRequests(sheet: LayoutSheet, sheetId: number, chartIdBase: number): sheets_v4.Schema$Request[] {
  return (sheet.charts ?? []).map((chart, i) => ({
    addChart: {
      chart: {
        chartId: chartIdBase + i,
        spec: chartSpec(sheet, sheetId, chart),
        position: chartPosition(sheet, sheetId, chart),
      },
    },
  }));
}
