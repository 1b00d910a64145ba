"""Every limit the mock puts on what it is sent: the one place they are stated.

Each is a bound a hostile or careless client meets before it can cost the mock unbounded time
or memory, answered with the status HTTP gives it and SignalWire's error body (never a 500,
never a hang). The README's mock section lists them; tests/test_mock_hostile.py holds them.
"""

from __future__ import annotations

from dataclasses import dataclass

# Connections and requests in flight together; past it uvicorn answers 503 (its own body). Each
# holds at most a head and a body (above): 512 of them stay under 600 MB in the worst case.
MAX_CONNECTIONS = 512
# 414 past this. nginx's default buffer for a request line is 8 KiB; the API's longest URL
# (a list with every query parameter) is under 300 bytes.
MAX_REQUEST_LINE_BYTES = 8 * 1024
# 431 past this, for the request line and headers together, counted as they arrive (before
# the parser holds them): Node's default (16 KiB); a client sends about 300 bytes.
MAX_HEAD_BYTES = 16 * 1024
# 413 past this: the largest create body the spec allows is a few KiB.
MAX_BODY_BYTES = 1024 * 1024
# 422 past this many characters, for every string of a request body the spec leaves unbounded
# (username, caller_id, send_as): the mock's limit, not SignalWire's word. Evidence:
# SignalWire's TypeSpec gives a SIP endpoint's strings no maxLength (its subscriber passwords
# are 8-72, its SIP address names at most 50); RFC 3261 gives a SIP user part none. 256 holds
# any real user part or caller id, and bounds a stored row: without it, 300 rows of 256 KiB
# usernames made one fabric page a 225 MiB answer built in 2.4-4.7 s, stalling every other
# request (#23). Strings the spec bounds keep the spec's maximum (password 128, URLs 2,048).
MAX_STRING_CHARS = 256
# 422 past this many items, for every array of a request body the spec leaves unbounded
# (ciphers, codecs): their enums hold 5 and 11 values, so 32 allows every one twice over.
MAX_ARRAY_ITEMS = 32
# The largest answer the mock builds, a bound derived, not enforced: a page of the most rows a
# list allows (1,000), each with every string at its maximum and each character at its widest
# in JSON (6 bytes: a \u escape). tests/test_mock_answer_bound.py derives it from the spec and
# measures a full row; it stays under the client's default max_response_bytes (32 MiB), so
# the mock never builds an answer its own client refuses.
MAX_ANSWER_BYTES = 24 * 1024 * 1024
# Request bodies are UTF-8 (RFC 8259 8.1); a UTF-8 BOM is read and dropped, a UTF-16 or
# UTF-32 body (BOM or NULs) is a 400 invalid_encoding, before any other check (docs/mock.md).
# A charset parameter on application/json is ignored, as RFC 8259 (section 11) says it must be.
# 400 past this depth of JSON nesting: the API's bodies are 2 deep; the schema validator
# gives up near 255 and Python's decoder near 1,000. System.Text.Json's default is 64.
MAX_JSON_DEPTH = 64
# At most this many problems in a 422, and all of them only for a body of at most
# FULL_SCAN_BODY_BYTES; a larger invalid body is answered with its first problem. The schema
# validator collects every error before it yields one: 300,000 of them (a 0.9 MB body) took 11 s.
MAX_PROBLEMS = 20
FULL_SCAN_BODY_BYTES = 4 * 1024
# A seed stores at most this many credentials, this many per transaction, yielding to other
# requests in between (200,000 in one go blocked the event loop for 4-5 s); and no seed makes
# the mock hold more than MAX_SEED credentials in all (repeated seeds once had no total cap:
# each 1,000,000 took 73 s and 1.27 GB more).
MAX_SEED = 1_000_000
SEED_CHUNK = 2_000
# Faults pending at once (each POST /__mock__/faults adds one); the next is a 422.
MAX_FAULTS = 1_000
# The journal keeps at most this many entries and this many bytes of them (oldest dropped
# first), each body cut at JOURNAL_BODY_BYTES; requests that failed authentication are not kept.
JOURNAL_ENTRIES = 10_000
JOURNAL_BYTES = 16 * 1024 * 1024
JOURNAL_BODY_BYTES = 64 * 1024


@dataclass(frozen=True)
class Timeouts:
    """How long a connection may take (seconds). ``read``: from a connection's opening, or a
    request's first byte, to its last byte (head and body), else 408 and the connection is
    closed; ``keep_alive``: idle between requests, then closed (uvicorn's own timer)."""

    read: float = 10.0
    keep_alive: float = 5.0
