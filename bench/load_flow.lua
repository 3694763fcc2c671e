-- wrk script: each connection is one learner (run wrk with as many threads as connections, so
-- each has its own Lua state) who plays scenarios: GET the step, POST an answer with the CSRF
-- token and step number read from the page, follow the redirect; at an ending, open the
-- scenario's page and start again. Sessions are made beforehand (bench/load_wrk.py writes one
-- line per learner: cookie, open attempt id, scenario slug) so no one signs in during the run.
--
--   WP_SESSIONS=file [WP_OFFSET=0] WP_PAUSE_MIN=5000 WP_PAUSE_MAX=20000 \
--     wrk -t N -c N -s bench/load_flow.lua URL
--
-- WP_PAUSE_MIN/MAX (ms): the pause before each request a person makes (0: none), as they read
-- and think; none before a connection's first request or before following a redirect (a
-- browser follows it at once: the answer's POST and the feedback page it leads to are one click).
-- WP_MEASURE_FROM/TO (epoch seconds, optional): only requests sent in that window are timed, so
-- a run ramped in over several wrk processes reports its steady state, not its start.
-- done() prints one JSON line (prefix "WPJSON ") with wrk's figures and the flow's own counts,
-- and one line "WPLAT " with every timed request's latency in ms (for merging across processes).

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } wp_timespec;
  int clock_gettime(int clock, wp_timespec *out);
]]
local clock = ffi.new("wp_timespec")
local function now()  -- wall clock (CLOCK_REALTIME), seconds
  ffi.C.clock_gettime(0, clock)
  return tonumber(clock.tv_sec) + tonumber(clock.tv_nsec) / 1e9
end

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("learner", counter)
  table.insert(threads, thread)
end

local cookie, where, slug
local pause_min, pause_max
local page_kind = "step"   -- what the last GET was: "step", "scenario"
local pending = nil        -- the next request, built from the last response
answered, started, unexpected = 0, 0, 0  -- globals: done() reads them per thread
timed = {}  -- latencies (ms) of the requests sent inside the measuring window
local measure_from, measure_to, sent_at = 0, math.huge, nil
local follow = false  -- the next request follows a redirect: no pause
statuses = ""  -- the unexpected statuses seen, e.g. "400 409 "

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function path_of(location)
  return (location:gsub("^https?://[^/]+", ""))
end

function init(args)
  local n = learner + tonumber(os.getenv("WP_OFFSET") or "0")  -- this wrk's share of the file
  local file = assert(io.open(os.getenv("WP_SESSIONS"), "r"))
  local i = 0
  for line in file:lines() do
    i = i + 1
    if i == n then
      local c, attempt, s = line:match("^(%S+) (%d+) (%S+)$")
      cookie, where, slug = c, "/attempts/" .. attempt, s
      break
    end
  end
  file:close()
  assert(cookie, "no prepared session for learner " .. n)
  pause_min = tonumber(os.getenv("WP_PAUSE_MIN") or "0")
  pause_max = tonumber(os.getenv("WP_PAUSE_MAX") or "0")
  measure_from = tonumber(os.getenv("WP_MEASURE_FROM") or "0")
  measure_to = tonumber(os.getenv("WP_MEASURE_TO") or "") or math.huge
  math.randomseed(n * 7919 + math.floor(now()))
end

-- No pause before a connection's first request: a browser opens a connection when it has a
-- request to send. (gunicorn's gthread worker gives a new connection's first bytes up to 5 s of
-- one of its threads before parking it, so connections opened and left silent for 5-20 s held
-- every thread and queued the other learners' requests: the seconds-long tail in earlier runs.)
local first = true

function delay()
  if first then first = false return 0 end
  if follow or pause_max <= 0 then return 0 end
  return math.random(pause_min, pause_max)
end

local function get(path, kind)
  page_kind = kind
  return wrk.format("GET", path, { ["Cookie"] = cookie })
end

local function post(path, body, kind)
  page_kind = kind or "post"
  return wrk.format("POST", path, {
    ["Cookie"] = cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end

function request()
  local r = pending or get(where, "step")
  pending, follow = nil, false
  sent_at = now()
  return r
end

local function form_for(body)
  local token = body:match('name="csrf_token"[^>]-value="([^"]+)"')
  if not token then return nil end
  local parts = { "csrf_token=" .. urlencode(token) }
  local step = body:match('name="step"[^>]-value="(%d+)"')
  if step then table.insert(parts, "step=" .. step) end
  local options = {}
  for v in body:gmatch('name="option" type="radio" value="(%d+)"') do table.insert(options, v) end
  if #options > 0 then table.insert(parts, "option=" .. options[math.random(#options)]) end
  if body:find('name="reflection"', 1, true) then
    table.insert(parts, "reflection=" .. urlencode("A load-test reflection: who else should I hear from?"))
  end
  return table.concat(parts, "&")
end

function response(status, headers, body)
  if sent_at and sent_at >= measure_from and sent_at < measure_to then
    timed[#timed + 1] = (now() - sent_at) * 1000
  end
  sent_at = nil
  if page_kind == "post" or page_kind == "start" then
    local location = headers["Location"] or headers["location"]
    if status == 302 and location then
      where, follow = path_of(location), true
      if page_kind == "post" then answered = answered + 1 end
      if where:find("/attempts/", 1, true) == 1 and where:find("/ending", 1, true) then
        pending = get(where, "ending")
      end
    else
      unexpected = unexpected + 1   -- a stale form (409) or an error: show the step again
      statuses = statuses .. status .. " "
    end
    return
  end
  local location = headers["Location"] or headers["location"]
  if (status == 302 or status == 303) and location then  -- e.g. a finished attempt's page
    where, follow = path_of(location), true
    if where:find("/ending", 1, true) then pending = get(where, "ending") end
    return
  end
  if status ~= 200 then
    unexpected = unexpected + 1
    statuses = statuses .. status .. " "
    return
  end
  if page_kind == "ending" then
    pending = get("/scenarios/" .. slug, "scenario")
    return
  end
  if page_kind == "scenario" then
    local token = body:match('name="csrf_token"[^>]-value="([^"]+)"')
    started = started + 1
    pending = post("/scenarios/" .. slug .. "/start", "csrf_token=" .. urlencode(token or ""), "start")
    return
  end
  if where:find("/feedback/", 1, true) then
    local nxt = body:match('<a class="govuk%-button"[^>]-href="([^"]+)"')
    if nxt then where = path_of(nxt) end
    return
  end
  if where:find("/ending", 1, true) then  -- an ending reached some other way: start again
    pending = get("/scenarios/" .. slug, "scenario")
    return
  end
  local form = form_for(body)
  if form then pending = post(where, form) end
end

local function codes(seen)
  local out = {}
  for code, n in pairs(seen) do table.insert(out, code .. "x" .. n) end
  table.sort(out)
  return table.concat(out, " ")
end

function done(summary, latency, requests)
  local answers, starts, odd, seen = 0, 0, 0, {}
  for _, t in ipairs(threads) do
    for code in (t:get("statuses") or ""):gmatch("%d+") do seen[code] = (seen[code] or 0) + 1 end
    answers = answers + (t:get("answered") or 0)
    starts = starts + (t:get("started") or 0)
    odd = odd + (t:get("unexpected") or 0)
  end
  local all = {}
  for _, t in ipairs(threads) do
    for _, ms in ipairs(t:get("timed") or {}) do all[#all + 1] = string.format("%.2f", ms) end
  end
  io.write("WPLAT " .. table.concat(all, ",") .. "\n")
  local e = summary.errors
  io.write(string.format(
    'WPJSON {"requests": %d, "seconds": %.2f, "per_second": %.1f, "p50_ms": %.1f, ' ..
    '"p95_ms": %.1f, "p99_ms": %.1f, "max_ms": %.1f, "answers": %d, "attempts_started": %d, ' ..
    '"unexpected_status": %d, "errors": {"connect": %d, "read": %d, "write": %d, ' ..
    '"status": %d, "timeout": %d}, "statuses": "%s"}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, answers, starts, odd,
    e.connect, e.read, e.write, e.status, e.timeout, codes(seen)))
end
