#!/bin/bash
# 200-file SABnzbd-shaped hook run: 170 episodes of 10 shows, 30 unsettleable names, subtitles in Subs/ (flat and
# Subs/<release>/2_English.srt), a .nfo, a sample, and a fake Jellyfin (python3, speaks POST /Library/Media/Updated
# with the MediaBrowser token header, answers 204) that counts the refresh calls the hook makes.
set -e
B=${1:-$(mktemp -d)}; mkdir -p $B/dl $B/lib $B/home; chmod 700 $B/home
export HOME=$B/home EPISODIC_JOURNAL_KEY_FILE=$B/home/key
DLL=${EPISODIC_DLL:-$(cd "$(dirname "$0")/.." && pwd)/src/Episodic.Cli/bin/Release/net10.0/episodic.dll}
JOB=$B/dl/Mixed.Batch.2026
mkdir -p $JOB/Subs $JOB/Sample
shows=(Alpha.Line Bright.Harbor Cold.Case.Files Dark.Meadow Echo.Park Far.North Glass.Tower High.Ridge Iron.Bay Jade.River)
n=0
for s in "${shows[@]}"; do for e in $(seq 1 17); do
  f=$(printf "%s.S02E%02d.720p.WEB.x264-GRP.mkv" $s $e); head -c $((1000 + n)) /dev/urandom > $JOB/$f; n=$((n+1))
done; done
words=(beach birthday garden lake wedding picnic snow market concert museum)
for i in $(seq 1 10); do head -c 2000 /dev/urandom > "$JOB/$(printf 'DSC%04d.mkv' $((40+i)))"; done
for i in $(seq 1 10); do head -c 2000 /dev/urandom > "$JOB/$(printf 'random movie %d 1080p.mkv' $((2000+i)))"; done
for w in "${words[@]}"; do head -c 2000 /dev/urandom > "$JOB/home video $w.mkv"; done
for e in 1 2 3; do echo "1
00:00:01,000 --> 00:00:02,000
hi" > $JOB/Subs/$(printf "Alpha.Line.S02E%02d.720p.WEB.x264-GRP.en.srt" $e); done
for e in 1 2 3; do r=$(printf "Bright.Harbor.S02E%02d.720p.WEB.x264-GRP" $e); mkdir -p "$JOB/Subs/$r"; echo "1
00:00:01,000 --> 00:00:02,000
hello" > "$JOB/Subs/$r/2_English.srt"; done
echo "scene nfo" > $JOB/Mixed.Batch.2026.nfo
head -c 500 /dev/urandom > $JOB/Sample/alpha.line.s02e01.sample.mkv
echo "videos: $(find $JOB -name '*.mkv' -not -path '*Sample*' | wc -l)"
(cd $JOB && find . -type f -exec sha256sum {} + | sort -k2) > $B/before.txt
subs=$(find $JOB/Subs -name '*.srt' | wc -l)
# The fake Jellyfin: one line per request in $B/refresh.log; stopped by its pid when the script ends.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 - "$PORT" "$B/refresh.log" <<'PY' &
import sys, http.server
log = sys.argv[2]
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            body = b""
            while (size := int(self.rfile.readline().strip(), 16)) > 0:
                body += self.rfile.read(size); self.rfile.readline()
            self.rfile.readline()
            body = body.decode()
        else:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        ok = self.headers.get("Authorization") == 'MediaBrowser Token="bench-key"' and self.path == "/Library/Media/Updated"
        with open(log, "a") as f: f.write(f"{self.command} {self.path} auth={'ok' if ok else 'BAD'} {body}\n")
        self.send_response(204 if ok else 401); self.end_headers()
    def log_message(self, *a): pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
FAKE=$!
trap 'kill $FAKE 2>/dev/null' EXIT
: > $B/refresh.log
printf '[jellyfin]\nurl = http://127.0.0.1:%s\n' $PORT > $B/episodic.ini
export JELLYFIN_API_KEY=bench-key
sleep 0.5
start=$(date +%s.%N)
set +e
dotnet $DLL hook sabnzbd --config $B/episodic.ini --library $B/lib $JOB Mixed.Batch.2026.nzb "Mixed Batch 2026" "" tv alt.binaries.test 0 > $B/hook.out 2> $B/hook.err
echo "hook exit $?"
end=$(date +%s.%N)
echo "hook seconds: $(echo "$end - $start" | bc)"
cat $B/hook.out; head -5 $B/hook.err
echo "library videos: $(find $B/lib -name '*.mkv' -not -path '*/.episodic/*' | wc -l)"
# misfiled: every library video must be Show/Season 02/Show - S02Exx.mkv whose bytes match the source of that name
mis=0
for s in "${shows[@]}"; do name=${s//./ }; for e in $(seq 1 17); do
  src=$(printf "%s.S02E%02d.720p.WEB.x264-GRP.mkv" $s $e); dst=$(printf "%s/%s/Season 02/%s - S02E%02d.mkv" $B/lib "$name" "$name" $e)
  want=$(grep " ./$src\$" $B/before.txt | cut -d' ' -f1)
  if [ ! -f "$dst" ] || [ "$(sha256sum "$dst" | cut -d' ' -f1)" != "$want" ]; then mis=$((mis+1)); echo "MISSING/MISFILED $dst"; fi
done; done
echo "misfiled or missing: $mis"
echo "held: $(dotnet $DLL review --library $B/lib -f json | grep -c '"reason"')"
echo "unsettleable names still in the job folder: $(ls $JOB | grep -cE '^(DSC|random movie|home video)')"
echo "library videos outside the 10 shows: $(find $B/lib -name '*.mkv' -not -path '*/.episodic/*' | grep -vcE '/(Alpha Line|Bright Harbor|Cold Case Files|Dark Meadow|Echo Park|Far North|Glass Tower|High Ridge|Iron Bay|Jade River)/')"
echo "subtitles in the library: $(find $B/lib -name '*.srt' | wc -l) of $subs in Subs/ before; nfo: $(find $B/lib -name '*.nfo*' | wc -l); sample filed: $(find $B/lib -iname '*sample*' | wc -l)"
beside=0; alone=0
while IFS= read -r srt; do stem=$(basename "$srt"); stem=${stem%%.*}; if [ -f "$(dirname "$srt")/$stem.mkv" ]; then beside=$((beside+1)); else alone=$((alone+1)); echo "NOT BESIDE A VIDEO: $srt"; fi; done < <(find $B/lib -name '*.srt')
echo "subtitles beside their video: $beside (not beside: $alone); subtitles left in the job: $(find $JOB -name '*.srt' | wc -l)"
echo "refresh calls: $(wc -l < $B/refresh.log) (changed libraries: 1)"; cut -c1-160 $B/refresh.log
echo "release folder cleaned: $([ -d $JOB ] && echo "no ($(find $JOB -type f | wc -l) files left: held videos keep it)" || echo yes)"
echo "leftovers in the job folder: $(find $JOB -type f \( -name '*.nfo' -o -path '*Sample*' -o -name '*.srt' \) | wc -l)"
start=$(date +%s.%N)
dotnet $DLL undo --last --library $B/lib; echo "undo exit $?"
end=$(date +%s.%N); echo "undo seconds: $(echo "$end - $start" | bc)"
(cd $JOB && find . -type f -exec sha256sum {} + | sort -k2) > $B/after.txt
if cmp -s $B/before.txt $B/after.txt; then echo "undo: byte-for-byte identical ($(wc -l < $B/before.txt) files)"; else echo "undo: DIFFERS"; diff $B/before.txt $B/after.txt | head; fi
echo "library files left: $(find $B/lib -type f -not -path '*/.episodic/*' | wc -l)"
