/**
 * The peer the benchmark compares against: vscode-json-languageservice (VS Code's own JSON support)
 * validating a document against schemas/caseed.schema.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import type { LanguageService } from 'vscode-json-languageservice';

let service: LanguageService | undefined;

function jsonService(): LanguageService {
  if (service === undefined) {
    const schema = JSON.parse(
      readFileSync(join(__dirname, '..', 'schemas', 'caseed.schema.json'), 'utf8'),
    ) as object;
    service = getLanguageService({});
    service.configure({
      validate: true,
      allowComments: false,
      schemas: [{ uri: 'caseed://schemas/caseed.schema.json', fileMatch: ['*.json'], schema }],
    });
  }
  return service;
}

/** Parses and validates like VS Code's JSON language features; returns the error count. */
export async function jsonLanguageServiceValidate(text: string): Promise<number> {
  const ls = jsonService();
  const doc = TextDocument.create('file:///bench.caseed.json', 'json', 1, text);
  const json = ls.parseJSONDocument(doc);
  const diagnostics = await ls.doValidation(doc, json);
  return diagnostics.filter((d) => d.severity === 1).length;
}
