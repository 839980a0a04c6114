import { renderConfigScript, type AppConfig } from '@greenroom/config';

// Any existing config script the build left behind (a placeholder, or config from a dev build).
const CONFIG_SCRIPT =
  /<script\b[^>]*?\btype\s*=\s*(["']?)greenroom\/config\1[^>]*>[\s\S]*?<\/script\s*>/gi;
const HEAD_END = /<\/head\s*>/i;
const BODY_START = /<body[\s>]/i;

/**
 * Puts the config script into an HTML page: in place of the first config script the page
 * already has (removing any others), else before `</head>`, else at the start of `<body>`.
 */
export function injectConfigIntoHtml(html: string, layers: readonly AppConfig[]): string {
  const script = renderConfigScript(layers);
  let replaced = false;
  // A function replacer: the JSON may contain `$&` and friends, which a string replacement expands.
  const result = html.replace(CONFIG_SCRIPT, () => {
    if (replaced) return '';
    replaced = true;
    return script;
  });
  if (replaced) return result;

  const headEnd = html.search(HEAD_END);
  if (headEnd >= 0) return html.slice(0, headEnd) + script + html.slice(headEnd);
  const bodyStart = html.search(BODY_START);
  if (bodyStart >= 0) {
    const afterTag = html.indexOf('>', bodyStart) + 1;
    return html.slice(0, afterTag) + script + html.slice(afterTag);
  }
  return html + script;
}
