// Interleaved timing: every round runs each contender once, in a rotated order, so drift in
// the machine (CPU frequency, other jobs, page cache) lands on all contenders alike.
// No forced gc() between samples: a full collection shrinks the young generation and made the
// next sample pay extra scavenges (port-guard's 1000-port check went from ~1.4× to ~3× the
// floor), which is not how any of these libraries runs.
import { summarize } from './stats.js';

/**
 * Runs `task(contender)` for `warmup + iterations` rounds and keeps the last `iterations`.
 * `validate(contender, result)` returns a list of problems with one answer (empty: right).
 * `timeOf(result, ms)` may replace the measured time with one the task took itself.
 */
export async function interleave(
  contenders,
  task,
  { warmup, iterations, validate, between, timeOf = (_result, ms) => ms },
) {
  const samples = new Map(contenders.map((c) => [c.name, []]));
  const cpuSamples = new Map(contenders.map((c) => [c.name, []]));
  const problems = new Map(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < warmup + iterations; round++) {
    const shift = round % contenders.length;
    const order = [...contenders.slice(shift), ...contenders.slice(0, shift)];
    for (const c of order) {
      const cpu0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      let result;
      let failure;
      try {
        result = await task(c);
      } catch (error) {
        failure = error;
      }
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const cpu = process.cpuUsage(cpu0);
      if (round >= warmup) {
        samples.get(c.name).push(failure ? ms : timeOf(result, ms));
        cpuSamples.get(c.name).push((cpu.user + cpu.system) / 1000);
        const found = failure ? [`threw: ${failure.message}`] : await validate(c, result);
        problems.get(c.name).push(...found);
      }
      if (between) await between(c, result);
    }
  }
  return contenders.map((c) => ({
    name: c.name,
    samples: samples.get(c.name),
    ...summarize(samples.get(c.name).filter((x) => typeof x === 'number')),
    /** This process's CPU time (all threads) per round: less disturbed by other load than wall time. */
    cpu: summarize(cpuSamples.get(c.name)),
    problems: problems.get(c.name),
  }));
}
