/**
 * The definitions reader of `caseed lsp --stdio` (editors other than VS Code): the file system
 * answers what the VS Code client answers over `caseed/readDefinitions` — the file named by
 * `caseed.definitions.path` (relative to the working directory), else the nearest
 * `caseed.definitions.json` up from the seed file.
 */
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ReadDefinitionsParams, ReadDefinitionsResult } from '../contract/definitions';
import { definitionsCandidates } from '../core/definitions/lookup';

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function readOne(path: string): Promise<ReadDefinitionsResult> {
  const uri = pathToFileURL(path).href;
  try {
    const text = await readFile(path, 'utf8');
    return { uri, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (err) {
    return { uri, error: `cannot read ${path}: ${(err as { code?: string }).code ?? String(err)}` };
  }
}

export async function readDefinitionsFromDisk(
  params: ReadDefinitionsParams,
): Promise<ReadDefinitionsResult> {
  if (params.path !== '') {
    const path = isAbsolute(params.path) ? params.path : resolve(params.path);
    return readOne(path);
  }
  if (!params.seedUri.startsWith('file:')) return null;
  for (const uri of definitionsCandidates(params.seedUri)) {
    const path = fileURLToPath(uri);
    if (await isFile(path)) return readOne(path);
  }
  return null;
}
