import type { IncomingMessage } from 'node:http';
import type { KubeConfig } from '@kubernetes/client-node';
import WebSocket from 'ws';
import { HandshakeRejected } from './portForwardErrors';

/** The kubelet's port-forward WebSocket protocol: per port a data and an error channel, each opened by the port number. */
export const PORT_FORWARD_PROTOCOL = 'v4.channel.k8s.io';
const MAX_ERROR_BODY = 64 * 1024;

/**
 * client-node's WebSocketInterface, given to its PortForward in place of its own handler, which
 * drops the API server's answer to a refused upgrade (a 403 becomes "Unexpected server response")
 * and has no handshake timeout. `onOpen` sees each WebSocket before any message arrives on it.
 */
export class ChannelSocketFactory {
  constructor(
    private readonly kubeConfig: KubeConfig,
    private readonly handshakeTimeoutMs: number,
    private readonly onCreated: (ws: WebSocket) => void = () => undefined,
  ) {}

  async connect(path: string, _textHandler: unknown, binaryHandler: ((channel: number, data: Buffer) => boolean) | null): Promise<WebSocket> {
    const server = this.kubeConfig.getCurrentCluster()?.server;
    if (!server) throw new Error('The kubeconfig context names no cluster server.');
    const options: WebSocket.ClientOptions = {};
    await this.kubeConfig.applyToHTTPSOptions(options);
    const ws = new WebSocket(server.replace(/^http/, 'ws') + path, [PORT_FORWARD_PROTOCOL], {
      ...options,
      handshakeTimeout: this.handshakeTimeoutMs,
      perMessageDeflate: false,
    });
    ws.binaryType = 'nodebuffer';
    this.onCreated(ws);
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary || data.length === 0 || !binaryHandler) return;
      if (!binaryHandler(data[0]!, data.subarray(1))) ws.close();
    });
    return new Promise<WebSocket>((resolve, reject) => {
      ws.once('open', () => resolve(ws));
      // Stays attached for the socket's life: an 'error' without a listener would crash the process.
      ws.on('error', reject);
      ws.once('unexpected-response', (_request, response: IncomingMessage) => {
        readBody(response).then(
          (body) => {
            reject(new HandshakeRejected(response.statusCode ?? 0, body));
            ws.terminate();
          },
          () => {
            reject(new HandshakeRejected(response.statusCode ?? 0, ''));
            ws.terminate();
          },
        );
      });
    });
  }
}

function readBody(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_ERROR_BODY) chunks.push(chunk);
    });
    response.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.once('error', reject);
  });
}
