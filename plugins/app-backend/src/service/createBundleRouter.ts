import { NotFoundError } from '@greenroom/errors';
import type { Request, RequestHandler, Response } from 'express';
import express, { Router } from 'express';
import type { AppBundle } from '../bundle/AppBundle';
import type { StaticAsset } from '../assets/StaticAssetStore';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, cacheControlForFile } from './cacheControl';
import { ASSETS_DIR, parseRequestPath, type RequestedPath } from './parseRequestPath';

export interface BundleRouterOptions {
  /** Files of earlier builds (the database asset cache), asked when a hashed file is missing. */
  findOldAsset?: (path: string) => Promise<StaticAsset | undefined>;
  /** Rewrites every Cache-Control this router sets (e.g. `private` behind the cookie). */
  cacheControl?: (value: string) => string;
  /** Top-level folders of the bundle directory that are not part of it (`public/`). */
  excludeFolders?: readonly string[];
  /** The error for an asset this bundle does not have; default 404. */
  assetMissError?: (requested: RequestedPath) => Error;
}

const notFound = (requested: RequestedPath) =>
  new NotFoundError(`File not found: ${requested.path}`);

/**
 * Serves one bundle: its files as they are, index.html as prepared at startup, and index.html
 * for every other page path (the SPA's client routes). Only GET and HEAD are answered.
 */
export function createBundleRouter(bundle: AppBundle, options: BundleRouterOptions = {}): Router {
  const cacheControl = options.cacheControl ?? ((value: string) => value);
  const assetMissError = options.assetMissError ?? notFound;
  const excluded = new Set((options.excludeFolders ?? []).map(folder => folder.toLowerCase()));

  const sendIndex = (res: Response) => {
    res.set('Cache-Control', cacheControl(CACHE_REVALIDATE));
    res.type('html');
    res.send(bundle.indexHtml);
  };

  const sendOldAsset = async (req: Request, res: Response, requested: RequestedPath) => {
    // Only hashed files are kept across deploys; other misses need no database round trip.
    if (!options.findOldAsset || !requested.path.startsWith(`/${ASSETS_DIR}/`)) return false;
    const asset = await options.findOldAsset(requested.path.slice(1));
    if (!asset) return false;
    res.set('Cache-Control', cacheControl(CACHE_IMMUTABLE));
    res.type(requested.path.slice(requested.path.lastIndexOf('.')));
    if (req.method === 'HEAD') res.set('Content-Length', String(asset.content.length)).end();
    else res.send(asset.content);
    return true;
  };

  const serveFile = express.static(bundle.dir, {
    index: false, // `/` is the prepared index.html, never the file on disk
    redirect: false, // a directory is not a page: no `/assets` -> `/assets/` redirect
    dotfiles: 'ignore',
    fallthrough: true,
    cacheControl: false,
    setHeaders: (res, filePath) =>
      res.setHeader('Cache-Control', cacheControl(cacheControlForFile(bundle.dir, filePath))),
  });

  const serve: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    const requested = parseRequestPath(req.path);
    if (requested.isIndex) {
      sendIndex(res);
      return;
    }
    const onMiss = (error?: unknown) => {
      if (error) {
        next(error);
        return;
      }
      if (!requested.isAsset) {
        sendIndex(res);
        return;
      }
      sendOldAsset(req, res, requested).then(sent => sent || next(assetMissError(requested)), next);
    };
    const top = requested.path.split('/')[1]?.toLowerCase() ?? '';
    if (excluded.has(top)) onMiss();
    else serveFile(req, res, onMiss);
  };

  const router = Router();
  router.use(serve);
  return router;
}
