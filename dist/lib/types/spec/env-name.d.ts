/**
 * The one home of the environment-name rules: how a spec name becomes a variable name, and
 * which names a port may never be exported as. `export-env`, the `run` input's environment and
 * the CLI's `--format env` (shell `eval`, GitLab dotenv) all apply these.
 */
import { InputError } from './input-error.js';
/** The environment variable a spec is exported as: upper-cased, `-` becomes `_`. */
export declare function envName(name: string): string;
/** Whether a port may not be exported as `env` (an upper-cased name, see {@link envName}). */
export declare function isProtectedEnvName(env: string): boolean;
/**
 * Every reason the spec names cannot all be exported: a protected variable, or two names that
 * become the same variable (`a-b` and `a_b` are both `A_B`). `why` says what exports them
 * ("export-env is true", "--format env"); `input` is the input the error is filed under.
 */
export declare function envNameProblems(names: readonly string[], why: string, input?: string): InputError[];
