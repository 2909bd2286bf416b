-- wrk script for bench/surge/run: POST /api/requests, a different applicant each time.
-- Run with as many threads as connections (-t N -c N): each thread then has one connection, so a
-- response belongs to the request just sent, and its latency and status are exact.
-- Arguments after "--": TOKENS_FILE APPLICANTS SERVICE_DATE THREADS IDS_FILE
--   IDS_FILE     where the ids of the requests answered 201 are written, one a line, to be looked up
--   TOKENS_FILE  fixed-width lines (1024 bytes): "<bearer token> <traveller id>"
-- A refused applicant (429) is tried again later, as a client honouring Retry-After would; one
-- that got 201 is never sent again, so every 201 is a new row.
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } timespec;
int clock_gettime(int clk_id, timespec *tp);
]]
local ts = ffi.new("timespec[1]")
local function now_ms()
  ffi.C.clock_gettime(1, ts)
  return tonumber(ts[0].tv_sec) * 1000 + tonumber(ts[0].tv_nsec) / 1e6
end

local LINE = 1024
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  path, applicants, date, total = args[1], tonumber(args[2]), args[3], tonumber(args[4])
  ids, ids_path = {}, args[5]
  file = io.open(path, "rb")
  used = {}
  statuses = {}
  accepted = {}  -- latencies (ms) of 201s
  refused = {}   -- latencies (ms) of 429s
end

local function line(i)
  file:seek("set", i * LINE)
  local text = file:read(LINE - 1)
  local token, traveller = text:match("^(%S+) (%S+)")
  return token, traveller
end

function request()
  if first == nil then
    -- Each thread takes its own contiguous share of the applicants.
    local share = math.floor(applicants / total)
    first, count, cursor = id * share, share, 0
  end
  local tries = 0
  repeat
    current = first + cursor
    cursor = (cursor + 1) % count
    tries = tries + 1
  until not used[current] or tries > count
  local token, traveller = line(current)
  sent_at = now_ms()
  return wrk.format("POST", "/api/requests",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" },
    '{"serviceDate":"' .. date .. '","ports":["2504"],"travellers":["' .. traveller .. '"]}')
end

function response(status, headers, body)
  local latency = now_ms() - sent_at
  statuses[status] = (statuses[status] or 0) + 1
  if status == 201 then
    used[current] = true
    table.insert(accepted, latency)
    table.insert(ids, body:match('"id":"([^"]+)"') or "missing")
  elseif status == 429 then
    table.insert(refused, latency)
  end
end

local function percentile(sorted, p)
  if #sorted == 0 then return 0 end
  local k = math.max(1, math.ceil(#sorted * p))
  return sorted[k]
end

function done(summary, latency, requests)
  local counts, ok, no = {}, {}, {}
  -- The main state never ran init: the threads hold the arguments.
  local out = io.open(threads[1]:get("ids_path"), "w")
  for _, thread in ipairs(threads) do
    for _, v in ipairs(thread:get("ids")) do out:write(v, "\n") end
    for status, n in pairs(thread:get("statuses")) do counts[status] = (counts[status] or 0) + n end
    for _, v in ipairs(thread:get("accepted")) do table.insert(ok, v) end
    for _, v in ipairs(thread:get("refused")) do table.insert(no, v) end
  end
  out:close()
  table.sort(ok)
  table.sort(no)
  local seconds = summary.duration / 1e6
  local parts = {}
  for status, n in pairs(counts) do table.insert(parts, status .. "=" .. n) end
  table.sort(parts)
  io.write(string.format("RESULT seconds=%.2f requests=%d rate=%.1f created=%d goodput=%.1f errors_socket=%d\n",
    seconds, summary.requests, summary.requests / seconds, counts[201] or 0, (counts[201] or 0) / seconds,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write("RESULT statuses " .. table.concat(parts, " ") .. "\n")
  io.write(string.format("RESULT accepted_ms p50=%.1f p90=%.1f p99=%.1f max=%.1f\n",
    percentile(ok, 0.5), percentile(ok, 0.9), percentile(ok, 0.99), percentile(ok, 1)))
  io.write(string.format("RESULT refused_ms p50=%.1f p99=%.1f max=%.1f\n",
    percentile(no, 0.5), percentile(no, 0.99), percentile(no, 1)))
end
