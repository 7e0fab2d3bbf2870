#!/usr/bin/env python3
"""Reads an iCalendar file with an independent parser (Debian's python3-icalendar) and prints
its to-dos as JSON, after checking what the parser forgives: CRLF line endings, no physical
line over 75 octets, no line split inside a UTF-8 sequence. Exit 3 when icalendar is missing,
1 with a message on stderr for a file that breaks RFC 5545."""
import json
import sys

try:
    import icalendar
except ImportError:
    sys.exit(3)


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


data = open(sys.argv[1], "rb").read()
if not data.endswith(b"\r\n"):
    fail("the file does not end with CRLF")
for number, line in enumerate(data[:-2].split(b"\r\n"), 1):
    if b"\n" in line or b"\r" in line:
        fail("line %d: a bare LF or CR" % number)
    if len(line) > 75:
        fail("line %d: %d octets" % (number, len(line)))
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        fail("line %d: split inside a UTF-8 sequence" % number)

calendar = icalendar.Calendar.from_ical(data.decode("utf-8"))
if calendar.name != "VCALENDAR":
    fail("not a VCALENDAR")
if str(calendar.get("VERSION")) != "2.0" or not calendar.get("PRODID"):
    fail("VERSION 2.0 or PRODID missing")
if calendar.errors:
    fail("parse errors: %r" % calendar.errors)


def text(component, name):
    value = component.get(name)
    return None if value is None else str(value)


def day(component, name):
    value = component.get(name)
    if value is None:
        return None
    if value.params.get("VALUE") != "DATE":
        fail("%s is not a VALUE=DATE" % name)
    return value.dt.isoformat()


todos = []
for todo in calendar.walk("VTODO"):
    if todo.errors:
        fail("parse errors: %r" % todo.errors)
    for required in ("UID", "DTSTAMP"):
        if required not in todo:
            fail("VTODO without %s" % required)
    categories = todo.get("CATEGORIES")
    if categories is not None:
        categories = [str(c) for c in categories.cats]
    completed = todo.get("COMPLETED")
    todos.append({
        "uid": text(todo, "UID"),
        "summary": text(todo, "SUMMARY"),
        "due": day(todo, "DUE"),
        "dtstart": day(todo, "DTSTART"),
        "priority": None if todo.get("PRIORITY") is None else int(todo.get("PRIORITY")),
        "status": text(todo, "STATUS"),
        "completed": None if completed is None else completed.dt.isoformat(),
        "categories": categories,
        "description": text(todo, "DESCRIPTION"),
        "url": text(todo, "URL"),
    })
print(json.dumps(todos, ensure_ascii=False))
