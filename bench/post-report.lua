-- wrk script for bench/intake.sh: POSTs the report bodies of VIGIL_BODIES (one JSON object per
-- line, made by BenchReports from the linkage generator) with an operator token, each wrk thread
-- starting at its own place in the file.
local bodies = {}
local next_body = 1
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("offset", threads * 7919)
end

function init(args)
  for line in io.lines(os.getenv("VIGIL_BODIES")) do bodies[#bodies + 1] = line end
  next_body = (offset % #bodies) + 1
end

function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. os.getenv("VIGIL_TOKEN")}, body)
end
