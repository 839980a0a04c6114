import type { AppConfig, Config, JsonObject } from '@greenroom/config';
import { filterConfigByVisibility, loadConfigSchema } from '@greenroom/config';

/** The layer's name in the injected config, so the frontend can tell where a value came from. */
export const INJECTED_CONFIG_CONTEXT = 'app-backend';

/**
 * The part of the merged config the browser may see: only values the workspace schemas mark
 * `frontend`. Secrets and undeclared (backend) values never pass.
 */
export async function readFrontendConfig(config: Config, rootDir: string): Promise<AppConfig[]> {
  const schema = await loadConfigSchema(rootDir);
  const data = config.getOptional<JsonObject>() ?? {};
  return [
    {
      context: INJECTED_CONFIG_CONTEXT,
      data: filterConfigByVisibility(data, schema, 'frontend'),
    },
  ];
}
