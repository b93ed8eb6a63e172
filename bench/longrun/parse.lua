-- wrk script for the long runs (docs/performance.md): POST /parse, cycling through the bodies in $BODIES (one JSON
-- body a line, from names.py --json; default bodies.jsonl), each thread from its own offset. Prints the error counts.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local bodies, i = {}, 0
for line in io.lines(os.getenv("BODIES") or "bodies.jsonl") do bodies[#bodies + 1] = line end
function setup(thread) thread:set("id", math.random(1, 100000)) end
function init(args) i = (id or 0) % #bodies end
function request()
  i = i % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[i])
end
function done(summary, latency, requests)
  io.write(string.format("bodies %d; requests %d; non-2xx/3xx %d; socket errors connect %d read %d write %d timeout %d\n",
    #bodies, summary.requests, summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
