// Command-line options of the runners: `--name value`.

/** The value after `name` on the command line, or `fallback` when absent (or given no value). */
export function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
