#!/usr/bin/env python3
"""qmp.py SOCKET COMMAND [delay]: wait for a QEMU QMP socket, then send one command."""
import json, socket, sys, time

path, command = sys.argv[1], sys.argv[2]
delay = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
deadline = time.time() + 60
while True:
    try:
        s = socket.socket(socket.AF_UNIX)
        s.connect(path)
        break
    except OSError:
        if time.time() > deadline:
            sys.exit("qmp.py: no QMP socket at " + path)
        time.sleep(0.1)
f = s.makefile("rw")
f.readline()  # greeting
for cmd in ("qmp_capabilities", None):
    if cmd is None:
        time.sleep(delay)
        cmd = command
    f.write(json.dumps({"execute": cmd}) + "\n")
    f.flush()
    print(f.readline().strip())
