"""Which connector serves which CRM, imported only when that CRM is used."""

from __future__ import annotations

import importlib

from minuta.core.crm import CrmKind
from minuta.crm.connector import Connector

_CLASSES: dict[CrmKind, tuple[str, str]] = {
    CrmKind.SUPEROFFICE: ("minuta.crm.connectors.superoffice", "SuperOfficeConnector"),
    CrmKind.DYNAMICS: ("minuta.crm.connectors.dynamics", "DynamicsConnector"),
    CrmKind.HUBSPOT: ("minuta.crm.connectors.hubspot", "HubSpotConnector"),
    CrmKind.SALESFORCE: ("minuta.crm.connectors.salesforce", "SalesforceConnector"),
    CrmKind.PIPEDRIVE: ("minuta.crm.connectors.pipedrive", "PipedriveConnector"),
    CrmKind.BOTTLECRM: ("minuta.crm.connectors.bottlecrm", "BottleCrmConnector"),
    CrmKind.WEBHOOK: ("minuta.crm.connectors.webhook", "WebhookConnector"),
}

# Names for lists and messages, without importing every connector.
DISPLAY_NAMES: dict[CrmKind, str] = {
    CrmKind.SUPEROFFICE: "SuperOffice",
    CrmKind.DYNAMICS: "Microsoft Dynamics 365",
    CrmKind.HUBSPOT: "HubSpot",
    CrmKind.SALESFORCE: "Salesforce",
    CrmKind.PIPEDRIVE: "Pipedrive",
    CrmKind.BOTTLECRM: "BottleCRM",
    CrmKind.WEBHOOK: "Webhook",
}

# Where each vendor's API is when the user does not say (None: they must say).
DEFAULT_API_URLS: dict[CrmKind, str | None] = {
    CrmKind.SUPEROFFICE: None,  # from the sign-in (webapi_url)
    CrmKind.DYNAMICS: None,  # the organisation's own https://ORG.crm4.dynamics.com
    CrmKind.HUBSPOT: "https://api.hubapi.com",
    CrmKind.SALESFORCE: None,  # from the sign-in (instance_url)
    CrmKind.PIPEDRIVE: "https://api.pipedrive.com",
    CrmKind.BOTTLECRM: None,  # the company's own server
    CrmKind.WEBHOOK: None,
}

# Vendors signed in with a token the user pastes (a private-app or personal token).
TOKEN_KINDS = frozenset({CrmKind.HUBSPOT, CrmKind.PIPEDRIVE, CrmKind.BOTTLECRM, CrmKind.WEBHOOK})


def connector_class(kind: CrmKind) -> type[Connector]:
    module_name, class_name = _CLASSES[kind]
    cls: type[Connector] = getattr(importlib.import_module(module_name), class_name)
    return cls


def display_name(kind: CrmKind | str) -> str:
    try:
        return DISPLAY_NAMES[CrmKind(kind)]
    except ValueError:
        return str(kind)
