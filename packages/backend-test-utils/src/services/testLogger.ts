import type { LogMeta, LoggerService } from '@greenroom/backend-plugin-api';

export interface CapturedLogLine {
  level: 'error' | 'warn' | 'info' | 'debug';
  message: string;
  meta: Record<string, unknown>;
}

/** A logger that keeps every line in memory, so tests can assert what was (not) logged. */
export function createTestLogger(
  lines: CapturedLogLine[] = [],
  fields: Record<string, unknown> = {},
): LoggerService & { lines: CapturedLogLine[] } {
  const write = (level: CapturedLogLine['level']) => (message: string, meta?: LogMeta) => {
    const extra = meta instanceof Error ? { error: meta } : (meta ?? {});
    lines.push({ level, message, meta: { ...fields, ...extra } });
  };
  return {
    lines,
    error: write('error'),
    warn: write('warn'),
    info: write('info'),
    debug: write('debug'),
    child: meta => createTestLogger(lines, { ...fields, ...meta }),
  };
}
