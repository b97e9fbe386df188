// In-memory adapter of the workbook-source port: workbooks held as data (benchmarks, tests of the pipeline itself).
import { WorkbookUnavailableError, type RawWorkbook, type WorkbookMeta, type WorkbookSource } from './port';

export class MemoryWorkbookSource implements WorkbookSource {
  private readonly books = new Map<string, RawWorkbook>();
  reads = 0;

  constructor(workbooks: readonly RawWorkbook[]) {
    for (const wb of workbooks) this.books.set(wb.id, wb);
  }

  /** Replaces a workbook, as an edit would; its modified time must change for a run to notice. */
  put(wb: RawWorkbook): void {
    this.books.set(wb.id, wb);
  }

  private get(id: string): RawWorkbook {
    const wb = this.books.get(id.trim());
    if (wb === undefined)
      throw new WorkbookUnavailableError(id, '找不到该表格', 'workbook not found', 'workbook.not_found');
    return wb;
  }

  async describe(id: string): Promise<WorkbookMeta> {
    const wb = this.get(id);
    return { id, title: wb.title, modifiedAt: wb.modifiedAt };
  }

  async read(id: string): Promise<RawWorkbook> {
    this.reads++;
    return this.get(id);
  }
}
