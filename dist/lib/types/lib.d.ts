/**
 * port-guard as a library: `import { guardPorts, getPort } from 'port-guard'`. Ports checked
 * free on every address a server uses, leased host-wide so that parallel test processes and
 * other jobs on the same host never get the same one. No runtime dependency; probe sockets
 * never keep the process alive.
 *
 * @packageDocumentation
 */
export { getPort, guardPorts, releasePorts } from './lib/ports.js';
export { whoHolds } from './lib/who-holds.js';
export { NotReadyError, waitForPorts } from './ready/wait-for-ports.js';
export type { ReadyPort, WaitForPortsOptions, WaitForPortsResult } from './ready/wait-for-ports.js';
export { InputError, InputErrors } from './spec/input-error.js';
export type { GetPortOptions, GuardPortsOptions, GuardPortsResult, PortAssignment, PortConflict, PortHolder, PortHolders, Protocol, ReleasedPort, SpecProtocol, } from './lib/types.js';
