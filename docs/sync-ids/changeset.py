#!/usr/bin/env python3
"""Prints a SQLite session changeset (https://sqlite.org/sessionintro.html) one change a line.

    docs/sync-ids/changeset.py FILE

For reading what the sqlite3 CLI's `.session NAME changeset FILE` recorded. Each line:
`TABLE OP key=(…) old=(…) new=(…)`, values as SQL literals, `·` for a field the change leaves out.
"""
import struct, sys

data = open(sys.argv[1], "rb").read()
pos = 0

def varint():
    global pos
    value = 0
    for i in range(9):
        byte = data[pos]; pos += 1
        if i == 8:
            return (value << 8) | byte
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value
    return value

def record(n):
    global pos
    values = []
    for _ in range(n):
        kind = data[pos]; pos += 1
        if kind == 0: values.append("·")
        elif kind == 1: values.append(str(struct.unpack(">q", data[pos:pos + 8])[0])); pos += 8
        elif kind == 2: values.append(repr(struct.unpack(">d", data[pos:pos + 8])[0])); pos += 8
        elif kind in (3, 4):
            length = varint(); raw = data[pos:pos + length]; pos += length
            values.append("'" + raw.decode() + "'" if kind == 3 else "x'" + raw.hex() + "'")
        elif kind == 5: values.append("NULL")
        else: raise SystemExit(f"bad value type {kind} at {pos - 1}")
    return values

table, columns, pk = None, 0, []
names = {18: "INSERT", 23: "UPDATE", 9: "DELETE"}
while pos < len(data):
    if data[pos] == ord("T"):
        pos += 1
        columns = varint()
        pk = list(data[pos:pos + columns]); pos += columns
        end = data.index(0, pos); table = data[pos:end].decode(); pos = end + 1
        continue
    op = data[pos]; pos += 2  # the operation, then the indirect flag
    old = record(columns) if op in (9, 23) else None
    new = record(columns) if op in (18, 23) else None
    key = [v for v, flag in zip(old or new, pk) if flag]
    parts = [table, names[op], "key=(" + ", ".join(key) + ")"]
    if op == 23:
        changed = [i for i in range(columns) if new[i] != "·"]
        parts.append("set " + ", ".join(f"col{i}: {old[i]} -> {new[i]}" for i in changed))
    elif op == 18:
        parts.append("new=(" + ", ".join(new) + ")")
    else:
        parts.append("old=(" + ", ".join(old) + ")")
    print(" ".join(parts))
