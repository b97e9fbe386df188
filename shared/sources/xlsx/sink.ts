// Local .xlsx adapter of the workbook sink: the summary and one feedback file per branch in an output folder,
// never a rewrite of the branch's own file.
import path from 'node:path';
import type { LayoutWorkbook } from '../../dashboards/layout';
import type { WorkbookSink } from '../port';
import { writeXlsx } from './write';
import { WrittenFiles } from './written';

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a file name must lose
const REFUSED_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001f]+/g;

/** File names keep Chinese letters but lose what a file system or a mail attachment would refuse. */
export function safeFileName(name: string): string {
  return name.replace(REFUSED_IN_FILE_NAMES, '_').replace(/\s+/g, ' ').trim().slice(0, 120);
}

export class XlsxWorkbookSink implements WorkbookSink {
  private readonly written: WrittenFiles;

  /** `feedbackLabel` names the files in the dashboard's language: 'B01-第一党支部-反馈-2026-03.xlsx'. */
  constructor(
    private readonly outDir: string,
    private readonly feedbackLabel = '反馈',
  ) {
    this.written = new WrittenFiles(outDir);
  }

  /** The summary file; not written again when its content key is the one it was last written with. */
  async writeSummary(period: string, layout: () => LayoutWorkbook, contentKey?: string): Promise<string> {
    const file = path.join(this.outDir, `dashboard-${period}.xlsx`);
    await this.write(file, layout, contentKey);
    return file;
  }

  /** The branch's feedback file; null when its content is as last written (nothing written). */
  async writeFeedback(
    org: { id: string; name: string },
    period: string,
    layout: () => LayoutWorkbook,
    contentKey?: string,
  ): Promise<string | null> {
    const file = path.join(
      this.outDir,
      'feedback',
      `${safeFileName(`${org.id}-${org.name}-${this.feedbackLabel}-${period}`)}.xlsx`,
    );
    return (await this.write(file, layout, contentKey)) ? file : null;
  }

  flush(): Promise<void> {
    return this.written.flush();
  }

  private async write(file: string, layout: () => LayoutWorkbook, contentKey?: string): Promise<boolean> {
    if (contentKey !== undefined && (await this.written.unchanged(file, contentKey))) return false;
    await writeXlsx(layout(), file);
    if (contentKey !== undefined) await this.written.record(file, contentKey);
    return true;
  }
}
