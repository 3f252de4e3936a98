import { defineConfig } from 'vitest/config';

/**
 * `npm run test:rgw`: the handler suite against a throwaway Ceph radosgw (needs the Debian
 * packages radosgw, ceph-mon and ceph-osd; ~10-20 s to start). Kept out of `npm test` so the
 * everyday loop stays fast and needs no Ceph; CI runs both.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.rgw.test.ts'],
    hookTimeout: 180_000,
    // One throwaway Ceph at a time: three at once on a small machine delay radosgw's
    // notification pushes past their timeout, and radosgw drops them.
    fileParallelism: false,
    testTimeout: 120_000,
    env: { BRIEF_LOG: 'silent' },
  },
});
