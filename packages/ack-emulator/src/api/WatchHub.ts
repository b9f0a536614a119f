/** Tracks open watch streams so shutdown and fault injection can close them. */
export class WatchHub {
  private readonly open = new Set<() => void>();
  private dropTimer?: NodeJS.Timeout;

  add(close: () => void): () => void {
    this.open.add(close);
    return () => this.open.delete(close);
  }

  size(): number {
    return this.open.size;
  }

  /** Closes every open watch stream; returns how many were closed. */
  closeAll(): number {
    const all = [...this.open];
    for (const close of all) close();
    return all.length;
  }

  /** Closes all streams every `everyMs` (the dropped-watches fault); undefined stops it. */
  dropEvery(
    everyMs: number | undefined,
    onDrop: (count: number) => void,
  ): void {
    if (this.dropTimer) clearInterval(this.dropTimer);
    this.dropTimer = undefined;
    if (!everyMs) return;
    this.dropTimer = setInterval(() => onDrop(this.closeAll()), everyMs);
    this.dropTimer.unref();
  }
}
