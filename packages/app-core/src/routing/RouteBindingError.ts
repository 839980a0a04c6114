/** The app's route bindings cannot be resolved; each problem names the key at fault. */
export class RouteBindingError extends Error {
  override readonly name = 'RouteBindingError';

  constructor(readonly problems: readonly string[]) {
    super(`Invalid route bindings:\n${problems.map(problem => `- ${problem}`).join('\n')}`);
  }
}
