import { describe, expect, it } from 'vitest';
import {
  CommonValidatorFunctions,
  KubernetesValidatorFunctions,
  makeValidator,
} from '@backstage/catalog-model';
import * as ours from './fieldFormats';

const samples: unknown[] = [
  '',
  'a',
  'A',
  'a-b',
  'a--b',
  'a_b',
  'a.b',
  '-a',
  'a-',
  '_a',
  'a.',
  'a b',
  'a/b',
  'a/b/c',
  '/b',
  'a/',
  'example.com/b',
  'Example.com/b',
  'ex_ample.com/b',
  'example..com/b',
  'backstage.io/v1alpha1',
  'backstage.io/v1-alpha1',
  'v1',
  'Component',
  '1Component',
  'c++',
  'c#',
  'k8s:prod',
  'a:b-c',
  'a-:b',
  'UPPER',
  'ümlaut',
  'x'.repeat(63),
  'x'.repeat(64),
  `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}/n`,
  `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}/n`,
  'https://example.com/x',
  'mailto:a@b.c',
  ' https://example.com ',
  'not a url',
  '   ',
  ' t ',
  42,
  null,
  undefined,
  ['a'],
];

const reference = makeValidator();
const pairs: Array<[keyof typeof ours, (value: unknown) => boolean]> = [
  ['isValidApiVersion', reference.isValidApiVersion],
  ['isValidKind', reference.isValidKind],
  ['isValidEntityName', reference.isValidEntityName],
  ['isValidNamespace', reference.isValidNamespace],
  ['isValidLabelKey', reference.isValidLabelKey],
  ['isValidLabelValue', reference.isValidLabelValue],
  ['isValidAnnotationKey', reference.isValidAnnotationKey],
  ['isValidAnnotationValue', reference.isValidAnnotationValue],
  ['isValidTag', reference.isValidTag],
  ['isValidDnsLabel', CommonValidatorFunctions.isValidDnsLabel],
  ['isValidDnsSubdomain', CommonValidatorFunctions.isValidDnsSubdomain],
  ['isValidUrl', CommonValidatorFunctions.isValidUrl],
  ['isNonEmptyString', CommonValidatorFunctions.isNonEmptyString],
];

describe('field format predicates', () => {
  it.each(pairs)('%s agrees with Backstage on every sample', (name, theirs) => {
    const disagreements = samples.filter(sample => ours[name](sample) !== theirs(sample));
    expect(disagreements).toEqual([]);
  });

  it('covers both verdicts for the main rules', () => {
    for (const name of [
      'isValidEntityName',
      'isValidTag',
      'isValidLabelKey',
      'isValidApiVersion',
    ] as const) {
      const verdicts = new Set(samples.map(sample => ours[name](sample)));
      expect(verdicts, name).toEqual(new Set([true, false]));
    }
  });

  it('uses the current tag rule, which allows colons (unlike the deprecated one)', () => {
    expect(ours.isValidTag('k8s:prod')).toBe(true);
    expect(CommonValidatorFunctions.isValidTag('k8s:prod')).toBe(false);
  });

  it('matches the Kubernetes object-name rule for names', () => {
    expect(ours.isValidEntityName('My.Svc_2')).toBe(
      KubernetesValidatorFunctions.isValidObjectName('My.Svc_2'),
    );
    expect(ours.isValidEntityName('My.Svc_2')).toBe(true);
  });
});
