-- wrk script: POST a valid, never-repeated SIP credential on every request.
-- Arguments (after --): AUTHORIZATION_HEADER RUN_NUMBER BODY_TEMPLATE
-- BODY_TEMPLATE is the spec's create example as JSON with @ID@ where the id goes
-- (bench/throughput.py makes it), so the body's fields have one home: the spec.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  auth, run, template = args[1], tonumber(args[2]), args[3]
  sent = 0
end

function request()
  sent = sent + 1
  local id = string.format("%08x-%04x-4000-8000-%012x", run, tid, sent)
  local body = (template:gsub("@ID@", id))
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = auth}, body)
end
