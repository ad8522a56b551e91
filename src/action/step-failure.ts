/**
 * How an action's step (main, or the wait/ action) fails on an error it caught: the same kinds,
 * lines and exit codes in every step, never a stack trace in an annotation.
 */
import type { RunnerIO } from './runner-io.js';
import { describeFailure, failureStack } from '../report/failure.js';
import { sourceMappedStack } from '../system/source-stack.js';

/**
 * Input errors (one annotation per problem, titled with the input) and conflicts fail the step
 * with 1, a signal with 128+n; anything else is one error line without a stack trace (the stack
 * goes to the debug log) and 1.
 */
export function failStep(io: RunnerIO, err: unknown): void {
  const failure = describeFailure(err);
  switch (failure.kind) {
    case 'usage':
      for (const e of failure.errors)
        for (const p of e.problems) io.annotate('error', p, `port-guard: input ${e.input}`);
      io.setExitCode(1);
      return;
    case 'cancelled':
      io.annotate('error', `port-guard: ${failure.message}`);
      io.setExitCode(failure.exitCode);
      return;
    default: {
      const stack = failureStack(err);
      if (stack) io.debug(sourceMappedStack(stack));
      io.annotate('error', `port-guard: ${failure.message}`);
      io.setExitCode(1);
    }
  }
}
