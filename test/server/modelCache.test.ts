/**
 * The server's model cache answers for one document version only: keyed by URI and version, and by
 * the document itself. A document opened again at the same version with other text (closed or not
 * in between) is validated afresh, over real JSON-RPC.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureBuilt } from './build';
import { LspClient, ROOT } from './lspClient';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'shells');
const broken = readFileSync(join(FIXTURES, 'broken.caseed.json'), 'utf8');
const single = readFileSync(join(FIXTURES, 'single.caseed.json'), 'utf8');

describe('model cache: URI and version and document', () => {
  let client: LspClient;
  before(async () => {
    ensureBuilt();
    client = LspClient.start();
    await client.initialize();
    await client.initialized();
  });
  after(async () => {
    await client.kill();
  });

  /** The number of diagnostics publications for `uri` so far. */
  const published = (uri: string): number => client.diagnostics.filter((p) => p.uri === uri).length;

  for (const closeFirst of [true, false]) {
    it(`a document opened again at version 1 with other text gets its own diagnostics (${closeFirst ? 'closed' : 'not closed'} in between)`, async () => {
      const uri = `file:///reopened-${String(closeFirst)}.caseed.json`;
      await client.open(uri, broken, 1);
      const first = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      assert.ok(first.diagnostics.length > 0);
      if (closeFirst) {
        await client.close(uri);
        await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
      }
      const before = published(uri);
      await client.open(uri, single, 1);
      await client.waitFor('a new publication', () => (published(uri) > before ? true : undefined));
      const latest = await client.waitForDiagnostics(uri);
      assert.deepEqual(latest.diagnostics, [], 'the clean text got the broken text’s diagnostics');
      const symbols = await client.request<Array<{ name: string }>>('textDocument/documentSymbol', {
        textDocument: { uri },
      });
      assert.ok(symbols.length > 0);
      await client.close(uri);
    });
  }
});
