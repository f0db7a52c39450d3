// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatProgress, progressWriter } from '../../../scripts/lib/progress';

function fakeStream(isTTY: boolean, columns?: number) {
  const written: string[] = [];
  const stream = {
    isTTY,
    columns,
    write: (text: string) => written.push(text) > 0,
  } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

/** A clock the test moves by hand, in milliseconds. */
function fakeClock() {
  const clock = { t: 0, now: () => clock.t };
  return clock;
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

  it('draws measurements as a bar on a terminal, at most every 100 ms, and always the last one', () => {
    const { stream, written } = fakeStream(true, 60);
    const clock = fakeClock();
    const p = progressWriter(stream, clock.now);
    const update = (bytes: number) => ({ label: 'idx', bytes, total: 100e6 });
    p.report(update(0));
    clock.t = 50;
    p.report(update(10e6));
    clock.t = 150;
    p.report(update(20e6));
    clock.t = 160;
    p.report(update(100e6));
    p.report('idx: 1000 specs, 100.0 MB in 0.16 s');
    p.done();
    expect(written).toEqual([
      `\r\x1b[K${formatProgress(update(0), 0, 60)}`,
      `\r\x1b[K${formatProgress(update(20e6), 0.15, 60)}`,
      `\r\x1b[K${formatProgress(update(100e6), 0.16, 60)}`,
      '\r\x1b[Kidx: 1000 specs, 100.0 MB in 0.16 s',
      '\n',
    ]);
    expect(written[1]?.replace('\r\x1b[K', '')).toMatch(/^idx \[#+\.+\] 20% 20\.0\/100\.0 MB, 133\.3 MB\/s$/);
  });

  it('restarts the rate for a new label or when the bytes go back (a retried download)', () => {
    const { stream, written } = fakeStream(true, 100);
    const clock = fakeClock();
    const p = progressWriter(stream, clock.now);
    p.report({ label: 'a', bytes: 0 });
    clock.t = 1000;
    p.report({ label: 'a', bytes: 60e6 });
    clock.t = 1500;
    p.report({ label: 'a', bytes: 1e6 });
    clock.t = 2500;
    p.report({ label: 'a', bytes: 11e6 });
    clock.t = 2600;
    p.report({ label: 'b', bytes: 5e6 });
    expect(written.map((w) => w.replace('\r\x1b[K', ''))).toEqual([
      'a: 0.0 MB',
      'a: 60.0 MB, 60.0 MB/s',
      'a: 1.0 MB',
      'a: 11.0 MB, 11.0 MB/s',
      'b: 5.0 MB',
    ]);
  });

  it('without a terminal prints measurements at most every ten seconds, event lines always', () => {
    const { stream, written } = fakeStream(false);
    const clock = fakeClock();
    const p = progressWriter(stream, clock.now);
    const update = (bytes: number) => ({ label: 'idx', bytes, total: 200e6, specs: bytes / 1000 });
    clock.t = 1_000;
    p.report(update(10e6));
    p.report('idx: HTTP 500; retry 1');
    clock.t = 10_000;
    p.report(update(100e6));
    clock.t = 15_000;
    p.report(update(150e6));
    clock.t = 20_000;
    p.report(update(200e6));
    p.done();
    expect(written).toEqual([
      'idx: HTTP 500; retry 1\n',
      'idx: 50% 100.0/200.0 MB, 100000 specs, 11.1 MB/s\n',
      'idx: 100% 200.0/200.0 MB, 200000 specs, 10.5 MB/s\n',
    ]);
  });
});
