import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'test/**/*.test.ts',
      'scripts/**/*.test.ts',
      'web/src/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    testTimeout: 60_000,
    // Set-up opens embedded stores (every migration) and writes firms: about 2 s alone, but
    // over 10 s (vitest's default) on two cores busy with other test files.
    hookTimeout: 60_000,
  },
});
