// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DatabaseSplitter, type DbStreamResult } from '../../../scripts/lib/index/split-db';

/** Feeds `text` in the given chunk lengths (the rest in one chunk) and collects what comes out. */
function split(text: string, cuts: readonly number[] = []) {
  const entries: Array<[string, unknown]> = [];
  const splitter = new DatabaseSplitter((key, value) => entries.push([key, value]));
  let at = 0;
  for (const cut of cuts) {
    splitter.write(text.slice(at, at + cut));
    at += cut;
  }
  splitter.write(text.slice(at));
  const result: DbStreamResult = splitter.end();
  return { entries, result };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The brute-force reference: the whole document through JSON.parse. */
function reference(text: string) {
  const doc: unknown = JSON.parse(text);
  const db = isRecord(doc) && isRecord(doc.database) ? doc.database : undefined;
  const installs = db && isRecord(db.installs) ? db.installs : {};
  const version = db?.version;
  return {
    entries: Object.entries(installs),
    result: {
      version:
        version === undefined || (typeof version === 'object' && version !== null) ? null : String(version),
      hasDatabase: db !== undefined,
      hasInstalls: db?.installs !== undefined,
      entries: Object.keys(installs).length,
    },
  };
}

describe('DatabaseSplitter', () => {
  it.each([
    ['version first', '{"database": {"version": "8", "installs": {"a": {"x": 1}, "b": {"y": [2]}}}}'],
    ['version after installs', '{"database":{"installs":{"a":{"x":1}},"version":"7"}}'],
    ['a numeric version', '{"database": {"version": 6, "installs": {}}}'],
    [
      'other keys around',
      '{"spec": [1, {"installs": {"no": 1}}], "database": {"x": {"installs": {"no": 2}}, "installs": {"k": {}}}}',
    ],
    ['scalar entries', '{"database": {"installs": {"s": "text", "n": -1.5e3, "t": true, "z": null}}}'],
    ['braces and quotes in strings', '{"database": {"installs": {"a\\"}": {"s": "}]\\"\\\\", "t": "{["}}}}'],
    [
      'unicode and escapes in keys',
      '{"database": {"installs": {"\\u00e9t\\u00e9": {"v": "ünï"}, "𝄞": [1]}}}',
    ],
    ['whitespace everywhere', ' \n{ "database" :\t{ "installs" : { "a" : { } ,\r\n "b" : 1 } } }\n'],
    ['no database', '{"other": 1}'],
    ['no installs', '{"database": {"version": "8"}}'],
  ])('%s: the same entries and fields as JSON.parse, whole and cut at every character', (_, text) => {
    const expected = reference(text);
    expect(split(text)).toEqual(expected);
    for (let cut = 1; cut < text.length; cut++) expect(split(text, [cut])).toEqual(expected);
    expect(
      split(
        text,
        Array.from({ length: text.length }, () => 1),
      ),
    ).toEqual(expected);
  });

  it.each([
    ['', /not valid JSON/],
    ['{"database": {"version": "8", "installs": {', /ends inside a value|not valid JSON/],
    ['{"database": {"installs": {"a": {"x": 1,}}}}', /database\.installs\["a"\]: not valid JSON/],
    ['{"database": {"installs": {"a": tru}}}', /database\.installs\["a"\]: not valid JSON/],
    ['{"database": {"installs": {"a": 1 2}}}', /not valid JSON/],
    ['{"database": {"installs": {"a": {} "b": {}}}}', /not valid JSON/],
    ['{"database": {"installs": {"a": {}}}} x', /not valid JSON/],
    ['[{"database": {}}]', /not a JSON object/],
    ['{"database": []}', /"database" is not an object/],
    ['{"database": {"installs": [1]}}', /"database.installs" is not an object/],
    ['{"database": {"installs": {"a": "open}}}', /ends inside a value/],
  ])('rejects %j', (text, error) => {
    expect(() => split(text)).toThrow(error);
  });

  interface DocParts {
    before: Record<string, unknown>;
    version: unknown;
    installs: Record<string, unknown>;
    versionLast: boolean;
    indent: number;
  }
  const entry = fc.jsonValue({ maxDepth: 3 });
  const doc: fc.Arbitrary<DocParts> = fc.record(
    {
      before: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }),
      version: fc.oneof(fc.constantFrom('6', '7', '8', 8), fc.jsonValue({ maxDepth: 1 })),
      installs: fc.dictionary(fc.string(), entry, { maxKeys: 6 }),
      versionLast: fc.boolean(),
      indent: fc.constantFrom(0, 1, 2),
    },
    { noNullPrototype: true },
  );
  const toText = (d: DocParts) => {
    const { before, version, installs, versionLast, indent } = d;
    const inner = versionLast ? { installs, version } : { version, installs };
    return JSON.stringify({ ...before, database: inner }, null, indent);
  };

  it('equals the JSON.parse reference on generated documents, however they are cut', () => {
    fc.assert(
      fc.property(doc, fc.array(fc.nat({ max: 40 }), { maxLength: 20 }), (d, cuts) => {
        const text = toText(d);
        expect(split(text, cuts)).toEqual(reference(text));
      }),
    );
  });

  it('throws wherever JSON.parse would, after one character is dropped or changed', () => {
    fc.assert(
      fc.property(
        doc,
        fc.nat(),
        fc.constantFrom('', '{', '}', '"', ',', ':', '[', ']', '\\', 'x', ' '),
        (d, at, put) => {
          const text = toText(d);
          const i = at % text.length;
          const broken = text.slice(0, i) + put + text.slice(i + 1);
          let valid = true;
          try {
            JSON.parse(broken);
          } catch {
            valid = false;
          }
          if (!valid) expect(() => split(broken)).toThrow();
        },
      ),
    );
  });
});
