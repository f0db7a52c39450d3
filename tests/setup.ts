import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach } from 'vitest';
import { removeTempDirs } from './helpers/pages';

// jsdom does no layout, so every element measures 0×0 and virtualised lists render nothing. Give elements
// a fixed viewport-sized box (the "fixed size" component tests need); real layout is tested in Chromium.
if (typeof HTMLElement !== 'undefined') {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
}

afterEach(() => {
  cleanup();
});

// Builder and index tests write real files; a test run leaves nothing behind in the temp folder.
afterAll(removeTempDirs);
