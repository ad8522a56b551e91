/** A workflow command line (`::name key=value,...::message`) as the runner reads it. */
export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

const unescapeData = (s: string) =>
  s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

/**
 * Parses one line the way the runner does (actions/runner ActionCommand.TryParseV2): the
 * command name up to a space or `::`, properties split on `,` and `=`, the message after the
 * second `::`. Throws when the line is not a command.
 */
export function parseWorkflowCommand(line: string): WorkflowCommand {
  const m = /^::([^\s:]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const properties: Record<string, string> = {};
  for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq > 0) properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
  }
  return { command: m[1], properties, message: unescapeData(m[3]) };
}
