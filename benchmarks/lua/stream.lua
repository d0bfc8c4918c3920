-- The edit-stream phase: each connection cycles through the paths in the file given
-- after "--" (one per line; every wrk thread starts at another place in the list) and
-- counts the X-Page-Cache response header: hit, partial, render, absent or another
-- value. At the end, one line "BENCH_JSON {...}" for benchmarks/load.py.
-- The response() hook makes wrk parse every response: slower, and it says so.

local threads = {}

function setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
end

function init(args)
   paths = {}
   for line in io.lines(args[1]) do
      if line ~= "" then paths[#paths + 1] = line end
   end
   position = (id * 7919) % #paths
   hit, partial, render, absent, other = 0, 0, 0, 0, 0
end

function request()
   position = position % #paths + 1
   return wrk.format(nil, paths[position])
end

function response(status, headers, body)
   local value = nil
   for name, v in pairs(headers) do
      if string.lower(name) == "x-page-cache" then value = string.lower(v) break end
   end
   if value == nil then absent = absent + 1
   elseif value == "hit" then hit = hit + 1
   elseif value == "partial" then partial = partial + 1
   elseif value == "render" then render = render + 1
   else other = other + 1 end
end

function done(summary, latency, requests)
   local counts = {hit = 0, partial = 0, render = 0, absent = 0, other = 0}
   for _, thread in ipairs(threads) do
      for name, _ in pairs(counts) do counts[name] = counts[name] + thread:get(name) end
   end
   local e = summary.errors
   io.write(string.format(
      'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, ' ..
      '"write": %d, "status": %d, "timeout": %d, "p50_us": %.1f, "p99_us": %.1f, "max_us": %.1f, ' ..
      '"hit": %d, "partial": %d, "render": %d, "absent": %d, "other": %d}\n',
      summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
      latency:percentile(50), latency:percentile(99), latency.max,
      counts.hit, counts.partial, counts.render, counts.absent, counts.other))
end
