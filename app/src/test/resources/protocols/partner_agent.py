"""A partner's recommendation agent (the official A2A Python SDK's server, JSON-RPC at /).

Usage: partner_agent.py PORT ITEMS_JSON CALL_LOG
Answers every message/send with one agent message carrying a data part {"items": ITEMS_JSON}; a shopper whose
userId starts with "fail" gets an internal error instead. Every data part it receives is appended to CALL_LOG as one
JSON line, so the test can see what was really sent.
"""
import json
import sys

import uvicorn
from a2a.server.agent_execution import AgentExecutor, RequestContext
from a2a.server.apps import A2AStarletteApplication
from a2a.server.events import EventQueue
from a2a.server.request_handlers import DefaultRequestHandler
from a2a.server.tasks import InMemoryTaskStore
from a2a.types import AgentCapabilities, AgentCard, AgentSkill, DataPart, Part
from a2a.utils import get_data_parts, new_agent_parts_message

port, items, call_log = int(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]


class Recommender(AgentExecutor):
    async def execute(self, context: RequestContext, event_queue: EventQueue) -> None:
        data = get_data_parts(context.message.parts)
        with open(call_log, "a") as log:
            log.write(json.dumps({"data": data, "metadata": context.message.metadata}) + "\n")
        if data and str(data[0].get("userId", "")).startswith("fail"):
            raise RuntimeError("the partner's recommender is down")
        await event_queue.enqueue_event(new_agent_parts_message(
            [Part(root=DataPart(data={"items": items}))], context.context_id, context.task_id))

    async def cancel(self, context: RequestContext, event_queue: EventQueue) -> None:
        raise NotImplementedError


card = AgentCard(
    name="Partner recommender", description="Recommends products from the partner's own signals.",
    url=f"http://127.0.0.1:{port}/", version="1.0.0", protocol_version="0.3.0",
    capabilities=AgentCapabilities(streaming=False), default_input_modes=["application/json"],
    default_output_modes=["application/json"],
    skills=[AgentSkill(id="recommend", name="Recommend", description="Products for a shopper", tags=["shop"],
                       examples=['{"userId":"u-1","events":[]}'])])
app = A2AStarletteApplication(agent_card=card, http_handler=DefaultRequestHandler(
    agent_executor=Recommender(), task_store=InMemoryTaskStore())).build()
uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")
