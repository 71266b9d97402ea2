"""Pages about requests: the read-only page that notifications link to."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from rollkoll.org.models import User
from rollkoll.requests import selectors
from rollkoll.requests.models import AccessRequest
from rollkoll.requests.progress import StageStatus, stage_rows

STAGE_LABELS = {
    StageStatus.DONE: _("Klart"),
    StageStatus.CURRENT: _("Pågår"),
    StageStatus.PENDING: _("Väntar"),
    StageStatus.STOPPED: _("Avbröts här"),
    StageStatus.NOT_REACHED: _("Nåddes inte"),
}

# The audit action of each act on a request (see `services._act.audit`).
ACT_LABELS = {
    "request_created": _("Skapad"),
    "request_edited": _("Ändrad"),
    "request_signed": _("Signerad"),
    "request_approved": _("Godkänd i steget"),
    "request_returned": _("Återskickad"),
    "request_rejected": _("Avslagen"),
    "request_withdrawn": _("Återtagen"),
    "request_carried_out": _("Genomförd"),
    "request_resumed": _("Återupptagen"),
    "request_stage_reminded": _("Påminnelse om handläggningstiden"),
    "request_training_overdue": _("Påminnelse om saknat kursresultat"),
}


@login_required
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One request the user may see: its facts, stages and history; 404 otherwise."""
    user: User = request.user  # type: ignore[assignment]
    form = get_object_or_404(
        AccessRequest.objects.visible_to(user)
        .select_related("person", "role")
        .prefetch_related("units"),
        pk=pk,
    )
    stages = [
        row | {"status_label": STAGE_LABELS[StageStatus(row["status"])]} for row in stage_rows(form)
    ]
    history = [
        {
            "event": event,
            "act": ACT_LABELS.get(event.action, event.action),
            "actor": selectors.actor_name(event),
            "reason": selectors.event_reason(event),
        }
        for event in selectors.history_of(form)
    ]
    context = {"form": form, "stages": stages, "history": history}
    return render(request, "requests/request_detail.html", context)
