/** A JSON value as it can appear in configuration. */
export type JsonPrimitive = string | number | boolean | null;
export type JsonObject = { [key: string]: JsonValue };
export type JsonArray = JsonValue[];
export type JsonValue = JsonPrimitive | JsonObject | JsonArray;

/** Who may see a config value: the browser, the backend only, or the backend only and never logged. */
export type ConfigVisibility = 'frontend' | 'backend' | 'secret';

/** One layer of configuration, from a file or the environment, with where it came from. */
export interface AppConfig {
  /** Where the data came from, e.g. the file path or `env`: used in error messages. */
  context: string;
  data: JsonObject;
  /** Dot paths that this layer sets to `null`, i.e. unsets (earlier layers must not show through). */
  filteredKeys?: string[];
}

/**
 * Read access to the merged configuration. Keys are dot paths (`backend.listen.port`).
 * Getters named `getX` throw when the key is missing or of the wrong type, `getOptionalX` return
 * undefined when missing; both name the key and the expected type in their error.
 */
export interface Config {
  has(key: string): boolean;
  keys(): string[];
  get<T = JsonValue>(key?: string): T;
  getOptional<T = JsonValue>(key?: string): T | undefined;
  getConfig(key: string): Config;
  getOptionalConfig(key: string): Config | undefined;
  getConfigArray(key: string): Config[];
  getOptionalConfigArray(key: string): Config[] | undefined;
  getNumber(key: string): number;
  getOptionalNumber(key: string): number | undefined;
  getBoolean(key: string): boolean;
  getOptionalBoolean(key: string): boolean | undefined;
  getString(key: string): string;
  getOptionalString(key: string): string | undefined;
  getStringArray(key: string): string[];
  getOptionalStringArray(key: string): string[] | undefined;
}

/** A length of time, as Backstage writes it: `{ minutes: 5 }`. */
export interface HumanDuration {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  milliseconds?: number;
}
