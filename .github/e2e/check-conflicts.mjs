// Checks that a port-guard step with on-conflict: fail failed and reported every held port:
// OUTCOME is steps.<id>.outcome, CONFLICTS steps.<id>.outputs.conflicts, and the arguments are
// the expected conflicts as NAME=PORT/PROTOCOL (held: status in-use) or NAME=PORT/PROTOCOL:reserved
// (in an OS-excluded range: not in use, not free, and said to be reserved).
const problems = [];
if (process.env.OUTCOME !== 'failure')
  problems.push(`the step's outcome is "${process.env.OUTCOME}", expected "failure"`);
let conflicts = [];
try {
  conflicts = JSON.parse(process.env.CONFLICTS ?? '');
  if (!Array.isArray(conflicts)) throw new Error('not an array');
} catch (err) {
  problems.push(`conflicts is not a JSON array (${err.message}): ${process.env.CONFLICTS}`);
}
for (const expected of process.argv.slice(2)) {
  const m = /^([^=]+)=(\d+)\/(tcp|udp)(:reserved)?$/.exec(expected);
  if (!m) {
    problems.push(`bad expectation "${expected}"`);
    continue;
  }
  const [, name, port, protocol, reserved] = m;
  const found = conflicts.find((c) => c.name === name && c.protocol === protocol);
  if (!found) problems.push(`${name} (${port}/${protocol}) is not among the conflicts`);
  else if (reserved) {
    if (
      found.port !== Number(port) ||
      ['free', 'in-use'].includes(found.status) ||
      !/reserved/i.test(found.heldBy ?? '')
    )
      problems.push(
        `${name}: expected ${port}/${protocol} reserved by the OS, got ${JSON.stringify(found)}`,
      );
    else console.log(`ok: ${name} ${port}/${protocol} reported ${found.status}: ${found.heldBy}`);
  } else if (found.port !== Number(port) || found.status !== 'in-use')
    problems.push(`${name}: expected ${port}/${protocol} in-use, got ${JSON.stringify(found)}`);
  else
    console.log(
      `ok: ${name} ${port}/${protocol} reported in use on ${found.address} (${found.code}), held by ${found.heldBy}`,
    );
}
if (problems.length > 0) {
  for (const p of problems) console.log(`::error::${p}`);
  process.exit(1);
}
