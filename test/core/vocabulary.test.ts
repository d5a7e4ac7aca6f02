/**
 * What derives from the one vocabulary (core/vocabulary.ts) stays derived: the README's payload
 * tables, the data centers the manifest and the settings contract list, the locations features
 * use, and the skeletons quick fixes insert.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SETTINGS } from '../../contract/settings';
import { locate } from '../../core/features/locations';
import { parse } from '../../core/parser';
import { seedFieldSkeleton } from '../../core/rules/skeletons';
import { CALCULATION_TYPES, OBJECTS, PODS, POD_IDS, podFromKey } from '../../core/vocabulary';
import { withVocabularyTables } from '../../scripts/readme-vocabulary';

const ROOT = join(__dirname, '..', '..');

test('README lists the payload, generated from the vocabulary', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  assert.equal(readme, withVocabularyTables(readme), 'README is stale: run `npm run readme:codes`');
});

test('the data centers of the manifest and the settings are the vocabulary’s', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes: {
      configuration: {
        properties: Record<string, { enum?: string[]; enumDescriptions?: string[] }>;
      };
    };
  };
  const dc = pkg.contributes.configuration.properties['caseed.send.dataCenter'];
  assert.deepEqual(dc.enum, [...POD_IDS, 'custom']);
  assert.deepEqual(SETTINGS['send.dataCenter'].values, [...POD_IDS, 'custom']);
  PODS.forEach((p, i) => assert.ok(dc.enumDescriptions?.[i]?.endsWith(p.baseUrl), p.id));
  for (const p of POD_IDS) assert.equal(podFromKey(`${p.toUpperCase()}-abc`), p);
  assert.equal(podFromKey('abc'), 'us1');
  assert.equal(podFromKey('xx9-abc'), 'us1');
});

test('every object kind is reached from the user by its properties', () => {
  const root = parse(
    '{ "calculated_attributes": { "workspace": [ { "seed": { "key_value_pairs": {}, "list": [] } } ] },' +
      ' "identities": {}, "user_attributes": { "workspace": [ {} ] } }',
  ).root;
  const seen = new Set<string>();
  const walk = (path: (string | number)[], node: ReturnType<typeof parse>['root']): void => {
    seen.add(locate(root, path));
    if (node?.type === 'object')
      for (const p of node.properties) walk([...path, p.key.value], p.value);
    if (node?.type === 'array') node.items.forEach((n, i) => walk([...path, i], n));
  };
  walk([], root);
  for (const kind of Object.keys(OBJECTS)) assert.ok(seen.has(kind), kind);
  assert.equal(locate(root, ['nope']), 'unknown');
});

test('a quick fix inserts the seed field its calculation type reads', () => {
  for (const t of CALCULATION_TYPES) {
    const field = JSON.parse(`{ ${seedFieldSkeleton(t.name)} }`) as Record<string, unknown>;
    assert.deepEqual(Object.keys(field), [t.field], t.name);
  }
});
