#!/usr/bin/env bash
# Full path, camera frame to verdict (issue 3 bar: p95 <= 40 ms): a 60 s MJPEG video of the DEMO
# holders at the synthetic camera, played at its real frame rate through VideoFileSource →
# FrameGrabber → ScanPipeline → Verifier (on its own thread). Prints the summary and the bar.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/bin/liangzheng-cli
state=$(mktemp -d)
video=$state/demo.avi
trap 'rm -rf "$state"' EXIT
"$bin" --demo --state-dir "$state" demo-video "$video" --seconds "${1:-60}" >/dev/null
summary=$("$bin" --demo --state-dir "$state" scan --video "$video" --paced 2>/dev/null | tail -1)
echo "$summary"
python3 - "$summary" <<'PY'
import json, sys
s = json.loads(sys.argv[1])["summary"]
p95 = s["input_to_verdict_ms_p95"]
print(f"verdicts {s['valid']} valid / {s['rejected']} rejected from {s['frames_decoded']} frames; "
      f"frame-to-verdict p50 {s['input_to_verdict_ms_p50']:.1f} ms, p95 {p95:.1f} ms (bar <= 40 ms: "
      f"{'meets' if p95 <= 40 else 'MISSES'}); decode mean {s['decode_ms_mean']:.2f} ms")
PY
