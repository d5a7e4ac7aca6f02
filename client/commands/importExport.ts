/**
 * `caseed: Import Export…`: a warehouse export (CSV, NDJSON, Parquet) → bulk seed files, through
 * the mapping file beside it (`orders.csv` → `orders.caseed-map.json`; when there is none, a
 * skeleton is written from the export's header and opened to fill in). Runs the engine of
 * `caseed import` with a cancellable progress notification, then says the accounting — rows read
 * = users written + rows rejected — and opens the rejects file when there is one. Desktop only:
 * it reads and writes files in place (in the browser, `caseed import` does it).
 */
import * as vscode from 'vscode';
import type { Ctx } from '../context';
import type { ImportOutcome } from '../platform';
import { refusedUntrusted } from '../trust';

/** What the command resolves to (tests read it). */
export type ImportCommandResult =
  | {
      ok: true;
      rows: number;
      written: number;
      rejected: number;
      files: string[];
      rejectsPath?: string;
    }
  | { ok: false; reason: string };

interface ImportArgs {
  exportUri?: vscode.Uri;
  outDir?: vscode.Uri;
}

function argsOf(arg: unknown): ImportArgs {
  if (arg instanceof vscode.Uri) return { exportUri: arg };
  if (arg === null || typeof arg !== 'object') return {};
  const a = arg as Record<string, unknown>;
  return {
    exportUri: a.exportUri instanceof vscode.Uri ? a.exportUri : undefined,
    outDir: a.outDir instanceof vscode.Uri ? a.outDir : undefined,
  };
}

export function importExport(ctx: Ctx) {
  return async (arg?: unknown): Promise<ImportCommandResult> => {
    const imports = ctx.platform.import;
    if (imports === undefined) {
      const reason =
        'Importing an export reads and writes files in place: run it in desktop VS Code, or with `caseed import` on the command line.';
      void vscode.window.showWarningMessage(reason);
      return { ok: false, reason };
    }
    const untrusted = refusedUntrusted('Importing an export');
    if (untrusted !== undefined) return { ok: false, reason: untrusted };
    const args = argsOf(arg);
    let exportUri = args.exportUri;
    if (exportUri === undefined) {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: 'Import',
        title: 'caseed: the export to import (one row per user)',
        filters: {
          'Exports (CSV, NDJSON, Parquet)': ['csv', 'gz', 'tsv', 'ndjson', 'jsonl', 'parquet'],
        },
      });
      exportUri = picked?.[0];
    }
    if (exportUri === undefined) return { ok: false, reason: 'cancelled' };
    const exportPath = exportUri.fsPath;
    const mappingPath = imports.mappingBeside(exportPath);
    try {
      await vscode.workspace.fs.stat(vscode.Uri.file(mappingPath));
    } catch {
      const written = await imports.writeSkeleton(exportPath);
      await vscode.window.showTextDocument(vscode.Uri.file(written));
      const reason = `No mapping for this export yet: ${vscode.workspace.asRelativePath(written)} was written from its header. Fill in each calculated attribute (completion offers the export's columns and your definitions), then run Import Export again.`;
      void vscode.window.showInformationMessage(reason);
      return { ok: false, reason };
    }
    const outDir =
      args.outDir?.fsPath ??
      vscode.Uri.joinPath(
        exportUri,
        '..',
        `${exportUri.path.split('/').pop()?.replace(/\..*$/, '')}-seeds`,
      ).fsPath;
    const outcome = await vscode.window.withProgress<ImportOutcome>(
      {
        location: vscode.ProgressLocation.Notification,
        title: `caseed: importing ${vscode.workspace.asRelativePath(exportUri)}`,
        cancellable: true,
      },
      (progress, token) => {
        let reported = 0;
        return imports.importExport({
          exportPath,
          mappingPath,
          outDir,
          perFile: 10000,
          cancelled: () => token.isCancellationRequested,
          onProgress: (rows, fraction) => {
            const pct = Math.min(100, Math.round(fraction * 100));
            progress.report({
              message: `${rows.toLocaleString('en-US')} rows`,
              increment: pct - reported,
            });
            reported = pct;
          },
        });
      },
    );
    if (outcome.kind !== 'done') {
      ctx.log(`import: ${outcome.message}`);
      if (outcome.kind === 'mapping')
        await vscode.window.showTextDocument(vscode.Uri.file(mappingPath));
      void vscode.window.showErrorMessage(outcome.message);
      return { ok: false, reason: outcome.message };
    }
    const s = outcome.summary;
    for (const n of outcome.notes) ctx.log(`import: ${n}`);
    const accounting = `${s.rows.toLocaleString('en-US')} rows read = ${s.written.toLocaleString('en-US')} users written + ${s.rejected.toLocaleString('en-US')} rejected${s.cancelled ? ' (cancelled)' : ''}`;
    ctx.log(`import: ${exportPath} → ${outDir}: ${accounting}`);
    const reasons = Object.entries(s.rejectsByReason)
      .map(([r, n]) => `${r} ${n}`)
      .join(', ');
    if (s.rejectsPath !== undefined) {
      const rejectsPath = s.rejectsPath;
      void vscode.window
        .showWarningMessage(`caseed: ${accounting} (${reasons}).`, 'Open Rejects')
        .then(async (choice) => {
          if (choice === 'Open Rejects')
            await vscode.window.showTextDocument(vscode.Uri.file(rejectsPath));
        });
    } else void vscode.window.showInformationMessage(`caseed: ${accounting}.`);
    return {
      ok: true,
      rows: s.rows,
      written: s.written,
      rejected: s.rejected,
      files: s.files,
      rejectsPath: s.rejectsPath,
    };
  };
}
