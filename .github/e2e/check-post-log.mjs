// The check of port-guard's post steps that no step of their own job can make: run by a later
// job (`needs:` the e2e jobs, `permissions: actions: read`), it downloads each e2e job's log
// through the API and requires in it, per job:
// - the marker line `port-guard-e2e-post: {...}` that the job printed (the ports the post step
//   of `alloc` must release and the server it must report);
// - the post step's release line naming every one of those ports;
// - its notice naming the still-bound port and the server's pid;
// - the after-post action's verdict line (the leases are gone from the lease dirs).
// `node check-post-log.mjs JOB_NAME_PREFIX EXPECTED_JOBS`; GH_TOKEN, GITHUB_API_URL,
// GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT from the runner. With LOG_FILE set it
// checks that one local log instead (how the test suite runs it).
import { readFileSync } from 'node:fs';

const [prefix = 'action on ', expected = '3'] = process.argv.slice(2);
const problems = [];

/** The checks on one job's log; returns its problems. */
function checkLog(text) {
  const found = [];
  // Each line of a downloaded log starts with a timestamp.
  const lines = text.split(/\r?\n/).map((l) => l.replace(/^\d{4}-\d\d-\d\dT[\d:.]+Z /, ''));
  const marker = lines.map((l) => /^port-guard-e2e-post: (\{.*\})$/.exec(l)?.[1]).find(Boolean);
  if (!marker) return ['no "port-guard-e2e-post:" marker line: the job did not get that far'];
  const { released, stillBound } = JSON.parse(marker);
  const isNotice = (l) => /^(##\[notice\]|::notice)/.test(l);
  for (const port of released) {
    if (!lines.some((l) => /^port-guard: released /.test(l) && new RegExp(`\\b${port}\\b`).test(l)))
      found.push(`the post step did not say it released ${port}`);
  }
  const notice = lines.find(
    (l) =>
      isNotice(l) &&
      new RegExp(`\\b${stillBound.port}/tcp\\b`).test(l) &&
      new RegExp(`\\bpid ${stillBound.pid}\\b`).test(l),
  );
  if (!notice)
    found.push(
      `no notice that ${stillBound.port}/tcp is still bound by pid ${stillBound.pid} (the server the job left running)`,
    );
  if (
    !lines.some((l) =>
      l.includes('e2e after-post: every lease the post steps had to release is gone'),
    )
  )
    found.push('the after-post check did not pass (or did not run)');
  return found;
}

async function api(path) {
  const url = `${process.env.GITHUB_API_URL ?? 'https://api.github.com'}${path}`;
  for (let attempt = 1; ; attempt++) {
    const r = await fetch(url, {
      headers: {
        authorization: `Bearer ${process.env.GH_TOKEN}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
      },
    });
    if (r.ok) return r;
    // A log can take a moment to be available after its job ends.
    if (attempt >= 12 || ![404, 502, 503].includes(r.status))
      throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
    await new Promise((done) => setTimeout(done, 10_000));
  }
}

if (process.env.LOG_FILE) {
  problems.push(...checkLog(readFileSync(process.env.LOG_FILE, 'utf8')));
} else {
  const {
    GITHUB_REPOSITORY: repo,
    GITHUB_RUN_ID: run,
    GITHUB_RUN_ATTEMPT: attempt = '1',
  } = process.env;
  const { jobs } = await (
    await api(`/repos/${repo}/actions/runs/${run}/attempts/${attempt}/jobs?per_page=100`)
  ).json();
  const e2e = jobs.filter((j) => j.name.startsWith(prefix));
  if (e2e.length !== Number(expected))
    problems.push(`${e2e.length} jobs named "${prefix}…" in this run, expected ${expected}`);
  for (const job of e2e) {
    const text = await (await api(`/repos/${repo}/actions/jobs/${job.id}/logs`)).text();
    const found = checkLog(text);
    for (const p of found) problems.push(`${job.name}: ${p}`);
    if (found.length === 0)
      console.log(`ok: ${job.name}: post step released and reported as it must`);
  }
}
if (problems.length > 0) {
  for (const p of problems) console.log(`::error::${p}`);
  process.exit(1);
}
