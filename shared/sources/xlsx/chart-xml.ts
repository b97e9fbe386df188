// DrawingML text for a line chart and the drawing that places it: exceljs writes neither, so chart.ts adds them to the
// zip.

export const NS = {
  chart: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  main: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  sheetDrawing: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
} as const;

export interface ChartPart {
  /** line (default) or horizontal bars with the first category at the top. */
  type?: 'line' | 'bar';
  title: string;
  /** `'Sheet'!$A$2:$A$13` and the labels it held when written (the cache shown before recalculation). */
  categories: { ref: string; labels: string[] };
  series: { name: string; ref: string; values: (number | null)[] }[];
  axis?: { numFmt?: string; min?: number; max?: number };
}

/** A chart's place on the sheet: 0-based column and row of the top-left and bottom-right cells. */
export interface AnchorPart {
  from: { col: number; row: number };
  to: { col: number; row: number };
  relId: string;
  name: string;
}

const PALETTE = ['C00000', '4472C4', 'ED7D31', '70AD47', '7030A0', 'FFC000'];
const CAT_AX = 500000001;
const VAL_AX = 500000002;

/**
 * Escapes for element text and double-quoted attributes (apostrophes, common in sheet references, stay as they are).
 */
export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Spreadsheet column letters from a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** An absolute reference to a block of cells, 1-based rows; the sheet name is always quoted (CJK, spaces). */
export function rangeRef(sheet: string, firstRow: number, firstCol: number, lastRow: number, lastCol: number): string {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!$${columnLetter(firstCol)}$${firstRow}:$${columnLetter(lastCol)}$${lastRow}`;
}

function richText(text: string, size: number, bold: boolean): string {
  const b = bold ? ' b="1"' : ' b="0"';
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${b}/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="${size}"${b}/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function strCache(labels: string[]): string {
  const pts = labels.map((l, i) => `<c:pt idx="${i}"><c:v>${xmlEscape(l)}</c:v></c:pt>`).join('');
  return `<c:strCache><c:ptCount val="${labels.length}"/>${pts}</c:strCache>`;
}

function numCache(values: (number | null)[]): string {
  // A missing point is left out of the cache, which is how a blank cell (a gap) is recorded.
  const pts = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function seriesXml(chart: ChartPart, s: ChartPart['series'][number], i: number): string {
  const colour = (chart.type === 'bar' ? '4472C4' : PALETTE[i % PALETTE.length]) ?? '4472C4';
  const look =
    chart.type === 'bar'
      ? `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:dLbls><c:numFmt formatCode="0.0" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
        `<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>` +
        `<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`
      : `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:round/></a:ln></c:spPr>` +
        `<c:marker><c:symbol val="circle"/><c:size val="5"/>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr></c:marker>`;
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xmlEscape(s.name)}</c:v></c:tx>${look}` +
    `<c:cat><c:strRef><c:f>${xmlEscape(chart.categories.ref)}</c:f>${strCache(chart.categories.labels)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${xmlEscape(s.ref)}</c:f>${numCache(s.values)}</c:numRef></c:val>` +
    `${chart.type === 'bar' ? '' : '<c:smooth val="0"/>'}</c:ser>`
  );
}

function axesXml(axis: ChartPart['axis'], bar = false): string {
  const bounds = `${axis?.max === undefined ? '' : `<c:max val="${axis.max}"/>`}${axis?.min === undefined ? '' : `<c:min val="${axis.min}"/>`}`;
  const fmt =
    axis?.numFmt === undefined
      ? '<c:numFmt formatCode="General" sourceLinked="1"/>'
      : `<c:numFmt formatCode="${xmlEscape(axis.numFmt)}" sourceLinked="0"/>`;
  return (
    // Horizontal bars: categories down the left, the first one at the top; values along the bottom.
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${bar ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${bar ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="low"/><c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/>${bounds}</c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${bar ? 'b' : 'l'}"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `${fmt}<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

function plot(chart: ChartPart): string {
  const series = chart.series.map((s, i) => seriesXml(chart, s, i)).join('');
  const axes = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  if (chart.type === 'bar')
    return `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="50"/>${axes}</c:barChart>`;
  return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`;
}

export function chartXml(chart: ChartPart): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.main}" xmlns:r="${NS.rel}">` +
    `<c:roundedCorners val="0"/><c:chart><c:title>${richText(chart.title, 1200, true)}<c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot(chart)}${axesXml(chart.axis, chart.type === 'bar')}</c:plotArea>` +
    // One series of bars needs no legend: the title says what the bars are.
    (chart.type === 'bar' ? '' : `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>`) +
    // The source columns may be hidden: plot them anyway, and leave gaps where a month has no figure.
    `<c:plotVisOnly val="0"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

export function drawingXml(anchors: AnchorPart[]): string {
  const anchor = (a: AnchorPart, i: number): string =>
    `<xdr:twoCellAnchor editAs="oneCell">` +
    `<xdr:from><xdr:col>${a.from.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.from.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${a.to.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.to.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlEscape(a.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.chart}">` +
    `<c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.rel}" r:id="${a.relId}"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
    `<xdr:clientData/></xdr:twoCellAnchor>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS.sheetDrawing}" xmlns:a="${NS.main}">${anchors.map(anchor).join('')}</xdr:wsDr>`
  );
}

export interface Rel {
  id: string;
  type: string;
  target: string;
}

export function relXml(r: Rel): string {
  return `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlEscape(r.target)}"/>`;
}

export function relsXml(rels: Rel[]): string {
  const items = rels.map(relXml).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}
