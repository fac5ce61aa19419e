"""A store with one person's data spread everywhere, and the ground truth of where.

Kari Nordmann <kari.nordmann@nordlys.no> takes part in some meetings (as a
participant, or a speaker named as her), is talked about in others, is in
summaries, in a sent Salesforce push and a queued one, and in an export. Around
her: people who must never be taken for her (Kari Hansen, Karin, Karianne, Ola
Nordmann, Anna/Ann) in Norwegian, Swedish, Danish, Finnish, Lithuanian and
English meetings. :class:`World` lists exactly which ids are hers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from tests.harness.meetings import create_meeting

from minuta.core.crm import (
    CreatedRecord,
    CrmKind,
    CrmTarget,
    PushContent,
    PushPlan,
    PushState,
    PushTask,
    TargetKind,
    new_ref,
)
from minuta.core.models import ChannelKind, Segment
from minuta.core.summary import (
    EmailDraft,
    Evidence,
    ItemKind,
    MeetingSummary,
    Provenance,
    SummaryItem,
)
from minuta.crm.connector import Connection
from minuta.crm.connectors.salesforce import SalesforceConnector
from minuta.crm.http import CrmClient
from minuta.store.speakers import NewSpeaker, SpeakerRepository, seal_embedding

PERSON = "Kari Nordmann <kari.nordmann@nordlys.no>"
NAME = "Kari Nordmann"
EMAIL = "kari.nordmann@nordlys.no"
SF_API = "https://nordlys.my.salesforce.com/services/data/v60.0"
SF_WEB = "https://nordlys.lightning.force.com"
CONTACT_ID = "003D000000QV9n2IAD"
ACCOUNT_ID = "001D000000IqhSLIAZ"
SCRIPT_NOTE = "<script>alert('Kari')</script> Spør Kari Nordmann om <b>rabatten</b>."


@dataclass
class World:
    meetings: dict[str, int] = field(default_factory=dict)  # key -> meeting id
    lines: dict[str, list[int]] = field(default_factory=dict)  # key -> segment ids
    summaries: dict[str, int] = field(default_factory=dict)  # key -> summary row id
    pushes: dict[str, int] = field(default_factory=dict)
    exports: dict[str, int] = field(default_factory=dict)
    speakers: dict[str, int] = field(default_factory=dict)
    # Ground truth: what is Kari Nordmann's.
    her_meetings: set[int] = field(default_factory=set)
    her_segments: set[int] = field(default_factory=set)
    her_spoken: set[int] = field(default_factory=set)
    her_items: set[tuple[int, int]] = field(default_factory=set)  # (summary id, index)
    her_texts: set[tuple[int, str]] = field(default_factory=set)  # (summary id, field)
    her_pushes: set[int] = field(default_factory=set)
    her_exports: set[int] = field(default_factory=set)


def _meeting(store, world, key, *, title, notes="", participants=(), language, lines):
    """A meeting with ``lines`` of (speaker name or None, text); the speaker goes on the line."""
    meeting_id, uid, key_bytes = create_meeting(store, title=title, notes=notes)
    with store.db.transaction():
        channel = store.meetings.add_channel(meeting_id, ChannelKind.MIXED, "Recording")
        store.meetings.add_segments(
            meeting_id,
            channel,
            [
                Segment(start=n * 6.0, end=n * 6.0 + 5.5, text=text, speaker=speaker)
                for n, (speaker, text) in enumerate(lines)
            ],
        )
        store.meetings.update_details(meeting_id, participants=participants, language=language)
    world.meetings[key] = meeting_id
    world.lines[key] = [s.id for s in store.meetings.segments(meeting_id)]
    return meeting_id, uid, key_bytes, channel


def _summary(store, meeting_id, items, *, text="", email=None) -> int:
    provenance = Provenance(
        "builtin", "builtin-2", "p1", "hash", datetime(2026, 11, 20, tzinfo=UTC)
    )
    with store.db.transaction():
        return store.summaries.save(
            meeting_id, MeetingSummary(text, tuple(items), email, provenance)
        )


def _salesforce() -> SalesforceConnector:
    connection = Connection(
        "salesforce", CrmKind.SALESFORCE, SF_API, SF_WEB, options=(("client_id", "key"),)
    )
    return SalesforceConnector(connection, CrmClient(None))


def _plan(content: PushContent, target: CrmTarget, owners: dict[str, str]) -> PushPlan:
    connector = _salesforce()
    ref = new_ref()
    return PushPlan(
        connection="salesforce",
        kind=CrmKind.SALESFORCE,
        target=target,
        ref=ref,
        requests=tuple(connector.plan_requests(content, target, owners, ref)),
        owners=tuple(sorted(owners.items())),
    )


def _send(store, push_id: int, plan: PushPlan, ids: list[str]) -> None:
    """Record a push as sent, one record per request, as the outbox runner would."""
    store.outbox.start_attempt(push_id)
    for request, remote_id in zip(plan.requests, ids, strict=True):
        store.outbox.step_in_flight(push_id, request.step)
        store.outbox.step_done(
            push_id, request.step, CreatedRecord(remote_id, f"{SF_WEB}/{remote_id}")
        )
    store.outbox.finish(push_id, PushState.SENT)


def build(store) -> World:
    w = World()

    # Norwegian: she took part; "Kari" alone means her here. Karin does not.
    m1, _uid, _key, _ch = _meeting(
        store,
        w,
        "nordlys",
        title="Nordlys pilot",
        participants=("Siri Selger", PERSON),
        language="nb",
        lines=[
            ("Siri Selger", "Takk for at du kom, Kari. La oss planlegge piloten."),
            (NAME, "Vi starter piloten i mars."),
            ("Siri Selger", "Ola sender bestillingsskjemaet innen fredag."),
            (NAME, "Ring meg på +47 912 34 567 om noe er uklart."),
            ("Siri Selger", "Karin fra økonomi blir med neste gang."),
        ],
    )
    lines = w.lines["nordlys"]
    w.her_segments |= {lines[0], lines[1], lines[3]}
    w.her_spoken |= {lines[1], lines[3]}
    s1 = _summary(
        store,
        m1,
        [
            SummaryItem(
                ItemKind.DECISION,
                "Piloten starter i mars",
                (Evidence((lines[1],), "Vi starter piloten i mars", True, 6.0, 11.5),),
                approved=True,
            ),
            SummaryItem(
                ItemKind.ACTION_ITEM,
                "Send bestillingsskjemaet til Kari",
                owner="Ola",
                due_raw="innen fredag",
                due_date=date(2026, 11, 27),
                approved=True,
            ),
            SummaryItem(ItemKind.RISK, "Budsjettet er ikke bekreftet"),
        ],
        text="Nordlys vil ha en pilot.",
        email=EmailDraft("Nordlys pilot", "Hei Kari,\n\ntakk for i dag. Vi starter i mars."),
    )
    w.summaries["nordlys"] = s1
    w.her_items |= {(s1, 1)}
    w.her_texts |= {(s1, "email.body")}

    # A sent push to her contact record: the note and a task name her.
    kari = CrmTarget(
        TargetKind.PERSON,
        CONTACT_ID,
        NAME,
        EMAIL,
        f"{SF_WEB}/{CONTACT_ID}",
        related=((TargetKind.COMPANY, ACCOUNT_ID),),
    )
    content = PushContent(
        meeting_uid="m1",
        title="Nordlys pilot",
        started_at=datetime(2026, 11, 20, 9, tzinfo=UTC),
        duration_s=1800.0,
        note="Nordlys vil ha en pilot. Kari bekreftet mars.",
        tasks=(PushTask("Send bestillingsskjemaet til Kari", owner="Ola"),),
    )
    plan = _plan(content, kari, {})
    p1 = store.outbox.add(m1, plan)
    _send(store, p1, plan, ["00UD0000005Nq1aMAC", "00TD000000A7x2bMAC"])
    w.pushes["sent"] = p1
    w.her_pushes.add(p1)
    w.her_meetings.add(m1)

    # Norwegian: another Kari's meeting; Kari Nordmann is only talked about.
    m2, _uid, _key, _ch = _meeting(
        store,
        w,
        "fjordkraft",
        title="Kvartalsmøte Fjordkraft",
        notes="Følg opp Kari Nordmanns tilbud.\nOla Nordmann har ferie i uke 48.",
        participants=("Ola Hansen", "Kari Hansen <kari.hansen@fjordkraft.no>"),
        language="nb",
        lines=[
            ("Ola Hansen", "Kari Hansen tar budsjettet."),
            ("Kari Hansen", "Jeg snakket med Kari Nordmann i går om prisene."),
            ("Ola Hansen", "Bra, Kari."),
        ],
    )
    w.her_segments.add(w.lines["fjordkraft"][1])
    older = _summary(store, m2, [SummaryItem(ItemKind.NEXT_STEP, "Kari Nordmann vil ha rabatt")])
    newer = _summary(
        store,
        m2,
        [
            SummaryItem(ItemKind.NEXT_STEP, "Ring Kari Nordmann om prisene"),
            SummaryItem(ItemKind.ACTION_ITEM, "Kari Hansen sender budsjettet", owner="Kari"),
        ],
        text="Fjordkraft vurderer prisene.",
    )
    w.summaries["fjordkraft-older"], w.summaries["fjordkraft"] = older, newer
    w.her_items |= {(older, 0), (newer, 0)}
    hansen = CrmTarget(
        TargetKind.PERSON, "003D000000QV9n3IAD", "Kari Hansen", "kari.hansen@fjordkraft.no"
    )
    other = _plan(
        PushContent(
            "m2",
            "Kvartalsmøte Fjordkraft",
            datetime(2026, 11, 21, tzinfo=UTC),
            900.0,
            "Kari Hansen tar budsjettet.",
        ),
        hansen,
        {},
    )
    p2 = store.outbox.add(m2, other)
    _send(store, p2, other, ["00UD0000005Nq1bMAC"])
    w.pushes["other"] = p2
    w.her_meetings.add(m2)

    # Swedish: she is a named speaker (speaker rows, with her voice); a consent record and
    # a highlight name her; a push queued to the company holds her address in a long note.
    m4, uid4, key4, ch4 = _meeting(
        store,
        w,
        "avstamning",
        title="Avstämning med Kari Nordmann",
        participants=("Lina Öhman",),
        language="sv",
        lines=[
            (None, "Vi behöver offerten före fredag."),
            (None, "Jag skickar den till dig, Kari."),
            (None, "Annas team tar resten."),
        ],
    )
    lines = w.lines["avstamning"]
    repo = SpeakerRepository(store.db)
    with store.db.transaction():
        voice = seal_embedding(key4, uid4, "Speaker 1", b"\x01" * 64)
        kari_id, lina_id = repo.replace_channel(
            m4, ch4, [NewSpeaker("Speaker 1", NAME, voice), NewSpeaker("Speaker 2", "Lina Öhman")]
        )
        repo.set_segment_speakers([(lines[0], kari_id), (lines[1], lina_id), (lines[2], lina_id)])
        store.db.execute(
            "INSERT INTO highlights (meeting_id, t_s, label, created_at) VALUES (?, ?, ?, ?)",
            (m4, 3.0, "Karis budgetfråga", "2026-11-20T09:00:00+00:00"),
        )
        store.db.execute(
            "INSERT INTO highlights (meeting_id, t_s, label, created_at) VALUES (?, ?, ?, ?)",
            (m4, 9.0, "Linas offert", "2026-11-20T09:00:00+00:00"),
        )
        store.db.execute(
            "INSERT INTO meeting_consent (meeting_id, decision, method, informed, recorded_at, "
            "note) VALUES (?, 'informed', 'spoken', ?, '2026-11-20T09:00:00+00:00', ?)",
            (m4, f'["Lina Öhman", "{PERSON}"]', "Kari Nordmann bad om kopia."),
        )
    w.speakers["kari"], w.speakers["lina"] = kari_id, lina_id
    w.her_segments |= {lines[0], lines[1]}
    w.her_spoken.add(lines[0])
    long_note = f"Kontakt: {EMAIL}\n\n" + "Offerten gäller hela avtalsperioden. " * 900
    queued = _plan(
        PushContent(
            "m4", "Avstämning offert", datetime(2026, 11, 22, tzinfo=UTC), 600.0, long_note
        ),
        CrmTarget(TargetKind.COMPANY, ACCOUNT_ID, "Nordlys AS"),
        {},
    )
    assert queued.requests[0].url.endswith("/composite")  # the note travels as base64
    assert EMAIL.encode() not in queued.requests[0].body
    w.pushes["queued"] = store.outbox.add(m4, queued)
    w.her_pushes.add(w.pushes["queued"])
    w.her_meetings.add(m4)

    # Finnish: she is only mentioned, with her address.
    _meeting(
        store,
        w,
        "palaveri",
        title="Projektipalaveri",
        participants=("Mikko Virtanen", "Aino Laine"),
        language="fi",
        lines=[
            ("Mikko Virtanen", f"Kari Nordmann lähetti sähköpostin osoitteesta {EMAIL}."),
            ("Aino Laine", "Mikko Virtasen mielestä aikataulu pitää."),
        ],
    )
    w.her_segments.add(w.lines["palaveri"][0])
    w.her_meetings.add(w.meetings["palaveri"])

    # English: her name in notes next to markup that must stay inert in the HTML export.
    _meeting(
        store,
        w,
        "weekly",
        title="Weekly sync",
        notes=SCRIPT_NOTE,
        language="en",
        lines=[("Ann Lee", "Anna and Annika will prepare the Annual report.")],
    )
    w.her_meetings.add(w.meetings["weekly"])

    # Danish and Lithuanian meetings with nothing of hers (near misses only).
    m3, _uid, _key, _ch = _meeting(
        store,
        w,
        "aarhus",
        title="Kundemøde Aarhus",
        notes="Søren sender tilbud til Karianne.",
        participants=("Søren Sørensen", "Mette Kjær"),
        language="da",
        lines=[
            ("Søren Sørensen", "Karianne fra Nordlys ringer i morgen."),
            ("Mette Kjær", "Ola Nordmann har sagt ja."),
        ],
    )
    _summary(store, m3, [SummaryItem(ItemKind.DECISION, "Søren sender tilbud")], text="Aftale.")
    _meeting(
        store,
        w,
        "vilnius",
        title="Susitikimas Vilniuje",
        participants=("Jonas Petraitis", "Jūratė Kazlauskienė"),
        language="lt",
        lines=[("Jūratė Kazlauskienė", "Jūratė siųs pasiūlymą Kariui penktadienį.")],
    )

    # Exports: one of her meeting (it names her), one of a meeting without her.
    head = store.audit.head()
    w.exports["hers"] = store.exports.add(
        m1,
        "meeting",
        "md",
        "/home/siri/Nordlys pilot.md",
        b"# Nordlys pilot\n\n**Kari Nordmann:** Vi starter piloten i mars.\n",
        head,
    )
    w.exports["other"] = store.exports.add(
        m3,
        "meeting",
        "md",
        "/home/siri/Kundemøde Aarhus.md",
        "# Kundemøde Aarhus\n\nKarianne ringer.\n".encode(),
        head,
    )
    w.her_exports.add(w.exports["hers"])
    return w
