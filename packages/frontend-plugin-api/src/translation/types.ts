/** Messages as a plugin writes them: strings, optionally grouped in nested objects. */
export interface NestedMessages {
  [key: string]: string | NestedMessages;
}

/** The dotted keys of nested messages: `{ page: { title: '' } }` gives `'page.title'`. */
export type MessageKeys<M> = {
  [K in keyof M & string]: M[K] extends string ? K : `${K}.${MessageKeys<M[K]>}`;
}[keyof M & string];

/** The message at a dotted key. */
export type MessageAt<M, Key extends string> = Key extends `${infer Head}.${infer Rest}`
  ? Head extends keyof M
    ? MessageAt<M[Head], Rest>
    : never
  : Key extends keyof M
    ? M[Key]
    : never;

/** The names interpolated in a message: `'Hello {{name}}'` gives `'name'`. */
export type InterpolationNames<S> = S extends `${string}{{${infer Name}}}${infer Rest}`
  ? TrimName<Name> | InterpolationNames<Rest>
  : never;

type TrimName<S extends string> = S extends ` ${infer T}`
  ? TrimName<T>
  : S extends `${infer T} `
    ? TrimName<T>
    : S extends `${infer T},${string}`
      ? TrimName<T>
      : S;

/** Flat messages keyed by dotted key, as translations and overrides are written. */
export type FlatMessages<M> = { [K in MessageKeys<M>]: string };

/** A set of messages for one plugin (namespace), in English, with typed keys. */
export interface TranslationRef<Id extends string = string, M = NestedMessages> {
  readonly $$type: '@greenroom/TranslationRef';
  readonly id: Id;
  /** The English messages, flattened to dotted keys. */
  readonly defaultMessages: Readonly<Record<string, string>>;
  /** Translations shipped with the plugin, by language. */
  readonly translations: Readonly<Record<string, TranslationLoader<M>>>;
  readonly T?: M;
}

/** Translated messages for a ref: any subset of its keys. */
export type TranslationMessagesInput<M> = Partial<FlatMessages<M>>;

/** Messages now or later: a lazy loader keeps other languages out of the main bundle. */
export type TranslationLoader<M> =
  | TranslationMessagesInput<M>
  | TranslationMessages<M>
  | (() => Promise<
      | TranslationMessagesInput<M>
      | TranslationMessages<M>
      | { default: TranslationMessagesInput<M> | TranslationMessages<M> }
    >);

/** Messages for a ref (from `createTranslationMessages`), used as overrides or translations. */
export interface TranslationMessages<M = NestedMessages> {
  readonly $$type: '@greenroom/TranslationMessages';
  readonly id: string;
  readonly messages: Readonly<Record<string, string>>;
  readonly T?: M;
}

/** Translations of one ref into other languages, supplied by the app. */
export interface TranslationResource<M = NestedMessages> {
  readonly $$type: '@greenroom/TranslationResource';
  readonly id: string;
  readonly translations: Readonly<Record<string, TranslationLoader<M>>>;
}

type InterpolationArgs<Message> = [InterpolationNames<Message>] extends [never]
  ? []
  : [params: { [Name in InterpolationNames<Message>]: string | number }];

/** Translates a typed key, filling `{{name}}` placeholders from `params`. */
export type TranslationFunction<M> = <Key extends MessageKeys<M>>(
  key: Key,
  ...params: InterpolationArgs<MessageAt<M, Key>>
) => string;

/** A message named by ref and key, for places that translate later (nav items, themes). */
export interface TranslatedText<M = NestedMessages> {
  readonly ref: TranslationRef<string, M>;
  readonly key: MessageKeys<M>;
}
