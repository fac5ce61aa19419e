"""HubSpot's API in a test, as documented: schemas, example answers and a fake.

Sources, for the schemas and examples below:
* notes: https://developers.hubspot.com/docs/api-reference/latest/crm/activities/notes/guide
* tasks: https://developers.hubspot.com/docs/api-reference/latest/crm/activities/tasks/guide
* search: https://developers.hubspot.com/docs/api-reference/2026-03/crm/search-the-crm
* owners: https://developers.hubspot.com/docs/api-reference/latest/crm/owners/guide
* errors and 429s: https://developers.hubspot.com/docs/api/usage-details
"""

from __future__ import annotations

import itertools
import json
from typing import Any

import httpx
import jsonschema

from minuta.crm.connectors.hubspot import HubSpotConnector

TOKEN = "pat-eu1-0000-test"
ISO_UTC = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"

# --- Request schemas, written from the guides ------------------------------------

ASSOCIATIONS: dict[str, Any] = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["to", "types"],
        "additionalProperties": False,
        "properties": {
            "to": {
                "type": "object",
                "required": ["id"],
                "additionalProperties": False,
                "properties": {"id": {"type": "string", "pattern": r"^\d+$"}},
            },
            "types": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["associationCategory", "associationTypeId"],
                    "additionalProperties": False,
                    "properties": {
                        "associationCategory": {
                            "enum": ["HUBSPOT_DEFINED", "USER_DEFINED", "INTEGRATOR_DEFINED"]
                        },
                        "associationTypeId": {"type": "integer"},
                    },
                },
            },
        },
    },
}


def _create_schema(properties: dict[str, Any], type_ids: list[int]) -> dict[str, Any]:
    associations = json.loads(json.dumps(ASSOCIATIONS))
    types = associations["items"]["properties"]["types"]["items"]["properties"]
    types["associationTypeId"]["enum"] = type_ids  # note→contact/company/deal, or task→...
    return {
        "type": "object",
        "required": ["properties"],
        "additionalProperties": False,
        "properties": {
            "properties": {
                "type": "object",
                "required": ["hs_timestamp"],  # "Required" in both guides
                "additionalProperties": False,
                "properties": properties,
            },
            "associations": associations,
        },
    }


NOTE_CREATE = _create_schema(
    {
        "hs_timestamp": {"type": "string", "pattern": ISO_UTC},
        "hs_note_body": {"type": "string", "maxLength": 65536},
        "hubspot_owner_id": {"type": "string"},
        "hs_attachment_ids": {"type": "string"},
    },
    [202, 190, 214],
)
TASK_CREATE = _create_schema(
    {
        "hs_timestamp": {"type": "string", "pattern": ISO_UTC},
        "hs_task_body": {"type": "string"},
        "hubspot_owner_id": {"type": "string", "pattern": r"^\d+$"},
        "hs_task_subject": {"type": "string", "minLength": 1},
        "hs_task_status": {"enum": ["COMPLETED", "NOT_STARTED"]},
        "hs_task_priority": {"enum": ["LOW", "MEDIUM", "HIGH"]},
        "hs_task_type": {"enum": ["EMAIL", "CALL", "TODO"]},
        "hs_task_reminders": {"type": "string"},
    },
    [204, 192, 216],
)
SEARCH_REQUEST: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "filterGroups": {
            "type": "array",
            "maxItems": 5,
            "items": {
                "type": "object",
                "required": ["filters"],
                "properties": {
                    "filters": {
                        "type": "array",
                        "maxItems": 6,
                        "items": {
                            "type": "object",
                            "required": ["propertyName", "operator"],
                            "properties": {
                                "propertyName": {"type": "string"},
                                "operator": {
                                    "enum": [
                                        *("LT", "LTE", "GT", "GTE", "EQ", "NEQ", "BETWEEN"),
                                        *("IN", "NOT_IN", "HAS_PROPERTY", "NOT_HAS_PROPERTY"),
                                        *("CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN"),
                                    ]
                                },
                                "value": {"type": "string"},
                            },
                        },
                    }
                },
            },
        },
        "sorts": {
            "type": "array",
            "maxItems": 1,  # "Only one sorting rule can be applied to any search."
            "items": {
                "type": "object",
                "required": ["propertyName", "direction"],
                "properties": {"direction": {"enum": ["ASCENDING", "DESCENDING"]}},
            },
        },
        "query": {"type": "string"},
        "properties": {"type": "array", "items": {"type": "string"}},
        "limit": {"type": "integer", "minimum": 1, "maximum": 200},
        "after": {"type": "string"},
    },
}

# --- Documented response examples ---------------------------------------------------

CONTACTS_FOUND = {  # the search guide's contacts example, with a company on the first
    "total": 2,
    "results": [
        {
            "id": "100451",
            "properties": {
                "createdate": "2024-01-17T19:55:04.281Z",
                "email": "testperson@hubspot.com",
                "firstname": "Test",
                "hs_object_id": "100451",
                "lastmodifieddate": "2024-09-11T13:27:39.356Z",
                "lastname": "Person",
                "company": "HubSpot",
                "associatedcompanyid": "9001",
            },
            "createdAt": "2024-01-17T19:55:04.281Z",
            "updatedAt": "2024-09-11T13:27:39.356Z",
            "archived": False,
        },
        {
            "id": "57156923994",
            "properties": {
                "createdate": "2024-09-11T18:21:50.012Z",
                "email": "emailmaria@hubspot.com",
                "firstname": "Maria",
                "hs_object_id": "57156923994",
                "lastmodifieddate": "2024-10-21T21:36:02.961Z",
                "lastname": "Johnson (Sample Contact)",
            },
            "createdAt": "2024-09-11T18:21:50.012Z",
            "updatedAt": "2024-10-21T21:36:02.961Z",
            "archived": False,
        },
    ],
}
COMPANIES_FOUND = {
    "total": 1,
    "results": [
        {
            "id": "9001",
            "properties": {"name": "HubSpot", "domain": "hubspot.com", "hs_object_id": "9001"},
            "createdAt": "2019-10-30T03:30:17.883Z",
            "updatedAt": "2019-12-07T16:50:06.678Z",
            "archived": False,
        }
    ],
}
DEALS_FOUND = {
    "total": 1,
    "results": [
        {
            "id": "7001",
            "properties": {
                "dealname": "HubSpot renewal",
                "amount": "12000",
                "hs_object_id": "7001",
            },
            "createdAt": "2019-10-30T03:30:17.883Z",
            "updatedAt": "2019-12-07T16:50:06.678Z",
            "archived": False,
        }
    ],
}
OWNERS_PAGE_1 = {  # the owners guide's example
    "results": [
        {
            "id": "41629779",
            "email": "email@hubspot.com",
            "type": "PERSON",
            "firstName": "HubSpot",
            "lastName": "Test Owner",
            "userId": 9586504,
            "userIdIncludingInactive": 9586504,
            "createdAt": "2019-12-25T13:01:35.228Z",
            "updatedAt": "2023-08-22T13:22:47.725Z",
            "archived": False,
            "teams": [{"id": "178588", "name": "West Coast Sales", "primary": True}],
        },
        {
            "id": "41629780",
            "type": "QUEUE",
            "firstName": "Support queue",
            "createdAt": "2019-12-25T13:01:35.228Z",
            "updatedAt": "2019-12-25T13:01:35.228Z",
            "archived": False,
        },
    ],
    "paging": {"next": {"after": "MjAyNC0wMS0wMVQwMDowMDowMFo6MTIzNDU=", "link": ""}},
}
OWNERS_PAGE_2 = {
    "results": [
        {
            "id": "6166860",
            "email": "jsmith@example.com",
            "type": "PERSON",
            "firstName": "John",
            "lastName": "Smith",
            "userId": 1296619,
            "createdAt": "2019-10-30T03:30:17.883Z",
            "updatedAt": "2019-12-07T16:50:06.678Z",
            "archived": False,
        }
    ]
}


class FakeHubSpot:
    """HubSpot's API as documented: checks every request, keeps what it creates.

    Search is eventually consistent, as the guide warns: a new note or task is
    found only after :meth:`index` (HubSpot's "few moments").
    """

    def __init__(self) -> None:
        self.ids = itertools.count(90001)
        self.objects: dict[str, dict[str, dict[str, Any]]] = {"notes": {}, "tasks": {}}
        self.indexed: set[str] = set()
        self.searches: list[tuple[str, dict[str, Any]]] = []
        self.canned: dict[str, dict[str, Any]] = {
            "contacts": CONTACTS_FOUND,
            "companies": COMPANIES_FOUND,
            "deals": DEALS_FOUND,
        }
        self.fail: httpx.Response | None = None

    def index(self) -> None:
        self.indexed = {oid for objs in self.objects.values() for oid in objs}

    def handler(self, request: httpx.Request) -> httpx.Response:
        assert request.url.host == "api.hubapi.com"
        assert request.headers["Authorization"] == f"Bearer {TOKEN}"
        if self.fail is not None:
            return self.fail
        path = request.url.path
        if request.method == "GET" and path == "/crm/owners/2026-03":
            assert request.url.params["limit"] == "100"
            after = request.url.params.get("after")
            return httpx.Response(200, json=OWNERS_PAGE_2 if after else OWNERS_PAGE_1)
        assert request.method == "POST", f"unexpected {request.method} {path}"
        assert request.headers["Content-Type"].startswith("application/json")
        body = json.loads(request.content)
        parts = path.split("/")  # ['', 'crm', 'objects', '2026-03', type, ('search')]
        assert parts[:4] == ["", "crm", "objects", "2026-03"], path
        collection = parts[4]
        if parts[5:] == ["search"]:
            assert (
                len(request.content) <= 3000
            )  # "A query can contain a maximum of 3,000 characters"
            jsonschema.validate(body, SEARCH_REQUEST)
            self.searches.append((collection, body))
            if collection in self.canned:
                return httpx.Response(200, json=self.canned[collection])
            return httpx.Response(200, json=self._search_activities(collection, body))
        jsonschema.validate(body, NOTE_CREATE if collection == "notes" else TASK_CREATE)
        object_id = str(next(self.ids))
        self.objects[collection][object_id] = body
        created = {
            "id": object_id,
            "properties": {**body["properties"], "hs_object_id": object_id},
            "createdAt": "2026-11-23T09:00:00.000Z",
            "updatedAt": "2026-11-23T09:00:00.000Z",
            "archived": False,
        }
        return httpx.Response(201, json=created)

    def _search_activities(self, collection: str, body: dict[str, Any]) -> dict[str, Any]:
        (condition,) = body["filterGroups"][0]["filters"]
        kind = condition["propertyName"].removeprefix("associations.")
        wanted = {"contact": "0-1", "company": "0-2", "deal": "0-3"}[kind]
        ids = {"0-1": (202, 204), "0-2": (190, 192), "0-3": (214, 216)}[wanted]
        hits = []
        for object_id, created in reversed(self.objects[collection].items()):  # newest first
            if object_id not in self.indexed:
                continue
            linked = {
                (a["to"]["id"], t["associationTypeId"])
                for a in created.get("associations", [])
                for t in a["types"]
            }
            if any((condition["value"], type_id) in linked for type_id in ids):
                props = {name: created["properties"].get(name) for name in body["properties"]}
                hits.append({"id": object_id, "properties": props, "archived": False})
        return {"total": len(hits), "results": hits[: body["limit"]]}


class Token:
    def authorization(self) -> tuple[str, str]:
        name, template = HubSpotConnector.token_header
        return name, template.format(token=TOKEN)

    def refresh(self) -> bool:
        return False
