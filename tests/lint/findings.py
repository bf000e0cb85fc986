#!/usr/bin/env python3
# findings.py: turns raw checkpatch and sparse output into the findings that count, for
# tests/lint/lint.sh. Prints one line per finding, then "lint-file ok|FAIL FILE" per file
# and "lint-files PASSED FAILED FINDINGS" (files without / with findings, findings).
# Exit status 0 either way; 2 on output it cannot read.
#
#   findings.py checkpatch TOP FILE...  < checkpatch --terse --show-types output
#       A finding is dropped when its type is named by an in-place marker
#           checkpatch-ignore: TYPE[,TYPE]: reason
#       (in a comment, reason required) on its own line or on an earlier line of the same
#       paragraph (no blank line in between). A marker that drops nothing is a finding.
#   findings.py sparse TOP MODULE_DIR FILE...  < the module build's output (C=2)
#       Keeps sparse's warnings and errors located in FILE... (repository paths; the build
#       compiles copies under MODULE_DIR, mapped back here), with the detail lines sparse
#       prints after them ("path:line:col:    expected ..."); everything located elsewhere
#       (the kernel's own headers) is dropped. There are no markers: sparse findings are
#       fixed in the code.
import os
import re
import sys

MARKER = re.compile(r'checkpatch-ignore:\s*([A-Z0-9_]+(?:\s*,\s*[A-Z0-9_]+)*)\s*:\s*(.*?)\s*(?:\*/.*)?$')
CP_LINE = re.compile(r'^(?P<file>[^:\s]+):(?P<line>\d+): (?P<level>ERROR|WARNING|CHECK):(?P<type>[A-Z0-9_]+): ')
SPARSE_LINE = re.compile(r'^(?P<file>[^:\s]+):(?P<line>\d+):(?:\d+:)? (?:(?P<level>warning|error): |   )')


def report(files, bad, count):
    for f in files:
        print(f'lint-file {"FAIL" if f in bad else "ok"} {f}')
    print(f'lint-files {len(files) - len(bad & set(files))} {len(bad & set(files))} {count}')


def markers(top, path):
    """(line, types, reason) for each marker, and the paragraph each line belongs to."""
    with open(os.path.join(top, path), encoding='utf-8', errors='replace') as f:
        lines = f.read().split('\n')
    found, para, p = [], [], 0
    for n, text in enumerate(lines, 1):
        if not text.strip():
            p += 1
        para.append(p)
        m = MARKER.search(text)
        if m:
            found.append((n, {t.strip() for t in m.group(1).split(',')}, m.group(2)))
    return found, para


def checkpatch(top, files):
    bad, out, used = set(), [], set()
    info = {f: markers(top, f) for f in files}
    for raw in sys.stdin:
        raw = raw.rstrip('\n')
        if not raw.strip():
            continue
        m = CP_LINE.match(raw)
        if not m or m.group('file') not in info:
            print(f'lint: unexpected checkpatch output: {raw}', file=sys.stderr)
            sys.exit(2)
        f, n, t = m.group('file'), int(m.group('line')), m.group('type')
        found, para = info[f]
        hit = [mk for mk in found
               if mk[0] <= n and t in mk[1] and para[mk[0] - 1] == para[n - 1]]
        if hit:
            used.update((f, mk[0], t) for mk in hit)
            continue
        out.append(raw)
        bad.add(f)
    for f, (found, _) in info.items():
        for n, types, reason in found:
            if not reason:
                out.append(f'{f}:{n}: LINT:MARKER: checkpatch-ignore without a reason')
                bad.add(f)
            for t in sorted(types):
                if (f, n, t) not in used:
                    out.append(f'{f}:{n}: LINT:STALE_MARKER: checkpatch-ignore {t} drops nothing')
                    bad.add(f)
    for line in out:
        print(line)
    report(files, bad, len(out))


def sparse(top, moddir, files):
    moddir = os.path.realpath(moddir)
    ours = set(files)
    bad, keep, count = set(), False, 0
    for raw in sys.stdin:
        raw = raw.rstrip('\n')
        m = SPARSE_LINE.match(raw)
        if not m:
            continue
        if not m.group('level'):
            if keep:    # a detail line of the finding before (expected/got types)
                print(raw)
            continue
        path = m.group('file')
        if os.path.isabs(path):
            real = os.path.realpath(path)
            rel = os.path.relpath(real, moddir) if real.startswith(moddir + os.sep) else None
        else:
            rel = os.path.normpath(path)
        keep = rel in ours
        if keep:
            print(rel + raw[len(path):])
            bad.add(rel)
            count += 1
    report(files, bad, count)


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else ''
    if mode == 'checkpatch' and len(sys.argv) > 3:
        checkpatch(sys.argv[2], sys.argv[3:])
    elif mode == 'sparse' and len(sys.argv) > 4:
        sparse(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        print('usage: findings.py checkpatch TOP FILE... | sparse TOP MODULE_DIR FILE...',
              file=sys.stderr)
        sys.exit(2)


if __name__ == '__main__':
    main()
