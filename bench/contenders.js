// The peers and the floor, each behind the same two calls:
//   check(ports)  -> busy flags, one per port (TCP)
//   handOut(count, lo, hi) -> `count` ports the contender says are free, from lo..hi
// Each adapter uses the library the way its readme shows; where a library has no "check this
// port" call, the adapter asks for that port and calls it busy when it gets another one back.
// Checks of different ports run at the floor's concurrency, so no peer is slowed by the harness.
import getPort, { clearLockedPorts, portNumbers } from 'get-port';
import { checkPort, getPort as getPortPlease } from 'get-port-please';
import portfinder from 'portfinder';
import { detectPort } from 'detect-port';
import { FLOOR_CONCURRENCY, floorCheck, floorHandOut, mapLimit } from './floor.js';

const CONC = FLOOR_CONCURRENCY;

export const floor = {
  name: 'floor',
  note: 'one exclusive listen()+close() on `::` (dual-stack) per port',
  check: floorCheck,
  handOut: floorHandOut,
};

export const peers = [
  {
    name: 'get-port',
    note: 'getPort({port}) ≠ port → busy; handOut: getPort({port: portNumbers(lo, hi), exclude: handedOut}) × n',
    async check(ports) {
      clearLockedPorts();
      return mapLimit(ports, CONC, async (p) => (await getPort({ port: p })) !== p);
    },
    async handOut(count, lo, hi) {
      clearLockedPorts();
      const out = [];
      // get-port's own lock keeps the ports distinct, but only after probing each locked port
      // again on every address; `exclude` skips them unprobed, get-port at its fastest.
      for (let i = 0; i < count; i++) {
        out.push(await getPort({ port: portNumbers(lo, hi), exclude: out }));
      }
      return out;
    },
  },
  {
    name: 'get-port-please',
    note: 'checkPort(port) === false → busy; handOut: getPort({portRange: [last+1, hi]}) × n',
    async check(ports) {
      return mapLimit(ports, CONC, async (p) => (await checkPort(p)) === false);
    },
    async handOut(count, lo, hi) {
      // get-port-please remembers nothing between calls: the same range would give the same
      // port every time, so start each search after the last port handed out.
      const out = [];
      let start = lo;
      for (let i = 0; i < count; i++) {
        const p = await getPortPlease({ portRange: [start, hi] });
        out.push(p);
        start = p + 1;
      }
      return out;
    },
  },
  {
    name: 'portfinder',
    note: 'getPortPromise({port, stopPort: port}) rejects → busy; handOut: getPortsPromise(n, {port: lo, stopPort: hi})',
    async prepare() {
      // portfinder drops unbindable hosts (link-local IPv6 without scope) from a shared list on
      // first use; concurrent first uses splice the wrong entry. One sequential call first.
      await portfinder.getPortPromise({ port: 61000, stopPort: 65535 });
    },
    async check(ports) {
      return mapLimit(ports, CONC, (p) =>
        portfinder.getPortPromise({ port: p, stopPort: p }).then(
          (got) => got !== p,
          () => true,
        ),
      );
    },
    handOut(count, lo, hi) {
      return portfinder.getPortsPromise(count, { port: lo, stopPort: hi });
    },
  },
  {
    name: 'detect-port',
    note: 'detectPort(port) ≠ port → busy; handOut: detectPort(last+1) × n',
    async check(ports) {
      return mapLimit(ports, CONC, async (p) => (await detectPort(p)) !== p);
    },
    async handOut(count, lo) {
      const out = [];
      let start = lo;
      for (let i = 0; i < count; i++) {
        const p = await detectPort(start);
        out.push(p);
        start = p + 1;
      }
      return out;
    },
  },
];
