"""Find, export and erase one person's data in a real store, against a hand-built ground truth."""

from __future__ import annotations

import json
import stat

import pytest
from tests.harness import person_world
from tests.harness.person_world import EMAIL, NAME, PERSON

from minuta.app.person_crm import plan_mentions
from minuta.app.person_data import (
    ErasureReport,
    erase_person,
    export_person,
    find_person,
    save_person_export,
)
from minuta.core.audit import AuditKind
from minuta.core.person import PersonQuery
from minuta.store.outbox import plan_from_json
from minuta.store.speakers import SpeakerRepository


@pytest.fixture
def world(store):
    return person_world.build(store)


def ids(report):
    return {
        "meetings": {m.id for m in report.meetings},
        "segments": {s.id for s in report.segments},
        "items": {(i.summary_id, i.index) for i in report.summary_items},
        "texts": {(t.summary_id, t.field) for t in report.summary_texts},
        "pushes": {p.id for p in report.pushes},
        "exports": {e.id for e in report.exports},
    }


def truth(w):
    return {
        "meetings": w.her_meetings,
        "segments": w.her_segments,
        "items": w.her_items,
        "texts": w.her_texts,
        "pushes": w.her_pushes,
        "exports": w.her_exports,
    }


@pytest.mark.parametrize("typed", [PERSON, NAME, EMAIL, "KARI NORDMANN", "kari nordmann"])
def test_find_finds_exactly_her_data_by_name_or_address(store, world, typed):
    report = find_person(store, typed)
    assert ids(report) == truth(world)
    # A name alone picks up her address from the participant lists, and the reverse.
    assert report.query.name.casefold() == NAME.casefold() or report.query.name == NAME
    assert report.query.email == EMAIL
    spoken = {s.id for s in report.segments if s.spoken}
    assert spoken == world.her_spoken
    m4 = next(m for m in report.meetings if m.id == world.meetings["avstamning"])
    assert m4.consent is not None and m4.consent.informed == (PERSON,)
    assert [h.label for h in m4.highlights] == ["Karis budgetfråga"]
    assert {s.speaker_id for s in report.speakers if s.speaker_id} == {world.speakers["kari"]}


def test_the_same_first_name_with_another_surname_is_another_person(store, world):
    hansen = find_person(store, "Kari Hansen")
    assert {m.id for m in hansen.meetings} == {world.meetings["fjordkraft"]}
    # Her meeting: the line naming her, the line she said (about Kari Nordmann), and
    # "Bra, Kari." (there, Kari is Kari Hansen). Nothing of Kari Nordmann's elsewhere.
    assert {s.id for s in hansen.segments} == set(world.lines["fjordkraft"])
    assert {p.id for p in hansen.pushes} == {world.pushes["other"]}
    assert {(i.summary_id, i.index) for i in hansen.summary_items} == {
        (world.summaries["fjordkraft"], 1)
    }
    assert find_person(store, "Karianne Berg").is_empty


def test_crm_follow_up_lists_the_records_made_with_her_data(store, world):
    report = find_person(store, PERSON)
    records = {(r.push_id, r.what, r.remote_id, r.url) for r in report.crm_records}
    sent = world.pushes["sent"]
    assert records == {
        (sent, "Meeting note", "00UD0000005Nq1aMAC", f"{person_world.SF_WEB}/00UD0000005Nq1aMAC"),
        (
            sent,
            "Task: Send bestillingsskjemaet til Kari",
            "00TD000000A7x2bMAC",
            f"{person_world.SF_WEB}/00TD000000A7x2bMAC",
        ),
        (
            sent,
            "Linked person record",
            person_world.CONTACT_ID,
            f"{person_world.SF_WEB}/003D000000QV9n2IAD",
        ),
    }
    queued = next(p for p in report.pushes if p.id == world.pushes["queued"])
    assert (queued.state, queued.sent_any, queued.records) == ("queued", False, ())


def test_export_holds_everything_of_hers_and_nothing_else(store, world):
    report = find_person(store, NAME)
    export = export_person(store, report, destination="test")
    doc = json.loads(export.json_bytes)
    assert (doc["format"], doc["version"]) == ("minuta-person-export", 1)
    assert {m["id"] for m in doc["meetings"]} == world.her_meetings
    assert {s["id"] for s in doc["segments"]} == world.her_segments
    assert {(i["summary_id"], i["index"]) for i in doc["summary_items"]} == world.her_items
    assert {(t["summary_id"], t["field"]) for t in doc["summary_texts"]} == world.her_texts
    assert {c["push_id"] for c in doc["crm_records"]} == {world.pushes["sent"]}
    assert {e["id"] for e in doc["exports"]} == world.her_exports
    # Only her entries of the meetings' lists, her lines of the notes.
    m1 = next(m for m in doc["meetings"] if m["id"] == world.meetings["nordlys"])
    assert m1["participants"] == [PERSON]
    m2 = next(m for m in doc["meetings"] if m["id"] == world.meetings["fjordkraft"])
    assert m2["notes"] == ["Følg opp Kari Nordmanns tilbud."]
    text = export.json_bytes.decode()
    for other in ("Kari Hansen tar budsjettet", "Karin fra økonomi", "Ola Nordmann", "Karianne"):
        assert other not in text
    # Audit: counts and a hash of the query; the head after that event is in both files.
    (event,) = store.audit.events(kinds=[AuditKind.PERSON_EXPORTED])
    assert event.detail == {
        "query_sha256": report.query.sha256,
        "meetings": len(world.her_meetings),
        "segments": len(world.her_segments),
    }
    assert doc["audit_head"] == event.hash == store.audit.head()
    assert event.hash.encode() in export.html_bytes
    logged = [e for e in store.exports.list() if e.kind == "person"]
    assert sorted(e.format for e in logged) == ["html", "json"]


def test_html_export_is_escaped_and_self_contained(store, world):
    export = export_person(store, find_person(store, NAME))
    page = export.html_bytes.decode()
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&#x27;Kari&#x27;)&lt;/script&gt;" in page
    assert "&lt;b&gt;rabatten&lt;/b&gt;" in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "src=" not in page and "@import" not in page and "url(" not in page
    assert f'href="{person_world.SF_WEB}/00UD0000005Nq1aMAC"' in page


def test_saved_export_files_are_private_and_then_found_as_exports(store, world, tmp_path):
    report = find_person(store, NAME)
    json_path, html_path = save_person_export(store, report, tmp_path)
    assert (json_path.name, html_path.name) == (
        "person-kari-nordmann.json",
        "person-kari-nordmann.html",
    )
    for path in (json_path, html_path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = find_person(store, NAME)
    assert len(again.exports) == len(world.her_exports) + 2


def _snapshot(store, meeting_id):
    meeting = store.meetings.get(meeting_id)
    return (
        meeting.title,
        meeting.notes,
        meeting.participants,
        [(s.id, s.speaker, s.text) for s in store.meetings.segments(meeting_id)],
        store.summaries.latest(meeting_id),
    )


def test_erase_removes_her_everywhere_and_leaves_everyone_else(store, world):
    untouched = {key: _snapshot(store, world.meetings[key]) for key in ("aarhus", "vilnius")}
    fjord = world.lines["fjordkraft"]
    other_plan = store.outbox.get(world.pushes["other"]).plan
    sent_digest = store.db.query_one(
        "SELECT digest FROM crm_pushes WHERE id = ?", (world.pushes["sent"],)
    )[0]

    report = find_person(store, NAME)
    result = erase_person(store, report, mode="erase")

    assert isinstance(result, ErasureReport)
    assert result.segments_deleted == len(world.her_spoken)
    assert result.pushes_withdrawn == (world.pushes["queued"],)
    assert result.pushes_partly_sent == ()
    assert {r.remote_id for r in result.follow_up} == {
        "00UD0000005Nq1aMAC",
        "00TD000000A7x2bMAC",
        person_world.CONTACT_ID,
    }
    for typed in (NAME, EMAIL, PERSON):
        assert find_person(store, typed).is_empty, typed
    for words in (NAME, EMAIL, '"kari nordmann"', "Kari Nordmanns"):
        assert store.search.search(words) == [], words
    # "Nordmann" alone still finds Ola Nordmann, who is someone else.
    assert {h.snippet for h in store.search.search("Nordmann")} == {
        "Følg opp [erased] tilbud.\nOla Nordmann har ferie i uke 48.",
        "Ola Nordmann har sagt ja.",
    }

    # Her own lines are gone; lines about her are redacted; others' lines stay.
    m1 = world.meetings["nordlys"]
    texts = {s.id: s.text for s in store.meetings.segments(m1)}
    assert not set(texts) & world.her_spoken
    assert (
        texts[world.lines["nordlys"][0]]
        == "Takk for at du kom, [erased]. La oss planlegge piloten."
    )
    assert texts[world.lines["nordlys"][4]] == "Karin fra økonomi blir med neste gang."
    assert store.meetings.get(m1).participants == ("Siri Selger",)
    summary = store.summaries.latest(m1)
    assert summary.items[0].evidence == ()  # its quote was her own words
    assert summary.items[1].text == "Send bestillingsskjemaet til [erased]"
    assert summary.email.body.startswith("Hei [erased],")

    m2 = store.meetings.get(world.meetings["fjordkraft"])
    assert m2.participants == ("Ola Hansen", "Kari Hansen <kari.hansen@fjordkraft.no>")
    assert m2.notes == "Følg opp [erased] tilbud.\nOla Nordmann har ferie i uke 48."
    lines = {s.id: s.text for s in store.meetings.segments(m2.id)}
    assert lines[fjord[0]] == "Kari Hansen tar budsjettet."
    assert lines[fjord[1]] == "Jeg snakket med [erased] i går om prisene."
    assert lines[fjord[2]] == "Bra, Kari."

    m4 = world.meetings["avstamning"]
    assert store.meetings.get(m4).title == "Avstämning med [erased]"
    speakers = SpeakerRepository(store.db)
    assert speakers.get(world.speakers["kari"]).name is None
    assert speakers.sealed_embedding(world.speakers["kari"]) is None
    assert speakers.get(world.speakers["lina"]).name == "Lina Öhman"
    consent = store.db.query_one(
        "SELECT informed, note FROM meeting_consent WHERE meeting_id = ?", (m4,)
    )
    assert json.loads(consent[0]) == ["Lina Öhman", "[erased]"]
    assert consent[1] == "[erased] bad om kopia."
    labels = [r[0] for r in store.db.query_all("SELECT label FROM highlights ORDER BY t_s")]
    assert labels == ["[erased] budgetfråga", "Linas offert"]

    # CRM: the sent push's stored copy is redacted, its digest kept; the queued one withdrawn.
    sent = store.db.query_one(
        "SELECT plan, digest FROM crm_pushes WHERE id = ?", (world.pushes["sent"],)
    )
    query = PersonQuery.from_text(PERSON).in_context({"siri", "selger"})
    assert not plan_mentions(query, plan_from_json(sent[0]))
    assert sent[1] == sent_digest
    assert store.outbox.get(world.pushes["queued"]).state.value == "cancelled"
    assert store.outbox.get(world.pushes["other"]).plan == other_plan

    # Exports of her data are gone; the other one stays.
    assert {e.id for e in store.exports.list()} == {world.exports["other"]}
    for key, before in untouched.items():
        assert _snapshot(store, world.meetings[key]) == before

    # The audit log says what was done, with counts and a hash, never the name.
    (event,) = store.audit.events(kinds=[AuditKind.PERSON_ERASED])
    assert event.detail["query_sha256"] == report.query.sha256
    assert event.detail["mode"] == "erase"
    assert event.detail["segments_deleted"] == len(world.her_spoken)
    log = json.dumps([e.detail for e in store.audit.events()], ensure_ascii=False).casefold()
    assert "kari" not in log and "nordmann" not in log and "nordlys.no" not in log
    assert store.audit.verify().ok


def test_redact_keeps_her_lines_with_the_speaker_anonymised(store, world):
    result = erase_person(store, find_person(store, PERSON), mode="redact")
    assert result.segments_deleted == 0
    m1 = world.meetings["nordlys"]
    segments = {s.id: s for s in store.meetings.segments(m1)}
    spoken = segments[world.lines["nordlys"][1]]
    assert (spoken.speaker, spoken.text) == ("[redacted]", "Vi starter piloten i mars.")
    assert store.meetings.get(m1).participants == ("Siri Selger", "[redacted]")
    m4 = store.meetings.segments(world.meetings["avstamning"])
    assert m4[0].text == "Vi behöver offerten före fredag." and m4[0].speaker == "Speaker 1"
    summary = store.summaries.latest(m1)
    assert summary.items[0].evidence[0].quote == "Vi starter piloten i mars"
    assert find_person(store, PERSON).is_empty


def test_a_name_that_is_the_replacement_is_refused(store, world):
    report = find_person(store, "Erased")
    with pytest.raises(ValueError, match="replaces"):
        erase_person(store, report)


def test_erasing_someone_with_no_data_changes_nothing_but_the_log(store, world):
    before = {key: _snapshot(store, mid) for key, mid in world.meetings.items()}
    report = find_person(store, "Pekka Korhonen")
    assert report.is_empty
    erase_person(store, report)
    assert {key: _snapshot(store, mid) for key, mid in world.meetings.items()} == before
    assert len(store.audit.events(kinds=[AuditKind.PERSON_ERASED])) == 1


def test_erase_can_delete_the_audio_of_meetings_she_spoke_in(store, world):
    import numpy as np
    from tests.harness.meetings import add_channel_audio

    from minuta.core.models import ChannelKind

    m4 = world.meetings["avstamning"]
    uid = store.meetings.get(m4).uid
    key = store.meeting_key(m4, uid)
    store.paths.meeting_audio_dir(uid).mkdir(parents=True, exist_ok=True)
    with store.db.transaction():
        add_channel_audio(store, m4, uid, key, ChannelKind.SYSTEM, np.zeros(16_000, np.float32))
    (record,) = store.meetings.audio_files(m4)
    assert store.audio_path(uid, record.file_uid).exists()

    result = erase_person(store, find_person(store, NAME), delete_audio=True)

    assert set(result.audio_deleted) == {world.meetings["nordlys"], m4}
    assert store.meetings.audio_files(m4) == []
    assert not store.audio_path(uid, record.file_uid).exists()
    assert store.meetings.audio_files(world.meetings["aarhus"]) == []  # had none; untouched
    assert result.notes == ()


def test_a_word_export_naming_her_is_found_and_erased(store, world):
    from minuta.app.export_docx import to_docx

    m2 = world.meetings["fjordkraft"]
    meeting = store.meetings.get(m2)
    payload = to_docx(meeting, store.meetings.segments(m2))
    assert NAME.encode() not in payload  # compressed: only the text inside finds her
    docx = store.exports.add(m2, "meeting", "docx", "/home/siri/Fjordkraft.docx", payload, "0" * 64)
    plain = store.exports.add(
        m2, "meeting", "docx", "/home/siri/Aarhus.docx",
        to_docx(store.meetings.get(world.meetings["aarhus"]), []), "0" * 64,
    )  # fmt: skip
    found = {e.id for e in find_person(store, NAME).exports}
    assert docx in found and plain not in found
    erase_person(store, find_person(store, NAME))
    assert {e.id for e in store.exports.list()} == {world.exports["other"], plain}
