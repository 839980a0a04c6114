import { NotFoundError } from '@greenroom/errors';
import type { RequestHandler, Response } from 'express';
import express, { Router } from 'express';
import type { AppBundle } from '../bundle/AppBundle';
import { CACHE_REVALIDATE, cacheControlForFile } from './cacheControl';
import { parseRequestPath } from './parseRequestPath';

/**
 * Serves one bundle: its files as they are, index.html as prepared at startup, and index.html
 * for every other page path (the SPA's client routes). Only GET and HEAD are answered.
 */
export function createBundleRouter(bundle: AppBundle): Router {
  const sendIndex = (res: Response) => {
    res.set('Cache-Control', CACHE_REVALIDATE);
    res.type('html');
    res.send(bundle.indexHtml);
  };

  const serveFile = express.static(bundle.dir, {
    index: false, // `/` is the prepared index.html, never the file on disk
    redirect: false, // a directory is not a page: no `/assets` -> `/assets/` redirect
    dotfiles: 'ignore',
    fallthrough: true,
    cacheControl: false,
    setHeaders: (res, filePath) =>
      res.setHeader('Cache-Control', cacheControlForFile(bundle.dir, filePath)),
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
    serveFile(req, res, error => {
      if (error) next(error);
      else if (requested.isAsset) next(new NotFoundError(`File not found: ${requested.path}`));
      else sendIndex(res);
    });
  };

  const router = Router();
  router.use(serve);
  return router;
}
