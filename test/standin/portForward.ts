/**
 * The kubelet's WebSocket port-forward (pkg/kubelet/cri/streaming/portforward/websocket.go), reached
 * through the API server's upgrade: per requested port i, channel 2i carries data and 2i+1 errors;
 * the first frame on each is the little-endian port number; data goes to `<status.podIP>:<port>`.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { at, meta, str } from './json';
import { badRequest } from './status';
import type { KubeObject } from './types';

export const BINARY_PROTOCOL = 'v4.channel.k8s.io';
export const BASE64_PROTOCOL = 'v4.base64.channel.k8s.io';
const SUPPORTED = [BINARY_PROTOCOL, BASE64_PROTOCOL];
const DIAL_TIMEOUT_MS = 5000;

/** `ports=6379&ports=1,2` → [6379, 1, 2], with the kubelet's messages for bad values. */
export function parsePorts(query: URLSearchParams): number[] {
  const values = query.getAll('ports');
  if (!values.length) throw badRequest('query parameter "port" is required');
  const ports: number[] = [];
  for (const value of values) {
    if (!value) throw badRequest('query parameter "port" cannot be empty');
    for (const p of value.split(',')) {
      const port = /^\d+$/.test(p) ? Number(p) : Number.NaN;
      if (!(port <= 65535)) throw badRequest(`unable to parse "${value}" as a port: strconv.ParseUint: parsing "${p}": invalid syntax`);
      if (port < 1) throw badRequest(`port "${value}" must be > 0`);
      ports.push(port);
    }
  }
  return ports;
}

/** The protocol wsstream's handshake picks: the first the client offers that the server supports. */
export function negotiate(offered: string | undefined): string | undefined | null {
  const list = (offered ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  if (!list.length) return '';
  return list.find((p) => SUPPORTED.includes(p)) ?? null;
}

export const unsupportedProtocolMessage = (offered: string | undefined): string =>
  `requested protocol(s) are not supported: [${(offered ?? '').split(',').map((p) => p.trim()).join(' ')}]; supports [ ${SUPPORTED.join(' ')}]`;

function dialErrorText(e: NodeJS.ErrnoException, port: number): string {
  const target = `dial tcp4 127.0.0.1:${port}`;
  switch (e.code) {
    case 'ECONNREFUSED':
      return `${target}: connect: connection refused`;
    case 'EHOSTUNREACH':
      return `${target}: connect: no route to host`;
    case 'ENETUNREACH':
      return `${target}: connect: network is unreachable`;
    case 'ETIMEDOUT':
      return `${target}: i/o timeout`;
    default:
      return `${target}: ${e.message}`;
  }
}

/** containerd's message, wrapped by the kubelet (`error forwarding port %d to pod %s, uid %v: %v`). */
export function forwardErrorMessage(pod: KubeObject, port: number, e: NodeJS.ErrnoException): string {
  const uid = str(meta(pod).uid) ?? '';
  const sandbox = createHash('sha256').update(uid).digest('hex');
  const netns = `/var/run/netns/cni-${sandbox.slice(0, 8)}-${sandbox.slice(8, 12)}-${sandbox.slice(12, 16)}-${sandbox.slice(16, 20)}-${sandbox.slice(20, 32)}`;
  return (
    `error forwarding port ${port} to pod ${sandbox}, uid : failed to execute portforward in network namespace "${netns}": ` +
    `failed to connect to localhost:${port} inside namespace "${sandbox}", IP: [127.0.0.1 ::1]: ${dialErrorText(e, port)}`
  );
}

/** Owns the WebSocket side of all port-forwards so that `closeAll` can end them on shutdown. */
export class PortForwarder {
  private readonly wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    handleProtocols: (protocols) => negotiate([...protocols].join(',')) || false,
  });
  private readonly sockets = new Set<Socket>();

  /** Completes the upgrade and starts forwarding; the caller has already authorised and validated. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, pod: KubeObject, ports: readonly number[]): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.forward(ws, pod, ports));
  }

  private forward(ws: WebSocket, pod: KubeObject, ports: readonly number[]): void {
    const base64 = ws.protocol === BASE64_PROTOCOL;
    const send = (channel: number, data: Buffer): void => {
      if (ws.readyState !== ws.OPEN) return;
      if (base64) ws.send(String.fromCharCode(48 + channel) + data.toString('base64'));
      else ws.send(Buffer.concat([Buffer.from([channel]), data]));
    };
    const podIP = str(at(pod, ['status', 'podIP'])) ?? '';
    const targets: (Socket | undefined)[] = [];
    let open = ports.length;
    const portDone = (): void => {
      open -= 1;
      if (open === 0 && ws.readyState === ws.OPEN) ws.close(1000);
    };

    ports.forEach((port, i) => {
      const portBytes = Buffer.alloc(2);
      portBytes.writeUInt16LE(port);
      send(2 * i, portBytes);
      send(2 * i + 1, portBytes);

      const target = connect({ host: podIP, port, timeout: DIAL_TIMEOUT_MS });
      this.sockets.add(target);
      targets[i] = target;
      let connected = false;
      let finished = false;
      const finish = (): void => {
        if (finished) return;
        finished = true;
        this.sockets.delete(target);
        target.destroy();
        portDone();
      };
      target.on('connect', () => {
        connected = true;
        target.setTimeout(0);
      });
      target.on('timeout', () => {
        if (!connected) target.destroy(Object.assign(new Error('i/o timeout'), { code: 'ETIMEDOUT' }));
      });
      target.on('data', (chunk: Buffer) => send(2 * i, chunk));
      target.on('error', (e: NodeJS.ErrnoException) => {
        if (!connected) send(2 * i + 1, Buffer.from(forwardErrorMessage(pod, port, e)));
      });
      target.on('close', finish);
    });

    ws.on('message', (data: RawData, isBinary: boolean) => {
      const frame = toBuffer(data);
      if (frame.length === 0) return;
      let channel: number;
      let payload: Buffer;
      if (base64 && !isBinary) {
        channel = (frame[0] ?? 0) - 48;
        payload = Buffer.from(frame.subarray(1).toString('utf8'), 'base64');
      } else {
        channel = frame[0] ?? 0;
        payload = frame.subarray(1);
      }
      const target = channel % 2 === 0 ? targets[channel / 2] : undefined;
      if (target && !target.destroyed && payload.length) target.write(payload);
    });
    ws.on('close', () => {
      for (const t of targets) t?.destroy();
    });
    ws.on('error', () => {
      for (const t of targets) t?.destroy();
    });
  }

  closeAll(): void {
    for (const client of this.wss.clients) client.terminate();
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    this.wss.close();
  }
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
