// @vitest-environment node
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../../scripts/lib/front-matter';

describe('parseFrontMatter', () => {
  // Each input must read exactly as the YAML parser reads it, whichever path takes it.
  it.each([
    'title: "py-build"\nlayout: cache\ncategories: [package, develop-2025-03-30]\nmeta: {"num_specs": 1, "a": [1, 2.5, null, true]}',
    'spec_details: [{"hash": "abc", "variants": ["+mpi", "api=v112"], "size": "-"}]',
    'title: plain words here\nlayout: cache # a comment',
    'meta: {num_specs: 1, oss: [ubuntu24.04]}',
    'title: >\n  folded\n  text\nlayout: cache',
    'title: "quoted \\"inner\\" text"\nx: {"k": "v"} # trailing comment',
    'n: 0x1F\nb: true\nempty: ""',
  ])('%j reads as YAML reads it', (text) => {
    expect(parseFrontMatter(text)).toEqual({ ok: true, value: parse(text) });
  });

  it.each([
    ['title: a\ntitle: b', /unique/i],
    ['meta: {"a": [1,', /./],
    ['meta: [\n', /./],
  ])('%j is an error with the YAML parser message', (text, message) => {
    const result = parseFrontMatter(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.messages.join('\n')).toMatch(message);
  });
});
