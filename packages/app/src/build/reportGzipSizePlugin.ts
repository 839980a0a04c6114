import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { Logger, Plugin } from 'vite';

export interface GzipSizeReport {
  /** Every JS chunk, gzipped, in bytes. */
  totalGzipBytes: number;
  /** What the first page load needs: the entry chunk and the chunks it imports statically. */
  initialGzipBytes: number;
  chunks: { fileName: string; gzipBytes: number; initial: boolean }[];
}

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
}

/** Gzip sizes of the JS chunks of a bundle. */
export function measureGzipSizes(bundle: Record<string, { type: string }>): GzipSizeReport {
  const chunks = Object.values(bundle).filter((item): item is ChunkLike => item.type === 'chunk');
  const byName = new Map(chunks.map(chunk => [chunk.fileName, chunk]));
  const initial = new Set<string>();
  const visit = (fileName: string) => {
    if (initial.has(fileName)) return;
    initial.add(fileName);
    byName.get(fileName)?.imports.forEach(visit);
  };
  chunks.filter(chunk => chunk.isEntry).forEach(chunk => visit(chunk.fileName));

  const sized = chunks
    .map(chunk => ({
      fileName: chunk.fileName,
      gzipBytes: gzipSync(chunk.code, { level: 9 }).length,
      initial: initial.has(chunk.fileName),
    }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const sum = (list: typeof sized) => list.reduce((total, chunk) => total + chunk.gzipBytes, 0);
  return {
    totalGzipBytes: sum(sized),
    initialGzipBytes: sum(sized.filter(chunk => chunk.initial)),
    chunks: sized,
  };
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/**
 * Prints the gzip size of the JS the build produced: the first-load part and the total. With
 * `GREENROOM_BUNDLE_REPORT=<file>` it also writes the figures as JSON (for bench/).
 */
export function reportGzipSizePlugin(
  options: { reportFile?: string } = { reportFile: process.env.GREENROOM_BUNDLE_REPORT },
): Plugin {
  let logger: Logger | undefined;
  return {
    name: 'greenroom-report-gzip-size',
    apply: 'build',
    configResolved(config) {
      logger = config.logger;
    },
    async generateBundle(_, bundle) {
      const report = measureGzipSizes(bundle);
      logger?.info(
        `\ngreenroom: JS gzip ${kB(report.initialGzipBytes)} on first load, ${kB(report.totalGzipBytes)} in all (${report.chunks.length} chunks)`,
      );
      if (options.reportFile)
        await writeFile(options.reportFile, `${JSON.stringify(report, null, 2)}\n`);
    },
  };
}
