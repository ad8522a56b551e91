// Runs once, in vitest's main process: free ports, leased host-wide so that no other suite on
// this host gets them, handed to the tests with provide(); the returned function releases them.
import { guardPorts } from 'port-guard';

export default async function setup(project) {
  // sequential: the lowest free ports, so two suites started at once would both pick the same
  // ones, but for the leases.
  const run = await guardPorts('users=auto, orders=auto', {
    fallbackStrategy: 'sequential',
    leaseDir: process.env.PORT_GUARD_LEASE_DIR,
  });
  project.provide('ports', run.ports);
  return () => run.release();
}
