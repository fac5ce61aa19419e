"""Pipedrive's API in a test, as documented: schemas, example answers and a fake.

Sources, for the schemas and examples below:
* auth: https://pipedrive.readme.io/docs/core-api-concepts-authentication
* notes: https://developers.pipedrive.com/docs/api/v1/Notes (AddNoteRequest, getNotes)
* activities: https://developers.pipedrive.com/docs/api/v2/Activities (AddActivityRequest)
* search: https://developers.pipedrive.com/docs/api/v2/Persons#searchPersons, and the
  Organizations and Deals search endpoints
* users: https://developers.pipedrive.com/docs/api/v1/Users#getUsers
* errors and 429s: https://pipedrive.readme.io/docs/core-api-concepts-rate-limiting
"""

from __future__ import annotations

import itertools
import json
from typing import Any

import httpx
import jsonschema

from minuta.crm.connectors.pipedrive import PipedriveConnector

TOKEN = "659c9fddb16335e48cc67114694b52074e812e03"  # the docs' example token

# --- Request schemas, written from the reference ----------------------------------

IDS = {"type": "integer", "minimum": 1}
ADD_NOTE: dict[str, Any] = {
    "type": "object",
    "required": ["content"],
    "additionalProperties": False,
    # "This property is required unless one of (deal_id/person_id/org_id/project_id)..."
    "anyOf": [
        {"required": [key]} for key in ("lead_id", "deal_id", "person_id", "org_id", "project_id")
    ],
    "properties": {
        "content": {"type": "string", "minLength": 1},
        "lead_id": {"type": "string"},
        "deal_id": IDS,
        "person_id": IDS,
        "org_id": IDS,
        "project_id": IDS,
        "user_id": IDS,
        "add_time": {"type": "string", "pattern": r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$"},
        **{
            f"pinned_to_{name}_flag": {"enum": [0, 1]}
            for name in ("lead", "deal", "organization", "person", "project")
        },
    },
}
ADD_ACTIVITY: dict[str, Any] = {  # v2: booleans are booleans, numbers numbers
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "subject": {"type": "string", "minLength": 1},
        "type": {"type": "string"},
        "owner_id": IDS,
        "deal_id": IDS,
        "lead_id": {"type": "string"},
        "person_id": IDS,
        "org_id": IDS,
        "project_id": IDS,
        "due_date": {"type": "string", "pattern": r"^\d{4}-\d\d-\d\d$"},
        "due_time": {"type": "string", "pattern": r"^\d\d:\d\d$"},
        "duration": {"type": "string", "pattern": r"^\d\d:\d\d$"},
        "busy": {"type": "boolean"},
        "done": {"type": "boolean"},
        "location": {"type": "object"},
        "participants": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"person_id": IDS, "primary": {"type": "boolean"}},
            },
        },
        "attendees": {"type": "array"},
        "public_description": {"type": "string"},
        "priority": {"type": "integer"},
        "note": {"type": "string"},
    },
}

# --- Documented response examples ---------------------------------------------------

PERSONS_FOUND = {  # the searchPersons example
    "success": True,
    "data": {
        "items": [
            {
                "result_score": 0.5092,
                "item": {
                    "id": 1,
                    "type": "person",
                    "name": "Jane Doe",
                    "phones": ["+372 555555555"],
                    "emails": ["jane@pipedrive.com"],
                    "visible_to": 3,
                    "owner": {"id": 1},
                    "organization": {"id": 1, "name": "Organization name", "address": None},
                    "custom_fields": [],
                    "notes": [],
                },
            }
        ]
    },
    "additional_data": {"next_cursor": None},
}
ORGANIZATIONS_FOUND = {
    "success": True,
    "data": {
        "items": [
            {
                "result_score": 0.316,
                "item": {
                    "id": 1,
                    "type": "organization",
                    "name": "Organization name",
                    "address": "Mustamäe tee 3a, 10615 Tallinn",
                    "visible_to": 3,
                    "owner": {"id": 1},
                    "custom_fields": [],
                    "notes": [],
                },
            }
        ]
    },
    "additional_data": {"next_cursor": None},
}
DEALS_FOUND = {
    "success": True,
    "data": {
        "items": [
            {
                "result_score": 1.22724,
                "item": {
                    "id": 1,
                    "type": "deal",
                    "title": "Jane Doe deal",
                    "value": 100,
                    "currency": "USD",
                    "status": "open",
                    "visible_to": 3,
                    "owner": {"id": 1},
                    "stage": {"id": 1, "name": "Lead In"},
                    "person": {"id": 1, "name": "Jane Doe"},
                    "organization": {"id": 1, "name": "Organization name", "address": None},
                    "custom_fields": [],
                    "notes": [],
                    "is_archived": False,
                },
            }
        ]
    },
    "additional_data": {"next_cursor": None},
}
USERS = {
    "success": True,
    "data": [
        {
            "id": 1,
            "name": "John Doe",
            "default_currency": "EUR",
            "locale": "et_EE",
            "lang": 1,
            "email": "john@pipedrive.com",
            "phone": "0000-0001",
            "activated": True,
            "last_login": "2019-11-21 08:45:56",
            "created": "2018-11-13 09:16:26",
            "modified": "2019-11-21 08:45:56",
            "has_created_company": True,
            "access": [{"app": "sales", "admin": True, "permission_set_id": "62cc4d7f"}],
            "active_flag": True,
            "timezone_name": "Europe/Berlin",
            "timezone_offset": "+03:00",
            "role_id": 1,
            "icon_url": None,
            "is_you": True,
            "is_deleted": False,
        },
        {"id": 2, "name": "Left Company", "email": "gone@pipedrive.com", "active_flag": False},
    ],
}


class FakePipedrive:
    def __init__(self) -> None:
        self.ids = itertools.count(8)
        self.notes: list[dict[str, Any]] = []
        self.activities: list[dict[str, Any]] = []
        self.seen: list[httpx.Request] = []
        self.fail: httpx.Response | None = None

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        assert request.headers["x-api-token"] == TOKEN
        assert "api_token" not in request.url.params  # never in the URL (it would be logged)
        if self.fail is not None:
            return self.fail
        path, params = request.url.path, request.url.params
        if request.method == "GET" and path.endswith("/search"):
            return self._search(path, params)
        routes = {
            ("GET", "/api/v1/users"): lambda: USERS,
            ("POST", "/api/v1/notes"): lambda: self._add(self.notes, ADD_NOTE, request),
            ("POST", "/api/v2/activities"): lambda: self._add(
                self.activities, ADD_ACTIVITY, request
            ),
            ("GET", "/api/v1/notes"): lambda: self._listed(self.notes, params, v1=True),
            ("GET", "/api/v2/activities"): lambda: self._listed(self.activities, params, v1=False),
        }
        route = routes.get((request.method, path))
        assert route is not None, f"unexpected {request.method} {request.url}"
        status = 201 if request.method == "POST" else 200
        return httpx.Response(status, json=route())

    def _add(
        self, records: list[dict[str, Any]], schema: dict[str, Any], request: httpx.Request
    ) -> dict[str, Any]:
        body = json.loads(request.content)
        jsonschema.validate(body, schema)
        record = {
            "id": next(self.ids),
            "owner_id" if schema is ADD_ACTIVITY else "user_id": 1,
            **body,
        }
        records.append(record)
        return {"success": True, "data": record}

    def _search(self, path: str, params: Any) -> httpx.Response:
        assert path.startswith("/api/v2/")  # the v1 searches are out of support
        fields = {
            "/api/v2/persons/search": {"custom_fields", "email", "notes", "phone", "name"},
            "/api/v2/organizations/search": {"address", "custom_fields", "notes", "name"},
            "/api/v2/deals/search": {"custom_fields", "notes", "title"},
        }[path]
        exact = params.get("exact_match", "false")
        assert exact in ("true", "false")
        assert len(params["term"]) >= (1 if exact == "true" else 2)
        assert set(params["fields"].split(",")) <= fields
        assert 1 <= int(params["limit"]) <= 500
        found = {"persons": PERSONS_FOUND, "organizations": ORGANIZATIONS_FOUND}
        return httpx.Response(200, json=found.get(path.split("/")[3], DEALS_FOUND))

    @staticmethod
    def _listed(records: list[dict[str, Any]], params: Any, *, v1: bool) -> dict[str, Any]:
        assert 1 <= int(params["limit"]) <= 500
        if v1:
            assert params["sort"] == "add_time DESC"
        else:
            assert (params["sort_by"], params["sort_direction"]) == ("add_time", "desc")
        (field,) = {"person_id", "org_id", "deal_id"} & set(params)
        hits = [r for r in reversed(records) if str(r.get(field)) == params[field]]
        if v1 and not hits:
            return {"success": True, "data": None, "additional_data": {"pagination": {}}}
        return {"success": True, "data": hits, "additional_data": {"next_cursor": None}}


class Token:
    def authorization(self) -> tuple[str, str]:
        name, template = PipedriveConnector.token_header
        return name, template.format(token=TOKEN)

    def refresh(self) -> bool:
        return False
