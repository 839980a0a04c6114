import type { EntityValidationIssue } from './types';
import { joinPath } from './paths';
import {
  isNonEmptyString,
  isValidAnnotationKey,
  isValidApiVersion,
  isValidEntityName,
  isValidKind,
  isValidLabelKey,
  isValidLabelValue,
  isValidNamespace,
  isValidTag,
  isValidUrl,
} from './fieldFormats';

const NAME_RULE = '1-63 characters: runs of [a-zA-Z0-9] separated by any of [-_.]';
const KEY_RULE = `[<DNS subdomain>/]<name>, where name is ${NAME_RULE}`;

const rules = {
  apiVersion:
    'must be [<DNS subdomain>/]<version>, where version is 1-63 characters of [a-zA-Z0-9]',
  kind: 'must be 1-63 characters: a letter followed by [a-zA-Z0-9]',
  name: `must be ${NAME_RULE}`,
  namespace: 'must be 1-63 characters: runs of [a-z0-9] separated by [-]',
  labelKey: `key must be ${KEY_RULE}`,
  labelValue: `must be empty or ${NAME_RULE}`,
  annotationKey: `key must be ${KEY_RULE}`,
  tag: 'must be 1-63 characters: runs of [a-z0-9:+#] separated by single [-]',
  url: 'must be an absolute URL',
  nonEmpty: 'must not be empty or only whitespace',
};

// Short identifiers help the reader find the problem; anything longer stays out of messages.
function found(value: string): string {
  return value.length <= 63 ? ` (found ${JSON.stringify(value)})` : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Format rules for names, keys, tags and links. Only string values are checked here: wrong
 * types and missing fields are the schema's to report.
 */
export function fieldFormatIssues(entity: Record<string, unknown>): EntityValidationIssue[] {
  const issues: EntityValidationIssue[] = [];
  const check = (
    path: string,
    value: unknown,
    isValid: (v: unknown) => boolean,
    rule: string,
    quote = true,
  ) => {
    if (typeof value === 'string' && !isValid(value)) {
      issues.push({ path, message: rule + (quote ? found(value) : '') });
    }
  };

  check('apiVersion', entity.apiVersion, isValidApiVersion, rules.apiVersion);
  check('kind', entity.kind, isValidKind, rules.kind);
  const metadata = entity.metadata;
  if (!isRecord(metadata)) return issues;

  check('metadata.name', metadata.name, isValidEntityName, rules.name);
  check('metadata.namespace', metadata.namespace, isValidNamespace, rules.namespace);
  if (isRecord(metadata.labels)) {
    for (const [key, value] of Object.entries(metadata.labels)) {
      const path = joinPath('metadata', 'labels', key);
      if (!isValidLabelKey(key)) issues.push({ path, message: rules.labelKey });
      check(path, value, isValidLabelValue, rules.labelValue);
    }
  }
  if (isRecord(metadata.annotations)) {
    for (const key of Object.keys(metadata.annotations)) {
      if (!isValidAnnotationKey(key)) {
        issues.push({
          path: joinPath('metadata', 'annotations', key),
          message: rules.annotationKey,
        });
      }
    }
  }
  if (Array.isArray(metadata.tags)) {
    metadata.tags.forEach((tag, i) => check(`metadata.tags.${i}`, tag, isValidTag, rules.tag));
  }
  if (Array.isArray(metadata.links)) {
    metadata.links.forEach((link, i) => {
      if (!isRecord(link)) return;
      // URLs can carry credentials, so they are never quoted.
      check(`metadata.links.${i}.url`, link.url, isValidUrl, rules.url, false);
      check(`metadata.links.${i}.title`, link.title, isNonEmptyString, rules.nonEmpty, false);
      check(`metadata.links.${i}.icon`, link.icon, isNonEmptyString, rules.nonEmpty, false);
    });
  }
  return issues;
}
