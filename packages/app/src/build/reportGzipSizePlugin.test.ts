import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { measureGzipSizes } from './reportGzipSizePlugin';

const chunk = (fileName: string, code: string, isEntry: boolean, imports: string[] = []) => ({
  type: 'chunk',
  fileName,
  code,
  isEntry,
  imports,
});

describe('measureGzipSizes', () => {
  it('counts the entry and what it imports as first load, lazy chunks only in the total', () => {
    const vendor = 'export const react = "react";'.repeat(200);
    const bundle = {
      'static/index.js': chunk('static/index.js', 'import "./vendor.js"; console.log(1);', true, [
        'static/vendor.js',
      ]),
      'static/vendor.js': chunk('static/vendor.js', vendor, false),
      'static/SettingsPage.js': chunk(
        'static/SettingsPage.js',
        'export const SettingsPage = 1;',
        false,
      ),
      'index.html': { type: 'asset' },
    };
    const report = measureGzipSizes(bundle);
    const size = (code: string) => gzipSync(code, { level: 9 }).length;
    expect(report.chunks).toHaveLength(3);
    expect(report.chunks[0]).toEqual({
      fileName: 'static/vendor.js',
      gzipBytes: size(vendor),
      initial: true,
    });
    expect(report.chunks.find(c => c.fileName === 'static/SettingsPage.js')?.initial).toBe(false);
    expect(report.initialGzipBytes).toBe(
      size(vendor) + size('import "./vendor.js"; console.log(1);'),
    );
    expect(report.totalGzipBytes).toBe(
      report.initialGzipBytes + size('export const SettingsPage = 1;'),
    );
  });
});
