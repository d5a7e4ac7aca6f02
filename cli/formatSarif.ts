/**
 * `--format sarif`: a SARIF 2.1.0 log (GitHub code scanning and other CI viewers read it). One run,
 * the tool's rules from the core's code table, one result per diagnostic with a 1-based region.
 * The log lists only the rules used, before the results, so the caller gives the codes used (a
 * first pass); results are then written one at a time, in the same layout as
 * `JSON.stringify(log, null, 2)`.
 */
import { CODES, codeHref } from '../core/codes';
import type { Code } from '../core/codes';
import type { Severity } from '../core/diagnostics';
import type { ReportedDiagnostic, ReportOutput } from './report';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Results sit at this depth of the log (root › runs › run › results). */
const RESULT_INDENT = ' '.repeat(8);

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

export function sarifOutput(
  write: (text: string) => void,
  version: string,
  used: ReadonlySet<string>,
): ReportOutput {
  const codes = (Object.keys(CODES) as Code[]).filter((c) => used.has(c));
  const ruleIndex = new Map(codes.map((c, i) => [c as string, i]));
  const rules = codes.map((code) => ({
    id: code,
    shortDescription: { text: CODES[code].summary },
    helpUri: codeHref(code),
    defaultConfiguration: { level: level(CODES[code].severity) },
  }));
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
        results: [],
      },
    ],
  };
  const whole = JSON.stringify(log, null, 2);
  const at = whole.lastIndexOf('[]');
  const head = whole.slice(0, at);
  const tail = whole.slice(at + 2);
  let uri = '';
  let results = 0;
  return {
    file(name) {
      uri = artifactUri(name);
    },
    problem(d: ReportedDiagnostic) {
      const result = {
        ruleId: d.code,
        ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
        level: level(d.severity),
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              region: {
                startLine: d.range.start.line + 1,
                startColumn: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
              },
            },
          },
        ],
      };
      const text = JSON.stringify(result, null, 2).replace(/\n/g, `\n${RESULT_INDENT}`);
      write(`${results === 0 ? `${head}[\n` : ',\n'}${RESULT_INDENT}${text}`);
      results++;
    },
    end() {
      write(results === 0 ? `${head}[]${tail}\n` : `\n${RESULT_INDENT.slice(2)}]${tail}\n`);
    },
  };
}
