/**
 * `caseed import --init`: a mapping skeleton from an export's header. Identity columns are
 * recognised from their spelling, an `environment` column is used, a column named like a defined
 * calculated attribute gets that attribute (type and cutoff then come from the definitions), and
 * every other column becomes a calculated attribute to fill in.
 */
import type { Definitions } from '../definitions/model';
import { identityOfColumn } from './identities';
import type { CaMapping, MappingFile } from './model';

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

export function mappingSkeleton(
  header: readonly string[],
  definitions?: Definitions,
  schemaPath = 'https://github.com/caseed/caseed/schemas/caseed-map.schema.json',
): string {
  const byNorm = new Map<string, string>();
  for (const name of definitions?.byName.keys() ?? []) byNorm.set(norm(name), name);
  const file: MappingFile = { $schema: schemaPath, calculated_attributes: [] };
  let env = false;
  const identities: string[] = [];
  for (const h of header) {
    const id = identityOfColumn(h);
    if (id?.identity === 'mpid' && file.mpid === undefined) file.mpid = h;
    else if (id !== undefined) identities.push(h);
    else if (h.trim().toLowerCase() === 'environment') env = true;
    else {
      const defined = byNorm.get(norm(h));
      const ca: CaMapping = { name: defined ?? h };
      if (defined === undefined) {
        ca.calculation_type = 'count';
        ca.cutoff_date = 'yyyy-MM-dd';
      }
      ca.column = h;
      file.calculated_attributes.push(ca);
    }
  }
  file.environment = env
    ? { column: header.find((h) => h.trim().toLowerCase() === 'environment') ?? 'environment' }
    : 'development';
  if (identities.length > 0) file.identities = identities;
  const ordered: MappingFile = {
    $schema: file.$schema,
    environment: file.environment,
    ...(file.mpid === undefined ? {} : { mpid: file.mpid }),
    ...(file.identities === undefined ? {} : { identities: file.identities }),
    calculated_attributes: file.calculated_attributes,
    user_attributes: [],
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
