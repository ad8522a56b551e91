// The action's bundle (dist/index.js), both steps: the main step saves `isPost`, so the post
// step finds it in its state and one bundle serves both, as actions/checkout does. Each step
// loads only its own code: the post step never evaluates @actions/github (octokit, undici),
// which only the main step's run identity needs.
import { runnerIO } from './action/runner-io.js';
import { readMainStepState } from './action/state.js';

if (readMainStepState(runnerIO).isPost) await (await import('./action/post.js')).run();
else await (await import('./action/main.js')).run();
