/**
 * The manifest (package.json `contributes`) and the code agree: commands ↔ the client's command
 * table ↔ contract/commands.ts; settings ↔ contract/settings.ts; snippets well-formed and valid
 * payloads; grammar, language configuration and schema files present and consistent.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { COMMAND_IDS } from '../../contract/commands';
import { LANGUAGE_ID } from '../../contract/protocol';
import type { SettingSpec } from '../../contract/settings';
import {
  DEFAULT_SETTINGS,
  SETTINGS,
  SETTINGS_SECTION,
  settingsFrom,
} from '../../contract/settings';
import { CALCULATION_TYPES } from '../../core/facts';
import { validate } from '../../core/validate';

const ROOT = resolve(__dirname, '..', '..');
const readJson = (rel: string): unknown => JSON.parse(readFileSync(join(ROOT, rel), 'utf8'));

interface ConfigProperty {
  type?: string;
  default?: unknown;
  scope?: string;
  markdownDescription?: string;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
}
interface Manifest {
  main: string;
  browser?: string;
  capabilities?: {
    untrustedWorkspaces?: {
      supported: boolean | 'limited';
      description?: string;
      restrictedConfigurations?: string[];
    };
    virtualWorkspaces?: boolean | { supported: boolean | 'limited'; description?: string };
  };
  activationEvents?: string[];
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    configuration: { properties: Record<string, ConfigProperty> };
    languages: Array<{ id: string; filenamePatterns?: string[]; configuration?: string }>;
    grammars: Array<{ language: string; scopeName: string; path: string }>;
    snippets: Array<{ language: string; path: string }>;
    jsonValidation: Array<{ fileMatch: string | string[]; url: string }>;
  };
}

const pkg = readJson('package.json') as Manifest;

/** The command ids the client's table registers (rows `{ id: COMMAND_IDS.x, factory: y }`). */
function tableCommands(): Array<{ id: string; factory: string }> {
  const source = readFileSync(join(ROOT, 'client', 'commands', 'index.ts'), 'utf8');
  const rows = [...source.matchAll(/\{\s*id:\s*COMMAND_IDS\.(\w+),\s*factory:\s*(\w+)\s*\}/g)];
  const ids = COMMAND_IDS as Record<string, string>;
  return rows.map((m) => {
    assert.ok(ids[m[1]] !== undefined, `COMMAND_IDS.${m[1]} exists`);
    return { id: ids[m[1]], factory: m[2] };
  });
}

describe('manifest: commands', () => {
  const manifestIds = pkg.contributes.commands.map((c) => c.command).sort();
  const table = tableCommands();

  it('every command in package.json is in the command table, and vice versa', () => {
    assert.ok(table.length > 0);
    assert.deepEqual(table.map((r) => r.id).sort(), manifestIds);
  });

  it('the contract lists exactly the same command ids', () => {
    assert.deepEqual(Object.values(COMMAND_IDS).sort(), manifestIds);
  });

  it('each command has a title, the caseed category, and its own file in client/commands/', () => {
    const files = readdirSync(join(ROOT, 'client', 'commands'));
    for (const c of pkg.contributes.commands) {
      assert.ok(c.title.length > 0, c.command);
      assert.equal(c.category, 'caseed', c.command);
    }
    for (const row of table) assert.ok(files.includes(`${row.factory}.ts`), `${row.factory}.ts`);
  });
});

describe('manifest: configuration', () => {
  const props = pkg.contributes.configuration.properties;

  it('declares exactly the settings of the contract', () => {
    assert.deepEqual(
      Object.keys(props).sort(),
      Object.keys(SETTINGS)
        .map((k) => `${SETTINGS_SECTION}.${k}`)
        .sort(),
    );
  });

  it('every key has a scope, a markdownDescription and the contract default', () => {
    for (const [key, prop] of Object.entries(props)) {
      const spec: SettingSpec = (SETTINGS as Record<string, SettingSpec>)[
        key.slice(SETTINGS_SECTION.length + 1)
      ];
      assert.ok(
        [
          'application',
          'machine',
          'window',
          'resource',
          'language-overridable',
          'machine-overridable',
        ].includes(prop.scope ?? ''),
        `${key} scope`,
      );
      assert.ok((prop.markdownDescription ?? '').length > 20, `${key} markdownDescription`);
      assert.deepEqual(prop.default, spec.default, `${key} default`);
      if (spec.type === 'boolean') assert.equal(prop.type, 'boolean', key);
      if (spec.type === 'number') {
        assert.equal(prop.type, spec.integer === true ? 'integer' : 'number', key);
        assert.equal(prop.minimum, spec.minimum, `${key} minimum`);
        assert.equal(prop.maximum, spec.maximum, `${key} maximum`);
      }
      if (spec.type === 'enum') {
        assert.equal(prop.type, 'string', key);
        assert.deepEqual(prop.enum, [...spec.values], `${key} enum`);
      }
    }
  });

  it('the typed settings fall back to the defaults on missing or bad values', () => {
    assert.deepEqual(settingsFrom(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(settingsFrom({ validate: { enable: 'yes', debounceMs: -5 } }), {
      ...DEFAULT_SETTINGS,
      validate: { ...DEFAULT_SETTINGS.validate, debounceMs: 0 },
    });
    assert.equal(settingsFrom({ 'validate.enable': false }).validate.enable, false);
    assert.equal(settingsFrom({ trace: { server: 'loud' } }).trace.server, 'off');
  });
});

describe('manifest: language, grammar, schema', () => {
  it('contributes the caseed language for *.caseed.json and *.caseed.ndjson, activated on it', () => {
    const lang = pkg.contributes.languages.find((l) => l.id === LANGUAGE_ID);
    assert.ok(lang);
    assert.deepEqual(lang.filenamePatterns, ['*.caseed.json', '*.caseed.ndjson']);
    assert.ok(pkg.activationEvents?.includes(`onLanguage:${LANGUAGE_ID}`));
    assert.equal(pkg.main, './dist/client.js');
  });

  it('has a language configuration with brackets and auto-closing pairs, and no comments', () => {
    const config = readJson('language-configuration.json') as Record<string, unknown>;
    assert.deepEqual(config.brackets, [
      ['{', '}'],
      ['[', ']'],
    ]);
    assert.ok(Array.isArray(config.autoClosingPairs));
    assert.equal(config.comments, undefined, 'comments are not allowed in seed files');
  });

  it('has a self-contained grammar whose includes all resolve', () => {
    const g = pkg.contributes.grammars[0];
    assert.equal(g.language, LANGUAGE_ID);
    const grammar = readJson(g.path) as {
      scopeName: string;
      repository: Record<string, unknown>;
    };
    assert.equal(grammar.scopeName, g.scopeName);
    const text = JSON.stringify(grammar);
    for (const m of text.matchAll(/"include":"([^"]+)"/g)) {
      assert.ok(m[1].startsWith('#'), `${m[1]} is local`);
      assert.ok(m[1].slice(1) in grammar.repository, `${m[1]} exists`);
    }
    for (const m of text.matchAll(/"(?:match|begin|end)":("(?:[^"\\]|\\.)*")/g)) {
      assert.doesNotThrow(() => new RegExp(JSON.parse(m[1]) as string), m[1]);
    }
  });

  it('contributes the JSON schemas for plain .json users (seed files, import mappings)', () => {
    const byMatch = new Map<string, string>();
    for (const v of pkg.contributes.jsonValidation) {
      byMatch.set(String(v.fileMatch), v.url);
      assert.ok(existsSync(join(ROOT, v.url)), v.url);
    }
    assert.equal(byMatch.get('*.caseed.json'), './schemas/caseed.schema.json');
    assert.equal(byMatch.get('*.caseed-map.json'), './schemas/caseed-map.schema.json');
  });
});

// ── Snippets ────────────────────────────────────────────────────────────────

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

function today(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A snippet body as inserted with every placeholder left at its default. */
export function expandSnippet(body: string, date = today()): string {
  const [y, m, d] = date.split('-');
  let out = body
    .replace(/\$\{CURRENT_YEAR\}|\$CURRENT_YEAR\b/g, y)
    .replace(/\$\{CURRENT_MONTH\}|\$CURRENT_MONTH\b/g, m)
    .replace(/\$\{CURRENT_DATE\}|\$CURRENT_DATE\b/g, d);
  for (;;) {
    const next = out
      .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
      .replace(/\$\{\d+\}/g, '')
      .replace(/\$\d+/g, '');
    if (next === out) return out;
    out = next;
  }
}

describe('manifest: snippets', () => {
  const entry = pkg.contributes.snippets[0];
  const snippets = readJson(entry.path) as Record<string, Snippet>;
  const bodies = Object.entries(snippets).map(([name, s]) => ({
    name,
    body: expandSnippet(Array.isArray(s.body) ? s.body.join('\n') : s.body),
  }));

  it('are contributed for the caseed language', () => {
    assert.equal(entry.language, LANGUAGE_ID);
  });

  it('each has a prefix, a body and a description', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
      assert.ok(
        prefixes.length > 0 && prefixes.every((p) => typeof p === 'string' && p.length > 0),
        name,
      );
      const body = Array.isArray(s.body) ? s.body : [s.body];
      assert.ok(body.length > 0 && body.every((l) => typeof l === 'string'), name);
      assert.ok(typeof s.description === 'string' && s.description.length > 10, name);
    }
  });

  it('each body, placeholders at their defaults, parses as JSON', () => {
    for (const { name, body } of bodies) {
      assert.doesNotThrow(() => JSON.parse(body), `${name}:\n${body}`);
      assert.doesNotMatch(body, /\$/, `${name}: every placeholder and variable expanded`);
    }
  });

  it('has a single-user, a bulk and one snippet per calculation type', () => {
    const parsed = bodies.map((b) => JSON.parse(b.body) as unknown);
    assert.ok(
      parsed.some(
        (p) => !Array.isArray(p) && typeof p === 'object' && p !== null && 'environment' in p,
      ),
    );
    assert.ok(parsed.some((p) => Array.isArray(p)));
    for (const t of CALCULATION_TYPES) {
      const n = parsed.filter(
        (p) =>
          typeof p === 'object' &&
          p !== null &&
          (p as Record<string, unknown>).calculation_type === t.name,
      ).length;
      assert.equal(n, 1, `one snippet for ${t.name}`);
    }
  });

  it('inserted at their defaults, make payloads without errors', () => {
    const seed =
      '{"attribute_name":"LTV","calculation_type":"sum","cutoff_date":"2019-12-01","seed":{"value":1}}';
    const user = (workspace: string, key: string): string =>
      key === 'calculated_attributes'
        ? `{"environment":"development","mpid":1,"calculated_attributes":{"workspace":[${workspace}]}}`
        : `{"environment":"development","mpid":1,"calculated_attributes":{"workspace":[${seed}]},` +
          `"user_attributes":{"workspace":[${workspace}]}}`;
    for (const { name, body } of bodies) {
      const value = JSON.parse(body) as Record<string, unknown>;
      const payload =
        Array.isArray(value) || 'environment' in value
          ? body
          : 'calculation_type' in value
            ? user(body, 'calculated_attributes')
            : user(body, 'user_attributes');
      const errors = validate(payload, { today: today() }).diagnostics.filter(
        (d) => d.severity === 'error',
      );
      assert.deepEqual(
        errors.map((e) => `${e.code}: ${e.message}`),
        [],
        `${name}:\n${payload}`,
      );
    }
  });
});

describe('manifest: where caseed runs (desktop, web, Restricted Mode)', () => {
  const props = pkg.contributes.configuration.properties;

  it('has a desktop entry and a web entry, each built by scripts/build.mjs', () => {
    assert.equal(pkg.main, './dist/client.js');
    assert.equal(pkg.browser, './dist/web.js');
    const build = readFileSync(join(ROOT, 'scripts', 'build.mjs'), 'utf8');
    for (const out of ['client', 'server', 'web', 'server-web']) {
      assert.match(build, new RegExp(`out: '${out}'`), `scripts/build.mjs builds dist/${out}.js`);
    }
    const platformWeb = readFileSync(join(ROOT, 'client', 'platformWeb.ts'), 'utf8');
    assert.match(
      platformWeb,
      /'dist', 'server-web\.js'/,
      'the web client starts dist/server-web.js',
    );
  });

  it('the .vsix allow-list carries both builds', () => {
    const allowed = readFileSync(join(ROOT, '.vscodeignore'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('!'))
      .map((l) => l.slice(1).trim());
    for (const f of ['dist/client.js', 'dist/server.js', 'dist/web.js', 'dist/server-web.js']) {
      assert.ok(allowed.includes(f), `.vscodeignore lets ${f} into the .vsix`);
    }
  });

  it('supports Restricted Mode in part, holding back every setting that points at a URL or path', () => {
    const untrusted = pkg.capabilities?.untrustedWorkspaces;
    assert.ok(untrusted, 'capabilities.untrustedWorkspaces is declared');
    assert.equal(untrusted.supported, 'limited');
    assert.ok((untrusted.description ?? '').length > 40, 'says what is limited');
    const restricted = untrusted.restrictedConfigurations ?? [];
    for (const key of restricted) assert.ok(props[key] !== undefined, `${key} is a setting`);
    // A setting whose value is a URL or a path, or chooses where data is sent, waits for trust.
    const pointing = Object.entries(props)
      .filter(
        ([key, p]) =>
          /url|path|dataCenter/i.test(key) || /\bpath\b/i.test(p.markdownDescription ?? ''),
      )
      .map(([key]) => key);
    assert.ok(pointing.length > 0);
    for (const key of pointing) assert.ok(restricted.includes(key), `${key} is restricted`);
  });

  it('declares virtual workspaces supported (files come through the editor, never fs)', () => {
    assert.equal(pkg.capabilities?.virtualWorkspaces, true);
  });
});
