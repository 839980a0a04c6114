import type { AnyApiFactory, ApiHolder, ApiRef } from '@greenroom/frontend-plugin-api';

/**
 * Builds each API on first use from its factory and dependencies. Later factories for the same
 * API id replace earlier ones, so the app's own factories win over plugins' and core defaults.
 */
export class ApiRegistry implements ApiHolder {
  private readonly factories = new Map<string, AnyApiFactory>();
  private readonly instances = new Map<string, unknown>();

  constructor(factories: readonly AnyApiFactory[]) {
    for (const factory of factories) this.factories.set(factory.api.id, factory);
  }

  /** Missing dependencies and cycles, one line each, to report before anything renders. */
  validate(): string[] {
    const problems: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (id: string, path: string[]) => {
      if (state.get(id) === 'done') return;
      if (state.get(id) === 'visiting') {
        problems.push(`API dependency cycle: ${[...path, id].join(' → ')}`);
        return;
      }
      state.set(id, 'visiting');
      for (const dep of Object.values(this.factories.get(id)?.deps ?? {})) {
        if (!this.factories.has(dep.id)) {
          problems.push(
            `API '${id}' depends on '${dep.id}', which neither the app nor a plugin provides`,
          );
        } else {
          visit(dep.id, [...path, id]);
        }
      }
      state.set(id, 'done');
    };
    for (const id of this.factories.keys()) visit(id, []);
    return problems;
  }

  get<T>(ref: ApiRef<T>): T | undefined {
    if (this.instances.has(ref.id)) return this.instances.get(ref.id) as T;
    const factory = this.factories.get(ref.id);
    if (!factory) return undefined;
    const deps: Record<string, unknown> = {};
    for (const [name, dep] of Object.entries(factory.deps)) {
      const api = this.get(dep);
      if (api === undefined)
        throw new Error(`API '${ref.id}' needs '${dep.id}', which is not available`);
      deps[name] = api;
    }
    const instance = factory.factory(deps);
    this.instances.set(ref.id, instance);
    return instance as T;
  }
}
