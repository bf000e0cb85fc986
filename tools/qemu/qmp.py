#!/usr/bin/env python3
"""qmp.py SOCKET COMMAND [DELAY [FILE PATTERN]]: wait for a QEMU QMP socket, then send one
command, DELAY seconds after the handshake; with FILE and PATTERN, only once a line of
FILE (e.g. the guest console that a test tees into it) contains PATTERN, so the command
meets a guest that said it is ready however slow the boot was (up to 600 s)."""
import json, socket, sys, time

path, command = sys.argv[1], sys.argv[2]
delay = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
wait_file, pattern = (sys.argv[4], sys.argv[5]) if len(sys.argv) > 5 else (None, None)
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
f.write(json.dumps({"execute": "qmp_capabilities"}) + "\n")
f.flush()
print(f.readline().strip())
if wait_file:
    deadline = time.time() + 600
    while True:
        try:
            with open(wait_file, errors="replace") as log:
                if any(pattern in line for line in log):
                    break
        except OSError:
            pass
        if time.time() > deadline:
            sys.exit("qmp.py: '%s' never appeared in %s" % (pattern, wait_file))
        time.sleep(0.2)
time.sleep(delay)
f.write(json.dumps({"execute": command}) + "\n")
f.flush()
print(f.readline().strip())
