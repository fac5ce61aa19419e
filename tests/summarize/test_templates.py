"""Templates per meeting type: built-in focus and sections, user edits, corrupt settings."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date

import pytest
from tests.summarize.gold import MEETING_TYPES

from minuta.store.settings import Setting
from minuta.summarize.backend import SummaryRequest
from minuta.summarize.schema import LISTS
from minuta.summarize.templates import (
    DEFAULT_TEMPLATE,
    PRIVACY_RULE,
    RECRUITING_RULE,
    SECTIONS,
    TEMPLATES,
    all_templates,
    apply_template,
    override_for,
    template_for,
    with_override,
    without_override,
)


def test_every_meeting_type_has_a_built_in_template() -> None:
    assert set(TEMPLATES) == MEETING_TYPES
    assert DEFAULT_TEMPLATE in TEMPLATES
    assert {*LISTS, "email_draft"} == SECTIONS
    for key, template in TEMPLATES.items():
        assert template.key == key
        assert template.name and template.focus
        assert template.sections <= SECTIONS
        assert {"decisions", "action_items", "risks", "next_steps"} <= template.sections
        assert not template.edited
        assert template.instructions == template.focus  # the privacy rules are written in
        assert PRIVACY_RULE in template.focus


def test_sections_fit_the_meeting_type() -> None:
    assert TEMPLATES["sales_discovery"].sections == SECTIONS
    assert TEMPLATES["customer_follow_up"].sections == SECTIONS
    # A candidate is not a CRM record, and interview notes are not for the candidate's inbox.
    assert "crm_suggestions" not in TEMPLATES["recruiting_interview"].sections
    assert "email_draft" not in TEMPLATES["recruiting_interview"].sections
    for key in ("project_status", "internal"):
        assert "crm_suggestions" not in TEMPLATES[key].sections
        assert "email_draft" in TEMPLATES[key].sections


def test_the_focus_keeps_to_business_and_leaves_sensitive_topics_out() -> None:
    for template in TEMPLATES.values():
        focus = template.focus.lower()
        for word in ("decisions", "deadlines", "next steps", "health", "religion", "union"):
            assert word in focus, (template.key, word)
        assert "flagged" in focus
    recruiting = set(re.findall(r"\w+", TEMPLATES["recruiting_interview"].focus.lower()))
    for word in ("skills", "experience", "availability", "salary", "family", "age", "origin"):
        assert word in recruiting


def test_without_overrides_the_built_in_templates_are_used() -> None:
    assert all_templates(None) == dict(TEMPLATES)
    assert all_templates({}) == dict(TEMPLATES)
    assert template_for(None) == TEMPLATES[DEFAULT_TEMPLATE]
    assert template_for("no_such_type") == TEMPLATES[DEFAULT_TEMPLATE]
    assert template_for("internal") == TEMPLATES["internal"]


def test_a_user_edit_is_applied_over_the_built_in_template() -> None:
    overrides = {
        "project_status": {
            "name": "  Weekly   status ",
            "focus": "Only blockers and the go-live date.",
            "sections": ["risks", "action_items"],
        }
    }
    template = all_templates(overrides)["project_status"]
    assert template.name == "Weekly status"
    assert template.focus == "Only blockers and the go-live date."
    assert template.sections == {"risks", "action_items"}
    assert template.edited
    # The privacy rule cannot be edited away: the model still gets it.
    assert template.instructions.startswith("Only blockers and the go-live date.")
    assert PRIVACY_RULE in template.instructions
    # The other types stay built in.
    assert all_templates(overrides)["internal"] == TEMPLATES["internal"]


def test_recruiting_rules_survive_an_edited_focus() -> None:
    template = all_templates({"recruiting_interview": {"focus": "Just the facts."}})[
        "recruiting_interview"
    ]
    assert PRIVACY_RULE in template.instructions
    assert RECRUITING_RULE in template.instructions


@pytest.mark.parametrize(
    "overrides",
    [
        "garbage",
        [1, 2, 3],
        {"sales_discovery": "not a mapping"},
        {"sales_discovery": None},
        {"sales_discovery": {"name": 42, "focus": ["x"], "sections": "risks"}},
        {"sales_discovery": {"name": "", "focus": "   ", "sections": []}},
        {"sales_discovery": {"name": "x" * 500, "focus": "y" * 50_000}},
        {"sales_discovery": {"sections": ["no_such_section", 7, None]}},
        {"sales_discovery": {"colour": "red"}},
        {"no_such_type": {"name": "Mine"}},
    ],
)
def test_a_corrupt_setting_keeps_the_built_in_templates(overrides: object) -> None:
    templates = all_templates(overrides)  # type: ignore[arg-type]
    assert templates == dict(TEMPLATES)
    assert not any(t.edited for t in templates.values())


def test_a_bad_field_is_ignored_and_the_good_ones_kept() -> None:
    overrides = {
        "sales_discovery": {
            "name": "Discovery",
            "focus": 12,
            "sections": ["decisions", "gone_in_a_later_version", "email_draft"],
        }
    }
    template = all_templates(overrides)["sales_discovery"]
    assert template.name == "Discovery"
    assert template.focus == TEMPLATES["sales_discovery"].focus
    assert template.sections == {"decisions", "email_draft"}
    assert template.edited


def test_only_the_changes_are_stored_and_they_round_trip() -> None:
    built_in = TEMPLATES["customer_follow_up"]
    assert override_for(built_in) == {}
    renamed = replace(built_in, name="Follow-up call")
    assert override_for(renamed) == {"name": "Follow-up call"}
    edited = replace(
        built_in, focus="Price and the next meeting.", sections=frozenset({"next_steps", "risks"})
    )
    stored = override_for(edited)
    assert stored == {"focus": "Price and the next meeting.", "sections": ["next_steps", "risks"]}
    assert json.loads(json.dumps(stored)) == stored
    restored = all_templates({"customer_follow_up": stored})["customer_follow_up"]
    assert replace(restored, edited=False) == edited
    assert restored.edited
    with pytest.raises(KeyError):
        override_for(replace(built_in, key="custom"))


def test_saving_an_unchanged_template_or_resetting_removes_the_override() -> None:
    setting = with_override({}, replace(TEMPLATES["internal"], name="Team meeting"))
    assert setting == {"internal": {"name": "Team meeting"}}
    setting = with_override(setting, TEMPLATES["project_status"])  # unchanged: nothing stored
    assert setting == {"internal": {"name": "Team meeting"}}
    assert with_override(setting, TEMPLATES["internal"]) == {}
    assert without_override(setting, "internal") == {}
    assert all_templates(without_override(setting, "internal"))["internal"] == TEMPLATES["internal"]
    assert without_override("corrupt", "internal") == {}  # type: ignore[arg-type]


def test_apply_template_sets_the_meeting_type_instructions_and_sections() -> None:
    request = SummaryRequest(
        title="Interview", language="da", meeting_date=date(2026, 10, 14), segments=()
    )
    template = all_templates({"recruiting_interview": {"focus": "Only the essentials."}})[
        "recruiting_interview"
    ]
    applied = apply_template(request, template)
    assert applied.meeting_type == "recruiting_interview"
    assert applied.focus == template.instructions
    assert RECRUITING_RULE in applied.focus
    assert applied.sections == template.sections
    assert (applied.title, applied.language) == (request.title, request.language)


@pytest.fixture
def store(app_paths):  # type: ignore[no-untyped-def]
    from minuta.store.manifest import KeyMode
    from minuta.store.secret_store import system_keyring
    from minuta.store.store import create_store

    store, _ = create_store(app_paths.store, mode=KeyMode.KEYRING, secret_store=system_keyring())
    yield store
    store.close()


def test_an_edit_survives_the_real_settings_store_and_a_reset(store) -> None:  # type: ignore[no-untyped-def]
    edited = replace(
        TEMPLATES["sales_discovery"],
        name="Første møde",
        sections=frozenset({"decisions", "crm_suggestions"}),
    )
    current = store.settings.get(Setting.SUMMARY_TEMPLATES)
    store.settings.set(Setting.SUMMARY_TEMPLATES, with_override(current, edited))

    loaded = all_templates(store.settings.get(Setting.SUMMARY_TEMPLATES))["sales_discovery"]
    assert loaded.name == "Første møde"
    assert loaded.sections == {"decisions", "crm_suggestions"}
    assert loaded.focus == TEMPLATES["sales_discovery"].focus

    current = store.settings.get(Setting.SUMMARY_TEMPLATES)
    store.settings.set(Setting.SUMMARY_TEMPLATES, without_override(current, "sales_discovery"))
    reset = all_templates(store.settings.get(Setting.SUMMARY_TEMPLATES))
    assert reset["sales_discovery"] == TEMPLATES["sales_discovery"]
