// Bench-only entry: the engine API the bench drives, bundled by bench/port-guard.js with ncc.
export { parseConfig } from '../src/config.js';
export { guardPorts } from '../src/guard.js';
export { createProbePlan } from '../src/probe-plan.js';
export { probePorts } from '../src/probe-pool.js';
export { openLeaseRegistry } from '../src/lease/lease-registry.js';
