/** The CLI's own globbing (Node 20 has no fs.globSync). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { globToRegExp, isGlob, splitGlob } from '../../cli/glob';

function matches(pattern: string, path: string): boolean {
  return globToRegExp(pattern).test(path);
}

describe('glob', () => {
  it('recognises patterns', () => {
    assert.equal(isGlob('seeds/a.caseed.json'), false);
    for (const p of ['*.json', 'a?.json', '[ab].json', '{a,b}.json', '**/x'])
      assert.ok(isGlob(p), p);
  });

  it('* stays within one path segment', () => {
    assert.ok(matches('*.caseed.json', 'a.caseed.json'));
    assert.ok(!matches('*.caseed.json', 'dir/a.caseed.json'));
    assert.ok(matches('dir/*.json', 'dir/a.json'));
  });

  it('** spans any number of folders, including none', () => {
    assert.ok(matches('**/*.caseed.json', 'a.caseed.json'));
    assert.ok(matches('**/*.caseed.json', 'x/y/z/a.caseed.json'));
    assert.ok(matches('seeds/**', 'seeds/x/y.json'));
    assert.ok(!matches('**/*.caseed.json', 'x/a.json'));
  });

  it('?, [..], [!..] and {a,b}', () => {
    assert.ok(matches('a?.json', 'ab.json'));
    assert.ok(!matches('a?.json', 'a/.json'));
    assert.ok(matches('[ab].json', 'b.json'));
    assert.ok(!matches('[!ab].json', 'b.json'));
    assert.ok(matches('[!ab].json', 'c.json'));
    assert.ok(matches('{one,two}.caseed.json', 'two.caseed.json'));
    assert.ok(!matches('{one,two}.caseed.json', 'three.caseed.json'));
  });

  it('escapes regular-expression characters', () => {
    assert.ok(matches('a+b(1).json', 'a+b(1).json'));
    assert.ok(!matches('a.json', 'abjson'));
  });

  it('splits off the folder to walk', () => {
    assert.deepEqual(splitGlob('seeds/2024/*.caseed.json'), {
      base: 'seeds/2024',
      rest: '*.caseed.json',
    });
    assert.deepEqual(splitGlob('**/*.json'), { base: '', rest: '**/*.json' });
    assert.deepEqual(splitGlob('a/**/b/*.json'), { base: 'a', rest: '**/b/*.json' });
  });
});
