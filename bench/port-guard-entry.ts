// Bench-only entry: the engine API the bench drives, bundled by bench/port-guard.js with ncc.
export { parseConfig } from '../src/spec/config.js';
export { guardPorts } from '../src/allocate/guard.js';
export { createProbePlan } from '../src/probe/probe-plan.js';
export { probePorts } from '../src/probe/probe-pool.js';
export { openLeaseRegistry } from '../src/lease/lease-registry.js';
