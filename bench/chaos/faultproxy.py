#!/usr/bin/env python3
"""The fault proxy of bench/chaos.sh: an HTTP/1.1 proxy between the gateway replicas and the Partnero
stand-in that misbehaves on command, and counts every call it gets (the calls Partnero would see).

    faultproxy.py LISTEN_PORT UPSTREAM_PORT CONTROL_PORT

Faults (one at a time, for every request while it is set):
    none      pass the request to the stand-in and its answer back
    5xx       answer 503, 502 or 500 in turn (a JSON body like Partnero's), keep the connection
    latency   hold the request for DELAY seconds (default 7: past the gateway's 5 s read timeout), then pass it
    reset     read the request, then reset the connection (TCP RST: SO_LINGER 0)
    429       answer 429 with Retry-After, 1 and 30 seconds in turn (one the gateway waits out, one it does not)
    outage    Partnero gone: every connection reset as soon as it is accepted (a request already sent on it
              is counted; a connection that sends nothing within 0.2 s counts as one call)
    mixed     each request draws one of: none (20 %), 5xx (30 %), latency (30 %), reset (20 %)

Control, on CONTROL_PORT (HTTP, for curl):
    GET /phase?label=NAME&fault=FAULT[&delay=SECONDS]   switch (the label names the phase in the counters)
    GET /stats                                          the counters, JSON: calls per label and outcome,
                                                        and calls per second of the run
Python's standard library only (asyncio): nothing to install, and every byte of a fault is ours to choose.
"""
import asyncio
import json
import random
import socket
import struct
import sys
import time
from urllib.parse import parse_qs, urlsplit

LISTEN_PORT, UPSTREAM_PORT, CONTROL_PORT = (int(a) for a in sys.argv[1:4])
HOST = "127.0.0.1"

state = {"label": "start", "fault": "none", "delay": 7.0}
calls = {}  # label -> outcome -> count
per_second = {}  # unix second -> count
turn = {"5xx": 0, "429": 0}
STATUSES = [(503, "Service Unavailable"), (502, "Bad Gateway"), (500, "Internal Server Error")]


def count(outcome):
    by_label = calls.setdefault(state["label"], {})
    by_label[outcome] = by_label.get(outcome, 0) + 1
    second = int(time.time())
    per_second[second] = per_second.get(second, 0) + 1


def reset(writer):
    sock = writer.get_extra_info("socket")
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    writer.transport.abort()


async def read_message(reader):
    """One HTTP/1.1 message (head and Content-Length body, or chunked): its raw bytes; b"" at EOF."""
    head = await reader.readuntil(b"\r\n\r\n")
    lowered = head.lower()
    body = b""
    if b"\r\ncontent-length:" in lowered:
        length = int(lowered.split(b"\r\ncontent-length:", 1)[1].split(b"\r\n", 1)[0])
        body = await reader.readexactly(length)
    elif b"\r\ntransfer-encoding: chunked" in lowered:
        while True:
            size_line = await reader.readuntil(b"\r\n")
            size = int(size_line.split(b";")[0], 16)
            chunk = await reader.readexactly(size + 2)
            body += size_line + chunk
            if size == 0:
                break
    return head + body


def canned(status, reason, extra=b""):
    body = json.dumps({"message": reason, "status": 0}).encode()
    return (f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nCache-Control: no-cache\r\n"
            f"Content-Length: {len(body)}\r\n").encode() + extra + b"\r\n" + body


async def client(reader, writer):
    upstream = None
    try:
        if state["fault"] == "outage":
            try:
                await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 0.2)
            except (asyncio.TimeoutError, asyncio.IncompleteReadError, ConnectionError):
                pass
            count("outage")
            reset(writer)
            return
        while True:
            try:
                request = await read_message(reader)
            except (asyncio.IncompleteReadError, ConnectionError):
                return
            fault = state["fault"]
            if fault == "mixed":
                fault = random.choices(["none", "5xx", "latency", "reset"], [20, 30, 30, 20])[0]
            if fault in ("outage", "reset"):
                count(fault)
                reset(writer)
                return
            if fault == "5xx":
                status, reason = STATUSES[turn["5xx"] % len(STATUSES)]
                turn["5xx"] += 1
                count(f"{status}")
                writer.write(canned(status, reason))
                await writer.drain()
                continue
            if fault == "429":
                after = (1, 30)[turn["429"] % 2]
                turn["429"] += 1
                count("429")
                writer.write(canned(429, "Too Many Requests", f"Retry-After: {after}\r\n".encode()))
                await writer.drain()
                continue
            if fault == "latency":
                count("delayed")
                await asyncio.sleep(state["delay"])
            else:
                count("passed")
            if upstream is None:
                upstream = await asyncio.open_connection(HOST, UPSTREAM_PORT)
            upstream[1].write(request)
            await upstream[1].drain()
            response = await read_message(upstream[0])
            writer.write(response)
            await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        if upstream is not None:
            upstream[1].close()
        if not writer.transport.is_closing():
            writer.close()


async def control(reader, writer):
    try:
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
        target = head.split(" ", 2)[1]
        url = urlsplit(target)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        if url.path == "/phase":
            state["label"] = query.get("label", query.get("fault", "none"))
            state["fault"] = query.get("fault", "none")
            if "delay" in query:
                state["delay"] = float(query["delay"])
            body = json.dumps(state)
        elif url.path == "/stats":
            body = json.dumps({"state": state, "calls": calls, "per_second": per_second})
        else:
            body = json.dumps({"error": "GET /phase?label=&fault= or /stats"})
        data = body.encode()
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                     + f"Content-Length: {len(data)}\r\n\r\n".encode() + data)
        await writer.drain()
    finally:
        writer.close()


async def main():
    proxy = await asyncio.start_server(client, HOST, LISTEN_PORT, backlog=1024)
    ctl = await asyncio.start_server(control, HOST, CONTROL_PORT)
    async with proxy, ctl:
        await asyncio.gather(proxy.serve_forever(), ctl.serve_forever())


if __name__ == "__main__":
    asyncio.run(main())
