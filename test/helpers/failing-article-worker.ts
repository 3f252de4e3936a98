/**
 * A worker of the article pool that dies on purpose: an upload whose key holds `crash` makes
 * it throw outside any read (an uncaught error, as a library's crash would), one whose key
 * holds `exit` makes it exit. Every other upload is read as the real worker reads it.
 */
import { workerData } from 'node:worker_threads';
import {
  type ArticleWorkerData,
  readerOf,
  serveArticles,
} from '../../functions/setup/article-worker';

const read = readerOf(workerData as ArticleWorkerData);
serveArticles(async (bytes, upload) => {
  if (upload.key.includes('crash'))
    setImmediate(() => {
      throw new Error(`injected failure reading ${upload.key}`);
    });
  if (upload.key.includes('exit')) process.exit(3);
  if (upload.key.includes('crash')) return new Promise(() => {});
  return read(bytes, upload);
});
