import type { FrontendPlugin, RouteParams, RouteRef } from '@greenroom/frontend-plugin-api';

/** Where each route ref's page is mounted, with problems for clashes. */
export function collectMountedPaths(plugins: readonly FrontendPlugin[]): {
  paths: Map<RouteRef<RouteParams>, string>;
  problems: string[];
} {
  const paths = new Map<RouteRef<RouteParams>, string>();
  const owners = new Map<string, string>();
  const problems: string[] = [];
  for (const plugin of plugins) {
    for (const page of plugin.pages) {
      const name = `${plugin.id}/${page.name}`;
      const clash = owners.get(page.path);
      if (clash) {
        problems.push(`Pages '${clash}' and '${name}' are both mounted at '${page.path}'`);
        continue;
      }
      if (paths.has(page.mountPoint)) {
        problems.push(`Page '${name}' mounts a route that another page already mounts`);
        continue;
      }
      owners.set(page.path, name);
      paths.set(page.mountPoint, page.path);
    }
  }
  return { paths, problems };
}
