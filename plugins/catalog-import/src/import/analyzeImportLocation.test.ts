import { describe, expect, it } from 'vitest';
import { component, fakeImportCatalog } from '../testing/fakeImportCatalog';
import { analyzeImportLocation, catalogFileUrl } from './analyzeImportLocation';

const FILE = 'https://git.example.com/shop/catalog-info.yaml';

describe('analyzeImportLocation', () => {
  it('lists the entities of a URL from the analyzer, with the file it read', async () => {
    const catalog = fakeImportCatalog({ [FILE]: [component('shop'), component('cart', 'retail')] });
    const result = await analyzeImportLocation(catalog.api, {
      type: 'url',
      target: 'https://git.example.com/shop',
    });
    expect(result).toEqual({
      kind: 'entities',
      location: { type: 'url', target: FILE },
      entities: [
        {
          ref: 'component:default/shop',
          kind: 'Component',
          namespace: 'default',
          name: 'shop',
          isRegistered: false,
        },
        {
          ref: 'component:retail/cart',
          kind: 'Component',
          namespace: 'retail',
          name: 'cart',
          isRegistered: false,
        },
      ],
    });
    expect(catalog.calls.map(c => c.method)).toEqual(['analyzeLocation']);
  });

  it('marks entities of a registered URL', async () => {
    const catalog = fakeImportCatalog({ [FILE]: [component('shop')] });
    catalog.registered.add(`url:${FILE}`);
    const result = await analyzeImportLocation(catalog.api, { type: 'url', target: FILE });
    expect(result.kind === 'entities' && result.entities[0].isRegistered).toBe(true);
  });

  it('passes the configured catalog filename to the analyzer and the dry run', async () => {
    const catalog = fakeImportCatalog({
      'https://git.example.com/shop/backstage.yaml': [component('shop')],
    });
    const result = await analyzeImportLocation(
      catalog.api,
      { type: 'url', target: 'https://git.example.com/shop/' },
      'backstage.yaml',
    );
    expect(result.kind).toBe('entities');
    expect(catalog.calls[0].request).toEqual({
      location: { type: 'url', target: 'https://git.example.com/shop/' },
      catalogFilename: 'backstage.yaml',
    });
  });

  it('turns an unreadable URL into the catalog error from the dry run', async () => {
    const catalog = fakeImportCatalog({});
    await expect(
      analyzeImportLocation(catalog.api, { type: 'url', target: 'https://git.example.com/none' }),
    ).rejects.toThrow('Could not read url:https://git.example.com/none/catalog-info.yaml');
    expect(catalog.calls.map(c => c.method)).toEqual(['analyzeLocation', 'addLocation']);
    expect(catalog.calls[1].request).toEqual({
      type: 'url',
      target: 'https://git.example.com/none/catalog-info.yaml',
      dryRun: true,
    });
  });

  it('reports a readable file without valid entities as having none', async () => {
    const catalog = fakeImportCatalog({ [FILE]: [] });
    expect(await analyzeImportLocation(catalog.api, { type: 'url', target: FILE })).toEqual({
      kind: 'noEntities',
      location: { type: 'url', target: FILE },
    });
  });

  it('previews a path through a dry run, leaving out the generated Location', async () => {
    const catalog = fakeImportCatalog({ '/srv/catalog/shop.yaml': [component('shop')] });
    const result = await analyzeImportLocation(catalog.api, {
      type: 'file',
      target: '/srv/catalog/shop.yaml',
    });
    expect(result).toEqual({
      kind: 'entities',
      location: { type: 'file', target: '/srv/catalog/shop.yaml' },
      entities: [expect.objectContaining({ ref: 'component:default/shop', isRegistered: false })],
    });
    expect(catalog.calls.map(c => c.method)).toEqual(['addLocation']);
  });

  it('marks the entities of a registered path', async () => {
    const catalog = fakeImportCatalog({ '/srv/catalog/shop.yaml': [component('shop')] });
    catalog.registered.add('file:/srv/catalog/shop.yaml');
    const result = await analyzeImportLocation(catalog.api, {
      type: 'file',
      target: '/srv/catalog/shop.yaml',
    });
    expect(result.kind === 'entities' && result.entities[0].isRegistered).toBe(true);
  });

  it('passes backend errors for paths on', async () => {
    const catalog = fakeImportCatalog({
      '/etc/passwd': {
        unreadable:
          'file location is outside the directories listed in catalog.registration.fileRoots',
      },
    });
    await expect(
      analyzeImportLocation(catalog.api, { type: 'file', target: '/etc/passwd' }),
    ).rejects.toThrow('outside the directories listed in catalog.registration.fileRoots');
  });

  it('lists an entity found twice once', async () => {
    const catalog = fakeImportCatalog({ [FILE]: [component('shop'), component('Shop')] });
    const result = await analyzeImportLocation(catalog.api, { type: 'url', target: FILE });
    expect(result.kind === 'entities' && result.entities).toHaveLength(1);
  });
});

describe('catalogFileUrl', () => {
  it('keeps YAML file URLs and appends the filename to folders', () => {
    expect(catalogFileUrl('https://h/a/x.yml')).toBe('https://h/a/x.yml');
    expect(catalogFileUrl('https://h/a')).toBe('https://h/a/catalog-info.yaml');
    expect(catalogFileUrl('https://h/a/', 'b.yaml')).toBe('https://h/a/b.yaml');
  });
});
