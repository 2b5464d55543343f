"""Who may do what. Every rule is one function here, named for what it allows, so the API, its
tests (`tests/test_permissions.py`) and a reader name the same rules. A `require_…` rule raises
`Forbidden` (its message tells the client which rule refused); a `sees_…` rule answers whether
something is visible, for lists that leave out what the viewer may not see.

- Everyone signed in reads the directory: people, departments, skills, open gigs.
- A person edits only their own profile, skills and aspirations (admins may edit anyone's).
- Private aspirations are seen by the person, their direct manager, HR and admins.
- A gig is posted for a department by HR and by the people of its line: its members, members of
  a department inside it, and of a department it is inside.
- A draft gig is seen by its owner and HR; only its owner (or an admin) edits, publishes or
  cancels it, invites to it, completes its engagements.
- A gig's candidates are for its owner and HR; a person's gig recommendations for them and HR.
- Analytics are for HR; so is processing overdue approvals.
- An application is seen by the applicant, the gig's owner, HR, and the manager asked to approve
  it (also after an escalation past them); only its approver decides the approval.
- An engagement is cancelled by the gig's owner or the helper (or an admin); the gig feedback is
  the helper's; endorsements come from colleagues on the gig.
- A gig's audit trail is read by its owner and HR; a person's by them and HR.
- Only admins change the taxonomy and import organisations, and edit surveys.
- HR opens the quarter's survey rounds and reads the catalyst report (an analytics rule). Nobody
  reads an individual's survey answers: none is stored with its author.
- A story is told by the gig's helper and owner; unpublished it is read by them, their managers
  and HR, published by everyone.
"""

from __future__ import annotations

from typing import Literal

from graph.database import Row
from graph.errors import Forbidden
from graph.vocabulary import GigStatus
from resolvers.identity import Viewer

Actor = Literal["applicant", "owner"]
Side = Literal["helper", "owner"]


def require_active_person(viewer: Viewer, standing: Row | None) -> None:
    """Only an active person of the organisation uses the API: a token of someone the HRIS
    import marked inactive, or of an id that is no person at all, reads and changes nothing."""
    if standing is None or not standing["active"]:
        raise Forbidden(f"{viewer.person_id!r} is not an active person of the organisation")


def require_profile_editor(viewer: Viewer, person_id: str) -> None:
    if viewer.person_id != person_id and not viewer.is_admin:
        raise Forbidden("you may only edit your own profile")


def sees_private_aspirations(viewer: Viewer, person_id: str, manager_id: str | None) -> bool:
    return viewer.is_hr or viewer.person_id in (person_id, manager_id)


def sees_engagement_feedback(viewer: Viewer, person_id: str, manager_id: str | None) -> bool:
    """The owner's rating and written feedback about a helper: for the helper, their manager and
    HR, not for every colleague."""
    return viewer.is_hr or viewer.person_id in (person_id, manager_id)


def sees_gig(
    viewer: Viewer, status: str, owner_id: str | None, published_at: object = None
) -> bool:
    """Published gigs are for everyone; a draft, and a draft cancelled before it was ever
    published, for its owner and HR."""
    never_published = status == GigStatus.DRAFT or (
        status == GigStatus.CANCELLED and published_at is None
    )
    return not never_published or sees_all_drafts(viewer) or viewer.person_id == owner_id


def sees_all_drafts(viewer: Viewer) -> bool:
    return viewer.is_hr


def require_gig_owner(viewer: Viewer, owner_id: str) -> None:
    if viewer.person_id != owner_id and not viewer.is_admin:
        raise Forbidden("only the gig's owner may change it")


def posts_for_every_department(viewer: Viewer) -> bool:
    """HR posts for any department; anyone else for the departments of their own line (their
    own, those above and those inside it): a manager in Marketing does not post for Engineering."""
    return viewer.is_hr


def require_department_poster(viewer: Viewer, member: bool) -> None:
    if not member and not posts_for_every_department(viewer):
        raise Forbidden("only the department's members and HR may post gigs for it")


def require_admin(viewer: Viewer, action: str) -> None:
    if not viewer.is_admin:
        raise Forbidden(f"only admins may {action}")


def require_candidate_reader(viewer: Viewer, owner_id: str | None) -> None:
    """A gig's candidates (and the aspirations they show) are for its owner and for HR."""
    if not viewer.is_hr and viewer.person_id != owner_id:
        raise Forbidden("only the gig's owner and HR see its candidates")


def require_recommendation_reader(viewer: Viewer, person_id: str) -> None:
    if viewer.person_id != person_id and not viewer.is_hr:
        raise Forbidden("only the person themselves and HR see their gig recommendations")


def require_analyst(viewer: Viewer) -> None:
    if not viewer.is_hr:
        raise Forbidden("analytics are for the hr and admin roles")


def sees_application(viewer: Viewer, application: Row) -> bool:
    """Interest stays private: the applicant, the gig's owner and HR see an application; a
    manager only once asked to approve it (and still after an escalation past them)."""
    return viewer.is_hr or viewer.person_id in {
        application["person"]["id"],
        application.get("owner_id"),
        application.get("approver_id"),
        application.get("escalated_from_id"),
    }


def require_application_actor(viewer: Viewer, application: Row, actor: Actor, action: str) -> None:
    """The applicant's moves are theirs alone; the owner's moves are the gig owner's rule."""
    if actor == "applicant" and viewer.person_id != application["person"]["id"]:
        raise Forbidden(f"only the applicant may {action.replace('_', ' ')}")
    if actor == "owner":
        require_gig_owner(viewer, str(application.get("owner_id")))


def require_approver(viewer: Viewer, application: Row) -> None:
    if viewer.person_id != application.get("approver_id"):
        raise Forbidden(f"application {application['id']!r} is not yours to approve")


def require_overdue_processor(viewer: Viewer) -> None:
    if not viewer.is_hr:
        raise Forbidden("only HR or admins may process overdue approvals")


def require_engagement_canceller(viewer: Viewer, helper_id: str, owner_id: str | None) -> None:
    if viewer.person_id not in (helper_id, owner_id) and not viewer.is_admin:
        raise Forbidden("only the gig's owner or the helper may cancel an engagement")


def require_helper(viewer: Viewer, helper_id: str) -> None:
    """The gig feedback of an engagement is the helper's word."""
    if viewer.person_id != helper_id:
        raise Forbidden("only the person who worked on the gig may give this feedback")


def require_colleague_on_gig(endorser_on_gig: bool) -> None:
    """Only someone who worked on the gig vouches for what a fellow helper showed on it."""
    if not endorser_on_gig:
        raise Forbidden("only colleagues who worked on the gig may endorse")


def reads_every_audit_trail(viewer: Viewer) -> bool:
    """HR reads any audit trail; anyone else a gig's as its owner, or their own."""
    return viewer.is_hr


def require_person_audit_reader(viewer: Viewer, person_id: str) -> None:
    if person_id != viewer.person_id and not viewer.is_hr:
        raise Forbidden("only the person and HR may read their audit trail")


def require_round_opener(viewer: Viewer) -> None:
    """Opening a quarter's survey rounds invites everyone: HR's call (or cron's)."""
    if not viewer.is_hr:
        raise Forbidden("only HR or admins may open survey rounds")


def require_storyteller(viewer: Viewer, helper_id: str, owner_id: str) -> Side:
    """A gig's story is told by its helper and its owner, each their own side of it."""
    if viewer.person_id == helper_id:
        return "helper"
    if viewer.person_id == owner_id:
        return "owner"
    raise Forbidden("only the helper and the owner tell the story of their gig")


def reads_every_story(viewer: Viewer) -> bool:
    """HR reads unpublished stories too; anyone else those they are in or whose people they
    manage (and every published one)."""
    return viewer.is_hr
