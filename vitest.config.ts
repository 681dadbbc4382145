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
    // Every sandbox the tests start (in-process or inside the built CLI) refuses request fields the
    // spec's request schema lacks, so a test cannot pass on a field a real site would drop.
    env: { MIGRATE_SANDBOX_STRICT: '1' },
  },
});
