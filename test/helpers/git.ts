/** Run git in a temporary repository, with a fixed identity (tests never touch the user's config). */
import { execFileSync } from 'node:child_process';

export const GIT_IDENTITY = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_IDENTITY } });
}

/**
 * The environment of a git, npm or hook run in a temporary repository: no
 * user or system git config, a fixed identity, npm preferring its cache, no
 * colour, and none of the variables that point git or npm elsewhere.
 */
export function isolatedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'claimlint test',
    GIT_AUTHOR_EMAIL: 'test@example.org',
    GIT_COMMITTER_NAME: 'claimlint test',
    GIT_COMMITTER_EMAIL: 'test@example.org',
    // npm: packages from ~/.npm, the registry only for what is missing.
    npm_config_prefer_offline: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    ...extra,
  };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[k];
  return env;
}
