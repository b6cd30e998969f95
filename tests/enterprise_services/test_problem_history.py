"""The append-only history of a problem and its hash chain: every kind of tampering is detected."""

import dataclasses
import datetime as dt
import hashlib
import json

import pytest

from gaodi.errors import ConflictError
from gaodi.problems.desk import ProblemDesk, ProblemSubmission
from gaodi.problems.events import CHINA_TZ, GENESIS_HASH, compute_hash, verify_history
from gaodi.problems.repository import InMemoryProblemRepository


def closed_history():
    desk = ProblemDesk(InMemoryProblemRepository())
    t = lambda d: dt.datetime(2026, 3, d, 9, tzinfo=CHINA_TZ)
    sub = ProblemSubmission(uscc="91430100MA4L16JQ9D", title="融资难", description="缺少抵押物", category="融资")
    desk.submit(sub, actor="企业", problem_id="P9", at=t(2))
    desk.accept("P9", actor="专员", at=t(3))
    desk.assign("P9", department="市金融办", deadline_workdays=5, actor="专员", at=t(3))
    desk.start("P9", actor="金融办", at=t(4))
    desk.reply("P9", reply="已对接银行", actor="金融办", at=t(6))
    desk.close("P9", satisfaction=4, actor="企业", at=t(9))
    return desk, desk.history("P9")


def kinds(check):
    return {i.kind for i in check.issues}


def test_untouched_history_verifies_and_its_hash_is_sha256_of_the_canonical_fields():
    _, events = closed_history()
    check = verify_history(events, expected_head=events[-1].hash)
    assert check.ok and check.events == 6 and events[0].prev_hash == GENESIS_HASH
    first = events[0]
    fields = {k: v for k, v in first.as_dict().items() if k not in ("hash", "payload")}
    fields["payload_json"] = first.payload_json
    text = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert first.hash == hashlib.sha256(text.encode()).hexdigest()


def test_changing_a_field_without_rehashing_is_detected_as_altered():
    _, events = closed_history()
    forged = dataclasses.replace(events[5], payload_json='{"satisfaction":5}')
    check = verify_history(events[:5] + [forged])
    assert kinds(check) == {"altered"} and check.issues[0].seq == 6


def test_rehashing_a_forged_event_breaks_the_link_of_the_next_one():
    _, events = closed_history()
    forged = dataclasses.replace(events[4], actor="别人")
    forged = dataclasses.replace(forged, hash=compute_hash(forged))
    check = verify_history(events[:4] + [forged] + events[5:])
    assert kinds(check) == {"broken_link"} and check.issues[0].seq == 6


def test_deleting_an_event_in_the_middle_is_detected():
    _, events = closed_history()
    check = verify_history(events[:3] + events[4:])
    assert {"sequence", "broken_link", "state_gap"} <= kinds(check)


def test_reordering_events_is_detected():
    _, events = closed_history()
    check = verify_history([events[0], events[2], events[1]] + events[3:])
    assert {"sequence", "broken_link"} <= kinds(check)


def test_cutting_off_the_tail_is_detected_only_against_a_recorded_head():
    _, events = closed_history()
    assert verify_history(events[:4]).ok
    assert kinds(verify_history(events[:4], expected_head=events[-1].hash)) == {"head_mismatch"}


def test_repository_refuses_an_event_that_does_not_extend_the_history():
    desk, events = closed_history()
    with pytest.raises(ConflictError):
        desk.repository.append_event(events[3])  # replay of an old event
    stale = dataclasses.replace(events[5], seq=7)
    with pytest.raises(ConflictError):
        desk.repository.append_event(stale)
    assert desk.history("P9") == events
