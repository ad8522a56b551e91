// The after-post check (see action.yml). The expect file is
//   {"checks": [{"what": "...", "dir": "<lease dir>", "ports": [{"port": N, "protocol": "tcp"}]}]}
// where no `ports` means: no lease at all may be left in that dir. Every lease file is read, not
// guessed from its name. A missing expect file fails too: a check that checked nothing must not
// pass.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const file = join(process.env.RUNNER_TEMP ?? '', 'port-guard-e2e-expect.json');
const problems = [];
let checks = [];
try {
  checks = JSON.parse(readFileSync(file, 'utf8')).checks;
  if (!Array.isArray(checks) || checks.length === 0) throw new Error('no checks in it');
} catch (err) {
  problems.push(`cannot read ${file}: ${err.message}`);
}

for (const check of checks) {
  let leases = [];
  try {
    leases = readdirSync(check.dir)
      .filter((f) => f.endsWith('.lease'))
      .map((f) => {
        try {
          return { file: f, ...JSON.parse(readFileSync(join(check.dir, f), 'utf8')) };
        } catch {
          return { file: f };
        }
      });
  } catch (err) {
    if (err.code !== 'ENOENT')
      problems.push(`${check.what}: cannot list ${check.dir}: ${err.message}`);
  }
  const left = check.ports
    ? leases.filter((l) => check.ports.some((p) => p.port === l.port && p.protocol === l.protocol))
    : leases;
  if (left.length > 0)
    problems.push(
      `${check.what}: still leased in ${check.dir} after the post steps: ${left.map((l) => `${l.file} ${JSON.stringify(l.owner ?? {})}`).join('; ')}`,
    );
  else console.log(`e2e after-post ok: ${check.what}: no lease left in ${check.dir}`);
}
if (problems.length > 0) {
  for (const p of problems) console.log(`::error::${p}`);
  process.exit(1);
}
console.log('e2e after-post: every lease the post steps had to release is gone');
