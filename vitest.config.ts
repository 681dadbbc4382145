import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds the CLI once so end-to-end tests run the real binary.
    globalSetup: ['test/global-setup.ts'],
    // The toolkit's clock starts at a fixed instant in every test (test/helpers/clock.ts).
    setupFiles: ['test/setup-clock.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Child processes and sandboxes on loopback: keep parallelism modest on 2-core machines.
    maxWorkers: 2,
  },
});
