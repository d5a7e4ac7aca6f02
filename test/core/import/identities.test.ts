/**
 * Identity columns in each spelling (seeding API, mParticle CSV import, Warehouse Sync), matched
 * case-insensitively, each mapping said in a note.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { identityOfColumn } from '../../../core/import/identities';
import { compile, row } from './helpers';

// The table of ../shared/reference/mparticle-platform.md: header → seeding name.
const SPELLINGS: Array<[string, string, string]> = [
  ['customer_id', 'customer_id', 'seeding API'],
  ['user_identities.customerid', 'customer_id', 'CSV import'],
  ['customerid', 'customer_id', 'Warehouse Sync'],
  ['user_identities.email', 'email', 'CSV import'],
  ['email', 'email', 'seeding API'],
  ['user_identities.other2', 'other_id_2', 'CSV import'],
  ['user_identities.other4', 'other_id_4', 'CSV import'],
  ['other_id_10', 'other_id_10', 'seeding API'],
  ['device_info.android_advertising_id', 'google_advertising_id', 'CSV import'],
  ['android_advertising_id', 'google_advertising_id', 'Warehouse Sync'],
  ['device_info.ios_advertising_id', 'ios_advertising_id', 'CSV import'],
  ['ios_advertising_id', 'ios_advertising_id', 'seeding API'],
  ['device_info.ios_idfv', 'ios_vendor_id', 'CSV import'],
  ['ios_idfv', 'ios_vendor_id', 'Warehouse Sync'],
  ['device_info.android_uuid', 'android_id', 'CSV import'],
  ['android_uuid', 'android_id', 'Warehouse Sync'],
  ['device_info.roku_advertising_id', 'roku_advertising_id', 'CSV import'],
  ['device_info.roku_publisher_id', 'roku_publisher_id', 'CSV import'],
  ['device_info.fire_advertising_id', 'fire_advertising_id', 'CSV import'],
  ['device_info.microsoft_advertising_id', 'microsoft_advertising_id', 'CSV import'],
  ['fire_advertising_id', 'fire_advertising_id', 'seeding API'],
  ['mpid', 'mpid', 'seeding API'],
];

const CA = [{ name: 'A', calculation_type: 'count', cutoff_date: '2019-12-01', column: 'n' }];

describe('import: identity header spellings', () => {
  it('knows every spelling of the reference table, in any case', () => {
    for (const [header, identity, spelling] of SPELLINGS) {
      for (const h of [header, header.toUpperCase(), ` ${header} `])
        assert.deepEqual(identityOfColumn(h), { identity, spelling }, h);
    }
    assert.equal(identityOfColumn('purchases'), undefined);
    assert.equal(identityOfColumn('user_identities.unknown'), undefined);
  });

  it('maps each spelling to its seeding name in the user, with a note', () => {
    for (const [header, identity] of SPELLINGS) {
      if (identity === 'mpid') continue;
      const column = header.toUpperCase();
      const c = compile(
        { environment: 'development', identities: [column], calculated_attributes: CA },
        [column, 'n'],
      );
      const r = row(c, ['abc-1', '1']);
      assert.deepEqual(r.user?.identities, { [identity]: 'abc-1' }, header);
      assert.ok(
        c.notes.some((n) => n.includes(`"${column}" → identities.${identity}`)),
        c.notes.join('\n'),
      );
    }
  });

  it('without "mpid" or "identities", every recognised column is used and said', () => {
    const header = ['MPID', 'User_Identities.CustomerId', 'device_info.IOS_IDFV', 'n'];
    const c = compile({ environment: 'development', calculated_attributes: CA }, header);
    assert.deepEqual(c.notes.slice(0, 3), [
      'column "MPID" → mpid (seeding API spelling, recognised)',
      'column "User_Identities.CustomerId" → identities.customer_id (CSV import spelling, recognised)',
      'column "device_info.IOS_IDFV" → identities.ios_vendor_id (CSV import spelling, recognised)',
    ]);
    assert.equal(
      row(c, ['7346244611012968789', 'c1', 'v1', '1']).user?.mpid,
      '7346244611012968789',
    );
    // No mpid in this row: its identities identify the user.
    assert.deepEqual(row(c, ['', 'c1', 'v1', '1']).user?.identities, {
      customer_id: 'c1',
      ios_vendor_id: 'v1',
    });
    // Neither: the core rejects the row.
    assert.equal(row(c, ['', '', '', '1']).reason, 'empty-identities');
  });

  it('an object names identities explicitly; a name from another API is a diagnostic', () => {
    const c = compile(
      { environment: 'development', identities: { customer_id: 'cid' }, calculated_attributes: CA },
      ['cid', 'n'],
    );
    assert.deepEqual(row(c, ['x', '1']).user?.identities, { customer_id: 'x' });
    const bad = compile(
      { environment: 'development', identities: { ios_idfv: 'cid' }, calculated_attributes: CA },
      ['cid', 'n'],
    );
    assert.equal(bad.builder, undefined);
    assert.match(bad.diagnostics[0].message, /it calls this one "ios_vendor_id"/);
    assert.equal(
      bad.text.slice(
        bad.diagnostics[0].offset,
        bad.diagnostics[0].offset + bad.diagnostics[0].length,
      ),
      '"ios_idfv"',
    );
  });
});
