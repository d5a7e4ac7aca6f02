/** `caseed validate`: exit codes, the exact JSON shape, text and SARIF output, dirs and globs. */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureBuilt } from '../server/build';
import { caseed, FIXTURES, oneLine, tempTree } from './run';

const single = readFileSync(join(FIXTURES, 'single.caseed.json'), 'utf8');
const bulk = readFileSync(join(FIXTURES, 'bulk.caseed.json'), 'utf8');
const broken = readFileSync(join(FIXTURES, 'broken.caseed.json'), 'utf8');

describe('caseed validate', () => {
  let dir: string;

  before(() => {
    ensureBuilt();
    dir = tempTree({
      'good.caseed.json': single,
      'bad.caseed.json': broken,
      'seeds/bulk.caseed.json': bulk,
      'seeds/deeper/one.caseed.json': single,
      'seeds/notes.json': '{ not a seed file, not checked in a directory }',
      'seeds/node_modules/dep.caseed.json': broken,
      'seeds/.hidden/x.caseed.json': broken,
      'empty-dir/readme.txt': 'nothing here',
      'latin1.caseed.json': Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]),
      'binary.caseed.json': Buffer.from([0x7b, 0x00, 0x7d]),
    });
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 for a valid file: mpid 7346244611012968789 validates clean', () => {
    const r = caseed(['validate', '--format', 'json', 'good.caseed.json'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '{"files":[{"file":"good.caseed.json","diagnostics":[]}]}\n');
    assert.equal(r.stderr, '');
  });

  it('exits 1 when a file has an error, with exactly the documented JSON shape', () => {
    const r = caseed(['validate', '--format', 'json', 'bad.caseed.json', 'good.caseed.json'], dir);
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { files: Array<{ file: string; diagnostics: unknown[] }> };
    assert.deepEqual(Object.keys(out), ['files']);
    assert.deepEqual(
      out.files.map((f) => f.file),
      ['bad.caseed.json', 'good.caseed.json'],
    );
    for (const f of out.files) {
      assert.deepEqual(Object.keys(f), ['file', 'diagnostics']);
      for (const d of f.diagnostics as Array<Record<string, unknown>>) {
        assert.deepEqual(Object.keys(d), ['severity', 'code', 'message', 'range']);
        assert.match(d.severity as string, /^(error|warning|information|hint)$/);
        assert.equal(typeof d.code, 'string');
        assert.equal(typeof d.message, 'string');
        const range = d.range as Record<string, Record<string, unknown>>;
        assert.deepEqual(Object.keys(range), ['start', 'end']);
        for (const p of [range.start, range.end]) {
          assert.deepEqual(Object.keys(p), ['line', 'character']);
          assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character));
        }
      }
    }
    const trailing = (out.files[0].diagnostics as Array<Record<string, unknown>>).find(
      (d) => d.code === 'trailing-comma',
    );
    assert.deepEqual(trailing?.range, {
      start: { line: 7, character: 33 },
      end: { line: 7, character: 34 },
    });
    assert.equal(trailing?.severity, 'error');
  });

  it('prints file:line:col severity code message (1-based) and a summary in text format', () => {
    const r = caseed(['validate', 'bad.caseed.json'], dir);
    assert.equal(r.status, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(
      lines.some((l) => l.startsWith('bad.caseed.json:8:34 error trailing-comma ')),
      r.stdout,
    );
    assert.match(
      lines[lines.length - 1],
      /^caseed: \d+ problems? \(\d+ errors?, \d+ warnings?.*\) in 1 of 1 file$/,
    );
  });

  it('says so when there is nothing wrong', () => {
    const r = caseed(['validate', 'good.caseed.json', 'seeds/bulk.caseed.json'], dir);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, 'caseed: no problems in 2 files\n');
  });

  it('checks every *.caseed.json below a directory, skipping node_modules and hidden folders', () => {
    const r = caseed(['validate', '--format=json', 'seeds'], dir);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { files: Array<{ file: string }> };
    assert.deepEqual(
      out.files.map((f) => f.file),
      [join('seeds', 'bulk.caseed.json'), join('seeds', 'deeper', 'one.caseed.json')],
    );
  });

  it('keeps the directory as the user wrote it (trailing slash, ./)', () => {
    const a = JSON.parse(caseed(['validate', '-f', 'json', 'seeds/'], dir).stdout) as {
      files: Array<{ file: string }>;
    };
    assert.equal(a.files[0].file, 'seeds/bulk.caseed.json');
    const b = JSON.parse(caseed(['validate', '-f', 'json', './seeds'], dir).stdout) as {
      files: Array<{ file: string }>;
    };
    assert.equal(b.files[0].file, './seeds/bulk.caseed.json');
  });

  it('expands quoted globs itself: *, ** and {a,b}', () => {
    const files = (args: string[]): string[] => {
      const r = caseed(['validate', '--format', 'json', ...args], dir);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      return (JSON.parse(r.stdout) as { files: Array<{ file: string }> }).files.map((f) => f.file);
    };
    assert.deepEqual(files(['seeds/*.caseed.json']), ['seeds/bulk.caseed.json']);
    assert.deepEqual(files(['seeds/**/*.caseed.json']), [
      'seeds/bulk.caseed.json',
      'seeds/deeper/one.caseed.json',
    ]);
    assert.deepEqual(files(['{good,bad}.caseed.json']), ['bad.caseed.json', 'good.caseed.json']);
    assert.deepEqual(files(['g??d.caseed.json', 'good.caseed.json']), ['good.caseed.json']);
  });

  it('writes SARIF 2.1.0', () => {
    const r = caseed(['validate', '--format', 'sarif', 'bad.caseed.json'], dir);
    assert.equal(r.status, 1);
    const log = JSON.parse(r.stdout) as {
      version: string;
      runs: Array<{
        tool: { driver: { name: string; rules: Array<{ id: string }> } };
        results: Array<{
          ruleId: string;
          level: string;
          locations: Array<{
            physicalLocation: {
              artifactLocation: { uri: string };
              region: { startLine: number; startColumn: number };
            };
          }>;
        }>;
      }>;
    };
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'caseed');
    const result = run.results.find((x) => x.ruleId === 'trailing-comma');
    assert.ok(result);
    assert.equal(result.level, 'error');
    assert.ok(run.tool.driver.rules.some((rule) => rule.id === 'trailing-comma'));
    const loc = result.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, 'bad.caseed.json');
    assert.deepEqual([loc.region.startLine, loc.region.startColumn], [8, 34]);
  });

  it('exits 2 with one line for a missing file, and still reports the others', () => {
    const r = caseed(
      ['validate', '--format', 'json', 'missing.caseed.json', 'good.caseed.json'],
      dir,
    );
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'caseed: cannot read missing.caseed.json: no such file or directory\n');
    assert.equal(r.stdout, '{"files":[{"file":"good.caseed.json","diagnostics":[]}]}\n');
  });

  it('exits 2 for a file that is not UTF-8 text, or binary', () => {
    const a = caseed(['validate', 'latin1.caseed.json'], dir);
    assert.equal(a.status, 2);
    assert.equal(a.stderr, 'caseed: cannot read latin1.caseed.json: not UTF-8 text\n');
    const b = caseed(['validate', 'binary.caseed.json'], dir);
    assert.equal(b.status, 2);
    assert.ok(oneLine(b.stderr), b.stderr);
  });

  it('exits 2 for a directory without seed files and a glob that matches nothing', () => {
    const a = caseed(['validate', 'empty-dir'], dir);
    assert.equal(a.status, 2);
    assert.equal(a.stderr, 'caseed: no *.caseed.json files in empty-dir\n');
    const b = caseed(['validate', 'nowhere/**/*.caseed.json'], dir);
    assert.equal(b.status, 2);
    assert.ok(oneLine(b.stderr), b.stderr);
  });

  it('exits 2 for a glob no regular expression can hold, without an internal error', () => {
    const r = caseed(['validate', '[z-a].caseed.json'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'caseed: invalid pattern [z-a].caseed.json\n');
  });

  it('exits 2 on bad usage, with one line and no stack trace', () => {
    for (const args of [
      ['validate'],
      ['validate', '--bogus', 'good.caseed.json'],
      ['validate', '--format', 'xml', 'good.caseed.json'],
      ['validate', '--format'],
      ['validate', '--format', 'json', '--format', 'text', 'good.caseed.json'],
      ['frobnicate'],
      ['--nope'],
      ['lsp'],
      ['lsp', '--stdio', 'extra'],
    ]) {
      const r = caseed(args, dir);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.ok(oneLine(r.stderr), `${args.join(' ')}: ${JSON.stringify(r.stderr)}`);
      assert.equal(r.stdout, '', args.join(' '));
    }
  });

  it('prints usage with no arguments (exit 2) and with --help (exit 0), and its version', () => {
    const none = caseed([], dir);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /Usage:/);
    const help = caseed(['--help'], dir);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /caseed validate \[--format text\|json\|sarif\]/);
    const vhelp = caseed(['validate', '--help'], dir);
    assert.equal(vhelp.status, 0);
    assert.match(vhelp.stdout, /Exit codes/);
    const version = caseed(['--version'], dir);
    assert.equal(version.status, 0);
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    assert.equal(version.stdout, `${pkg.version}\n`);
  });
});
