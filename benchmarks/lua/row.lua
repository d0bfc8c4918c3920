-- One benchmark row: wrk's own request loop (one URL); at the end, one line
-- "BENCH_JSON {...}" with the summary and latency percentiles in microseconds,
-- read by benchmarks/load.py. No response() hook: wrk stays as fast as it can be.

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, ' ..
      '"write": %d, "status": %d, "timeout": %d, "p50_us": %.1f, "p99_us": %.1f, "max_us": %.1f}\n',
      summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
      latency:percentile(50), latency:percentile(99), latency.max))
end
