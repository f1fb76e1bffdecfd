"""Drives the DACA A2A server with the official A2A Python SDK (a2a-sdk) and prints what it saw as one JSON document.

Usage: python a2a_client.py <base url>
The JUnit test (A2aClientTests) asserts on the printed report; this script talks the protocol and, where a task waits
for a person (input-required), plays that person: it logs into the review inbox over plain HTTP (form login, CSRF
token) as the demo reviewer of the task's group and decides there, while the A2A stream stays open.
"""
import asyncio
import json
import re
import sys
import uuid

import httpx
from a2a.client.card_resolver import A2ACardResolver
from a2a.client.errors import A2AClientJSONRPCError
from a2a.client.transports.jsonrpc import JsonRpcTransport
from a2a.types import (DataPart, Message, MessageSendParams, Part, Role, TaskIdParams, TaskQueryParams, TextPart)
from a2a.utils.constants import AGENT_CARD_WELL_KNOWN_PATH, PREV_AGENT_CARD_WELL_KNOWN_PATH


def dump(model):
    return model.model_dump(mode="json", exclude_none=True)


def message(skill, part):
    return MessageSendParams(message=Message(role=Role.user, message_id=str(uuid.uuid4()), parts=[Part(root=part)],
                                             metadata={"skill": skill}))


async def rpc_error(call):
    try:
        await call
        return None
    except A2AClientJSONRPCError as e:
        return {"code": e.error.code, "message": e.error.message}


async def reviewer(base, user):
    """A logged-in browser-like session of a demo reviewer (password demo-review) on the review inbox."""
    session = httpx.AsyncClient(base_url=base, follow_redirects=True, timeout=30)
    login = await session.post("/login", data={"username": user, "password": "demo-review",
                                                "_csrf": csrf((await session.get("/login")).text)})
    if "error" in str(login.url):
        raise SystemExit(f"reviewer {user} could not log in")
    return session


def csrf(page):
    return re.search(r'name="_csrf"\s+(?:value|content)="([^"]+)"', page).group(1)


async def decide(session, review_id, verb, **form):
    """Decide on the review's page as the reviewer would: approve (optionally with edited parameters) or reject."""
    token = csrf((await session.get(f"/inbox/{review_id}")).text)
    answer = await session.post(f"/inbox/{review_id}/{verb}", data={**form, "_csrf": token})
    return answer.status_code


async def until_final(events, on_input_required):
    """Every event of a stream; at input-required (not final: the stream stays open) a person is asked."""
    seen = []
    async for event in events:
        seen.append(dump(event))
        if seen[-1].get("status", {}).get("state") == "input-required":
            await on_input_required(seen[-1]["metadata"]["reviewId"])
    return seen


async def main(base):
    report = {}
    async with httpx.AsyncClient(timeout=60) as http:
        card = await A2ACardResolver(http, base, AGENT_CARD_WELL_KNOWN_PATH).get_agent_card()
        legacy = await A2ACardResolver(http, base, PREV_AGENT_CARD_WELL_KNOWN_PATH).get_agent_card()
        report["card"] = dump(card)
        report["legacy_card_same"] = dump(legacy) == dump(card)
        client = JsonRpcTransport(http, agent_card=card)

        sent = report["send"] = {}
        sent["classify_text"] = dump(await client.send_message(message("classify", TextPart(
            text="Lovely sunset at the beach tonight, thanks for the photo tips!"))))
        sent["recommend_data"] = dump(await client.send_message(message("recommend", DataPart(
            data={"userId": "a2a-u-1", "events": [{"productId": "P001", "kind": "viewed"}], "limit": 2}))))
        unlock = await client.send_message(message("actuate", TextPart(text="unlock front door")))
        sent["actuate_unlock"] = dump(unlock)

        # streamed: an emergency waits for a clinician, who rejects it; the same stream ends with "rejected"
        carol = await reviewer(base, "carol")
        decided = report["decided"] = {}

        async def clinician_rejects(review_id):
            decided["stream_reject"] = await decide(carol, review_id, "reject", reason="seen in person already")

        report["stream"] = await until_final(client.send_message_streaming(message("diagnose", DataPart(
            data={"patientId": "a2a-pt-1", "symptoms": "crushing chest pain and shortness of breath", "age": 58}))),
            clinician_rejects)
        report["get_after_reject"] = dump(await client.get_task(TaskQueryParams(id=report["stream"][0]["id"])))

        # resubscribed: an unlock waits for a homeowner, who approves it with an edited parameter
        hana = await reviewer(base, "hana")
        second = await client.send_message(message("actuate", TextPart(text="unlock front door")))

        async def homeowner_approves_edited(review_id):
            proposed = (await http.get(f"{base}/api/reviews/{review_id}")).json()["proposedAction"]["parameters"]
            decided["resubscribe_approve"] = await decide(hana, review_id, "approve", note="only for the plumber",
                                                          parameters=json.dumps({**proposed, "relockAfterMinutes": 10}))

        report["resubscribe_decided"] = await until_final(client.resubscribe(TaskIdParams(id=second.id)),
                                                          homeowner_approves_edited)
        report["get_after_approve"] = dump(await client.get_task(TaskQueryParams(id=second.id)))

        report["get"] = dump(await client.get_task(TaskQueryParams(id=unlock.id)))
        report["get_history_1"] = dump(await client.get_task(TaskQueryParams(id=unlock.id, history_length=1)))
        # a pending task's stream stays open: read its first event, then cancel it (the stream ends "canceled")
        resubscribed = client.resubscribe(TaskIdParams(id=unlock.id))
        report["resubscribe"] = [dump(await anext(resubscribed))]
        report["cancel"] = dump(await client.cancel_task(TaskIdParams(id=unlock.id)))
        report["resubscribe"] += [dump(e) async for e in resubscribed]
        report["get_after_cancel"] = dump(await client.get_task(TaskQueryParams(id=unlock.id)))

        errors = report["errors"] = {}
        errors["cancel_completed"] = await rpc_error(client.cancel_task(TaskIdParams(id=sent["classify_text"]["id"])))
        errors["get_unknown"] = await rpc_error(client.get_task(TaskQueryParams(id="no-such-task")))
        errors["unknown_skill"] = await rpc_error(client.send_message(message("fly", TextPart(text="hi"))))
        errors["bad_input"] = await rpc_error(client.send_message(message("diagnose", DataPart(
            data={"patientId": "a2a-pt-2", "symptoms": "cough", "age": "old"}))))
        url = card.url
        raw = report["raw"] = {}
        raw["parse"] = (await http.post(url, content=b'{"jsonrpc": "2.0", "method": ', headers={"Content-Type": "application/json"})).json()
        raw["not_jsonrpc"] = (await http.post(url, json={"method": "tasks/get", "id": 1})).json()
        raw["array"] = (await http.post(url, json=[1, 2])).json()
        raw["unknown_method"] = (await http.post(url, json={"jsonrpc": "2.0", "id": 7, "method": "tasks/fly"})).json()
        raw["missing_params"] = (await http.post(url, json={"jsonrpc": "2.0", "id": "x", "method": "tasks/get"})).json()
    print(json.dumps(report))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
