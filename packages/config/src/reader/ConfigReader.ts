import type { AppConfig, Config, JsonObject, JsonValue } from '../types';
import { isJsonObject as isObject } from '../util/json';
import { mergeLayersWithContexts } from './mergeConfigLayers';

const KEY_SEGMENT = /^[a-z][a-z0-9]*(?:[-_][a-z][a-z0-9]*)*$/i;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Reads merged configuration. Each getter validates the type and names the key and the file
 * that set it when the value is wrong, so a misconfiguration reads as one clear line.
 */
export class ConfigReader implements Config {
  /** Merges layers in order: a later layer overrides an earlier one. */
  static fromConfigs(configs: AppConfig[]): ConfigReader {
    const { data, contexts } = mergeLayersWithContexts(configs);
    return new ConfigReader(
      data,
      contexts.size ? [...contexts.values()].at(-1) : 'mock-config',
      '',
      contexts,
    );
  }

  constructor(
    private readonly data: JsonObject | undefined,
    private readonly context: string = 'mock-config',
    private readonly prefix: string = '',
    private readonly contexts: Map<string, string> = new Map(),
  ) {}

  has(key: string): boolean {
    return this.readValue(key) !== undefined;
  }

  keys(): string[] {
    return this.data ? Object.keys(this.data) : [];
  }

  get<T = JsonValue>(key?: string): T {
    const value = this.getOptional<T>(key);
    if (value === undefined) throw new Error(this.missing(key ?? ''));
    return value;
  }

  getOptional<T = JsonValue>(key?: string): T | undefined {
    const value = key ? this.readValue(key) : this.data;
    return value === undefined ? undefined : (structuredClone(value) as T);
  }

  getConfig(key: string): Config {
    const config = this.getOptionalConfig(key);
    if (!config) throw new Error(this.missing(key));
    return config;
  }

  getOptionalConfig(key: string): Config | undefined {
    const value = this.readValue(key);
    if (value === undefined) return undefined;
    if (!isObject(value)) throw new TypeError(this.wrongType(key, value, 'object'));
    return new ConfigReader(value, this.context, this.fullKey(key), this.contexts);
  }

  getConfigArray(key: string): Config[] {
    const configs = this.getOptionalConfigArray(key);
    if (!configs) throw new Error(this.missing(key));
    return configs;
  }

  getOptionalConfigArray(key: string): Config[] | undefined {
    const value = this.readValue(key);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw new TypeError(this.wrongType(key, value, 'object-array'));
    return value.map((item, index) => {
      if (!isObject(item)) throw new TypeError(this.wrongType(`${key}[${index}]`, item, 'object'));
      return new ConfigReader(item, this.context, `${this.fullKey(key)}[${index}]`, this.contexts);
    });
  }

  getNumber(key: string): number {
    const value = this.getOptionalNumber(key);
    if (value === undefined) throw new Error(this.missing(key));
    return value;
  }

  getOptionalNumber(key: string): number | undefined {
    const value = this.readValue(key);
    if (value === undefined) return undefined;
    if (typeof value === 'number') return value;
    // Environment substitution yields strings; accept a string that is exactly a number.
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
      return Number(value);
    }
    throw new TypeError(this.wrongType(key, value, 'number'));
  }

  getBoolean(key: string): boolean {
    const value = this.getOptionalBoolean(key);
    if (value === undefined) throw new Error(this.missing(key));
    return value;
  }

  getOptionalBoolean(key: string): boolean | undefined {
    const value = this.readValue(key);
    if (value === undefined) return undefined;
    if (typeof value === 'boolean') return value;
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw new TypeError(this.wrongType(key, value, 'boolean'));
  }

  getString(key: string): string {
    const value = this.getOptionalString(key);
    if (value === undefined) throw new Error(this.missing(key));
    return value;
  }

  getOptionalString(key: string): string | undefined {
    const value = this.readValue(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value === '') {
      throw new TypeError(this.wrongType(key, value, 'string'));
    }
    return value;
  }

  getStringArray(key: string): string[] {
    const value = this.getOptionalStringArray(key);
    if (value === undefined) throw new Error(this.missing(key));
    return value;
  }

  getOptionalStringArray(key: string): string[] | undefined {
    const value = this.readValue(key);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw new TypeError(this.wrongType(key, value, 'string-array'));
    value.forEach((item, index) => {
      if (typeof item !== 'string' || item === '') {
        throw new TypeError(this.wrongType(`${key}[${index}]`, item, 'string'));
      }
    });
    return value as string[];
  }

  private readValue(key: string): JsonValue | undefined {
    const parts = key.split('.');
    for (const part of parts) {
      if (!KEY_SEGMENT.test(part)) throw new TypeError(`Invalid config key '${this.fullKey(key)}'`);
    }
    let value: JsonValue | undefined = this.data;
    for (const part of parts) {
      if (!isObject(value)) return undefined;
      value = Object.prototype.hasOwnProperty.call(value, part) ? value[part] : undefined;
    }
    return value;
  }

  private fullKey(key: string): string {
    return this.prefix ? `${this.prefix}.${key}` : key;
  }

  private contextOf(key: string): string {
    return this.contexts.get(this.fullKey(key)) ?? this.context;
  }

  private missing(key: string): string {
    return `Missing required config value at '${this.fullKey(key)}' in '${this.context}'`;
  }

  private wrongType(key: string, value: unknown, expected: string): string {
    // Never include the value itself: it may be a secret.
    return `Invalid type in config for key '${this.fullKey(key)}' in '${this.contextOf(key)}', got ${typeOf(value)}, wanted ${expected}`;
  }
}
