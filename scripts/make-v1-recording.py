#!/usr/bin/env python3
# A format 1 recording (plain text, docs/stream-format.md) of 100k ESTABLISHED sockets per frame, 1 s
# apart: the shape version 1 wrote for a busy host; 68 frames are about 1 GB. For watching a large file
# open (docs/performance.md), not for the test suite.
#   python3 scripts/make-v1-recording.py OUT FRAMES
import os
import sys
src = open(os.path.join(os.path.dirname(__file__), '..', 'tests', 'data', 'stream', 'linux-frame.txt')).read().split('\n')
tail = src[src.index('@tcp6'):]
header = src[6]
rows = []
for i in range(100000):
    lp = 1024 + (i % 60000); rp = 80 + (i // 60000)
    rows.append('%6d: 0100007F:%04X 0200007F:%04X 01 00000000:00000000 00:00000000 00000000     0        0 %d 2 00000000ae906e68 20 0 0 10 -1                    ' % (i, lp, rp, 400000 + i))
body = '\n'.join(rows)
out = open(sys.argv[1], 'w')
t = 1795304668858
n = 0
frames = int(sys.argv[2])
for f in range(frames):
    out.write('@tcpscope 1\n@host busy\n@time %d\n@os Linux\n@kernel 6.18.44\n@tcp\n%s\n%s\n' % (t + 1000 * f, header, body))
    out.write('\n'.join(tail) + ('\n' if not tail[-1] == '' else ''))
out.close()
