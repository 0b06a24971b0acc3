import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
    // The compile cache of beamjs run, inside the checkout for tests.
    env: { BEAMJS_CACHE: new URL('./.cache/beamjs', import.meta.url).pathname },
  },
});
