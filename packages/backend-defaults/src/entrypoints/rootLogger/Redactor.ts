const REPLACEMENT = '[REDACTED]';

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces secret values in serialized JSON log lines. It matches the JSON-escaped form of each
 * value, which is how the value appears inside a JSON string (a quote or newline in a secret is
 * escaped there), so the line stays valid JSON after replacement.
 */
export class Redactor {
  readonly #values = new Set<string>();
  #pattern: RegExp | undefined;

  add(values: Iterable<string>): void {
    let changed = false;
    for (const value of values) {
      if (typeof value !== 'string' || value.length === 0) continue;
      const escaped = JSON.stringify(value).slice(1, -1);
      if (!this.#values.has(escaped)) {
        this.#values.add(escaped);
        changed = true;
      }
    }
    if (changed) {
      // Longest first, so a secret that contains another is replaced whole.
      const alternatives = [...this.#values].sort((a, b) => b.length - a.length).map(escapeRegExp);
      this.#pattern = new RegExp(alternatives.join('|'), 'g');
    }
  }

  redact(jsonLine: string): string {
    return this.#pattern ? jsonLine.replace(this.#pattern, REPLACEMENT) : jsonLine;
  }
}
