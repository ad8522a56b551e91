/**
 * The runner's reader of the file commands a step writes (GITHUB_OUTPUT, GITHUB_ENV,
 * GITHUB_STATE): `name<<DELIMITER`, the value's lines, the delimiter alone on a line; and the
 * one-line `name=value` form. Later writes of a name win, as on the runner.
 */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^<=]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      if (end === -1) throw new Error(`file command ${heredoc[1]}: no closing ${heredoc[2]}`);
      out[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}
