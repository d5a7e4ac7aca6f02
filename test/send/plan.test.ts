import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from '../../core/parser';
import { mapApiErrors, parseErrorBody } from '../../core/send/apiErrors';
import { minifiedBytes, minifyJson, utf8Length } from '../../core/send/minify';
import { planSend } from '../../core/send/plan';
import { BIG_MPID, bulkText, userText } from './helpers';

describe('minifyJson', () => {
  it('removes whitespace outside strings only and keeps every digit', () => {
    const text = `{ "a b" : "x  y\\" \\n z" ,\n\t"mpid": ${BIG_MPID}, "n": [ 1 , -2.50e+3 ] }`;
    assert.equal(minifyJson(text), `{"a b":"x  y\\" \\n z","mpid":${BIG_MPID},"n":[1,-2.50e+3]}`);
  });
  it('works on a slice', () => {
    const text = 'xx[ 1, { "k" : "v v" } ]yy';
    assert.equal(minifyJson(text, 2, text.length - 2), '[1,{"k":"v v"}]');
  });
  it('counts UTF-8 bytes', () => {
    assert.equal(utf8Length('aé€😀'), 1 + 2 + 3 + 4);
  });
  it('measures the minified bytes of a slice without building them', () => {
    const text = String.raw`xx[ { "é €" : "😀  \\" , "q\"" : [ 1 ,${'\r\n\t'}2 ] } ,"\u00e9 x" ]yy`;
    JSON.parse(text.slice(2, -2)); // valid JSON, as the sender's input always is
    for (const [start, end] of [
      [2, text.length - 2],
      [4, text.indexOf('}') + 1],
    ]) {
      const min = minifyJson(text, start, end);
      assert.equal(minifiedBytes(text, start, end), Buffer.byteLength(min), min);
    }
  });
});

describe('planSend', () => {
  it('picks the single path for an object and the bulk path for an array', () => {
    const single = planSend(userText(0));
    assert.ok(single.ok);
    assert.equal(single.plan.path, '/v2/calculatedattributes');
    assert.equal(single.plan.requests.length, 1);
    const bulk = planSend(bulkText(1));
    assert.ok(bulk.ok);
    assert.equal(bulk.plan.path, '/v2/bulkcalculatedattributes');
    assert.ok(bulk.plan.requests[0].body.startsWith('[{'));
  });

  it('keeps the mpid digits and the strings exactly', () => {
    const r = planSend(bulkText(2, { mpid: BIG_MPID, name: 'Life  time: value' }));
    assert.ok(r.ok);
    assert.ok(r.plan.requests[0].body.includes(`"mpid":${BIG_MPID}`));
    assert.ok(r.plan.requests[0].body.includes('"Life  time: value"'));
  });

  it('splits at the user limit and reports which users each request holds', () => {
    const r = planSend(bulkText(250), { maxUsers: 100 });
    assert.ok(r.ok);
    assert.deepEqual(
      r.plan.requests.map((q) => [q.users[0], q.users.length]),
      [
        [0, 100],
        [100, 100],
        [200, 50],
      ],
    );
    assert.equal(r.plan.users, 250);
    assert.equal(r.plan.seeds, 250);
    assert.deepEqual(r.plan.attributes, ['LTV']);
  });

  it('splits at the byte limit; no request is above it and the bytes add up', () => {
    const text = bulkText(40, { padding: 1000 });
    const r = planSend(text, { maxBytes: 5000 });
    assert.ok(r.ok);
    assert.ok(r.plan.requests.length > 1);
    for (const q of r.plan.requests) {
      assert.ok(q.bytes <= 5000, `request ${q.index} has ${q.bytes} bytes`);
      assert.equal(q.bytes, Buffer.byteLength(q.body));
    }
    const all = r.plan.requests.flatMap((q) => q.users);
    assert.deepEqual(
      all,
      Array.from({ length: 40 }, (_, i) => i),
    );
    // Each request is exactly the users' own minified texts joined in an array.
    const oneUser = minifyJson(userText(0, { padding: 1000 }));
    const perRequest = Math.floor((5000 - 1) / (Buffer.byteLength(oneUser) + 1));
    assert.equal(r.plan.requests[0].users.length, perRequest);
  });

  it('refuses a user larger than the byte limit on its own, saying which', () => {
    const text = `[${userText(0)}, ${userText(1, { padding: 6000 })}]`;
    const r = planSend(text, { maxBytes: 5000 });
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.reason : '', /User 2 \(line 14\).*above the limit of 5000 bytes/);
  });

  it('refuses a document with errors and says why', () => {
    const r = planSend('{ "environment": "development", }');
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.match(r.reason, /^Not sent: the file has \d+ errors?; the first, at line 1/);
      assert.ok(r.diagnostics.length > 0);
    }
  });

  it('notices production records', () => {
    const r = planSend(`[${userText(0)}, ${userText(1, { env: 'production' })}]`);
    assert.ok(r.ok && r.plan.production);
    const d = planSend(bulkText(2));
    assert.ok(d.ok && !d.plan.production);
  });
});

describe('mapApiErrors', () => {
  const text = `[${userText(0, { name: 'LTV' })}, ${userText(1, { name: 'Name: with colon' })}]`;
  const root = parse(text).root;
  const users = root?.type === 'array' ? root.items : [];

  it('maps "<name>: <text>" to the attribute_name nodes of the given users, longest name first', () => {
    const errors = parseErrorBody(
      '{"errors":[{"code":"BAD_REQUEST","message":"Name: with colon: Seed value must be numeric"},{"code":"BAD_REQUEST","message":"Other: nope"},{"message":"no name here"}]}',
    );
    assert.equal(errors.length, 3);
    const m = mapApiErrors(errors, users);
    assert.equal(m.diagnostics.length, 1);
    const d = m.diagnostics[0];
    assert.equal(text.slice(d.offset, d.offset + d.length), '"Name: with colon"');
    assert.deepEqual(
      m.unmatched.map((e) => e.message),
      ['Other: nope', 'no name here'],
    );
  });

  it('does not map onto users outside the request', () => {
    const m = mapApiErrors([{ message: 'LTV: Seed value must be numeric' }], users.slice(1));
    assert.equal(m.diagnostics.length, 0);
    assert.equal(m.unmatched.length, 1);
  });

  it('reads no errors from an empty or odd body', () => {
    assert.deepEqual(parseErrorBody(''), []);
    assert.deepEqual(parseErrorBody('<html>oops</html>'), []);
    assert.deepEqual(parseErrorBody('{"errors": "x"}'), []);
  });
});
