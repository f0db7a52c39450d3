// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { progressWriter } from '../../../scripts/lib/progress';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('progressWriter', () => {
  it('rewrites one line in place on a terminal and ends it before other output', () => {
    const { stream, written } = fakeStream(true);
    const p = progressWriter(stream);
    p.report('8 MB, 1000 specs');
    p.report('16 MB, 2000 specs');
    p.done();
    p.done();
    expect(written).toEqual(['\r\x1b[K8 MB, 1000 specs', '\r\x1b[K16 MB, 2000 specs', '\n']);
  });
  it('writes one line per report elsewhere', () => {
    const { stream, written } = fakeStream(false);
    const p = progressWriter(stream);
    p.report('a');
    p.report('b');
    p.done();
    expect(written).toEqual(['a\n', 'b\n']);
  });
});
