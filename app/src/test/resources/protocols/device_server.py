"""A partner's device-control MCP server (the official Python SDK's FastMCP, Streamable HTTP at /mcp).

Usage: device_server.py PORT DEVICES_JSON CALL_LOG
DEVICES_JSON maps a device id to its status; every tool call is appended to CALL_LOG as one JSON line, so the test
can see what was really called.
"""
import json
import sys

from mcp.server.fastmcp import FastMCP

port, devices, call_log = int(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]

server = FastMCP("devices", host="127.0.0.1", port=port, stateless_http=True, json_response=True, log_level="WARNING")


@server.tool()
def device_status(device_id: str) -> dict:
    """The current status of one device in the home: its state (locked, unlocked, on, off, ...) and battery."""
    with open(call_log, "a") as log:
        log.write(json.dumps({"tool": "device_status", "arguments": {"device_id": device_id}}) + "\n")
    if device_id not in devices:
        raise ValueError(f"no device {device_id}; known: {sorted(devices)}")
    return {"deviceId": device_id, **devices[device_id]}


server.run(transport="streamable-http")
