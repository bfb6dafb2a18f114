import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'cloudwatch',
          include: ['test/integration-cw/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/integration-cw/global-setup.ts'],
          // The tests change process.env (AWS credentials and region).
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/integration/global-setup.ts'],
          // One real cluster is shared: files run one after another in a single process.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      // Only on request (npm run golden:capture): it rewrites test/fixtures/golden/ from the real test clusters.
      ...(process.env.KR_GOLDEN_CAPTURE === '1'
        ? [
            {
              test: {
                name: 'golden-capture',
                include: ['test/golden/capture.test.ts'],
                environment: 'node',
                globalSetup: ['test/integration/global-setup.ts'],
                pool: 'forks' as const,
                poolOptions: { forks: { singleFork: true } },
                testTimeout: 120_000,
                hookTimeout: 300_000,
              },
            },
          ]
        : []),
    ],
  },
});
