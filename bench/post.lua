-- wrk script: POST a valid, never-repeated SIP credential on every request.
-- Arguments (after --): AUTHORIZATION_HEADER RUN_NUMBER
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  auth, run = args[1], tonumber(args[2])
  sent = 0
end

function request()
  sent = sent + 1
  local id = string.format("%08x-%04x-4000-8000-%012x", run, tid, sent)
  local body = '{"id":"' .. id .. '","username":"load-' .. id .. '","caller_id":"+15551234567",'
    .. '"send_as":"+15551234567","ciphers":["AEAD_AES_256_GCM_8"],"codecs":["OPUS","PCMU"],'
    .. '"encryption":"default","call_handler":"default","calling_handler_resource_id":null}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = auth}, body)
end
