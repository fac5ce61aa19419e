"""Summary templates: what to focus on, and which sections to fill, per meeting type.

A template tells a language model what matters in one kind of meeting (a sales
discovery call, a customer follow-up, a recruiting interview, a project status
meeting, an internal meeting) and which result lists it wants. Data
minimisation is part of every template: the notes keep decisions, risks,
deadlines and next steps, never personal remarks, and sensitive topics
(health, religion, union membership, politics, legal disputes, very personal
remarks) are flagged for the user rather than summarised
(:mod:`minuta.summarize.sensitive` finds them in code as well).

The user may edit a template's name, focus and sections. Only the edit is
stored (``Setting.SUMMARY_TEMPLATES`` holds ``{meeting_type: {field: value}}``,
see :func:`override_for`); removing a meeting type's entry restores the
built-in template. A corrupt or hand-edited setting never breaks anything: a
value that does not fit is ignored and the built-in one kept.

The privacy rules cannot be edited away: :attr:`Template.instructions`, which
is what the model gets, always carries them, even when the user's focus text
dropped them.

Sections per type, and why:

* sales discovery, customer follow-up: everything, including CRM suggestions
  (the deal, the contact) and a follow-up e-mail to the customer;
* recruiting interview: decisions, action items, risks and next steps only.
  No CRM suggestions (a candidate is not a customer record, and their data
  does not belong in the CRM) and no e-mail draft (an interview's notes hold
  the interviewers' assessment, such as a salary above the range, which must
  not slip into a message to the candidate);
* project status, internal: no CRM suggestions (nothing customer-facing to
  record), but an e-mail draft, as a recap to the team.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any

from minuta.summarize.backend import SummaryRequest
from minuta.summarize.schema import LISTS

# The section names a template may ask for: the result's lists and the e-mail draft.
SECTIONS: frozenset[str] = frozenset({*LISTS, "email_draft"})

# Limits on what a user's edit may hold; longer values are refused (the built-in kept).
MAX_NAME_CHARS = 80
MAX_FOCUS_CHARS = 4000

PRIVACY_RULE = (
    "Keep to what the business needs: decisions, risks, deadlines and next steps. Leave out "
    "personal remarks and small talk. Never summarise health, religion, trade-union "
    "membership, political opinions, legal disputes or very personal remarks about anyone; "
    "if they come up, leave them out of the notes (they are flagged to the user instead)."
)

RECRUITING_RULE = (
    "Record only job-relevant facts about the candidate: skills, experience, results, "
    "availability and notice period, and salary expectations if stated. Nothing about family, "
    "partner or children, age, health, origin, religion or private life, even if the "
    "candidate mentions it."
)


@dataclass(frozen=True)
class Template:
    """How to summarise one meeting type.

    ``key`` is the meeting type (what :class:`SummaryRequest` calls
    ``meeting_type``); ``name`` is what the user sees; ``focus`` is short
    guidance for a language model, in English; ``sections`` are the result
    lists wanted (names from :data:`SECTIONS`); ``edited`` is True when the
    user changed the built-in template.
    """

    key: str
    name: str
    focus: str
    sections: frozenset[str]
    edited: bool = False

    @property
    def instructions(self) -> str:
        """The focus plus the privacy rules that no edit removes: what the model is given."""
        parts = [self.focus.strip()]
        for rule in _FIXED_RULES.get(self.key, (PRIVACY_RULE,)):
            if rule not in self.focus:
                parts.append(rule)
        return "\n".join(part for part in parts if part)


_ALL = frozenset(SECTIONS)
_NO_CRM = frozenset(SECTIONS - {"crm_suggestions"})
_NO_CRM_NO_EMAIL = frozenset(SECTIONS - {"crm_suggestions", "email_draft"})

_FIXED_RULES: Mapping[str, tuple[str, ...]] = {
    "recruiting_interview": (PRIVACY_RULE, RECRUITING_RULE),
}

_BUILT_IN = (
    Template(
        key="sales_discovery",
        name="Sales discovery call",
        focus=(
            "A first sales conversation. Capture the customer's current situation and pain "
            "points, the size of the need (volumes, users, sites), must-have requirements and "
            "integrations, who decides and who else is involved, budget and timeline, "
            "competitors mentioned, objections, and the agreed next steps with owners and "
            "deadlines. CRM suggestions: the deal's stage, size and close date as said, and "
            "contacts' business roles.\n" + PRIVACY_RULE
        ),
        sections=_ALL,
    ),
    Template(
        key="customer_follow_up",
        name="Customer follow-up",
        focus=(
            "A follow-up with an existing customer or prospect. Capture what changed since last "
            "time, open questions and objections (price, terms, technical issues), commitments "
            "made by either side with owners and deadlines, risks to the deal (approvals, "
            "budget dates, competitors, contract renewals), decisions taken, and the next "
            "meeting. CRM suggestions: updates to the deal's stage, amount and close date as "
            "said.\n" + PRIVACY_RULE
        ),
        sections=_ALL,
    ),
    Template(
        key="recruiting_interview",
        name="Recruiting interview",
        focus=(
            "A job interview. Capture the candidate's relevant experience and results, skills "
            "and languages, notice period and earliest start date, salary expectations if "
            "stated, the interviewers' decisions on the next round, and tasks for both sides "
            "(references, cases, scheduling) with deadlines. Risks: mismatches on salary, "
            "start date, travel or requirements.\n" + PRIVACY_RULE + "\n" + RECRUITING_RULE
        ),
        sections=_NO_CRM_NO_EMAIL,
    ),
    Template(
        key="project_status",
        name="Project status meeting",
        focus=(
            "A project status meeting. Capture progress per work stream, what is blocked and "
            "on whom, decisions taken, risks to scope, budget and deadlines (go-live dates, "
            "dependencies on vendors or customers), and action items with owners and "
            "deadlines. Ideas pushed to later are not action items.\n" + PRIVACY_RULE
        ),
        sections=_NO_CRM,
    ),
    Template(
        key="internal",
        name="Internal meeting",
        focus=(
            "An internal team meeting. Capture decisions, action items with owners and "
            "deadlines, risks and open questions, and the next steps. Leave out opinions "
            "about colleagues and anything about people's private lives.\n" + PRIVACY_RULE
        ),
        sections=_NO_CRM,
    ),
)

TEMPLATES: Mapping[str, Template] = MappingProxyType({t.key: t for t in _BUILT_IN})
DEFAULT_TEMPLATE = "customer_follow_up"


def _name(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    name = " ".join(value.split())
    return name if 0 < len(name) <= MAX_NAME_CHARS else None


def _focus(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    focus = value.strip()
    return focus if 0 < len(focus) <= MAX_FOCUS_CHARS else None


def _sections(value: object) -> frozenset[str] | None:
    # A list (JSON has no sets) of known names; unknown names are dropped, as a
    # section removed in a later version would be. Nothing left: not an edit.
    if not isinstance(value, list | tuple | set | frozenset):
        return None
    known = frozenset(v for v in value if isinstance(v, str) and v in SECTIONS)
    return known or None


def _apply(template: Template, override: object) -> Template:
    if not isinstance(override, Mapping):
        return template
    name = _name(override.get("name"))
    focus = _focus(override.get("focus"))
    sections = _sections(override.get("sections"))
    edited = replace(
        template,
        name=name if name is not None else template.name,
        focus=focus if focus is not None else template.focus,
        sections=sections if sections is not None else template.sections,
    )
    changed = (edited.name, edited.focus, edited.sections) != (
        template.name,
        template.focus,
        template.sections,
    )
    return replace(edited, edited=changed)


def all_templates(overrides: Mapping[str, Any] | None) -> dict[str, Template]:
    """Every meeting type's template, with the user's edits (``Setting.SUMMARY_TEMPLATES``).

    Only the built-in meeting types exist; an override for another key is
    ignored, as is any field value that does not fit (that field stays built-in).
    """
    result = dict(TEMPLATES)
    if not isinstance(overrides, Mapping):
        return result
    for key, template in TEMPLATES.items():
        if key in overrides:
            result[key] = _apply(template, overrides[key])
    return result


def template_for(key: str | None, overrides: Mapping[str, Any] | None = None) -> Template:
    """The template for meeting type ``key``, or the default one when there is no such type."""
    templates = all_templates(overrides)
    return templates.get(key or DEFAULT_TEMPLATE) or templates[DEFAULT_TEMPLATE]


def override_for(template: Template) -> dict[str, Any]:
    """What to store for the user's edit of ``template``: the fields that differ from built-in.

    Only the changes are kept, so a later version's better built-in focus still
    reaches a user who merely renamed a template. An empty dict means "as
    built in": store nothing (or remove the key). Raises KeyError for a meeting
    type that is not built in.
    """
    built_in = TEMPLATES[template.key]
    override: dict[str, Any] = {}
    name = _name(template.name)
    if name is not None and name != built_in.name:
        override["name"] = name
    focus = _focus(template.focus)
    if focus is not None and focus != built_in.focus:
        override["focus"] = focus
    sections = _sections(sorted(template.sections))
    if sections is not None and sections != built_in.sections:
        override["sections"] = sorted(sections)
    return override


def with_override(overrides: Mapping[str, Any] | None, template: Template) -> dict[str, Any]:
    """The whole new setting value after the user saved ``template`` (reset when unchanged)."""
    result = dict(overrides) if isinstance(overrides, Mapping) else {}
    override = override_for(template)
    if override:
        result[template.key] = override
    else:
        result.pop(template.key, None)
    return result


def without_override(overrides: Mapping[str, Any] | None, key: str) -> dict[str, Any]:
    """The whole new setting value with meeting type ``key`` back to its built-in template."""
    result = dict(overrides) if isinstance(overrides, Mapping) else {}
    result.pop(key, None)
    return result


def apply_template(request: SummaryRequest, template: Template) -> SummaryRequest:
    """``request`` set up for ``template``: its meeting type, instructions and sections."""
    return replace(
        request,
        meeting_type=template.key,
        focus=template.instructions,
        sections=frozenset(template.sections),
    )
