// Turns an async sequence of text chunks into a response body that is produced as it is read:
// each chunk (one page of rows) is fetched only when the client is ready for it, so an export
// of any size holds one page in memory.
export function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** Walks a keyset-paginated source page by page until a short page says it has ended. */
export async function* pages<Row>(fetchPage: (after: Row | null) => Promise<Row[]>, pageSize: number): AsyncGenerator<Row[]> {
  let after: Row | null = null;
  for (;;) {
    const rows = await fetchPage(after);
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    after = rows.at(-1)!;
  }
}
