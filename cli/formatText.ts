/**
 * `--format text`: one line per problem, `file:line:col severity code message` (1-based line and
 * column, as editors and terminals link them), then a summary line. Lines are written as problems
 * are found; only the counts are kept.
 */
import { countSeverities } from '../core/diagnostics';
import type { ReportedDiagnostic, ReportOutput } from './report';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One problem as `file:line:col severity code message` (no newline). */
export function problemLine(file: string, d: ReportedDiagnostic): string {
  const { line, character } = d.range.start;
  return `${file}:${line + 1}:${character + 1} ${d.severity} ${d.code} ${d.message}`;
}

export function textOutput(write: (text: string) => void): ReportOutput {
  const t = { files: 0, filesWithProblems: 0, errors: 0, warnings: 0, infos: 0 };
  let file = '';
  let counted = false;
  return {
    file(name) {
      file = name;
      counted = false;
      t.files++;
    },
    problem(d) {
      if (!counted) {
        t.filesWithProblems++;
        counted = true;
      }
      countSeverities([d], t);
      write(`${problemLine(file, d)}\n`);
    },
    end(unreadable) {
      const problems = t.errors + t.warnings + t.infos;
      const checked = plural(t.files, 'file');
      const notRead = unreadable > 0 ? `; ${plural(unreadable, 'file')} could not be read` : '';
      if (problems === 0) {
        write(`caseed: no problems in ${checked}${notRead}\n`);
        return;
      }
      const parts = [plural(t.errors, 'error'), plural(t.warnings, 'warning')];
      if (t.infos > 0) parts.push(plural(t.infos, 'note'));
      write(
        `caseed: ${plural(problems, 'problem')} (${parts.join(', ')}) in ${t.filesWithProblems} of ${checked}${notRead}\n`,
      );
    },
  };
}
