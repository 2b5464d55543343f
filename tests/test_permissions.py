"""Every rule of `resolvers.permissions`, from the forbidden side first: who is refused, with the
message the client reads, then who is allowed. The API tests show the same rules through HTTP;
these pin each rule down on its own (they are pure functions of the viewer and the facts)."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable

import pytest

from graph.errors import Forbidden
from resolvers import permissions
from resolvers.identity import Viewer

EMPLOYEE = Viewer("P-1")
OTHER = Viewer("P-2")
HR = Viewer("P-9", frozenset({"employee", "hr"}))
ADMIN = Viewer("P-0", frozenset({"employee", "admin"}))

APPLICATION = {
    "id": "A-1",
    "person": {"id": "P-1"},
    "owner_id": "P-3",
    "approver_id": "P-4",
    "escalated_from_id": "P-5",
}

# rule, the call refused, its message, calls allowed
REQUIRE: list[tuple[str, Callable[[Viewer], None], Viewer, str, list[Viewer]]] = [
    (
        "require_active_person",
        lambda v: permissions.require_active_person(
            v, {"active": v.person_id != "P-2"} if v.person_id != "P-0" else None
        ),
        OTHER,
        "'P-2' is not an active person of the organisation",
        [EMPLOYEE, HR],
    ),
    (
        "require_profile_editor",
        lambda v: permissions.require_profile_editor(v, "P-1"),
        OTHER,
        "you may only edit your own profile",
        [EMPLOYEE, ADMIN],
    ),
    (
        "require_gig_owner",
        lambda v: permissions.require_gig_owner(v, "P-1"),
        HR,
        "only the gig's owner may change it",
        [EMPLOYEE, ADMIN],
    ),
    (
        "require_admin",
        lambda v: permissions.require_admin(v, "change the taxonomy"),
        HR,
        "only admins may change the taxonomy",
        [ADMIN],
    ),
    (
        "require_candidate_reader",
        lambda v: permissions.require_candidate_reader(v, "P-1"),
        OTHER,
        "only the gig's owner and HR see its candidates",
        [EMPLOYEE, HR, ADMIN],
    ),
    (
        "require_recommendation_reader",
        lambda v: permissions.require_recommendation_reader(v, "P-1"),
        OTHER,
        "only the person themselves and HR see their gig recommendations",
        [EMPLOYEE, HR],
    ),
    (
        "require_analyst",
        lambda v: permissions.require_analyst(v),
        EMPLOYEE,
        "analytics are for the hr and admin roles",
        [HR, ADMIN],
    ),
    (
        "require_application_actor",
        lambda v: permissions.require_application_actor(v, APPLICATION, "applicant", "withdraw"),
        Viewer("P-3"),
        "only the applicant may withdraw",
        [EMPLOYEE],
    ),
    (
        "require_application_actor",
        lambda v: permissions.require_application_actor(v, APPLICATION, "owner", "shortlist"),
        EMPLOYEE,
        "only the gig's owner may change it",
        [Viewer("P-3"), ADMIN],
    ),
    (
        "require_approver",
        lambda v: permissions.require_approver(v, APPLICATION),
        HR,
        "application 'A-1' is not yours to approve",
        [Viewer("P-4")],
    ),
    (
        "require_overdue_processor",
        lambda v: permissions.require_overdue_processor(v),
        EMPLOYEE,
        "only HR or admins may process overdue approvals",
        [HR, ADMIN],
    ),
    (
        "require_engagement_canceller",
        lambda v: permissions.require_engagement_canceller(v, "P-1", "P-3"),
        HR,
        "only the gig's owner or the helper may cancel an engagement",
        [EMPLOYEE, Viewer("P-3"), ADMIN],
    ),
    (
        "require_helper",
        lambda v: permissions.require_helper(v, "P-1"),
        ADMIN,
        "only the person who worked on the gig may give this feedback",
        [EMPLOYEE],
    ),
    (
        "require_round_opener",
        lambda v: permissions.require_round_opener(v),
        EMPLOYEE,
        "only HR or admins may open survey rounds",
        [HR, ADMIN],
    ),
    (
        "require_person_audit_reader",
        lambda v: permissions.require_person_audit_reader(v, "P-1"),
        OTHER,
        "only the person and HR may read their audit trail",
        [EMPLOYEE, HR],
    ),
]


@pytest.mark.parametrize(
    ("rule", "check", "refused", "message", "allowed"),
    REQUIRE,
    ids=[f"{row[0]}-{index}" for index, row in enumerate(REQUIRE)],
)
def test_a_require_rule_refuses_with_its_message_and_lets_the_allowed_through(
    rule: str,
    check: Callable[[Viewer], None],
    refused: Viewer,
    message: str,
    allowed: list[Viewer],
) -> None:
    with pytest.raises(Forbidden) as refusal:
        check(refused)
    assert refusal.value.message == message
    for viewer in allowed:
        check(viewer)


def test_only_colleagues_on_the_gig_may_endorse() -> None:
    with pytest.raises(Forbidden, match="only colleagues who worked on the gig may endorse"):
        permissions.require_colleague_on_gig(False)
    permissions.require_colleague_on_gig(True)


def test_only_members_and_hr_post_gigs_for_a_department() -> None:
    message = "only the department's members and HR may post gigs for it"
    with pytest.raises(Forbidden, match=message):
        permissions.require_department_poster(EMPLOYEE, False)
    permissions.require_department_poster(EMPLOYEE, True)
    permissions.require_department_poster(HR, False)
    assert not permissions.posts_for_every_department(EMPLOYEE)
    assert permissions.posts_for_every_department(HR)
    assert permissions.posts_for_every_department(ADMIN)


def test_private_aspirations_are_hidden_from_colleagues_but_not_the_manager_or_hr() -> None:
    assert not permissions.sees_private_aspirations(OTHER, "P-1", "P-5")
    assert permissions.sees_private_aspirations(EMPLOYEE, "P-1", "P-5")
    assert permissions.sees_private_aspirations(Viewer("P-5"), "P-1", "P-5")
    assert permissions.sees_private_aspirations(HR, "P-1", None)


def test_feedback_on_a_helper_is_for_them_their_manager_and_hr() -> None:
    assert not permissions.sees_engagement_feedback(OTHER, "P-1", "P-4")
    assert permissions.sees_engagement_feedback(EMPLOYEE, "P-1", "P-4")
    assert permissions.sees_engagement_feedback(Viewer("P-4"), "P-1", "P-4")
    assert permissions.sees_engagement_feedback(HR, "P-1", None)


def test_a_draft_gig_is_hidden_from_everyone_but_its_owner_and_hr() -> None:
    assert not permissions.sees_gig(OTHER, "draft", "P-1")
    assert not permissions.sees_all_drafts(OTHER)
    assert permissions.sees_gig(EMPLOYEE, "draft", "P-1")
    assert permissions.sees_gig(HR, "draft", "P-1")
    assert permissions.sees_all_drafts(HR)
    assert permissions.sees_gig(OTHER, "open", "P-1")
    assert not permissions.sees_gig(OTHER, "cancelled", "P-1", None)
    assert permissions.sees_gig(OTHER, "cancelled", "P-1", "2026-11-01T09:00:00Z")
    assert permissions.sees_gig(EMPLOYEE, "cancelled", "P-1", None)


def test_an_application_is_hidden_from_colleagues_and_unasked_managers() -> None:
    assert not permissions.sees_application(OTHER, APPLICATION)
    for person_id in ("P-1", "P-3", "P-4", "P-5"):
        assert permissions.sees_application(Viewer(person_id), APPLICATION)
    assert permissions.sees_application(HR, APPLICATION)


def test_only_hr_reads_every_audit_trail() -> None:
    assert not permissions.reads_every_audit_trail(EMPLOYEE)
    assert permissions.reads_every_audit_trail(HR)
    assert permissions.reads_every_audit_trail(ADMIN)


def test_only_the_helper_and_the_owner_tell_a_gigs_story_each_their_side() -> None:
    for viewer in (HR, ADMIN, OTHER):
        with pytest.raises(Forbidden, match="only the helper and the owner tell the story"):
            permissions.require_storyteller(viewer, "P-1", "P-3")
    assert permissions.require_storyteller(EMPLOYEE, "P-1", "P-3") == "helper"
    assert permissions.require_storyteller(Viewer("P-3"), "P-1", "P-3") == "owner"


def test_only_hr_reads_every_unpublished_story() -> None:
    assert not permissions.reads_every_story(EMPLOYEE)
    assert permissions.reads_every_story(HR)
    assert permissions.reads_every_story(ADMIN)


def test_every_rule_of_the_module_is_tested_here() -> None:
    rules = {
        name
        for name, value in inspect.getmembers(permissions, inspect.isfunction)
        if value.__module__ == permissions.__name__
    }
    source = inspect.getsource(sys.modules[__name__])
    untested = {rule for rule in rules if f"permissions.{rule}(" not in source}
    assert not untested, f"rules without a test: {sorted(untested)}"
