-- wrk's script for the load harness: sends the paths listed in a file (the script's argument) in
-- turn, and when done prints the summary and every latency (microseconds) with its count.
local paths = {}
local next_path = 1

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

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("clouvel-summary %d %d %d\n", summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout + e.status))
  for i = 1, #latency do
    local value, count = latency(i)
    io.write(string.format("clouvel-latency %d %d\n", value, count))
  end
end
