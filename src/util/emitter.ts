/** Something to release: a listener, a connection, a session. The editor's Disposable has the same shape. */
export interface Disposable {
  dispose(): void;
}

export type Listener<T> = (event: T) => void;

/** A typed event source for domain code (which may not use the editor's EventEmitter). */
export class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();

  /** Subscribes; dispose the result to unsubscribe. */
  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(event: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (e) {
        // Events fire from socket callbacks: a throwing listener must not take the process down.
        process.emitWarning(`An event listener threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
