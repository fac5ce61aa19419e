"""The audit log names CRM records by id, and a webhook's typed target only by hash."""

from __future__ import annotations

import hashlib

from minuta.core.crm import CrmKind, audit_id


def test_a_crm_s_own_id_is_kept_so_the_record_can_be_found() -> None:
    assert audit_id(CrmKind.HUBSPOT, "1234567") == "1234567"
    assert audit_id(CrmKind.DYNAMICS, "0f8fad5b-d9cb-469f-a165-70867728950e").startswith("0f8f")


def test_a_webhook_target_typed_by_the_user_is_only_hashed() -> None:
    typed = "kari.nordmann@firma.no"
    kept = audit_id(CrmKind.WEBHOOK, typed)
    assert "kari" not in kept and "@" not in kept
    assert kept == "sha256:" + hashlib.sha256(typed.encode()).hexdigest()[:16]
    assert audit_id(CrmKind.WEBHOOK, "Kari Nordmann") != kept
