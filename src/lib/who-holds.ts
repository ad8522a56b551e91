import { describeHolders } from '../holders/describe-holder.js';
import { parseWhoTargets, who } from '../cli/who.js';
import { underOptionNames } from './options.js';
import type { PortHolders } from './types.js';

/**
 * Who holds these ports: `5432`, `"5432/tcp"`, `"5353/udp"`, `"8443/both"` (TCP when no protocol
 * is given). Unknown is said as unknown (`hidden`, no pid), never as "nobody".
 *
 * @throws {InputErrors} for a target that is not a port.
 */
export async function whoHolds(
  ports: ReadonlyArray<number | string> | number | string,
): Promise<PortHolders[]> {
  const targets = (Array.isArray(ports) ? ports : [ports]).map(String);
  const queries = await underOptionNames(() => parseWhoTargets(targets));
  return (await who(queries)).map(({ query, holders }) => ({
    port: query.port,
    protocol: query.protocol,
    holders,
    description: describeHolders(holders),
  }));
}
