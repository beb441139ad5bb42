/**
 * A minimal self-hosted Nx remote cache (the HTTP API Nx uses with NX_SELF_HOSTED_REMOTE_CACHE_SERVER):
 * `PUT /v1/cache/<hash>` stores an artifact, `GET /v1/cache/<hash>` returns it or 404. In memory,
 * on 127.0.0.1 only; prints its URL on the first line of stdout. For tests only.
 */
const http = require('node:http');

const artifacts = new Map();
const counts = { puts: 0, hits: 0, misses: 0 };

const server = http.createServer((request, response) => {
  const match = /^\/v1\/cache\/([^/?]+)$/.exec(request.url || '');
  if (request.url === '/stats') {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(counts));
    return;
  }
  if (!match) {
    response.writeHead(404).end();
    return;
  }
  const hash = match[1];
  if (request.method === 'PUT') {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      if (artifacts.has(hash)) {
        response.writeHead(409).end();
        return;
      }
      artifacts.set(hash, Buffer.concat(chunks));
      counts.puts++;
      response.writeHead(200).end();
    });
    return;
  }
  if (request.method === 'GET') {
    const artifact = artifacts.get(hash);
    if (!artifact) {
      counts.misses++;
      response.writeHead(404).end();
      return;
    }
    counts.hits++;
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': artifact.length }).end(artifact);
    return;
  }
  response.writeHead(405).end();
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${server.address().port}\n`);
});
// Never outlive the test that started it.
setTimeout(() => process.exit(0), 10 * 60 * 1000).unref();
process.on('disconnect', () => process.exit(0));
