#!/usr/bin/env python3
"""Long runs (docs/performance.md): drop small real files (a few bytes) named from NAMES (one a line, from
names.py --episodes) into FOLDER at RATE files/s for SECONDS, cycling through the names; a name whose previous file
is still in FOLDER is passed over. Prints a line every 10 s. Usage: drop.py NAMES FOLDER RATE SECONDS"""
import os, sys, time
names = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
folder, rate, secs = sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
t0 = time.monotonic(); n = 0; skipped = 0; last = 0
while True:
    t = time.monotonic() - t0
    if t >= secs: break
    while n < t * rate:
        p = os.path.join(folder, names[n % len(names)])
        if os.path.exists(p):   # the previous file of that name has not been filed yet
            skipped += 1
        else:
            with open(p, "wb") as h: h.write(f"ep {n}\n".encode())
        n += 1
    if t - last >= 10:
        last = t; print(f"{t:.0f}s dropped {n - skipped} (name still waiting: {skipped})", flush=True)
    time.sleep(0.01)
print(f"done: {n - skipped} files in {time.monotonic() - t0:.1f} s; {skipped} names skipped (file still waiting)", flush=True)
