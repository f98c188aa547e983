/** autocannon, wrapped: one bounded load run against a URL, reduced to the numbers the benchmarks report. */
import autocannon from 'autocannon';

export interface LoadResult {
  route: string;
  seconds: number;
  requests: number;
  /** Mean requests per second over the run. */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Socket errors and timeouts. */
  errors: number;
  /** Responses with a status other than 2xx. */
  non2xx: number;
}

export async function load(options: {
  url: string;
  method?: 'GET' | 'POST';
  body?: unknown;
  /**
   * Several bodies (POST): each connection sends them in turn, round and round, so the server sees varied
   * requests instead of one body over and over. Overrides `body`.
   */
  bodies?: readonly unknown[];
  /** GET: paths (with their queries) each connection requests in turn, as `bodies` does for POST. */
  paths?: readonly string[];
  /** Sent with every request (e.g. Accept-Encoding). */
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.paths && options.paths.length > 0
      ? {
          requests: options.paths.map((path) => ({
            method: 'GET' as const,
            path,
            ...(options.headers ? { headers: options.headers } : {}),
          })),
        }
      : options.bodies && options.bodies.length > 0
        ? {
            requests: options.bodies.map((body) => ({
              method: options.method ?? 'POST',
              body: JSON.stringify(body),
              headers: { 'content-type': 'application/json', ...options.headers },
            })),
          }
        : options.body === undefined
          ? {}
          : {
              body: JSON.stringify(options.body),
              headers: { 'content-type': 'application/json', ...options.headers },
            }),
  });
  return {
    route: `${options.method ?? 'GET'} ${new URL(options.url).pathname}`,
    seconds: options.seconds,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
