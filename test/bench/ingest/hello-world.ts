/**
 * The baseline of `npm run bench:ingest`: a node:http server that reads each request body and
 * answers "Hello World". Run as its own process, as the Trustlens server is, so both share the
 * machine with the load generator in the same way. Prints `listening <port>` when ready.
 */
import { createServer } from 'node:http';

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('Hello World');
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
