import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import type { JsonValue } from '../types';
import { ConfigLoadError } from '../loader/ConfigLoadError';
import { parseConfigText } from '../loader/parseConfigText';
import { formatKeyPath, valueAtPath } from '../util/json';
import { readEnvVariable, substituteString } from './substitute';
import type { SubstitutionContext } from './substitute';
import type { TransformContext } from './TransformContext';

export type KeySegments = ReadonlyArray<string | number>;

/** Walks a parsed value; directives call it back to resolve what they include. */
export type TransformValue = (
  value: JsonValue,
  segments: KeySegments,
  context: TransformContext,
) => Promise<JsonValue>;

export const DIRECTIVES = ['$env', '$file', '$include'] as const;

const INCLUDE_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

function fail(context: TransformContext, segments: KeySegments, problem: string): never {
  throw ConfigLoadError.at(
    context.displayPath(context.file),
    formatKeyPath(segments) || undefined,
    problem,
  );
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? 'unreadable';
}

/** The directive's argument: a string in which `${VAR}` references are substituted. */
function argumentOf(
  name: string,
  raw: JsonValue,
  segments: KeySegments,
  context: TransformContext,
): string {
  if (typeof raw !== 'string') fail(context, segments, `${name} must be given a string`);
  const substitution: SubstitutionContext = {
    env: context.env,
    lax: context.lax,
    file: context.displayPath(context.file),
    key: formatKeyPath(segments),
  };
  return substituteString(raw, substitution);
}

async function readEnvDirective(raw: JsonValue, segments: KeySegments, context: TransformContext) {
  const name = argumentOf('$env', raw, segments, context).trim();
  if (!name) fail(context, segments, '$env must name an environment variable');
  return readEnvVariable(name, {
    env: context.env,
    lax: context.lax,
    file: context.displayPath(context.file),
    key: formatKeyPath(segments),
  });
}

async function readFileDirective(raw: JsonValue, segments: KeySegments, context: TransformContext) {
  const target = resolve(dirname(context.file), argumentOf('$file', raw, segments, context));
  try {
    const contents = await readFile(target, 'utf8');
    return contents.trimEnd();
  } catch (error) {
    const code = errorCode(error);
    const reason = code === 'ENOENT' ? 'file not found' : `cannot read file (${code})`;
    return fail(context, segments, `$file: ${reason}: ${context.displayPath(target)}`);
  }
}

async function readIncludeDirective(
  raw: JsonValue,
  segments: KeySegments,
  context: TransformContext,
  transform: TransformValue,
): Promise<JsonValue> {
  const argument = argumentOf('$include', raw, segments, context);
  const hash = argument.indexOf('#');
  const relativePath = hash === -1 ? argument : argument.slice(0, hash);
  const subtree = hash === -1 ? '' : argument.slice(hash + 1);
  const target = resolve(dirname(context.file), relativePath);
  const shown = context.displayPath(target);

  const extension = extname(target).toLowerCase();
  if (!INCLUDE_EXTENSIONS.has(extension)) {
    fail(
      context,
      segments,
      `$include: unsupported file type '${extension || '(none)'}' for ${shown}; use .yaml, .yml or .json`,
    );
  }
  if (context.includeStack.includes(target)) {
    const cycle = [...context.includeStack, target]
      .map(file => context.displayPath(file))
      .join(' -> ');
    fail(context, segments, `$include: include cycle: ${cycle}`);
  }

  let text: string;
  try {
    text = await readFile(target, 'utf8');
  } catch (error) {
    const code = errorCode(error);
    return fail(
      context,
      segments,
      `$include: ${code === 'ENOENT' ? 'file not found' : `cannot read file (${code})`}: ${shown}`,
    );
  }

  let value = parseConfigText(text, shown);
  if (subtree) {
    const found = valueAtPath(value, subtree.split('.'));
    if (found === undefined)
      fail(context, segments, `$include: ${shown} has no value at '${subtree}'`);
    value = found;
  }
  return transform(value, segments, {
    ...context,
    file: target,
    includeStack: [...context.includeStack, target],
  });
}

/**
 * Resolves an object that is a directive (`$env`, `$file` or `$include`, alone in its object)
 * into the value it stands for.
 */
export async function resolveDirective(
  name: string,
  raw: JsonValue,
  segments: KeySegments,
  context: TransformContext,
  transform: TransformValue,
): Promise<JsonValue> {
  switch (name) {
    case '$env':
      return readEnvDirective(raw, segments, context);
    case '$file':
      return readFileDirective(raw, segments, context);
    case '$include':
      return readIncludeDirective(raw, segments, context, transform);
    default:
      return fail(
        context,
        segments,
        `unknown directive '${name}'; expected one of ${DIRECTIVES.join(', ')}`,
      );
  }
}
