/**
 * A small, strict command-line parser: `--name value`, `--name=value`, boolean `--flag`, short
 * aliases (`-h`), and `--` to end options. Unknown options are usage errors, never ignored.
 */
import { CliError } from './exitCodes';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** May be given more than once (string options only); values are collected in order. */
  multiple?: boolean;
}

export type OptionSpecs = Record<string, OptionSpec>;

export interface ParsedArgs {
  /** Option values by long name: string, boolean, or string[] for `multiple`. */
  options: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function parseArgs(
  argv: readonly string[],
  specs: OptionSpecs,
  command: string,
): ParsedArgs {
  const options: ParsedArgs['options'] = {};
  const positionals: string[] = [];
  const byShort = new Map<string, string>();
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.short !== undefined) byShort.set(spec.short, name);
  }
  const hint = `(see \`caseed ${command} --help\`)`;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    } else {
      name = byShort.get(arg.slice(1));
      if (name === undefined) throw new CliError(`unknown option ${arg} ${hint}`);
    }
    const spec = specs[name];
    if (spec === undefined) throw new CliError(`unknown option --${name} ${hint}`);
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new CliError(`option --${name} takes no value ${hint}`);
      options[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) {
        throw new CliError(`option --${name} needs a value ${hint}`);
      }
      value = next;
      i++;
    }
    if (spec.multiple === true) {
      const prev = options[name];
      options[name] = Array.isArray(prev) ? [...prev, value] : [value];
    } else {
      if (options[name] !== undefined) throw new CliError(`option --${name} given twice ${hint}`);
      options[name] = value;
    }
  }
  return { options, positionals };
}

/** A string option's value, checked against the allowed choices. */
export function choice<T extends string>(
  value: string | boolean | string[] | undefined,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value))
    return value as T;
  throw new CliError(
    `--${name} must be one of ${choices.join(', ')} (got ${JSON.stringify(value)})`,
  );
}
