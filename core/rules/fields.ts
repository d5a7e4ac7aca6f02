/**
 * The properties of a user and of a seed entry, found in one pass (rules ask for each several
 * times, and on a 100,000-user file every string comparison counts). The last of a repeated key wins, as in
 * JSON.parse and `getProperty`.
 */
import type { ObjectNode, PropertyNode } from '../ast';

export interface EntryFields {
  name: PropertyNode | undefined;
  type: PropertyNode | undefined;
  cutoff: PropertyNode | undefined;
  /** The API page's misspelling `cuttoff_date`. */
  typo: PropertyNode | undefined;
  seed: PropertyNode | undefined;
}

export function emptyFields(): EntryFields {
  return { name: undefined, type: undefined, cutoff: undefined, typo: undefined, seed: undefined };
}

/** Fills `out` with the entry's properties (the key lengths differ, so one comparison each). */
export function entryFields(entry: ObjectNode, out: EntryFields): EntryFields {
  out.name = out.type = out.cutoff = out.typo = out.seed = undefined;
  const props = entry.properties;
  for (let i = 0; i < props.length; i++) {
    const p = props[i];
    const k = p.key.value;
    switch (k.length) {
      case 14:
        if (k === 'attribute_name') out.name = p;
        break;
      case 16:
        if (k === 'calculation_type') out.type = p;
        break;
      case 11:
        if (k === 'cutoff_date') out.cutoff = p;
        break;
      case 12:
        if (k === 'cuttoff_date') out.typo = p;
        break;
      case 4:
        if (k === 'seed') out.seed = p;
        break;
      default:
        break;
    }
  }
  return out;
}

export interface UserFields {
  mpid: PropertyNode | undefined;
  identities: PropertyNode | undefined;
  calculatedAttributes: PropertyNode | undefined;
  userAttributes: PropertyNode | undefined;
}

export function emptyUserFields(): UserFields {
  return {
    mpid: undefined,
    identities: undefined,
    calculatedAttributes: undefined,
    userAttributes: undefined,
  };
}

/**
 * True when the user has an mpid the API finds it by: `"mpid": null` is no id (the API then uses
 * `identities`), so it does not make identities ignored.
 */
export function hasMpid(fields: UserFields): boolean {
  const v = fields.mpid?.value;
  return fields.mpid !== undefined && (v === undefined || v.type !== 'null');
}

/** Fills `out` with the user's properties the rules read. */
export function userFields(user: ObjectNode, out: UserFields): UserFields {
  out.mpid = out.identities = out.calculatedAttributes = out.userAttributes = undefined;
  const props = user.properties;
  for (let i = 0; i < props.length; i++) {
    const p = props[i];
    const k = p.key.value;
    switch (k.length) {
      case 4:
        if (k === 'mpid') out.mpid = p;
        break;
      case 10:
        if (k === 'identities') out.identities = p;
        break;
      case 21:
        if (k === 'calculated_attributes') out.calculatedAttributes = p;
        break;
      case 15:
        if (k === 'user_attributes') out.userAttributes = p;
        break;
      default:
        break;
    }
  }
  return out;
}
