import { defineConfig } from '@playwright/test';
import path from 'path';

const repoRoot = path.resolve(__dirname, '../..');

/**
 * End-to-end tests in Debian's Chromium against the portal started with
 * `npm start` (app on :3000, backend on :7007). No browser is downloaded.
 */
export default defineConfig({
  testDir: __dirname,
  timeout: 90_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [
    ['list'],
    [
      'html',
      {
        open: 'never',
        outputFolder: path.join(repoRoot, 'node_modules/.cache/e2e-report'),
      },
    ],
  ],
  // Screenshots of every test (and traces of failures) are kept there as CI artifacts; git ignores it.
  outputDir: path.join(__dirname, 'output'),
  globalTeardown: path.join(__dirname, 'globalTeardown.ts'),
  webServer: {
    command: 'npm start',
    cwd: repoRoot,
    env: { BROWSER: 'none' },
    url: 'http://localhost:7007/.backstage/health/v1/readiness',
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: 'ignore',
  },
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
