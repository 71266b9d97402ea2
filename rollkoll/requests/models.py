"""Requests (behörighetsblanketter) and the signatures that cover them."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rollkoll.catalog.models import ApprovalRoute, Role
from rollkoll.org.models import (
    AppRole,
    AppRoleKind,
    Delegation,
    ManagerLink,
    Organisation,
    Person,
    Unit,
    User,
)
from rollkoll.register.models import Grant


class RequestKind(models.TextChoices):
    GRANT = "grant", _("Ny behörighet")
    CHANGE = "change", _("Ändrad behörighet")
    END = "end", _("Avslutad behörighet")
    MANAGER_LINK = "manager_link", _("Chefskoppling")


class RequestStatus(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    IN_REVIEW = "in_review", _("Under handläggning")
    RETURNED = "returned", _("Återskickad")
    REJECTED = "rejected", _("Avslagen")
    WITHDRAWN = "withdrawn", _("Återtagen")
    WAITING_FOR_TRAINING = "waiting_for_training", _("Väntar på utbildning")
    COMPLETED = "completed", _("Genomförd")


PENDING_STATUSES = (
    RequestStatus.DRAFT,
    RequestStatus.IN_REVIEW,
    RequestStatus.RETURNED,
    RequestStatus.WAITING_FOR_TRAINING,
)


class Signature(models.Model):
    """One signing act: a frozen canonical snapshot of one or more forms, and its hash.

    The snapshot names the signer and the capacity they signed in, because a
    Swedish e-signature is personal. A request points at the signature that
    covers it; an edit clears that pointer, and the signature stays as history.
    """

    signer = models.ForeignKey(User, on_delete=models.PROTECT, related_name="signatures")
    signer_person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    signer_name = models.CharField(_("undertecknare"), max_length=200)
    signer_capacity = models.CharField(_("i egenskap av"), max_length=300)
    method = models.CharField(_("metod"), max_length=40)
    signed_at = models.DateTimeField(_("undertecknad"))
    snapshot = models.TextField(_("undertecknad text"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        ordering = ["-signed_at"]
        verbose_name = _("underskrift")
        verbose_name_plural = _("underskrifter")

    def __str__(self) -> str:
        return f"{self.signer_name} {self.signed_at:%Y-%m-%d %H:%M}"


class AccessRequestQuerySet(models.QuerySet["AccessRequest"]):
    def visible_to(self, user: User) -> AccessRequestQuerySet:
        """Own requests, people and units in scope, the organisations coordinated,
        the forms the user signs or signed, and those at a stage the user holds."""
        scope = user.scope
        if scope.sees_everything:
            return self
        on_units = AccessRequest.units.through.objects.filter(scope.unit_filter("unit")).values(
            "accessrequest_id"
        )
        return self.filter(
            Q(requested_by=user)
            | scope.person_filter("person")
            | Q(organisation__in=scope.organisation_ids)
            | Q(pk__in=on_units)
            | Q(signature__signer=user)
            | _signed_below(scope.managed_unit_ids)
            | Q(pk__in=AccessRequest.objects.at_stage_held_by(user).values("pk"))
        )

    def at_stage_held_by(self, user: User, on: dt.date | None = None) -> AccessRequestQuerySet:
        """The requests under review at a stage the user holds on the date.

        As a member of the stage's approver group, or as the deputy of a member
        who is away (their queue goes to the deputy). A form waiting for its
        course at the last stage is there too, so specialist support can prepare it.
        """
        on = on or timezone.localdate()
        away = Delegation.objects.active_on(on).filter(deputy_id=user.person_id).values("person_id")
        accounts = Q(user=user) | Q(user__person__in=away) if user.person_id else Q(user=user)
        at_stage = Q(pk__in=[])
        for kind, organisation_id in AppRole.objects.filter(accounts).values_list(
            "kind", "organisation_id"
        ):
            if kind not in (AppRoleKind.COORDINATOR, AppRoleKind.SPECIALIST):
                continue
            group = Q(route__stages__approver_group=kind, route__stages__position=F("stage"))
            at_stage |= group & Q(organisation_id=organisation_id) if organisation_id else group
        under_review = (RequestStatus.IN_REVIEW, RequestStatus.WAITING_FOR_TRAINING)
        return self.filter(at_stage, status__in=under_review).distinct()

    def pending(self) -> AccessRequestQuerySet:
        return self.filter(status__in=PENDING_STATUSES)


def _signed_below(managed_unit_ids: frozenset[int]) -> Q:
    """Forms a manager signs for units below their own, as `selectors.responsible_signers` walks.

    The walk from a person's unit goes up past units with no manager, and past
    the unit a person manages alone when the form is theirs; for a manager link
    it starts at the parent of the unit to link. One query per level of units.
    """
    if not managed_unit_ids:
        return Q(pk__in=[])
    reached: set[int] = set()
    managers_alone = Q(pk__in=[])
    frontier = set(managed_unit_ids)
    while frontier:
        children = set(
            Unit.objects.filter(parent__in=frontier)
            .exclude(pk__in=managed_unit_ids | reached)
            .values_list("pk", flat=True)
        )
        managers: dict[int, set[int]] = {}
        for unit_id, manager_id in (
            ManagerLink.objects.active_on().filter(unit__in=children).values_list("unit", "manager")
        ):
            managers.setdefault(unit_id, set()).add(manager_id)
        for unit_id, linked in managers.items():
            if len(linked) == 1:
                managers_alone |= Q(person_id=linked.pop(), person__unit_id=unit_id)
        frontier = children - set(managers)
        reached |= frontier
    linked_below = AccessRequest.units.through.objects.filter(
        unit__parent__in=managed_unit_ids | reached
    ).values("accessrequest_id")
    return (~Q(kind=RequestKind.MANAGER_LINK) & (Q(person__unit__in=reached) | managers_alone)) | Q(
        kind=RequestKind.MANAGER_LINK, pk__in=linked_below
    )


class AccessRequest(models.Model):
    """A behörighetsblankett: apply for, change or end a role, or link a manager.

    For `manager_link` the person is the manager to link and `role` is empty.
    `grant` is the grant a change or end is about. `route` and `stage` are set
    when the form is signed; `stage` is the position of the current stage and
    `stage_due` its last working day under the stage's SLA. `reminder_level`
    counts the reminder steps taken on this stage, `reminded_on` the last one.
    """

    kind = models.CharField(_("typ"), max_length=20, choices=RequestKind.choices)
    status = models.CharField(
        _("status"), max_length=30, choices=RequestStatus.choices, default=RequestStatus.DRAFT
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="access_requests")
    role = models.ForeignKey(
        Role,
        verbose_name=_("roll"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="access_requests",
    )
    units = models.ManyToManyField(Unit, related_name="access_requests")
    valid_from = models.DateField(_("gäller från"))
    comment = models.TextField(_("kommentar"), blank=True)
    justification = models.TextField(
        _("motivering för chefsroll"),
        blank=True,
        help_text=_("Varför en annan chefsroll än den som gäller för chefsuppdraget."),
    )
    grant = models.ForeignKey(
        Grant, on_delete=models.PROTECT, null=True, blank=True, related_name="requests"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    route = models.ForeignKey(
        ApprovalRoute, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    stage = models.PositiveSmallIntegerField(_("steg"), null=True, blank=True)
    stage_entered_at = models.DateTimeField(_("i steget sedan"), null=True, blank=True)
    stage_due = models.DateField(_("ska vara klar"), null=True, blank=True)
    signature = models.ForeignKey(
        Signature, on_delete=models.PROTECT, null=True, blank=True, related_name="requests"
    )
    requested_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("motivering"), blank=True)
    reminder_level = models.PositiveSmallIntegerField(_("påminnelsenivå"), default=0)
    reminded_on = models.DateField(_("senast påmind"), null=True, blank=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    objects = AccessRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("behörighetsblankett")
        verbose_name_plural = _("behörighetsblanketter")
        indexes = [
            models.Index(fields=["status", "stage"], name="request_status_stage"),
            models.Index(fields=["status", "stage_due"], name="request_status_due"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="manager_link", role__isnull=True)
                | (~Q(kind="manager_link") & Q(role__isnull=False)),
                name="request_role_matches_kind",
                violation_error_message=_("Chefskoppling har ingen roll; andra blanketter har en."),
            ),
            models.CheckConstraint(
                condition=Q(stage__isnull=True) | Q(route__isnull=False),
                name="request_stage_has_route",
                violation_error_message=_("Ett steg kräver en beslutsväg."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.person}: {self.role or ''}".strip()

    def get_absolute_url(self) -> str:
        """The request's page, where every notification links; it holds no personal data."""
        return reverse("request-detail", args=[self.pk])
