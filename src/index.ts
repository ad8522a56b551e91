import { getState } from './action-io.js';
import { cleanup, run } from './action.js';

// One bundle, two roles: the main step saves `isPost`, so the post step finds it in its state.
if (getState('isPost') === 'true') await cleanup();
else await run();
