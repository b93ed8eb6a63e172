#!/bin/bash
# 200-file SABnzbd-shaped hook run: 170 episodes of 10 shows, 30 unsettleable names, subtitles in Subs/, a .nfo, a sample.
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
echo "scene nfo" > $JOB/Mixed.Batch.2026.nfo
head -c 500 /dev/urandom > $JOB/Sample/alpha.line.s02e01.sample.mkv
echo "videos: $(find $JOB -name '*.mkv' -not -path '*Sample*' | wc -l)"
(cd $JOB && find . -type f -exec sha256sum {} + | sort -k2) > $B/before.txt
start=$(date +%s.%N)
set +e
dotnet $DLL hook sabnzbd --library $B/lib $JOB Mixed.Batch.2026.nzb "Mixed Batch 2026" "" tv alt.binaries.test 0 > $B/hook.out 2> $B/hook.err
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
echo "subtitles in the library: $(find $B/lib -name '*.srt' | wc -l); nfo: $(find $B/lib -name '*.nfo*' | wc -l); sample filed: $(find $B/lib -iname '*sample*' | wc -l)"
start=$(date +%s.%N)
dotnet $DLL undo --last --library $B/lib; echo "undo exit $?"
end=$(date +%s.%N); echo "undo seconds: $(echo "$end - $start" | bc)"
(cd $JOB && find . -type f -exec sha256sum {} + | sort -k2) > $B/after.txt
if cmp -s $B/before.txt $B/after.txt; then echo "undo: byte-for-byte identical ($(wc -l < $B/before.txt) files)"; else echo "undo: DIFFERS"; diff $B/before.txt $B/after.txt | head; fi
echo "library files left: $(find $B/lib -type f -not -path '*/.episodic/*' | wc -l)"
