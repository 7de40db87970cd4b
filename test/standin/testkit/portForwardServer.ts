/**
 * A local TCP listener that forwards each connection through client-node's real `PortForward`,
 * wrapped the way platform-facts says it must be: close the socket when the WebSocket closes or
 * errors, close the WebSocket when the socket closes, and collect the error channel.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { KubeConfig, PortForward } from '@kubernetes/client-node';
import type WebSocket from 'ws';

export interface LocalForward {
  readonly port: number;
  /** Text received on the error channel, across connections. */
  errors(): string;
  close(): Promise<void>;
}

export async function forwardLocally(kubeconfigYaml: string, namespace: string, pod: string, targetPort: number): Promise<LocalForward> {
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfigYaml);
  const forward = new PortForward(kc);
  let errorText = '';
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const errStream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        errorText += chunk.toString('utf8');
        callback();
      },
    });
    forward.portForward(namespace, pod, [targetPort], socket, errStream, socket).then(
      (result) => {
        const ws: WebSocket | null = typeof result === 'function' ? result() : result;
        if (!ws) {
          socket.destroy();
          return;
        }
        ws.on('close', () => socket.destroy());
        ws.on('error', () => socket.destroy());
        socket.on('close', () => ws.close());
      },
      (e: unknown) => {
        errorText += `connect failed: ${e instanceof Error ? e.message : String(e)}`;
        socket.destroy();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no local port');
  return {
    port: address.port,
    errors: () => errorText,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
