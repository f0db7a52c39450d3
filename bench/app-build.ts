import { build } from 'vite';
import { PROJECT_ROOT } from './dataset';

/**
 * Build the app as `vite build` does (the project's vite.config.ts) into a folder of the bench's own,
 * so that neither dist/ nor another developer's build is touched. Its data/ is served from elsewhere.
 */
export async function buildApp(outDir: string): Promise<void> {
  await build({ root: PROJECT_ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } });
}
