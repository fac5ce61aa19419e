"""The structured result: its JSON Schema and the parser that enforces it."""

from __future__ import annotations

import copy

import pytest

from minuta.core.summary import ItemKind
from minuta.summarize.schema import LISTS, SUMMARY_SCHEMA, SchemaError, parse_summary

VALID = {
    "summary": "Nordlys will sign on Friday.",
    "decisions": [
        {"text": "Sign the contract", "evidence": {"segment_ids": [1], "quote": "signs"}}
    ],
    "action_items": [
        {
            "text": "Send the offer",
            "owner": "Jonas",
            "due": "inden udgangen af måneden",
            "evidence": {"segment_ids": [2], "quote": "Jonas sender tilbuddet"},
        },
        {
            "text": "Book a demo",
            "owner": None,
            "due": None,
            "evidence": {"segment_ids": [4], "quote": "a demo"},
        },
    ],
    "risks": [],
    "next_steps": [],
    "crm_suggestions": [],
    "email_draft": {"subject": "Thanks for today", "body": "Hi Mette, ..."},
}


def test_a_valid_result_becomes_items_of_each_kind():
    summary, items, email = parse_summary(VALID)
    assert summary == "Nordlys will sign on Friday."
    assert [i.kind for i in items] == [
        ItemKind.DECISION,
        ItemKind.ACTION_ITEM,
        ItemKind.ACTION_ITEM,
    ]
    send = items[1]
    assert (send.owner, send.due_raw) == ("Jonas", "inden udgangen af måneden")
    assert send.due_date is None  # code resolves dates, never the model
    assert send.evidence[0].segment_ids == (2,)
    assert not send.verified  # unchecked until evidence.check_summary
    assert items[2].owner is None
    assert email is not None and email.subject == "Thanks for today"


def test_the_schema_requires_every_list_and_evidence_for_every_item():
    assert set(SUMMARY_SCHEMA["required"]) == {"summary", "email_draft", *LISTS}
    for key in LISTS:
        item = SUMMARY_SCHEMA["properties"][key]["items"]
        assert set(item["required"]) == {"text", "evidence"}
        assert item["additionalProperties"] is False
    actions = SUMMARY_SCHEMA["properties"]["action_items"]["items"]["properties"]
    assert {"owner", "due"} <= set(actions)


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.pop("decisions") and d.update(decisions="none"), "decisions"),
        (lambda d: d["decisions"][0].pop("evidence"), "decisions[0].evidence"),
        (
            lambda d: d["decisions"][0]["evidence"].update(segment_ids=[]),
            "decisions[0].evidence.segment_ids",
        ),
        (
            lambda d: d["decisions"][0]["evidence"].update(segment_ids=["1"]),
            "decisions[0].evidence.segment_ids",
        ),
        (lambda d: d["decisions"][0]["evidence"].update(quote=" "), "decisions[0].evidence.quote"),
        (lambda d: d["action_items"][0].update(text=""), "action_items[0].text"),
        (lambda d: d["action_items"][0].update(owner=7), "action_items[0].owner"),
        (lambda d: d.update(email_draft="Hi"), "email_draft"),
    ],
)
def test_what_does_not_fit_is_refused_with_where(change, path):
    data = copy.deepcopy(VALID)
    change(data)
    with pytest.raises(SchemaError) as refused:
        parse_summary(data)
    assert refused.value.path == path


def test_not_an_object_is_refused():
    with pytest.raises(SchemaError):
        parse_summary(["summary"])
