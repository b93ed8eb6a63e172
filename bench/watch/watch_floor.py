#!/usr/bin/env python3
"""Watch floor (issue 18): 100 files arrive within 10 s, some written slowly over several seconds; every one must
reach the library within 5 s of being complete and none while incomplete; a `kill -9` of the watcher mid-run and a
restart must lose nothing.

Usage: python3 bench/watch/watch_floor.py [path/to/episodic.dll] [--kill-at SECONDS] [--mode move|copy] [--mb N]
(--mode copy --mb 4 makes each batch slow enough for the kill -9 to land mid-apply: the log then shows "resumed".)
Prints the per-file latency (completion -> in the library), the worst case, and the checks; exits 1 on a failure.
"""
import hashlib, os, random, signal, subprocess, sys, tempfile, threading, time

DLL = next((a for a in sys.argv[1:] if a.endswith(".dll")), "src/Episodic.Cli/bin/Release/net10.0/episodic.dll")
KILL_AT = float(sys.argv[sys.argv.index("--kill-at") + 1]) if "--kill-at" in sys.argv else 5.0
MODE = sys.argv[sys.argv.index("--mode") + 1] if "--mode" in sys.argv else "move"
SIZE = int(sys.argv[sys.argv.index("--mb") + 1]) * 1024 * 1024 if "--mb" in sys.argv else 256 * 1024
FILES, SLOW, SETTLE = 100, 20, "2s"

root = tempfile.mkdtemp(prefix="episodic-watch-floor-")
dl, lib, keydir = (os.path.join(root, d) for d in ("downloads", "library", "key"))
for d in (dl, lib, keydir):
    os.makedirs(d)
os.chmod(keydir, 0o700)
env = dict(os.environ, EPISODIC_JOURNAL_KEY_FILE=os.path.join(keydir, "journal.key"))
log = open(os.path.join(root, "watch.log"), "ab")

def start():
    return subprocess.Popen(["dotnet", os.path.abspath(DLL), "watch", dl, "--library", lib, "--settle", SETTLE, "--mode", MODE],
                            cwd=root, env=env, stdout=log, stderr=log)

def dest(e):
    return os.path.join(lib, "Show", "Season 01", f"Show - S01E{e:02}.mkv")

done_at, expected, problems = {}, {}, []
lock = threading.Lock()

def write(e, slow):
    data = os.urandom(SIZE)
    src = os.path.join(dl, f"Show.S01E{e:03}.mkv")
    chunks = 8 if slow else 1
    pause = random.uniform(0.4, 0.8) if slow else 0  # slow files take 3-6 s
    with open(src, "wb") as f:
        for i in range(chunks):
            f.write(data[i * len(data) // chunks:(i + 1) * len(data) // chunks])
            f.flush()
            last = time.time()
            if os.path.exists(dest(e)) or not os.path.exists(src):
                with lock:
                    problems.append(f"E{e:03} routed while incomplete (after chunk {i + 1} of {chunks})")
            time.sleep(pause)
    with lock:
        done_at[e] = last  # the last write: the file is complete from then on
        expected[e] = hashlib.sha256(data).hexdigest()

watcher = start()
time.sleep(1.5)
t0 = time.time()
slow = set(random.sample(range(1, FILES + 1), SLOW))
threads = []
for e in range(1, FILES + 1):
    # 100 arrivals spread over 10 s.
    threading.Thread(target=lambda e=e: (time.sleep(random.uniform(0, 9.5 if e not in slow else 4)), write(e, e in slow))).start()

seen_at = {}
killed = False
seen_journals = 0
deadline = t0 + 60
while time.time() < deadline and len(seen_at) < FILES:
    jdir = os.path.join(lib, ".episodic")
    journals = len([j for j in os.listdir(jdir) if j.startswith("journal-")]) if os.path.isdir(jdir) else 0
    if not killed and time.time() - t0 < KILL_AT:
        seen_journals = journals
    # The kill lands once a new journal appears after KILL_AT (a batch is being applied), or at KILL_AT + 3 s.
    if not killed and time.time() - t0 >= KILL_AT and (journals > seen_journals or time.time() - t0 >= KILL_AT + 3):
        watcher.send_signal(signal.SIGKILL)
        watcher.wait()
        killed_at = time.time() - t0
        watcher = start()
        restarted_at = time.time()
        killed = True
    for e in range(1, FILES + 1):
        if e not in seen_at and os.path.exists(dest(e)):
            seen_at[e] = time.time()
    time.sleep(0.02)

time.sleep(1)
watcher.send_signal(signal.SIGTERM)
rc = watcher.wait(timeout=30)
lat = sorted((seen_at[e] - done_at[e], e) for e in seen_at if e in done_at)
lost = [e for e in range(1, FILES + 1) if e not in seen_at]
bad = [e for e in seen_at if hashlib.sha256(open(dest(e), "rb").read()).hexdigest() != expected.get(e)]
left = [n for n in os.listdir(dl)] if MODE == "move" else []
resumed = sum(1 for l in open(os.path.join(root, "watch.log"), encoding="utf-8") if "resumed the interrupted run" in l)
print(f"files: {FILES} ({SLOW} written over 3-6 s), arrivals over {max(done_at.values()) - t0:.1f} s, settle {SETTLE}")
print(f"mode {MODE}, {SIZE // 1024} KiB files; kill -9 at {killed_at:.1f} s, restarted ({resumed} interrupted journal(s) resumed); SIGTERM exit {rc}")
print(f"routed: {len(seen_at)}/{FILES}; lost: {lost}; wrong content: {bad}; left in downloads: {len(left)}")
if lat:
    p50 = lat[len(lat) // 2][0]
    print(f"latency complete->library: p50 {p50:.2f} s, max {lat[-1][0]:.2f} s (E{lat[-1][1]:03}), min {lat[0][0]:.2f} s")
print(f"routed while incomplete: {len(problems)} {problems[:5]}")
# A file completed while the watcher was down (killed, then starting again) waits for the restart: counted apart.
import datetime
log.flush()
starts = [datetime.datetime.strptime(l.split()[0], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc).timestamp()
          for l in open(os.path.join(root, "watch.log"), encoding="utf-8") if " watching " in l]
up_again = starts[1] if len(starts) > 1 else restarted_at
down = {e for e in done_at if killed and t0 + killed_at - 2.5 <= done_at[e] <= up_again}
up = [(d, e) for d, e in lat if e not in down]
print(f"down {up_again - t0 - killed_at:.1f} s (kill -9 to the new process watching); {len(down)} files completed around the kill/down window, worst of them {max((d for d, e in lat if e in down), default=0):.2f} s")
if up:
    print(f"latency while running (excluding those): p50 {up[len(up) // 2][0]:.2f} s, max {up[-1][0]:.2f} s")
over = [e for d, e in up if d > 5]
ok = not lost and not bad and not problems and not over and rc == 0
print("floor:", "MET" if ok else f"MISSED (over 5 s: {over})", "| log:", os.path.join(root, "watch.log"))
sys.exit(0 if ok else 1)
