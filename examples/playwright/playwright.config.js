import { defineConfig } from '@playwright/test';
import { guardPorts } from 'port-guard';

// Playwright evaluates this file in its main process and again in every worker. The port is
// chosen once, by the main process (the first evaluation: WEB_PORT is not set yet), leased
// host-wide for as long as that process lives, and exported: workers inherit the environment,
// so every evaluation agrees on the port the webServer listens on.
if (!process.env.WEB_PORT) {
  const { ports } = await guardPorts('web=auto', {
    fallbackStrategy: 'sequential', // the lowest free port: the lease keeps other suites off it
    leaseDir: process.env.PORT_GUARD_LEASE_DIR,
  });
  process.env.WEB_PORT = String(ports.web);
}
const port = Number(process.env.WEB_PORT);

export default defineConfig({
  testDir: 'tests',
  workers: 2,
  fullyParallel: true,
  reporter: 'line',
  webServer: {
    command: 'node server.js',
    url: `http://127.0.0.1:${port}/health`,
    env: { PORT: String(port) },
    reuseExistingServer: false,
  },
  use: { baseURL: `http://127.0.0.1:${port}` },
});
