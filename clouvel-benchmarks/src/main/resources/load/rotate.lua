-- wrk's script for the load harness: sends the paths listed in a file (the script's argument) in
-- turn, counts the answers that are not 200, and when done prints the summary and every recorded
-- latency (microseconds) with its count.
local paths = {}
local next_path = 1
-- A global, for done() to read from each thread with thread:get.
not_ok = 0
local threads = {}

setup = function(thread)
  threads[#threads + 1] = thread
end

init = function(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  next_path = math.random(#paths)
end

request = function()
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", path)
end

response = function(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout
  for _, thread in ipairs(threads) do
    errors = errors + thread:get("not_ok")
  end
  io.write(string.format("clouvel-summary %d %d %d\n", summary.requests, summary.duration, errors))
  for i = 1, #latency do
    local value, count = latency(i)
    io.write(string.format("clouvel-latency %d %d\n", value, count))
  end
end
