import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { launch } from './lib/chromium';
import { startPreview } from './lib/preview-server';

// Screenshots of the built app (run `npm run build` first) in the real Chromium, for the README and reviews.
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'docs/screenshot.png' },
    query: { type: 'string', default: '' },
    width: { type: 'string', default: '1400' },
    height: { type: 'string', default: '800' },
    dark: { type: 'boolean', default: false },
  },
});

const server = await startPreview();
const browser = await launch();
try {
  const page = await browser.newPage({
    viewport: { width: Number(values.width), height: Number(values.height) },
    colorScheme: values.dark ? 'dark' : 'light',
  });
  await page.goto(`${server.url}${values.query}`);
  await page.getByRole('status').filter({ hasText: /specs/ }).waitFor();
  await page.waitForTimeout(300);
  await mkdir('docs', { recursive: true });
  await page.screenshot({ path: values.out });
  process.stdout.write(`Wrote ${values.out}\n`);
} finally {
  await browser.close();
  await server.close();
}
