import type { AppConfig } from '../types';

/**
 * How frontend config travels in index.html: `<script type="greenroom/config">` holding a JSON
 * array of `{ context, data }` layers. The backend and the dev server write it; the app reads it.
 */
export const CONFIG_SCRIPT_TYPE = 'greenroom/config';

/** The layers as JSON that is safe inside a <script> element: every `<` is written `\u003c`. */
export function serializeConfigLayers(layers: readonly AppConfig[]): string {
  return JSON.stringify(layers.map(({ context, data }) => ({ context, data }))).replace(
    /</g,
    '\\u003c',
  );
}

/** The whole script element for `layers`. */
export function renderConfigScript(layers: readonly AppConfig[]): string {
  return `<script type="${CONFIG_SCRIPT_TYPE}">${serializeConfigLayers(layers)}</script>`;
}
