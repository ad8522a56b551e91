/**
 * The one home of the environment-name rules: how a spec name becomes a variable name, and
 * which names a port may never be exported as. `export-env`, the `run` input's environment and
 * the CLI's `--format env` (shell `eval`, GitLab dotenv) all apply these.
 */
import { InputError } from './input-error.js';

/** The environment variable a spec is exported as: upper-cased, `-` becomes `_`. */
export function envName(name: string): string {
  return name.toUpperCase().replace(/-/g, '_');
}

/**
 * Variables a shell, a runtime, the runner or a later step depends on. A port exported under one
 * of them breaks the job in a way nobody would trace back to a port spec (`path=auto` puts a
 * number in PATH; `bash_env=auto` makes every later bash source a file named after a port).
 * Matched against the upper-cased name: environment names are case-insensitive on Windows, and
 * spec names are unique ignoring case, so the upper-cased form is the one that counts.
 */
const PROTECTED_ENV = new RegExp(
  '^(?:' +
    [
      // the process and the user
      'PATH',
      'PATHEXT',
      'HOME',
      'USER',
      'LOGNAME',
      'SHELL',
      'PWD',
      'OLDPWD',
      'TMPDIR',
      'TEMP',
      'TMP',
      'LANG',
      'LANGUAGE',
      'LC_[A-Z0-9_]*',
      'TZ',
      'TERM',
      // shells: startup files, options, parsing, prompts
      'ENV',
      'BASH_ENV',
      'BASH_[A-Z0-9_]*',
      'SHELLOPTS',
      'BASHOPTS',
      'IFS',
      'PS[0-9]',
      'PROMPT_COMMAND',
      'CDPATH',
      'GLOBIGNORE',
      'HISTFILE',
      'ZDOTDIR',
      // Windows
      'COMSPEC',
      'SYSTEMROOT',
      'WINDIR',
      'USERPROFILE',
      'APPDATA',
      'LOCALAPPDATA',
      'PROGRAMDATA',
      'PSMODULEPATH',
      // the dynamic loader and runtimes' own switches
      'LD_[A-Z0-9_]*',
      'DYLD_[A-Z0-9_]*',
      '[A-Z0-9_]*_OPTIONS',
      'NODE_PATH',
      'NODE_ENV',
      'NODE_DEBUG',
      'NODE_EXTRA_CA_CERTS',
      'NODE_TLS_REJECT_UNAUTHORIZED',
      'NPM_CONFIG_[A-Z0-9_]*',
      'PYTHON[A-Z0-9_]*',
      'PERL5LIB',
      'PERL5OPT',
      'PERLLIB',
      'RUBYOPT',
      'RUBYLIB',
      'JAVA_HOME',
      'CLASSPATH',
      // tools that run other programs from the environment
      'GIT_[A-Z0-9_]*',
      'SSH_AUTH_SOCK',
      'SSH_ASKPASS',
      '(?:HTTP|HTTPS|FTP|ALL|NO)_PROXY',
      // CI systems and the runner protocol
      'CI',
      'CI_[A-Z0-9_]*',
      'GITLAB_[A-Z0-9_]*',
      'GITHUB_[A-Z0-9_]*',
      'RUNNER_[A-Z0-9_]*',
      'ACTIONS_[A-Z0-9_]*',
      'INPUT_[A-Z0-9_]*',
      'STATE_[A-Z0-9_]*',
    ].join('|') +
    ')$',
);

/** Whether a port may not be exported as `env` (an upper-cased name, see {@link envName}). */
export function isProtectedEnvName(env: string): boolean {
  return PROTECTED_ENV.test(env.toUpperCase());
}

/**
 * Every reason the spec names cannot all be exported: a protected variable, or two names that
 * become the same variable (`a-b` and `a_b` are both `A_B`). `why` says what exports them
 * ("export-env is true", "--format env"); `input` is the input the error is filed under.
 */
export function envNameProblems(
  names: readonly string[],
  why: string,
  input = 'export-env',
): InputError[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const env = envName(name);
    if (isProtectedEnvName(env)) {
      problems.push(
        `ports: the name "${name}" would be exported as ${env} (${why}), a variable shells, tools or the runner rely on; rename it (e.g. "${name}-port")`,
      );
    }
    const other = seen.get(env);
    if (other !== undefined)
      problems.push(
        `ports: the names "${other}" and "${name}" would both be exported as ${env} (${why}); rename one`,
      );
    seen.set(env, name);
  }
  return problems.length > 0 ? [new InputError(input, problems)] : [];
}
