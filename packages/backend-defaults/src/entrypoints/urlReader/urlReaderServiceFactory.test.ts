import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreServices } from '@greenroom/backend-plugin-api';
import type { UrlReaderService } from '@greenroom/backend-plugin-api';
import { createTestLogger } from '@greenroom/backend-test-utils';
import { ConfigReader } from '@greenroom/config';
import type { JsonObject } from '@greenroom/config';
import { NotAllowedError } from '@greenroom/errors';
import { describe, expect, it } from 'vitest';
import { urlReaderServiceFactory } from './urlReaderServiceFactory';

async function create(data: JsonObject): Promise<UrlReaderService> {
  const config = new ConfigReader(data);
  const rootContext = await urlReaderServiceFactory.createRootContext?.({ config });
  return urlReaderServiceFactory.factory(
    { config, logger: createTestLogger() },
    { pluginId: 'catalog', rootContext },
  );
}

describe('urlReaderServiceFactory', () => {
  it('provides the urlReader ref, per plugin', () => {
    expect(urlReaderServiceFactory.service).toBe(coreServices.urlReader);
    expect(urlReaderServiceFactory.service.scope).toBe('plugin');
  });

  it('reads files and applies backend.reading.allow from config', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'greenroom-factory-'));
    try {
      await writeFile(join(dir, 'a.txt'), 'content');
      const reader = await create({ backend: { reading: { allow: [{ host: 'example.com' }] } } });
      expect((await (await reader.readUrl(join(dir, 'a.txt'))).buffer()).toString()).toBe(
        'content',
      );
      await expect(reader.readUrl('https://other.example.org/x')).rejects.toThrow(NotAllowedError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('applies backend.reading.maxBytes, and refuses a bad value at startup', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'greenroom-factory-'));
    try {
      await writeFile(join(dir, 'big.txt'), 'x'.repeat(2048));
      const small = await create({ backend: { reading: { maxBytes: 1024 } } });
      await expect(small.readUrl(join(dir, 'big.txt'))).rejects.toThrow(/1 KiB read limit/);
      const roomy = await create({ backend: { reading: { maxBytes: 4096 } } });
      expect((await (await roomy.readUrl(join(dir, 'big.txt'))).buffer()).length).toBe(2048);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await expect(create({ backend: { reading: { maxBytes: -1 } } })).rejects.toThrow(
      /backend.reading.maxBytes/,
    );
  });

  it('fails to start on a malformed allow-list', async () => {
    await expect(
      create({ backend: { reading: { allow: [{ host: 'http://x' }] } } }),
    ).rejects.toThrow(/backend.reading.allow\[0\]/);
  });
});
