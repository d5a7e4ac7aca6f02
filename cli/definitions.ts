/**
 * The CLI's side of the definitions file: `--definitions FILE` when given, otherwise the nearest
 * `caseed.definitions.json` up from each seed file (core/definitions/lookup.ts), read once per run.
 * A broken definitions file is reported as a file with problems of its own; its seeds are then
 * checked without definitions (the rules that need them stay silent).
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { definitionsCandidates } from '../core/definitions/lookup';
import type { Definitions } from '../core/definitions/model';
import { CACHE_DELAY_MS, describeAge, parseUtc } from '../core/definitions/model';
import { parseDefinitions } from '../core/definitions/parse';
import { CliError } from './exitCodes';
import { readText } from './readText';
import type { ReportedDiagnostic } from './report';
import { reportAll } from './report';

export interface LoadedDefinitions {
  /** The path as shown to the user (relative to the working directory when below it). */
  display: string;
  definitions: Definitions | undefined;
  /** The definitions file's own report when it is broken. */
  broken: { diagnostics: ReportedDiagnostic[] } | undefined;
}

function displayOf(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

/** Finds and reads definitions files, each at most once per run. */
export class DefinitionsFinder {
  private readonly loaded = new Map<string, LoadedDefinitions>();
  private readonly found = new Map<string, string | undefined>();

  /** `override`: the `--definitions FILE` flag; `disabled`: `--no-definitions`. */
  constructor(
    private readonly override: string | undefined,
    private readonly disabled = false,
  ) {
    if (override !== undefined && disabled)
      throw new CliError('give --definitions or --no-definitions, not both');
    if (override !== undefined && !existsSync(override))
      throw new CliError(`cannot read ${override}: no such file or directory`);
  }

  /** The definitions that apply to a seed file, or undefined when there are none. */
  forSeed(seedPath: string): LoadedDefinitions | undefined {
    if (this.disabled) return undefined;
    const path = this.override !== undefined ? resolve(this.override) : this.nearest(seedPath);
    return path === undefined ? undefined : this.load(path);
  }

  /** Every definitions file read so far. */
  all(): LoadedDefinitions[] {
    return [...this.loaded.values()];
  }

  private nearest(seedPath: string): string | undefined {
    const dir = resolve(seedPath, '..');
    if (this.found.has(dir)) return this.found.get(dir);
    let hit: string | undefined;
    for (const uri of definitionsCandidates(pathToFileURL(resolve(seedPath)).href)) {
      const p = fileURLToPath(uri);
      try {
        if (statSync(p).isFile()) {
          hit = p;
          break;
        }
      } catch {
        // not there: look further up
      }
    }
    this.found.set(dir, hit);
    return hit;
  }

  private load(path: string): LoadedDefinitions {
    let l = this.loaded.get(path);
    if (l === undefined) {
      const display = displayOf(path);
      const text = readText(path, display);
      const r = parseDefinitions(text, display);
      l = {
        display,
        definitions: r.definitions,
        broken:
          r.definitions === undefined ? { diagnostics: reportAll(text, r.diagnostics) } : undefined,
      };
      this.loaded.set(path, l);
    }
    return l;
  }
}

/** One line naming the definitions in use: file, workspace, count and age. */
export function describeDefinitions(l: LoadedDefinitions, now = Date.now()): string {
  const d = l.definitions;
  if (d === undefined) return `definitions: ${l.display} is broken; checked without it`;
  const parts = [`${d.calculated_attributes.length} calculated attributes`];
  if (d.workspace_id !== undefined) parts.unshift(`workspace ${d.workspace_id}`);
  const pulled = parseUtc(d.pulled_at);
  parts.push(pulled === undefined ? 'written by hand' : `pulled ${describeAge(now - pulled)} ago`);
  return `definitions: ${l.display} (${parts.join(', ')})`;
}

const NOT_FOUND = 'No matching calculated attribute definition found';

/**
 * For API messages `"<name>: No matching calculated attribute definition found"`: a note for each
 * name whose definition changed less than five minutes ago (mParticle has not cached it yet).
 */
export function recentlyChangedNotes(
  messages: readonly string[],
  definitions: Definitions | undefined,
  now: number,
): string[] {
  if (definitions === undefined) return [];
  const notes: string[] = [];
  for (const def of definitions.calculated_attributes) {
    const changed = parseUtc(def.last_modified ?? undefined);
    if (changed === undefined || now - changed >= CACHE_DELAY_MS || now < changed) continue;
    if (!messages.some((m) => m.includes(`${def.name}: ${NOT_FOUND}`))) continue;
    notes.push(
      `"${def.name}" changed ${describeAge(now - changed)} ago (${definitions.source}): mParticle takes up to five minutes to cache a change, so NOT FOUND is expected for now; send again in a few minutes.`,
    );
  }
  return notes;
}
