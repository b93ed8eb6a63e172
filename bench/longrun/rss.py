#!/usr/bin/env python3
"""Long runs (docs/performance.md): sample VmRSS and VmHWM (kB) of PID every INTERVAL s until it exits or DURATION
s pass; with DIR also the number of files under DIR (not in .episodic). Usage: rss.py PID INTERVAL DURATION [DIR]"""
import os, sys, time
pid, every, dur = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
t0 = time.monotonic()
def read():
    d = {}
    with open(f"/proc/{pid}/status") as h:
        for l in h:
            k, _, v = l.partition(":")
            if k in ("VmRSS", "VmHWM", "Threads"): d[k] = v.split()[0]
    return d
lib = sys.argv[4] if len(sys.argv) > 4 else None
def count():
    n = 0
    for root, dirs, files in os.walk(lib):
        if ".episodic" in dirs: dirs.remove(".episodic")
        n += len(files)
    return n
print("t_s\tVmRSS_kB\tVmHWM_kB\tthreads" + ("\tfiles" if lib else ""), flush=True)
while True:
    try: d = read()
    except FileNotFoundError: break
    t = time.monotonic() - t0
    print(f"{t:.0f}\t{d['VmRSS']}\t{d['VmHWM']}\t{d['Threads']}" + (f"\t{count()}" if lib else ""), flush=True)
    if t >= dur: break
    time.sleep(every - ((time.monotonic() - t0) % every))
