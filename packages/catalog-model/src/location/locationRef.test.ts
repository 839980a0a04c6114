import { describe, expect, it } from 'vitest';
import * as backstage from '@backstage/catalog-model';
import type { Entity } from '../entity/Entity';
import { getEntitySourceLocation, parseLocationRef, stringifyLocationRef } from './locationRef';

describe('parseLocationRef', () => {
  it('splits on the first colon only and trims', () => {
    expect(parseLocationRef('url:https://host/a:b/catalog.yaml')).toEqual({
      type: 'url',
      target: 'https://host/a:b/catalog.yaml',
    });
    expect(parseLocationRef(' file : ./catalog-info.yaml ')).toEqual({
      type: 'file',
      target: './catalog-info.yaml',
    });
  });

  it.each(['', 'no-colon', ':target', 'type:', '  :  '])('rejects %j', ref => {
    expect(() => parseLocationRef(ref)).toThrow(TypeError);
  });

  it('asks for a url: prefix on bare http(s) refs', () => {
    expect(() => parseLocationRef('https://host/x.yaml')).toThrow(/prefix it with 'url:'/);
    expect(() => parseLocationRef('http://host/x.yaml')).toThrow(/prefix it with 'url:'/);
  });

  it('refuses javascript: targets, even disguised', () => {
    for (const ref of ['url:javascript:alert(1)', 'url:JavaScript:x', 'url:\u0001java\tscript:x']) {
      expect(() => parseLocationRef(ref), ref).toThrow(/javascript: URL/);
    }
  });

  it('rejects a non-string argument', () => {
    expect(() => parseLocationRef(42 as unknown as string)).toThrow(TypeError);
  });

  it('agrees with Backstage on success and failure', () => {
    for (const ref of [
      'url:https://a/b',
      'bootstrap:bootstrap',
      'x',
      'https://a',
      'url: javascript:1',
      ' a : b ',
    ]) {
      let ours: unknown;
      let theirs: unknown;
      try {
        ours = parseLocationRef(ref);
      } catch {
        ours = 'error';
      }
      try {
        theirs = backstage.parseLocationRef(ref);
      } catch {
        theirs = 'error';
      }
      expect(ours, ref).toEqual(theirs);
    }
  });
});

describe('stringifyLocationRef', () => {
  it('joins type and target', () => {
    expect(stringifyLocationRef({ type: 'url', target: 'https://h/x' })).toBe('url:https://h/x');
  });

  it('rejects empty parts and javascript: targets', () => {
    expect(() => stringifyLocationRef({ type: '', target: 'x' })).toThrow(/empty type/);
    expect(() => stringifyLocationRef({ type: 'url', target: '' })).toThrow(/empty target/);
    expect(() => stringifyLocationRef({ type: 'url', target: 'javascript:x' })).toThrow(
      /javascript/,
    );
  });
});

describe('getEntitySourceLocation', () => {
  const entity = (annotations: Record<string, string>): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'svc', annotations },
  });

  it('prefers source-location over managed-by-location', () => {
    expect(
      getEntitySourceLocation(
        entity({
          'backstage.io/source-location': 'url:https://h/repo/',
          'backstage.io/managed-by-location': 'file:/x.yaml',
        }),
      ),
    ).toEqual({ type: 'url', target: 'https://h/repo/' });
    expect(
      getEntitySourceLocation(entity({ 'backstage.io/managed-by-location': 'file:/x.yaml' })),
    ).toEqual({
      type: 'file',
      target: '/x.yaml',
    });
  });

  it('throws when neither annotation is set', () => {
    expect(() => getEntitySourceLocation(entity({}))).toThrow(
      "Entity 'component:default/svc' is missing location",
    );
  });
});
