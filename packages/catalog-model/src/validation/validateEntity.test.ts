import { describe, expect, it } from 'vitest';
import { backstageAccepts } from './backstageVerdict.testutil';
import { assertValidEntity, InvalidEntityError, validateEntity } from './validateEntity';

const base = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'svc' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};

function template(spec: Record<string, unknown>) {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: 'tpl' },
    spec,
  };
}

function errorsOf(doc: unknown) {
  const result = validateEntity(doc);
  if (result.valid) throw new Error('expected the entity to be invalid');
  return result.errors;
}

describe('validateEntity messages', () => {
  it('reports every problem with its path, not only the first', () => {
    const errors = errorsOf({
      ...base,
      metadata: { name: 'bad name', tags: ['OK'] },
      spec: { type: 'service' },
    });
    expect(errors.map(e => e.path).sort()).toEqual([
      'metadata.name',
      'metadata.tags.0',
      'spec.lifecycle',
      'spec.owner',
    ]);
    expect(errors.find(e => e.path === 'spec.owner')?.message).toBe('is required');
  });

  it('quotes short names but never long values', () => {
    const [short] = errorsOf({ ...base, metadata: { name: 'bad name' } });
    expect(short.message).toContain('"bad name"');
    const huge = 'x'.repeat(10_000) + ' y';
    for (const error of errorsOf({ ...base, metadata: { name: huge, tags: [huge] } })) {
      expect(error.message).not.toContain(
        'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      );
    }
  });

  it('shortens huge keys in paths', () => {
    const key = 'k'.repeat(5000) + ' ';
    const errors = errorsOf({ ...base, metadata: { name: 'svc', annotations: { [key]: 'v' } } });
    expect(errors).toHaveLength(1);
    expect(errors[0].path.length).toBeLessThan(100);
    expect(errors[0].path.startsWith('metadata.annotations.kkkk')).toBe(true);
  });

  it('never quotes link URLs, which may carry credentials', () => {
    const errors = errorsOf({
      ...base,
      metadata: { name: 'svc', links: [{ url: 'secret-token-123 not a url' }] },
    });
    expect(errors).toEqual([{ path: 'metadata.links.0.url', message: 'must be an absolute URL' }]);
  });

  it('caps the number of issues for hostile input', () => {
    const tags = Array.from({ length: 1000 }, (_, i) => `BAD${i}`);
    expect(errorsOf({ ...base, metadata: { name: 'svc', tags } })).toHaveLength(100);
  });

  it('rejects a non-object entity with a root error', () => {
    expect(errorsOf(undefined)).toEqual([{ path: '', message: 'entity must be an object' }]);
  });
});

describe('server-written fields', () => {
  const stored = {
    ...base,
    metadata: { ...base.metadata, uid: 'abc', etag: 'def' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
    status: { items: [{ type: 'backstage.io/catalog-processing', level: 'error', message: 'x' }] },
  };

  it('rejects relations and status by default, like entities from files in Backstage', () => {
    expect(errorsOf(stored).map(e => e.path)).toEqual(['relations', 'status']);
  });

  it('accepts them with allowServerFields', () => {
    expect(validateEntity(stored, { allowServerFields: true })).toEqual({ valid: true });
  });

  it('still checks their shape with allowServerFields', () => {
    const bad = {
      ...stored,
      relations: [{ type: 'owned by', targetRef: '' }],
      status: { items: [{ type: 't', level: 'fatal', message: 'x' }] },
    };
    const result = validateEntity(bad, { allowServerFields: true });
    expect(result.valid).toBe(false);
    if (!result.valid) {
      expect(result.errors.map(e => e.path).sort()).toEqual([
        'relations.0.targetRef',
        'relations.0.type',
        'status.items.0.level',
      ]);
    }
  });
});

describe('Template (scaffolder.backstage.io/v1beta3)', () => {
  it('accepts a template with one or several parameter pages', () => {
    const steps = [
      { id: 'fetch', action: 'fetch:template', input: { url: './skeleton' }, if: true },
    ];
    expect(validateEntity(template({ type: 'service', steps, parameters: {} })).valid).toBe(true);
    expect(validateEntity(template({ type: 'service', steps, parameters: [{}, {}] })).valid).toBe(
      true,
    );
  });

  // catalog-model alone has no Template validator (the scaffolder adds it), so here we go
  // beyond the reference: these pass Backstage's envelope policies and fail our spec schema.
  it.each([
    ['without steps', template({ type: 'service' }), 'spec.steps'],
    ['without type', template({ steps: [] }), 'spec.type'],
    [
      'with a step without action',
      template({ type: 's', steps: [{ id: 'a' }] }),
      'spec.steps.0.action',
    ],
    [
      'with a numeric step condition',
      template({ type: 's', steps: [{ action: 'a', if: 1 }] }),
      'spec.steps.0.if',
    ],
    [
      'with a non-string output value',
      template({ type: 's', steps: [], output: { repo: 1 } }),
      'spec.output.repo',
    ],
    [
      'with parameters as a string',
      template({ type: 's', steps: [], parameters: 'x' }),
      'spec.parameters',
    ],
  ])('rejects a template %s', async (_name, doc, path) => {
    expect(await backstageAccepts(doc)).toBe(true);
    expect(errorsOf(doc).map(e => e.path)).toContain(path);
  });
});

describe('assertValidEntity', () => {
  it('passes a valid entity through', () => {
    expect(() => assertValidEntity(base)).not.toThrow();
  });

  it('throws an InputError-named error that lists the issues', () => {
    let thrown: unknown;
    try {
      assertValidEntity({ ...base, spec: {} });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidEntityError);
    const error = thrown as InvalidEntityError;
    expect(error.name).toBe('InputError');
    expect(error.errors.map(e => e.path).sort()).toEqual([
      'spec.lifecycle',
      'spec.owner',
      'spec.type',
    ]);
    expect(error.message).toContain('spec.owner is required');
  });
});
