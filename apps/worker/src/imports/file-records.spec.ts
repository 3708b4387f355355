import { csvRecords, ndjsonLines, type Batch } from './file-records';

async function* chunks(text: string | Buffer, size: number): AsyncGenerator<Buffer> {
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text);
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function collect<T>(gen: AsyncGenerator<Batch<T>>): Promise<{ items: T[]; bytes: number[] }> {
  const items: T[] = [];
  const bytes: number[] = [];
  for await (const b of gen) {
    items.push(...b.items);
    bytes.push(b.bytes);
  }
  return { items, bytes };
}

describe('ndjsonLines', () => {
  const text = '\uFEFF{"a":1}\r\n\n  \n{"b":"é ü"}\n{"c":3}';

  it('splits lines across chunk boundaries (also inside a multi-byte character), numbering file lines', async () => {
    for (const size of [1, 2, 3, 7, 1024]) {
      const { items, bytes } = await collect(ndjsonLines(chunks(text, size)));
      expect(items).toEqual([
        { line: 1, text: '{"a":1}' },
        { line: 4, text: '{"b":"é ü"}' },
        { line: 5, text: '{"c":3}' },
      ]);
      expect(bytes.at(-1)).toBe(Buffer.byteLength(text));
    }
  });

  it('reports an over-long line without keeping it and carries on', async () => {
    const long = `{"a":1}\n${'x'.repeat(100)}\n{"b":2}\n${'y'.repeat(60)}`;
    for (const size of [8, 33, 1000]) {
      const { items } = await collect(ndjsonLines(chunks(long, size), 50));
      expect(items).toEqual([
        { line: 1, text: '{"a":1}' },
        { line: 2, text: '', error: 'line: longer than 50 bytes' },
        { line: 3, text: '{"b":2}' },
        { line: 4, text: '', error: 'line: longer than 50 bytes' },
      ]);
    }
  });
});

describe('csvRecords', () => {
  it('decodes UTF-8 split between chunks and parses records', async () => {
    const { items, bytes } = await collect(csvRecords(chunks('name,city\n"Zoë, R.",Köln\n', 3)));
    expect(items).toEqual([
      { line: 1, cells: ['name', 'city'] },
      { line: 2, cells: ['Zoë, R.', 'Köln'] },
    ]);
    expect(bytes.at(-1)).toBe(Buffer.byteLength('name,city\n"Zoë, R.",Köln\n'));
  });
});
