import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashTextHits } from '../../../src/data/query/hash-text-hits';
import { hashAt } from '../../../src/data/spec-table';
import { hashOf, spec, tableArbOf, tableOf } from '../engine/fixtures';

const brute = (table: Parameters<typeof hashTextHits>[0], needle: string) =>
  Array.from({ length: table.count }, (_, row) => row).filter((row) => hashAt(table, row).includes(needle));

describe('hashTextHits', () => {
  const table = tableOf([
    [
      't',
      [
        spec({ hash: hashOf('e4sabc') }),
        spec({ hash: hashOf('xe4zzz') }),
        spec({ hash: hashOf('qqqqe4s') }),
        spec({ hash: hashOf('bbbbbb') }),
      ],
    ],
  ]);

  it.each<[string, string[]]>([
    ['one search', ['e4s']],
    ['typing a word key by key', ['e', 'e4', 'e4s', 'e4sa']],
    ['a different word', ['e4s', 'zz', 'e4']],
    ['deleting a key (a shorter word)', ['e4s', 'e4']],
    ['the same word twice', ['e4', 'e4']],
  ])('%s gives exactly the rows whose hash holds the word', (_what, words) => {
    for (const word of words) expect(Array.from(hashTextHits(table, word))).toEqual(brute(table, word));
  });

  it('equals a brute-force scan for any sequence of words', () => {
    const word = fc.string({
      unit: fc.constantFrom('a', 'b', 'e', '4', 's', 'z'),
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(tableArbOf(40, 1), fc.array(word, { minLength: 1, maxLength: 6 }), (t, words) => {
        // Each word also extends the one before, as typing does.
        for (const [i, w] of words.entries()) {
          const typed = i > 0 ? `${words[i - 1] ?? ''}${w}` : w;
          expect(Array.from(hashTextHits(t, typed))).toEqual(brute(t, typed));
        }
      }),
    );
  });
});
