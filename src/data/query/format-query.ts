import { isPackagePattern, type SpecQuery, type VariantTerm } from './parse-query';
import { formatVersionList } from './version-range';

/**
 * A text word that reads back as free text (once a package is named): no sigil, no `=`, no `"`,
 * no leading `-`, no whitespace. Anything else is printed in double quotes.
 */
function isBareText(text: string): boolean {
  return text !== '' && !/[\s@%+~/^="]/.test(text) && !text.startsWith('-');
}

function formatVariant(term: VariantTerm): string {
  if (term.kind === 'bool') return `${term.value ? '+' : '~'}${term.name}`;
  return `${term.name}=${term.values.join(',')}`;
}

/**
 * Canonical text for a query, in a fixed order: package and versions, variants, compilers, platform,
 * os, target, hashes, free text. `parseQuery(formatQuery(q))` gives back `q` for every query that
 * parseQuery can produce (so not, say, free text containing `"`, which no syntax can express).
 */
export function formatQuery(query: SpecQuery): string {
  const words: string[] = [];
  const versions = query.versions.map((constraint) => `@${formatVersionList(constraint)}`);
  if (query.package !== null) words.push(`${query.package}${versions.shift() ?? ''}`);
  words.push(...versions, ...query.variants.map(formatVariant));
  for (const c of query.compilers) {
    words.push(c.versions === null ? `%${c.pattern}` : `%${c.pattern}@${formatVersionList(c.versions)}`);
  }
  if (query.platform !== null) words.push(`platform=${query.platform}`);
  if (query.os !== null) words.push(`os=${query.os}`);
  if (query.target !== null) words.push(`target=${query.target}`);
  words.push(...query.hashPrefixes.map((prefix) => `/${prefix}`));
  for (const text of query.text) {
    // With no package, a bare name-like word would read back as the package.
    const bare = isBareText(text) && !(query.package === null && isPackagePattern(text));
    words.push(bare ? text : `"${text}"`);
  }
  return words.join(' ');
}
