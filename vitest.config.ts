import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The radosgw suite (test/**/*.rgw.test.ts) runs with `npm run test:rgw` (vitest.rgw.config.ts).
    exclude: ['**/node_modules/**', 'test/**/*.rgw.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { BRIEF_LOG: 'silent' },
  },
});
