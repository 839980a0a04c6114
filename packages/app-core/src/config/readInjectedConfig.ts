import { CONFIG_SCRIPT_TYPE, type AppConfig, type JsonObject } from '@greenroom/config/reader';

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The frontend config layers injected into index.html as
 * `<script type="greenroom/config">[{ "context": …, "data": {…} }]</script>`, lowest priority
 * first. No script means no config (the app then talks to the backend at its own origin).
 */
export function readInjectedConfig(document: Document): AppConfig[] {
  const scripts = document.querySelectorAll(`script[type="${CONFIG_SCRIPT_TYPE}"]`);
  const layers: AppConfig[] = [];
  scripts.forEach((script, index) => {
    const where = `<script type="${CONFIG_SCRIPT_TYPE}"> #${index + 1}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      throw new Error(`The app config in ${where} is not valid JSON`);
    }
    if (!Array.isArray(parsed)) {
      throw new Error(
        `The app config in ${where} must be a JSON array of { context, data } layers`,
      );
    }
    parsed.forEach((layer: unknown, position) => {
      if (!isJsonObject(layer) || typeof layer.context !== 'string' || !isJsonObject(layer.data)) {
        throw new Error(
          `The app config in ${where} has an invalid layer at index ${position}: expected { "context": string, "data": object }`,
        );
      }
      layers.push({ context: layer.context, data: layer.data });
    });
  });
  return layers;
}
