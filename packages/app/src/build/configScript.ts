import type { AppConfig } from '@greenroom/config';

/** The script type app-core reads the config from (see readInjectedConfig in app-core). */
export const CONFIG_SCRIPT_TYPE = 'greenroom/config';

/** The JSON of the config layers, safe inside a <script> element: no `<` can close it. */
export function serializeConfigLayers(layers: readonly AppConfig[]): string {
  return JSON.stringify(layers.map(({ context, data }) => ({ context, data }))).replace(
    /</g,
    '\\u003c',
  );
}
