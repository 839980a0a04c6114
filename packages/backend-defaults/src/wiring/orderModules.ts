import { isServiceRef, type DepRef } from '@greenroom/backend-plugin-api';
import type { Unit } from './unit';

/**
 * Orders modules so that one providing an extension point initializes before the modules that
 * depend on it. Throws naming the modules when they depend on each other in a loop.
 */
export function orderModules(modules: Unit[]): Unit[] {
  const provider = new Map<string, Unit>();
  for (const unit of modules) {
    for (const { ref } of unit.registrations.extensionPoints) provider.set(ref.id, unit);
  }
  const ordered: Unit[] = [];
  const state = new Map<Unit, 'visiting' | 'done'>();
  const visit = (unit: Unit, path: Unit[]) => {
    if (state.get(unit) === 'done') return;
    if (state.get(unit) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(unit)), unit].map(u => u.moduleId).join(' -> ');
      throw new Error(`Circular dependency between modules of plugin '${unit.pluginId}': ${cycle}`);
    }
    state.set(unit, 'visiting');
    for (const dep of Object.values(unit.registrations.init.deps) as DepRef[]) {
      const before = isServiceRef(dep) ? undefined : provider.get(dep.id);
      if (before && before !== unit) visit(before, [...path, unit]);
    }
    state.set(unit, 'done');
    ordered.push(unit);
  };
  modules.forEach(unit => visit(unit, []));
  return ordered;
}
