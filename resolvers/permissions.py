"""Who may do what. Every rule is one function, so the API and its tests name the same rules.

- Everyone signed in reads the directory: people, departments, skills, gigs.
- A person edits only their own profile, skills and aspirations (admins may edit anyone's).
- Private aspirations are seen by the person, their direct manager, HR and admins.
- Only a gig's owner (or an admin) edits, publishes or cancels it.
- Only admins change the taxonomy.
"""

from __future__ import annotations

from graph.errors import Forbidden
from service.auth import Viewer


def require_profile_editor(viewer: Viewer, person_id: str) -> None:
    if viewer.person_id != person_id and not viewer.is_admin:
        raise Forbidden("you may only edit your own profile")


def sees_private_aspirations(viewer: Viewer, person_id: str, manager_id: str | None) -> bool:
    return viewer.is_hr or viewer.person_id in (person_id, manager_id)


def require_gig_owner(viewer: Viewer, owner_id: str) -> None:
    if viewer.person_id != owner_id and not viewer.is_admin:
        raise Forbidden("only the gig's owner may change it")


def require_admin(viewer: Viewer, action: str) -> None:
    if not viewer.is_admin:
        raise Forbidden(f"only admins may {action}")


def require_hr(viewer: Viewer, action: str) -> None:
    if not viewer.is_hr:
        raise Forbidden(f"only hr and admins may {action}")
