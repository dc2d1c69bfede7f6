"""The work lists as text or JSON, for `safeguard work`: the same selectors the pages use.

Without a team: the service view (counts per team). With a team: the team view (counts per
worker, unallocated children) and every item with its explanation. Children are named by their
LA child id, never by name, so the output can be kept in logs; a worker's own item (supervision)
has no child ("(worker)" in the table, null in JSON).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from safeguard.core.timescales import WorkItem, format_day
from safeguard.web.casework.models import Person
from safeguard.web.timescales import selectors
from safeguard.web.workforce.models import Staff, Team


class UnknownTeam(LookupError):
    pass


def find_team(name: str) -> Team:
    """The team called `name` (case-insensitive); UnknownTeam lists the choices."""
    team = Team.objects.filter(name__iexact=name.strip()).first()
    if team is None:
        names = ", ".join(Team.objects.order_by("name").values_list("name", flat=True))
        raise UnknownTeam(f"No team called {name!r}. Teams: {names or 'none'}")
    return team


def _item(item: WorkItem, la_ids: dict[int, str], staff: dict[int, str]) -> dict[str, Any]:
    return {
        "child": None if item.child_id is None else la_ids.get(item.child_id, str(item.child_id)),
        "rule": item.rule_id,
        "title": item.title,
        "due": item.due.isoformat(),
        "status": item.status.value,
        "done_on": item.done_on.isoformat() if item.done_on else None,
        "worker": staff.get(item.worker_id, "") if item.worker_id else "",
        "statutory": item.statutory,
        "source": item.source,
        "explanation": item.explanation,
        "late_reason": item.late_reason,
        "action": item.action,
    }


def work_report(*, as_at: date, team_name: str | None, output_format: str) -> str:
    """The service view, or the named team's view, as "table" or "json" text."""
    if team_name is None:
        rows = selectors.work_for_service(as_at=as_at)
        if output_format == "json":
            return json.dumps(
                {
                    "as_at": as_at.isoformat(),
                    "teams": [
                        {
                            "team": r.team.name,
                            "overdue": r.overdue,
                            "due_soon": r.due_soon,
                            "due": r.due,
                            "done_late": r.done_late,
                            "unallocated": r.unallocated,
                        }
                        for r in rows
                    ],
                },
                indent=2,
            )
        lines = [
            f"Work across the service on {format_day(as_at)}",
            "",
            f"{'Team':<40} {'Overdue':>8} {'Due soon':>9} {'Due':>6} {'Done late':>10} "
            f"{'Unallocated':>12}",
        ]
        for r in rows:
            lines.append(
                f"{r.team.name[:40]:<40} {r.overdue:>8} {r.due_soon:>9} {r.due:>6} "
                f"{r.done_late:>10} {r.unallocated:>12}"
            )
        return "\n".join(lines)
    team = find_team(team_name)
    work = selectors.work_for_team(team, as_at=as_at)
    child_ids = {i.child_id for i in work.items if i.child_id is not None}
    la_ids = dict(Person.objects.filter(pk__in=child_ids).values_list("id", "la_person_id"))
    staff = {
        s.pk: s.full_name
        for s in Staff.objects.filter(pk__in={i.worker_id for i in work.items if i.worker_id})
    }
    if output_format == "json":
        return json.dumps(
            {
                "as_at": as_at.isoformat(),
                "team": team.name,
                "workers": [
                    {
                        "worker": r.staff.full_name,
                        "overdue": r.overdue,
                        "due_soon": r.due_soon,
                        "due": r.due,
                        "done_late": r.done_late,
                    }
                    for r in work.rows
                ],
                "unallocated": [p.la_person_id for p in work.unallocated],
                "items": [_item(i, la_ids, staff) for i in work.items],
            },
            indent=2,
        )
    lines = [
        f"{team.name}: work on {format_day(as_at)}",
        "",
        f"{'Worker':<30} {'Overdue':>8} {'Due soon':>9} {'Due':>6} {'Done late':>10}",
    ]
    for r in work.rows:
        lines.append(
            f"{r.staff.full_name[:30]:<30} {r.overdue:>8} {r.due_soon:>9} {r.due:>6} "
            f"{r.done_late:>10}"
        )
    lines += ["", f"Unallocated children: {len(work.unallocated)}"]
    lines += [f"  {p.la_person_id}" for p in work.unallocated]
    lines += ["", "Items (overdue first):"]
    rank = {"overdue": 0, "due_soon": 1, "due": 2, "done_late": 3, "done_on_time": 4}
    for item in sorted(work.items, key=lambda i: (rank[i.status.value], i.due, i.child_id or 0)):
        who = staff.get(item.worker_id, "unallocated") if item.worker_id else "unallocated"
        lines.append(
            f"  {item.status.label:<13} {la_ids.get(item.child_id or 0, '(worker)'):<12} {who:<24} "
            f"{item.explanation}"
            + (f" [late reason: {item.late_reason}]" if item.late_reason else "")
        )
    return "\n".join(lines)
