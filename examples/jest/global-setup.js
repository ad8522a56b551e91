// Runs once, in jest's main process, before any worker starts: one free port per worker, leased
// host-wide so that no other suite on this host (another checkout, another CI job) gets it.
// Workers inherit the environment, so they read their port from TEST_PORTS.
import { guardPorts } from 'port-guard';

export default async function globalSetup(globalConfig) {
  const specs = [];
  for (let worker = 1; worker <= globalConfig.maxWorkers; worker++)
    specs.push(`worker${worker}=auto`);
  // sequential: the lowest free ports, so two suites started at once would both pick the same
  // ones, but for the leases.
  const run = await guardPorts(specs, {
    fallbackStrategy: 'sequential',
    leaseDir: process.env.PORT_GUARD_LEASE_DIR,
  });
  process.env.TEST_PORTS = JSON.stringify(run.ports);
  // globalTeardown runs in this same process and sees this global.
  globalThis.portGuardRun = run;
}
