// `npm run bench`: port-guard against get-port, get-port-please, portfinder, detect-port and
// the floor, in one process, interleaved. `npm run bench -- --write` also rewrites
// bench/RESULTS.md from this run. `--quick` runs few rounds (for working on the bench itself).
import { execFileSync } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { floor, peers } from './contenders.js';
import { floorIsFree, floorPlan } from './floor.js';
import { startHolder } from './holder-client.js';
import { interleave } from './measure.js';
import { buildPortGuard, loadPortGuard } from './port-guard.js';
import { correctnessTable, speedTable, table } from './report.js';
import { formatMs, formatRatio, summarize } from './stats.js';
import { FLOOR_ACTION, startupPieces, wholeProcessContenders } from './whole-process.js';

const args = process.argv.slice(2);
const WRITE = args.includes('--write');
const QUICK = args.includes('--quick');
// `--only w4`: the whole-process tables alone (what a change to the fronts or the bundle moves).
// `--only contention`: bench/contention.mjs (concurrent jobs sharing one narrow range).
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TMP = join(ROOT, '.bench-tmp');
const RANGE = { lo: 49152, hi: 65535 };
const END_MARK = '<!-- end of generated part: text below is kept by --write -->';

// Fixed round counts (reported with every table) so runs are comparable.
const ROUNDS = QUICK
  ? { warmup: 1, w1: 10, w2small: 3, w2big: 3, w3small: 3, w3big: 3, w4: 3, pieces: 3 }
  : { warmup: 3, w1: 60, w2small: 20, w2big: 20, w3small: 20, w3big: 15, w4: 20, pieces: 11 };

const log = (...a) => console.error(...a);
const started = Date.now();
const loadAtStart = os.loadavg();

function udpFree(port, type) {
  return new Promise((resolve) => {
    const s = dgram.createSocket({ type });
    s.once('error', () => resolve(false));
    s.bind({ port, address: type === 'udp6' ? '::' : '0.0.0.0', exclusive: true }, () =>
      s.close(() => resolve(true)),
    );
  });
}

/** Ports from 61000 up (outside Linux's ephemeral range) that are free for TCP and UDP now. */
async function freePortPool(count) {
  const pool = [];
  for (let p = 61000; pool.length < count && p <= 65535; p++) {
    if ((await floorIsFree(p)) && (await udpFree(p, 'udp4')) && (await udpFree(p, 'udp6')))
      pool.push(p);
  }
  if (pool.length < count) throw new Error(`only ${pool.length} free ports above 61000`);
  return pool;
}

function interfaceAddress(family) {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.internal || a.family !== family) continue;
      if (family === 'IPv6' && a.address.toLowerCase().startsWith('fe80:')) continue;
      return a.address;
    }
  }
  return undefined;
}

async function correctness(holder, contenders, udpCheckers, pool) {
  const v4 = interfaceAddress('IPv4');
  const v6 = interfaceAddress('IPv6');
  const cases = [
    { holder: 'none', protocol: null },
    { holder: 'TCP 127.0.0.1', protocol: 'tcp', host: '127.0.0.1' },
    { holder: 'TCP 127.0.0.2', protocol: 'tcp', host: '127.0.0.2' },
    { holder: 'TCP 0.0.0.0', protocol: 'tcp', host: '0.0.0.0' },
    { holder: 'TCP ::1', protocol: 'tcp', host: '::1' },
    { holder: 'TCP :: dual-stack', protocol: 'tcp', host: '::' },
    { holder: 'TCP :: v6-only', protocol: 'tcp', host: '::', ipv6Only: true },
    ...(v4 ? [{ holder: `TCP ${v4} (interface)`, protocol: 'tcp', host: v4 }] : []),
    ...(v6 ? [{ holder: `TCP ${v6} (interface)`, protocol: 'tcp', host: v6 }] : []),
    { holder: 'UDP 0.0.0.0', protocol: 'udp', host: '0.0.0.0' },
  ];
  const rows = [];
  for (const k of cases) {
    const port = pool.shift();
    const held = k.protocol ? await holder.hold(k.protocol, k.host, port, k.ipv6Only) : undefined;
    // Peers only answer for TCP: asked about TCP, a UDP holder must not make the port busy.
    const tcpRow = {
      holder: k.holder,
      asked: 'TCP',
      expected: k.protocol === 'tcp' ? 'busy' : 'free',
      answers: {},
    };
    for (const c of contenders) {
      try {
        tcpRow.answers[c.name] = (await c.check([port]))[0] ? 'busy' : 'free';
      } catch (error) {
        tcpRow.answers[c.name] = `threw ${error.code ?? error.message}`;
      }
    }
    rows.push(tcpRow);
    if (k.protocol === 'udp' || k.protocol === null) {
      const udpRow = {
        holder: k.holder,
        asked: 'UDP',
        expected: k.protocol === 'udp' ? 'busy' : 'free',
        answers: {},
      };
      for (const [name, checkUdp] of udpCheckers) {
        udpRow.answers[name] = (await checkUdp([port]))[0] ? 'busy' : 'free';
      }
      rows.push(udpRow);
    }
    if (held) await holder.release(held.id);
  }
  // Speed on TCP workloads counts only for contenders right on every TCP row.
  const right = new Set(
    contenders
      .filter((c) => rows.every((r) => r.asked !== 'TCP' || r.answers[c.name] === r.expected))
      .map((c) => c.name),
  );
  return { rows, right };
}

const checkValidator = (expectBusy) => (_c, busy) => {
  const wrong = busy.filter((b) => b !== expectBusy).length;
  return wrong ? [`${wrong} port(s) reported ${expectBusy ? 'free' : 'busy'}`] : [];
};

function handOutValidator(count) {
  return async (_c, ports) => {
    const problems = [];
    if (!Array.isArray(ports) || ports.length !== count) return [`got ${ports?.length} ports`];
    const dup = ports.length - new Set(ports).size;
    if (dup) problems.push(`${dup} duplicate(s)`);
    const out = ports.filter((p) => !(p >= RANGE.lo && p <= RANGE.hi)).length;
    if (out) problems.push(`${out} outside ${RANGE.lo}-${RANGE.hi}`);
    let busy = 0;
    for (const p of new Set(ports)) if (!(await floorIsFree(p))) busy++;
    if (busy) problems.push(`${busy} busy when checked after`);
    return problems;
  };
}

function machine() {
  const lscpu = execFileSync('lscpu', [], { encoding: 'utf8' }).split('\n').slice(0, 10).join('\n');
  return {
    nproc: execFileSync('nproc', [], { encoding: 'utf8' }).trim(),
    lscpu,
    node: process.version,
    kernel: os.release(),
    date: new Date().toISOString(),
  };
}

/** `--only contention`: 40 concurrent CLI jobs × 3 auto ports from a 120-port range. */
function contention() {
  execFileSync(process.execPath, [join(ROOT, 'bench', 'contention.mjs')], { stdio: 'inherit' });
}

async function main() {
  if (ONLY === 'contention') return contention();
  rmSync(join(TMP, 'work'), { recursive: true, force: true });
  mkdirSync(join(TMP, 'work'), { recursive: true });
  log('building port-guard engine bundle …');
  const buildProblem = ONLY === 'w4' ? 'not measured (--only w4)' : buildPortGuard(ROOT);
  const pg = buildProblem ? { missing: buildProblem } : await loadPortGuard(ROOT);
  if (pg.missing) log(`port-guard: ${pg.missing}`);
  const pgCheck = pg.missing ? [] : pg.contenders;
  const checkers = [floor, ...peers, ...pgCheck];
  const udpCheckers = pg.missing ? [] : pg.udpCheckers;

  const holder = await startHolder();
  const pool = await freePortPool(ONLY === 'w4' ? 3 : 1000 + 20);
  for (const c of checkers) if (c.prepare) await c.prepare();

  log('correctness …');
  const corr =
    ONLY === 'w4'
      ? { rows: [], right: new Set() }
      : await correctness(holder, checkers, udpCheckers, pool);
  const right = (name) => corr.right.has(name);

  const sections = [];
  const results = {};
  const speed = async (key, title, contenders, task, opts) => {
    log(`${title} …`);
    const rows = await interleave(contenders, task, { warmup: ROUNDS.warmup, ...opts });
    results[key] = rows;
    sections.push(
      speedTable(title, rows, {
        correct: opts.correct ?? right,
        iterations: opts.iterations,
        extra: opts.extra,
      }),
    );
  };

  if (ONLY !== 'w4') {
    const w1Port = pool.shift();
    await speed('w1free', 'W1 — check 1 free port', checkers, (c) => c.check([w1Port]), {
      iterations: ROUNDS.w1,
      validate: checkValidator(false),
    });
    const busyPort = pool.shift();
    const held = await holder.hold('tcp', '127.0.0.1', busyPort);
    await speed(
      'w1busy',
      'W1 — check 1 port held on 127.0.0.1 by another process',
      checkers,
      (c) => c.check([busyPort]),
      {
        iterations: ROUNDS.w1,
        validate: checkValidator(true),
      },
    );
    await holder.release(held.id);
    const hundred = pool.slice(0, 100);
    await speed('w2small', 'W2 — check 100 free ports', checkers, (c) => c.check(hundred), {
      iterations: ROUNDS.w2small,
      validate: checkValidator(false),
    });
    const thousand = pool.slice(0, 1000);
    await speed('w2big', 'W2 — check 1000 free ports', checkers, (c) => c.check(thousand), {
      iterations: ROUNDS.w2big,
      validate: checkValidator(false),
    });

    const handers = [floor, ...peers, ...(pg.missing ? [] : pg.handers)];
    const handRight = () => true; // hand-out answers are judged by their own validation
    for (const [key, n, iterations] of [
      ['w3small', 10, ROUNDS.w3small],
      ['w3big', 100, ROUNDS.w3big],
    ]) {
      await speed(
        key,
        `W3 — hand out ${n} distinct free ports from ${RANGE.lo}–${RANGE.hi}`,
        handers,
        (c) => c.handOut(n, RANGE.lo, RANGE.hi),
        {
          iterations,
          correct: handRight,
          validate: handOutValidator(n),
          between: (c, ports) => c.afterHandOut?.(ports),
        },
      );
    }
  }
  log('W4 — whole process …');
  const w4 = wholeProcessContenders(ROOT, join(TMP, 'work'), pool.splice(0, 3));
  const w4rows = await interleave(w4, (c) => c.run(), {
    warmup: ROUNDS.warmup,
    iterations: ROUNDS.w4,
    validate: (_c, r) => r.problems,
    timeOf: (r) => r.ms,
  });
  // Peak memory comes from the same runs; each contender ran once per round, warm-up first.
  for (const c of w4) {
    c.rssSamples = c.rssAll.slice(ROUNDS.warmup);
    c.cpuSamples = c.cpuAll.slice(ROUNDS.warmup);
  }
  for (const r of w4rows) {
    const c = w4.find((x) => x.name === r.name);
    r.rssMedian = summarize(c.rssSamples).median;
    r.cpuMedian = summarize(c.cpuSamples).median;
  }
  results.w4 = w4rows;
  sections.push(w4Table(w4rows, w4));

  log('W4 — start-up pieces …');
  const pieces = startupPieces(ROOT, join(TMP, 'work'));
  const pieceRows = await interleave(pieces, (c) => c.run(), {
    warmup: 1,
    iterations: ROUNDS.pieces,
    validate: (_c, r) => r.problems,
    timeOf: (r) => r,
  });
  sections.push(piecesTable(pieceRows));
  await holder.stop();

  const goals = goalLines(results, right);
  const m = machine();
  const elapsed = ((Date.now() - started) / 1000).toFixed(0);
  const text = render({ m, corr, checkers, udpCheckers, sections, goals, pg, elapsed });
  console.log(text);
  if (WRITE) {
    // Hand-written analysis lives after the generated part and survives a rewrite.
    const file = join(ROOT, 'bench/RESULTS.md');
    const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const at = previous.indexOf(END_MARK);
    const rest = at >= 0 ? previous.slice(at + END_MARK.length) : '\n';
    writeFileSync(file, `${text}${END_MARK}${rest}`);
    log('wrote bench/RESULTS.md');
  }
}

function w4Table(rows, contenders) {
  const base = rows.find((r) => r.name === 'node -e 0');
  const body = rows.map((r) => {
    const c = contenders.find((x) => x.name === r.name);
    const mem = summarize(c.rssSamples);
    const baseMem = summarize(contenders[0].rssSamples);
    const cpu = summarize(c.cpuSamples);
    const baseCpu = summarize(contenders[0].cpuSamples);
    return [
      r.name,
      r.problems.length ? `✗ ${[...new Set(r.problems)].slice(0, 2).join('; ')}` : '✓',
      formatMs(r.median),
      `${formatMs(r.p10)}–${formatMs(r.p90)}`,
      formatRatio(r.median / base.median),
      formatMs(cpu.median),
      formatRatio(cpu.median / baseCpu.median),
      (mem.median / 1024).toFixed(1),
      `${(mem.p10 / 1024).toFixed(1)}–${(mem.p90 / 1024).toFixed(1)}`,
      formatRatio(mem.median / baseMem.median),
    ];
  });
  return `### W4 — whole process: 3 ports checked + 1 handed out, \`lease: true\`, summary written\n\n${rows[0].n} timed rounds after warm-up, interleaved; each run under \`bench/rusage.py\` (wall from spawn to reap, CPU and max RSS from wait4).\n\n${table(
    [
      'run',
      'right?',
      'median ms',
      'p10–p90 ms',
      '× node -e 0',
      'CPU ms (user+sys)',
      'CPU × node -e 0',
      'max RSS MiB',
      'p10–p90 MiB',
      'RSS × node -e 0',
    ],
    body,
  )}\n`;
}

/** Each piece as extra cost over `node -e 0`; timeOf kept the whole rusage record as the sample. */
function piecesTable(rows) {
  const med = (r, key) =>
    summarize(r.samples.filter((x) => typeof x === 'object').map((x) => x[key])).median;
  const base = rows.find((r) => r.name === 'node -e 0');
  const plus = (v) => (v >= 0 ? `+${v.toFixed(1)}` : v.toFixed(1));
  const body = rows.map((r) => [
    r.name,
    r.problems.length ? '✗' : '✓',
    formatMs(med(r, 'cpuMs')),
    r === base ? '—' : plus(med(r, 'cpuMs') - med(base, 'cpuMs')),
    formatMs(med(r, 'ms')),
    r === base ? '—' : plus(med(r, 'ms') - med(base, 'ms')),
    (med(r, 'rssKiB') / 1024).toFixed(1),
    r === base ? '—' : plus((med(r, 'rssKiB') - med(base, 'rssKiB')) / 1024),
  ]);
  return `### W4 parts — what pieces of a start-up cost on their own\n\n${base.samples.length} timed rounds, interleaved; medians of each \`node -e <piece>\` and its excess over \`node -e 0\`. CPU time is the steadiest figure on a busy machine.\n\n${table(
    ['piece', 'ok', 'CPU ms', 'CPU +ms', 'wall ms', 'wall +ms', 'max RSS MiB', 'RSS +MiB'],
    body,
  )}\n`;
}

function goalLines(results, right) {
  const lines = [];
  const med = (key, name) => results[key]?.find((r) => r.name === name);
  const ok = (r) => r && right(r.name) && r.problems.length === 0;
  const pgRow = med('w2big', 'port-guard');
  const floorRow = med('w2big', 'floor');
  if (pgRow && floorRow) {
    const peersRight = results.w2big.filter((r) => peers.some((p) => p.name === r.name) && ok(r));
    const slowerPeer = peersRight.filter((r) => r.median <= pgRow.median).map((r) => r.name);
    const ratio = pgRow.median / floorRow.median;
    lines.push(
      `- Check 1000 ports within 1.5× of the floor: **${formatRatio(ratio)}** (${formatMs(pgRow.median)} vs ${formatMs(floorRow.median)} ms; CPU time ${formatRatio(pgRow.cpu.median / floorRow.cpu.median)}) — ${ratio <= 1.5 && ok(pgRow) ? 'met' : 'MISSED'}.`,
      `- …and faster than every right peer: ${slowerPeer.length === 0 && ok(pgRow) ? `**met** (fastest right peer ${best(peersRight)})` : `**MISSED** (not faster than ${slowerPeer.join(', ')})`}.`,
    );
  } else lines.push('- Check 1000 ports: port-guard not measured.');
  for (const name of ['port-guard', 'port-guard+leases']) {
    const r = med('w3big', name);
    if (!r) continue;
    const peerRows = results.w3big.filter((x) => peers.some((p) => p.name === x.name));
    const notBeaten = peerRows.filter((x) => x.median <= r.median).map((x) => x.name);
    lines.push(
      `- Hand out 100 ports (${name}) faster than every peer with zero duplicates: ${notBeaten.length === 0 && r.problems.length === 0 ? '**met**' : '**MISSED**'} — ${formatMs(r.median)} ms vs fastest peer ${best(peerRows)}${r.problems.length ? `; problems: ${[...new Set(r.problems)].join('; ')}` : ''}.`,
    );
  }
  const w4 = results.w4 ?? [];
  const base = w4.find((r) => r.name === 'node -e 0');
  for (const r of w4.filter((x) => /^(action \(|cli)/.test(x.name))) {
    const t = r.median / base.median;
    const c = r.cpuMedian / base.cpuMedian;
    const m = r.rssMedian / base.rssMedian;
    const fine = !r.problems.length;
    lines.push(
      `- ${r.name} at most 1.5× \`node -e 0\`: **${formatRatio(t)}** (${formatMs(r.median)} vs ${formatMs(base.median)} ms; CPU time ${formatRatio(c)}) — ${t <= 1.5 && fine ? 'met' : 'MISSED'}${fine ? '' : ` (run failed: ${[...new Set(r.problems)][0]})`}.`,
      `- ${r.name} peak memory within 1.3× \`node -e 0\`: **${formatRatio(m)}** (${(r.rssMedian / 1024).toFixed(1)} vs ${(base.rssMedian / 1024).toFixed(1)} MiB) — ${m <= 1.3 && fine ? 'met' : 'MISSED'}.`,
    );
  }
  const floorAction = w4.find((r) => r.name === FLOOR_ACTION);
  const actionRow = w4.find((r) => r.name === 'action (dist/index.js)');
  if (floorAction && actionRow) {
    const t = actionRow.median / floorAction.median;
    const c = actionRow.cpuMedian / floorAction.cpuMedian;
    const fine = !actionRow.problems.length && !floorAction.problems.length;
    lines.push(
      `- action (dist/index.js) within 1.3× the action floor (@actions/core by its public entry, 4 probes, setOutput): **${formatRatio(t)}** (${formatMs(actionRow.median)} vs ${formatMs(floorAction.median)} ms; CPU time ${formatRatio(c)}) — ${t <= 1.3 && fine ? 'met' : 'MISSED'}.`,
    );
  }
  if (!w4.some((x) => /^action/.test(x.name)))
    lines.push(
      '- Whole-process action run: not measured (no dist/index.js; run `npm run package`).',
    );
  return lines;
}

function best(rows) {
  if (!rows.length) return 'none';
  const b = rows.reduce((a, x) => (x.median < a.median ? x : a));
  return `${b.name} ${formatMs(b.median)} ms`;
}

function render({ m, corr, checkers, udpCheckers, sections, goals, pg, elapsed }) {
  const names = [...new Set([...checkers.map((c) => c.name), ...udpCheckers.map(([n]) => n)])];
  return `# port-guard benchmark results

How to run: \`npm ci && npm run bench\` (about two minutes; prints these tables; \`npm run bench -- --write\`
rewrites this file above the analysis, which it keeps). The bench bundles port-guard's engine from \`bench/port-guard-entry.ts\` into
\`.bench-tmp/pg\` with ncc, runs every contender in one process, one at a time, interleaved
(rotating order each round) after ${ROUNDS.warmup} warm-up rounds; W4 spawns the committed \`dist/\` (run \`npm run package\` first
after changing \`src/\`). Where the time goes: \`node bench/profile.js check1000\` (see the end).

## Machine

- \`nproc\`: ${m.nproc}; Node ${m.node}; Linux ${m.kernel}; run at ${m.date}; whole bench took ${elapsed} s
- Load average (1/5/15 min) at start ${loadAtStart.map((x) => x.toFixed(2)).join(' / ')}, at end ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ')} (other work on the machine shows up as spread)
- Floor plan on this OS: ${floorPlan.map((h) => `\`${h}\``).join(', ')} (one exclusive listen()+close() per port and address)
${pg.missing ? `- **port-guard not measured**: ${pg.missing}\n` : ''}
\`\`\`
${m.lscpu}
\`\`\`

## Goals

${goals.join('\n')}

## Correctness (same run)

Each holder is a listener in another process on a port free on every address before. Asked
"is this port free?" for TCP (what every peer answers) and, where a contender can, for UDP.
A contender is right for the TCP speed tables only if every TCP row is right.

${correctnessTable(corr.rows, names)}

## Speed

Checks of different ports run 64 at a time for every contender (peers included); one contender
runs at a time. "× fastest right" compares against the fastest contender that is right (correctness
table and every answer in this workload); a ratio in parentheses belongs to a wrong contender.

${sections.join('\n')}
## Contenders

${[floor, ...peers].map((c) => `- **${c.name}**: ${c.note}`).join('\n')}
${pg.missing ? '' : pg.notes.map((n) => `- ${n}`).join('\n')}
`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
