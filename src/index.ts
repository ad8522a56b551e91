// The action's bundle (dist/index.js), both steps: the main step saves `isPost`, so the post
// step finds it in its state and one bundle serves both, as actions/checkout does.
import { run as main } from './action/main.js';
import { run as post } from './action/post.js';
import { runnerIO } from './action/runner-io.js';
import { readMainStepState } from './action/state.js';

if (readMainStepState(runnerIO).isPost) await post();
else await main();
