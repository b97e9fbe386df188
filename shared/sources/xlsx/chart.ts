// Adds a layout's charts to an .xlsx written by exceljs (which cannot write charts) by editing the zip's parts.
import JSZip from 'jszip';
import {
  cellValue,
  sheetRowNumber,
  type LayoutChart,
  type LayoutRange,
  type LayoutSheet,
  type LayoutWorkbook,
} from '../../dashboards/layout';
import {
  chartXml,
  drawingXml,
  rangeRef,
  relsXml,
  relXml,
  type AnchorPart,
  type ChartPart,
  type Rel,
} from './chart-xml';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
/** Worksheet children that must come after <drawing> (ECMA-376 order); Excel refuses a sheet out of order. */
const AFTER_DRAWING = [
  '<legacyDrawing',
  '<legacyDrawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

function cells(sheet: LayoutSheet, r: LayoutRange): ReturnType<typeof cellValue>[] {
  const out: ReturnType<typeof cellValue>[] = [];
  for (let row = r.firstRow; row <= r.lastRow; row++) {
    for (let col = r.firstCol; col <= r.lastCol; col++) out.push(cellValue(sheet.rows[row]?.[col]));
  }
  return out;
}

function ref(sheet: LayoutSheet, r: LayoutRange): string {
  return rangeRef(
    sheet.name,
    sheetRowNumber(sheet, r.firstRow),
    r.firstCol,
    sheetRowNumber(sheet, r.lastRow),
    r.lastCol,
  );
}

/**
 * The chart with absolute references and the values the layout put there (the cache a viewer shows before
 * recalculating).
 */
export function resolveChart(sheet: LayoutSheet, chart: LayoutChart): ChartPart {
  return {
    type: chart.type,
    title: chart.title,
    categories: {
      ref: ref(sheet, chart.categories),
      labels: cells(sheet, chart.categories).map((v) => (v === null ? '' : String(v))),
    },
    series: chart.series.map((s) => ({
      name: s.name,
      ref: ref(sheet, s.values),
      values: cells(sheet, s.values).map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null)),
    })),
    ...(chart.axis ? { axis: chart.axis } : {}),
  };
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m?.[1] ?? null;
}

async function text(zip: JSZip, name: string): Promise<string> {
  const f = zip.file(name);
  if (f === null) throw new Error(`xlsx part missing: ${name}`);
  return f.async('string');
}

/** Sheet part paths in workbook order, which is the layout's order. */
async function sheetParts(zip: JSZip): Promise<string[]> {
  const workbook = await text(zip, 'xl/workbook.xml');
  const rels = await text(zip, 'xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id !== null && target !== null) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return (workbook.match(/<sheet\b[^>]*>/g) ?? []).map((tag) => targets.get(attr(tag, 'r:id') ?? '') ?? '');
}

function nextFree(zip: JSZip, pattern: (n: number) => string): number {
  let n = 1;
  while (zip.file(pattern(n)) !== null) n++;
  return n;
}

async function linkDrawing(zip: JSZip, sheetPath: string, drawingNo: number): Promise<void> {
  const dir = sheetPath.slice(0, sheetPath.lastIndexOf('/'));
  const relsPath = `${dir}/_rels/${sheetPath.slice(dir.length + 1)}.rels`;
  const existing = zip.file(relsPath) === null ? '' : await text(zip, relsPath);
  const ids = new Set((existing.match(/\bId="[^"]*"/g) ?? []).map((m) => m.slice(4, -1)));
  let n = 1;
  while (ids.has(`rIdChart${n}`)) n++;
  const relId = `rIdChart${n}`;
  const rel = { id: relId, type: `${REL}/drawing`, target: `../drawings/drawing${drawingNo}.xml` };
  zip.file(
    relsPath,
    existing === '' ? relsXml([rel]) : existing.replace('</Relationships>', `${relXml(rel)}</Relationships>`),
  );
  const sheetXml = await text(zip, sheetPath);
  if (sheetXml.includes('<drawing '))
    throw new Error(`${sheetPath} already has a drawing; charts cannot be added to it`);
  const at = Math.min(...AFTER_DRAWING.map((t) => sheetXml.indexOf(t)).filter((i) => i >= 0));
  zip.file(sheetPath, `${sheetXml.slice(0, at)}<drawing r:id="${relId}"/>${sheetXml.slice(at)}`);
}

/** The .xlsx bytes with every sheet's charts: chart parts, one drawing per sheet, rels and content types. */
export async function addCharts(xlsx: Buffer, layout: LayoutWorkbook): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  const overrides: string[] = [];
  for (const [i, sheet] of layout.sheets.entries()) {
    const charts = sheet.charts ?? [];
    const sheetPath = parts[i];
    if (charts.length === 0) continue;
    if (sheetPath === undefined || sheetPath === '') throw new Error(`no sheet part for "${sheet.name}"`);
    const drawingNo = nextFree(zip, (n) => `xl/drawings/drawing${n}.xml`);
    const anchors: AnchorPart[] = [];
    const drawingRels: Rel[] = [];
    for (const [k, chart] of charts.entries()) {
      const chartNo = nextFree(zip, (n) => `xl/charts/chart${n}.xml`);
      zip.file(`xl/charts/chart${chartNo}.xml`, chartXml(resolveChart(sheet, chart)));
      overrides.push(`<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="${CT_CHART}"/>`);
      const relId = `rId${k + 1}`;
      drawingRels.push({ id: relId, type: `${REL}/chart`, target: `../charts/chart${chartNo}.xml` });
      // Anchors are in layout rows; the drawing counts sheet rows from 0.
      const top = sheetRowNumber(sheet, chart.anchor.row) - 1;
      anchors.push({
        from: { col: chart.anchor.col, row: top },
        to: { col: chart.anchor.col + chart.anchor.cols, row: top + chart.anchor.rows },
        relId,
        name: `Chart ${k + 1}`,
      });
    }
    zip.file(`xl/drawings/drawing${drawingNo}.xml`, drawingXml(anchors));
    zip.file(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, relsXml(drawingRels));
    overrides.push(`<Override PartName="/xl/drawings/drawing${drawingNo}.xml" ContentType="${CT_DRAWING}"/>`);
    await linkDrawing(zip, sheetPath, drawingNo);
  }
  const types = await text(zip, '[Content_Types].xml');
  zip.file('[Content_Types].xml', types.replace('</Types>', `${overrides.join('')}</Types>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
