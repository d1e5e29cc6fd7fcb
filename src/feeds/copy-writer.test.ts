import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CopyRowWriter } from './copy-writer.ts';
import { copyLine } from './csv.ts';

test('rows written as bytes equal copyLine: escapes, NULL, non-ASCII with specials after it, values larger than a chunk', () => {
  const rows: Array<Array<string | number | null>> = [
    [1, 'plain', null, 'tab\there', 'back\\slash', 'new\nline\r'],
    [22, 'Nguyễn\tVăn\\', 'José', '', '東京\n', 'ok'],
    [333, 'x'.repeat(300_000), 'é'.repeat(200_000) + '\t', null, '😀\r', 'end'],
  ];
  const out = new CopyRowWriter();
  for (const row of rows) {
    out.integer(row[0] as number);
    for (const v of row.slice(1)) out.text(v as string | null);
    out.endRow();
  }
  const expected = rows.map((r) => copyLine(r)).join('');
  assert.equal(out.size, Buffer.byteLength(expected));
  const chunks = out.take();
  assert.ok(chunks.length > 1, 'the big values spilled into further chunks');
  assert.equal(Buffer.concat(chunks).toString('utf8'), expected);
  assert.equal(out.size, 0);
  out.text('again');
  out.endRow();
  assert.equal(Buffer.concat(out.take()).toString('utf8'), 'again\n');
});
