"""Opens many A2A tasks/resubscribe SSE streams on pending (input-required) tasks and reports what the server holds.

Usage: python3 a2a_sse.py <base url> <server pid> <level> [<level> ...]   (task ids on stdin, one a line)
For each level: opens connections up to it (each counts once its first event, the task, arrived), then samples the
server: RSS and threads from /proc, heap used after a full GC (jcmd). Prints one JSON line per level.
"""
import asyncio
import json
import re
import subprocess
import sys
import time
from urllib.parse import urlparse


def sample(pid):
    status = open(f"/proc/{pid}/status").read()
    rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) // 1024
    threads = int(re.search(r"Threads:\s+(\d+)", status).group(1))
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, check=True)
    time.sleep(1)
    info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True, check=True).stdout
    used = sum(int(k) for k in re.findall(r"used (\d+)K", info.split("Metaspace")[0])) // 1024
    return {"rss_mb": rss, "heap_used_mb": used, "threads": threads}


async def open_stream(host, port, task_id, opened, failed):
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "tasks/resubscribe", "params": {"id": task_id}}).encode()
    try:
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(f"POST /a2a HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
                     f"Accept: text/event-stream\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
        await writer.drain()
        while True:
            line = await asyncio.wait_for(reader.readline(), 120)
            if not line:
                raise ConnectionError("closed before the first event")
            if line.startswith(b"data:"):
                break
        opened.append(writer)
        await reader.read()  # hold the stream open until the server or the benchmark ends it
    except Exception as e:  # a refused or dropped connection counts as failed; the benchmark reports how many
        failed.append(repr(e))


async def main(base, pid, levels, tasks):
    url = urlparse(base)
    opened, failed, running = [], [], []
    print(json.dumps({"connections": 0, **sample(pid)}), flush=True)
    for level in levels:
        started = time.monotonic()
        while len(running) < level:
            running.append(asyncio.create_task(open_stream(url.hostname, url.port, tasks[len(running) % len(tasks)],
                                                           opened, failed)))
            if len(running) % 200 == 0:
                await asyncio.sleep(0.05)
        while len(opened) + len(failed) < level and time.monotonic() - started < 180:
            await asyncio.sleep(0.5)
        print(json.dumps({"connections": len(opened), "failed": len(failed), "open_seconds": round(
            time.monotonic() - started, 1), **sample(pid), "first_failure": failed[0] if failed else None}), flush=True)
    for writer in opened:
        writer.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), [int(n) for n in sys.argv[3:]],
                     [line.strip() for line in sys.stdin if line.strip()]))
