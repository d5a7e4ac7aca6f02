/**
 * `--format sarif`: a SARIF 2.1.0 log (GitHub code scanning and other CI viewers read it). One run,
 * the tool's rules from the core's code table, one result per diagnostic with a 1-based region.
 */
import { CODES, codeHref } from '../core/codes';
import type { Code } from '../core/codes';
import type { Severity } from '../core/diagnostics';
import type { FileReport } from './report';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function level(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** A relative or absolute file path as a SARIF artifact URI (forward slashes, percent-encoded). */
export function artifactUri(file: string): string {
  const slashed = file.replace(/\\/g, '/');
  const encoded = slashed
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${encoded.replace('%3A', ':')}`;
  return slashed.startsWith('/') ? `file://${encoded}` : encoded;
}

export function formatSarif(reports: readonly FileReport[], version: string): string {
  const used = new Set<string>();
  for (const r of reports) for (const d of r.diagnostics) used.add(d.code);
  const codes = (Object.keys(CODES) as Code[]).filter((c) => used.has(c));
  const ruleIndex = new Map(codes.map((c, i) => [c as string, i]));
  const rules = codes.map((code) => ({
    id: code,
    shortDescription: { text: CODES[code].summary },
    helpUri: codeHref(code),
    defaultConfiguration: { level: level(CODES[code].severity) },
  }));
  const results = reports.flatMap((r) =>
    r.diagnostics.map((d) => ({
      ruleId: d.code,
      ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
      level: level(d.severity),
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(r.file) },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'caseed',
            version,
            informationUri: 'https://github.com/caseed/caseed',
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
