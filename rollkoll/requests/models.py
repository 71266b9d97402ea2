"""Requests (behörighetsblanketter) and the signatures that cover them."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from rollkoll.catalog.models import ApprovalRoute, Role
from rollkoll.org.models import (
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
        """Own requests, people and units in scope, the organisations coordinated."""
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
        )

    def pending(self) -> AccessRequestQuerySet:
        return self.filter(status__in=PENDING_STATUSES)


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
