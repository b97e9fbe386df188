// The structural check the render command runs: what would make Excel offer to repair a workbook.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { summaryWorkbook } from '../../../shared/dashboards/summary';
import { branchTemplate, configTemplate } from '../../../shared/dashboards/templates';
import { xlsxProblems, xmlNestingError } from '../../../shared/sources/xlsx/check';
import { xlsxBuffer } from '../../../shared/sources/xlsx/write';
import { results, ROSTER, trend } from '../dashboards/fixture';

async function edited(bytes: Buffer, part: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(part, edit((await zip.file(part)?.async('string')) ?? ''));
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('the .xlsx structural check', () => {
  it('finds nothing wrong in a dashboard with charts and colour scales, or in the templates', async () => {
    const dashboard = await xlsxBuffer(
      summaryWorkbook({ results: results(), trend: trend(), orgs: ROSTER, lang: 'zh' }),
    );
    expect(await xlsxProblems(dashboard)).toEqual([]);
    expect(await xlsxProblems(await xlsxBuffer(configTemplate()))).toEqual([]);
    expect(await xlsxProblems(await xlsxBuffer(branchTemplate()))).toEqual([]);
  });

  it('reports XML that does not nest, a part with no content type, a relationship to a missing part', async () => {
    const good = await xlsxBuffer(summaryWorkbook({ results: results(), trend: trend(), orgs: ROSTER, lang: 'zh' }));
    const broken = await edited(good, 'xl/charts/chart1.xml', (x) => x.replace('</c:title>', ''));
    expect((await xlsxProblems(broken)).join('\n')).toMatch(/xl\/charts\/chart1\.xml: .*c:title|never closed/);
    const zip = await JSZip.loadAsync(good);
    zip.file('xl/media/stray.bin', 'x');
    zip.remove('xl/charts/chart2.xml');
    const problems = await xlsxProblems(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(problems).toContain('xl/media/stray.bin: no content type declared');
    expect(problems.some((p) => p.includes('points at missing xl/charts/chart2.xml'))).toBe(true);
    expect(await xlsxProblems(Buffer.from('not a zip'))).toHaveLength(1);
  });

  it('checks nesting, ignoring comments, declarations and self-closing tags', () => {
    expect(xmlNestingError('<?xml version="1.0"?><a><!-- <b> --><c/><d x="1">t</d></a>')).toBeNull();
    expect(xmlNestingError('<a><b></a></b>')).toMatch(/closes/);
    expect(xmlNestingError('<a><b>')).toMatch(/never closed/);
  });
});
