import type { Server } from 'node:net';

/**
 * The local ports the extension's port-forwards listen on. package.json's configurationDefaults
 * mark this range `"onAutoForward": "ignore"` in `remote.portsAttributes`, so in code-server or a
 * remote window VS Code does not auto-forward them (or rewrite a setting once 20 are listed),
 * without touching the user's settings. Keep the two in sync (a unit test checks).
 */
export const LOCAL_PORT_RANGE = { first: 47600, last: 47999 } as const;

/**
 * Listens on `host` at a free port of LOCAL_PORT_RANGE (from a random start, so parallel sessions
 * rarely collide), or on any free port when the whole range is taken. Resolves with the port.
 */
export async function listenInRange(server: Server, host: string, range: { readonly first: number; readonly last: number } = LOCAL_PORT_RANGE): Promise<number> {
  const size = range.last - range.first + 1;
  const start = Math.floor(Math.random() * size);
  for (let i = 0; i < size; i++) {
    const port = range.first + ((start + i) % size);
    const result = await tryListen(server, host, port);
    if (result === 'inUse') continue;
    return result;
  }
  const result = await tryListen(server, host, 0);
  if (result === 'inUse') throw new Error(`No free local port on ${host}`);
  return result;
}

function tryListen(server: Server, host: string, port: number): Promise<number | 'inUse'> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (e.code === 'EADDRINUSE' || e.code === 'EACCES') resolve('inUse');
      else reject(e);
    };
    const onListening = (): void => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
