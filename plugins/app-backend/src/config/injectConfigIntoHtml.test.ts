import { describe, expect, it } from 'vitest';
import { renderConfigScript } from '@greenroom/config';
import { injectConfigIntoHtml } from './injectConfigIntoHtml';

const layers = [{ context: 'app-backend', data: { app: { title: 'Portal' } } }];
const script = renderConfigScript(layers);

function configScripts(html: string): string[] {
  return [...html.matchAll(/<script type="greenroom\/config">([\s\S]*?)<\/script>/g)].map(
    match => match[1],
  );
}

describe('renderConfigScript', () => {
  it('writes the layers as a JSON array the frontend can parse back', () => {
    const [content] = configScripts(script);
    expect(JSON.parse(content)).toEqual(layers);
  });

  it('escapes every < so a value cannot end the script or open a comment', () => {
    const hostile = [
      { context: 'app-backend', data: { a: '</script><script>alert(1)</script>', b: '<!--' } },
    ];
    const rendered = renderConfigScript(hostile);
    expect(rendered.match(/<\/script/gi)).toHaveLength(1);
    expect(rendered).not.toContain('<!--');
    expect(JSON.parse(configScripts(rendered)[0])).toEqual(hostile);
  });
});

describe('injectConfigIntoHtml', () => {
  it('replaces the placeholder script the build left, keeping its position', () => {
    const html =
      '<html><head><title>x</title><script type="greenroom/config">[]</script>' +
      '<script type="module" src="/assets/index.js"></script></head><body></body></html>';
    const result = injectConfigIntoHtml(html, layers);
    expect(result).toBe(html.replace('<script type="greenroom/config">[]</script>', script));
  });

  it('replaces config scripts with single quotes, other attributes and multi-line content', () => {
    const html =
      '<head><script id=\'cfg\' type=\'greenroom/config\' data-x="1">\n[{"context":"dev",\n' +
      '"data":{}}]\n</script ></head>';
    expect(injectConfigIntoHtml(html, layers)).toBe(`<head>${script}</head>`);
  });

  it('leaves one config script when the build left several', () => {
    const html =
      '<head><script type="greenroom/config">[1]</script><script type="greenroom/config">[2]</script></head>';
    const result = injectConfigIntoHtml(html, layers);
    expect(configScripts(result)).toHaveLength(1);
    expect(result).toBe(`<head>${script}</head>`);
  });

  it('inserts the script before </head> when the page has none', () => {
    const html = '<html><HEAD><title>x</title></HEAD><body></body></html>';
    expect(injectConfigIntoHtml(html, layers)).toBe(
      `<html><HEAD><title>x</title>${script}</HEAD><body></body></html>`,
    );
  });

  it('falls back to the start of <body>, then to the end of the page', () => {
    expect(injectConfigIntoHtml('<body class="a"><p>x</p></body>', layers)).toBe(
      `<body class="a">${script}<p>x</p></body>`,
    );
    expect(injectConfigIntoHtml('<p>x</p>', layers)).toBe(`<p>x</p>${script}`);
  });

  it('does not touch scripts of other types', () => {
    const html = '<head><script type="application/json">{"a":1}</script></head>';
    expect(injectConfigIntoHtml(html, layers)).toBe(
      `<head><script type="application/json">{"a":1}</script>${script}</head>`,
    );
  });

  it('inserts values containing $& and $1 literally', () => {
    const tricky = [{ context: 'app-backend', data: { v: "$& $1 $' $`" } }];
    const html = '<head><script type="greenroom/config"></script></head>';
    const [content] = configScripts(injectConfigIntoHtml(html, tricky));
    expect(JSON.parse(content)).toEqual(tricky);
  });
});
