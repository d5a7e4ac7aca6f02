/**
 * How mParticle's other surfaces spell identity columns, and the seeding API's name for each
 * (../shared reference: seeding API `identities` · CSV import header · Warehouse Sync column).
 * Matched case-insensitively, as Warehouse Sync does. Pure data plus one lookup.
 */
import { IDENTITY_TYPES } from '../facts';

/** Which surface a header spelling comes from (for the note said about each mapping). */
export type Spelling = 'seeding API' | 'CSV import' | 'Warehouse Sync';

export interface IdentityColumn {
  /** `mpid`, or the seeding API's identity name. */
  identity: string;
  spelling: Spelling;
}

const TABLE = new Map<string, IdentityColumn>();

function add(header: string, identity: string, spelling: Spelling): void {
  const key = header.toLowerCase();
  if (!TABLE.has(key)) TABLE.set(key, { identity, spelling });
}

// The seeding API's own names first (so that `email` reads as the seeding name).
add('mpid', 'mpid', 'seeding API');
for (const t of IDENTITY_TYPES) add(t.name, t.name, 'seeding API');
// mParticle's CSV import: dot notation.
add('user_identities.customerid', 'customer_id', 'CSV import');
add('user_identities.email', 'email', 'CSV import');
add('user_identities.other', 'other', 'CSV import');
for (let n = 2; n <= 4; n++) add(`user_identities.other${n}`, `other_id_${n}`, 'CSV import');
add('device_info.android_advertising_id', 'google_advertising_id', 'CSV import');
add('device_info.ios_advertising_id', 'ios_advertising_id', 'CSV import');
add('device_info.ios_idfv', 'ios_vendor_id', 'CSV import');
add('device_info.android_uuid', 'android_id', 'CSV import');
for (const id of [
  'roku_advertising_id',
  'roku_publisher_id',
  'fire_advertising_id',
  'microsoft_advertising_id',
])
  add(`device_info.${id}`, id, 'CSV import');
// Warehouse Sync column names.
add('customerid', 'customer_id', 'Warehouse Sync');
add('android_advertising_id', 'google_advertising_id', 'Warehouse Sync');
add('ios_idfv', 'ios_vendor_id', 'Warehouse Sync');
add('android_uuid', 'android_id', 'Warehouse Sync');

/** The identity a header names (case-insensitively), or undefined for any other column. */
export function identityOfColumn(header: string): IdentityColumn | undefined {
  return TABLE.get(header.trim().toLowerCase());
}
