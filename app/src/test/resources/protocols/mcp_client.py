"""Drives the DACA MCP server with the official MCP Python SDK and prints what it saw as one JSON document.

Usage: python mcp_client.py <mcp endpoint url> [api key] [--homeowner-key K] [--clinician-key K]
                            [--patient-review ID]
With the reviewer keys it also decides the review that the high-impact actuation filed: as nobody, as a clinician
(wrong group), then as a homeowner (twice); and reads the inbox as each reviewer (their own group's requests only,
among them the patient's review the test filed, if given). The JUnit test (McpClientTests) asserts on the printed report; this script
only talks the protocol.
"""
import argparse
import asyncio
import json

from mcp import ClientSession
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client


def result(r):
    return {
        "isError": r.isError,
        "structured": r.structuredContent,
        "text": [c.text for c in r.content if getattr(c, "type", None) == "text"],
    }


async def as_caller(url, key, calls):
    """Runs calls(session) in a session of its own, authenticated with key (None: no key)."""
    headers = {"Authorization": "Bearer " + key} if key else None
    async with create_mcp_http_client(headers=headers) as http:
        async with streamable_http_client(url, http_client=http) as (read, write, _):
            async with ClientSession(read, write) as session:
                await session.initialize()
                return await calls(session)


async def decide(url, review_id, homeowner_key, clinician_key, patient_review):
    """decide_review as a clinician (not the homeowners' group) and as a homeowner, twice; bad arguments first.
    Each reviewer also lists the pending reviews and reads the home's and the patient's review."""
    out = {}
    approve = {"reviewId": review_id, "decision": "approve", "note": "it is my cousin at the door"}

    async def reads(session, who):
        out[who + "_list"] = result(await session.call_tool("list_pending_reviews", {"limit": 500}))
        out[who + "_get_home"] = result(await session.call_tool("get_review", {"reviewId": review_id}))
        out[who + "_get_patient"] = result(await session.call_tool("get_review", {"reviewId": patient_review or ""}))

    async def clinician(session):
        await reads(session, "clinician")
        out["wrong_role"] = result(await session.call_tool("decide_review", approve))
    await as_caller(url, clinician_key, clinician)

    async def homeowner(session):
        await reads(session, "homeowner")
        out["unknown_decision"] = result(await session.call_tool(
            "decide_review", {"reviewId": review_id, "decision": "maybe"}))
        out["reject_without_reason"] = result(await session.call_tool(
            "decide_review", {"reviewId": review_id, "decision": "reject"}))
        out["approve"] = result(await session.call_tool("decide_review", approve))
        out["second"] = result(await session.call_tool(
            "decide_review", {"reviewId": review_id, "decision": "reject", "reason": "changed my mind"}))
        out["after"] = result(await session.call_tool("get_review", {"reviewId": review_id}))
    await as_caller(url, homeowner_key, homeowner)

    try:
        await as_caller(url, "not-a-key", lambda session: session.list_tools())
        out["unknown_key"] = "accepted"
    except BaseException as ex:  # the SDK raises the HTTP 401 inside an exception group
        out["unknown_key"] = repr(ex) + " " + " ".join(repr(e) for e in getattr(ex, "exceptions", []))
    return out


async def main(url, key, homeowner_key, clinician_key, patient_review):
    headers = {"Authorization": "Bearer " + key} if key else None
    report = {}
    async with create_mcp_http_client(headers=headers) as http:
        async with streamable_http_client(url, http_client=http) as (read, write, _):
            async with ClientSession(read, write) as session:
                init = await session.initialize()
                report["server"] = {"name": init.serverInfo.name, "protocol": init.protocolVersion,
                                    "tools": init.capabilities.tools is not None}
                listed = await session.list_tools()
                report["tools"] = {t.name: {"inputSchema": t.inputSchema, "description": t.description,
                                            "annotations": t.annotations.model_dump(exclude_none=True)
                                            if t.annotations else None} for t in listed.tools}
                calls = report["calls"] = {}
                calls["classify"] = result(await session.call_tool("classify", {
                    "postId": "mcp-p-1", "text": "People like you are subhuman vermin and should be wiped out"}))
                calls["diagnose"] = result(await session.call_tool("diagnose", {
                    "patientId": "mcp-pt-1", "symptoms": "crushing chest pain and shortness of breath", "age": 58}))
                calls["recommend"] = result(await session.call_tool("recommend", {
                    "userId": "mcp-u-1", "events": [{"productId": "P001", "kind": "viewed"}], "limit": 3}))
                calls["actuate"] = result(await session.call_tool("actuate", {
                    "signal": "command", "homeId": "mcp-h-1", "text": "unlock front door", "requestedBy": "guest"}))
                calls["actuate_low"] = result(await session.call_tool("actuate", {
                    "signal": "command", "homeId": "mcp-h-2", "text": "turn on the kitchen lights"}))
                calls["request_review"] = result(await session.call_tool(
                    "request_review", calls["diagnose"]["structured"] or {}))
                calls["request_review_classify"] = result(await session.call_tool(
                    "request_review", calls["classify"]["structured"] or {}))
                calls["list_pending_reviews"] = result(await session.call_tool(
                    "list_pending_reviews", {"function": "actuate"}))
                review = (calls["actuate"]["structured"] or {}).get("review") or {}
                calls["get_review"] = result(await session.call_tool("get_review", {"reviewId": review.get("reviewId", "")}))
                if patient_review:
                    calls["get_patient_review"] = result(await session.call_tool(
                        "get_review", {"reviewId": patient_review}))
                invalid = report["invalid"] = {}
                invalid["missing_required"] = result(await session.call_tool("classify", {"postId": "mcp-p-2"}))
                invalid["wrong_type"] = result(await session.call_tool("diagnose", {
                    "patientId": "mcp-pt-2", "symptoms": "cough", "age": "old"}))
                invalid["unknown_review"] = result(await session.call_tool("get_review", {"reviewId": "no-such-review"}))
                invalid["unknown_argument"] = result(await session.call_tool("classify", {
                    "postId": "mcp-p-3", "text": "hello", "colour": "red"}))
                # the session still answers after the bad calls
                report["after_invalid"] = len((await session.list_tools()).tools)
                # without a reviewer key a decision is refused
                report["decide_anonymous"] = result(await session.call_tool(
                    "decide_review", {"reviewId": review.get("reviewId", ""), "decision": "approve"}))
    if homeowner_key and clinician_key:
        report["decide"] = await decide(url, review.get("reviewId", ""), homeowner_key, clinician_key, patient_review)
    print(json.dumps(report, default=str))


if __name__ == "__main__":
    arguments = argparse.ArgumentParser()
    arguments.add_argument("url")
    arguments.add_argument("key", nargs="?")
    arguments.add_argument("--homeowner-key")
    arguments.add_argument("--clinician-key")
    arguments.add_argument("--patient-review")
    a = arguments.parse_args()
    asyncio.run(main(a.url, a.key, a.homeowner_key, a.clinician_key, a.patient_review))
