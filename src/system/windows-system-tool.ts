import { win32 } from 'node:path';

/**
 * The absolute path of a Windows system tool. Windows looks a bare name up in the current
 * directory first — the checked-out workspace, which a pull request controls.
 */
export function windowsSystemTool(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const root = env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows';
  return win32.join(root, 'System32', `${name}.exe`);
}
