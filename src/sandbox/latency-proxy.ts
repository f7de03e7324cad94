import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * A TCP proxy that adds a network's round trip between a client and a server on loopback, for tests
 * and benchmarks of what a check costs from an on-premises server or a CI runner (20–150 ms from
 * Microsoft). It forwards plain TCP, so TLS passes through untouched and certificates still verify.
 *
 * The model (one-way delay d = round trip / 2, as on a symmetric path):
 * - the client's connect completes at once on loopback, but a real one completes one round trip
 *   after the SYN; so nothing the client sends leaves before `accepted + rtt`, and it arrives at the
 *   server d later. The upstream connection is opened at `accepted + 1.5 rtt`, when a real server's
 *   accept() returns (the client's ACK arrives): a server that speaks first (an SMTP greeting) reaches
 *   the client at `accepted + 2 rtt`, a client that speaks first (a TLS ClientHello) gets its answer
 *   at `accepted + 2 rtt` too. TCP and TLS handshakes thus pay their real round trips.
 * - every chunk is released in its direction at `max(arrival, earliest send) + d`, in arrival order;
 *   a FIN (half-close) and a reset travel the same way, behind the data sent before them.
 * - bandwidth is not modelled: each chunk waits d whatever its size.
 * Known difference: a refused upstream connection reaches the client as a reset of a connection that
 * had been accepted (a real client sees ECONNREFUSED instead), later than a real refusal.
 */

export interface LatencyProxyOptions {
  /** The round trip to add, in milliseconds (each direction waits half of it). */
  roundTripMs: number;
  /** Where to forward connections to. */
  target: { host: string; port: number };
  /** Listen address (default 127.0.0.1). */
  host?: string;
  /** Listen port; 0 (default) picks a free one. */
  port?: number;
}

export interface LatencyProxy {
  readonly host: string;
  readonly port: number;
  readonly roundTripMs: number;
  /** Client connections accepted so far. */
  connections(): number;
  /** Client connections not yet closed on both sides. */
  openConnections(): number;
  /** Stops listening, drops every connection at once (both sides), clears every timer. Idempotent. */
  close(): Promise<void>;
}

/** Bytes held in one direction (queue plus the destination's write buffer) before the source is paused. */
const HIGH_WATER_BYTES = 1024 * 1024;

type Item = { due: number; kind: 'data'; chunk: Buffer } | { due: number; kind: 'end' } | { due: number; kind: 'reset' };

/** One direction of one connection: what `source` sent, released to `dest` at its due time, in order. */
class DelayedDirection {
  private readonly queue: Item[] = [];
  private timer: NodeJS.Timeout | null = null;
  private queuedBytes = 0;
  private dest: Socket | null = null;
  private stopped = false;

  constructor(
    private readonly source: Socket,
    private readonly delayMs: number,
    /** Nothing leaves before this moment (performance.now() time): the client's connect completing. */
    private readonly earliestSend: number,
  ) {}

  /** The destination is connected: release what is due, and the rest at its time. */
  attach(dest: Socket): void {
    this.dest = dest;
    dest.on('drain', () => this.relieve());
    this.release();
  }

  push(item: { kind: 'data'; chunk: Buffer } | { kind: 'end' } | { kind: 'reset' }): void {
    if (this.stopped) return;
    const due = Math.max(performance.now(), this.earliestSend) + this.delayMs;
    this.queue.push({ ...item, due });
    if (item.kind === 'data') {
      this.queuedBytes += item.chunk.length;
      if (this.held() > HIGH_WATER_BYTES) this.source.pause();
    }
    this.release();
  }

  /** Drops whatever is queued (the destination is gone). */
  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
    this.queuedBytes = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private held(): number {
    return this.queuedBytes + (this.dest?.writableLength ?? 0);
  }

  private relieve(): void {
    if (!this.stopped && this.held() <= HIGH_WATER_BYTES / 2 && this.source.isPaused()) this.source.resume();
  }

  private release(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const dest = this.dest;
    if (!dest || this.stopped) return;
    const now = performance.now();
    while (this.queue.length > 0 && this.queue[0]!.due <= now) {
      const item = this.queue.shift()!;
      if (item.kind === 'data') {
        this.queuedBytes -= item.chunk.length;
        if (!dest.destroyed) dest.write(item.chunk);
      } else if (item.kind === 'end') {
        if (!dest.destroyed) dest.end();
      } else {
        reset(dest);
      }
    }
    this.relieve();
    const next = this.queue[0];
    // Timers have millisecond resolution: round up, so that nothing is released early.
    if (next) this.timer = setTimeout(() => this.release(), Math.max(1, Math.ceil(next.due - now)));
  }
}

/** Ends a connection abruptly, as a reset on the wire does (RST, not FIN). */
function reset(socket: Socket): void {
  if (socket.destroyed) return;
  try {
    socket.resetAndDestroy();
  } catch {
    socket.destroy();
  }
}

export async function startLatencyProxy(options: LatencyProxyOptions): Promise<LatencyProxy> {
  const roundTripMs = options.roundTripMs;
  if (!Number.isFinite(roundTripMs) || roundTripMs < 0) throw new Error(`roundTripMs must be a number ≥ 0, got ${roundTripMs}.`);
  const oneWay = roundTripMs / 2;
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const directions = new Set<DelayedDirection>();
  let accepted = 0;
  let open = 0;
  let closing = false;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };

  const onClient = (client: Socket): void => {
    if (closing) return void client.destroy();
    accepted++;
    open++;
    track(client);
    client.setNoDelay(true);
    const acceptedAt = performance.now();
    const upward = new DelayedDirection(client, oneWay, acceptedAt + roundTripMs);
    directions.add(upward);
    let upstream: Socket | null = null;
    let downward: DelayedDirection | null = null;
    let clientEnded = false;
    let upstreamEnded = false;
    let closedSides = 0;
    const sideClosed = () => {
      if (++closedSides === 2) {
        open--;
        // Both sockets are gone: nothing queued can be delivered any more, and no timer may linger.
        upward.stop();
        downward?.stop();
        directions.delete(upward);
        if (downward) directions.delete(downward);
      }
    };

    client.on('data', (chunk: Buffer) => upward.push({ kind: 'data', chunk }));
    client.on('end', () => {
      clientEnded = true;
      upward.push({ kind: 'end' });
    });
    client.on('error', () => undefined);
    client.once('close', () => {
      // Closed without a FIN first (an error, a reset): the server's side is reset too.
      if (!clientEnded) upward.push({ kind: 'reset' });
      downward?.stop();
      if (!upstream) {
        // The upstream connection was not opened yet: it never will be.
        upward.stop();
        clearTimeout(connectTimer);
        timers.delete(connectTimer);
        closedSides++;
      }
      sideClosed();
    });

    const openUpstream = () => {
      timers.delete(connectTimer);
      if (closing || client.destroyed) return;
      const socket = connect({ host: options.target.host, port: options.target.port, allowHalfOpen: true });
      upstream = socket;
      track(socket);
      socket.setNoDelay(true);
      const down = new DelayedDirection(socket, oneWay, 0);
      downward = down;
      directions.add(down);
      down.attach(client);
      socket.on('data', (chunk: Buffer) => down.push({ kind: 'data', chunk }));
      socket.on('end', () => {
        upstreamEnded = true;
        down.push({ kind: 'end' });
      });
      socket.on('error', () => undefined);
      socket.once('connect', () => upward.attach(socket));
      socket.once('close', () => {
        if (!upstreamEnded) down.push({ kind: 'reset' });
        upward.stop();
        sideClosed();
      });
    };
    // When a real server's accept() returns: the client's ACK arrives 1.5 round trips after its SYN.
    const connectTimer = setTimeout(openUpstream, Math.ceil(1.5 * roundTripMs));
    timers.add(connectTimer);
  };

  const server = createServer({ allowHalfOpen: true }, onClient);
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  let closed: Promise<void> | null = null;
  return {
    host,
    port,
    roundTripMs,
    connections: () => accepted,
    openConnections: () => open,
    close() {
      closed ??= (async () => {
        closing = true;
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const direction of directions) direction.stop();
        directions.clear();
        // Resolved once every socket, upstream ones included, has closed.
        const gone = [...sockets].map((socket) => new Promise<void>((resolve) => (socket.closed ? resolve() : socket.once('close', () => resolve()))));
        for (const socket of sockets) socket.destroy();
        await Promise.all([stopped, ...gone]);
      })();
      return closed;
    },
  };
}
