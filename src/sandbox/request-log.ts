/** One handled request, for tests to assert on. */
export interface RequestLogEntry {
  /** 1, 2, 3…: `GET /_sandbox/requests?since=<seq>` reads what came after. */
  seq: number;
  method: string;
  path: string;
  /** 0 when the connection was reset by a fault. */
  status: number;
  /** Epoch ms when the request arrived. */
  at: number;
  /** Request body size. */
  bodyBytes: number;
  /** The portal whose token made the request (after authentication). */
  portalId?: number;
  /** Ids of the records this request wrote (created or changed), in order. */
  ids?: string[];
}

/** A bounded log: keeps the last `capacity` entries (an array trimmed in chunks, cheap at 100k). */
export class RequestLog {
  readonly entries: RequestLogEntry[] = [];
  total = 0;

  constructor(private readonly capacity = 100_000) {}

  add(fields: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    this.total += 1;
    const entry: RequestLogEntry = { seq: this.total, ...fields };
    this.entries.push(entry);
    if (this.entries.length > this.capacity + 1000)
      this.entries.splice(0, this.entries.length - this.capacity);
    return entry;
  }
}
