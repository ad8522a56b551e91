/**
 * One look at one port: is it ready, still to come, or taken by a stranger? TCP is ready when a
 * socket listens there and a connection succeeds on the loopback address of each family it
 * listens on; UDP when a socket is bound. A connect answers most looks on its own: the holder
 * lookup (a walk of the process table) runs only once something answers, and once per server.
 */
import { isIP } from 'node:net';
import type { AddressFamily } from '../probe/probe-plan.js';
import type { Holder, HolderFinder } from '../holders/lookup.js';
import type { Protocol } from '../spec/port-spec.js';
import type { ConnectVerdict, LoopbackAnswers } from './loopback-connect.js';
import { LOOPBACK } from './loopback-connect.js';
import { httpReady, type HttpAnswer } from './http-check.js';
import { strangers, type ExpectedProcess } from './holder-ownership.js';
import type { ProcessTable } from './process-tree.js';

/** A port to wait for. */
export interface ReadyTarget {
  /** The spec's name, for messages (`web`), when it has one. */
  name?: string;
  port: number;
  protocol: Protocol;
}

/** What the checks need of the system; the real ones are in `readyDeps()`. */
export interface ReadyDeps {
  /** The loopback families this host has (IPv4, and IPv6 when `::1` exists). */
  families: readonly AddressFamily[];
  connect(port: number, families: readonly AddressFamily[]): Promise<LoopbackAnswers>;
  findHolders: HolderFinder;
  /**
   * How many sockets are bound on a UDP port, from the socket table alone (Linux); undefined
   * where only the holder lookup can tell.
   */
  countUdpSockets?(port: number): number | undefined;
  processTable(): Promise<ProcessTable>;
  httpGet(address: string, port: number, path: string): Promise<HttpAnswer>;
}

/** A port that is ready, and how. */
export interface PortReady {
  target: ReadyTarget;
  /** TCP: the loopback families that accepted a connection. */
  accepts: AddressFamily[];
  /** Who listens (when the lookup could tell). */
  holders: Holder[];
  /** The HTTP status that made it ready, with `http`. */
  httpStatus?: number;
  /** Only one family accepts on a host that has both. */
  oneFamilyOnly?: AddressFamily;
}

/** Why a port is not ready yet. */
export type PortWaiting =
  | { why: 'nothing-listens'; target: ReadyTarget }
  | {
      /** It listens on a family whose loopback refuses (a specific address, or v6-only). */
      why: 'family-refused';
      target: ReadyTarget;
      accepts: AddressFamily[];
      refused: AddressFamily[];
      holders: Holder[];
    }
  | { why: 'holder-unseen'; target: ReadyTarget; accepts: AddressFamily[] }
  | { why: 'http'; target: ReadyTarget; answer: HttpAnswer; accepts: AddressFamily[] };

export type PortLook =
  | { kind: 'ready'; ready: PortReady }
  | { kind: 'waiting'; waiting: PortWaiting }
  | { kind: 'stranger'; target: ReadyTarget; holders: Holder[] };

const familyOf = (address: string): AddressFamily | undefined => {
  const v = isIP(address.replace(/%.*$/, ''));
  return v === 4 ? 4 : v === 6 ? 6 : undefined;
};

const occupying = (h: Holder): boolean =>
  h.protocol === 'udp' ? h.state !== 'time-wait' : h.state === 'listen';

/** What a watcher must know of the expected process, and the lookup of its holders. */
export interface PortCheckContext {
  deps: ReadyDeps;
  expected?: ExpectedProcess;
  /** With `http`: the path to GET on this port. */
  httpPath?: string;
  /** Set once the expected process has exited with code 0 (see `exitedCleanly`). */
  exitedCleanly?: boolean;
}

/**
 * Watches one port across looks. It remembers whether the port was seen free since the watch
 * began (the Docker rule) and whose holders it has already verified, so a server that answers
 * 503 for a while is not looked up on every tick.
 */
export class PortWatch {
  readonly target: ReadyTarget;
  readonly ctx: PortCheckContext;
  private seenFree = false;
  private verified: Holder[] | undefined;

  constructor(target: ReadyTarget, ctx: PortCheckContext) {
    this.target = target;
    this.ctx = ctx;
  }

  /** Whether the port had nothing on it at some look since the watch began. */
  get seenFreeSinceStart(): boolean {
    return this.seenFree;
  }

  private markFree(): PortLook {
    this.seenFree = true;
    this.verified = undefined;
    return { kind: 'waiting', waiting: { why: 'nothing-listens', target: this.target } };
  }

  /**
   * The holders of this port, checked against the expected process: a stranger when any is
   * not its; undefined when nothing could be seen.
   */
  private async holders(): Promise<{ holders: Holder[] } | { stranger: Holder[] } | undefined> {
    if (this.verified) return { holders: this.verified };
    const { deps, expected } = this.ctx;
    const found = (
      await deps.findHolders([{ port: this.target.port, protocol: this.target.protocol }])
    ).filter((h) => h.port === this.target.port && occupying(h));
    if (found.length === 0) return undefined;
    if (expected) {
      const foreign = strangers(found, {
        expected,
        table: await deps.processTable(),
        seenFreeSinceStart: this.seenFree,
        exitedCleanly: this.ctx.exitedCleanly === true,
      });
      if (foreign.length > 0) return { stranger: foreign };
    }
    this.verified = found;
    return { holders: found };
  }

  /** Looks once. */
  async look(): Promise<PortLook> {
    return this.target.protocol === 'udp' ? this.lookUdp() : this.lookTcp();
  }

  private async lookUdp(): Promise<PortLook> {
    const count = this.ctx.deps.countUdpSockets?.(this.target.port);
    if (count === 0) return this.markFree();
    const seen = await this.holders();
    if (seen === undefined) {
      // The socket table shows a socket but no process could be found for it: not ours to claim.
      if (count === undefined) return this.markFree();
      if (this.ctx.expected)
        return {
          kind: 'waiting',
          waiting: { why: 'holder-unseen', target: this.target, accepts: [] },
        };
      return { kind: 'ready', ready: { target: this.target, accepts: [], holders: [] } };
    }
    if ('stranger' in seen)
      return { kind: 'stranger', target: this.target, holders: seen.stranger };
    return { kind: 'ready', ready: { target: this.target, accepts: [], holders: seen.holders } };
  }

  private async lookTcp(): Promise<PortLook> {
    const { deps } = this.ctx;
    const answers = await deps.connect(this.target.port, deps.families);
    const accepts = deps.families.filter((f) => answers[f] === 'accepted');
    if (accepts.length === 0) {
      const definite = deps.families.every((f) => isDefinitelyClosed(answers[f]));
      if (definite) return this.markFree();
      return { kind: 'waiting', waiting: { why: 'nothing-listens', target: this.target } };
    }
    // Without an expected process, the connects answer the question on their own: no walk of
    // the process table (its holder is named only when something is wrong).
    const seen = this.ctx.expected ? await this.holders() : undefined;
    if (seen && 'stranger' in seen)
      return { kind: 'stranger', target: this.target, holders: seen.stranger };
    if (!seen && this.ctx.expected)
      return { kind: 'waiting', waiting: { why: 'holder-unseen', target: this.target, accepts } };
    const holders = seen?.holders ?? [];
    // The families it listens on: from its addresses when the lookup saw them, else what accepted.
    const listened = new Set<AddressFamily>();
    for (const h of holders)
      for (const a of h.addresses) {
        const f = familyOf(a);
        if (f !== undefined && deps.families.includes(f)) listened.add(f);
      }
    const refused = [...listened].filter((f) => !accepts.includes(f));
    if (refused.length > 0)
      return {
        kind: 'waiting',
        waiting: { why: 'family-refused', target: this.target, accepts, refused, holders },
      };
    const ready: PortReady = { target: this.target, accepts, holders };
    if (accepts.length === 1 && deps.families.length > 1) ready.oneFamilyOnly = accepts[0];
    if (this.ctx.httpPath !== undefined) {
      const answer = await deps.httpGet(LOOPBACK[accepts[0]], this.target.port, this.ctx.httpPath);
      if (!httpReady(answer))
        return { kind: 'waiting', waiting: { why: 'http', target: this.target, answer, accepts } };
      ready.httpStatus = (answer as { status: number }).status;
    }
    return { kind: 'ready', ready };
  }

  /** Who holds the port now, for a message at the end (a full lookup; any state). */
  async currentHolders(): Promise<Holder[]> {
    const all = await this.ctx.deps.findHolders([
      { port: this.target.port, protocol: this.target.protocol },
    ]);
    return all.filter((h) => h.port === this.target.port);
  }
}

function isDefinitelyClosed(verdict: ConnectVerdict | undefined): boolean {
  return verdict === 'refused' || verdict === 'unavailable';
}
