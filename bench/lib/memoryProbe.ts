/**
 * Preloaded into the server by `pnpm soak` (`--expose-gc --import bench/lib/memoryProbe.ts`): on SIGUSR2 it
 * runs a full garbage collection and prints one line of memory figures. Heap used after a full GC is what the
 * program still holds; RSS alone also counts heap the engine keeps for later and malloc'd buffers, so the two
 * together tell a leak from a heap that has grown to its working size.
 */
process.on('SIGUSR2', () => {
  const before = process.memoryUsage();
  (globalThis as { gc?: () => void }).gc?.();
  const after = process.memoryUsage();
  const mb = (n: number) => (n / 2 ** 20).toFixed(1);
  console.log(
    `memory-probe rss=${mb(before.rss)} heapUsedBeforeGc=${mb(before.heapUsed)} heapUsedAfterGc=${mb(after.heapUsed)} heapTotal=${mb(after.heapTotal)} external=${mb(after.external)} arrayBuffers=${mb(after.arrayBuffers)}`,
  );
});
