// The set-up most files share: the release build on a static server and
// one browser for the whole file, both closed after the last test.
import { before, after } from 'node:test';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';
import { DIST } from './dist.mjs';

/**
 * Registers the `before` and `after` hooks and returns an object whose
 * `url` (the served build; none with `dist: null`) and `context` (the
 * browser's) are filled in `before`: read them inside tests only.
 * `launchOptions` go to `launch`; `prepare(app)` runs last in `before`
 * (Node 20 does not wait for one root `before` hook to end before the next).
 */
export function setUp({ dist = DIST, launchOptions, prepare } = {}) {
  const app = {};
  let server;
  let browser;
  before(async () => {
    if (dist) {
      server = await serve({ dist });
      app.url = server.url;
    }
    browser = await launch(launchOptions);
    app.context = browser.context;
    await prepare?.(app);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return app;
}
