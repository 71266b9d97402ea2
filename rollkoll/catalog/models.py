"""The role catalog: roles, courses and their rules, approval routes, local policies.

All rules are data, editable in the admin. Rows with an organisation override
the default (organisation empty) for that organisation; dated rows apply from
their start date, so a rule change is planned, not patched.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from rollkoll.org.models import AppRoleKind, Dated, ManagerKind, Organisation, dates_ordered

EPOCH = dt.date(2000, 1, 1)


class CourseKind(models.TextChoices):
    E_LEARNING = "e_learning", _("E-utbildning")
    CLASSROOM = "classroom", _("Lärarledd kurs")


class Course(models.Model):
    """A course in Lärportalen: e-learning or a classroom course."""

    code = models.CharField(_("kod"), max_length=40, unique=True)
    name = models.CharField(_("namn"), max_length=200)
    kind = models.CharField(_("typ"), max_length=20, choices=CourseKind.choices)
    duration = models.CharField(_("kurslängd"), max_length=60, blank=True)
    description = models.TextField(_("innehåll"), blank=True)
    material_url = models.URLField(_("utbildningsmaterial"), blank=True)
    booking_url = models.URLField(_("anmälan i Lärportalen"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("utbildning")
        verbose_name_plural = _("utbildningar")

    def __str__(self) -> str:
        return self.name


class Role(models.Model):
    """A behörighetsroll in Heroma."""

    code = models.CharField(_("kod"), max_length=40, unique=True)
    name = models.CharField(_("namn"), max_length=100)
    audience = models.TextField(_("målgrupp"), blank=True)
    content = models.TextField(_("innehåll"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=0)
    classroom_course = models.ForeignKey(
        Course,
        verbose_name=_("lärarledd kurs"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="roles_taught",
    )
    exclusive = models.BooleanField(
        _("kan inte kombineras med andra roller"),
        default=False,
        help_text=_("Personen får inte samtidigt ha någon annan roll."),
    )
    manager_role = models.BooleanField(
        _("chefsroll"),
        default=False,
        help_text=_(
            "En roll för chefer. Där organisationen knyter en roll till varje chefsuppdrag "
            "behöver en annan chefsroll en motivering."
        ),
    )
    interim_role = models.ForeignKey(
        "self",
        verbose_name=_("tillfällig roll i väntan på kurs"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interim_for",
    )
    requires_on_unit = models.ManyToManyField(
        "self",
        verbose_name=_("kräver någon av dessa roller på ansvaret"),
        symmetrical=False,
        blank=True,
        related_name="required_by",
    )
    recommended_courses = models.ManyToManyField(
        Course, verbose_name=_("rekommenderade utbildningar"), blank=True, related_name="+"
    )
    notes = models.TextField(_("att tänka på"), blank=True)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("behörighetsroll")
        verbose_name_plural = _("behörighetsroller")

    def __str__(self) -> str:
        return self.name


class RoleCourseRequirement(Dated):
    """An e-learning course that must be passed before the role's course is booked.

    For a role without a classroom course, before the form is sent. Rows of an
    organisation replace the default rows for that role in that organisation.
    """

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="course_requirements")
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["role", "organisation", "course"]
        verbose_name = _("krav på förberedande utbildning")
        verbose_name_plural = _("krav på förberedande utbildningar")
        constraints = [
            dates_ordered("rolecourserequirement_dates_ordered"),
            models.UniqueConstraint(
                fields=["role", "course", "organisation", "valid_from"],
                name="rolecourserequirement_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role}: {self.course}"


class UpgradePath(models.Model):
    """Holding `from_role`, a person reaches `to_role` with a shorter course."""

    from_role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="upgrades")
    to_role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="upgraded_from")
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("uppgradering")
        verbose_name_plural = _("uppgraderingar")
        constraints = [
            models.UniqueConstraint(fields=["from_role", "to_role"], name="upgradepath_unique")
        ]

    def __str__(self) -> str:
        return f"{self.from_role} → {self.to_role}"


class FormTimingChoice(models.TextChoices):
    AT_BOOKING = "at_booking", _("När kursen är bokad")
    AFTER_TRAINING = "after_training", _("När utbildningen är genomförd")


class FormTiming(Dated):
    """When the signed form may go, relative to the role's classroom course."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    timing = models.CharField(_("blanketten skickas"), max_length=20, choices=FormTimingChoice)

    class Meta:
        ordering = ["organisation", "-valid_from"]
        verbose_name = _("regel för när blanketten skickas")
        verbose_name_plural = _("regler för när blanketten skickas")
        constraints = [
            dates_ordered("formtiming_dates_ordered"),
            models.UniqueConstraint(
                fields=["organisation", "valid_from"], name="formtiming_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation or _('Standard')}: {self.get_timing_display()}"


class ManagerKindMapping(Dated):
    """The role an organisation gives each manager assignment, from a date."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    manager_kind = models.CharField(
        _("chefsuppdrag"), max_length=20, choices=ManagerKind.choices[1:]
    )
    role = models.ForeignKey(
        Role, verbose_name=_("roll"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["organisation", "manager_kind", "-valid_from"]
        verbose_name = _("roll per chefsuppdrag")
        verbose_name_plural = _("roller per chefsuppdrag")
        constraints = [
            dates_ordered("managerkindmapping_dates_ordered"),
            models.UniqueConstraint(
                fields=["organisation", "manager_kind", "valid_from"],
                name="managerkindmapping_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.get_manager_kind_display()} → {self.role}"


class ApprovalRoute(Dated):
    """The ordered stages a signed request passes; empty organisation = the default."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    name = models.CharField(_("namn"), max_length=200)

    class Meta:
        ordering = ["organisation", "-valid_from"]
        verbose_name = _("beslutsväg")
        verbose_name_plural = _("beslutsvägar")
        constraints = [
            dates_ordered("approvalroute_dates_ordered"),
            models.UniqueConstraint(
                fields=["organisation", "valid_from"], name="approvalroute_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name


APPROVER_GROUPS = [
    (AppRoleKind.COORDINATOR.value, AppRoleKind.COORDINATOR.label),
    (AppRoleKind.SPECIALIST.value, AppRoleKind.SPECIALIST.label),
]


# The stage names the catalog is installed with, so that pages can translate them.
INSTALLED_STAGE_NAMES = (
    gettext_noop("Bemanningssamordnare"),
    gettext_noop("Löneservice specialistsupport"),
)


class ApprovalStage(models.Model):
    route = models.ForeignKey(ApprovalRoute, on_delete=models.CASCADE, related_name="stages")
    position = models.PositiveSmallIntegerField(_("ordning"))
    name = models.CharField(_("namn"), max_length=200)
    approver_group = models.CharField(_("handläggs av"), max_length=20, choices=APPROVER_GROUPS)
    sla_working_days = models.PositiveSmallIntegerField(_("handläggningstid (arbetsdagar)"))

    class Meta:
        ordering = ["route", "position"]
        verbose_name = _("steg")
        verbose_name_plural = _("steg")
        constraints = [
            models.UniqueConstraint(fields=["route", "position"], name="approvalstage_unique"),
            models.CheckConstraint(
                condition=Q(sla_working_days__gte=1),
                name="approvalstage_sla_positive",
                violation_error_message=_("Handläggningstiden måste vara minst en arbetsdag."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.name}"


class HelpLink(models.Model):
    """A guide or manual on the catalog page, kept by specialist support."""

    title = models.CharField(_("rubrik"), max_length=200)
    url = models.URLField(_("länk"))
    version = models.CharField(_("version"), max_length=40, blank=True)
    section = models.CharField(_("avsnitt"), max_length=100, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    class Meta:
        ordering = ["section", "sort_order", "title"]
        verbose_name = _("hjälplänk")
        verbose_name_plural = _("hjälplänkar")

    def __str__(self) -> str:
        return self.title
