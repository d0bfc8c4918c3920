-- The request mix of tests/test_load.py: every request picks, by weight, one of
--
--   hot     a reader page the page cache answers (home, first list pages, the questions
--           the test edits), in all four languages                         -> 200
--   tail    a page that must be rendered once per content version: every question
--           page, list pages deep in their pagination, tag and asker pages -> 200
--   query   a hot or tail page with a random query string ?x=<random>      -> 200
--   cookie  a hot page with a made-up sessionid cookie                     -> 200
--   slug    a made-up slug under a real path (question, category, tag, asker) -> 404
--   page    a list page number far beyond its last page                    -> 404
--
-- The paths come from the file named after "--" (lines "<kind> <path>"; kind hot, tail,
-- slug for the prefixes that get a made-up slug, list for the lists that get a page
-- number); a second argument seeds the random choices. Responses are counted by status
-- class (404 apart from other 4xx) and by X-Page-Cache value; done() prints one line
-- "LOAD_JSON {...}" that the test parses (latencies in microseconds).

local threads = {}

function setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
end

local WEIGHTS = {
   {"hot", 45}, {"tail", 25}, {"query", 9}, {"cookie", 7}, {"slug", 10}, {"page", 4},
}
local KINDS = {}
for _, pair in ipairs(WEIGHTS) do KINDS[#KINDS + 1] = pair[1] end
local TOTAL = 0
for _, pair in ipairs(WEIGHTS) do TOTAL = TOTAL + pair[2] end
local COUNTERS = {
   "s2xx", "s3xx", "s404", "s4xx", "s5xx", "other",
   "hit", "partial", "render", "absent",
}
local ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"

local function random_text(length)
   local chars = {}
   for i = 1, length do
      local n = math.random(#ALPHABET)
      chars[i] = string.sub(ALPHABET, n, n)
   end
   return table.concat(chars)
end

local function pick(list)
   return list[math.random(#list)]
end

function init(args)
   paths = {hot = {}, tail = {}, slug = {}, list = {}}
   for line in io.lines(args[1]) do
      local kind, path = string.match(line, "^(%S+) (%S+)$")
      if kind then table.insert(paths[kind], path) end
   end
   for kind, list in pairs(paths) do
      if #list == 0 then error("no '" .. kind .. "' paths in " .. args[1]) end
   end
   math.randomseed(tonumber(args[2] or "1") * 1000 + id)
   for _, name in ipairs(COUNTERS) do _G[name] = 0 end
   for _, kind in ipairs(KINDS) do _G["sent_" .. kind] = 0 end
end

local function choose_kind()
   local roll = math.random(TOTAL)
   for _, pair in ipairs(WEIGHTS) do
      roll = roll - pair[2]
      if roll <= 0 then return pair[1] end
   end
end

function request()
   local kind = choose_kind()
   _G["sent_" .. kind] = _G["sent_" .. kind] + 1
   if kind == "hot" or kind == "tail" then
      return wrk.format(nil, pick(paths[kind]))
   elseif kind == "query" then
      local path = pick(math.random(2) == 1 and paths.hot or paths.tail)
      local glue = string.find(path, "?", 1, true) and "&" or "?"
      return wrk.format(nil, path .. glue .. "x=" .. random_text(12))
   elseif kind == "cookie" then
      -- wrk.format uses the headers given instead of wrk.headers (the command line's).
      local headers = {}
      for name, value in pairs(wrk.headers) do headers[name] = value end
      headers["Cookie"] = "sessionid=" .. random_text(32)
      return wrk.format(nil, pick(paths.hot), headers)
   elseif kind == "slug" then
      return wrk.format(nil, pick(paths.slug) .. "made-up-" .. random_text(10) .. "/")
   else
      return wrk.format(nil, pick(paths.list) .. "?page=" .. math.random(10000, 99999))
   end
end

function response(status, headers, body)
   if status >= 500 then s5xx = s5xx + 1
   elseif status == 404 then s404 = s404 + 1
   elseif status >= 400 then s4xx = s4xx + 1
   elseif status >= 300 then s3xx = s3xx + 1
   elseif status >= 200 then s2xx = s2xx + 1
   else other = other + 1 end
   local how = nil
   for name, value in pairs(headers) do
      if string.lower(name) == "x-page-cache" then how = string.lower(value) break end
   end
   if how == "hit" then hit = hit + 1
   elseif how == "partial" then partial = partial + 1
   elseif how == "render" then render = render + 1
   else absent = absent + 1 end
end

function done(summary, latency, requests)
   local totals = {}
   for _, name in ipairs(COUNTERS) do totals[name] = 0 end
   for _, kind in ipairs(KINDS) do totals["sent_" .. kind] = 0 end
   for _, thread in ipairs(threads) do
      for name, _ in pairs(totals) do totals[name] = totals[name] + thread:get(name) end
   end
   local e = summary.errors
   local parts = {
      string.format('"requests": %d', summary.requests),
      string.format('"duration_us": %d', summary.duration),
      string.format('"bytes": %d', summary.bytes),
      string.format('"connect_errors": %d', e.connect),
      string.format('"read_errors": %d', e.read),
      string.format('"write_errors": %d', e.write),
      string.format('"timeouts": %d', e.timeout),
      string.format('"non_2xx_3xx": %d', e.status),
      string.format('"p50_us": %.1f', latency:percentile(50)),
      string.format('"p99_us": %.1f', latency:percentile(99)),
      string.format('"max_us": %.1f', latency.max),
   }
   for name, value in pairs(totals) do
      parts[#parts + 1] = string.format('"%s": %d', name, value)
   end
   io.write("LOAD_JSON {" .. table.concat(parts, ", ") .. "}\n")
end
