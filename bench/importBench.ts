/**
 * `npm run bench:import`: how fast `caseed import` turns a CSV export into a seed file, as a ratio
 * to a floor measured in the same run — csv-parse alone reading the same file (these machines are
 * shared and noisy, so only same-run ratios mean anything) — and the peak RSS of the import process.
 * Targets (issue 10): import throughput ≥ 1/3 of csv-parse alone; peak RSS < 200 MB whatever the size.
 *
 * Each measurement is a fresh process (`node dist/cli.js import …` as a user runs it, and a child of
 * this script that only parses); they alternate (csv-parse, import, csv-parse, import, …) so that
 * noise hits both alike. Peak RSS is the process's own maxRSS (worker threads included). Then the
 * seed file the import wrote is sent to `caseed emulator --counting` (bench/send.ts: users/s, the
 * sender's peak RSS, every user accepted once): export → import → send, end to end.
 *
 * Usage: node dist/benchImport.js [--rows 1000000] [--runs 2] [--workers N] [--keep] [--no-send]
 *                                 [--ab OTHER/bin/caseed.js] [--validate-all]
 * (`--no-send`: the import only, for quick iterations. `--ab`: each round also runs another build's
 * import on the same file — e.g. the last release — and reports this one's speed as a ratio to it,
 * measured in the same rounds. `--validate-all`: the import validates every user in full.)
 */
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  openSync,
  writeSync,
  closeSync,
  readSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const MAPPING = {
  environment: { column: 'environment' },
  mpid: 'mpid',
  identities: ['user_identities.customerid'],
  calculated_attributes: [
    {
      name: 'Purchase count',
      calculation_type: 'count',
      cutoff_date: '2019-12-01',
      column: 'purchases',
    },
    {
      name: 'Average order',
      calculation_type: 'average',
      cutoff_date: '2019-12-01',
      sum_column: 'ltv_sum',
      count_column: 'ltv_count',
    },
    {
      name: 'Interests',
      calculation_type: 'unique_list',
      cutoff_date: '2019-12-01',
      column: 'interests',
      list: 'delimited',
    },
    {
      name: 'Favorite',
      calculation_type: 'most_frequent',
      cutoff_date: '2019-12-01',
      column: 'favorites',
    },
    {
      name: 'Last seen',
      calculation_type: 'last_occurrence_timestamp',
      cutoff_date: '2019-12-01',
      column: 'last_seen',
      timestamp: 'epoch_s',
    },
  ],
  user_attributes: [{ name: 'Tier', column: 'tier' }],
};

/** A warehouse-like export: 64-bit mpids, a CSV-import identity column, five seeds, one attribute. */
function generate(path: string, rows: number): void {
  const fd = openSync(path, 'w');
  writeSync(
    fd,
    'mpid,environment,user_identities.customerid,purchases,ltv_sum,ltv_count,interests,favorites,last_seen,tier\n',
  );
  let buf = '';
  const base = 7346244611012968789n;
  for (let i = 0; i < rows; i++) {
    // One row in 10,000 is broken (an mpid that is not a number): the rejects path is measured too.
    const mpid = i % 10000 === 9999 ? `x${i}` : (base - BigInt(i)).toString();
    buf += `${mpid},development,cust-${i},${i % 50},${(i % 1000) / 4},${1 + (i % 7)},travel|pets|kitchen,"{""steak"":${i % 9},""fish"":2}",${1582589378 + i},${i % 3 === 0 ? 'gold' : 'free'}\n`;
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = '';
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
}

/** Child mode: csv-parse alone over the file, the way the import reads it; prints rows and maxRSS. */
function csvParseAlone(file: string): void {
  let rows = 0;
  const parser = createReadStream(file, { highWaterMark: 1 << 20 }).pipe(
    parse({ bom: true, relax_column_count: true }),
  );
  parser.on('data', () => rows++);
  parser.on('end', () => process.stdout.write(`${rows - 1}\n`));
}

interface Sample {
  seconds: number;
  rssMb: number;
  ok: boolean;
  detail: string;
}

function timed(args: string[], rssFile: string): Sample {
  const start = performance.now();
  // Through NODE_OPTIONS, so that a process the command starts reports its peak too.
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, NODE_OPTIONS: `--require ${rssFile}` },
  });
  const seconds = (performance.now() - start) / 1000;
  const peaks = [...r.stderr.matchAll(/caseed-bench-maxrss (\d+)/g)].map((m) => Number(m[1]));
  return {
    seconds,
    rssMb: peaks.length === 0 ? NaN : Math.max(...peaks) / 1024,
    ok: r.status === 0 || r.status === 1,
    detail: `${r.stdout.trim().split('\n').slice(-3).join(' | ')} ${r.stderr.replace(/caseed-bench-maxrss \d+\n?/g, '').trim()}`,
  };
}

/** The number of lines of a file (its users, for an NDJSON seed file), read in chunks. */
function countLines(path: string): number {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(1 << 20);
  let lines = 0;
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf))
      for (let i = buf.indexOf(10); i >= 0 && i < n; i = buf.indexOf(10, i + 1)) lines++;
  } finally {
    closeSync(fd);
  }
  return lines;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function main(): void {
  if (process.argv[2] === '--child-csv') return csvParseAlone(process.argv[3]);
  const rows = Number(arg('--rows') ?? '1000000');
  const runs = Number(arg('--runs') ?? '2');
  const workers = arg('--workers');
  const dir = mkdtempSync(join(tmpdir(), 'caseed-bench-import-'));
  try {
    const csv = join(dir, 'export.csv');
    const map = join(dir, 'bench.caseed-map.json');
    const rssFile = join(dir, 'rss.js');
    writeFileSync(map, JSON.stringify(MAPPING));
    writeFileSync(
      rssFile,
      "process.on('exit', () => require('fs').writeSync(2, 'caseed-bench-maxrss ' + process.resourceUsage().maxRSS + '\\n'));\n",
    );
    const genStart = performance.now();
    generate(csv, rows);
    const mb = statSync(csv).size / 1e6;
    console.log(
      `export: ${rows.toLocaleString('en-US')} rows, ${mb.toFixed(0)} MB (generated in ${((performance.now() - genStart) / 1000).toFixed(1)} s)`,
    );
    const cli = resolve(__dirname, '..', 'bin', 'caseed.js');
    const importArgs = [
      cli,
      'import',
      csv,
      '--map',
      map,
      '--out',
      join(dir, 'out.caseed.ndjson'),
      '--no-definitions',
    ];
    if (workers !== undefined) importArgs.push('--workers', workers);
    if (process.argv.includes('--validate-all')) importArgs.push('--validate-all');
    const other = arg('--ab');
    const otherArgs = other === undefined ? undefined : [resolve(other), ...importArgs.slice(1)];
    if (otherArgs !== undefined) otherArgs[6] = join(dir, 'other.caseed.ndjson');
    const base: Sample[] = [];
    const imp: Sample[] = [];
    const ab: number[] = [];
    for (let r = 0; r < runs; r++) {
      base.push(timed([__filename, '--child-csv', csv], rssFile));
      imp.push(timed(importArgs, rssFile));
      const b = base[base.length - 1];
      const i = imp[imp.length - 1];
      if (!i.ok) throw new Error(`import failed: ${i.detail}`);
      const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
      let vs = '';
      if (otherArgs !== undefined) {
        const x = timed(otherArgs, rssFile);
        if (!x.ok) throw new Error(`the other import failed: ${x.detail}`);
        ab.push(x.seconds / i.seconds);
        vs = ` · other build ${(rows / x.seconds).toFixed(0)} rows/s (${x.seconds.toFixed(1)} s, ${x.rssMb.toFixed(0)} MB, ratio ${(b.seconds / x.seconds).toFixed(2)}) · this ÷ other ${(x.seconds / i.seconds).toFixed(2)}×`;
      }
      console.log(
        `run ${r + 1} (load ${load}): csv-parse alone ${(rows / b.seconds).toFixed(0)} rows/s (${b.seconds.toFixed(1)} s, ${b.rssMb.toFixed(0)} MB) · import ${(rows / i.seconds).toFixed(0)} rows/s (${i.seconds.toFixed(1)} s, peak RSS ${i.rssMb.toFixed(0)} MB) · ratio ${(b.seconds / i.seconds).toFixed(2)}${vs}`,
      );
    }
    console.log(`import summary: ${imp[imp.length - 1].detail}`);
    const ratios = base.map((b, k) => b.seconds / imp[k].seconds);
    const ratio = median(ratios);
    const rss = Math.max(...imp.map((s) => s.rssMb));
    console.log(
      `\nimport throughput ÷ csv-parse alone: ${ratio.toFixed(2)} (median of ${runs}; target ≥ 0.33) ${ratio >= 1 / 3 ? 'OK' : 'BELOW TARGET'}`,
    );
    console.log(
      `import peak RSS: ${rss.toFixed(0)} MB (target < 200 MB) ${rss < 200 ? 'OK' : 'ABOVE TARGET'}`,
    );
    if (ab.length > 0)
      console.log(
        `import speed ÷ the other build's: ${median(ab).toFixed(2)}× (median of ${ab.length} rounds)`,
      );
    if (process.argv.includes('--no-send')) return;
    // Export → import → send: the seed file the import wrote goes to the emulator in counting mode.
    const out = join(dir, 'out.caseed.ndjson');
    const users = countLines(out);
    console.log(`\nsending the imported ${users.toLocaleString('en-US')} users:\n`);
    spawnSync(
      process.execPath,
      [join(__dirname, 'bench-send.js'), '--file', out, '--users', String(users)],
      { stdio: 'inherit' },
    );
  } finally {
    if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}

main();
