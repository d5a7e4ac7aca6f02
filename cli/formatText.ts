/**
 * `--format text`: one line per problem, `file:line:col severity code message` (1-based line and
 * column, as editors and terminals link them), then a summary line.
 */
import type { FileReport } from './report';
import { totals } from './report';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatText(reports: readonly FileReport[], unreadable = 0): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const d of r.diagnostics) {
      const { line, character } = d.range.start;
      lines.push(`${r.file}:${line + 1}:${character + 1} ${d.severity} ${d.code} ${d.message}`);
    }
  }
  const t = totals(reports);
  const problems = t.errors + t.warnings + t.infos;
  const checked = plural(t.files, 'file');
  const notRead = unreadable > 0 ? `; ${plural(unreadable, 'file')} could not be read` : '';
  if (problems === 0) {
    lines.push(`caseed: no problems in ${checked}${notRead}`);
  } else {
    const parts = [plural(t.errors, 'error'), plural(t.warnings, 'warning')];
    if (t.infos > 0) parts.push(plural(t.infos, 'note'));
    lines.push(
      `caseed: ${plural(problems, 'problem')} (${parts.join(', ')}) in ${t.filesWithProblems} of ${checked}${notRead}`,
    );
  }
  return lines.join('\n') + '\n';
}
