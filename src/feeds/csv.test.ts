import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { csvRecords, copyLine } from './csv.ts';

async function collect(chunks: Buffer[], delimiter?: string) {
  const { batches, sha256 } = csvRecords(Readable.from(chunks), delimiter ? { delimiter } : {});
  const out = [];
  for await (const batch of batches) out.push(...batch);
  return { out, sha256: sha256() };
}

test('records carry the line they start on, across quoted newlines and blank lines', async () => {
  const text = 'a,b\n1,"two\nlines"\n\n3,"x,y"\r\n"q""uote",z\n';
  const { out, sha256 } = await collect([Buffer.from(text)]);
  assert.deepEqual(out, [
    { line: 1, fields: ['a', 'b'] },
    { line: 2, fields: ['1', 'two\nlines'] },
    { line: 5, fields: ['3', 'x,y'] },
    { line: 6, fields: ['q"uote', 'z'] },
  ]);
  assert.equal(sha256, createHash('sha256').update(text).digest('hex'));
});

test('a multi-byte character split between chunks decodes intact; invalid bytes become U+FFFD', async () => {
  const bytes = Buffer.from('name\nNguyễn\n');
  const cut = bytes.indexOf(Buffer.from('ễ')) + 1;
  const { out } = await collect([bytes.subarray(0, cut), bytes.subarray(cut)]);
  assert.equal(out[1]!.fields[0], 'Nguyễn');
  const bad = await collect([Buffer.from('h\n'), Buffer.from([0x41, 0xc3, 0x28, 0x0a])]);
  assert.ok(bad.out[1]!.fields[0]!.includes('\uFFFD'));
  assert.equal(bad.out[1]!.invalidUtf8, true);
  assert.equal(bad.out[0]!.invalidUtf8, undefined);
});

test('only the records that hold invalid bytes are marked, wherever the chunks split them', async () => {
  // Line 3 has a bad byte and is cut across three chunks; lines 2 and 4 are good.
  const file = Buffer.concat([Buffer.from('a,b\nok,1\nlong,"x'), Buffer.from([0xff]), Buffer.from('y"\nok,2\n')]);
  for (let cut = 1; cut < file.length - 1; cut++) {
    const { out } = await collect([file.subarray(0, cut), file.subarray(cut, cut + 3), file.subarray(cut + 3)]);
    assert.deepEqual(out.map((r) => [r.line, r.invalidUtf8 ?? false]), [[1, false], [2, false], [3, true], [4, false]], `cut at ${cut}`);
  }
});

test('BOM is dropped, other delimiters work, ragged rows come through as they are', async () => {
  const { out } = await collect([Buffer.from('\uFEFFa|b|c\n1|2\n1|2|3|4\n')], '|');
  assert.deepEqual(out.map((r) => r.fields), [['a', 'b', 'c'], ['1', '2'], ['1', '2', '3', '4']]);
});

test('a file larger than one batch arrives whole and in order', async () => {
  const rows = Array.from({ length: 5000 }, (_, i) => `${i},x`).join('\n');
  const { out } = await collect([Buffer.from(`n,v\n${rows}\n`)]);
  assert.equal(out.length, 5001);
  assert.deepEqual(out.at(-1), { line: 5001, fields: ['4999', 'x'] });
});

test('copyLine escapes COPY text specials and writes NULL', () => {
  assert.equal(copyLine(['a\tb', null, 'c\\d\ne', 3, true]), 'a\\tb\t\\N\tc\\\\d\\ne\t3\ttrue\n');
});
