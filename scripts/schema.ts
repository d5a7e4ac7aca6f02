/**
 * Writes schemas/caseed.schema.json from the vocabulary (core/vocabulary.ts through
 * core/publishedSchema.ts), formatted as prettier writes it. `npm run schema`;
 * test/core/rules/schema.test.ts fails while the checked-in file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { publishedSchema } from '../core/publishedSchema';

async function main(): Promise<void> {
  const file = join(__dirname, '..', 'schemas', 'caseed.schema.json');
  const options = { ...(await resolveConfig(file)), filepath: file };
  writeFileSync(file, await format(JSON.stringify(publishedSchema()), options));
  console.log(`wrote ${file}`);
}

void main();
