"""A request's progress along its route, as the request page and the API show it.

Each stage is `done`, `current`, `pending`, `stopped` or `not_reached`.
Before signing the route is the one the form would take, all pending; a
completed form has every stage done; a returned form keeps the stages it
passed as done and has no current stage. A rejected or withdrawn form is over:
the stage it ended at is `stopped`, the stages after it `not_reached`. Only
the current stage names who holds it now (members at work, deputies of those
away) and its due date.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.utils.translation import gettext

from rollkoll.requests import selectors
from rollkoll.requests.models import AccessRequest, RequestStatus

ON_A_STAGE = (RequestStatus.IN_REVIEW, RequestStatus.WAITING_FOR_TRAINING)


class StageStatus(StrEnum):
    DONE = "done"
    CURRENT = "current"
    PENDING = "pending"
    STOPPED = "stopped"
    NOT_REACHED = "not_reached"


CLOSED = (RequestStatus.REJECTED, RequestStatus.WITHDRAWN)


def stage_status(request: AccessRequest, position: int) -> StageStatus:
    if request.status == RequestStatus.COMPLETED:
        return StageStatus.DONE
    if request.status in CLOSED and (request.stage is None or position >= request.stage):
        return StageStatus.STOPPED if position == request.stage else StageStatus.NOT_REACHED
    if request.stage is None or position > request.stage:
        return StageStatus.PENDING
    if position < request.stage:
        return StageStatus.DONE
    return StageStatus.CURRENT if request.status in ON_A_STAGE else StageStatus.PENDING


def stage_rows(request: AccessRequest) -> list[dict[str, Any]]:
    """One row per stage of the request's route, in order.

    Stage names are data; those the catalog is installed with have translations.
    """
    rows = []
    for stage in selectors.stages_of(selectors.request_route(request)):
        status = stage_status(request, stage.position)
        current = status is StageStatus.CURRENT
        holders = selectors.holders_now(request) if current else []
        rows.append(
            {
                "position": stage.position,
                "name": gettext(stage.name),
                "approver_group": stage.approver_group,
                "status": status.value,
                "holders": [
                    {
                        "name": holder.name,
                        "deputy_for": holder.deputy_for.full_name if holder.deputy_for else None,
                    }
                    for holder in holders
                ],
                "due": selectors.stage_due(request) if current else None,
            }
        )
    return rows
