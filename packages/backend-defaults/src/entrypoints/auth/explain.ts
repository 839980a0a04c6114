/**
 * Builds the message of an auth error: what was wrong, plus how to fix it when the backend runs
 * in development. Production messages stay short, so they do not coach someone probing the API.
 */
export type Explain = (problem: string, fix?: string) => string;

export function createExplain(development: boolean): Explain {
  return (problem, fix) => (development && fix ? `${problem}. To fix: ${fix}` : problem);
}

/** Whether auth errors carry how-to-fix hints: only when NODE_ENV is `development`. */
export function isDevelopment(nodeEnv: string | undefined = process.env.NODE_ENV): boolean {
  return nodeEnv === 'development';
}
