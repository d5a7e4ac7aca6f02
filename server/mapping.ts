/**
 * The server's side of import mapping files: the header of the export beside a mapping file comes
 * from the client (`caseed/readExportHeader`, contract/importMapping.ts); the server has no file
 * system. Without a client that answers, the mapping is checked against its schema only.
 */
import type { ReadExportHeaderParams, ReadExportHeaderResult } from '../contract/importMapping';

export type ExportHeaderReader = (p: ReadExportHeaderParams) => Promise<ReadExportHeaderResult>;

export class ExportHeaders {
  private reader: ExportHeaderReader | undefined;

  setReader(reader: ExportHeaderReader | undefined): void {
    this.reader = reader;
  }

  /** The columns of the export a mapping file describes, or undefined when unknown. */
  async forMapping(mappingUri: string): Promise<string[] | undefined> {
    if (this.reader === undefined) return undefined;
    try {
      return (await this.reader({ mappingUri }))?.header;
    } catch {
      return undefined;
    }
  }
}

/** One per server process (the server serves one client). */
export const exportHeaders = new ExportHeaders();
